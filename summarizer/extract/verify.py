"""Verification of the model's reading: a candidate becomes a record only where the text bears it out.

A small model copies loosely and over-reads: it offers a meeting or an arrival as a "statement", the sanctions
announcement itself as the authority's statement, the subject of an allegation or the outlet that reported it as the
speaker. Each check below rejects one of those failure modes with a cheap test against the chunk's own words; what
passes is built by the same code that builds the rules' records, so dates, citations, roles, affiliations and
statement types are normalised once, the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from .. import rules
from ..lexicon import outlet, word_pattern
from ..models import Sanction, Statement, Target
from ..rules.targets import listed, origin
from ..rules.words import ARTICLE, LEXICON, NAME, ORGS, ROLE_NOUNS, country_of
from ..segment import Document, Paragraph, Sentence
from ..text import fold, unique
from .base import Candidates
from .chunks import Chunk

if TYPE_CHECKING:
    from .model import ChunkReading, Imposed, Said

__all__ = ["attributed", "records", "sanction", "statement", "targets"]

R = TypeVar("R", Statement, Sanction)

SPEAKER_REACH = 160
"""Characters between a speaker's mention and the verb: room for "X, the spokesman for the Y ministry, said"."""

_VERBS = sorted([*LEXICON.cues, "according to"], key=len, reverse=True)
_LIST_VERBS = sorted(LEXICON.list_cues, key=len, reverse=True)
_VAGUE = re.compile(r"(?i)^(?:some|several|two|three|many|unnamed|anonymous)\b")
"""A plural or unnamed source; an indefinite article is read in the text itself (:func:`_indefinite`), since the
speaker has had its article removed by then."""
_UNNAMED = word_pattern(LEXICON.unnamed_sources, ignore_case=True)
_GENERIC_PLURAL = re.compile(r"^(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+)*[a-z][\w-]*s$")
"""People or bodies of a kind, not one actor: "Human rights organizations", "EU ambassadors", "Iranian officials"."""
_INDEFINITE = re.compile(r"(?i)\b(?:an?|one|some|several|other)\s+$")
_PRONOUN_SUBJECT = re.compile(r"^\W*([Hh]e|[Ss]he|They|It)\b")
"""A pronoun opening the subject once its lead-in is read past ("In an interview in 2022, he described ...")."""
_DESCRIBED_SUBJECT = re.compile(
    r"^\W*[Tt]he\s+(?:[\w'-]+\s+){0,3}?(?P<noun>[\w'-]+)\s*(?:,|$|\s+(?:also|later|then)\b)"
)
_CLAUSE_BREAK = re.compile(r"[:;]|[a-z]{3,}[.!?][\"”]?\s+[A-Z]")
"""A colon, a semicolon or a sentence's end between a name and a verb: the verb is another clause's ("X, citing
sources: banks ...", a caption's "where EU ambassadors agreed the listings on Wednesday. Officials said")."""
_TITLE_RUN = re.compile(r"(?:\s+(?:[A-Z][\w.'&-]*|of|for|and|the|on|to|in))*\s+")
"""Only an office's words between a verb and the name after it: "said Under Secretary of the Treasury for X"."""
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_MANNER = re.compile(rf"^{rules.MANNER}", re.I)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_QUALIFIED_NOUN = re.compile(r"\b[a-z]{3,}s\s+$")


def _passive(text: str, verb_at: int, verb: str) -> bool:
    """The verb has its subject told of or accused, not speaking: an auxiliary before it ("was accused of"), or, for
    an accusing verb, a plural noun it qualifies ("five banks accused of moving money")."""
    accusing = LEXICON.cues.get(verb) == "accuse_condemn"
    return bool(_AUXILIARY.search(text, 0, verb_at) or (accusing and _QUALIFIED_NOUN.search(text, 0, verb_at)))


_CLAUSE_OPENING = re.compile(
    r"(?:As|In|On|At|After|Before|During|Meanwhile|However|Also|But|And|So|Then|Yet|While|When|Since|Because|"
    r"Although|Following|According)\b"
)
"""A word that opens a clause or a setting, never a name."""
_CITATION_TAIL = re.compile(r"\s*\([^()]*\)\s*\.?$")


def records(doc: Document, chunk: Chunk, reading: ChunkReading, rejected: dict[str, int]) -> Candidates:
    """The verified records of one chunk's reading; the reason for every rejection is counted in ``rejected``."""
    out = Candidates()
    for said in reading.statements:
        _keep(statement(doc, chunk, said), out.statements, rejected)
    for imposed in reading.sanctions:
        _keep(sanction(doc, chunk, imposed), out.sanctions, rejected)
    return out


