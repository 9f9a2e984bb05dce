"""What the extraction strategy needs from a model client, and nothing more.

``extract`` and ``pipeline`` are written against :class:`ModelClient`, so they can be driven by any object with
these three members (a stand-in in a test, a client for another provider) and a type checker says when the
real :class:`~summarizer.llm.LLM` and its callers drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..models import Usage
    from ..templates import Prompt

__all__ = ["ModelClient"]

T = TypeVar("T", bound=BaseModel)


class ModelClient(Protocol):
    """A client that answers narrow questions with validated models and accounts for them per document."""

    @property
    def model_name(self) -> str:
        """The model asked, recorded in provenance and in what a stored result was made with."""
        ...

    @property
    def strategy(self) -> str:
        """How extraction uses the model: ``model-led`` (it reads every chunk) or ``refine-only``."""
        ...

    def document(self, token_budget: int | None = None) -> AbstractContextManager[Usage]:
        """A scope whose calls are counted (and capped) apart from other documents; yields its usage."""
        ...

    async def ask(
        self,
        prompt: Prompt,
        response_model: type[T],
        /,
        *,
        grounding_check: Callable[[T], str | None] | None = None,
        **variables: Any,
    ) -> T:
        """One question: ``variables`` fill ``prompt``; returns a valid ``response_model`` or raises ``LLMError``."""
        ...
