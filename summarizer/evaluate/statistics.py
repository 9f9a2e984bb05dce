"""Bootstrap intervals and paired comparisons of headline F1s.

Whole documents are resampled, not items: items of one bulletin share its format and difficulty,
so they are not independent draws. Two runs are compared on the same resamples (paired), so that
document difficulty cancels out of the difference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .report_model import PRF, Delta, Interval, Report, TypeScore, f1_from_counts
from .settings import HEADLINE, KINDS, RESAMPLES, SEED


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
    return intervals(report, [metric], resamples, seed, level)[metric]


def intervals(report: Report, metrics: Sequence[str], resamples: int, seed: int, level: float) -> dict[str, Interval]:
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
    value, base_value = f1_from_counts(*run.sum(axis=0)), f1_from_counts(*base.sum(axis=0))
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