def _keep(found: R | str, kept: list[R], rejected: dict[str, int]) -> None:
    """A record joins ``kept``; a rejection's reason is counted."""
    if isinstance(found, str):
        rejected[found] = rejected.get(found, 0) + 1
    else:
        kept.append(found)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", fold(text)).strip(" .,;:\"'")


def _written(answer: str) -> re.Pattern[str] | None:
    """A pattern for the answer as the text may write it: any case, any run of spaces or line breaks between words,
    an apostrophe present or not ("Houthis political bureau" finds "Houthis' political bureau")."""
    words = answer.strip(" .,;:\"'").split()
    if not words:
        return None
    parts = [r"'?".join(re.escape(ch) for ch in word.replace("'", "")) + r"'?" for word in words]
    gap = r"\s+"
    return re.compile(rf"(?<!\w){gap.join(parts)}(?!\w)", re.IGNORECASE)


def copied(text: str, answer: str | None, *, quotes: bool = False) -> str | None:
    """``answer`` as ``text`` writes it (case, line breaks and apostrophes aside), or None: the model may only copy.
    With ``quotes``, quotation marks the text puts around it are kept, so a direct quote stays direct."""
    pattern = _written(answer) if answer else None
    flat_text = _SPACES.sub(" ", text)
    m = pattern.search(flat_text) if pattern is not None else None
    if m is None:
        return None
    start, end = m.span()
    if quotes and flat_text[start - 1 : start] == '"':
        start -= 1
        close = flat_text.find('"', end)
        end = close + 1 if 0 <= close - end <= 2 else end
    return flat_text[start:end]


def _indefinite(text: str, name: str) -> bool:
    """Every mention of ``name`` is an indefinite noun phrase ("a Western diplomat", "an official"): someone the
    text does not name, however the model trimmed its answer."""
    pattern = _written(ARTICLE.sub("", name))
    flat_text = _SPACES.sub(" ", text)
    spots = [m.start() for m in pattern.finditer(flat_text)] if pattern is not None else []
    return bool(spots) and all(_INDEFINITE.search(flat_text[:at]) for at in spots)


def _verb(cue: str, choices: list[str]) -> str | None:
    """The lexicon's reporting verb the model's cue starts with ("told reporters" -> "told")."""
    low = _MANNER.sub("", _squash(cue))  # "strongly condemned" -> "condemned"
    return next((v for v in choices if low == v or low.startswith(v + " ")), None)


def _fullest(speaker: str, chunk: Chunk) -> str:
    """A surname the model gave alone, as the fullest name the chunk or its context writes it with."""
    if " " in speaker:
        return speaker
    names = re.findall(rf"{NAME}\s+{re.escape(speaker)}\b", f"{chunk.previous}\n{chunk.passage}")
    return max(names, key=len) if names else speaker


def _mentions(sentence: str, speaker: str) -> list[tuple[int, int]]:
    """Where the sentence names the speaker, by full name or by surname."""
    parts = [speaker, speaker.split()[-1]] if len(speaker.split()[-1]) > 2 else [speaker]
    patterns = (_written(part) for part in parts)  # offsets into the sentence as written: fold() drops apostrophes
    return [(m.start(), m.end()) for p in patterns if p is not None for m in p.finditer(sentence)]


def _in_subject_place(sentence: str, verb_at: int, verb_end: int, speaker: str, known_before: bool) -> bool:
    """The speaker is the verb's subject: named shortly before it, right after it ('said X'), or, having been named
    earlier, referred to by a pronoun or a description before it. A name that only occurs inside what is said is
    the subject of the statement, not its speaker."""
    for start, end in _mentions(sentence, speaker):
        if _POSSESSIVE.match(sentence, end):
            continue  # "Saberi's warning is aimed at an audience that has criticized": Saberi is no subject
        if end <= verb_at and verb_at - end <= SPEAKER_REACH and not _CLAUSE_BREAK.search(sentence, end, verb_at):
            return True
        if 0 <= start - verb_end <= SPEAKER_REACH and _TITLE_RUN.fullmatch(sentence[verb_end:start]):
            return True  # '"...," said Under Secretary of the Treasury for Terrorism X'
        if 0 <= start - verb_end <= 30:
            return True
    subject = rules.LEAD_IN.sub("", sentence[:verb_at])  # "Referring to the situation in Lebanon, the minister"
    described = _DESCRIBED_SUBJECT.match(subject)
    pronoun = _PRONOUN_SUBJECT.match(subject)
    body = bool(ORGS.search(speaker))
    said_by = pronoun[1].capitalize() if pronoun else None
    if (said_by == "It" and not body) or (said_by in ("He", "She") and body):
        return False  # "It vowed" is a body's, "He said" a person's: never the person named last for "It"
    if said_by in ("He", "She") and not (re.fullmatch(NAME, speaker) or ROLE_NOUNS.search(speaker)):
        return False  # "He went on to say": a person, never the words the model took for one ("As a result")
    referred = pronoun or (described and ROLE_NOUNS.fullmatch(described["noun"]))
    return known_before and bool(referred)


