"""Score extracted summaries against hand-labelled gold.

Extracted items are unordered, so each record type is matched one-to-one by optimal assignment on a
similarity matrix, after gating on key fields (same speaker; same authority and date), and then
scored field by field, strictly (exact after normalisation) and leniently (similarity-weighted).
Few documents means wide error bars, so headline F1s carry a bootstrap interval over whole
documents, and two runs are compared with a paired bootstrap. See DOMAIN.md, "Scoring extraction
against gold", for why each choice was made.
"""

from __future__ import annotations

import contextlib
import gc
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
from pydantic import BaseModel, Field, computed_field
from rapidfuzz.distance import Indel, JaroWinkler
from rapidfuzz.process import cdist
from rich import box
from rich.console import Console
from rich.table import Table
from scipy.optimize import linear_sum_assignment

from summarizer.aliases import key as alias_key
from summarizer.models import Gold, OverviewPoint, Sanction, Statement, Summary

# --- settings -----------------------------------------------------------------------------------

NAME_GATE = 0.9
"""Jaro-Winkler a speaker pair needs (after alias lookup) to be compared at all: 0.88 separates
Esmail Qa'ani / Ismail Qaani, so transliterations must come from the alias table."""
AUTHORITY_GATE = 0.85
"""Organisation names vary more in length ("U.S. Treasury" / "U.S. Treasury Department" = 0.90)."""
DATE_WINDOW = 3
"""Days by which a sanction's announced_on may differ from gold and still be the same action."""
OVERVIEW_CUTOFF = 0.5
"""Token-overlap F1 under which an overview point is a different point."""
STATEMENT_CUTOFF = 0.3
"""Token-overlap F1 of content under which a same-speaker statement is a different statement."""
SANCTION_CUTOFF = 0.5
"""Mean of authority, action, date and target agreement under which a gated pair is rejected."""
TIE_BREAK = 1e-3
"""Weight of field agreement added to the statement similarity: small enough never to outrank content."""
RESAMPLES = 1000
SEED = 0

KINDS = ("overview", "statements", "sanctions")
RecordKind = Literal["overview", "statements", "sanctions"]
HEADLINE = ("record_f1", "strict_f1", "lenient_f1")
"""Metrics per record type that get a bootstrap interval and are compared with a baseline."""

FieldKind = Literal["name", "text", "content", "enum", "date", "int", "names", "set", "reasons"]
FIELDS: dict[str, dict[str, FieldKind]] = {
    "overview": {"text": "content"},
    "statements": {
        "speaker": "name",
        "role": "text",
        "affiliation": "name",
        "cue": "text",
        "content": "content",
        "quote_type": "enum",
        "statement_type": "enum",
        "target": "name",
        "said_on": "date",
        "cited_outlet": "name",
        "cited_date": "date",
        "section": "text",
    },
    "sanctions": {
        "authority": "name",
        "issuing_country": "name",
        "action": "enum",
        "announced_on": "date",
        "target_count": "int",
        "targets": "names",
        "target_countries": "names",
        "reasons": "reasons",
        "programs": "set",
        "beneficiaries": "names",
        "cited_outlet": "name",
    },
}
"""Scored fields per record type and how each is compared (see :func:`compare`)."""
_TIE_FIELDS = tuple(f for f in FIELDS["statements"] if f not in ("speaker", "content"))
BULLETIN_FIELDS = ("title", "publisher", "period_start", "period_end", "editor", "language")
_BULLETIN_DATES = {"period_start", "period_end"}

Item = OverviewPoint | Statement | Sanction

# --- normalisation ------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def norm(text: str | None) -> str:
    """Fold a string to the form two spellings are compared in (the alias table's key, cached)."""
    return alias_key(text)


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y/%m/%d")


