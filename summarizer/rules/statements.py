"""Statements: a reporting verb ("warned", "said", "according to"), its speaker, what was said and to whom.

The verb is found first; the speaker is read from the words before it (:mod:`.speakers`), the content from the words
after it, stripped of to whom, when and where it was said.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from .. import dates
from ..layout import FOOTNOTE_MARK, MD_LINK, ends_sentence, flat
from ..lexicon import actor, actor_mentions, alternation, outlet, untitled, word_pattern
from ..models import Evidence, Sanction, Statement
from ..segment import Document, Paragraph, Sentence
from ..text import fold, initials
from .dating import DATE, DAY, WHEN, when
from .speakers import (
    PARTY,
    Context,
    Person,
    affiliation,
    clean_role,
    introductions,
    is_body,
    named_after,
    publisher_side,
    seat_side,
    speaker,
    turn_speaker,
)
from .words import (
    ARTICLE,
    COUNT,
    HEARSAY,
    LEXICON,
    MANNER,
    NAME,
    NATIONALITIES,
    ORGS,
    PAPER_NOUN,
    ROLE_NOUNS,
    country_of,
    is_name,
    is_role,
)

CUES = LEXICON.cues
"""Reporting verbs and the statement type each gives."""
_MANNER_OPENING = re.compile(rf"^\s*{MANNER}")
CUE_RE = re.compile(
    rf"\b{MANNER}"
    rf"(?P<cue>{alternation(CUES)}"
    r"|According to(?=\s+(?:him|her|them|[^,]{3,90},)))\b"
)
_AUXILIARIES = r"(?:\s+(?:has|have|had|also|again|later|then|\w+ly))*"
"""What may stand between "and" and a second verb of the same subject: "and has repeatedly called on"."""
_COORDINATED = re.compile(rf"\b(?:and|but)(?:\s+(?:he|she|it|they))?{_AUXILIARIES}\s*$")
_PUBLICATION = re.compile(rf"\s+(?:the\s+)?(?:[\w'.-]+\s+){{0,3}}(?:{alternation(LEXICON.publications)})\b[^,]*\.?$")
_PAPER_SOURCE = re.compile(rf"\s+(?:the|a|an|its|his|her|their)\s+(?:[\w'-]+\s+){{0,2}}{PAPER_NOUN}\s*,")
"""A paper opening a sentence as its source ("According to the release, ..."): whoever speaks is named after it."""
_FURTHER = re.compile(r"(?:adding|stressing)\s+(?:that\b|[\"\u201c:])")
"""A participle that reports a further statement of the same speaker (", adding that ..."), not a restatement."""
_NEW_SUBJECT = re.compile(r'[",]\s+(?:and|but|while)\s+(?P<who>[^\s,;"][^,;"]{1,60})$')
"""A clause of its own with a subject of its own, after a first speaker's: another speaker."""
_CLAUSE_AND = re.compile(rf'[",]\s+(?:and|but)(?:\s+(?:he|she|it|they))?{_AUXILIARIES}\s*$')
"""A quotation or a clause closed, then "and": the next verb is the speaker's again, even after a reported "that"
clause ('that he had "never ..." and dismissed', 'that the attacks were "unacceptable", and urged')."""
_THAT = re.compile(r"\bthat\b")
_THAT_NEXT = re.compile(r"\s+that\b")
"""A verb that reports a clause of its own ("... and warned that ..."): the speaker's second statement."""
_REPORTER = re.compile(r"\b(?:correspondent|reporter|journalist)\b")


def _reports_news(who: Person, cue: str, subject: str) -> bool:
    """An outlet saying anything, or its reporter reporting: the news, not a position (an outlet's named columnist
    arguing is one)."""
    if who.role is None and outlet().search(who.name):
        return True
    return cue.startswith("report") and bool(_REPORTER.search(f"{who.role or ''} {subject}"))


_URGES = re.compile(r"(?:urged|called\s+on|pressed|asked|appealed\s+to)\s+(?:[\w'.-]+\s+){1,9}?to\s+[\"\u201c]?[a-z]")
"""A demand with its addressee ("... and urged Washington to consult ..."): the speaker's own, even after a reported
"that" clause, whose subject does not urge anyone."""
_ATTRIBUTIVE_CUE = re.compile(r"\b(?:[Aa]n?|[Tt]he|well-)\s*$")
_WHAT_SUBJECT = re.compile(r"\bwhat\s+(?:[\w'.-]+\s+){1,4}$")
_WHOSE_WORDS = re.compile(
    rf"(?P<name>{NAME}),?\s+(?:(?:through|in|with)\s+)?(?:which|whom)\s+(?:he|she|they)\s+(?:(?:had|has|have|also)\s+)*$"
)
"""Someone else's words the speaker responds to: "remarks by X, through which she had called on ...": X's."""
_PRONOUN_SOURCE = re.compile(r"\s+(?:him|her|them)\b")
_SOURCE_PARTS = re.compile(r"\s*(?P<first>[^,]{3,90}),(?:\s+(?P<second>[^,]{3,90}),)?")
_QUOTE_ONLY = re.compile(r'\s*".+"\s*,?\s*')
_INVERTED = re.compile(r'(?P<said>\S.{10,}?)\s*,(?P<quote>"?)\s*$')
"""What was said, then the verb straight after its comma: 'Iran engages in "illicit schemes," said X'."""
_NAME_CLOSING = re.compile(r"\s+(?:[A-Z][\w'.\-]*\s+){0,7}?[A-Z][\w'.\-]*(?:,[^\"]*)?[.!?]?\s*$")
"""A speaker named after the verb and closing the sentence, an office after the name if any ("said Brian E.
Nelson, Treasury's under secretary"), not the opening of what was said ("said Baghdad feared")."""
_TRAILING_AND = re.compile(rf",?\s+(?:and|but)(?:\s+(?:he|she|they|it|we|I){_AUXILIARIES})?\s*$")
"""The "and" or "but" (and its subject) that opens the next verb's clause: "... in June, and she said ...", "...,
but she added that ..."."""
_CONTENT_FIRST = re.compile(
    r"^(?P<said>(?:[^\"]|\"[^\"]{1,80}\"(?=[\s,])){12,}?),\s+"
    r"(?:(?:(?:the\s+)?[\w'.\-]+\s+){1,9}$|[A-Z][\w'.\-]*(?:\s+[\w'.\-]+){0,4},\s+(?:(?:the|an?)\s+)?(?:[\w'.\-]+\s+){0,9}[\w'.\-]+,\s+$)"
)
"""What was said, then a short subject before the verb, and nothing after it: "Israel must respect X, he added.", "...,
Ali Karimi, the group's spokesman, said."; a quoted phrase inside what was said ("were not a "technical gap" but
...") keeps it indirect."""
_TO_A_LIST = re.compile(r"[^,.;]{0,60}?\bto\s+(?:its|the|their)\s+(?:\w+\s+){0,2}list\b")
_PRESENT = re.compile(r"[a-z]{2,}[^s\s]s\b")
"""A reporting verb in the present tense ("says", "warns", "calls on"): a headline's as often as a story's."""
_GOES_ON = re.compile(r",(?!\s*[\"'])")
"""A sentence going on after its attribution, not a quotation opening after it ("..., he said, 'I do not ...'")."""
_SUBORDINATOR = re.compile(r"\b(?:because|that|and|but|as|if|since|while|although|when)$")
"""A clause that a parenthetical cue interrupts after its opening word: what is said starts after the cue."""
_QUOTE_FIRST = re.compile(r'\s*(".+?),?"\s*,?')
_QUOTE_AFTER_COLON = re.compile(r'[^":]{3,120}:\s*(".+?),?"\s*,?(?=\s+\S+(?:\s+\S+)?\s*$)')
"""A quotation a lead-in opens, its attribution after it: 'X hit back on Twitter: "...," he wrote.'"""
_QUOTE_REST = re.compile(r'[^"]{0,80}?,\s*(".+")\s*\.?$')