def _near(chunk: Chunk, number: int) -> list[tuple[Paragraph, Sentence]]:
    """The line the model pointed at, then its neighbours: a small model's count is sometimes one off."""
    found = (chunk.line(n) for n in (number, number - 1, number + 1))
    return [line for line in found if line is not None]


def statement(doc: Document, chunk: Chunk, said: Said) -> Statement | str:
    """The statement the model read, or why it is rejected."""
    passage = f"{chunk.previous}\n{chunk.passage}"
    speaker = copied(passage, said.speaker)
    if speaker is None:
        return "speaker not in the text"
    if _indefinite(passage, speaker):
        return "speaker is an outlet or an unnamed source"  # "A Western diplomat in Brussels ... said"
    office, speaker = rules.titled(ARTICLE.sub("", speaker))  # "Foreign Minister X": the office is no name
    speaker, office = rules.delegated(speaker) or (speaker, office)  # "representative of Iraq": Iraq speaks
    speaker = _fullest(speaker, chunk)
    if _no_actor(speaker):
        return "speaker is an outlet or an unnamed source"
    if len(speaker.split()) > 8 or _CLAUSE_OPENING.match(speaker):
        return "speaker is not a name"  # "As a result, X said": the words before the name are no one
    verb = _verb(said.cue, _VERBS)
    introduces = _verb(said.cue, [*_VERBS, *_LIST_VERBS])  # "made the following points" only introduces a list
    unlisted = _spoken(said.cue) if introduces is None else None  # "underscored", "lamented": no cue of the rules'
    verb, introduces = (unlisted, unlisted) if unlisted else (verb, introduces)
    if introduces is None:
        return "verb is not a reporting verb"
    lines = _near(chunk, said.line)
    if not lines:
        return "line not in the passage"
    role = _bare(copied(passage, said.role)) or _bare(office)
    if lines[0][0].lead is not None:
        return _list_item(doc, lines[0][0], speaker, introduces, role)
    if verb is None:
        return "a list's verb outside a list"
    why = "verb not on the line"
    for para, sent in lines:
        if para.asks:
            why = "a question states nothing"  # what an interviewer's question quotes, no one states there
            continue
        if para.lead is not None:
            continue
        opens = passage.find(sent.flat.strip())  # the passage is built from the same flattened sentences
        known = fold(speaker.split()[-1]) in fold(passage[:opens] if opens >= 0 else chunk.previous)
        for start, end, cue_verb in _cues(sent.flat, verb):
            if rules.headline_tense(cue_verb, para, sent):
                why = "a headline's present tense"  # "Hezbollah MP says resistance will not disarm"
                continue
            if cue_verb == unlisted and not _REPORTS.match(sent.flat, end):
                why = "verb reports nothing"  # "X arranged the sale": only a that-clause or a quotation is speech
                continue
            if _passive(sent.flat, start, cue_verb) or (cue_verb == "added" and rules.adds_to_list(sent.flat, end)):
                why = "verb is passive or lists targets"  # "banks accused of ...", "added to the list of persons"
                continue
            who = (speaker, role) if _in_subject_place(sent.flat, start, end, speaker, known) else None
            holder = _floor_holder(doc, para, sent.flat, start) if who is None else None
            who = (holder.name, holder.role) if holder is not None else who
            if who is None:
                why = "speaker is not the verb's subject"
                continue
            content = rules.content_at(sent.flat, start, end, cue_verb)
            if not rules.says_enough(content, cue_verb):
                why = "nothing said after the verb"
                continue
            cue = rules.Cue(cue_verb, end, _CITATION_TAIL.sub("", content))
            return _aimed(rules.statement(doc, para, sent, cue, *who), sent.flat, said.target)
    return why


