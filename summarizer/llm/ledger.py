"""Who pays for a question: usage per document and per run, and token budgets booked before a request is sent.

Every request is counted (failed and re-asked attempts too, because they cost tokens). Counts go to the active
:meth:`Ledger.document` scope and to the run's total; the budget belongs to the document.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from .. import models
from .failures import AttemptFailed, Failure

if TYPE_CHECKING:
    from .config import LLMConfig

__all__ = ["CallState", "Ledger", "Scope", "schema_text"]

_CHARS_PER_TOKEN = 3  # deliberately low so the budget estimate errs on the safe (high) side


@dataclass
class Scope:
    """Usage and budget of one document (or of the whole run when no document scope is active)."""

    usage: models.Usage
    budget: int | None
    reserved: int = 0

    @property
    def spent(self) -> int:
        return self.usage.prompt_tokens + self.usage.completion_tokens


@dataclass
class CallState:
    """What happened during one ``ask``: fed by instructor hooks, read by the retry predicates and classify."""

    label: str
    requests: int = 0
    last_event: Literal["none", "response", "error"] = "none"
    last_response_ok: bool = False
    reserved: int = 0
    budget_refused: bool = False
    truncated: bool = False  # the last answer used all of max_tokens, whatever finish_reason said
    reasks: int = 0
    scope: Scope | None = None


@functools.cache
def schema_text(response_model: type[BaseModel]) -> str:
    """The model's JSON Schema as canonical text: pydantic rebuilds it on every call otherwise."""
    return json.dumps(response_model.model_json_schema(), sort_keys=True)


class Ledger:
    """Usage totals, document scopes and budget reservations of one client."""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self.usage = self._new_usage()
        self._root = Scope(usage=self.usage, budget=config.token_budget)
        self._scope: contextvars.ContextVar[Scope | None] = contextvars.ContextVar(f"llm_scope_{id(self)}")

    def _new_usage(self) -> models.Usage:
        """A local model costs nothing; a hosted one costs what ``prices`` says, or is unknown (None)."""
        return models.Usage(cost_usd=0.0 if self.config.backend == "local" else None)

    # ----------------------------------------------------------------- document scope
    @contextlib.contextmanager
    def document(self, token_budget: int | None = None) -> Iterator[models.Usage]:
        """Account (and cap) the calls made inside this block separately; see :meth:`LLM.document`."""
        budget = token_budget if token_budget is not None else self.config.token_budget
        scope = Scope(usage=self._new_usage(), budget=budget)
        token = self._scope.set(scope)
        try:
            yield scope.usage
        finally:
            self._scope.reset(token)

    def _current(self) -> Scope:
        return self._scope.get(None) or self._root

    def _scopes(self) -> list[Scope]:
        scope = self._current()
        return [scope] if scope is self._root else [scope, self._root]

    # ----------------------------------------------------------------- counting (instructor hooks)
    def count_cached(self) -> None:
        """An answer taken from the cache: no request, no tokens, but it shows in provenance."""
        for scope in self._scopes():
            scope.usage.cached_calls += 1

    def on_response(self, state: CallState, response: Any) -> None:
        """A completion arrived (valid or not): book its tokens and cost, note whether it was cut off."""
        self.release(state)
        self._count_request(state)
        state.last_event = "response"
        from openai.types.chat import ChatCompletion

        state.last_response_ok = isinstance(response, ChatCompletion) and bool(response.choices)
        usage = getattr(response, "usage", None)
        prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        # llama.cpp's server reports finish_reason="tool_calls" for a reply cut off at max_tokens, so
        # instructor sees a parse error, not IncompleteOutputException: recognise the cut by its length.
        state.truncated = completion_tokens >= self.config.max_tokens
        cost = self._cost(prompt_tokens, completion_tokens)
        for scope in self._scopes():
            scope.usage.prompt_tokens += prompt_tokens
            scope.usage.completion_tokens += completion_tokens
            if cost is not None:
                scope.usage.cost_usd = (scope.usage.cost_usd or 0.0) + cost

    def on_error(self, state: CallState) -> None:
        """The HTTP call itself failed: a request was made (and counted) but no answer arrived."""
        self.release(state)
        self._count_request(state)
        state.last_event = "error"
        state.last_response_ok = False

    def _count_request(self, state: CallState) -> None:
        for scope in self._scopes():
            scope.usage.calls += 1
            if state.requests:
                scope.usage.retries += 1
        state.requests += 1

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        if self.config.backend == "local":
            return 0.0
        price = self.config.prices.get(self.config.model_name)
        if price is None:
            return None
        return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000

    # ----------------------------------------------------------------- budget
    def estimate_prompt_tokens(self, messages: list[dict[str, str]], response_model: type[BaseModel]) -> int:
        """Over-estimate of prompt tokens (messages + the tool schema instructor sends); no tokenizer needed."""
        chars = len(json.dumps(messages, ensure_ascii=False)) + len(schema_text(response_model))
        return chars // _CHARS_PER_TOKEN + 16

    def reserve(self, state: CallState, need: int) -> None:
        """Refuse a request whose worst case could take the document past its budget; else book it.

        Booking (not just checking) matters with concurrency: ten questions of one document that
        start together must not each see the same unspent budget. Raises :class:`AttemptFailed` (budget).
        """
        self.release(state)
        scope = self._current()  # the document's budget; the run total has none of its own
        if scope.budget is not None and scope.spent + scope.reserved + need > scope.budget:
            raise AttemptFailed(
                Failure(
                    kind="budget",
                    detail=(
                        f"token budget exceeded: {scope.spent} of {scope.budget} tokens spent, "
                        f"next request may need up to {need}"
                    ),
                    transient=False,
                )
            )
        scope.reserved += need
        state.reserved = need
        state.scope = scope

    def release(self, state: CallState) -> None:
        """Give back what ``state`` booked: the request was answered, failed, or will be re-booked."""
        if state.reserved and state.scope is not None:
            state.scope.reserved = max(0, state.scope.reserved - state.reserved)
        state.reserved = 0
