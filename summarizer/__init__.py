"""summarizer: structured, source-grounded summaries of intelligence bulletins.

>>> from summarizer import summarize
>>> summary = summarize("evals/bulletins/spotlight-on-iran-2020-03-22.txt", backend="rules")
"""

from .ingest import InputError
from .models import Bulletin, Evidence, OverviewPoint, Sanction, Statement, Summary
from .pipeline import summarize, summarize_async

__all__ = [
    "Bulletin",
    "Evidence",
    "InputError",
    "OverviewPoint",
    "Sanction",
    "Statement",
    "Summary",
    "summarize",
    "summarize_async",
]
