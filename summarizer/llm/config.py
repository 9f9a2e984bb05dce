"""What chooses and limits the model: one frozen, credential-free object, validated where settings enter.

The CLI merges config-file values and flags into one mapping and builds the config with
:meth:`LLMConfig.from_settings`, so a bad value stops the run with one line before any work starts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic import ValidationError as PydanticValidationError

from ..config import ConfigError
from ..weights import CATALOGUE, DEFAULT_MODEL
from .failures import short_error

__all__ = ["DEFAULT_MODELS", "ENV_BASE_URL", "LLMConfig", "credential_free"]

DEFAULT_MODELS = {"openai": "gpt-4o-mini", "local": DEFAULT_MODEL}


class LLMConfig(BaseModel):
    """Everything that chooses and limits the model. Holds no credentials, so it is safe to dump/log.

    The API key is read from ``OPENAI_API_KEY`` when the client is created (first uncached call).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: Literal["openai", "local"] = "openai"
    model: str | None = Field(default=None, description="Model name; default depends on the backend.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint; None = SDK default.")
    mode: Literal["tools", "json_schema", "json", "md_json"] | None = Field(
        default=None, description="How instructor asks for structured output; None = by backend and strategy."
    )
    strategy: Literal["model-led", "refine-only"] | None = Field(
        default=None,
        description="How the model is used: it reads every chunk the rules left unread (model-led), or only answers "
        "narrow questions about what the rules found (refine-only); None = the catalogued model's, else model-led.",
    )
    model_path: Path | None = Field(default=None, description="GGUF file for the local backend.")
    timeout: float | None = Field(
        default=None, gt=0, description="Seconds per HTTP request, answer read in full; None = by backend and strategy."
    )
    max_response_bytes: int = Field(default=4_000_000, ge=1024, description="Cap on one HTTP response body.")
    max_retries: int = Field(default=4, ge=0, description="Transport retries after the first attempt.")
    max_reasks: int = Field(default=1, ge=0, description="Validation re-asks after the first answer.")
    concurrency: int = Field(default=4, ge=1, description="Requests in flight at once.")
    max_tokens: int = Field(default=512, ge=1, description="Completion tokens per request.")
    temperature: float = Field(default=0.0, ge=0)
    token_budget: int | None = Field(default=None, ge=1, description="Prompt+completion tokens per document.")
    cache_path: Path | None = Field(default=None, description="None = $SUMMARIZER_CACHE or ~/.cache/...")
    use_cache: bool = True
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="{model: (USD per 1M prompt tokens, USD per 1M completion tokens)}"
    )
    backoff_initial: float = Field(default=0.5, ge=0, description="First transport back-off, seconds.")
    backoff_max: float = Field(default=20.0, ge=0, description="Longest exponential back-off, seconds.")
    retry_after_max: float = Field(default=60.0, ge=0, description="Cap on a server's Retry-After, seconds.")
    n_ctx: int = Field(
        default=4096, ge=256, description="Local server context size: instructions, schema, a chunk and the answer."
    )
    n_threads: int | None = Field(
        default=None, ge=1, description="Local server threads; None = by strategy (see ``server_threads``)."
    )
    chat_format: str | None = Field(default=None, description="Local server chat format; None = GGUF template.")
    startup_timeout: float = Field(default=120.0, gt=0, description="Seconds to wait for the local server.")

    @field_validator("base_url")
    @classmethod
    def _no_credentials_in_url(cls, value: str | None) -> str | None:
        return credential_free(value, "base_url") if value else value

    @field_validator("mode")
    @classmethod
    def _local_mode(cls, value: str, info: ValidationInfo) -> str:
        """llama-cpp-python's server rejects instructor's JSON_SCHEMA requests; fail at config time."""
        if info.data.get("backend") == "local" and value == "json_schema":
            raise ValueError("the local backend does not support mode='json_schema'; use mode='tools'")
        return value

    @property
    def output_mode(self) -> str:
        """The mode asked with: the one set, else ``md_json`` for the local model reading whole chunks (llama.cpp's
        grammar sampling over a 150k-token vocabulary made each generated token about three times slower than
        unconstrained JSON, measured on 2 cores), else ``tools``."""
        if self.mode is not None:
            return self.mode
        return "md_json" if self.backend == "local" and self.reads_chunks else "tools"

    @property
    def request_timeout(self) -> float:
        """The timeout set, else 600 s for a local model reading whole chunks (one chunk took 50-150 s for the 1.5B
        model on 2 cores; a request timed out is computed again from scratch), else 60 s."""
        if self.timeout is not None:
            return self.timeout
        return 600.0 if self.backend == "local" and self.reads_chunks else 60.0

    @property
    def server_threads(self) -> int:
        """The threads set, else every core (up to 4) for a local model reading whole chunks, where prompt evaluation
        is the cost (the sample took 4 minutes on 2 cores, twice that on 1), else 1: narrow questions are answered
        in about a second either way, and one thread keeps them steady when the CPU is shared."""
        if self.n_threads is not None:
            return self.n_threads
        if self.backend == "local" and self.reads_chunks:
            return max(1, min(4, len(os.sched_getaffinity(0))))
        return 1

    @property
    def reads_chunks(self) -> bool:
        """The strategy in effect has the model read whole chunks."""
        from ..extract import STRATEGIES  # the strategy table lives with the extractors; imported when asked

        return STRATEGIES[self.extraction].reads_chunks

    @property
    def extraction(self) -> str:
        """The strategy in effect: the one set, else the one measured best for a catalogued local model (SmolLM2
        cannot list a chunk's statements, so it refines), else ``model-led``."""
        if self.strategy is not None:
            return self.strategy
        spec = CATALOGUE.get(self.model_name) if self.backend == "local" and self.model_path is None else None
        return spec.strategy if spec is not None else "model-led"

    @property
    def model_name(self) -> str:
        return self.model or DEFAULT_MODELS[self.backend]

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], backend: str | None = None) -> LLMConfig:
        """Merged config-file values and flags as a config; ``None`` means "not given", so the default holds.

        Keys that are not model settings are the caller's and are ignored. An invalid value raises a one-line
        :class:`~summarizer.config.ConfigError` naming the setting, not a pydantic report.
        """
        fields = {k: v for k, v in settings.items() if v is not None and k in cls.model_fields}
        if backend is not None:
            fields["backend"] = backend
        try:
            config = cls(**fields)
        except PydanticValidationError as exc:
            raise ConfigError(f"invalid setting {short_error(exc)}") from None
        if config.backend == "openai" and config.base_url is None:
            try:
                credential_free(os.environ.get(ENV_BASE_URL, ""), ENV_BASE_URL)
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
        return config


ENV_BASE_URL = "OPENAI_BASE_URL"


def credential_free(url: str, name: str) -> str:
    """``url`` if it names no user or password, else a ValueError that does not repeat it.

    Credentials in a URL end up in logs (every request line), dumps and provenance; the key belongs in
    ``OPENAI_API_KEY``. Refused rather than stripped: a stripped URL would quietly send no credentials at all.
    """
    if "@" in urlsplit(url).netloc:
        raise ValueError(f"{name} must not contain credentials (user:password@); set OPENAI_API_KEY instead")
    return url
