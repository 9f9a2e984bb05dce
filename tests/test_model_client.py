"""The model backends depend on the ``ModelClient`` protocol only: a stand-in with its four members drives them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from summarizer import extract
from summarizer.llm import ModelClient
from summarizer.models import Usage
from summarizer.pipeline import summarize_async
from summarizer.templates import Prompt

from .fakeserver import NONCOMMITTAL
from .helpers import SAMPLE

T = TypeVar("T", bound=BaseModel)


class StandIn:
    """No HTTP, no cache: a noncommittal answer to every question, each one recorded."""

    model_name = "stand-in"
    strategy = "model-led"

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.usage = Usage(calls=0)

    def document(self, token_budget: int | None = None) -> contextlib.AbstractContextManager[Usage]:
        return contextlib.nullcontext(self.usage)

    async def ask(
        self,
        prompt: Prompt,
        response_model: type[T],
        /,
        *,
        grounding_check: Callable[[T], str | None] | None = None,
        **variables: Any,
    ) -> T:
        prompt.render(**variables)  # a missing variable would fail here as it would for the real client
        self.asked.append(prompt.name)
        return response_model.model_validate(NONCOMMITTAL[response_model.__name__])


def test_pipeline_runs_on_any_model_client() -> None:
    client: ModelClient = StandIn()
    summary = asyncio.run(summarize_async(SAMPLE, "openai", llm=client))
    assert isinstance(client, StandIn) and client.asked
    assert set(client.asked) <= set(extract.STRATEGIES["model-led"].prompts)
    assert summary.provenance.model == "stand-in"
    assert summary.provenance.prompt_hash == extract.prompt_hash("model-led")
    assert summary.provenance.usage == client.usage
    asked = sum(q.asked for q in summary.provenance.questions.values())
    assert asked > 0 and summary.statements
