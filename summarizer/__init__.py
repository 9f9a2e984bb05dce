"""summarizer: structured, source-grounded summaries of intelligence bulletins.

>>> from summarizer import summarize
>>> summary = summarize(path="evals/bulletins/spotlight-on-iran-2020-03-22.txt", backend="rules")

``path=`` or ``text=``, never a guess; the default backend is ``local``, as on the command line.
"""

import logging

from .errors import SummarizerError
from .ingest import InputError
from .models import Bulletin, Evidence, OverviewPoint, Sanction, Statement, Summary
from .pipeline import summarize, summarize_async

# A library logs; the application decides what to show (the CLI's --verbose).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Bulletin",
    "Evidence",
    "InputError",
    "OverviewPoint",
    "Sanction",
    "Statement",
    "SummarizerError",
    "Summary",
    "summarize",
    "summarize_async",
]
