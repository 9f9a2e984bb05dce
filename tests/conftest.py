"""What every test file shares: one environment fixture for model-backend tests, and record factories.

Factories build valid contract objects from a few overrides, so a test states only the fields it is about
instead of copying a twelve-field literal that drifts from the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.models import Bulletin, Evidence, Provenance, Sanction, Statement, Summary

SENTINEL = "sk-test-SENTINEL-0123456789"
"""The fake API key of :func:`openai_env`: a test that finds it in any output has found a leak."""


def make_evidence(text: str = "x", start: int = 0, status: str = "exact") -> Evidence:
    """Evidence whose offsets span ``text`` from ``start``."""
    return Evidence(start=start, end=start + len(text), text=text, status=status)  # type: ignore[arg-type]


def make_statement(**overrides: Any) -> Statement:
    """A minimal valid statement; pass any field to override it (``evidence`` defaults to one character)."""
    fields: dict[str, Any] = {"speaker": "Hossein Salami", "content": "said something", "evidence": make_evidence()}
    return Statement(**{**fields, **overrides})


def make_sanction(**overrides: Any) -> Sanction:
    """A minimal valid sanctions action; pass any field to override it."""
    fields: dict[str, Any] = {"authority": "U.S. Treasury Department", "evidence": make_evidence()}
    return Sanction(**{**fields, **overrides})


def make_summary(**overrides: Any) -> Summary:
    """A rules-backend summary with an empty bulletin unless overridden."""
    fields: dict[str, Any] = {"bulletin": Bulletin(), "provenance": Provenance(backend="rules")}
    return Summary(**{**fields, **overrides})


@pytest.fixture
def openai_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """A model-backend environment: a sentinel key (to prove it never leaks), no inherited endpoint, a private cache."""
    monkeypatch.setenv("OPENAI_API_KEY", SENTINEL)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache" / "cache.sqlite"))
    yield SENTINEL
