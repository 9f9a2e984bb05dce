"""What a scoring run found, as pydantic models: saved as JSON, and read back as a baseline.

Scores keep their counts (true positives, predicted, gold) rather than ratios, so documents add up
to a micro-average and the bootstrap can resample them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

from .settings import HEADLINE, KINDS, RecordKind


def f1_from_counts(tp: float, n_pred: float, n_gold: float) -> float:
    """F1 as 2 tp / (n_pred + n_gold), which also adds up over documents; 1.0 when both sides are empty."""
    total = n_pred + n_gold
    return 2.0 * tp / total if total else 1.0


class PRF(BaseModel):
    """Counts behind precision/recall/F1. With nothing predicted and nothing in gold all three are 1.0;
    with nothing predicted but something in gold, precision is 0.0 (silence is not precise)."""

    tp: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else float(self.n_gold == 0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else float(self.n_pred == 0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return f1_from_counts(self.tp, self.n_pred, self.n_gold)


class FieldScore(BaseModel):
    strict: PRF = Field(default_factory=PRF)
    lenient: PRF = Field(default_factory=PRF)


class Outcomes(BaseModel):
    """Per item: correct (every scored field equal), partial, missed, spurious; ``ignored`` matched optional gold."""

    correct: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0
    ignored: int = 0


class TypeScore(BaseModel):
    """Scores of one record type: record-level, field-level micro over all fields, and per field."""

    record: PRF = Field(default_factory=PRF)
    strict: PRF = Field(default_factory=PRF)
    lenient: PRF = Field(default_factory=PRF)
    fields: dict[str, FieldScore] = Field(default_factory=dict)
    outcomes: Outcomes = Field(default_factory=Outcomes)

    def metric(self, name: str) -> float:
        """``record_f1``, ``strict_precision``, ``lenient_recall``... read from this score."""
        level, _, stat = name.partition("_")
        return float(getattr(getattr(self, level), stat))


class Diff(BaseModel):
    """One difference to look at: a missed or spurious item, or a wrong field of a matched pair."""

    doc: str
    type: RecordKind
    kind: Literal["missed", "spurious", "wrong"]
    item: str
    field: str | None = None
    gold: Any = None
    predicted: Any = None


class GroundingScore(BaseModel):
    """Predicted items whose evidence was found in the source; kept apart from gold precision."""

    grounded: int = 0
    predicted: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        return self.grounded / self.predicted if self.predicted else None


class DocScore(BaseModel):
    doc: str
    family: str = ""
    predicted: bool = True
    types: dict[str, TypeScore] = Field(default_factory=dict)
    bulletin: dict[str, bool] = Field(default_factory=dict)
    grounding: dict[str, GroundingScore] = Field(default_factory=dict)
    diffs: list[Diff] = Field(default_factory=list)


class Interval(BaseModel):
    low: float
    high: float


class Delta(BaseModel):
    """Paired-bootstrap comparison of one metric: ``delta`` = run - baseline over the same documents."""

    metric: str
    value: float
    baseline: float
    delta: float
    low: float
    high: float
    n_docs: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def worse(self) -> bool:
        """Significantly worse: the whole interval of the delta is below zero."""
        return self.high < 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def better(self) -> bool:
        """Significantly better: the whole interval of the delta is above zero."""
        return self.low > 0


class Report(BaseModel):
    """Everything a scoring run found; ``Report.model_validate_json`` reads back a saved one as a baseline."""

    n_docs: int = 0
    types: dict[str, TypeScore] = Field(default_factory=dict)
    bulletin: dict[str, float] = Field(default_factory=dict)
    grounding: dict[str, GroundingScore] = Field(default_factory=dict)
    ci: dict[str, Interval] = Field(default_factory=dict)
    documents: list[DocScore] = Field(default_factory=list)
    families: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="Headline metrics per text family: one format's weakness shows apart."
    )
    missing_predictions: list[str] = Field(default_factory=list)
    extra_predictions: list[str] = Field(default_factory=list)
    settings: dict[str, int | float] = Field(default_factory=dict)
    run: dict[str, str | None] = Field(
        default_factory=dict, description="What produced the predictions: backend, model, prompt hash, commit."
    )
    check_failures: list[str] | None = Field(
        default=None, description="The floors and baselines a --check run failed; None when no check ran."
    )

    def value(self, metric: str) -> float:
        """Look up a metric by path: ``statements.record_f1``, ``statements.fields.speaker.strict_f1``,
        ``bulletin.title`` (accuracy), ``grounding.all`` (rate; 1.0 when nothing was predicted)."""
        parts = metric.split(".")
        if parts[0] == "bulletin":
            return self.bulletin[parts[1]]
        if parts[0] == "grounding":
            rate = self.grounding[parts[1]].rate
            return 1.0 if rate is None else rate
        ts = self.types[parts[0]]
        if parts[1] == "fields":
            level, _, stat = parts[3].partition("_")
            return float(getattr(getattr(ts.fields[parts[2]], level), stat))
        return ts.metric(parts[1])

    def headline(self) -> dict[str, float]:
        return {f"{k}.{m}": self.value(f"{k}.{m}") for k in KINDS for m in HEADLINE}

    def diffs(self) -> list[Diff]:
        return [d for doc in self.documents for d in doc.diffs]