def _no_actor(speaker: str) -> bool:
    """An outlet, a plural or unnamed source, or words with no name in them: no one who speaks for themselves."""
    return bool(
        outlet().search(speaker)
        or _VAGUE.search(speaker)
        or ((_UNNAMED.search(speaker) or _GENERIC_PLURAL.match(speaker)) and not rules.is_panel(speaker))
        or not re.search(r"[A-Z]", speaker)
    )


def attributed(sentence: str, context: str, speaker: str, verb: str) -> bool:
    """Whether a speaker the model named for a reporting sentence the rules could not attribute speaks there: an
    actor, and the subject of the verb as the model-led reading checks it ("A senior official told me ..." is the
    official's, never a ministry the paragraph named before)."""
    if _indefinite(f"{context}\n{sentence}", speaker) or _no_actor(speaker):
        return False
    known = fold(speaker.split()[-1]) in fold(context)
    return any(_in_subject_place(sentence, start, end, speaker, known) for start, end, _ in _cues(sentence, verb))


_FIRST_PERSON = re.compile(
    r"(?:^|[,;]\s+(?:and\s+|but\s+)?)(?:And\s+|But\s+|So\s+)?(?:I|[Ww]e)(?:'[a-z]+)?(?:\s+[a-z]+){0,3}\s*$"
)
"""The verb's subject as "I" or "we", perhaps with an auxiliary or adverbs ("We would strongly urge")."""


def _floor_holder(doc: Document, para: Paragraph, sentence: str, verb_at: int) -> rules.Person | None:
    """Whoever has the floor of a transcript's turn, when the verb's subject is "I" or "we": the model reads the
    label, the rules name its holder."""
    if para.turn is None or para.asks or not _FIRST_PERSON.search(sentence[:verb_at]):
        return None
    return rules.turn_speaker(doc.text, para.turn)


def _spoken(cue: str) -> str | None:
    """A verb outside the rules' cues that may report speech ("underscored", "lamented", "opines"): a finite verb of
    one word that is no verb of thinking, deciding or sanctioning. Whether it reports anything is read on the line
    (:data:`_REPORTS`)."""
    word = _MANNER.sub("", _squash(cue)).split(" ", 1)[0]
    if not _FINITE.fullmatch(word) or word in _NOT_SPEECH:
        return None
    return word


_FINITE = re.compile(r"[a-z]{3,}(?:ed|es|s)")
_NOT_SPEECH = frozenset(
    w.lower() for w in [*LEXICON.sanction_verbs, *LEXICON.meeting_verbs, *LEXICON.thinking_verbs] if " " not in w
)
_REPORTS = re.compile(r"(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+(?:that\b|[\"\u201c])|\s*[:,]\s*[\"\u201c])")
"""What makes a verb report speech: a that-clause or a quotation straight after it ("underscored on Monday that")."""


def _cues(text: str, verb: str) -> list[tuple[int, int, str]]:
    """Where a statement's verb may stand on a line: the model's verb first, then the line's own reporting verbs (a
    small model often names the wrong one, "told" for "according to"); the speaker must still be its subject."""
    found = [(m.start(), m.end(), verb.lower()) for m in re.finditer(rf"(?<!\w){re.escape(verb)}(?!\w)", text, re.I)]
    found += [(m.start("cue"), m.end("cue"), m["cue"].lower()) for m in rules.CUE_RE.finditer(text)]
    return list(dict.fromkeys(found))


def _list_item(doc: Document, para: Paragraph, speaker: str, verb: str, role: str | None) -> Statement | str:
    """A quotation under an introduction ("The minister made the following points:"), read as the rules read
    theirs, for the speaker the model names, if the introduction names them before its verb."""
    assert para.lead is not None
    intro = para.lead[1].flat
    at = re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", intro, re.I)
    if at is None or not _mentions(intro[: at.start()], speaker):
        return "speaker does not introduce the list"
    found = rules.list_item(doc, para, rules.ListLead(rules.Person(speaker, role), verb.lower()))
    return found if found is not None else "a list item with nothing said"


def _leading(text: str, answer: str) -> str | None:
    """The longest opening of ``answer`` that ``text`` writes: a model often completes a body's name ("the U.S.
    Treasury Department" for "the U.S. Treasury"); the words it added are dropped, never kept."""
    words = answer.split()
    found = (copied(text, " ".join(words[:n])) for n in range(len(words), 1 if len(words) > 1 else 0, -1))
    return next((f for f in found if f and len(ARTICLE.sub("", f)) > 1), None)