def norm_date(value: date | str | None) -> str | None:
    """A date as ISO ``YYYY-MM-DD``; strings in ISO or common English forms are parsed, others folded."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    cleaned = " ".join(text.replace(".", "").split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return norm(text)


@lru_cache(maxsize=1 << 16)
def _bag(text: str) -> tuple[Counter[str], int]:
    words = norm(text).split()
    return Counter(words), len(words)


def token_f1(a: str | None, b: str | None) -> float:
    """Word-overlap F1 (multiset) after normalisation: partial credit for content and reasons."""
    (ca, na), (cb, nb) = _bag(a or ""), _bag(b or "")
    if not na or not nb:
        return float(na == nb)
    if len(ca) > len(cb):
        ca, cb = cb, ca
    common = 0
    for word, count in ca.items():
        other = cb.get(word)
        if other:
            common += count if count < other else other
    return 2.0 * common / (na + nb)


def text_sim(a: str | None, b: str | None) -> float:
    """Character similarity (normalised Indel, as rapidfuzz ``ratio``) for short text fields."""
    return Indel.normalized_similarity(norm(a), norm(b))


class Names:
    """A document's alias table: resolves spellings to a canonical form and compares names.

    Names resolve through the table first (exact after normalisation); only then fuzzily, with
    Jaro-Winkler against every spelling of the name's group. Two names in different groups are
    known to be different people and score 0, however close their spellings.
    """

    def __init__(self, aliases: Iterable[Sequence[str]] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._groups: dict[str, list[str]] = {}
        for group in aliases:
            spellings = [n for n in (norm(s) for s in group) if n]
            if not spellings:
                continue
            canon = self._canon.get(spellings[0], spellings[0])
            members = self._groups.setdefault(canon, [canon])
            for spelling in spellings:
                if spelling not in self._canon:
                    self._canon[spelling] = canon
                    if spelling not in members:
                        members.append(spelling)
        self._resolved: dict[str | None, str] = {}

    def resolve(self, name: str | None) -> str:
        """Normalised canonical spelling of ``name`` (itself, normalised, when not in the table)."""
        resolved = self._resolved.get(name)
        if resolved is None:
            folded = norm(name)
            resolved = self._resolved[name] = self._canon.get(folded, folded)
        return resolved

    def sim(self, a: str | None, b: str | None) -> float:
        """Similarity in [0, 1] of two names: 1 when the table says they are one name."""
        return self._resolved_sim(self.resolve(a), self.resolve(b))

    def matrix(self, rows: Sequence[str | None], cols: Sequence[str | None]) -> np.ndarray:
        """:meth:`sim` of every (row, column) pair; Jaro-Winkler runs in C (rapidfuzz ``cdist``)."""
        ra, rb = [self.resolve(x) for x in rows], [self.resolve(y) for y in cols]
        out = cdist(ra, rb, scorer=JaroWinkler.normalized_similarity, dtype=np.float64)
        out[:, [j for j, y in enumerate(rb) if not y]] = 0.0
        out[[i for i, x in enumerate(ra) if not x], :] = 0.0
        for i, x in enumerate(ra):
            if x in self._groups:
                out[i, :] = [self._resolved_sim(x, y) for y in rb]
        for j, y in enumerate(rb):
            if y in self._groups:
                out[:, j] = [self._resolved_sim(x, y) for x in ra]
        return out

    def _resolved_sim(self, ra: str, rb: str) -> float:
        if not ra or not rb:
            return 0.0
        if ra == rb:
            return 1.0
        ga, gb = self._groups.get(ra), self._groups.get(rb)
        if ga is None and gb is None:
            return _jaro_winkler(ra, rb)
        if ga is not None and gb is not None:
            return 0.0
        return max(_jaro_winkler(x, y) for x in (ga or (ra,)) for y in (gb or (rb,)))


@lru_cache(maxsize=1 << 18)
def _jaro_winkler(a: str, b: str) -> float:
    return JaroWinkler.normalized_similarity(a, b)


# --- field comparison ---------------------------------------------------------------------------


def present_values(kind: RecordKind, item: Item) -> dict[str, Any]:
    """The scored fields of an item that carry a value (not None, blank or an empty list); targets as names."""
    out = {}
    attrs = item.__dict__
    for field in FIELDS[kind]:
        value = attrs[field]
        if value is None:
            continue
        if type(value) is list:
            if field == "targets":
                value = [t.name for t in value]
            value = [v for v in value if v.strip()]
            if value:
                out[field] = value
        elif type(value) is not str or value.strip():
            out[field] = value
    return out


def set_f1(a: Iterable[str], b: Iterable[str]) -> float:
    """F1 of two sets (1.0 when both are empty)."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return 2.0 * len(sa & sb) / (len(sa) + len(sb))


def soft_set_f1(a: Sequence[str], b: Sequence[str], sim: Callable[[str, str], float]) -> float:
    """Set F1 where elements pair one-to-one by optimal assignment and a pair earns its similarity."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    matrix = np.array([[sim(x, y) for y in b] for x in a])
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return 2.0 * float(matrix[rows, cols].sum()) / (len(a) + len(b))


def compare(kind: FieldKind, gold: Any, pred: Any, names: Names | None = None) -> tuple[float, float]:
    """Strict (0/1) and lenient ([0, 1]) credit for one field whose gold and predicted values are both present.

    Names resolve through the alias table; text fields earn character similarity, content and
    reasons word overlap, list fields set F1; dates, numbers and enums are exact in both modes.
    """
    names = names or _NO_ALIASES
    if kind == "name":
        strict = float(names.resolve(gold) == names.resolve(pred))
        return strict, (1.0 if strict else names.sim(gold, pred))
    if kind == "text":
        strict = float(norm(gold) == norm(pred))
        return strict, (1.0 if strict else text_sim(gold, pred))
    if kind == "content":
        strict = float(norm(gold) == norm(pred))
        return strict, (1.0 if strict else token_f1(gold, pred))
    if kind == "date":
        same = float(norm_date(gold) == norm_date(pred))
        return same, same
    if kind in ("enum", "int"):
        same = float(str(gold).casefold() == str(pred).casefold())
        return same, same
    if kind == "names":
        ga, pa = {names.resolve(v) for v in gold}, {names.resolve(v) for v in pred}
        return float(ga == pa), set_f1(ga, pa)
    gs, ps = {norm(v) for v in gold}, {norm(v) for v in pred}
    if kind == "set":
        return float(gs == ps), set_f1(gs, ps)
    return float(gs == ps), soft_set_f1(sorted(gs), sorted(ps), token_f1)


_NO_ALIASES = Names()

# --- report model -------------------------------------------------------------------------------


def _f1(tp: float, n_pred: float, n_gold: float) -> float:
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
        return _f1(self.tp, self.n_pred, self.n_gold)


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


# --- matching -----------------------------------------------------------------------------------


def match(matrix: np.ndarray, cutoff: float) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair rows (predictions) with columns (gold) one-to-one, maximising total similarity (Hungarian).

    A 0 in ``matrix`` is a pair its gate rejected; pairs under ``cutoff`` are never matched.
    Returns (row, column) pairs, unmatched rows, unmatched columns.
    """
    n_rows, n_cols = matrix.shape
    pairs: list[tuple[int, int]] = []
    if n_rows and n_cols:
        matrix = np.where(matrix >= cutoff, matrix, 0.0)
        if matrix.any():
            rows, cols = linear_sum_assignment(matrix, maximize=True)
            pairs = [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if matrix[r, c] > 0]
    used_rows, used_cols = {r for r, _ in pairs}, {c for _, c in pairs}
    return (
        pairs,
        [i for i in range(n_rows) if i not in used_rows],
        [j for j in range(n_cols) if j not in used_cols],
    )


