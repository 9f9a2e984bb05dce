"""The JSON contract, the one output other programs read back (:func:`summarizer.results.load_results`)."""

from __future__ import annotations

from summarizer.models import Summary

__all__ = ["to_json"]


def to_json(summary: Summary) -> str:
    """The contract as pretty JSON; indented because people diff and read these files, not just machines."""
    return summary.model_dump_json(indent=2)
