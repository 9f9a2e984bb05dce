"""Pair predicted items with gold items of one record type, one to one.

Extracted items are unordered, so pairs come from an optimal assignment on a similarity matrix;
key fields gate it first, so that similar words from another speaker or authority never pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..models import Sanction
from .compare import set_f1
from .normalise import NO_ALIASES, Names, token_f1
from .settings import (
    AUTHORITY_GATE,
    DATE_WINDOW,
    FIELDS,
    NAME_GATE,
    OVERVIEW_CUTOFF,
    SANCTION_CUTOFF,
    STATEMENT_CUTOFF,
    TIE_BREAK,
    RecordKind,
)

_TIE_FIELDS = tuple(f for f in FIELDS["statements"] if f not in ("speaker", "content"))


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
    names = names or NO_ALIASES
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