CUTOFFS: dict[str, float] = {"overview": OVERVIEW_CUTOFF, "statements": STATEMENT_CUTOFF, "sanctions": SANCTION_CUTOFF}


def similarity(kind: RecordKind, preds: Sequence[Any], golds: Sequence[Any], names: Names | None = None) -> np.ndarray:
    """Gated similarity of every (prediction, gold) pair of one record type, 0 where a key-field gate fails.

    Overview points: word overlap of the text. Statements: same speaker (alias table, else
    Jaro-Winkler >= NAME_GATE), then word overlap of the content; among pairs over the cutoff, a
    tie-break of TIE_BREAK x the share of other fields that agree lets the better of two duplicate
    predictions take the gold item. Sanctions: same authority
    (>= AUTHORITY_GATE) and announced_on within DATE_WINDOW days or either missing, then the mean
    agreement of authority, action, date and targets.
    """
    names = names or _NO_ALIASES
    out = np.zeros((len(preds), len(golds)))
    if not preds or not golds:
        return out
    if kind == "overview":
        for i, p in enumerate(preds):
            for j, g in enumerate(golds):
                out[i, j] = token_f1(p.text, g.text)
    elif kind == "statements":
        gate = names.matrix([p.speaker for p in preds], [g.speaker for g in golds]) >= NAME_GATE
        for i, j in zip(*np.nonzero(gate), strict=True):
            out[i, j] = token_f1(preds[i].content, golds[j].content)
        if gate.any():
            out += np.where(out >= STATEMENT_CUTOFF, TIE_BREAK * _agreement(preds, golds, _TIE_FIELDS), 0.0)
    else:
        authority = names.matrix([p.authority for p in preds], [g.authority for g in golds])
        for i, j in zip(*np.nonzero(authority >= AUTHORITY_GATE), strict=True):
            out[i, j] = _sanction_sim(preds[i], golds[j], float(authority[i, j]), names)
    return out


def _agreement(preds: Sequence[Any], golds: Sequence[Any], fields: Sequence[str]) -> np.ndarray:
    """Share of ``fields`` whose raw values are equal, for every (prediction, gold) pair."""
    agree = np.zeros((len(preds), len(golds)))
    for field in fields:
        codes: dict[Any, int] = {}
        p = np.array([codes.setdefault(item.__dict__[field], len(codes)) for item in preds])
        g = np.array([codes.setdefault(item.__dict__[field], len(codes)) for item in golds])
        agree += p[:, None] == g[None, :]
    return agree / len(fields)


def _sanction_sim(p: Sanction, g: Sanction, authority: float, names: Names) -> float:
    parts = [authority, float(p.action == g.action)]
    if p.announced_on and g.announced_on:
        days = abs((p.announced_on - g.announced_on).days)
        if days > DATE_WINDOW:
            return 0.0
        parts.append(1.0 - days / (DATE_WINDOW + 1))
    if p.targets or g.targets:
        parts.append(set_f1({names.resolve(t.name) for t in p.targets}, {names.resolve(t.name) for t in g.targets}))
    return sum(parts) / len(parts)


