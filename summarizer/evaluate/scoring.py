"""Score documents: match each record type, credit the fields of each pair, add the counts up.

Headline numbers are micro-averaged (counts added over documents), so a document weighs by how many
items it holds; each headline F1 carries a bootstrap interval because there are few documents.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from ..models import Gold, Summary
from .compare import compare, present_values
from .match import CUTOFFS, match, similarity
from .normalise import Names, norm, norm_date
from .report_model import DocScore, GroundingScore, Outcomes, Report, TypeScore
from .settings import (
    AUTHORITY_GATE,
    BULLETIN_FIELDS,
    DATE_WINDOW,
    FIELDS,
    HEADLINE,
    KINDS,
    NAME_GATE,
    OVERVIEW_CUTOFF,
    RESAMPLES,
    SANCTION_CUTOFF,
    SEED,
    STATEMENT_CUTOFF,
    RecordKind,
)
from .statistics import intervals

_BULLETIN_DATES = {"period_start", "period_end"}


def _canonical(kind: RecordKind, items: Sequence[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """Items (and their present values) in a fixed order, so that ties in the assignment break the same
    way whatever the input order. Items tied on every scored field are interchangeable for scoring.
    The key is the repr of the present values, which :func:`present_values` builds in FIELDS order."""
    keyed = [(repr(values), item, values) for item in items for values in [present_values(kind, item)]]
    keyed.sort(key=lambda entry: entry[0])
    return [item for _, item, _ in keyed], [values for _, _, values in keyed]


def _label(kind: str, item: Any) -> str:
    if kind == "overview":
        return shorten(item.text, 70)
    if kind == "statements":
        return f"{item.speaker}: {shorten(item.content, 60)}"
    when = f" {item.announced_on.isoformat()}" if item.announced_on else ""
    targets = f" ({', '.join(t.name for t in item.targets[:3])})" if item.targets else ""
    return f"{item.authority} {item.action}{when}{targets}"


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis to ``width`` characters: labels and table cells stay readable."""
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
    report.ci = intervals(report, [f"{k}.{m}" for k in KINDS for m in HEADLINE], resamples, seed, 0.95)
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
