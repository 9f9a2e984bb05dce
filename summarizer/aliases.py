"""One name per actor across bulletins: "Ismail Qaani", "Esmail Ghaani" and "Qa'ani" are one commander.

Transliterations from Persian and Arabic vary from outlet to outlet and from week to week, so a cross-bulletin view
(who said what over time) must fold spellings before grouping. The fold is table-driven: a curated JSON table lists
groups of spellings, canonical first. Lookup is exact after normalisation; only then a conservative fuzzy step maps
an unlisted spelling onto one table group when it is a near copy of a listed spelling. Fuzzy matching never joins two
table groups (two listed names are two actors, however alike) and never joins two unlisted names, because merging
two people is far worse for an analyst than showing one person twice.

Users layer their own table over the built-in one with ``SUMMARIZER_ALIASES=/path/to/aliases.json``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Indel
from rapidfuzz.process import extract

from .lexicon import resource
from .text import fold

ENV = "SUMMARIZER_ALIASES"
BUILTIN = "aliases.json"
FUZZY_MIN = 0.9
"""Indel similarity (space-free) an unlisted spelling needs to a listed one; one edit in ten characters.

Jaro-Winkler is not used: its prefix bonus scores "Qasem Soleimani Dashtaki" (a provincial governor) at 0.93
against "Qasem Soleimani"."""
FUZZY_MARGIN = 0.03
"""How much closer the best group must be than the runner-up; otherwise the spelling is ambiguous and kept."""
FUZZY_MIN_CHARS = 8
"""Shorter names (a surname alone) are too easily one edit away from another person."""

_GLUE = re.compile(r"['\"`]|(?<=\b[a-z])\.")  # apostrophes, quotes, abbreviation dots: Qa'ani, U.S.
_PUNCT = re.compile(r"[^a-z0-9\s]")


def key(name: str | None) -> str:
    """The form spellings are compared in: NFKC, transliterated, casefolded, punctuation dropped.

    "Kata'ib" = "Kataib", "U.S." = "US", "Amir-Abdollahian" = "amir abdollahian". Same output as
    ``evaluate.normalise.norm`` (a test holds them together), without importing scipy into the extraction path.
    """
    if not name:
        return ""
    return " ".join(_PUNCT.sub(" ", _GLUE.sub("", fold(unicodedata.normalize("NFKC", name)))).split())


def _squeeze(folded: str) -> str:
    """Spaces dropped, so "Amirabdollahian" and "Amir Abdollahian" are compared letter for letter."""
    return folded.replace(" ", "")


class Aliases:
    """A table of spelling groups and the resolver over it."""

    def __init__(self, groups: Iterable[Sequence[str]] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._squeezed: dict[str, str] = {}
        self._cache: dict[str, str] = {}
        for group in groups:
            for spelling in group:
                folded = key(spelling)
                if folded:
                    self._canon[folded] = group[0]
                    if len(_squeeze(folded)) >= FUZZY_MIN_CHARS:
                        self._squeezed[_squeeze(folded)] = group[0]
        self._choices = list(self._squeezed)

    def __len__(self) -> int:
        return len(set(self._canon.values()))

    def canonical(self, name: str) -> str:
        """The table's canonical spelling of ``name``; ``name`` as written when the table does not know it."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._lookup(name) or name
        return found

    def known(self, name: str) -> bool:
        """Whether ``name`` resolves to a table group (exactly or fuzzily)."""
        return self._lookup(name) is not None

    def _lookup(self, name: str) -> str | None:
        folded = key(name)
        if not folded:
            return None
        for form in (folded, folded.removeprefix("the ")):
            if form in self._canon:
                return self._canon[form]
        return self._fuzzy(_squeeze(folded.removeprefix("the ")))

    def _fuzzy(self, squeezed: str) -> str | None:
        """The one group holding a near copy of ``squeezed``, if exactly one group is clearly closest."""
        if len(squeezed) < FUZZY_MIN_CHARS or not self._choices:
            return None
        best: dict[str, float] = {}
        hits = extract(
            squeezed,
            self._choices,
            scorer=Indel.normalized_similarity,
            score_cutoff=FUZZY_MIN - FUZZY_MARGIN,
            limit=None,
        )
        for spelling, score, _ in hits:
            group = self._squeezed[spelling]
            best[group] = max(score, best.get(group, 0.0))
        ranked = sorted(best.values(), reverse=True)
        if not ranked or ranked[0] < FUZZY_MIN:
            return None
        if len(ranked) > 1 and ranked[0] - ranked[1] < FUZZY_MARGIN:
            return None
        return max(best, key=best.__getitem__)


def read_groups(path: str | Path) -> tuple[list[list[str]], bool]:
    """Groups from a table file, and whether the built-in table should still apply under them.

    The file is ``{"groups": [[canonical, variant, ...], ...]}`` (optionally ``"builtin": false``) or a plain list of
    groups, as in gold files. Raises ValueError with a one-line message naming the file and the problem.
    """
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read alias table ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ValueError(f"{path}: alias table is not valid JSON ({exc})") from None
    builtin = True
    if isinstance(data, dict):
        builtin = bool(data.get("builtin", True))
        data = data.get("groups")
    if not isinstance(data, list) or not all(
        isinstance(g, list) and g and all(isinstance(s, str) and s.strip() for s in g) for g in data
    ):
        raise ValueError(f"{path}: alias table must be a list of non-empty lists of names")
    owner: dict[str, str] = {}
    for group in data:
        for spelling in group:
            other = owner.setdefault(_squeeze(key(spelling)), group[0])
            if other != group[0]:
                raise ValueError(f"{path}: {spelling!r} is in two groups ({other!r} and {group[0]!r})")
    return data, builtin


def load(path: str | Path | None = None) -> Aliases:
    """The built-in table, with the user's table (``path``, else ``$SUMMARIZER_ALIASES``) layered over it.

    A user group replaces every built-in group it shares a spelling with, so a user can split or rename a built-in
    group as well as add new ones; ``"builtin": false`` in the user's file drops the built-in table altogether.
    """
    groups, _ = read_groups(str(resource(BUILTIN)))
    path = path or os.environ.get(ENV) or None
    if path is None:
        return Aliases(groups)
    mine, builtin = read_groups(path)
    claimed = {key(s) for group in mine for s in group}
    kept = [g for g in groups if not any(key(s) in claimed for s in g)] if builtin else []
    return Aliases([*kept, *mine])


_default: Aliases | None = None


def canonical(name: str) -> str:
    """Canonical spelling of ``name`` from the default table (built in plus ``$SUMMARIZER_ALIASES``)."""
    global _default
    if _default is None:
        _default = load()
    return _default.canonical(name)


__all__ = ["ENV", "Aliases", "canonical", "key", "load", "read_groups"]