def _canonical(kind: RecordKind, items: Sequence[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """Items (and their present values) in a fixed order, so that ties in the assignment break the same
    way whatever the input order. Items tied on every scored field are interchangeable for scoring.
    The key is the repr of the present values, which :func:`present_values` builds in FIELDS order."""
    keyed = [(repr(values), item, values) for item in items for values in [present_values(kind, item)]]
    keyed.sort(key=lambda entry: entry[0])
    return [item for _, item, _ in keyed], [values for _, _, values in keyed]


def _label(kind: str, item: Any) -> str:
    if kind == "overview":
        return _short(item.text, 70)
    if kind == "statements":
        return f"{item.speaker}: {_short(item.content, 60)}"
    when = f" {item.announced_on.isoformat()}" if item.announced_on else ""
    targets = f" ({', '.join(t.name for t in item.targets[:3])})" if item.targets else ""
    return f"{item.authority} {item.action}{when}{targets}"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _jsonable_values(values: Mapping[str, Any]) -> dict[str, Any]:
    return {f: _jsonable(v) for f, v in values.items()}


def _score_type(
    doc: str, kind: RecordKind, golds: Sequence[Any], preds: Sequence[Any], names: Names, optional: Sequence[Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Match and score one record type of one document: TypeScore and Diff data as plain dicts.

    Plain numbers while counting and one validation per document: pydantic attribute writes and
    many small constructions dominated the run time otherwise.
    """
    fields = FIELDS[kind]
    golds, gold_values = _canonical(kind, golds)
    preds, pred_values = _canonical(kind, preds)
    cutoff = CUTOFFS[kind]
    pairs, spurious, missed = match(similarity(kind, preds, golds, names), cutoff)
    ignored: set[int] = set()
    if optional and spurious:
        extra = [preds[i] for i in spurious]
        opt_pairs, _, _ = match(similarity(kind, extra, _canonical(kind, optional)[0], names), cutoff)
        ignored = {spurious[p] for p, _ in opt_pairs}
        spurious = [i for i in spurious if i not in ignored]

    counts = {f: [0.0, 0.0, 0, 0] for f in fields}  # strict tp, lenient tp, n_pred, n_gold
    outcomes = {"correct": 0, "partial": 0, "missed": len(missed), "spurious": len(spurious), "ignored": len(ignored)}
    diffs: list[dict[str, Any]] = []
    for pi, gi in pairs:
        gold, gvals, pvals = golds[gi], gold_values[gi], pred_values[pi]
        all_equal = True
        for field, fkind in fields.items():
            gv, pv = gvals.get(field), pvals.get(field)
            gp, pp = gv is not None, pv is not None
            if not gp and not pp:
                continue
            strict = lenient = 0.0
            if gp and pp:
                strict, lenient = (1.0, 1.0) if gv == pv else compare(fkind, gv, pv, names)
            c = counts[field]
            c[0] += strict
            c[1] += lenient
            c[2] += pp
            c[3] += gp
            if strict < 1.0:
                all_equal = False
                diffs.append(
                    {
                        "doc": doc,
                        "type": kind,
                        "kind": "wrong",
                        "item": _label(kind, gold),
                        "field": field,
                        "gold": _jsonable(gv),
                        "predicted": _jsonable(pv),
                    }
                )
        outcomes["correct" if all_equal else "partial"] += 1
    for side, indices, values in ((2, spurious, pred_values), (3, missed, gold_values)):
        for i in indices:
            for field in values[i]:
                counts[field][side] += 1
    for i in missed:
        item = golds[i]
        diffs.append(
            {
                "doc": doc,
                "type": kind,
                "kind": "missed",
                "item": _label(kind, item),
                "gold": _jsonable_values(gold_values[i]),
            }
        )
    for i in spurious:
        item = preds[i]
        diffs.append(
            {
                "doc": doc,
                "type": kind,
                "kind": "spurious",
                "item": _label(kind, item),
                "predicted": _jsonable_values(pred_values[i]),
            }
        )
    record = (len(pairs), len(preds) - len(ignored), len(golds))
    return _type_score(record, counts, outcomes), diffs


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    return {"tp": float(tp), "n_pred": int(n_pred), "n_gold": int(n_gold)}


def _type_score(
    record: Sequence[float], counts: Mapping[str, Sequence[float]], outcomes: Mapping[str, int]
) -> dict[str, Any]:
    """TypeScore data from record counts, per-field [strict tp, lenient tp, n_pred, n_gold] and outcomes."""
    n_pred = sum(c[2] for c in counts.values())
    n_gold = sum(c[3] for c in counts.values())
    return {
        "record": _prf(*record),
        "strict": _prf(sum(c[0] for c in counts.values()), n_pred, n_gold),
        "lenient": _prf(sum(c[1] for c in counts.values()), n_pred, n_gold),
        "fields": {f: {"strict": _prf(c[0], c[2], c[3]), "lenient": _prf(c[1], c[2], c[3])} for f, c in counts.items()},
        "outcomes": dict(outcomes),
    }


def _sum_types(kind: str, scores: Iterable[TypeScore]) -> dict[str, Any]:
    """Micro-average: add up the counts of one record type over documents."""
    record = [0.0, 0, 0]
    counts = {f: [0.0, 0.0, 0, 0] for f in FIELDS[kind]}
    outcomes = dict.fromkeys(Outcomes.model_fields, 0)
    for ts in scores:
        r = ts.record
        record[0] += r.tp
        record[1] += r.n_pred
        record[2] += r.n_gold
        for f, fs in ts.fields.items():
            c = counts[f]
            c[0] += fs.strict.tp
            c[1] += fs.lenient.tp
            c[2] += fs.strict.n_pred
            c[3] += fs.strict.n_gold
        for name, value in ts.outcomes.__dict__.items():
            outcomes[name] += value
    return _type_score(record, counts, outcomes)


def score_document(doc: str, gold: Gold, pred: Summary | None) -> DocScore:
    """Score one document; a missing prediction counts every gold item as missed."""
    names = Names(gold.aliases)
    optional: dict[str, Sequence[Any]] = {"statements": gold.optional_statements, "sanctions": gold.optional_sanctions}
    types, grounding, diffs = {}, {}, []
    for kind in KINDS:
        pred_items: list[Any] = list(getattr(pred, kind)) if pred is not None else []
        types[kind], kind_diffs = _score_type(doc, kind, getattr(gold, kind), pred_items, names, optional.get(kind, ()))
        diffs.extend(kind_diffs)
        grounded = sum(item.evidence.status != "ungrounded" for item in pred_items)
        grounding[kind] = {"grounded": grounded, "predicted": len(pred_items)}
    grounding["all"] = {key: sum(grounding[k][key] for k in KINDS) for key in ("grounded", "predicted")}
    bulletin = {}
    for field in BULLETIN_FIELDS:
        if pred is None:
            bulletin[field] = False
            continue
        gv, pv = getattr(gold.bulletin, field), getattr(pred.bulletin, field)
        fold = norm_date if field in _BULLETIN_DATES else norm
        bulletin[field] = fold(gv) == fold(pv)
    return DocScore.model_validate(
        {
            "doc": doc,
            "family": gold.family,
            "predicted": pred is not None,
            "types": types,
            "bulletin": bulletin,
            "grounding": grounding,
            "diffs": diffs,
        }
    )


def score(
    golds: Mapping[str, Gold], preds: Mapping[str, Summary], *, resamples: int = RESAMPLES, seed: int = SEED
) -> Report:
    """Score every gold document against its prediction (documents without one count as all missed).

    Headline numbers are micro-averaged over documents; each headline F1 gets a 95% bootstrap interval.
    """
    with paused_gc():
        docs = [score_document(stem, golds[stem], preds.get(stem)) for stem in sorted(golds)]
        return _aggregate(
            docs,
            missing=[d.doc for d in docs if not d.predicted],
            extra=sorted(set(preds) - set(golds)),
            resamples=resamples,
            seed=seed,
        )


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: loading and scoring make no reference cycles, and with a
    thousand documents in memory its full passes took a third of scoring and half of loading."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _aggregate(docs: list[DocScore], *, missing: list[str], extra: list[str], resamples: int, seed: int) -> Report:
    report = Report(
        n_docs=len(docs),
        documents=docs,
        types=_micro(docs),
        missing_predictions=missing,
        extra_predictions=extra,
        settings={
            "name_gate": NAME_GATE,
            "authority_gate": AUTHORITY_GATE,
            "date_window_days": DATE_WINDOW,
            "overview_cutoff": OVERVIEW_CUTOFF,
            "statement_cutoff": STATEMENT_CUTOFF,
            "sanction_cutoff": SANCTION_CUTOFF,
            "resamples": resamples,
            "seed": seed,
        },
    )
    for key in (*KINDS, "all"):
        report.grounding[key] = GroundingScore(
            grounded=sum(d.grounding[key].grounded for d in docs),
            predicted=sum(d.grounding[key].predicted for d in docs),
        )
    for field in BULLETIN_FIELDS:
        report.bulletin[field] = sum(d.bulletin[field] for d in docs) / len(docs) if docs else 1.0
    report.families = _families(docs)
    report.ci = _intervals(report, [f"{k}.{m}" for k in KINDS for m in HEADLINE], resamples, seed, 0.95)
    return report


def _micro(docs: Sequence[DocScore]) -> dict[str, TypeScore]:
    """Per record type, the counts of ``docs`` added up (micro-average)."""
    return {kind: TypeScore.model_validate(_sum_types(kind, (d.types[kind] for d in docs))) for kind in KINDS}


def _families(docs: list[DocScore]) -> dict[str, dict[str, float]]:
    """Micro-averaged headline metrics over each family's documents (no intervals: families hold few)."""
    groups: dict[str, list[DocScore]] = {}
    for d in docs:
        groups.setdefault(d.family or "unlabelled", []).append(d)
    out = {}
    for family, members in sorted(groups.items()):
        types = _micro(members)
        out[family] = {"documents": float(len(members))}
        out[family].update({f"{k}.{m}": types[k].metric(m) for k in KINDS for m in HEADLINE})
    return out


# --- statistics ---------------------------------------------------------------------------------


def _prf_of(ts: TypeScore, metric: str) -> PRF:
    level = metric.partition("_")[0]
    return getattr(ts, level)


def _doc_counts(report: Report, metric: str, docs: Sequence[str] | None = None) -> np.ndarray:
    """Per-document (tp, n_pred, n_gold) behind a headline metric such as ``statements.record_f1``."""
    kind, name = metric.split(".")
    by_doc = {d.doc: d for d in report.documents}
    rows = []
    for stem in docs if docs is not None else [d.doc for d in report.documents]:
        prf = _prf_of(by_doc[stem].types[kind], name)
        rows.append((prf.tp, prf.n_pred, prf.n_gold))
    return np.array(rows, dtype=float).reshape(-1, 3)


def _weights(n: int, resamples: int, seed: int) -> np.ndarray:
    """How many times each of ``n`` documents is drawn in each of ``resamples`` bootstrap samples."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(resamples, n))
    flat = (draws + np.arange(resamples)[:, None] * n).ravel()
    return np.bincount(flat, minlength=resamples * n).reshape(resamples, n).astype(float)


def _boot_f1(counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Micro F1 = 2 tp / (n_pred + n_gold) for each resample (1.0 where both are zero)."""
    sums = np.tensordot(weights, counts, axes=(1, 0))  # resamples x ... x 3
    denom = sums[..., 1] + sums[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denom > 0, 2.0 * sums[..., 0] / np.where(denom > 0, denom, 1.0), 1.0)


def bootstrap_ci(
    report: Report, metric: str, *, resamples: int = RESAMPLES, seed: int = SEED, level: float = 0.95
) -> Interval:
    """Percentile interval of a headline F1 (``statements.record_f1``) resampling whole documents."""
    return _intervals(report, [metric], resamples, seed, level)[metric]


def _intervals(report: Report, metrics: Sequence[str], resamples: int, seed: int, level: float) -> dict[str, Interval]:
    """Bootstrap intervals of several headline F1s from one set of document resamples."""
    if not report.documents:
        return {m: Interval(low=report.value(m), high=report.value(m)) for m in metrics}
    counts = np.stack([_doc_counts(report, m) for m in metrics], axis=1)  # docs x metrics x 3
    f1 = _boot_f1(counts, _weights(len(report.documents), resamples, seed))  # resamples x metrics
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(f1, [tail, 100 - tail], axis=0)
    return {m: Interval(low=float(lo), high=float(hi)) for m, lo, hi in zip(metrics, low, high, strict=True)}


def paired_bootstrap(
    report: Report, baseline: Report, metric: str, *, resamples: int = RESAMPLES, seed: int = SEED, level: float = 0.95
) -> Delta:
    """Compare a headline F1 between two runs over the documents both scored, resampling documents in pairs."""
    base_docs = {d.doc for d in baseline.documents}
    common = sorted(d.doc for d in report.documents if d.doc in base_docs)
    run, base = _doc_counts(report, metric, common), _doc_counts(baseline, metric, common)
    value, base_value = _f1(*run.sum(axis=0)), _f1(*base.sum(axis=0))
    low = high = value - base_value
    if common:
        weights = _weights(len(common), resamples, seed)
        deltas = _boot_f1(run, weights) - _boot_f1(base, weights)
        tail = (1 - level) / 2 * 100
        low, high = (float(x) for x in np.percentile(deltas, [tail, 100 - tail]))
    return Delta(
        metric=metric,
        value=value,
        baseline=base_value,
        delta=value - base_value,
        low=low,
        high=high,
        n_docs=len(common),
    )


def compare_reports(
    report: Report, baseline: Report, *, resamples: int = RESAMPLES, seed: int = SEED
) -> dict[str, Delta]:
    """Paired-bootstrap deltas of every headline F1 (run minus baseline)."""
    return {
        f"{k}.{m}": paired_bootstrap(report, baseline, f"{k}.{m}", resamples=resamples, seed=seed)
        for k in KINDS
        for m in HEADLINE
    }


# --- regression gate ----------------------------------------------------------------------------

_STATS = ("precision", "recall", "f1")
_TYPE_METRICS = {f"{level}_{stat}" for level in ("record", "strict", "lenient") for stat in _STATS}
_FIELD_METRICS = {f"{level}_{stat}" for level in ("strict", "lenient") for stat in _STATS}


def load_thresholds(path: str | Path) -> dict[str, float]:
    """Read score floors from TOML into metric paths (see :meth:`Report.value`).

    ``[statements] record_f1 = 0.5`` -> ``statements.record_f1``; ``[statements.fields] speaker = 0.6``
    floors the field's strict F1, ``content = {lenient_f1 = 0.4}`` another metric; ``[bulletin] title``
    floors an accuracy, ``[grounding] all`` a grounding rate. Unknown keys are an error, so typos surface.
    """
    path = Path(path)
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    floors: dict[str, float] = {}

    def put(key: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise ValueError(f"{path}: {key} must be a number between 0 and 1, got {value!r}")
        floors[key] = float(value)

    for section, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{path}: top-level key {section!r} must be a table")
        if section == "bulletin" or section == "grounding":
            allowed = BULLETIN_FIELDS if section == "bulletin" else (*KINDS, "all")
            for key, value in table.items():
                if key not in allowed:
                    raise ValueError(f"{path}: unknown key {section}.{key}; expected one of {', '.join(allowed)}")
                put(f"{section}.{key}", value)
            continue
        if section not in KINDS:
            raise ValueError(
                f"{path}: unknown section [{section}]; expected {', '.join((*KINDS, 'bulletin', 'grounding'))}"
            )
        for key, value in table.items():
            if key == "fields":
                if not isinstance(value, dict):
                    raise ValueError(f"{path}: {section}.fields must be a table")
                for field, floor in value.items():
                    if field not in FIELDS[section]:
                        raise ValueError(f"{path}: unknown field {section}.fields.{field}")
                    if isinstance(floor, dict):
                        for metric, sub in floor.items():
                            if metric not in _FIELD_METRICS:
                                raise ValueError(f"{path}: unknown metric {section}.fields.{field}.{metric}")
                            put(f"{section}.fields.{field}.{metric}", sub)
                    else:
                        put(f"{section}.fields.{field}.strict_f1", floor)
            elif key in _TYPE_METRICS:
                put(f"{section}.{key}", value)
            else:
                raise ValueError(
                    f"{path}: unknown metric {section}.{key}; expected one of {', '.join(sorted(_TYPE_METRICS))}"
                )
    return floors


def check(
    report: Report,
    thresholds: Mapping[str, float],
    baseline: Report | None = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[str]:
    """Human-readable failures: scores under their floor, and headline F1s significantly worse than the baseline.

    "Significantly worse" = the paired-bootstrap 95% interval of (run - baseline) lies entirely below 0.
    Each such failure names the documents and fields that got worse, to start the investigation.
    """
    failures = []
    for metric, floor in thresholds.items():
        value = report.value(metric)
        if value < floor:
            failures.append(f"{metric} = {value:.3f} is under its floor {floor:.3f}")
    if baseline is None:
        return failures
    for metric, delta in compare_reports(report, baseline, resamples=resamples, seed=seed).items():
        if not delta.worse:
            continue
        message = (
            f"{metric} fell from {delta.baseline:.3f} to {delta.value:.3f} "
            f"(Δ {delta.delta:+.3f}, 95% CI [{delta.low:+.3f}, {delta.high:+.3f}], {delta.n_docs} documents)"
        )
        docs = _worse_documents(report, baseline, metric)
        if docs:
            message += "; worse documents: " + ", ".join(docs)
        fields = _worse_fields(report, baseline, metric)
        if fields:
            more = f" and {len(fields) - 6} more" if len(fields) > 6 else ""
            message += "; worse fields: " + ", ".join(fields[:6]) + more
        failures.append(message)
    return failures


def _worse_documents(report: Report, baseline: Report, metric: str, limit: int = 10) -> list[str]:
    kind, name = metric.split(".")
    base = {d.doc: d for d in baseline.documents}
    worse = []
    for doc in report.documents:
        if doc.doc in base:
            now, before = doc.types[kind].metric(name), base[doc.doc].types[kind].metric(name)
            if now < before:
                worse.append((now - before, doc.doc, before, now))
    worse.sort()
    shown = [f"{stem} ({before:.2f}→{now:.2f})" for _, stem, before, now in worse[:limit]]
    if len(worse) > limit:
        shown.append(f"and {len(worse) - limit} more")
    return shown


def _worse_fields(report: Report, baseline: Report, metric: str) -> list[str]:
    kind, name = metric.split(".")
    level = "lenient" if name.startswith("lenient") else "strict"
    worse = []
    for field, fs in report.types[kind].fields.items():
        before_fs = baseline.types[kind].fields.get(field)
        if before_fs is None:
            continue
        now, before = getattr(fs, level).f1, getattr(before_fs, level).f1
        if now < before:
            worse.append((now - before, f"{field} ({level} F1 {before:.2f}→{now:.2f})"))
    return [text for _, text in sorted(worse)]


# --- I/O ----------------------------------------------------------------------------------------

_GOLD_SUFFIX = ".gold.json"


def load_gold(directory: str | Path) -> dict[str, Gold]:
    """Gold files ``<stem>.gold.json`` in ``directory``, keyed by stem; a bad file names itself in the error."""
    with paused_gc():
        return {
            path.name.removesuffix(_GOLD_SUFFIX): _read(path, Gold)
            for path in sorted(Path(directory).glob(f"*{_GOLD_SUFFIX}"))
        }


def load_predictions(directory: str | Path) -> dict[str, Summary]:
    """Predictions ``<stem>.json`` in ``directory`` (gold files beside them are skipped), keyed by stem."""
    paths = [p for p in sorted(Path(directory).glob("*.json")) if not p.name.endswith(_GOLD_SUFFIX)]
    with paused_gc():
        return {path.stem: _read(path, Summary) for path in paths}


M = TypeVar("M", bound=BaseModel)


def _read(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate_json(path.read_bytes())
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        exc.add_note(f"while reading {path}")
        raise


# --- rendering ----------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _grounding_line(report: Report) -> str:
    return ", ".join(f"{k} {_fmt(g.rate)} ({g.grounded}/{g.predicted})" for k, g in report.grounding.items())


def _with_ci(value: float, ci: Interval | None) -> str:
    return f"{value:.3f}" if ci is None else f"{value:.3f} [{ci.low:.2f}, {ci.high:.2f}]"


def _cell(value: Any, width: int = 80) -> str:
    if value is None:
        text = "∅"
    elif isinstance(value, dict):
        text = "; ".join(f"{k}={v}" for k, v in value.items())
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value) or "[]"
    else:
        text = str(value)
    return _short(text, width).replace("|", "\\|").replace("<", "&lt;")


def _verdict(delta: Delta) -> str:
    return "worse" if delta.worse else "better" if delta.better else "no significant change"


def to_markdown(report: Report, baseline: Report | None = None, *, max_diffs: int = 200) -> str:
    """A pull-request comment: headline table with 95% CIs, baseline comparison, per-field tables,
    bulletin accuracy, grounding, and field-level diffs folded in ``<details>``."""
    lines = [f"### Extraction eval: {report.n_docs} documents", ""]
    if report.missing_predictions:
        lines += [f"No prediction for {len(report.missing_predictions)}: {', '.join(report.missing_predictions)}", ""]
    lines += [
        "| Type | Record P | Record R | Record F1 (95% CI) | Field F1 strict (95% CI) | Field F1 lenient (95% CI) "
        "| Correct | Partial | Missed | Spurious |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        ts, o = report.types[kind], report.types[kind].outcomes
        ci = [report.ci.get(f"{kind}.{m}") for m in HEADLINE]
        lines.append(
            f"| {kind} | {ts.record.precision:.3f} | {ts.record.recall:.3f} | {_with_ci(ts.record.f1, ci[0])} "
            f"| {_with_ci(ts.strict.f1, ci[1])} | {_with_ci(ts.lenient.f1, ci[2])} "
            f"| {o.correct} | {o.partial} | {o.missed} | {o.spurious} |"
        )
    deltas: dict[str, Delta] = {}
    if baseline is not None:
        settings = report.settings
        deltas = compare_reports(
            report, baseline, resamples=int(settings.get("resamples", RESAMPLES)), seed=int(settings.get("seed", SEED))
        )
        lines += [
            "",
            "**Compared with baseline** (paired bootstrap over the same documents)",
            "",
            "| Metric | Baseline | This run | Δ (95% CI) | Verdict |",
            "|---|---:|---:|---:|---|",
        ]
        for metric, d in deltas.items():
            mark = "🔴 " if d.worse else "🟢 " if d.better else ""
            lines.append(
                f"| {metric} | {d.baseline:.3f} | {d.value:.3f} | {d.delta:+.3f} [{d.low:+.3f}, {d.high:+.3f}] "
                f"| {mark}{_verdict(d)} |"
            )
    for kind in KINDS:
        ts = report.types[kind]
        base_ts = baseline.types.get(kind) if baseline is not None else None
        lines += ["", f"**{kind}: per field**", ""]
        head = "| Field | Strict P | Strict R | Strict F1 | Lenient P | Lenient R | Lenient F1 | Gold | Pred |"
        rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        if base_ts is not None:
            head, rule = head + " Δ strict F1 |", rule + "---:|"
        lines += [head, rule]
        for field, fs in ts.fields.items():
            s, le = fs.strict, fs.lenient
            row = (
                f"| {field} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {le.precision:.3f} | {le.recall:.3f} "
                f"| {le.f1:.3f} | {s.n_gold} | {s.n_pred} |"
            )
            if base_ts is not None:
                before = base_ts.fields.get(field)
                row += f" {s.f1 - before.strict.f1:+.3f} |" if before else " - |"
            lines.append(row)
    lines += _family_lines(report)
    lines += ["", "**Bulletin metadata accuracy**: " + ", ".join(f"{f} {v:.2f}" for f, v in report.bulletin.items())]
    lines += [
        "",
        "**Grounding** (predicted items whose evidence is in the source; apart from precision): "
        + _grounding_line(report),
    ]
    diffs = report.diffs()
    if diffs:
        lines += [
            "",
            f"<details><summary>Field-level diffs ({len(diffs)})</summary>",
            "",
            "| Doc | Type | Item | Field | Gold | Predicted |",
            "|---|---|---|---|---|---|",
        ]
        for d in diffs[:max_diffs]:
            field = d.field or f"*{d.kind}*"
            lines.append(
                f"| {_cell(d.doc, 40)} | {d.type} | {_cell(d.item, 60)} | {field} | {_cell(d.gold)} "
                f"| {_cell(d.predicted)} |"
            )
        if len(diffs) > max_diffs:
            lines.append(f"| … {len(diffs) - max_diffs} more in the JSON report | | | | | |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _family_cells(values: dict[str, float]) -> list[str]:
    return [" / ".join(f"{values[f'{k}.{m}']:.2f}" for m in HEADLINE) for k in KINDS]


def _family_lines(report: Report) -> list[str]:
    if len(report.families) < 2:
        return []
    lines = ["", "**By text family** (micro F1: record / strict field / lenient field)", ""]
    lines += ["| Family | Docs | " + " | ".join(KINDS) + " |", "|---|---:|" + "---:|" * len(KINDS)]
    for family, values in report.families.items():
        lines.append(f"| {family} | {values['documents']:.0f} | " + " | ".join(_family_cells(values)) + " |")
    return lines


def family_table(report: Report) -> Table:
    """Headline F1 per text family: record / strict field / lenient field, per record type."""
    table = Table(title="By text family", caption="record / strict field / lenient field F1")
    table.add_column("Family", no_wrap=True)
    table.add_column("Docs", justify="right")
    for kind in KINDS:
        table.add_column(kind, justify="right", no_wrap=True)
    for family, values in report.families.items():
        table.add_row(family, f"{values['documents']:.0f}", *_family_cells(values))
    return table


def to_table(report: Report, baseline: Report | None = None) -> Table:
    """Headline rich table: record P/R, record and field F1 with their 95% CI beneath, outcome counts."""
    table = Table(
        title=f"Extraction eval: {report.n_docs} documents",
        caption="F1 with its 95% bootstrap CI beneath; C/P/M/S = correct/partial/missed/spurious items",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Type", no_wrap=True)
    for name in ("P", "R", "Record\nF1", "Field F1\nstrict", "Field F1\nlenient"):
        table.add_column(name, justify="right", no_wrap=True)
    if baseline is not None:
        table.add_column("Δ record\nF1", justify="right", no_wrap=True)
    table.add_column("C/P/M/S", justify="right", no_wrap=True)
    deltas = compare_reports(report, baseline) if baseline is not None else {}
    for kind in KINDS:
        ts, o = report.types[kind], report.types[kind].outcomes
        row = [kind, f"{ts.record.precision:.3f}", f"{ts.record.recall:.3f}"]
        for metric, prf in zip(HEADLINE, (ts.record, ts.strict, ts.lenient), strict=True):
            ci = report.ci.get(f"{kind}.{metric}")
            row.append(f"{prf.f1:.3f}" + (f"\n[dim]{ci.low:.2f}–{ci.high:.2f}[/dim]" if ci else ""))
        if baseline is not None:
            d = deltas[f"{kind}.record_f1"]
            style = "red" if d.worse else "green" if d.better else ""
            row.append(f"[{style}]{d.delta:+.3f}[/{style}]" if style else f"{d.delta:+.3f}")
        row.append(f"{o.correct}/{o.partial}/{o.missed}/{o.spurious}")
        table.add_row(*row)
    return table


def field_table(report: Report, kind: RecordKind) -> Table:
    """Per-field strict and lenient precision/recall/F1 of one record type."""
    table = Table(title=f"{kind}: per field")
    table.add_column("Field")
    for name in ("Strict P", "Strict R", "Strict F1", "Lenient F1", "Gold", "Pred"):
        table.add_column(name, justify="right")
    for field, fs in report.types[kind].fields.items():
        s = fs.strict
        table.add_row(
            field,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{fs.lenient.f1:.3f}",
            str(s.n_gold),
            str(s.n_pred),
        )
    return table


def print_report(report: Report, baseline: Report | None = None, console: Console | None = None) -> None:
    """Print the headline table, one per-field table per record type, bulletin accuracy and grounding."""
    console = console or Console()
    console.print(to_table(report, baseline))
    for kind in KINDS:
        console.print(field_table(report, kind))
    if len(report.families) > 1:
        console.print(family_table(report))
    console.print("Bulletin accuracy: " + ", ".join(f"{f} {v:.2f}" for f, v in report.bulletin.items()))
    console.print("Grounding: " + _grounding_line(report))
