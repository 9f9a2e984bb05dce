"""What the model reads at a time: a paragraph, or a speaker's introduction with the bullets it introduces.

A chunk carries its section heading and the paragraph before it as context, so "He added" and "the ministry" can be
resolved, but only the chunk's own sentences are read for records. Chunks with no sign of speech or of a sanctions
action are never sent: on two CPU cores every model call costs seconds, and most paragraphs of a bulletin say
neither, and sentences an earlier extractor already turned into records need no second reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from ..layout import flat
from ..lexicon import word_pattern
from ..rules.sanctions import ABOUT_SANCTIONS
from ..rules.words import HEARSAY, LEXICON
from ..segment import Document, Paragraph, Sentence

__all__ = ["Chunk", "chunks"]

CONTEXT_CHARS = 300
"""Characters of the previous paragraph given as context: enough for a name introduced there."""

_SPEECH = word_pattern([*LEXICON.cues, *LEXICON.list_cues, "according to", "says", "say"], ignore_case=True)
_QUOTE = re.compile(r'"[^"]{12,}"')
_SPOKEN_THAT = re.compile(r"\b[a-z]{3,}ed(?=(?:\s+(?:on\s+)?[A-Z]\w+day)?\s+that\b)")
"""A verb the lexicon may not know, reporting a that-clause ("underscored that"): the model may know it."""
SUBJECT_CHARS = 40
"""How far from a reporting verb its source is looked for: "The New York Times reported", "according to reports"."""


Span = tuple[int, int]


@dataclass(frozen=True)
class Chunk:
    """Paragraphs read together, the context around them, and the spans earlier extractors already read."""

    paragraphs: tuple[Paragraph, ...]
    section: str
    previous: str
    covered: tuple[Span, ...] = ()

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def _entries(self) -> list[tuple[Paragraph, Sentence]]:
        """Each sentence, and each list item whole (a quotation under an introduction may run over several
        sentences yet is one record)."""
        return [
            (para, Sentence(para.start, para.end, para.text)) if para.lead is not None else (para, sent)
            for para in self.paragraphs
            for sent in (para.sentences[:1] if para.lead is not None else para.sentences)
        ]

    def _is_covered(self, sent: Sentence) -> bool:
        return any(start < sent.end and sent.start < end for start, end in self.covered)

    @cached_property
    def lines(self) -> list[tuple[Paragraph, Sentence]]:
        """The lines the passage numbers, in order: those no earlier record covers."""
        return [(para, sent) for para, sent in self._entries() if not self._is_covered(sent)]

    @cached_property
    def passage(self) -> str:
        """The chunk as the model reads it: one line per sentence (hard wraps rejoined), list items marked, a blank
        line between paragraphs. Lines still to be read are numbered; lines an earlier extractor read stay as
        unnumbered context. The model answers with line numbers instead of copying what was said, which would cost
        a small model most of its output tokens and most of its copying mistakes. A transcript's paragraph opens
        with the label of whoever has the floor, as transcripts write it."""
        out: list[str] = []
        last: Paragraph | None = None
        n = 0
        for para, sent in self._entries():
            if last is not None and para is not last:
                out.append("")
            text = f"- {sent.flat.strip()}" if para.lead is not None else sent.flat.strip()
            if para.turn is not None and sent is para.sentences[0]:
                text = f"{para.turn}: {text}"  # who has the floor: whom "I" and "we" mean
            if self._is_covered(sent):
                out.append(f"    {text}")
            else:
                n += 1
                out.append(f"[{n}] {text}")
            last = para
        return "\n".join(out)

    def line(self, number: int) -> tuple[Paragraph, Sentence] | None:
        """The paragraph and sentence of a passage line number, or None when the passage has no such line."""
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else None

    def unread(self, spans: list[Span]) -> list[Sentence]:
        """Sentences with a reporting verb, a quotation or a sanctions word that no span of an earlier
        extractor's records covers: where a reader is still needed."""
        left = self.after(spans)
        return [s for s in self.sentences if _worth_reading(s.flat) and not left._is_covered(s)]

    def after(self, spans: list[Span]) -> Chunk:
        """This chunk as left to read once ``spans`` are read."""
        first, last = self.paragraphs[0].start, self.paragraphs[-1].end
        return replace(self, covered=tuple((a, b) for a, b in spans if a < last and first < b))


def _worth_reading(text: str) -> bool:
    """A quotation, a sanctions word, or a reporting verb whose subject is not an outlet or an unnamed source: an
    outlet reporting news ("The New York Times reported") or "diplomats said" is no statement, and the verifier
    would reject it after the model had spent half a minute reading it."""
    if _QUOTE.search(text) or ABOUT_SANCTIONS.search(text):
        return True
    spoken = (m for m in _SPOKEN_THAT.finditer(text) if m[0] not in LEXICON.thinking_verbs)  # not "decided that"
    verbs = [*_SPEECH.finditer(text), *spoken]
    return any(not HEARSAY.search(_subject(text, m)) for m in verbs)


def _subject(text: str, verb: re.Match[str]) -> str:
    """The words where a reporting verb's source stands: after "according to", else just before the verb."""
    if verb[0].lower() == "according to":
        return text[verb.end() : verb.end() + SUBJECT_CHARS]
    return text[max(0, verb.start() - SUBJECT_CHARS) : verb.start()]


def chunks(doc: Document) -> list[Chunk]:
    """The document's body as chunks, in order; list items join the paragraph that introduces them."""
    found: list[Chunk] = []
    for section in doc.sections:
        previous = ""
        group: list[Paragraph] = []
        for para in section.paragraphs:
            if para.lead is not None and group and para.lead[0] in (group[0], group[-1]):
                group.append(para)
                continue
            if group:
                found.append(Chunk(tuple(group), section.title, previous))
                previous = flat(group[-1].text).strip()[-CONTEXT_CHARS:]
            group = [para]
        if group:
            found.append(Chunk(tuple(group), section.title, previous))
    return found
