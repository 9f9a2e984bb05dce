"""The lexicon: every place, actor, body and word list the rules and grounding match against, read from package data.

One table, so a country or a cue verb is added in one place (``data/lexicon.json``) and the extractor, grounding and
statement targeting agree on it; the code only says how the words are matched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

DATA = "data"
"""The package folder holding the data files (this lexicon and the built-in alias table)."""


def resource(name: str) -> Traversable:
    """A data file shipped with the package."""
    return files("summarizer") / DATA / name


@dataclass(frozen=True)
class Lexicon:
    """The tables of ``data/lexicon.json``; its ``about`` entry says what each holds."""

    countries: tuple[str, ...]
    short_names: Mapping[str, str]
    nationalities: Mapping[str, str]
    cities: Mapping[str, str]
    actors: Mapping[str, tuple[str, ...]]
    bodies: Mapping[str, str]
    iranian_bodies: tuple[str, ...]
    organisation_patterns: tuple[str, ...]
    media: tuple[str, ...]
    thinking_verbs: frozenset[str]
    subordinate_ranks: frozenset[str]
    role_references: Mapping[str, tuple[str, ...]]
    sanctioning_places: tuple[str, ...]
    sanctioning_adjectives: tuple[str, ...]
    sanctioning_bodies: tuple[str, ...]
    issuers: Mapping[str, tuple[str, ...]]
    cues: Mapping[str, str]
    addressee_cues: frozenset[str]
    telling_cues: frozenset[str]
    role_nouns: tuple[str, ...]
    titles: tuple[str, ...]
    office_words: frozenset[str]
    not_names: frozenset[str]
    place_nouns: frozenset[str]
    any_kind: frozenset[str]
    numbers: Mapping[str, int]
    sanction_verbs: tuple[str, ...]
    demand_verbs: tuple[str, ...]
    acting_verbs: tuple[str, ...]
    furniture: tuple[str, ...]
    release_markers: tuple[str, ...]
    masthead_words: tuple[str, ...]
    table_columns: Mapping[str, tuple[str, ...]]
    question_turns: frozenset[str]
    answer_turns: frozenset[str]
    field_labels: frozenset[str]
    lead_labels: tuple[str, ...]
    list_cues: tuple[str, ...]
    target_nouns: tuple[str, ...]
    name_titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    postnominals: tuple[str, ...]
    capital_cities: tuple[str, ...]
    courtesy_titles: tuple[str, ...]
    name_particles: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    vessel_types: tuple[str, ...]
    turn_titles: tuple[str, ...]
    institutions: tuple[str, ...]
    meeting_verbs: tuple[str, ...]
    manner_adverbs: tuple[str, ...]
    type_phrases: Mapping[str, tuple[str, ...]]
    clause_participles: Mapping[str, str]
    first_person_cues: Mapping[str, str]
    compound_heads: tuple[str, ...]
    publications: tuple[str, ...]
    outlet_words: tuple[str, ...]
    unnamed_sources: tuple[str, ...]
    web_outlets: Mapping[str, str]
    offices_for: tuple[str, ...]
    not_purpose_words: tuple[str, ...]
    provenance_suffixes: tuple[str, ...]
    note_holders: tuple[str, ...]
    reading_cues: tuple[str, ...]
    clause_conjunctions: tuple[str, ...]
    papers: frozenset[str]
    paper_nouns: tuple[str, ...]
    plural_bodies: tuple[str, ...]
    demanded_of: frozenset[str]
    accusing_words: tuple[str, ...]
    regions: frozenset[str]


def _value(kind: str, raw: object) -> object:
    """A JSON value as the field's type: lists become tuples (or sets), so the shared tables cannot be changed."""
    if isinstance(raw, dict):
        return {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
    if isinstance(raw, list):
        return frozenset(raw) if kind.startswith("frozenset") else tuple(raw)
    return raw


@cache
def load() -> Lexicon:
    """The lexicon, read once."""
    raw = json.loads(resource("lexicon.json").read_text(encoding="utf-8"))
    return Lexicon(**{f.name: _value(str(f.type), raw[f.name]) for f in fields(Lexicon)})


def alternation(spellings: Iterable[str]) -> str:
    """A regular expression matching any of the spellings as written, longest first ("claimed responsibility" is
    read whole, not as "claimed"); an "and" inside a name may be written "&" ("Foreign, Commonwealth & Development
    Office")."""
    return "|".join(
        re.escape(s).replace(r"\ and\ ", r"\ (?:and|&)\ ") for s in sorted(spellings, key=len, reverse=True)
    )


def word_pattern(spellings: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """Any of the spellings as a whole word or phrase."""
    return re.compile(rf"\b(?:{alternation(spellings)})\b", re.I if ignore_case else 0)


@cache
def outlet() -> re.Pattern[str]:
    """A word that names a news outlet as written ("Reuters", "News", "agency"): a source label or a speaker with one
    is a medium reporting, not an actor."""
    lexicon = load()
    return word_pattern([*lexicon.media, *lexicon.outlet_words])


@cache
def _name_title() -> re.Pattern[str]:
    lexicon = load()
    titles = alternation([*lexicon.name_titles, *lexicon.honorifics])
    return re.compile(
        rf"\b(?:{titles})\s+(?=[A-Z][\w'-]+\s+(?:(?:al|el|ad|an|as)-)?[A-Z])"
        rf"|(?<=[a-z])\s+(?:{alternation(lexicon.postnominals)})(?=\s*[,.;)]|\s*$)"
    )


def untitled(text: str) -> str:
    """``text`` without a title before a full name ("Senator Douglas Fairbairn", "the Hon Rhys Tallent") or letters
    after it ("MP"), kept out of the name like a rank; except a title ending a longer office ("High Representative
    X": the office, not a title)."""
    return _name_title().sub(lambda m: m[0] if _OFFICE_BEFORE.search(text, 0, m.start()) else "", text)


_OFFICE_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


@cache
def actor_mentions() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Mentions that name an actor, with its canonical name: rules aim a statement at the foreign actor it talks about
    most, and grounding accepts "the United States" in a text that only says "American" or "Washington"."""
    return tuple(
        (re.compile(rf"(?<![\w-])(?:{alternation(spellings)})(?![\w-])"), name)
        for name, spellings in load().actors.items()
    )


def actor(mention: str) -> str | None:
    """The actor a whole mention names ("Tehran" -> "Iran"), or None."""
    return next((name for pattern, name in actor_mentions() if pattern.fullmatch(mention)), None)
