"""The roll-ups over a results directory: ``results.jsonl``, ``statements.csv`` and ``sanctions.csv``.

Rebuilt from the result files on disk at the end of every run, so a resumed run's roll-ups cover the whole set.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .files import atomic_write
from .results import load_results

STATEMENT_COLUMNS = [
    "bulletin", "speaker", "speaker_canonical", "role", "affiliation", "cue", "statement_type", "target",
    "said_on", "cited_outlet", "cited_date", "section", "quote_type", "content", "evidence_start", "evidence_end",
]  # fmt: skip
SANCTION_COLUMNS = [
    "bulletin", "authority", "issuing_country", "action", "announced_on", "target_count", "targets",
    "target_countries", "reasons", "programs", "beneficiaries", "cited_outlet", "evidence_start", "evidence_end",
]  # fmt: skip


def rollup(out: Path) -> None:
    """Rebuild the JSONL and CSV roll-ups from every result on disk, so a resumed run covers the whole set."""
    results = load_results(out)
    atomic_write(out / "results.jsonl", "".join(s.model_dump_json() + "\n" for s in results))
    rows, srows = [], []
    for s in results:
        name = s.bulletin.source or ""
        for st in s.statements:
            d = st.model_dump(mode="json")
            row = {k: d.get(k) for k in STATEMENT_COLUMNS}
            row.update(bulletin=name, evidence_start=st.evidence.start, evidence_end=st.evidence.end)
            rows.append(row)
        for sa in s.sanctions:
            d = sa.model_dump(mode="json")
            row = {k: d.get(k) for k in SANCTION_COLUMNS}
            row.update(
                bulletin=name,
                targets="; ".join(t.name for t in sa.targets),
                evidence_start=sa.evidence.start,
                evidence_end=sa.evidence.end,
            )
            for key in ("target_countries", "reasons", "programs", "beneficiaries"):
                row[key] = "; ".join(d[key])
            srows.append(row)
    atomic_write(out / "statements.csv", _csv(STATEMENT_COLUMNS, rows))
    atomic_write(out / "sanctions.csv", _csv(SANCTION_COLUMNS, srows))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection): bulletin text is hostile and these CSVs get opened in Excel.

    A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it; the JSON results
    keep the original value for programs.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


__all__ = ["SANCTION_COLUMNS", "STATEMENT_COLUMNS", "rollup"]
