"""Align every extracted item to the bulletin text; what cannot be found there is a hallucination.

The cascade follows LangExtract: exact match, else the tightest source window holding at least 75% of
the snippet's tokens in order at a density of at least 1/3, else ungrounded. Names (speakers, targets,
authorities) must also occur in the text, since a model invents those most readily; a known actor counts as
occurring when one of its mentions does ("American" for "the United States"). A statement's addressee that does not
occur is cleared rather than the statement dropped: the words and their speaker are still the text's.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import TypeVar

from .layout import flat
from .lexicon import actor_mentions, load
from .models import Evidence, Grounding, OverviewPoint, Sanction, Statement
from .text import tokens, words

MIN_COVERAGE = 0.75
MIN_DENSITY = 1 / 3
_NAME_STOP = {"the", "of", "and", "al", "a", "el", "in", "for", "to", "s"}

Item = TypeVar("Item", OverviewPoint, Statement, Sanction)


def align(snippet: str, text: str, near: tuple[int, int] | None = None) -> Evidence:
    """Find ``snippet`` in ``text``; ``near`` is where the extractor says it is, searched first."""
    snippet = snippet.strip()
    if not snippet:
        return Evidence(start=0, end=0, text="", status="ungrounded")
    if near and text[near[0] : near[1]] == snippet:
        return Evidence(start=near[0], end=near[1], text=snippet, status="exact")
    regions = [(max(0, near[0] - 200), min(len(text), near[1] + 200))] if near else []
    regions.append((0, len(text)))
    for lo, hi in regions:
        at = text.find(snippet, lo, hi)
        if at >= 0:
            return Evidence(start=at, end=at + len(snippet), text=snippet, status="exact")
    want = [t for t, _, _ in tokens(snippet)]
    for lo, hi in regions:
        found = _fuzzy(want, tokens(text[lo:hi], lo))
        if found:
            start, end, exact = found
            return Evidence(start=start, end=end, text=text[start:end], status="exact" if exact else "fuzzy")
    return Evidence(start=0, end=0, text=snippet, status="ungrounded")


def _fuzzy(want: list[str], have: list[tuple[str, int, int]]) -> tuple[int, int, bool] | None:
    if not want or not have:
        return None
    matcher = SequenceMatcher(None, want, [t for t, _, _ in have], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    best: tuple[int, int, bool] | None = None
    best_len = 0
    # The tightest window: try each contiguous run of blocks that reaches the coverage threshold.
    for i in range(len(blocks)):
        matched = 0
        for j in range(i, len(blocks)):
            matched += blocks[j].size
            if matched / len(want) < MIN_COVERAGE:
                continue
            lo, hi = blocks[i].b, blocks[j].b + blocks[j].size
            if matched / (hi - lo) >= MIN_DENSITY and (best is None or hi - lo < best_len):
                exact = j == i and blocks[i].size == len(want)
                best, best_len = (have[lo][1], have[hi - 1][2], exact), hi - lo
            break
    return best


def name_in_text(name: str | None, text_tokens: Set[str]) -> bool:
    """Every significant word of a name occurs in the text (after transliteration folding)."""
    if not name:
        return True
    words = [t for t, _, _ in tokens(name) if t.isalnum() and t not in _NAME_STOP]
    return all(w in text_tokens for w in words)


def _names(item: OverviewPoint | Statement | Sanction) -> list[str | None]:
    if isinstance(item, Statement):
        return [item.speaker]
    if isinstance(item, Sanction):
        return [item.authority, *(t.name for t in item.targets)]
    return []


@dataclass(frozen=True)
class Index:
    """A bulletin's text with its folded words and the actors it mentions: built once, used for every record type."""

    text: str
    vocabulary: frozenset[str]
    actors: frozenset[str]


def index(text: str) -> Index:
    """Words are read both as printed and as read whole: a name hyphenated at a line end ("Sadr-\nzadeh") occurs."""
    vocabulary = frozenset(words(text) | words(flat(text)))
    actors = frozenset(
        name
        for (pattern, name), spellings in zip(actor_mentions(), _actor_words(), strict=True)
        if any(spelling <= vocabulary for spelling in spellings) and pattern.search(text)
    )
    return Index(text, vocabulary, actors)


@cache
def _actor_words() -> tuple[tuple[frozenset[str], ...], ...]:
    """Each actor's spellings as word sets ("and" may be printed "&"): an actor none of whose spellings has all its
    words in the text is not searched for, which spares a search of the whole text per actor."""
    return tuple(tuple(frozenset(words(s)) - {"and"} for s in spellings) for spellings in load().actors.values())


def ground(items: Iterable[Item], text: str | Index, tally: Grounding, keep_ungrounded: bool = False) -> list[Item]:
    """Re-anchor each item's evidence in the text; drop (or mark) items the text does not hold."""
    found = text if isinstance(text, Index) else index(text)
    text, vocabulary, actors = found.text, found.vocabulary, found.actors
    kept: list[Item] = []
    for item in items:
        ev = item.evidence
        evidence = align(ev.text, text, (ev.start, ev.end) if ev.end > ev.start else None)
        if isinstance(item, Statement) and not (item.target in actors or name_in_text(item.target, vocabulary)):
            item = item.model_copy(update={"target": None})  # a stray addressee is no reason to lose what was said
        if not all(n in actors or name_in_text(n, vocabulary) for n in _names(item)):
            evidence = evidence.model_copy(update={"status": "ungrounded"})
        item = item.model_copy(update={"evidence": evidence})
        if evidence.status == "ungrounded":
            tally.dropped += 1
            if not keep_ungrounded:
                continue
        elif evidence.status == "fuzzy":
            tally.fuzzy += 1
        else:
            tally.exact += 1
        kept.append(item)
    return kept
