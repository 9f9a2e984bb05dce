"""Overview points: the bulletin's own summary list, taken as written, since it needs no extraction."""

from __future__ import annotations

from ..layout import flat
from ..models import Evidence, OverviewPoint
from ..segment import Document


def overview(doc: Document) -> list[OverviewPoint]:
    """One point per item of the overview list, its evidence the item itself."""
    return [
        OverviewPoint(text=flat(p.text), evidence=Evidence(start=p.start, end=p.end, text=p.text)) for p in doc.overview
    ]
