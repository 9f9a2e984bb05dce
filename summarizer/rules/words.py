"""What names, offices, organisations and counts look like: the vocabulary statements and sanctions share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import dates
from ..lexicon import actor, alternation, load, word_pattern
from ..text import unique

LEXICON = load()

UPPER = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
"""A capital letter, Latin with its accents too: "Şükrü Kocabıyık", "Émile", "Özgür" are names."""
_WORD = rf"{UPPER}[\w'\-]*[\w]"
_PARTICLE = rf"(?:{alternation(LEXICON.name_particles)})"
NAME = rf"(?:(?:al|el|ad|an|as)-)?{_WORD}(?:\s+(?:{_PARTICLE}[\-\s]|[A-Z]\.\s+)?{_WORD}){{0,4}}"
"""A name: up to five capitalised words, with the particles of Arabic and European names or a middle initial
("Brian E. Nelson") between them."""
PAPER_NOUN = rf"(?:{alternation(LEXICON.paper_nouns)})"
"""What a telling may be printed in: "statement", "conclusions", "release", "interview"."""
ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
"""An article opening a name or an office: no part of either."""
MANNER = rf"(?:(?:{alternation(LEXICON.manner_adverbs)})\s+)*"
"""Adverbs between a speaker and the reporting verb ("also strongly condemned"): no part of the verb."""
ROLE_NOUNS = word_pattern(LEXICON.role_nouns, ignore_case=True)
"""A word naming an office: what makes a phrase a role rather than a description."""
HEARSAY = word_pattern([*LEXICON.media, *LEXICON.outlet_words, *LEXICON.unnamed_sources], ignore_case=True)
"""An outlet or an unnamed source: "according to" it, or "said" after it, is hearsay, not a speaker's statement."""
PARTICLES = frozenset(w.lower() for w in LEXICON.name_particles)
"""Name particles in lower case: how a list's capitals are written in prose ("AL-KHAFAJI" is "al-Khafaji")."""
NOT_NAMES = LEXICON.not_names
NATIONALITIES = LEXICON.nationalities
_NATIONALITY = re.compile(rf"\b(?:{alternation(NATIONALITIES)})(?!\w)")
_NATIONALITY_RANK = {adjective: rank for rank, adjective in enumerate(NATIONALITIES)}


def nationality(text: str) -> str | None:
    """The country of a nationality adjective in ``text`` ("the Iraqi militia": Iraq); of several, the one the
    lexicon lists first."""
    found = _NATIONALITY.findall(text)
    return NATIONALITIES[min(found, key=_NATIONALITY_RANK.__getitem__)] if found else None


ORGS = re.compile(r"\b(" + "|".join(LEXICON.organisation_patterns) + r")\b")
"""Organisations that speak and are served by sanctioned conduct; group 1 is the name as written."""
RANK = re.compile(
    r"(?<!Secretary )(?<!Secretary-)(?<!Attorney )(?<!Consul )"
    rf"\b(?:(?:Brigadier|Major|Lieutenant|Rear|Vice)[\s-]+)?(?:General|Admiral|Colonel|Commodore)s?\s+(?={UPPER})"
    rf"|\b(?:(?:Brig|Maj|Lt|Rear|Vice)\.?[\s-]+)?(?:Gen|Adm|Col)\.\s+(?={UPPER})"
    rf"|\b(?:{alternation(LEXICON.honorifics)})\s+(?={UPPER})"
)
"""A military rank or an honorific before a name ("Brigadier General Davoud Tabrizi", "Ayatollah X"): part of
neither the name nor the office."""
NUMBERS = LEXICON.numbers
COUNT = re.compile(
    rf"\b(?P<n>(?!(?:19|20)\d\d\b)\d+|(?i:{alternation(NUMBERS)}))\s+"
    r"(?P<other>other\s+|new\s+|additional\s+|more\s+)?"
    r"(?:(?!(?:of|its|their|the|and|or|to)\b)[A-Za-z][\w.-]*\s+"
    rf"(?:and\s+(?!(?:the|its|their|{alternation(NUMBERS)})\b)[a-z][\w-]*\s+)?){{0,2}}?"
    r"(?P<what>individuals?|entities|entity|companies|company|organi[sz]ations?|persons?|people|men|women|vessels?|"
    r"ships?|tankers?|aircraft|targets|officials?|firms?|banks?|officers?|members|suppliers|commanders?|diplomats?|"
    r"ministers|nationals?|citizens?|figures|leaders|executives?)\b"
)
"""A count of targets ("three individuals", "nine other entities"): a sanctions action, not speech."""
_CALENDAR = {w.title() for w in dates.WEEKDAYS} | {m.title() for m in dates.MONTHS if len(m) > 3 or m == "may"}


def is_name(text: str) -> bool:
    """Capitalised words that can be a name: not a sentence opener, an office or a date."""
    words = text.split()
    return bool(words) and words[0] not in NOT_NAMES and not ROLE_NOUNS.search(text) and not _CALENDAR & set(words)


def is_polity(name: str) -> bool:
    """A country or a union named as itself ("Australia", "EU") or by its capital ("Tehran rejected the move"): a
    name that can be a speaker on its own."""
    return (
        name in LEXICON.countries
        or name in LEXICON.short_names
        or name in LEXICON.capital_cities
        or (name.isupper() and actor(name) is not None)
    )


def country_of(place: str) -> str | None:
    """The country (or body) a place name stands for: "Dubai", "Tehran", "UAE", "Iran"; None for no known place."""
    found = (
        LEXICON.cities.get(place)
        or actor(place)
        or LEXICON.short_names.get(place)
        or (place if place in LEXICON.countries else None)
    )
    if found is None and (formal := _FORMAL.match(place)) is not None:
        return country_of(place[formal.end() :])  # "the Kingdom of Bahrain", "the Sultanate of Oman"
    return re.sub(r"^the ", "", found) if found else None


_FORMAL = re.compile(r"(?:the\s+)?(?:Kingdom|Republic|State|Sultanate|Emirate|Principality)\s+of\s+(?:the\s+)?")
"""The form of state a country's formal name opens with."""


def is_role(text: str) -> bool:
    """Whether a phrase names an office ("deputy foreign minister"), as a role must."""
    return bool(ROLE_NOUNS.search(text))


def country_named_last(places: str) -> str | None:
    """The country a comma-separated address names last ("Office 12, Al Qusais, Dubai, United Arab Emirates")."""
    found = [country_of(part.strip(" .()")) for part in places.split(",")]
    return next((c for c in reversed(found) if c), None)


def count(word: str) -> int:
    """The number a count's first word says ("12", "twelve")."""
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def distinct(items: Iterable[str | None]) -> list[str]:
    """The non-empty items, each once whatever its case, in order."""
    return unique((item for item in items if item), key=str.lower)
