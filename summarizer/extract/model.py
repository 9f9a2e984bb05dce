"""Model-led extraction: the model reads each chunk and lists the statements and sanctions actions in it.

One call per chunk, with the instructions, schema and example first and identical in every call, so a llama.cpp
server reuses their evaluated prefix and only the chunk itself is read anew. What comes back is a candidate: only
what :mod:`.verify` finds in the text, in the right grammatical place, becomes a record.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import (
    BaseModel,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from .. import templates
from ..layout import flat
from ..llm.failures import LLMError
from ..models import Questions, Sanction, SanctionAction
from . import verify
from .base import Candidates
from .chunks import Chunk, chunks

if TYPE_CHECKING:
    from ..llm import ModelClient
    from ..segment import Document

__all__ = ["PROMPTS", "ChunkReading", "Listed", "ModelExtractor"]

log = logging.getLogger(__package__)

PROMPT = "read_chunk"
TARGETS_PROMPT = "sanction_targets"
PROMPTS = (PROMPT, TARGETS_PROMPT)
_DROPPED = "item failed validation"


def _compact(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with references inlined, optional fields as a list of types, and no titles, descriptions or
    defaults: the prompt explains each field, and the schema is read with every chunk (instructor's JSON modes
    print it, indented, into the system message; on 2 cores each of its tokens costs 65 ms of a cold run)."""
    if isinstance(node, list):
        return [_compact(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _compact(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    options = node.get("anyOf")
    if options and all(set(o) == {"type"} for o in options):  # Optional[str] -> {"type": ["string", "null"]}
        node = {"type": [o["type"] for o in options]}
    return {  # a property may itself be called "title" or "default": only schema keywords are dropped
        key: _compact(value, defs) if key != "properties" else {k: _compact(v, defs) for k, v in value.items()}
        for key, value in node.items()
        if key not in ("title", "description", "default", "$defs")
    }


class _Answer(BaseModel):
    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema as compact as it can be stated; the model's own title stays, as tool calling names the
        function after it."""
        schema = super().model_json_schema(*args, **kwargs)
        return {"title": schema["title"], **_compact(schema, schema.get("$defs", {}))}


class Said(_Answer):
    """One statement as the model read it: where it is, and who says it with which verb.

    What was said is not asked for: it is read from the pointed line by the rules' own content reader, which keeps
    the model's answer to a few tokens and its words out of the record. No length limits: llama.cpp turns a
    ``max_length`` into a grammar that nests one optional per character, too large to parse. An optional name the
    model leaves out is null, not a failed answer: a small model often drops a trailing null field, and a re-ask
    costs a whole second reading of the chunk.
    """

    line: int
    speaker: str
    role: str | None = None
    cue: str
    target: str | None = None

    @field_validator("role", "target", mode="before")
    @classmethod
    def _optional_text(cls, value: object) -> object:
        """An optional name given as a list or an object is no name: dropped, not worth a re-ask."""
        return value if value is None or isinstance(value, str) else None


class Imposed(_Answer):
    """One sanctions action as the model read it; its date, conduct, programmes and beneficiaries are read from the
    pointed line by the rules' sanctions reader."""

    line: int
    authority: str
    action: SanctionAction
    targets: list[str] = []
    target_count: int | None = None


class ChunkReading(_Answer):
    """A chunk's reading. A list the model leaves out is empty, and an item that fails validation is dropped, not
    the answer: unconstrained JSON from a small model often omits "sanctions" or misnames one action, and failing
    the whole answer cost a re-ask and then the chunk (9 of 39 chunks on round nineteen)."""

    statements: list[Said] = []
    sanctions: list[Imposed] = []
    _dropped: int = PrivateAttr(default=0)

    @model_validator(mode="wrap")
    @classmethod
    def _valid_items(cls, value: object, handler: ModelWrapValidatorHandler[ChunkReading]) -> ChunkReading:
        if not isinstance(value, dict):
            return handler(value)
        kept, dropped = dict(value), 0
        for key, item_type in (("statements", Said), ("sanctions", Imposed)):
            items = value.get(key)
            if isinstance(items, list):  # a list that is not a list is no reading at all: the answer fails
                kept[key] = [item for item in items if _validates(item_type, item)]
                dropped += len(items) - len(kept[key])
        reading = handler(kept)
        reading._dropped = dropped
        return reading

    @property
    def dropped(self) -> int:
        """Items of the answer that failed validation and were left out."""
        return self._dropped


def _validates(item_type: type[BaseModel], item: object) -> bool:
    try:
        item_type.model_validate(item)
    except ValidationError:
        return False
    return True


class Listed(_Answer):
    """The targets one sanctions sentence names, as the model copied them."""

    targets: list[str] = []


Progress = Callable[[int, int], None]
"""Called with (chunks done, chunks to read) after every chunk."""


class ModelExtractor:
    """Asks the model to read every chunk that shows speech or a sanctions action."""

    name = "model"
    prompts = PROMPTS

    def __init__(self, llm: ModelClient, progress: Progress | None = None) -> None:
        self.llm = llm
        self.progress = progress
        self.rejected: dict[str, int] = {}
        self.skipped: list[str] = []
        """Why chunks, or actions asked for their targets, whose answer was unusable were skipped."""
        self.questions: dict[str, Questions] = {
            "chunks": Questions(),
            "statements": Questions(),
            "sanctions": Questions(),
            "targets": Questions(),
        }
        """Chunks read (accepted: those giving a record), candidate records proposed and verified, by kind, and
        actions asked for their targets (accepted: those given one)."""

    async def extract(self, doc: Document, earlier: Candidates) -> Candidates:
        prompt = templates.load(PROMPT)
        spans = [(r.evidence.start, r.evidence.end) for r in [*earlier.statements, *earlier.sanctions]]
        todo = [c.after(spans) for c in chunks(doc) if c.unread(spans)]
        done = 0

        async def read(chunk: Chunk) -> Candidates:
            nonlocal done
            context = {"section": chunk.section or "-", "previous": chunk.previous or "-"}
            try:
                reading = await self.llm.ask(prompt, ChunkReading, passage=chunk.passage, **context)
            except LLMError as exc:
                if not exc.unreadable:
                    raise  # a dead server or a rejected key fails the bulletin; an unusable answer skips the chunk
                self.skipped.append(str(exc))
                reading = ChunkReading(statements=[], sanctions=[])
            done += 1
            if self.progress is not None:
                self.progress(done, len(todo))
            if reading.dropped:
                self.rejected[_DROPPED] = self.rejected.get(_DROPPED, 0) + reading.dropped
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
        named = await asyncio.gather(*(self._targets(doc, a) for a in earlier.sanctions if not a.targets))
        out.sanctions.extend(a for a in named if a is not None)
        if self.rejected:
            log.info("model candidates rejected: %s", self.rejected)
        return out

    async def _targets(self, doc: Document, action: Sanction) -> Sanction | None:
        """An action the rules read without its targets, with those the model names and the text bears out: one
        narrow question per action, as a small model asked for a whole chunk's actions seldom lists them again."""
        sentence, following = _with_next(doc, action)
        try:
            answer = await self.llm.ask(
                templates.load(TARGETS_PROMPT),
                Listed,
                authority=action.authority,
                sentence=sentence,
                following=following,
            )
        except LLMError as exc:
            if not exc.unreadable:
                raise
            self.skipped.append(str(exc))
            return None
        named = verify.targets(action, f"{sentence}\n{following}", answer.targets)
        self.questions["targets"].asked += 1
        self.questions["targets"].accepted += int(named is not None)
        return named


def _with_next(doc: Document, action: Sanction) -> tuple[str, str]:
    """The sentence an action was read in, and the one after it in its paragraph (or "-"): targets are often
    named there ("Those designated include ...")."""
    para = doc.paragraph_at(action.evidence.start)
    after = [s.flat for s in para.sentences if s.start >= action.evidence.end] if para is not None else []
    return flat(action.evidence.text), after[0] if after else "-"