def _unquoted(text: str, cues: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cues outside quotation marks, where there are any: '"The EU condemns the attack," the minister said' is
    the minister's, the words quoted his."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    outside = [m for m in cues if not any(a < m.start() < b for a, b in quoted)]
    return outside or cues


_QUOTED = re.compile(r'"[^"]+"')


def find_statements(doc: Document, para: Paragraph, sent: Sentence, ctx: Context) -> list[Statement]:
    """Statements reported in one sentence, speakers resolved through the paragraph context."""
    introductions(sent.flat, ctx)
    found: list[tuple[re.Match[str], Person, int]] = []
    inverted: str | None = None  # what was said, when all of it comes before the verb and its speaker after
    for m in _unquoted(sent.flat, _cues(sent.flat)):
        if m["cue"] == "added" and adds_to_list(sent.flat, m.end()):
            continue
        if headline_tense(m["cue"], para, sent):
            continue
        before = sent.flat[: m.start()]
        if _ATTRIBUTIVE_CUE.search(before):
            continue  # "An informed source", "the reported talks": a participle describing a noun
        if _WHAT_SUBJECT.search(before):
            continue  # "struck what the army described as a depot": a description inside the narration
        coordinated = bool(_COORDINATED.search(before) or _FURTHER.match(sent.flat, m.start())) and not (
            found
            and _THAT.search(sent.flat[found[-1][0].end() : m.start()])
            and not (
                _CLAUSE_AND.search(before) or _THAT_NEXT.match(sent.flat, m.end()) or _URGES.match(sent.flat, m.start())
            )
        )
        whose = _WHOSE_WORDS.search(before) if found else None
        if whose is not None and is_name(whose["name"]):  # "condemned remarks by X, in which she had called on ..."
            found.append((m, ctx.introduce(whose["name"], None), m.end()))  # X's words, not the speaker's
            continue
        cue = m["cue"].lower()
        other = _NEW_SUBJECT.search(before) if found and not coordinated else None
        someone = speaker(other["who"] + " ", cue, ctx) if other else None
        someone = someone if someone is not None and someone.name != found[-1][1].name else None
        if found and not coordinated and someone is None:
            continue  # a later cue restates the first ("threatened..., stating that") unless coordinated or another's
        who = someone or (found[-1][1] if found else _participle_subject(cue, before, ctx))
        referred = _REFERRED.search(before) if who is None and not found else None
        subject = referred[1] if referred and ROLE_NOUNS.search(referred[1]) else before  # "..., the spokesman said."
        who = who or (None if found else speaker(subject, cue, ctx))
        if m.re is _CLAUSE_PARTICIPLE and who is not None and not 0 <= before.find(who.name) <= _SUBJECT_REACH:
            continue  # "The Council added ..., among them the X Company, claiming ...": the subject opens the sentence
        if m["cue"] == "according to" and who is None and len(before.split()) >= 3:
            who = _source_last(sent.flat, m.end(), ctx)  # "..., according to the EU's spokesperson, X."
        if m["cue"].lower() == "according to" and _PUBLICATION.match(sent.flat[m.end() :]):
            continue  # "according to the EU's Official Journal": a record, no one speaking
        end = m.end()
        if m["cue"] == "According to" and _PAPER_SOURCE.match(sent.flat, m.end()):
            continue  # "According to the release, the Under Secretary, X, said that ...": a paper, its speaker after
        if m["cue"] == "According to" and not _PRONOUN_SOURCE.match(sent.flat, m.end()):
            source = _source_first(sent.flat, m.end(), ctx)
            if source is None:
                continue  # "According to the Saba news agency, ...": an outlet reporting, or no one the rules know
            who, end = source  # "According to Caldwell, a patrol aircraft tracked the tanker"
        inverted_order = who is None and not found and _NAME_CLOSING.match(sent.flat, m.end())
        said_before = _INVERTED.fullmatch(before) if inverted_order else None
        if who is None and not found and (_QUOTE_ONLY.fullmatch(before) or said_before):
            who = named_after(sent.flat[m.end() :], ctx)  # '"...," said Marcus Delaney, director of OFAC'
            inverted = said_before["said"] + said_before["quote"] if said_before and who is not None else None
        if who is not None and _reports_news(who, m["cue"], before):
            continue  # "Israel Hayom reports that", "The paper's correspondent reports that": the news, not a speaker
        if who is not None:
            if who.role is None and ORGS.fullmatch(who.name):
                ctx.body = who  # "Kata'ib Hezbollah denied ... In the same statement the group signalled"
            if is_body(who):
                ctx.it = who  # "the Council said in a statement. '...,' it added"
            found.append((m, who, end))
            ctx.last_speaker = who
    out: list[Statement] = []
    for i, (m, who, end) in enumerate(found):
        stop = found[i + 1][0].start() if i + 1 < len(found) else len(sent.flat)
        content = content_at(sent.flat, m.start(), end, m["cue"].lower(), stop=stop, first=i == 0)
        content = inverted if inverted and i == 0 else content
        if says_enough(content, m["cue"].lower()):
            delegate = _delegate(doc, para, who)
            out.append(_build(doc, para, sent, delegate or who, m["cue"].lower(), content, end, live=bool(delegate)))
    return out


def _delegate(doc: Document, para: Paragraph, who: Person) -> Person | None:
    """Whoever holds the floor for the country the sentence names as its speaker ("Ms. X (United Kingdom): The
    United Kingdom condemns ..."): the delegate speaks, for the country they sit for."""
    country = country_of(ARTICLE.sub("", who.name)) if para.turn is not None else None
    holder = turn_speaker(doc.text, para.turn) if country is not None and para.turn is not None else None
    return holder if holder is not None and holder.side == country else None


def left_open(doc: Document, found: Statement) -> bool:
    """Whether a statement's quotation runs on past its paragraph: its words are quoted and the last quotation mark
    of its paragraph opens one that never closes ("Mr X said: "These sanctions ...." over ""Together ..."")."""
    para = doc.paragraph_at(found.evidence.end - 1)  # the last paragraph it has reached
    if para is None or not found.content.startswith('"') or found.evidence.end < len(para.text.rstrip()) + para.start:
        return False
    last = doc.text.rfind('"', found.evidence.start, para.end)
    return last >= 0 and doc.text[last + 1 : last + 2].isalnum()  # the last quotation mark opens one


def quote_goes_on(doc: Document, found: Statement, para: Paragraph) -> Statement | None:
    """The statement with the next paragraph of its quotation, which reopens it with a mark of its own and says no
    more than its words (each paragraph of a long quotation opens a mark, only the last closes one), or None."""
    text = para.text.rstrip()
    if not text.startswith('"'):
        return None
    end = para.start + len(text)
    evidence = Evidence(start=found.evidence.start, end=end, text=doc.text[found.evidence.start : end])
    said = found.content.rstrip()
    content = f"{said}{'.' if said[-1:].isalnum() else ''} {flat(text[1:])}"  # its full stop, dropped at its end
    return found.model_copy(update={"content": content, "evidence": evidence})


def adds_to_list(text: str, end: int) -> bool:
    """ "added three targets / more names to its sanctions list" after the verb ending at ``end``: a sanctions
    action, not speech."""
    return bool(COUNT.match(text[end:].lstrip()) or _TO_A_LIST.match(text, end))


def _participle_subject(cue: str, before: str, ctx: Context) -> Person | None:
    """The subject of the sentence a participle cue closes ("X discussed ... with Y, stressing"): the person the
    sentence opens with, not the name last before the comma."""
    if not cue.endswith("ing") or cue.startswith("as ") or _QUOTE_ONLY.fullmatch(before):
        return None
    first = ctx.first_in(before)
    at = before.find(first.name.split()[-1]) if first is not None else -1
    if first is None or at > _SUBJECT_REACH or _AFTER_PREPOSITION.search(before[:at]):
        return None  # "In a reply to the experts dated 31 May, the Mission rejected ..., saying": not the experts
    if _SUBORDINATE_SUBJECT.search(before, at):
        return None  # "X spoke hours after the EU imposed sanctions on ..., accusing them of": the EU accuses
    return first


_SUBORDINATE_SUBJECT = re.compile(
    rf"\b(?:{alternation(LEXICON.clause_conjunctions)})\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,4}}\s+"
    r"(?:has\s+|had\s+)?[a-z]+ed\b"
)
"""A clause of its own inside the sentence, with a subject and a finite verb: a participle closing the sentence is
that clause's subject's, not the sentence's."""


_AFTER_PREPOSITION = re.compile(r"\b(?:to|from|with|by|for|against|on|at)\s+(?:the\s+)?$", re.I)
"""A preposition before a name: its object, never the sentence's subject."""


_SUBJECT_REACH = 40
"""How far into a sentence its subject may start: past an opening day or place, not deep in a clause."""


def _cues(text: str) -> list[re.Match[str]]:
    """The reporting verbs of a sentence in order: the lexicon's, and a plural subject's present tense ("The armed
    forces warn ...", "The members of the Council condemn ...") in the words a speaker uses of themself."""
    plural = _PLURAL_PRESENT.finditer(text) if _PLURAL_NOUN.search(text) else ()  # most sentences have none
    called = _CALLED_QUOTED.finditer(text) if "called " in text else ()
    dated = _DATED_THAT.finditer(text) if " that " in text else ()
    opening = _CLAUSE_PARTICIPLE.finditer(text) if ", " in text else ()
    return sorted([*CUE_RE.finditer(text), *plural, *called, *dated, *opening], key=lambda m: m.start())


_REFERRED = re.compile(r",\s+(the\s+(?:[a-z][\w-]*\s+){1,3})$")
"""An office in lower case closing what was said before its verb ("..., the spokesman stressed."): its holder speaks,
not a name the words before the comma end with ("the Gaza Strip")."""
_CLAUSE_PARTICIPLE = re.compile(rf"(?<=, )(?P<cue>{alternation(LEXICON.clause_participles)})\b")
"""A participle opening a clause after a comma ("..., threatening crushing attacks"): the subject's speech."""


_IN_PERIOD = rf"in\s+(?:(?:early|late|mid-)\s*)?(?:(?:{alternation(dates.MONTHS)})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)"
"""A month or a year a report is dated by: "in 2027", "in March", "in late May 2028"."""
_DATED_THAT = re.compile(
    rf"\b{MANNER}(?P<cue>{alternation(c.removesuffix(' that') for c in CUES if c.endswith(' that'))})"
    rf"(?=\s+(?:{WHEN}|{_IN_PERIOD})\s+that\b)"
)
"""A verb that reports only a that-clause, with the day or the period between them ("confirmed on Wednesday that",
"reported in 2027 that")."""


_CALLED_QUOTED = re.compile(
    r"(?<![Ss]o-)(?<!\bbe )(?<!\bwas )(?<!\bis )\b(?P<cue>called)\s+"
    r"(?=(?:the|it|this|that|these|those|them|his|her|its|their|[A-Z])(?:[^\"\u201c.;:]|(?<=[A-Z])\.|\.(?=\S)){0,80}?\s+[\"\u201c])"
)
"""A speaker's name for something, quoted: 'called the European decision "illegal and unjustified"' (not "a group
called X", "so-called", "was called")."""


_PLURALS = LEXICON.plural_bodies
_PLURAL_NOUN = re.compile(rf"\b(?:{'|'.join(_PLURALS)})\s")
_PLURAL_PRESENT = re.compile(
    "(?:" + "|".join(f"(?<={noun} )" for noun in _PLURALS) + ")"
    rf"{MANNER}(?P<cue>{alternation(k for k in LEXICON.first_person_cues if k != 'told')})\b"
)


def headline_tense(cue: str, para: Paragraph, sent: Sentence) -> bool:
    """A present-tense verb in a line that opens its paragraph with no sentence end ("IRGC says tanker was seized"): a
    headline's, not a report of speech; a chat message's second sentence may go without its full stop."""
    return bool(_PRESENT.match(cue)) and not ends_sentence(sent.flat) and sent is para.sentences[0]


_SAYS_NOTHING = re.compile(r"(?i)(?:no\s+more|nothing\s+(?:more|further|to\s+add))\b")
_ANSWERING = {"responded", "responds", "replied", "replies", "reacted", "reacts"}
_SAYING = re.compile(r"\b(?:saying|that)\b")


def says_enough(content: str, cue: str) -> bool:
    """Content worth a record: three words at least ("said it was"), two for a claim of responsibility ("for the
    attack"), a condemnation ("condemned the attack"), a denial ("denied the reports") or praise in one's own voice
    ("I welcome this step"), one for a denial of a part in something ("denied involvement")."""
    if _SAYS_NOTHING.match(content):
        return False  # "I will say no more at this stage", "I have nothing to add": a refusal, no position
    if cue == "added" and _NAMES_ONLY.fullmatch(content):
        return False  # "X added A, B and C": members to a group, names and no words
    if cue in _ANSWERING and content.startswith("to ") and not _SAYING.search(content):
        return False  # "responded to the decision of ...": what was answered, not what was said
    own = LEXICON.first_person_cues.get(cue)
    kind = LEXICON.cues.get(cue) or own
    if kind == "reject_deny" and _PART_IN.fullmatch(content):
        return True
    short = (
        cue == "claimed responsibility"
        or (cue == "claimed" and _ATTACK.match(content) is not None)  # "claimed the attack": responsibility
        or kind in ("accuse_condemn", "reject_deny")
        or own == "praise_support"  # "I welcome this step": a position in one's own voice
    )
    return len(content.split()) >= (2 if short else 3)


_NAMES_ONLY = re.compile(rf"{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME}")
_ATTACK = re.compile(r"(?:the|this|that|an?|its|their)\s+(?:\w+\s+)?(?:attack|strike|bombing|assault|operation)s?\b")
_PART_IN = re.compile(r"(?:involvement|responsibility|wrongdoing|complicity)", re.I)


def _source_first(text: str, at: int, ctx: Context) -> tuple[Person, int] | None:
    """The source a sentence opens with ("According to Lebanon's Health Ministry, ...", "According to the army's
    spokesman, Colonel X, ...", "According to X, a spokesman for Y, ...") and where what it reports begins: the
    source is read as the subject of a reporting verb would be, with an apposition when one follows. An outlet or
    an unnamed source without an office is no speaker."""
    parts = _SOURCE_PARTS.match(text, at)
    if parts is None:
        return None
    tries = [(f"{parts['first']}, {parts['second']}", parts.end())] if parts["second"] else []
    tries.append((parts["first"], parts.end("first") + 1))
    for words, end in tries:
        if len(words.split()) > 16:
            continue
        apposed = words != parts["first"]
        if apposed and HEARSAY.search(parts["first"]):
            continue  # "According to the daily X, a senior official ...": the outlet, then its unnamed source
        who = speaker(words + " ", "said", ctx)
        outlet = HEARSAY.search(words) and not (who and who.role and ROLE_NOUNS.search(words))
        if who is None or (apposed and not who.role) or outlet:
            continue  # an office written here makes a person ("Foreign Ministry official X"); "the daily X" is none
        return who, end
    return None


def _source_last(text: str, at: int, ctx: Context) -> Person | None:
    """The source closing a sentence ("..., according to the EU's spokesperson, X.", "according to a statement
    from X"), read as a subject is; reports, outlets and unnamed sources are none."""
    tail = _CLOSING.sub("", text[at:].strip())
    tail = _CARRIER.sub("", tail, count=1)
    if len(tail.split()) > 16:
        return None
    who = speaker(tail + " ", "said", ctx)
    return None if who is None or (not who.role and HEARSAY.search(tail)) else who


_CLOSING = re.compile(r"(?:\s*\([^()]*\))?[\s.\"]*$")
_CARRIER = re.compile(
    r"^(?:an?|the)\s+(?:\w+\s+){0,2}?(?:statement|report|letter|post|communiqu[eé]|release)\s+"
    r"(?:from|by|of|issued\s+by|released\s+by)\s+"
)
"""What carried a source's words: "a statement from", "the latest report of"."""


# --- quote lists -----------------------------------------------------------------------------------------------------

_LIST_CUE = re.compile(rf"\b(?P<cue>{alternation([*LEXICON.list_cues, *CUES])})\b")
_TOPIC = re.compile(r'^(?P<label>[^":]{2,60}):\s+(?=\S)')
"""A topic label opening a list item: 'On the economy: "..."'."""


@dataclass(frozen=True)
class ListLead:
    """Who speaks in the items of a list, and with which verb: read from the sentence that introduces it."""

    speaker: Person
    cue: str


_ASKS = re.compile(r"\b(?:[Ww]e|I)\s+(?:would\s+)?(?P<cue>ask)\b")
"""A list of questions put in one's own name ("To help Congress assess ..., we ask that you answer the following
questions:"): each is a request; elsewhere "I ask" is as often procedure ("I ask unanimous consent")."""


def list_lead(doc: Document, para: Paragraph, ctx: Context, we: Person | None = None) -> ListLead | None:
    """The speaker and verb of the paragraph's last sentence, which introduces a list ("The minister discussed A, B
    and C:"), or of a speaker's own ("We urge you to:", in a letter or a joint statement)."""
    sent = para.sentences[-1]
    own = _FIRST_PERSON.search(sent.flat) or _ASKS.search(sent.flat)
    who = _own_voice(doc, para, we)
    if own is not None and who is not None:
        return ListLead(who, own["cue"])
    m = _LIST_CUE.search(sent.flat)
    if m is None:
        return None
    who = speaker(sent.flat[: m.start()], m["cue"].lower(), ctx)
    return ListLead(who, m["cue"].lower()) if who is not None else None


def list_item(doc: Document, para: Paragraph, lead: ListLead) -> Statement | None:
    """The statement a list item carries for the speaker its list introduces: its words, without a topic label; an
    item that is only a topic ("Regional questions:") carries none."""
    text = flat(para.text).strip()
    label = _TOPIC.match(text)
    content = text[label.end() :] if label else text
    if content.endswith(":") or len(content.split()) < 3:
        return None
    intro_para, intro = para.lead  # type: ignore[misc]
    whole = Sentence(para.start, para.end, para.text)
    content = re.sub(r"[;,]\s*(?:and|or)?$", "", content)  # "1. Suspend the levy;", "2. ...; and": items run on
    found = _build(doc, para, whole, lead.speaker, lead.cue, content_after(content, lead.cue), 0)
    topic = _target("", "", label["label"], _side(lead.speaker)) if label else None  # 'On the IAEA: "..."'
    cite = intro_para.citation_for(intro) or (intro_para.citations[-1] if intro_para.citations else None)
    said_on = when(doc, intro_para, intro) or (cite.date if cite else None)
    kind = lead.cue if lead.cue in LEXICON.first_person_cues else "said"  # "discussed" says nothing of the kind
    kind = "urge" if lead.cue == "ask" else kind  # questions put in a letter are requests
    return found.model_copy(
        update={
            "statement_type": statement_type(kind, found.content),
            "target": found.target or topic,
            "said_on": said_on,
            "cited_outlet": cite.outlet if cite else None,
            "cited_date": cite.date if cite else None,
        }
    )


# --- content ---------------------------------------------------------------------------------------------------------

_CAPS = r"(?:(?:al|el|an|ad|as)-)?[A-Z][\w'\-]*(?:\s+(?:(?:al|el|an|ad|as)-)?[A-Z][\w'\-]*){0,3}"
_PREAMBLE = re.compile(
    rf"\s*(?:,\s*)?(?:{WHEN}|{_IN_PERIOD}|(?:here|there)(?=[\s,.]|$)"
    r"|(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,2}"
    r"(?:speech|interview|statement|briefing|conference|meeting|sermon|call|address|session|rally|ceremony|advisory|"
    r"notice|communiqu[eé]|release|reply|letter|video|post|remarks)"
    rf"(?:\s+(?:with|to|on|before|at)\s+(?:the\s+)?(?!{DAY}|{DATE}){_CAPS})?"
    r"|(?:a|an|the)\s+(?:\w+\s+)?(?:news|press)\s+(?:briefing|conference)"
    r"|(?:carried|published|posted|released|issued|quoted)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:media|agency|TV|television|outlets?|websites?)(?:\s+\"[^\"]{1,30}\")?"
    rf"|(?:carried|published|posted|released|issued)\s+by\s+(?:the\s+)?{_CAPS}"
    r"|(?:to\s+)?(?:reporters|journalists|the\s+press|lawmakers|parliament|state\s+(?:TV|television|media))"
    r"|on\s+social\s+media"
    rf"|{_CAPS}(?=\s+(?:in\s+an?\s|on\s|late\s|earlier\s|that\s))"
    rf"|(?:in|to|on)\s+(?:the\s+)?{_CAPS}"
    rf"|{_CAPS}(?=\s*\()"
    r"|\([^()]*\))(?=[\s,(:]|$)"
)
"""What stands between a reporting verb and its content: to whom, when, where ("told reporters in Baghdad on
Thursday that ...", "said here on Saturday"). Stripped only when "that" or "for" follows, or when it is only a day,
so content is not cut."""
_PREAMBLE_END = re.compile(r"\s*,?\s*(?:that|for)\s+|\s*:\s*(?=\")")
_CLAUSE_NEXT = re.compile(r"\s*,?\s+(?=(?:it|he|she|they|we|there|the)\s)")
"""What was said starting straight after the preamble, "that" left out: "said in a statement it was following"."""
_DAY_ONLY = re.compile(rf"\s*{WHEN},?(?=\s)")
_CIRCUMSTANCE = re.compile(
    r",?\s+(?:in|on)\s+(?:(?:a|an|its|his|her|their)\s+)?(?:(?!in\b|on\b)[\w-]+\s+){0,3}"
    r"(?:post|statement|tweet|message|readout|interview|speech|channel|account|broadcast|remarks|comments|hearing|"
    r"session|briefing|conference|meeting)\b[^\"]*$"
)
"""Where it was said, trailing the content ("..., in a post on its Telegram channel"): not part of what was said."""
_CHANNEL = re.compile(r"^\s*(?:on\s+)?(?:his|her|their|its)\s+(?:\w+\s+)?(?:account|page|channel)\b")
_OPENING_PARENS = re.compile(r"^\s*\([^()]*\)")
_ADDRESSEE_THAT = re.compile(
    rf"^\s*(?:the\s+)?(?:(?!(?:would|will|was|were|is|are|had|has|must|could|can|should)\b)[\w'\-]+\s+){{1,9}}?"
    rf"(?:{WHEN}\s+)?that\s+"
)
"""Whom a warning or a telling is for, and where ("told the agency's Board of Governors in Vienna that"): no verb."""
_ADDRESSEE_CLAUSE = re.compile(
    r"^\s*(?:the\s+)?(?:(?:[A-Z][\w'.-]*\s+){1,4}?|(?:reporters|journalists|newspaper|paper|agency|channel|"
    r"broadcaster|council|committee|lawmakers|parliament)\s+)(?=(?:he|she|it|they|we|I)\s+(?!that\b)[a-z])"
)
"""Whom a telling is for, before a clause with no "that" ("told The Gulf Sentinel he was ..."): no part of it."""
_SAYING_OPENING = re.compile(r"^[\s,]*(?:by\s+)?saying\s*:?\s+(?=\S)")
_TO_WHOM_THAT = re.compile(r"^\s*to\s+(?:[\w'\-]+\s+){1,5}?(?=that\s)")
"""Whom something was said to, before what ("reaffirmed to my brother that"): no part of what was said."""
_THAT_OPENING = re.compile(
    r"^[\s,:]*(?:(?:though|however|moreover|nevertheless|therefore),\s+(?=that\s))?(?:that\s+(?![a-z]+[\s.!]*$))?"
)
"""A "that" opening what was said, with an aside before it ("caution, though, that"), unless a lone noun follows
it ("We welcome that step"): a clause needs a verb."""
_DAY_BEFORE_TO = re.compile(rf"^([^\"]\S*(?:\s+[^\s\"]+){{0,5}}?)\s+{WHEN}(?=\s+(?:to|as|of|for|over)\s)")
"""A day between the object and the rest ("urged Iran on Thursday to", "condemned the listings late on Monday as")."""
_AS_CLAUSE = re.compile(r",\s+as\s+(?!well\b)[a-z]+\s[^\"]*$")
"""What happened meanwhile, trailing the content (", as fighting flared again near X"): not what was said."""
_SOURCE_OPENING = re.compile(r"^(?:him|her|them|it|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*,\s*")
_STATING = re.compile(r",\s+(?:stating|noting)\s+(?:that\s+)?")
"""The object of a verb, then what was said: "threatened the United States, stating that ..."."""
_ADDING_NOTHING = re.compile(r",\s+adding\s+(?!that\b)[^\"]*$")
_CLOSING_SOURCE = re.compile(r"\s*\((?:\[[^\]]*\]\([^()]*\)|[^()])*\)\s*\.?$")
_FOOTNOTE = re.compile(rf"\s*{FOOTNOTE_MARK}")
_VISIT = re.compile(r",?\s+during\s+(?:a|an|his|her|its|their)\s+(?:visit|trip|tour|meeting)\b[^\"]*$")
_TOLD_AFTER = re.compile(r",\s+(?:he|she|they)\s+(?:told|said|stated)\s+(?:a|an|the|reporters|journalists)\b[^\"]*$")
"""The occasion closing the content (", he told a briefing in Tehran on Monday"): where it was said, not what."""
_SAID_AFTER = re.compile(r",(?P<quote>\"?)\s+(?:[\w'\-]+\s+){1,4}(?:said|wrote|added|posted|tweeted)\s*\.?$")
"""The attribution closing the content ('..., al-Masri's office said.', '...," he wrote.'): the speaker's, not said."""


def _preamble_end(text: str) -> int:
    """Where the content starts after a preamble that "that", "for" or a colon closes, or after a lone day."""
    at = 0
    while m := _PREAMBLE.match(text, at):
        at = m.end()
    rest = (_PREAMBLE_END.match(text[at:]) or _CLAUSE_NEXT.match(text[at:])) if at else None
    if rest:
        return at + rest.end()
    day = _DAY_ONLY.match(text)
    return day.end() if day else 0


def _only_preamble(after: str) -> bool:
    """Nothing after the verb but to whom, when or where: what was said came before it."""
    rest = after.rstrip(" .")
    return bool(rest.strip()) and _preamble_end(f"{rest} that ") > len(rest)


_SETTING_TO_COLON = re.compile(r"^(?:on|in|at|via|from|during|early|late|to)\s[^:\"'.;]{0,60}(?::|,(?=\s+\"))\s+(?=\S)")
"""Where or when, up to the colon (or the comma before a quotation) that opens what was said."""


def content_after(after: str, cue: str) -> str:
    """What a reporting verb reports: the words after it, without to whom, when, where and the source."""
    text = _CHANNEL.sub("", MD_LINK.sub(r"\g<text>", after))  # "told [Al Arabiya](url) that": read as its text
    text = _OPENING_PARENS.sub("", text)
    text = _MANNER_OPENING.sub("", text)  # "said publicly that"
    text = text[_preamble_end(text) :]
    text = _SETTING_TO_COLON.sub("", text)  # "wrote on X in the early hours: The Houthi ..."
    if cue in LEXICON.telling_cues:  # "cautioned Western navies on Thursday that", "I warn the Minister that"
        text = _ADDRESSEE_THAT.sub("", _ADDRESSEE_CLAUSE.sub("", text))
    text = _TO_WHOM_THAT.sub("", text)  # "I reaffirmed to my brother that ..."
    text = _THAT_OPENING.sub("", _SAYING_OPENING.sub("", text))  # "hinted on Thursday, saying: ..."
    if cue == "claimed responsibility":
        text = re.sub(r"^for\s+", "", text)
    text = _DAY_BEFORE_TO.sub(r"\1", text)  # "urged Iran on Thursday to"
    text = _AS_CLAUSE.sub("", text)
    if cue == "according to":
        text = _SOURCE_OPENING.sub("", text)
    stating = _STATING.search(text)
    if stating:
        text = text[stating.end() :]
        text = text[_preamble_end(text) :]  # "..., stating in a televised address that ..."
    text = _CLOSING_SOURCE.sub("", text)  # (Tasnim, May 2) or ([Mehr](url))
    text = _FOOTNOTE.sub("", text)  # footnote markers "[3]"
    text = _ADDING_NOTHING.sub("", text)
    text = _CIRCUMSTANCE.sub("", text).strip()
    text = _VISIT.sub("", text)
    text = _SAID_AFTER.sub(r"\g<quote>", _TOLD_AFTER.sub("", text))
    return text.rstrip(".").strip()


def content_at(text: str, start: int, end: int, cue: str, *, stop: int | None = None, first: bool = True) -> str:
    """What the verb at ``text[start:end]`` reports: the clause before a closing "according to X", the quotation
    before it when it is the sentence's first verb ('"We will not negotiate," Kazemi told reporters'), else the words
    after it, up to ``stop``."""
    if cue == "according to" and len(text[:start].split()) >= 3:  # "46 strikes were recorded, according to X"
        return text[:start].rstrip(" ,")
    content = content_after(_TRAILING_AND.sub("", text[end:stop]), cue)
    content = "" if _only_preamble(text[end:stop]) else content  # "..., X said in a statement."
    if _AS_SAID.match(text[:start]) and "," in text[end:stop]:  # "As EAM said in Tehran last month, India remains"
        content = text[end:stop].split(",", 1)[1].strip().rstrip(".")
    said_first = _CONTENT_FIRST.match(text[:start])
    if said_first and first and not says_enough(content, cue):
        content = said_first["said"]  # "The root cause was the occupation, he said."
    elif said_first and first and _GOES_ON.match(text, end):  # "The real problem, he added, was ..."
        head = said_first["said"]
        content = content if _SUBORDINATOR.search(head) else f"{head} {content}"  # "... because, he said, he had"
    quoted = _QUOTE_FIRST.match(text[:start]) or _QUOTE_AFTER_COLON.match(text[:start])
    if quoted and first:
        content = quoted[1].rstrip(",") + '"'
        rest = _QUOTE_REST.match(text[end:])
        if rest and quoted[0].rstrip().endswith(',"'):  # '"A," he said, "B."': one quote, split by its attribution
            content = f'{quoted[1]}," {rest[1]}'
    return content


_AS_SAID = re.compile(r"^\s*As\s+(?:[\w'.\-]+\s+){1,6}$")
"""A speaker named in a clause of its own before what they said: "As the minister said last week, X"."""


def _as_said(clause: str) -> bool:
    """Whether a clause opens "As X said": what follows it is X's words."""
    cue = CUE_RE.search(clause)
    return cue is not None and _AS_SAID.match(clause[: cue.start()]) is not None


@dataclass(frozen=True)
class Cue:
    """A reporting verb in a sentence, where it ends, and what it reports."""

    verb: str
    end: int
    content: str


def reporting_cue(text: str) -> Cue | None:
    """The first reporting verb of a sentence and its content: a statement the rules could not attribute."""
    m = CUE_RE.search(text)
    if m is None:
        return None
    return Cue(m["cue"].lower(), m.end(), content_after(text[m.end() :], m["cue"].lower()))


def statement(
    doc: Document, para: Paragraph, sent: Sentence, cue: Cue, speaker: str, role: str | None = None
) -> Statement:
    """The statement ``cue`` reports, by a speaker found elsewhere (a model's answer); a role that names no office is
    dropped."""
    return _build(
        doc, para, sent, Person(speaker, role if role and is_role(role) else None), cue.verb, cue.content, cue.end
    )


_FIRST_CUE = rf"{MANNER}(?P<cue>{alternation(LEXICON.first_person_cues)})s?\b(?:\s+is\b)?"
_FIRST_PERSON = re.compile(
    rf"(?:^\"?(?:(?:And|But|So)\s+)?(?:[Tt]o\s+[^,:;]{{2,60}}?\s+(?=I\s))?|,\s+(?:and\s+|but\s+|so\s+)?|\bthat\s+|\b[Ww]hat\s+|:\s+\"?)"
    rf"(?:[Ww]e|I|My\s+(?:delegation|country|government))(?:'d|'ll|'ve|'re)?\s+"
    rf"(?:{MANNER}(?:will|would|like\s+to|continue\s+to|can|must|want\s+to|write\s+to|rise\s+(?:today\s+)?to|are|again|once\s+again|also|"
    r"(?:was|am)\s+going\s+to|have)\s+)*"
    rf"{_FIRST_CUE}"
)
_AND_CUE = re.compile(rf",?\s+(?:and|so)\s+(?:we\s+|I\s+)?(?:(?:will|would|continue\s+to)\s+)?{_FIRST_CUE}")
"""A second first-person verb sharing the subject: "We condemn ... and call on ...", "I expect ..., so I would urge"."""
_VOICE = re.compile(
    rf"\b[Ww]e,\s+(?P<who>the\s+(?:[A-Z]|undersigned\b)[^;:]{{3,160}}?),\s+(?:write\s+to\s+)?{_FIRST_CUE}"
)
"""Speakers who name themselves as they speak: "We, the Foreign Ministers of A, B and C, condemn ...", "We, the
undersigned organisations, write to express ..."."""


def voice(sent: Sentence, ctx: Context) -> Person | None:
    """Who "I" and "we" are from this sentence on, when the sentence says so: "We, the ... condemn", or a speaker
    introducing their words ("Prime Minister X, today, ..., made the following remarks:")."""
    m = _VOICE.search(sent.flat)
    if m:
        return Person(m["who"])
    delivered = _DELIVERED.search(sent.flat)
    if delivered is None:
        return None
    before = sent.flat[: delivered.start()]
    subject = before.split(",", 1)[0] + " "  # "X, today (...), at the start of ..., made": X, whatever comes between
    who = speaker(subject, "said", ctx) or speaker(before, "said", ctx)
    return who if who is not None and who.name else None


def authored(title: str | None, ctx: Context) -> Person | None:
    """Who a section's "I" and "we" are, when its title names its author: "Statement by the Delegation of the United
    Kingdom", "EU Statement on ...", "Comment by the Information and Press Department on ...", "Answer by Official
    Spokesperson X to a media question" (statements as delegations and ministries publish them)."""
    m = _AUTHORED.fullmatch(title or "")
    author = m and (m["by"] or m["short"])
    if not author:
        return None
    if country_of(author) or is_body(Person(author)):
        return Person(author)  # "the Delegation of the United Kingdom", "the Information and Press Department"
    who = speaker(author + " ", "said", ctx)
    return who if who is not None and who.name and who.role else None  # "Official Spokesperson X"


_AUTHORED = re.compile(
    r"(?:(?:Statement|Comment|Answer|Reply|Remarks|Declaration)\s+(?:by|of)\s+|Delegation\s+of\s+)(?:the\s+)?"
    r"(?:Delegation\s+of\s+)?(?:the\s+)?(?P<by>[^,:]+?)(?:\s+(?:on|to|at|in|regarding|concerning)\s+.*)?"
    r"|(?P<short>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+[Ss]tatement(?:\s+(?:on|to|at|in)\b.*)?"
)
"""A section title naming its author: "Statement by (the Delegation of) X", "Delegation of X", "X Statement on ...",
"Comment by X on ...", "Answer by X to ..."."""


_DELIVERED = re.compile(
    r"\b(?:made|delivered|gave|issued)\s+the\s+following\s+(?:remarks|statement|address|speech|message|comments)\b"
    r"[^:\"]{0,60}:"
)
"""A speaker's words announced, the text that follows being theirs: "made the following remarks:"."""


def _third_person(cue: str) -> str:
    """A first-person cue as a resolution's body writes it of itself: "call on" -> "calls on"."""
    verb, *rest = cue.split()
    return " ".join([verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"), *rest])


_OPERATIVE_CUES = [
    _third_person(c)
    for c in LEXICON.first_person_cues
    if not c.split()[0].endswith(("ed", "ing")) and c.split()[0] not in {"are", "have", "made", "told"}
]
_OPERATIVE = re.compile(rf"^(?P<cue>{alternation(c.capitalize() for c in _OPERATIVE_CUES)})\b")
_AND_OPERATIVE = re.compile(rf",?\s+and\s+(?P<cue>{alternation(_OPERATIVE_CUES)})\b")
"""A resolution's operative paragraph, its body the unwritten subject ("1. Condemns ... and demands ...")."""
_RESOLVING = re.compile(r"(?m)^[ \t]*The\s+(?P<body>[A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,5}),[ \t]*$")
"""The line a resolution opens its preamble with, naming the body that resolves ("The European Parliament,")."""


def resolving_body(doc: Document) -> Person | None:
    """The body whose resolution the text is, as its preamble's opening line names it, or None."""
    m = _RESOLVING.search(doc.text)
    return Person(m["body"]) if m is not None else None


def operative(doc: Document, para: Paragraph, sent: Sentence, body: Person) -> list[Statement]:
    """A resolution's operative paragraph ("Condemns ... and demands ...", "Calls on the Council to ..."): the body's
    statements, made on the resolution's day."""
    first = _OPERATIVE.match(sent.flat)
    if first is None or sent.start != para.sentences[0].start:
        return []
    cues = [first, *_AND_OPERATIVE.finditer(sent.flat, first.end())]
    found = []
    for i, cue in enumerate(cues):
        stop = cues[i + 1].start() if i + 1 < len(cues) else None
        verb = cue["cue"].lower()
        content = content_at(sent.flat, cue.start("cue"), cue.end(), verb, stop=stop, first=False).rstrip(";")
        if says_enough(content, verb):
            found.append(_build(doc, para, sent, body, verb, content, cue.end(), live=True))
    return found


def first_person(doc: Document, para: Paragraph, sent: Sentence, we: Person | None) -> list[Statement]:
    """A speaker on their own behalf ("We condemn this attack", "What I will say is that ..."): a statement by
    whoever has the floor of a transcript, or by those a joint statement's "We, the ..." names, said on its day."""
    text = sent.flat
    m = _FIRST_PERSON.search(text) or _VOICE.search(text)
    who = _own_voice(doc, para, we)
    if m is None or who is None or para.asks:
        return []
    cues = [m, *_AND_CUE.finditer(text, m.end())]  # "We are gravely concerned by ..., and urge ..."
    found = []
    for i, cue in enumerate(cues):
        stop = cues[i + 1].start() if i + 1 < len(cues) else None
        opens = i == 0 and not text[: cue.start()].strip()  # ", and I welcome X": what came before is not X
        content = content_at(text, cue.start("cue"), cue.end(), cue["cue"], stop=stop, first=opens)
        courtesy = (
            cue["cue"] == "thank" and (not _NAMED_OBJECT.match(content) or _FOR_WORDS.search(content) is not None)
        ) or (cue["cue"] == "invite" and _TO_THE_MEETING.search(content) is not None)
        if says_enough(content, cue["cue"]) and not courtesy:
            found.append(_build(doc, para, sent, who, cue["cue"], content, cue.end(), live=True))
    return found


def _own_voice(doc: Document, para: Paragraph, we: Person | None) -> Person | None:
    """Who "I" and "we" are in this paragraph: whoever has the floor of a transcript or signs a letter, else those
    a joint statement's "We, the ..." names."""
    return turn_speaker(doc.text, para.turn) if para.turn is not None else we


_TO_THE_MEETING = re.compile(r"\bto\s+(?:participate\b|take\s+(?:a|the|their)\s+seats?\b|join\s+us\b)")
"""A chair inviting someone into the meeting ("I invite X to participate in this meeting"): procedure, no position."""
_NAMED_OBJECT = re.compile(r"(?:the\s+)?[A-Z]")
"""Thanks to someone named ("We thank the Islamic Republic of Iran"), a position; to "the witnesses", a courtesy."""
_FOR_WORDS = re.compile(
    r"\bfor\s+(?:his|her|your|their|the)\s+(?:kind\s+)?(?:answer|question|remark|statement|briefing|word)s?\b"
)
"""Thanks for what someone said in the room ("the Minister for his answer"): a courtesy, whoever is named."""


_MOTION = re.compile(r"\s*To\s+ask\b")
"""A parliamentary question as tabled ("To ask the Secretary of State ... if he will make a statement"): it asks."""
_ONESELF = re.compile(r"\b(?:I|I'[a-z]+|[Mm]e|[Mm]y)\b|\byou are recognized\b|\bthe floor\b|^The meeting\b")
"""A speaker on themself ("then I'm happy to take your questions"), a chair giving the floor ("Ambassador, you are
recognized", "X has asked for the floor") or the record on its meeting ("The meeting rose at 1 p.m."): holding the
floor, not taking a position."""
_NOTES = re.compile(r"^(?:\[[^\]]*\]\s*)+")
"""A transcriber's notes opening a sentence ("[Laughs]", "[...]"): no one's words."""
_VOCATIVE = re.compile(
    r"^(?:(?:(?:Madam|Mr\.?)\s+(?:President|Chair|Speaker)|[Hh]onourable\s+[Mm]embers|[Cc]olleagues|"
    r"High\s+Representative|Commissioner|Minister)(?:,\s+|\s*$))+"
)
"""Those a speech is addressed to, opening it ("Madam President, honourable Members, ..."): no part of what it says."""
_DISCOURSE = re.compile(r"^(?:Look|Well|So|Now|Again|Listen|Frankly|Honestly|First|Second|Third|Finally)[,:]?\s+")
"""A spoken opening that says nothing itself ("Look, ...")."""
_NO_POSITION = re.compile(
    r"^(?:\(|Thanks?\b|Thank\s+you|Good\s+(?:morning|afternoon|evening)|With\s+that|(?:Happy|Glad)\s+to\b|(?:These|Those)\b|"
    r"(?:The\s+)?(?:sub)?committee\b|The\s+chair\b|Your\b|Members\s+may|Without\s+objection|"
    r"There\s+being\s+no\s+objection|The\s+(?:Senator|Representative|gentleman|gentlewoman|(?:[a-z]+\s+){0,3}clerk)\b)"
)
"""Sentences that hold the floor without taking a position: courtesies, hand-overs, stage notes ("(The briefing
was concluded ...)"), back-references to what was just announced ("These designations are ...") and the chair
running a hearing or a floor ("The subcommittee will come to order", "Members may submit ...", "The Senator from
Idaho.", "There being no objection, the material was ordered to be printed ...")."""


_MET = re.compile(rf"\b(?:{alternation(LEXICON.meeting_verbs)})\s+(?:with\s+)?(?:the\s+)?[A-Z]")
"""A meeting told of ("The envoy met President X on Monday"): news given, no position taken."""
_DECLINES = re.compile(r"\bnot\s+(?:\w+\s+){0,3}(?:comment|speculate)\b")
"""A refusal to comment ("The Government does not routinely comment on ...", "It would not be appropriate to
speculate"): no position taken."""


def answer(doc: Document, para: Paragraph, found: list[Statement], acts: list[Sentence]) -> Statement | None:
    """A turn that states a position with no reporting verb ("Look, the regime has a very simple way to ..."): one
    statement by whoever has the floor, cue "said" (the turn label says it), from the first sentence that takes a
    position: a question, a courtesy, the speaker on themself, a sanctions action (``acts``) or another's words
    reported (``found``) take none. A turn whose speaker states with a verb ("We condemn ...") has none."""
    asks = para.text.rstrip().endswith("?") and not doc.parliament  # a Member states, then asks
    if para.turn is None or para.asks or asks or _MOTION.match(para.text) or doc.speech:
        return None  # a turn that ends asking is a question, whatever it says first; a speech states with verbs
    who = turn_speaker(doc.text, para.turn)
    if any(s.speaker == who.name for s in found):
        return None
    reported = {s.evidence.start for s in found}
    for sent in para.sentences:
        if sent in acts or sent.start in reported:
            continue
        said = _VOCATIVE.sub("", _DISCOURSE.sub("", _NOTES.sub("", sent.flat.strip()))).rstrip(".")
        asking = said.endswith(("?", "-")) or said.isupper()  # a question, a heading run in, or a sentence cut off
        if (
            asking
            or _NO_POSITION.match(said)
            or _DECLINES.search(said)
            or _ONESELF.search(said)
            or _MET.search(said)
            or len(said.split()) < 4
            or _as_said(said.split(",", 1)[0])  # "As the Minister said, ...": theirs
        ):
            continue
        return _build(doc, para, sent, who, "said", said, 0, live=True)
    return None


def table_row(doc: Document, para: Paragraph, ctx: Context) -> Statement | None:
    """A row of a table of statements: the speaker cell read as the subject of a reporting verb, the statement cell
    as what follows one (its first word when it is one: "Rejected US claims ..."), dated and cited by its row."""
    assert para.cells is not None
    start, end = para.cells["speaker"]
    who = speaker(doc.text[start:end] + " ", "said", ctx)
    start, end = para.cells["said"]
    said = doc.text[start:end].strip()
    if who is None or not said:
        return None
    verb = CUE_RE.match(said[0].lower() + said[1:])
    cue = verb["cue"] if verb is not None else None
    content = content_after(said[verb.end() :], verb["cue"]) if verb is not None else said
    if not says_enough(content, cue or "said"):
        return None
    return _build(doc, para, para.sentences[0], who, cue, content, start - para.start + (verb.end() if verb else 0))


def posted_quote(doc: Document, para: Paragraph, ctx: Context, announced: bool) -> Statement | None:
    """A post under its account's header in a digest of posts: one direct statement by that account, cue "posted",
    the whole post as what was said, whatever verbs it holds. A post announcing a sanctions action (``announced``)
    is that action's record."""
    if para.author is None or announced:
        return None
    name, _, office = para.author.partition(", ")  # "Dana Whitcombe, Spokesperson, U.S. Department of State"
    who = ctx.speaking(name, clean_role(office)) if is_name(name) else Person(para.author)  # or a body
    return _build(doc, para, Sentence(para.start, para.end, para.text), who, "posted", flat(para.text).strip(), 0)


def attributed_quote(doc: Document, para: Paragraph, ctx: Context) -> Statement | None:
    """A quotation its speaker introduces with a colon and no verb, as lists of reactions are written ("Iraqi Oil
    Minister Kareem al-Saadi: "Sarwa will be back ...""): a direct statement with no cue; an outlet or an unnamed
    source introduces none."""
    m = _ATTRIBUTED.match(flat(para.text).strip())
    if m is None or CUE_RE.search(m["who"]):
        return None  # 'X said: "..."' is a reported statement, read as one
    who = _labelled(m["who"], ctx)
    if who is None:
        return None
    sent = Sentence(para.start, para.end, para.text)
    return _build(doc, para, sent, who, None, _REOPENED.sub(r"\1 ", m["said"]), 0)


def _labelled(label: str, ctx: Context) -> Person | None:
    """Who a line's label before its colon names: a name with its office ("Sen. X (R-Idaho), the top Republican on
    ..."), else whoever the label would name as a verb's subject; a clip's tag ("SOUNDBITE (Farsi) ") and an aside
    ("Yemen's government (Aden)") are no part of it."""
    label = _CLIP_TAG.sub("", label)
    signed = _SIGNATURE.match(_PARTY.sub("", untitled(label)))
    if signed and is_name(signed["name"]):
        return ctx.speaking(signed["name"], clean_role(signed["role"]))
    return speaker(_ASIDE.sub("", label) + " ", "said", ctx)


def terse_statements(doc: Document, para: Paragraph, ctx: Context) -> list[Statement]:
    """A brief's line naming a speaker, then a colon and what they said in a verb with no subject, as slides and
    newsletters shorten ("Kataib Hezbollah: threatened to ...", "Yemen's government (Aden): welcomed US action; urged
    the Committee to follow"): one statement for each clause a reporting verb opens."""
    text = flat(para.text).strip()
    m = _TERSE.match(text)
    if m is None:
        return []
    who = _labelled(m["who"], ctx)
    if who is None:
        return []
    sent = Sentence(para.start, para.end, para.text)
    found = []
    for clause in _CLAUSE.finditer(text, m.start("said")):
        cue = CUE_RE.match(text, clause.start())
        if cue is None or cue["cue"].lower() == "according to":
            continue
        content = content_at(text, cue.start("cue"), cue.end(), cue["cue"].lower(), stop=clause.end())
        if says_enough(content, cue["cue"].lower()):
            found.append(_build(doc, para, sent, who, cue["cue"].lower(), content, cue.end()))
    return found


def passive_statement(doc: Document, para: Paragraph, sent: Sentence, ctx: Context) -> list[Statement]:
    """A reaction told in the passive, its speaker the agent after "by" ("The seizure was condemned by the United
    States and several European governments"): the first actor named speaks, of what the subject names."""
    m = _PASSIVE_CUE.match(sent.flat) if " by " in sent.flat else None
    who = speaker(m["by"] + " ", m["cue"], ctx) if m is not None else None
    if m is None or who is None:
        return []
    content = m["what"].strip()
    return [_build(doc, para, sent, who, m["cue"], content[:1].lower() + content[1:], m.end("cue"))]


_PASSIVE_CUE = re.compile(
    r"^(?P<what>(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s[^,;\"]{2,80}?)\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:strongly|widely|roundly|sharply|swiftly)\s+)?"
    r"(?P<cue>condemned|criticized|criticised|denounced|welcomed|praised|rejected)\s+by\s+"
    r"(?P<by>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,5})"
)
"""A subject, a reaction verb in the passive and its agent: "The seizure was condemned by the United States"."""
_TERSE = re.compile(r"^(?P<who>[^:\"]{3,80}?):\s+(?P<said>[a-z][^:]*)$")
_ASIDE = re.compile(r"\s*\([^()]*\)")
"""A parenthesis beside a speaker's name ("Yemen's government (Aden)"): where or which, no part of the name."""
_CLAUSE = re.compile(r"[^;\s][^;]*")


_ATTRIBUTED = re.compile(r'^(?P<who>[^:"]{3,160}?):\s+(?P<said>"[^"]{12,}[.!?](?:\s+"[^"]{12,}[.!?])*")$')
_PARTY = re.compile(PARTY)
_CLIP_TAG = re.compile(r"^[A-Z]{2,}(?:[ -][A-Z]{2,})*(?:\s+\([^()]{2,30}\))?\s+(?=[A-Z][a-z])")
"""A video script's tag before a clip's speaker: "SOUNDBITE (Farsi) ", "SOT ", "UPSOUND (English) "."""
_REOPENED = re.compile(r'([.!?])\s+"')
"""A quotation running over paragraphs opens each anew: one quotation, read without the re-opening marks."""
"""A speaker, a colon and a quoted sentence; a quoted headline ('Iran: "Ambassador's letter to UN chief"') is none."""
_SIGNATURE = re.compile(rf"^(?P<name>{NAME}),\s+(?P<role>[^.;\"]{{3,120}})$")
"""The line signing a quotation set apart: "Liisa Kangro, High Representative for Foreign Affairs"."""


def signed_quote(doc: Document, para: Paragraph, signature: Paragraph, ctx: Context) -> Statement | None:
    """A quotation printed on its own and signed on the line under it (a dash, then a name and an office), as
    releases set their principal's words: a direct statement with no reporting verb."""
    said = flat(para.text).strip()
    sign = untitled(flat(signature.text)).strip()  # "The Honourable X, Minister of ...": no part of the name
    post = _POST_SIGNATURE.match(sign)
    if post is not None and is_name(post["name"]) and not CUE_RE.search(said):
        posted = Sentence(para.start, para.end, para.text)  # the post as copied, signed by its author's handle
        author = ctx.find(post["name"]) or Person(post["name"])  # introduced with an office just before, often
        found = _build(doc, para, posted, author, None, _LINK_AT_END.sub("", said), 0)
        day = dates.parse(post["date"])[0]
        return found.model_copy(update={"quote_type": "direct", "said_on": day or found.said_on})
    m = _SIGNATURE.match(sign)
    if not (said.startswith('"') and said.endswith('"') and m and is_name(m["name"])):
        return None
    sent = Sentence(para.start, signature.end, doc.text[para.start : signature.end])
    return _build(doc, para, sent, Person(m["name"], clean_role(m["role"])), None, said, 0)


_POST_SIGNATURE = re.compile(rf"^(?P<name>{NAME})\s+\(@\w+\)\s+(?P<date>[A-Z][a-z]+\.?\s+\d{{1,2}},\s+\d{{4}})$")
"""The line a copied social-media post ends with: "- Ruth Abernathy (@DepSecAbernathy) December 4, 2026"."""
_LINK_AT_END = re.compile(r"\s*https?://\S+$")


def _build(
    doc: Document,
    para: Paragraph,
    sent: Sentence,
    speaker: Person,
    cue: str | None,
    content: str,
    cue_end: int,
    *,
    live: bool = False,
) -> Statement:
    """The statement record: type, modality and target read from the content, date and source from the text;
    ``live`` words are the speaker's own in a transcript, said on its day."""
    cite = para.citation_for(sent)
    quote_type = "indirect"
    if re.search(r'"[^"]+"', content):
        quote_type = "direct" if re.fullmatch(r'(?:"[^"]*"[\s,]*)+', content) else "mixed"  # '"A," "B."' is direct
    side = (
        speaker.side
        or (affiliation(speaker.role) if speaker.role else affiliation(speaker.name))
        or country_of(ARTICLE.sub("", speaker.name))  # "the representative of France": a country's delegate
        or (publisher_side(doc.bulletin.publisher, issuer=True) if doc.release else None)  # a release's issuer
        or (publisher_side(doc.bulletin.publisher, issuer=False) if live and para.turn else None)  # a briefing's
        or seat_side(speaker.role, sent.flat.replace(content, " "), doc.story_place(para))
    )
    return Statement(
        speaker=speaker.name,
        speaker_canonical=speaker.name,
        role=speaker.role,
        affiliation=side,
        cue=cue and cue.removesuffix(" that"),  # "concluded that" is read whole: "the talks concluded" is no cue
        content=content,
        quote_type=quote_type,
        statement_type=statement_type(cue, content),
        modality=modality(content),
        target=_target(sent.flat[cue_end:], cue, content, _side(speaker, side)),
        said_on=when(doc, para, sent, live=live, said=content) or _own_day(doc, speaker),
        cited_outlet=cite.outlet if cite else None,
        cited_date=cite.date if cite else None,
        section=para.section or None,
        evidence=Evidence(start=sent.start, end=sent.end, text=sent.text),
    )


def _own_day(doc: Document, speaker: Person) -> date | None:
    """The day of a one-day document its publisher speaks in ("The FATF calls on ..." on the FATF's outcomes page of
    7 March): the publisher says it there, that day."""
    start, end = doc.anchor
    publisher = doc.bulletin.publisher
    if start is None or start != end or not publisher or speaker.role:
        return None
    name = fold(ARTICLE.sub("", speaker.name))
    return start if name in (fold(publisher), initials(publisher).lower()) else None


_ABOUT_ACTION = re.compile(
    r"^\"?(?:the\s+)?(?:(?:new|latest|[A-Z][\w.'-]*)\s+){0,2}"
    r"(?:sanctions|listings|designations|measures|asset freeze)\b"
)
"""Content about a sanctions action ("the listings as ...", "the measures announced in Washington were ...")."""


def aim_at_issuers(statements: list[Statement], sanctions: list[Sanction]) -> list[Statement]:
    """A reaction to "the sanctions" or "the listings" is aimed at whoever imposed them: the issuer of the last
    action reported before it."""
    issued = sorted((s.evidence.start, s.issuing_country) for s in sanctions if s.issuing_country)
    starts = [start for start, _ in issued]
    out = []
    for st in statements:
        at = bisect_left(starts, st.evidence.start)
        if at and st.statement_type not in GENERIC and _ABOUT_ACTION.match(st.content):
            issuer = issued[at - 1][1] or ""
            st = st.model_copy(update={"target": actor(issuer) or actor(f"the {issuer}") or issuer})
        out.append(st)
    return out


# --- type and modality -------------------------------------------------------------------------------------------

TYPE_HINTS: dict[str, re.Pattern[str]] = {
    "threaten": re.compile(r"(?i)\b(?:will|would|consequences?|response|respond|face|revenge|pay|price|retaliat\w*)\b"),
    "accuse_condemn": re.compile(r"(?i)\b(?:accus\w*|condemn\w*|crime|terror\w*|blame\w*|aggress\w*|violat\w*)"),
    "demand_appeal": re.compile(r"(?i)\b(?:must|should|need|call\w*|urg\w*|demand\w*|withdraw\w*|stop|lift\w*)\b"),
    "reject_deny": re.compile(r"(?i)\b(?:not|no|never|nothing|den\w+|reject\w*|baseless|false|lies?)\b"),
    "praise_support": re.compile(r"(?i)\b(?:prais\w*|welcom\w*|support\w*|thank\w*|appreciat\w*|steadfast|heroic)"),
    "intent_to_cooperate": re.compile(
        r"(?i)\b(?:cooperat\w*|ties|expand\w*|together|partnership|hope\w*|agree\w*|ready)"
    ),
    "claim_responsibility": re.compile(r"(?i)\b(?:responsib\w*|carried out|we (?:attacked|struck|launched|targeted))"),
}
"""Words without which a statement type is implausible: a model's label must be supported by one."""


def plausible(kind: str, content: str) -> bool:
    """Whether the content holds a word a statement of this type needs."""
    hint = TYPE_HINTS.get(kind)
    return hint is None or bool(hint.search(content))


_CONTENT_TYPES = [(kind, re.compile(rf"\b(?:{'|'.join(phrases)})\b")) for kind, phrases in LEXICON.type_phrases.items()]
"""What the content of a plain "said" shows of its kind, checked in this order: a denial that warns is a denial."""
_ACCUSING = re.compile(rf"(?i)\b(?:{'|'.join(LEXICON.accusing_words)})\b")
GENERIC = {"assessment", "neutral"}
"""Types a cue gives when it says nothing of the kind ("said", "announced"): the content decides."""
_THREAT = re.compile(r"\b(?:will|would|consequences|response|face|against)\b")
_PROMISED = re.compile(r"\"?to\s+\"?[a-z]+|.*\b(?:if|unless)\b")
"""What a threatening cue promises ("vowed to answer", "threatened to resume ... if"): a threat without a "will"."""
_THREAT_PHRASES = dict(_CONTENT_TYPES)["threaten"]
_CONDITIONAL = re.compile(
    r"\b(?:if|unless)\b.*\b(?:will|would|could)\b|\b(?:will|would|could)\b.*\b(?:if|unless)\b"
    r"|\b(?:anyone|whoever|any\s+(?:\w+\s+)?(?:company|country|bank|vessel|entity|one|person|state|government))"
    r"\b(?:\s+(?:who|that|which))?\b.*\b(?:will|would|risks?|is\s+a\s+target)\b"
)
"""A consequence on a condition ("would resume attacks if ...", "anyone who supplies them will ..."): a warning,
whatever verb reports it."""
_DEMANDED = re.compile(r"^(?P<party>(?:[\w'\u2019.-]+\s+){1,6}?)(?:not\s+)?to\s+(?!be\b|date\b)[a-z]+\b")
_DETERMINERS = {"the", "all", "both", "its", "their", "his", "her", "other"}
_PRONOUNS = {"it", "them", "him", "her", "us"}


def demanded_of(content: str) -> str | None:
    """The party a content "<party> to <verb>" asks to act ("Iran to release the crew", "all parties to exercise
    restraint"): what is left of "called on ... to" when another verb reports it. Words other than names and the
    lexicon's party nouns ("had forced Israel to", "the right to") make it no demand."""
    m = _DEMANDED.match(content)
    if not m:
        return None
    words = m["party"].split()
    party = all(w[0].isupper() or w.lower() in _DETERMINERS or w.lower() in LEXICON.demanded_of for w in words)
    return m["party"].strip() if party and not all(w.lower() in _DETERMINERS for w in words) else None


_NAMED = re.compile(r"(?<![.!?\"]\s)(?<!^)\b[A-Z][\w'-]+(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'-]+)+")
"""A proper name of several words inside a content ("Foreign Terrorist Organization", "Under Secretary for Terrorism
and Financial Intelligence"): its words say nothing of the statement's kind."""


def statement_type(cue: str | None, content: str) -> str:
    """CAMEO-style type from the cue, corrected by what the content says: a party asked to act makes a demand and a
    consequence on a condition a threat, whatever verb reports them."""
    if demanded_of(content):
        return "demand_appeal"
    if cue == "claimed" and _ATTACK.fullmatch(content):
        return "claim_responsibility"
    if _CONDITIONAL.search(content.lower()):  # "If they attack again, we will ..."
        return "threaten"
    low = _NAMED.sub(" ", content).lower()  # "a Foreign Terrorist Organization" accuses no one
    kind = (
        CUES.get(cue)
        or CUES.get(f"{cue} that")
        or LEXICON.clause_participles.get(cue)
        or LEXICON.first_person_cues.get(cue, "neutral")
    )
    if kind in GENERIC:
        shown = next((name for name, pattern in _CONTENT_TYPES if pattern.search(low)), kind)
        accuses = shown in GENERIC and _ACCUSING.search(content) and any(p.search(content) for p, _ in actor_mentions())
        return "accuse_condemn" if accuses else shown
    if kind == "threaten" and not (_THREAT.search(low) or _PROMISED.match(low) or _THREAT_PHRASES.search(low)):
        return "assessment"  # "warned that the rial was falling": a warning of what is, not of what they will do
    return kind


_MODALITIES = (
    ("hypothetical", re.compile(r"\b(?:if|unless|should (?:they|these|this|it|there)|or (?:we|they|else))\b")),
    ("future", re.compile(r"\b(?:will|would|shall|is going to)\b")),
    ("negated", re.compile(r"\b(?:not|never|no|nothing)\b")),
)


def modality(content: str) -> str:
    """Whether the content is conditional, about the future, a negation, or a plain assertion."""
    low = f" {content.lower()} "
    return next((name for name, pattern in _MODALITIES if pattern.search(low)), "asserted")


# --- target ----------------------------------------------------------------------------------------------------------

_IRANIAN_BODIES = word_pattern(LEXICON.iranian_bodies)
_ADDRESSEE_CUES = LEXICON.addressee_cues
_MEDIA = word_pattern(LEXICON.media)
_OBJECT = re.compile(
    r"^\s*(?P<obj>(?:the\s+)?(?:[A-Z][\w.'\-]*|international|leaders?|government|people|Iraqi|American|"
    r"(?!the\b)[a-z]+(?=\s+(?:governments|countries|states|nations|partners|allies|factions|militias|groups)\b))"
    r"(?:\s+(?:of\s+the\s+|of\s+|and\s+(?:the\s+)?)?[A-Z][\w.'\-]*|\s+community\b|\s+states\b|\s+people\b|\s+governments?\b|"
    r"\s+(?:navies|forces|countries|nations|governments|leaders|militias|factions|partners|neighbou?rs|allies))*)"
)
_GROUP_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}\s+(?:governments|authorities|leaders|forces|militias|factions|allies|partners|"
    r"neighbou?rs|proxies|officials)\b"
)
"""The people a possessive object stands for: "called on Libya's rival governments"."""
_NOUN_AFTER = re.compile(r"(?:\s+(?!(?:for|of|to|in|on|and|that|with|over|as|by)\b)[a-z]+){1,3}")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|into|inside|within|across|throughout|near)\s+$")


def _side(speaker: Person, belongs: str | None = None) -> str:
    """Words naming the speaker's own side, which a statement is not aimed at."""
    side = f"{speaker.role or ''} {belongs or affiliation(speaker.role) or ''}"
    return f"{side} Iran" if _IRANIAN_BODIES.search(side) else side


def _addressee(obj: str, rest: str) -> str:
    """The object as an actor: "Iran's" is Iran, a capital is its country, "the Iraqi" and "Libya's" run on to their
    noun ("Libya's rival governments")."""
    group = _GROUP_AFTER.match(rest)
    if obj.endswith("'s") and group:
        return obj + group[0]
    obj = re.sub(r"'s$", "", obj)
    if obj.split()[-1] in NATIONALITIES:
        noun = _NOUN_AFTER.match(rest)
        if noun:
            return obj + noun[0]
    return actor(obj) or obj


_AGAINST_CLASS = re.compile(r"\bagainst\s+(?P<t>(?:anyone|anybody|those|whoever)\s+(?:who|that)\s+[^,.;\"]+)")
"""Whom a threat names by what they do: "would keep acting against anyone who helps X"."""


def _target(after: str, cue: str | None, content: str = "", speaker_side: str = "") -> str | None:
    """The addressee after the cue ("warned the United States"), else the class a threat names, else the foreign
    actor the content is about."""
    if cue in _ADDRESSEE_CUES:
        m = _OBJECT.match(after)
        if m and not (cue == "told" and _MEDIA.search(m["obj"])):  # "told Reuters": a channel, not an addressee
            obj = re.sub(r"\s+(?:of|and)$", "", m["obj"].strip())
            if obj.split()[-1].lower() not in {"the", "that"} and len(obj.split()) <= 8:
                return _addressee(obj, after[m.end() :])
    party = demanded_of(content)
    if party and party.lower() not in _PRONOUNS:
        return _addressee(party, "")
    named = _AGAINST_CLASS.search(content)
    if named and statement_type(cue, content) == "threaten":
        return named["t"].strip()
    counts: dict[str, tuple[int, int]] = {}
    for pattern, name in actor_mentions():
        # "bases in Iraq": a place where things happen, not an actor spoken to or about
        hits = [h.start() for h in pattern.finditer(content) if not _PLACE_BEFORE.search(content, 0, h.start())]
        if hits and not (speaker_side and pattern.search(speaker_side)):
            counts[name] = (len(hits), -hits[0])
    return max(counts, key=lambda n: counts[n]) if counts else None
