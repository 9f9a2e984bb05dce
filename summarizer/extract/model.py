"""Model-led extraction: the model reads each chunk and lists the statements and sanctions actions in it.

One call per chunk, with the instructions, schema and example first and identical in every call, so a llama.cpp
server reuses their evaluated prefix and only the chunk itself is read anew. What comes back is a candidate: only
what :mod:`.verify` finds in the text, in the right grammatical place, becomes a record.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel, field_validator

from .. import templates
from ..llm.failures import LLMError
from ..models import Questions, SanctionAction
from . import verify
from .base import Candidates
from .chunks import Chunk, chunks

if TYPE_CHECKING:
    from ..llm import ModelClient
    from ..segment import Document

__all__ = ["ChunkReading", "ModelExtractor"]

log = logging.getLogger(__package__)

PROMPT = "read_chunk"
UNREADABLE = frozenset({"invalid_output", "truncated", "refused"})
"""Failures of one chunk's answer, not of the endpoint: the chunk is skipped (the rules' records stand) and the
summary warns, where a dead server or a rejected key still fails the bulletin."""


class Said(BaseModel):
    """One statement as the model read it; every string is to be copied from the passage.

    No length limits and no defaults here: llama.cpp turns a ``max_length`` into a grammar that nests one optional
    per character (too large to parse), and a field with a default into one the model may skip.
    """

    speaker: str
    role: str | None
    cue: str
    content: str
    target: str | None

    @field_validator("role", "target", mode="before")
    @classmethod
    def _optional_text(cls, value: object) -> object:
        """An optional name given as a list or an object is no name: dropped, not worth a re-ask."""
        return value if value is None or isinstance(value, str) else None


class Imposed(BaseModel):
    """One sanctions action as the model read it."""

    authority: str
    action: SanctionAction
    targets: list[str]
    target_count: int | None
    reasons: list[str]


class ChunkReading(BaseModel):
    statements: list[Said]
    sanctions: list[Imposed]


Progress = Callable[[int, int], None]
"""Called with (chunks done, chunks to read) after every chunk."""


class ModelExtractor:
    """Asks the model to read every chunk that shows speech or a sanctions action."""

    name = "model"
    prompts = (PROMPT,)

    def __init__(self, llm: ModelClient, progress: Progress | None = None) -> None:
        self.llm = llm
        self.progress = progress
        self.rejected: dict[str, int] = {}
        self.skipped: list[str] = []
        """Why chunks whose answer was unusable were skipped."""
        self.questions: dict[str, Questions] = {
            "chunks": Questions(),
            "statements": Questions(),
            "sanctions": Questions(),
        }
        """Chunks read (accepted: those giving a record), and candidate records proposed and verified, by kind."""

    async def extract(self, doc: Document, earlier: Candidates) -> Candidates:
        prompt = templates.load(PROMPT)
        spans = [(r.evidence.start, r.evidence.end) for r in [*earlier.statements, *earlier.sanctions]]
        todo = [c for c in chunks(doc) if c.unread(spans)]
        done = 0

        async def read(chunk: Chunk) -> Candidates:
            nonlocal done
            context = {"section": chunk.section or "-", "previous": chunk.previous or "-"}
            try:
                reading = await self.llm.ask(prompt, ChunkReading, passage=chunk.passage, **context)
            except LLMError as exc:
                if exc.kind not in UNREADABLE:
                    raise
                self.skipped.append(str(exc))
                reading = ChunkReading(statements=[], sanctions=[])
            done += 1
            if self.progress is not None:
                self.progress(done, len(todo))
            found = verify.records(doc, chunk, reading, self.rejected)
            for kind, asked, accepted in (
                ("chunks", [chunk], [chunk] if found.statements or found.sanctions else []),
                ("statements", reading.statements, found.statements),
                ("sanctions", reading.sanctions, found.sanctions),
            ):
                self.questions[kind].asked += len(asked)
                self.questions[kind].accepted += len(accepted)
            return found

        found = await asyncio.gather(*(read(c) for c in todo))
        out = Candidates()
        for part in found:
            out.statements.extend(part.statements)
            out.sanctions.extend(part.sanctions)
        if self.rejected:
            log.info("model candidates rejected: %s", self.rejected)
        return out
