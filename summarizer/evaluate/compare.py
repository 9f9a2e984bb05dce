"""Credit for one field of a matched pair: strict (equal after normalisation) and lenient (similarity).

Both are reported because a near-miss spelling is partly right: strict credit alone would score it
as wrong as an invented value, lenient credit alone would hide that it is not exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..models import OverviewPoint, Sanction, Statement
from .normalise import NO_ALIASES, Names, heading_key, norm, norm_date, text_sim, token_f1
from .settings import FIELDS, FieldKind, RecordKind

Item = OverviewPoint | Statement | Sanction


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
    names = names or NO_ALIASES
    if kind == "name":
        strict = float(names.resolve(gold) == names.resolve(pred))
        return strict, (1.0 if strict else names.sim(gold, pred))
    if kind == "heading":  # "2. IRAQ" = "IRAQ": labellers wrote a section's number both ways
        kind, gold, pred = "text", heading_key(gold), heading_key(pred)
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
