"""The simplest alternative a user would write: one instructor call, whole schema, whole bulletin.

Shared by section 3 (its prompt size) and section 6 (running it on the embedded model). The response
model mirrors the scored fields of :mod:`summarizer.models` without offsets (a user would not ask a model
for character offsets), and is converted to a :class:`summarizer.models.Summary` for scoring.
"""

from __future__ import annotations

from typing import Any

import pydantic_core
from pydantic import BaseModel, Field, ValidationError

from summarizer.models import (
    Bulletin,
    Evidence,
    OverviewPoint,
    Provenance,
    Sanction,
    SanctionAction,
    Statement,
    StatementType,
    Summary,
    Target,
)

SYSTEM = (
    "You extract structured data from an intelligence bulletin. List the overview points, every statement "
    "(who said what: speaker, role, reporting verb, content, type, target, cited outlet) and every sanctions "
    "action (authority, action, number of targets, named targets, countries, reasons). Copy names and words "
    "exactly from the text."
)


class NaiveStatement(BaseModel):
    speaker: str = Field(description="The speaker as written.")
    role: str | None = Field(default=None, description="Office held.")
    cue: str | None = Field(default=None, description="Reporting verb: stated, warned, called on...")
    content: str = Field(description="What was said.")
    statement_type: StatementType = "neutral"
    target: str | None = Field(default=None, description="Addressee or object.")
    cited_outlet: str | None = None


class NaiveSanction(BaseModel):
    authority: str = Field(description="Who imposed it, e.g. 'U.S. Treasury Department'.")
    action: SanctionAction = "designate"
    target_count: int | None = Field(default=None, ge=0)
    targets: list[str] = Field(default_factory=list)
    target_countries: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)


class NaiveSummary(BaseModel):
    """Everything in one response model: what the tool's Summary holds, minus offsets and provenance.

    The three lists are required, as a user would declare them. With defaults, llama.cpp's grammar lets
    the model answer ``{}`` in three tokens, and SmolLM2 does: that measures the schema, not the approach.
    """

    overview: list[str]
    statements: list[NaiveStatement]
    sanctions: list[NaiveSanction]


def messages(text: str) -> list[dict[str, str]]:
    """The chat messages of the one-shot call."""
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Bulletin:\n{text}"}]


def salvage(raw: str) -> NaiveSummary:
    """The complete items a truncated answer holds (incomplete strings and items dropped): the best a user
    could get out of a cut-off reply, which instructor itself rejects as invalid JSON."""
    try:
        partial = pydantic_core.from_json(raw, allow_partial=True)
    except ValueError:
        partial = {}
    partial = partial if isinstance(partial, dict) else {}

    def valid(model: type[BaseModel], values: Any) -> list[Any]:
        out = []
        for value in values if isinstance(values, list) else []:
            try:
                out.append(model.model_validate(value))
            except ValidationError:
                continue
        return out

    overview = [text for text in partial.get("overview") or [] if isinstance(text, str)]
    return NaiveSummary(
        overview=overview,
        statements=valid(NaiveStatement, partial.get("statements")),
        sanctions=valid(NaiveSanction, partial.get("sanctions")),
    )


def to_summary(result: NaiveSummary | None, backend: str = "naive") -> Summary:
    """A Summary the scorer accepts; evidence is the item's own text (no offsets were asked for)."""
    result = result or NaiveSummary(overview=[], statements=[], sanctions=[])

    def ev(text: str) -> Evidence:
        return Evidence(start=0, end=0, text=text, status="ungrounded")

    return Summary(
        bulletin=Bulletin(),
        overview=[OverviewPoint(text=t, evidence=ev(t)) for t in result.overview],
        statements=[Statement(**s.model_dump(), evidence=ev(s.content)) for s in result.statements],
        sanctions=[
            Sanction(
                **s.model_dump(exclude={"targets"}),
                targets=[Target(name=t) for t in s.targets],
                evidence=ev(s.authority),
            )
            for s in result.sanctions
        ],
        provenance=Provenance(backend=backend),
    )
