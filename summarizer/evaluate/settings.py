"""Gates, cutoffs and scored fields: every number a score depends on, in one place.

Each report records the gates, cutoffs and resampling (``Report.settings``), so a saved baseline says
how it was scored.
"""

from __future__ import annotations

from typing import Literal

NAME_GATE = 0.9
"""Jaro-Winkler a speaker pair needs (after alias lookup) to be compared at all: 0.88 separates
Esmail Qa'ani / Ismail Qaani, so transliterations must come from the alias table."""
AUTHORITY_GATE = 0.85
"""Organisation names vary more in length ("U.S. Treasury" / "U.S. Treasury Department" = 0.90)."""
DATE_WINDOW = 3
"""Days by which a sanction's announced_on may differ from gold and still be the same action."""
OVERVIEW_CUTOFF = 0.5
"""Token-overlap F1 under which an overview point is a different point."""
STATEMENT_CUTOFF = 0.3
"""Token-overlap F1 of content under which a same-speaker statement is a different statement."""
SANCTION_CUTOFF = 0.5
"""Mean of authority, action, date and target agreement under which a gated pair is rejected."""
TIE_BREAK = 1e-3
"""Weight of field agreement added to the statement similarity: small enough never to outrank content."""
RESAMPLES = 1000
SEED = 0

KINDS = ("overview", "statements", "sanctions")
RecordKind = Literal["overview", "statements", "sanctions"]
HEADLINE = ("record_f1", "strict_f1", "lenient_f1")
"""Metrics per record type that get a bootstrap interval and are compared with a baseline."""

FieldKind = Literal["name", "text", "heading", "content", "enum", "date", "int", "names", "set", "reasons"]
FIELDS: dict[str, dict[str, FieldKind]] = {
    "overview": {"text": "content"},
    "statements": {
        "speaker": "name",
        "role": "text",
        "affiliation": "name",
        "cue": "text",
        "content": "content",
        "quote_type": "enum",
        "statement_type": "enum",
        "target": "name",
        "said_on": "date",
        "cited_outlet": "name",
        "cited_date": "date",
        "section": "heading",
    },
    "sanctions": {
        "authority": "name",
        "issuing_country": "name",
        "action": "enum",
        "announced_on": "date",
        "target_count": "int",
        "targets": "names",
        "target_countries": "names",
        "reasons": "reasons",
        "programs": "set",
        "beneficiaries": "names",
        "cited_outlet": "name",
    },
}
"""Scored fields per record type and how each is compared (see :func:`.compare.compare`)."""
BULLETIN_FIELDS = ("title", "publisher", "period_start", "period_end", "editor", "language")
