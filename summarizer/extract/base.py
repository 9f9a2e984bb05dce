"""The contract every extractor keeps: a segmented document in, candidate records with evidence out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..models import OverviewPoint, Sanction, Statement

if TYPE_CHECKING:
    from ..segment import Document

__all__ = ["Candidates", "Extractor"]


@dataclass
class Candidates:
    """Records one extractor found; each still to be grounded and merged with the other extractors' records."""

    overview: list[OverviewPoint] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)


class Extractor(Protocol):
    """A peer extractor: rules and a model both read the whole document and propose records."""

    name: str
    prompts: tuple[str, ...]
    """Prompt templates it asks with (none for the rules): their hashes tell stale results apart."""

    async def extract(self, doc: Document, earlier: Candidates) -> Candidates:
        """Records found in ``doc``; ``earlier`` holds what the extractors before it found, so a costly reader
        can spend its calls where they did not account for the text."""
        ...