def _bare(role: str | None) -> str | None:
    """A role as the rules keep it: no article, and only if it names an office."""
    bare = ARTICLE.sub("", role) if role else None
    return bare if bare and rules.is_role(bare) else None


def _aimed(found: Statement, sentence: str, target: str | None) -> Statement:
    """The model's addressee, where the rules saw none and the sentence names it apart from the speaker."""
    aim = copied(sentence, target)
    if found.target is not None or aim is None or fold(aim) in fold(found.speaker) or len(aim.split()) > 8:
        return found
    return found.model_copy(update={"target": ARTICLE.sub("", aim) if aim.islower() else aim})


def sanction(doc: Document, chunk: Chunk, imposed: Imposed) -> Sanction | str:
    """The sanctions action the model read, or why it is rejected: looked for on the pointed line, then on every
    line that names the authority."""
    authority = _leading(chunk.passage, imposed.authority)
    if authority is None:
        return "authority not in the text"
    authority = ARTICLE.sub("", authority)
    for para, sent in [*_near(chunk, imposed.line)[:1], *chunk.lines]:
        if fold(authority) not in fold(sent.flat):
            continue
        found = rules.sanction(doc, para, sent, authority)
        if found is not None:
            return _named(found, sent.flat, chunk.passage, imposed)
    return "no imposing verb after the authority"


def _named(found: Sanction, sentence: str, passage: str, imposed: Imposed) -> Sanction:
    """The model's targets and count, where the rules read none and the text writes them: in the action's sentence
    or after it, outside a source tag ("[FCDO]"), and not who speaks before the authority ("X said London would")."""
    at = passage.find(sentence)
    told = _TAG.sub(lambda m: " " * len(m[0]), passage[at:] if at >= 0 else passage)
    folded = fold(sentence)
    opening = folded[: max(0, folded.find(fold(found.authority)))]
    named = [name for name in imposed.targets if fold(name) not in opening]
    found = targets(found, told, named) or found
    stated = imposed.target_count
    if found.target_count is None and stated and re.search(rf"\b{stated}\b", sentence):
        return found.model_copy(update={"target_count": stated})
    return found


def targets(found: Sanction, text: str, answers: list[str]) -> Sanction | None:
    """The action with the targets the model named, where the rules read none: each as ``text`` writes it, read
    by the rules' own list reader ("the Sharjah-based X" is X, in the UAE); None when none holds."""
    if found.targets:
        return None
    written = dict.fromkeys(w for w in (copied(text, a) for a in answers) if w)
    read = unique([t for phrase in written for t in listed(phrase)], key=lambda t: fold(t.name))
    kept = [
        t
        for t in read
        if country_of(t.name) is None and not t.name.endswith("'s") and fold(t.name) != fold(found.authority)
    ]
    if not kept:
        return None
    kept = _placed(text, kept)
    places = [*found.target_countries, *(t.country for t in kept if t.country)]
    return found.model_copy(update={"targets": kept, "target_countries": list(dict.fromkeys(places))})


_TAG = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
"""A source tag or an aside in brackets: no target is named in it."""
_JOINER = re.compile(r"\s*,?\s*(?:and\s+)?")


def _placed(text: str, named: list[Target]) -> list[Target]:
    """Each target with the country its description gives, read by the rules' reader of descriptions: a model names
    "Pars Anchor Marine Services" where the text writes "the Sharjah-based Pars Anchor Marine Services", and "B"
    and "C" of "the Panama-flagged tankers A, B and C" share A's flag."""
    flat_text = _SPACES.sub(" ", text)
    out: list[Target] = []
    end, carried = 0, None
    for target in named:
        pattern = _written(target.name)
        m = pattern.search(flat_text, end) if pattern is not None else None
        if m is None:
            out.append(target)
            continue
        before = flat_text[max(end, m.start() - 80) : m.start()]
        *_, previous, last = ["", *before.split(",")]
        own = last if last.strip() else f"{previous},{last}"  # "its Iranian owner, B": the description before
        listed_on = end > 0 and _JOINER.fullmatch(before) is not None
        country = target.country or origin(f"{own}{target.name}") or (carried if listed_on else None)
        out.append(target.model_copy(update={"country": country}))
        end, carried = m.end(), country
    return out
