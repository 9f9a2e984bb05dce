"""The refine-only strategy: the rules find the records, the model answers narrow questions about them.

A small model cannot list every statement of a bulletin, but it can answer one closed question about one
sentence: a statement's type, its target, a missing role, and the speaker of a reporting sentence the rules
could not attribute. Every answer is checked against the text before it is used. Kept beside the model-led
strategy so the two can be measured against each other.
"""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, Field

from .. import rules, templates
from ..layout import flat
from ..llm.failures import LLMError
from ..models import STATEMENT_TYPES, Questions, Statement
from ..segment import Document, Paragraph, Sentence
from ..text import fold
from . import verify
from .base import Candidates

if TYPE_CHECKING:
    from ..llm import ModelClient
    from ..templates import Prompt

PROMPTS = ("statement_type", "statement_type_check", "target", "role", "speaker")
MAX_CANDIDATES = 40
"""Bound on speaker questions per bulletin: keeps a 60 KB bulletin within a per-document budget."""

TypeName = Literal[STATEMENT_TYPES]  # type: ignore[valid-type]
A = TypeVar("A", bound=BaseModel)


class TypeAnswer(BaseModel):
    statement_type: TypeName  # type: ignore[valid-type]


class TargetAnswer(BaseModel):
    target: str | None = Field(default=None, max_length=80)


class RoleAnswer(BaseModel):
    role: str | None = Field(default=None, max_length=120)


class SpeakerAnswer(BaseModel):
    speaker: str | None = Field(default=None, max_length=80)
    role: str | None = Field(default=None, max_length=120)


class Tally:
    """Questions asked and answers accepted, per kind: shows how much the model actually contributed."""

    def __init__(self) -> None:
        self.counts: dict[str, Questions] = {}
        self.unusable = 0
        """Answers that came back unusable (invalid, cut short, refused) and were done without."""

    def asked(self, kind: str, accepted: bool) -> bool:
        entry = self.counts.setdefault(kind, Questions())
        entry.asked += 1
        entry.accepted += int(accepted)
        return accepted


async def _ask(llm: ModelClient, prompt: Prompt, answer: type[A], tally: Tally, **fields: str) -> A | None:
    """The model's answer, or None when it gave one that cannot be used: the rules' reading stands, and the
    question counts as asked and not accepted. Failures of the endpoint still fail the bulletin."""
    try:
        return await llm.ask(prompt, answer, **fields)
    except LLMError as exc:
        if not exc.unreadable:
            raise
        tally.unusable += 1
        return None


async def refine(doc: Document, found: Candidates, llm: ModelClient, tally: Tally) -> Candidates:
    """Add what the rules missed and settle what they guessed, one narrow question at a time."""
    loaded = {name: templates.load(name) for name in PROMPTS}
    new = await _new_statements(doc, found.statements, llm, loaded, tally)
    refined = await asyncio.gather(*(_refine_statement(doc, s, llm, loaded, tally) for s in [*found.statements, *new]))
    return Candidates(found.overview, list(refined), found.sanctions)


_OUTLET = re.compile(r"(?i)\b(?:newspaper|news|times|agency|reports?|media|sources?|website)\b")


def _in(text: str, answer: str | None) -> str | None:
    """The answer as written in ``text`` (case-insensitive), or None: the model may only copy."""
    if not answer:
        return None
    answer = answer.strip(" .,\"'")
    if not answer or answer.lower() in {"null", "none", "n/a", "unknown"}:
        return None
    at = text.lower().find(answer.lower())
    return text[at : at + len(answer)] if at >= 0 else None


def _accept_target(st: Statement, target: str | None) -> bool:
    """An addressee apart from the speaker, and no clause: a target naming the speaker or holding a verb of saying
    ("The U.S. Treasury rejected Soltani's account") is the sentence copied back, not whom it is aimed at."""
    if not target or len(target.split()) > 8 or rules.CUE_RE.search(target):
        return False
    return fold(target) not in fold(st.speaker) and fold(st.speaker) not in fold(target)


def _accept_role(st: Statement, role: str | None) -> bool:
    return bool(role) and rules.is_role(role or "") and fold(role or "") != fold(st.speaker)


async def _refine_statement(
    doc: Document, st: Statement, llm: ModelClient, loaded: dict[str, Prompt], tally: Tally
) -> Statement:
    updates: dict[str, Any] = {}
    sentence = st.evidence.text
    if st.statement_type in rules.GENERIC:  # a fallback, not a lexical finding: only these go to the model
        # Two wordings with the labels in opposite order: an answer that depends on the order is a guess.
        first, second = await asyncio.gather(
            _ask(llm, loaded["statement_type"], TypeAnswer, tally, cue=st.cue or "said", content=st.content),
            _ask(llm, loaded["statement_type_check"], TypeAnswer, tally, cue=st.cue or "said", content=st.content),
        )
        agreed = first is not None and second is not None and first.statement_type == second.statement_type
        kind = first.statement_type if agreed and first is not None else None
        if tally.asked("statement_type", kind is not None and rules.plausible(kind, st.content)):
            updates["statement_type"] = kind
    if st.target is None:
        answer = await _ask(llm, loaded["target"], TargetAnswer, tally, speaker=st.speaker, sentence=sentence)
        target = _in(sentence, answer.target if answer else None)
        if tally.asked("target", _accept_target(st, target)):
            updates["target"] = target
    para = doc.paragraph_at(st.evidence.start)
    if st.role is None and para is not None:
        said = await _ask(llm, loaded["role"], RoleAnswer, tally, speaker=st.speaker, paragraph=para.text)
        role = _in(para.text, said.role if said else None)
        if tally.asked("role", _accept_role(st, role)):
            updates["role"] = re.sub(r"^(?:the|a|an)\s+", "", role or "", flags=re.I)
            updates["affiliation"] = st.affiliation or rules.affiliation(updates["role"])
    return st.model_copy(update=updates) if updates else st


async def _new_statements(
    doc: Document, statements: list[Statement], llm: ModelClient, loaded: dict[str, Prompt], tally: Tally
) -> list[Statement]:
    """Reporting sentences the rules saw a cue in but could not attribute: ask who spoke."""
    covered = {(s.evidence.start, s.evidence.end) for s in statements}
    candidates: list[tuple[Paragraph, Sentence, rules.Cue]] = []
    for para in doc.paragraphs:
        for sent in para.sentences:
            if (sent.start, sent.end) in covered:
                continue
            cue = rules.reporting_cue(sent.text)
            if cue and cue.verb != "according to":
                candidates.append((para, sent, cue))
    candidates = candidates[:MAX_CANDIDATES]

    async def ask(para: Paragraph, sent: Sentence, cue: rules.Cue) -> Statement | None:
        context = para.text[: max(0, sent.start - para.start)][-400:]
        answer = await _ask(llm, loaded["speaker"], SpeakerAnswer, tally, context=context or "-", sentence=sent.text)
        said = answer.speaker if answer else None
        speaker = _in(sent.text, said) or _in(context, said) or ""
        ok = (
            len(speaker.split()) <= 6
            and not _OUTLET.search(speaker)  # an outlet reporting news is a citation, not an actor
            and len(cue.content.split()) >= 3
            and verify.attributed(sent.flat, flat(context), speaker, cue.verb)
        )
        if not tally.asked("speaker", ok):
            return None
        role = _in(para.text, answer.role if answer else None)
        return rules.statement(doc, para, sent, cue, speaker, role)

    found = await asyncio.gather(*(ask(*c) for c in candidates))
    return [s for s in found if s is not None]


__all__ = ["PROMPTS", "Tally", "refine"]
