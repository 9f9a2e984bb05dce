"""Score extracted summaries against hand-labelled gold.

Extracted items are unordered, so each record type is matched one-to-one by optimal assignment on a
similarity matrix, after gating on key fields (same speaker; same authority and date) so that
similar wording from another source never pairs, and then scored field by field, strictly (exact
after normalisation) and leniently (similarity-weighted) so a near-miss shows as partly right.
Few documents means wide error bars, so headline F1s carry a bootstrap interval over whole
documents (items of one bulletin are not independent), and two runs are compared with a paired
bootstrap so that document difficulty cancels out of the difference.

Modules, in dependency order: ``settings``, ``normalise``, ``compare``, ``match``, ``report_model``,
``statistics``, ``scoring``, ``gate``, ``load``, ``report``.
"""

from __future__ import annotations

from .gate import check, load_thresholds
from .load import load_gold, load_predictions
from .report import print_report, to_markdown, to_table
from .report_model import Report
from .scoring import score, score_document
from .settings import FIELDS, KINDS
from .statistics import bootstrap_ci, compare_reports, paired_bootstrap

__all__ = [
    "FIELDS",
    "KINDS",
    "Report",
    "bootstrap_ci",
    "check",
    "compare_reports",
    "load_gold",
    "load_predictions",
    "load_thresholds",
    "paired_bootstrap",
    "print_report",
    "score",
    "score_document",
    "to_markdown",
    "to_table",
]
