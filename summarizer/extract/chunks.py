"""What the model reads at a time: a paragraph, or a speaker's introduction with the bullets it introduces.

A chunk carries its section heading and the paragraph before it as context, so "He added" and "the ministry" can be
resolved, but only the chunk's own sentences are read for records. Chunks with no sign of speech or of a sanctions
action are never sent: on two CPU cores every model call costs seconds, and most paragraphs of a bulletin say
neither, and sentences an earlier extractor already turned into records need no second reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import flat
from ..lexicon import word_pattern
from ..rules.sanctions import ABOUT_SANCTIONS
from ..rules.words import LEXICON
from ..segment import Document, Paragraph, Sentence

__all__ = ["Chunk", "chunks"]

CONTEXT_CHARS = 400
"""Characters of the previous paragraph given as context: enough for a name introduced there."""

_SPEECH = word_pattern([*LEXICON.cues, *LEXICON.list_cues, "according to", "says", "say"], ignore_case=True)
_QUOTE = re.compile(r'"[^"]{12,}"')


@dataclass(frozen=True)
class Chunk:
    """Paragraphs read together, and the context around them."""

    paragraphs: tuple[Paragraph, ...]
    section: str
    previous: str

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def passage(self) -> str:
        """The chunk as the model reads it: hard-wrapped lines rejoined, one line per paragraph, bullets marked."""
        lines = []
        for para in self.paragraphs:
            text = flat(para.text).strip()
            lines.append(f"- {text}" if para.lead is not None else text)
        return "\n".join(lines)

    def unread(self, spans: list[tuple[int, int]]) -> list[Sentence]:
        """Sentences with a reporting verb, a quotation or a sanctions word that no span of an earlier
        extractor's records covers: where a reader is still needed."""
        return [
            s
            for s in self.sentences
            if (_SPEECH.search(s.flat) or _QUOTE.search(s.flat) or ABOUT_SANCTIONS.search(s.flat))
            and not any(start < s.end and s.start < end for start, end in spans)
        ]


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
