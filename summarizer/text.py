"""Word folding: one spelling-insensitive form of a text, so "Qa'ani", "QAANI" and "Qāʼani" compare equal.

Grounding, merging, the alias table and the digest all compare names and contents in this form; they share it here so
that two steps never disagree about whether two spellings are the same. Names set in capitals are recased here too,
so a masthead, a publisher and a legal act's issuer are written alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import TypeVar

from anyascii import anyascii

_TOKEN = re.compile(r"\w+|[^\w\s]")

T = TypeVar("T")

SMALL_WORDS = frozenset({"of", "the", "for", "and", "&", "on", "in"})
"""Words a name in title case keeps in lower case ("Council of the European Union")."""


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Transliterated, case-folded, apostrophes dropped; memoised, since a bulletin repeats its words."""
    return anyascii(text).casefold().replace("'", "")


def tokens(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """Folded tokens with their offsets, so a token match maps back to a character span."""
    return [(fold(m[0]), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text) if fold(m[0])]


def words(text: str) -> set[str]:
    """The folded tokens of ``text``, without their offsets: a vocabulary to look names up in."""
    return {fold(w) for w in _TOKEN.findall(text)} - {""}


def unique(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each group sharing a key, in order: a repeat adds nothing however it is spelled."""
    seen: dict[Hashable, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def initials(name: str) -> str:
    """The first letters of a name's capitalised words ("Financial Action Task Force": "FATF"), as its acronym is."""
    return "".join(w[0] for w in re.findall(r"\b[A-Z][\w'-]*", name))


def from_capitals(name: str) -> str:
    """A name set in capitals as prose writes it: "THE COUNCIL OF THE EUROPEAN UNION" -> "The Council of the European
    Union", "AL-MONITOR" -> "Al-Monitor"; abbreviations with a full stop ("U.S.") kept."""
    return " ".join(
        w
        if "." in w
        else w.lower()
        if i and w.lower() in SMALL_WORDS
        else "-".join(part.capitalize() for part in w.split("-"))
        for i, w in enumerate(name.split())
    )
