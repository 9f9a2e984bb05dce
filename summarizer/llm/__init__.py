"""The one door to a language model: ``openai`` SDK + ``instructor``, hosted or embedded, same code path.

What this layer guarantees to the extraction strategy built on top of it:

* ``await llm.ask(prompt, ResponseModel, **vars)`` returns a schema-valid ``ResponseModel`` or raises a
  one-line :class:`LLMError` (or :class:`BudgetExceeded`). Nothing else escapes, and no error text,
  log line, cache row or config dump contains the API key or a response body.
* Transport failures are retried with back-off, invalid output is re-asked a bounded number of times, and
  the two are never confused (:mod:`.ask`); failures are classified in :mod:`.failures`.
* Every request is counted in :attr:`LLM.usage` (and the active :meth:`LLM.document` scope): failed
  and re-asked attempts included, because they cost tokens too (:mod:`.ledger`).
* Answers are cached in SQLite keyed by everything that shapes them, so a re-run costs nothing and —
  for the local backend — does not even start the model server (:mod:`.client`).

:class:`LLM` is the facade that puts those parts together; :class:`ModelClient` is what callers rely on.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from .. import models
from ..cache import Cache
from .ask import AskLoop
from .client import Connection
from .config import DEFAULT_MODELS, LLMConfig
from .failures import BudgetExceeded, LLMError
from .ledger import Ledger
from .protocol import ModelClient

if TYPE_CHECKING:
    import openai

    from ..local import LocalServer
    from ..templates import Prompt

__all__ = ["DEFAULT_MODELS", "LLM", "BudgetExceeded", "LLMConfig", "LLMError", "ModelClient"]

T = TypeVar("T", bound=BaseModel)


class LLM:
    """Async client shared by all questions of a run; create once, ``await aclose()`` (or ``async with``)."""

    def __init__(
        self,
        config: LLMConfig | None = None,
        *,
        cache: Cache | None = None,
        client: openai.OpenAI | openai.AsyncOpenAI | None = None,
    ) -> None:
        """``client``: an OpenAI SDK client of the caller's (key, endpoint, headers as they set them) to ask through."""
        self.config = config or LLMConfig()
        self._owns_cache = cache is None and self.config.use_cache
        if cache is None and self.config.use_cache:
            cache = Cache(self.config.cache_path)
        self._cache = cache
        self._ledger = Ledger(self.config)
        self._connection = Connection(self.config, client)
        self._loop = AskLoop(self.config, self._ledger, self._connection, cache)

    # ----------------------------------------------------------------- identity / provenance
    @property
    def model_name(self) -> str:
        """The model asked, for provenance (the local server serves the GGUF under this alias)."""
        return self.config.model_name

    @property
    def strategy(self) -> str:
        """How extraction uses the model (``model-led`` or ``refine-only``), set in the config."""
        return self.config.extraction

    @property
    def usage(self) -> models.Usage:
        """Totals of every call this client made, all documents together."""
        return self._ledger.usage

    @property
    def server(self) -> LocalServer | None:
        """The running ``LocalServer`` (local backend, after the first uncached call), else None."""
        return self._connection.server

    @property
    def unreachable(self) -> str | None:
        """Why the endpoint is known down (a question spent every retry failing to connect), else None."""
        return self._loop.dead

    def describe(self) -> dict[str, str]:
        """Backend, model, endpoint (no credentials) and mode, for ``Provenance``."""
        return {
            "backend": self.config.backend,
            "model": self.model_name,
            "endpoint": self._connection.endpoint(),
            "mode": self.config.output_mode,
        }

    def __repr__(self) -> str:
        try:
            endpoint = self._connection.endpoint()
        except LLMError:
            endpoint = "unavailable"
        return f"LLM(backend={self.config.backend!r}, model={self.model_name!r}, endpoint={endpoint!r})"

    # ----------------------------------------------------------------- questions
    def document(self, token_budget: int | None = None) -> AbstractContextManager[models.Usage]:
        """Account (and cap) the calls made inside this block separately, e.g. one bulletin.

        Uses a context variable, so ``asyncio`` tasks started inside the block belong to it and
        several documents can be processed concurrently. Totals still go to :attr:`usage`.
        ``token_budget`` defaults to ``config.token_budget``.
        """
        return self._ledger.document(token_budget)

    async def ask(
        self,
        prompt: Prompt,
        response_model: type[T],
        /,
        *,
        grounding_check: Callable[[T], str | None] | None = None,
        **variables: Any,
    ) -> T:
        """Ask one narrow question; returns a validated ``response_model`` instance.

        ``variables`` fill the prompt template. ``grounding_check`` may inspect the answer and return a
        reason it is not supported by the text; the model is then asked once more with that reason,
        and the second answer is returned whatever it says (grounding proper happens downstream).
        Raises :class:`LLMError` (one line, no secrets) or :class:`BudgetExceeded`.
        """
        return await self._loop.ask(prompt, response_model, grounding_check, variables)

    # ----------------------------------------------------------------- lifecycle
    async def aclose(self) -> None:
        """Close the HTTP client, stop the local server (if started) and close the cache."""
        await self._connection.aclose()
        if self._cache is not None and self._owns_cache:
            self._cache.close()

    async def __aenter__(self) -> LLM:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
