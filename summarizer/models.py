"""The output contract: every record the tool emits or scores is defined here, and only here.

JSON Schema files in ``schemas/`` are generated from these models (``summarizer schema --write``);
a test fails when the two drift.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteType = Literal["direct", "indirect", "mixed"]
StatementType = Literal[
    "threaten",
    "accuse_condemn",
    "demand_appeal",
    "reject_deny",
    "praise_support",
    "intent_to_cooperate",
    "claim_responsibility",
    "assessment",
    "neutral",
]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
SanctionAction = Literal["designate", "delist", "amend", "threaten"]
TargetKind = Literal["individual", "entity", "vessel", "aircraft", "unknown"]
GroundStatus = Literal["exact", "fuzzy", "ungrounded"]

STATEMENT_TYPES: tuple[str, ...] = StatementType.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base for every contract model: unknown keys are an error, so typos in gold files surface."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """Where an item came from: offsets into the normalised bulletin text, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    status: GroundStatus = "exact"


class Citation(Record):
    """One source in a parenthesised citation such as ``(Tasnim, April 2)``."""

    outlet: str
    date: dt.date | None = None
    date_end: dt.date | None = Field(default=None, description="Last day when the citation gives a range.")
    start: int = Field(default=0, ge=0, description="Offset of the citation text in the bulletin.")
    end: int = Field(default=0, ge=0)


class Bulletin(Record):
    title: str | None = None
    publisher: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    editor: str | None = None
    source: str | None = Field(default=None, description="File path or URL the bulletin was read from.")
    language: str = "en"
    sha256: str | None = Field(default=None, description="Hash of the normalised text, for resumable batches.")


class Origin(Record):
    """Which extractors found an item, and which one filled each field another extractor had left empty."""

    extractors: list[str] = Field(default_factory=list, description="E.g. ['rules', 'model'].")
    fields: dict[str, str] = Field(
        default_factory=dict, description="Field -> extractor, for fields not filled by the first extractor."
    )


class OverviewPoint(Record):
    text: str
    evidence: Evidence


class Statement(Record):
    """Who said what: source + cue + content, as in attribution research (PARC, Quotebank)."""

    speaker: str = Field(description="The speaker as written, e.g. 'Mohammad Baqeri'.")
    speaker_canonical: str | None = Field(default=None, description="Canonical spelling from the alias table.")
    role: str | None = Field(
        default=None, description="Office held, e.g. 'Chief of Staff of the Iranian Armed Forces'."
    )
    affiliation: str | None = Field(default=None, description="Organisation or country the speaker belongs to.")
    cue: str | None = Field(default=None, description="Reporting verb: stated, warned, called on...")
    content: str
    quote_type: QuoteType = "indirect"
    statement_type: StatementType = "neutral"
    modality: Modality = "asserted"
    target: str | None = Field(default=None, description="Addressee or object, e.g. 'the United States'.")
    said_on: dt.date | None = None
    cited_outlet: str | None = None
    cited_date: dt.date | None = None
    section: str | None = None
    evidence: Evidence
    origin: Origin | None = None


class Target(Record):
    name: str
    kind: TargetKind = "unknown"
    country: str | None = None


class Sanction(Record):
    """A sanctions action, after the FollowTheMoney ``Sanction`` schema and OFAC press releases."""

    authority: str = Field(description="Who imposed it, e.g. 'U.S. Treasury Department'.")
    issuing_country: str | None = None
    action: SanctionAction = "designate"
    announced_on: dt.date | None = None
    target_count: int | None = Field(default=None, ge=0, description="Number of targets as stated in the text.")
    targets: list[Target] = Field(default_factory=list, description="Targets named in the text.")
    target_countries: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list, description="Conduct cited.")
    programs: list[str] = Field(default_factory=list, description="Programme tags or legal basis (SDGT, E.O. 13224).")
    beneficiaries: list[str] = Field(default_factory=list)
    cited_outlet: str | None = None
    section: str | None = None
    evidence: Evidence
    origin: Origin | None = None


class Usage(Record):
    calls: int = 0
    cached_calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None

    def add(self, other: Usage) -> None:
        """Accumulate another usage record into this one."""
        self.calls += other.calls
        self.cached_calls += other.cached_calls
        self.retries += other.retries
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        if other.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + other.cost_usd


class Grounding(Record):
    exact: int = 0
    fuzzy: int = 0
    dropped: int = Field(default=0, description="Items whose evidence or names were not found in the text.")


class Questions(Record):
    """How often the model was asked one kind of question, and how many answers survived the text checks."""

    asked: int = 0
    accepted: int = 0


class Provenance(Record):
    backend: str
    model: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None
    tool_version: str | None = None
    created_at: dt.datetime | None = None
    usage: Usage = Field(default_factory=Usage)
    grounding: Grounding = Field(default_factory=Grounding)
    strategy: str | None = Field(default=None, description="rules, model-led or refine-only.")
    questions: dict[str, Questions] = Field(
        default_factory=dict,
        description="Per question kind: the narrow questions of refine-only (statement_type, target, role, "
        "speaker), or the model-led candidates (statements, sanctions) and how many passed verification.",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What looks incomplete: no statement found, or a sanctions action naming no target.",
    )


class Summary(Record):
    """Everything extracted from one bulletin."""

    bulletin: Bulletin
    overview: list[OverviewPoint] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    sanctions: list[Sanction] = Field(default_factory=list)
    provenance: Provenance


class Gold(Summary):
    """A hand-labelled summary plus what scoring needs.

    ``aliases`` lists groups of spellings of one name (first is canonical). Optional items are
    neither rewarded nor penalised: a prediction matching one is ignored.
    """

    family: str = Field(
        default="",
        description="Text family (e.g. itic-spotlight, daily-roundup, news-report): the eval reports each apart.",
    )
    aliases: list[list[str]] = Field(default_factory=list)
    optional_statements: list[Statement] = Field(default_factory=list)
    optional_sanctions: list[Sanction] = Field(default_factory=list)
    notes: str = ""


SCHEMA_MODELS: dict[str, type[BaseModel]] = {"summary": Summary, "gold": Gold}
