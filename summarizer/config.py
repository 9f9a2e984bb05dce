"""Defaults from a config file, so a team can pin its backend, endpoint and limits without flags.

Precedence: command-line flag > environment variable > config file > built-in default. The file is TOML,
found at ``$SUMMARIZER_CONFIG``, else ``./summarizer.toml``, else ``~/.config/summarizer/config.toml``::

    backend = "openai"
    model = "gpt-4o-mini"
    base_url = "http://127.0.0.1:11434/v1"
    timeout = 30
    token_budget = 200000
    [prices]
    "gpt-4o-mini" = [0.15, 0.60]   # USD per 1M prompt tokens, per 1M completion tokens

API keys are never read from it: they belong in the environment (``OPENAI_API_KEY``).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from .errors import SummarizerError

KEYS = {
    "backend": str,
    "model": str,
    "base_url": str,
    "mode": str,
    "strategy": str,
    "model_path": str,
    "concurrency": int,
    "timeout": (int, float),
    "max_retries": int,
    "token_budget": int,
    "n_threads": int,
    "n_ctx": int,
    "cache_path": str,
    "prices": dict,
}


class ConfigError(SummarizerError):
    """A setting that cannot be used, from the config file or a flag."""


def path() -> Path | None:
    """The config file in effect, if any."""
    explicit = os.environ.get("SUMMARIZER_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    for candidate in (Path("summarizer.toml"), Path.home() / ".config" / "summarizer" / "config.toml"):
        if candidate.is_file():
            return candidate
    return None


def load() -> dict[str, Any]:
    """Settings from the config file; unknown keys and secrets are refused so mistakes surface."""
    found = path()
    if found is None:
        return {}
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{found}: cannot read config ({exc})") from None
    for key, value in data.items():
        if "key" in key.lower() or "secret" in key.lower() or key.lower() == "token":
            raise ConfigError(f"{found}: {key!r} looks like a credential; put it in the environment, not a file")
        if key not in KEYS:
            raise ConfigError(f"{found}: unknown setting {key!r}; known: {', '.join(sorted(KEYS))}")
        if not isinstance(value, KEYS[key]):
            raise ConfigError(f"{found}: {key!r} has the wrong type ({type(value).__name__})")
    prices = data.get("prices", {})
    for model, pair in prices.items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int | float) for x in pair)):
            raise ConfigError(f"{found}: prices.{model} must be [prompt USD per 1M, completion USD per 1M]")
    if prices:
        data["prices"] = {model: (float(a), float(b)) for model, (a, b) in prices.items()}
    return data
