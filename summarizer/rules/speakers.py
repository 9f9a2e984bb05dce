"""Who is speaking: the people a section introduces, and the strategies that find the speaker of a reporting verb.

A bulletin names a speaker once in full ("Iran's Foreign Minister Dariush Kazemi") and then writes "he", "Kazemi" or
"the minister". So a context keeps the people a section has introduced, and the words before a reporting verb are
read by an ordered table of strategies, each recognising one way of writing a subject; the first that recognises
its pattern decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..layout import flat
from ..lexicon import actor, alternation, outlet, untitled
from ..segment import ATTRIBUTION, BY_LINE, CALL_TURN, COURTESY, OFFICE_TURN, SPEECH_TURN, TURN_HONORIFIC
from ..text import from_capitals
from .dating import WHEN
from .words import (
    ARTICLE,
    HEARSAY,
    LEXICON,
    MANNER,
    NAME,
    NATIONALITIES,
    NOT_NAMES,
    ORGS,
    PARTICLES,
    RANK,
    ROLE_NOUNS,
    UPPER,
    country_of,
    is_name,
    is_polity,
    is_role,
    nationality,
)


@dataclass
class Person:
    """A speaker as the text names them, with the office the text gives them."""

    name: str
    role: str | None = None
    side: str | None = None
    """Whom they speak for when the text says so apart from any office: "Mr. Qiao (China)" speaks for China."""


_RANK_WORD = re.compile(
    r"(?:(?<=,\s)|(?<=^))(?:Commander|Captain|Major|Lieutenant|Colonel|Sergeant)\s+(?=[A-Z][\w'-]+\s+[A-Z])"
)
"""A rank opening an apposition or a name ("..., Commander Erin Caldwell,"): not part of the name, not the role."""


_BODY_OWNER = r"(?:U\.S\.|(?!The\b)[A-Z][\w'-]+)"
"""A capitalised word in a body's name: "U.S. Treasury Department", "Department of the Treasury"."""
_IN_SENTENCE = re.compile(r"(?:\b[a-z][\w'-]*|,)[ \t]+$")
"""Words of a sentence on the line before a name: the name is no heading's."""
_SURNAME = re.compile(rf"{UPPER}[^\W\dA-Z_][\w'-]*")


@dataclass
class Context:
    """What the paragraph has introduced so far: the people a pronoun or surname can point back to."""

    people: list[Person] = field(default_factory=list)
    """Everyone introduced in the text so far: a surname points back to its full name anywhere."""
    here: list[Person] = field(default_factory=list)
    """Those introduced in this section: "the commander" points back only within the story."""
    last_speaker: Person | None = None
    previous_speaker: Person | None = None
    mentioned: list[Person] = field(default_factory=list)
    body: Person | None = None
    """The organisation named last ("the Iraqi militia X", "a group calling itself X"): what "the group" means."""
    it: Person | None = None
    """The body that spoke last ("The Council condemns ..."): what "It" means."""
    text: str = ""
    """The whole text: a surname may be named in full only further on (a live page is read newest first)."""
    short: dict[str, str] = field(default_factory=dict)
    """Initials a text gives a name in parentheses, to the name: "the Ministry of Foreign Affairs (MoFA)"."""
    defined: dict[str, str] = field(default_factory=dict)
    """Terms a text defines a name by, to the name: 'Kymata Tanker Management S.A. ("Kymata" or "the Company")'."""
    ahead: tuple[int, int] = (0, 0)
    """Where the rest of the paragraph and the next one lie in :attr:`text`: where an office a lede names gets its
    holder's name ("Iran's foreign minister has warned ... the foreign minister, Kamran Sotoudeh, accused")."""

    def new_paragraph(self) -> None:
        """A paragraph starts without a speaker; the last one stays reachable as "he" or "she"."""
        self.previous_speaker = self.last_speaker or self.previous_speaker
        self.last_speaker = None
        self.mentioned = []

    def pronoun(self) -> Person | None:
        """He/she: this paragraph's speaker, else the person it introduced last, else the previous speaker; never
        a body ("The ministry said ... " then a new paragraph's "He also warned" is not the ministry's)."""
        for who in (self.last_speaker, self.mentioned[-1] if self.mentioned else None, self.previous_speaker):
            if who is not None:
                return None if is_body(who) else who
        return None

    def first_in(self, text: str) -> Person | None:
        """The person named earliest in ``text``: the subject of a coordinated verb."""
        spots = [(text.find(p.name.split()[-1]), p) for p in self.people if p.name.split()[-1] in text]
        return min(spots, key=lambda spot: spot[0])[1] if spots else None

    def introduce(self, name: str, role: str | None) -> Person:
        """The person ``name`` refers to, added if new; a longer spelling or a first role is kept. Where a body is
        based is no part of its name ("Piraeus-based Aegean Crest Shipping")."""
        name = _POSSESSIVE.sub("", _BASED.sub("", _RANK_WORD.sub("", name)))
        found = self.find(name)
        if found is None:
            found = Person(name, role)
            self.people.append(found)
        if found not in self.here:
            self.here.append(found)
        elif role and not found.role:
            found.role = role
        if len(name.split()) > len(found.name.split()):
            found.name = name
        self.mentioned.append(found)
        return found

    def speaking(self, name: str, role: str | None) -> Person:
        """The person ``name`` refers to, with the office the speaking sentence gives them if it gives one
        ("Commerce Secretary Halloran also warned": the role as written there)."""
        person = self.introduce(name, role)
        return person if not role or role == person.role else Person(person.name, role)

    def find(self, name: str) -> Person | None:
        """The person introduced last whose name holds ``name`` or shares its surname, unless both give different
        first names ("Kaveh Soltani" is not "Behnam Soltani")."""
        name = self.short.get(name, name)  # "MoFA called on ...": the ministry its initials stand for
        wanted = name.lower().split()
        for person in reversed(self.people):
            known = person.name.lower().split()
            same = len(wanted) == 1 or len(known) == 1 or wanted[0] == known[0]
            surname = not is_body(person) and known[-1] == wanted[-1] and same  # a ministry has none
            held = name.lower() in person.name.lower() and not (is_body(person) and is_polity(name))
            if held or surname:  # "the Islamic Republic of Iran" is not its foreign ministry, whose name holds it
                return person
        return None

    def in_full(self, surname: str) -> str | None:
        """The full name the text gives a lone surname anywhere in it, or None; a name runs over a line break only
        inside a sentence ("its owner, Hussein Ali\nMakki"), never from a heading ("Red Sea" over "Ministers ...")."""
        found = re.search(rf"\b(?:{UPPER}[\w'-]+[ \t]+){{1,2}}{re.escape(surname)}\b", self.text) or next(
            (
                m
                for m in re.finditer(rf"\b(?:{UPPER}[\w'-]+\s+){{1,2}}{re.escape(surname)}\b", self.text)
                if _IN_SENTENCE.search(self.text, max(0, m.start() - 30), m.start())
            ),
            None,
        )
        full = " ".join(found[0].split()) if found else ""
        return full if full and is_name(full) and country_of(full.split()[0]) is None else None

    def surname_only(self, word: str) -> bool:
        """Whether a lone capitalised word is a surname the text never gives in full ("Mousavi said"): it is
        capitalised where no sentence starts, and names no place, outlet or unnamed source ("We", "Another",
        "Ministers" open sentences only)."""
        if not _SURNAME.fullmatch(word) or HEARSAY.search(word) or country_of(word):
            return False  # initials are a body's ("CTP assessed"), not a surname
        return re.search(rf"(?<=[a-z,;] ){re.escape(word)}\b", self.text) is not None

    def body_named(self, word: str) -> Person | None:
        """The body introduced last whose name holds ``word`` ("the ministry": "The Syrian Ministry of Interior"),
        else the last one of that kind the text named before, though only as acting ("The U.S. Treasury Department
        sanctioned ... The department said")."""
        known = next((p for p in reversed(self.people) if p.role is None and word in p.name.lower()), None)
        if known is not None:
            return known
        kind = word.capitalize()
        named = re.findall(
            rf"(?:{_BODY_OWNER}\s+){{1,3}}{kind}\b|\b{kind}\s+of\s+(?:the\s+)?{_BODY_OWNER}",
            flat(self.text[: self.ahead[0]]),
        )
        return self.introduce(ARTICLE.sub("", named[-1]), None) if named else None

    def by_role_word(self, words: str) -> Person | None:
        """The person introduced last whose role holds the head word of ``words`` ("the minister")."""
        office = re.split(r"\s+of\s+", words, maxsplit=1)[0]  # "the chief of the Lebanese group": the chief
        head = office.split()[-1].lower()
        country = affiliation(office) if nationality(office) else None  # "the Iraqi foreign minister"
        offices = LEXICON.role_references.get(head, (head,))  # "the top diplomat": the foreign minister
        epithet = head in LEXICON.role_references  # refers to whom the story is about: its speaker first
        spoke = [p for p in (self.last_speaker, self.previous_speaker) if p is not None] if epithet else []
        qualifiers = [w.lower() for w in office.split()[:-1] if not nationality(w) and "'" not in w]
        kind = [] if epithet else [w for w in qualifiers if w not in LEXICON.any_kind and w not in ("the", "a", "an")]
        unplaced = next((p for p in spoke if p.role is None and not is_body(p)), None)
        if unplaced is not None and not offices and not any(p.role for p in spoke):
            return unplaced  # "Gen. X said ... the senior military official said": an office any holder fits
        for person in [*spoke, *reversed(self.here)]:
            if person.role and (not offices or any(o in person.role.lower() for o in offices)):  # "official": any
                if any(w not in person.role.lower() for w in kind) or _outranked(person.role, [*qualifiers, head]):
                    continue  # "the electricity minister" is not the foreign minister introduced last
                side = affiliation(person.role)
                side = "Iran" if side in LEXICON.iranian_bodies else side  # the IRGC's commander is an Iranian official
                if country and side not in (None, country):
                    continue  # "the Iraqi foreign minister" is not the Omani one introduced last
                return person
        return None


def is_body(who: Person) -> bool:
    """An organisation rather than a person: no "he" or "she" refers to it, and its last word is no surname."""
    return who.role is None and bool(ORGS.search(who.name) or _INSTITUTION.search(who.name))


# --- roles and introductions -------------------------------------------------------------------------------------

LEAD_IN = re.compile(r"^(?:[^,]*\b(?:in|on|at|during|speaking|asked)\b[^,]*,\s*)+", re.I)
"""Where, when or how something was said, opening a clause ("In an interview in 2022, ...")."""
_TITLE = f"(?:{alternation(LEXICON.titles)})"
_OFFICE_WORDS = LEXICON.office_words
_INSTITUTIONS = alternation(LEXICON.institutions)
_INSTITUTION = re.compile(rf"\b(?:{_INSTITUTIONS}|Organi[sz]ation|Committee|Command|Nations|Corps|Union|Assembly)\b")
_BODY_NAMED = re.compile(rf"\b(?:militia|group|organi[sz]ation|movement)\s+(?:calling itself\s+)?(?P<name>{NAME})")
_ROLE_NAME = re.compile(
    rf"(?:^|[,;]\s+|\band\s+)(?:[Tt]he\s+)?(?P<role>[^,;()]{{3,160}}?),\s+(?P<name>{NAME})(?:,|\.$)"
)
_NAME_ROLE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:(?:the|a|an)\s+(?P<role>[^,;()]{{3,120}}?)|"
    rf"(?P<office>[A-Z][a-z][\w'.-]*(?:\s+(?:of|for|and|to|the|[A-Z][\w'.-]*)){{0,12}}))[,.]"
)
"""A name and its office in apposition: "X, the spokesman for Y,", "X, Minister of State, received" (an office in
title case, words of one only)."""
_NAME_THE_ROLE = re.compile(rf"(?:^|,\s+)(?P<name>{NAME}),\s+the\s+(?P<role>[^,;()]{{3,120}}?)[,.]")
_PORTFOLIO = rf"(?:{alternation([*_OFFICE_WORDS, 'Treasury'])})"
_BODY_NEXT = rf"(?!\s+{_INSTITUTION.pattern}|\s+(?:Republic|Kingdom|Emirates|States)\b)"
"""Not a body's or a state's name going on ("President of the Security Council", "Ambassador of the Islamic Republic
of Iran"): a title's portfolio ends where a person's name starts."""
_TITLE_RUN = (
    rf"(?:[A-Z][\w'.\-]*\s+){{0,4}}{_TITLE}"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_PORTFOLIO}(?:\s+(?:and\s+)?{_PORTFOLIO}){{0,2}}{_BODY_NEXT})?"
)
"""An office ending in a title word and perhaps its portfolio, as written before a name: "Deputy Foreign Minister",
"Secretary of State", "Minister of Foreign Affairs"."""
_TITLED = re.compile(rf"(?P<role>{_TITLE_RUN})\s+(?P<name>{NAME})")


def introductions(text: str, ctx: Context) -> None:
    """Register "ROLE, NAME," and "NAME, the ROLE," appositions and "Foreign Minister NAME" so later pronouns and
    surnames resolve; the person the sentence names first, its subject as a rule, is whom the next "he" means."""
    text = _HONORIFIC_SURNAME.sub("", untitled(RANK.sub("", text)))
    _introduce_all(text, ctx)
    told = _QUOTATION.sub(lambda m: " " * len(m[0]), text) if '"' in text else text  # the words quoted name no "he"
    spots = [(m.start(), p) for p in ctx.here if not is_body(p) for m in [_surname_in(p, told)] if m is not None]
    if spots:  # "X had a meeting with President Y. He told the President ...": "he" is the subject, X
        ctx.mentioned.append(min(spots, key=lambda spot: spot[0])[1])
    paper = _PAPER_OF_BODY.search(told) if _PAPER_WORD.search(told) else None
    if paper is not None and is_body(Person(paper["body"])):  # "Tasnim ran an IRGC Navy statement. It says ...": the
        ctx.it = ctx.introduce(paper["body"], None)  # Navy's words, not the agency's


_BODY_S_PAPER = (
    r"(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:[a-z][\w-]*\s+)?"
    r"(?:statement|communiqu[eé]|readout|release|declaration)"
)
"""A paper named by the body that issued it, as wire copy writes it: "A Foreign Ministry statement", "an IRGC Navy
statement"."""
_PAPER_OF_BODY = re.compile(rf"\b{_BODY_S_PAPER}\b")
"""Such a paper anywhere in a sentence: a later "It says" refers to it."""
_BODY_PAPER = re.compile(rf"(?:^|(?<=\s)){_BODY_S_PAPER}\s*$")
"""Such a paper as the subject of a reporting verb: "A Foreign Ministry statement said" is the ministry speaking."""
_PAPER_WORD = re.compile(r"statement|communiqu|readout|release|declaration")
"""A cheap test before the paper patterns, which most sentences and subjects never need."""


_QUOTATION = re.compile(r'"[^"]+"')
"""Words quoted: whoever they name is spoken of, not the subject a later "he" points back to."""
_SHORT_NAME = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'-]*)+)\s+"
    r"\((?P<short>[A-Z][A-Za-z]{1,7})\)"
)
"""A body's name and the initials it goes by after: "the Ministry of Foreign Affairs (MoFA)"."""


_LEGAL_FORM = rf",?\s+(?i:{alternation(LEXICON.company_suffixes)})\.?"
"""A company's legal form after its name (", Ltd.", " S.A.")."""
_DEFINED = re.compile(
    rf'(?P<name>{NAME}(?:{_LEGAL_FORM})?)(?:\s+\([^()"]{{1,40}}\))?\s+\((?P<terms>(?:the\s+)?"[^"()]{{2,40}}"(?:[^"()]{{1,12}}"[^"()]{{2,40}}")*)\)'
)
"""A name and the terms a release defines it by: 'Kymata Tanker Management S.A. ("Kymata" or "the Company")', 'X Inc.
(NYSE: AGTK) (the "Company")'."""
_CUT_NAME = re.compile(rf"{UPPER}[\w'.-]*\s+$")
_TERM = re.compile(r'"(?:[Tt]he\s+)?([^"]+)"')


def _placeless(name: str) -> str:
    """A name without the place run into it ("received in Abu Dhabi Hamidreza Dastgheibnia, Ambassador ...")."""
    words = name.split()
    cut = next((k for k in (2, 1) if len(words) - k >= 2 and country_of(" ".join(words[:k]))), 0)
    return " ".join(words[cut:])


def _surname_in(person: Person, text: str) -> re.Match[str] | None:
    """Where the text names the person by surname, as a whole word."""
    return re.search(rf"\b{re.escape(person.name.split()[-1])}\b", text)


def _introduce_all(text: str, ctx: Context) -> None:
    """Everyone the sentence introduces with an office, a party or as its subject."""
    for m in _SHORT_NAME.finditer(text) if "(" in text else ():
        ctx.short.setdefault(m["short"], m["name"])
    for m in _DEFINED.finditer(text) if '"' in text and "(" in text else ():
        if _CUT_NAME.search(text, 0, m.start()):
            continue  # "Treasury's Office of Foreign Assets Control": longer than a name's words, read only in part
        for term in _TERM.findall(m["terms"]):
            if not term.isupper():  # initials are read as such ("OFAC"), a defined word stands for the name
                ctx.defined.setdefault(term, m["name"])  # '("Kymata" or "the Company")': either names the company
    for m in _BODY_NAMED.finditer(text):
        if is_name(m["name"]):
            ctx.body = ctx.introduce(m["name"], None)
    for pattern in (_ROLE_NAME, _NAME_ROLE, _NAME_THE_ROLE):
        for m in pattern.finditer(text):
            role = clean_role(m["role"] or m.groupdict().get("office") or "")
            name = _placeless(from_capitals(m["name"]) if m["name"].isupper() else m["name"])  # "RAFAEL DUNMORE"
            if role and is_name(name) and country_of(name) is None and not _place(name) and not _SAID_LAST.search(role):
                ctx.introduce(name, role)  # not "... to enter the Gaza Strip, the spokesman stressed."
    for m in _PARTY_NAMED.finditer(text):
        chamber = _CHAMBER.search(text, max(0, m.start() - 80), m.start())
        if is_name(m["name"]) and ctx.find(m["name"]) is None:  # "Senators A (R-Kan.) and B (D-N.H.)": "Senator B"
            ctx.introduce(m["name"], _CHAMBER_TITLE.get(chamber[1][:3]) if chamber else None)
    for_country = (m for m in _NOUN_FOR_NAMED.finditer(text) if country_of(m["place"]))
    for m in [*_NOUN_NAMED.finditer(text), *for_country]:
        if is_name(m["name"]) and ctx.find(m["name"]) is None:
            ctx.introduce(m["name"], clean_role(m["role"]))  # "Hezbollah MP Kamel Shamseddine": "Shamseddine" later
    for m in _TITLED.finditer(text):
        name = m["name"]
        surname_only = (
            len(name.split()) == 1 and country_of(name) is None and name not in NOT_NAMES and name not in _OFFICE_WORDS
        )  # "Minister for Europe and Foreign Affairs, Ms X": "Affairs" ends the office, it names no one
        if is_name(name) and (len(name.split()) >= 2 or surname_only) and ctx.find(name) is None:
            ctx.introduce(name, clean_role(m["role"]))  # "President Ahmadinejad": "the president" later
    opening = _OPENING_NAME.match(text)
    if opening is None or not is_name(opening["name"]) or opening["name"].split()[-1] in _PAPERS:
        return  # "Security Council Press Statement on ...": a paper's title, no one who can speak
    known = ctx.find(opening["name"])
    if known is None and len(opening["name"].split()) >= 2:
        ctx.introduce(opening["name"], None)  # "Behrouz Sadeghi-Rad, 58, was born in ...": "Sadeghi-Rad" later
    elif known is not None and not is_body(known):
        ctx.mentioned.append(known)  # "Sadeghi-Rad did not respond ... In 2022, he described himself as"


PARTY = r"\s+\([RDI]-[A-Z][\w.]*\)"
"""A legislator's party and state after the name: " (R-Idaho)"."""
_PARTY = re.compile(PARTY)
_KIND_AFTER_SHORT = re.compile(r"(\([A-Z][A-Za-z]{1,7}\))\s+(?:centre|center|office|agency|unit|mission)\s*$")
_REFLEXIVE = re.compile(r"\s+(?:him|her|it|them)sel(?:f|ves)\s*$")
_AND_ITS_OWN = re.compile(r"\s+and\s+(?:its|their)\s+(?:[Mm]ember\s+[Ss]tates|allies|partners)\s*$")
_PARTY_NAMED = re.compile(rf"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'-]+){PARTY}")
"""A legislator named with party and state ("Alan Prescott (D-N.H.)"): later "Senator Prescott" is this one."""
_CHAMBER = re.compile(r"\b(Senators?|Sen\.|Representatives?|Rep\.|Reps\.)[^.;]*$")
_CHAMBER_TITLE = {"Sen": "Senator", "Rep": "Representative"}
_ROLE_NOUN = rf"(?i:{alternation(LEXICON.role_nouns)})"
"""Any office noun of the lexicon, in any case: the end of an office written before a name."""
_NOUN_NAMED = re.compile(
    rf"(?P<role>(?:[A-Z][\w'.\-]*\s+){{1,5}}{_ROLE_NOUN})\s+"
    rf"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){{1,2}})\b"
)
"""A full name after an office ending in any role noun ("Hezbollah MP Kamel Shamseddine"), not only a title."""
_NOUN_FOR_NAMED = re.compile(
    rf"(?P<role>(?:[A-Z][\w'.\-]*\s+){{1,4}}{_ROLE_NOUN}\s+(?:for|of|to)\s+(?P<place>[A-Z][\w'\-]+))\s+"
    rf"(?P<name>[A-Z][\w'\-]+\s+[A-Z][\w'\-]+)\b"
)
"""An office for one country, then its holder's full name ("Special Envoy for Lebanon Daniel Okafor")."""
_INDEFINITE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s")
"""An office held by someone the subject does not name ("A senior commander of ..."): no speaker the rules can tell."""
_OBJECT_OF = re.compile(r"\b(?:of|in|at|from|with|for|near)$")
_PAPERS = LEXICON.papers
_OPENING_NAME = re.compile(rf"(?P<name>{NAME})(?:,\s+\d{{1,3}},)?\s+[a-z]")
"""A person opening a sentence as its subject, whatever the verb (an age may follow the name): a later surname or
"he" can mean them."""


def titled(text: str) -> tuple[str | None, str]:
    """A name written with its office run into it ("Foreign Minister Alexandros Mavridis") as office and name; any
    other text as no office and itself."""
    m = _TITLED.fullmatch(text.strip())
    if m is None or not is_name(m["name"]) or len(m["name"].split()) < 2:
        return None, text
    return clean_role(m["role"]), m["name"]


_RELATIVE = re.compile(r",?\s+(?:who|whom|whose|which)\s")
"""A relative clause after an office describes its holder further: the office ends before it."""


def clean_role(text: str) -> str | None:
    """The office a phrase gives, without a leading setting, what carried the words ("remarks by", "a letter
    from") or an article; None when it names no office."""
    text = _CLAUSE_OPENER.sub("", LEAD_IN.sub("", text.strip()))  # "When the American ambassador, X, said"
    text = _SUBJECT_VERB.sub("", text)  # "I met the Vice-President of X, Y, who told me": the office is after the verb
    carried = [m for m in _CARRIED.finditer(text) if ROLE_NOUNS.search(text[m.end() :])]
    text = text[carried[-1].end() :] if carried else text
    text = ARTICLE.sub("", _RELATIVE.split(text.strip(), 1)[0]).strip()  # "..., who was foreign minister from ..."
    if not text or not ROLE_NOUNS.search(text) or len(text.split()) > 24:
        return None
    return text


_SUBJECT_VERB = re.compile(r"^(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]+\s+")
"""A pronoun and its verb opening the words before an office: no part of it."""
_CLAUSE_OPENER = re.compile(r"^(?:and|but|or|when|as|after|while|before|if|although|because|since|once)\s+", re.I)
"""A conjunction opening the clause a role stands in: no part of the office."""
_NAMED_AFTER = re.compile(
    rf"\s+(?:(?P<title>{_TITLE_RUN})\s+)?(?P<name>{NAME})"
    rf"(?:,\s+(?:the\s+)?(?P<role>[^,.]{{3,120}}))?"
)


def named_after(after: str, ctx: Context) -> Person | None:
    """The speaker named after the verb, with an office before or after the name: '"...," said Marcus Delaney,
    director of OFAC', '"...," said Foreign Minister Alexandros Mavridis'."""
    if _THE_STATEMENT.match(after) and ctx.it is not None:
        return ctx.it  # '"...," said the statement': the body whose statement it is
    written = untitled(RANK.sub("", after))  # "said Lieutenant Colonel X": no rank
    m = _NAMED_AFTER.match(written)
    office = _LOWER_OFFICE_ON.match(written, m.end("name")) if m is not None else None
    if office is not None and ROLE_NOUNS.search(office["office"]):
        m = None  # "said Treasury undersecretary Brian Nelson": the body's name opens an office, then the name
    if m is None or not is_name(m["name"]) or _BODY_AFTER.match(after, m.end("name")):
        office = _OFFICE_PHRASE.match(after)
        found = _office_round_name(office[1], ctx) if office else None
        phrase = _PHRASE_AFTER.match(after)  # "said Deputy Secretary of the Treasury X": read as a subject is
        return found or (speaker(phrase[1] + " ", "said", ctx) if phrase else None)
    return ctx.speaking(m["name"], clean_role(m["title"] or m["role"] or ""))


_LOWER_OFFICE_ON = re.compile(r"\s+(?P<office>(?:[a-z][\w-]*\s+){1,4})(?=[A-Z])")
_THE_STATEMENT = re.compile(r"\s+the\s+(?:statement|communiqu[eé]|release|readout)\b")
_OFFICE_PHRASE = re.compile(r"\s+([A-Z][^,;:\"()]{3,160}?)\s*(?:[,;:]|(?<![A-Z])\.|$)")
"""The words after the verb up to the sentence's end; "U.S." and "M." end nothing."""
_BODY_AFTER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
"""A body named after a person's name: "X of the Justice Department's National Security Division"."""


def _office_round_name(phrase: str, ctx: Context) -> Person | None:
    """A title before the name and a body after it, one office: "Assistant Attorney General Natalie Brennan of the
    Justice Department's National Security Division" is Brennan, "Assistant Attorney General of the ... Division"."""
    for cut in (m.start() for m in _BODY_AFTER.finditer(phrase)):
        words, body = phrase[:cut].split(), phrase[cut:].strip()
        for n in (3, 2):
            first = words[-n] if len(words) > n else ""
            if not first[:1].isupper() or first in _OFFICE_WORDS or ROLE_NOUNS.fullmatch(first) or len(first) < 3:
                continue  # "Director Craig X", "M. X", "Enforcement Raymond X": no name starts so
            name, title = " ".join(words[-n:]), clean_role(" ".join(words[:-n]))
            if is_name(name) and "'" not in name and title and ROLE_NOUNS.search(title):
                return ctx.speaking(name, f"{title} {body}")
    return None


_PHRASE_AFTER = re.compile(r"\s+([A-Z](?:[^,.;:\"()]|(?<=\s[A-Z])\.(?=\s[A-Z])){3,120}?)\s*(?:[,;:]|(?<!\s[A-Z])\.|$)")
"""The words after the verb up to the clause's end; a middle initial ("John K. Hurley") ends nothing."""


_ROLE_BEFORE_NAME = re.compile(
    r"(?:^|,\s*|\b[Tt]he\s+)(?P<role>(?:[A-Z][\w'.\-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,7}[A-Z]?[\w'.\-]*)$"
)
_LOWER_OFFICE = re.compile(
    r"(?:^|,\s*|\"\s+|\b[Tt]he\s+)(?P<role>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,2}(?:\s+\([A-Z]{2,8}\))?"
    r"(?:\s+[a-z][\w\-]*){1,4})$"
)
"""An office in lower case after the body it serves, perhaps with its initials: "Kataib Hezbollah (KH) military
spokesperson"."""


_BARE_OFFICE = re.compile(r"^(?P<role>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})$")
"""An office in lower case with nothing before it: "government spokesman Faraj al-Mabrouk"."""
_OWNED_OFFICE = re.compile(r"^(?:[Tt]he\s+)?[a-z]+(?:'s|s')\s+(?P<role>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)$")
"""An office in lower case of a body named before ("the group's military spokesman Yahya X"): the office."""


def _role_prefix(prefix: str) -> str | None:
    """A role written straight before a name: "Iranian Foreign Minister Mohammad Javad Zarif"."""
    m = _ROLE_BEFORE_NAME.search(prefix)
    if m and m["role"].strip() and clean_role(m["role"]):
        return clean_role(m["role"])
    m = _LOWER_OFFICE.search(prefix) or _BARE_OFFICE.search(prefix) or _OWNED_OFFICE.search(prefix)
    if m and ROLE_NOUNS.fullmatch(m["role"].split()[-1]):
        return clean_role(m["role"])
    m = _OFFICE_FOR.search(prefix)  # "spokesman for the Parliament's Security Committee"
    return clean_role(m["role"]) if m and ROLE_NOUNS.fullmatch(m["office"]) else None


_OFFICE_FOR = re.compile(r"(?:^|,\s*)(?P<role>(?P<office>[a-z][\w-]*)\s+(?:for|of|to)\s+(?:the\s+)?[A-Z][^,]*)$")
"""An office in lower case serving a body named before the holder: "spokesman for the Security Committee X"."""


# --- the words before a reporting verb ----------------------------------------------------------------------------

_SETTING = re.compile(
    r"^(?:(?:In|At|On|From|During|Earlier|Later|Meanwhile|Separately|Late|Early|Elsewhere|Regarding|Asked|As\s+for|"
    r"With\s+regard\s+to|According\s+to)\b|[A-Z][a-z]+ing\s+(?:to|on|upon|about|at|in|the|his|her|a|an)\b)[^,]{0,200}"
    r"(?:,\s+(?:19|20)\d\d)?,\s+"
    r"(?:(?:following|after|before|amid|despite|during|in|at|on|to|with)\b[^,]{0,200},\s+)*(?=\S)"
)
"""Where, when and on what, opening the sentence ("In Baghdad on Wednesday, ...", "On August 6, 2027, ...",
"Referring to the talks, ...", "Asked about the tanker, ..."): never the speaker."""
_WHO = re.compile(r",\s+(?:who|which)\s+(?P<clause>[^,]{3,160}),?\s*$")
"""A relative clause between a speaker and the verb ("Khazali, who is due in Tehran next week, said")."""
_BASED = re.compile(r"^(?:[A-Z][\w.]*'s\s+)?(?:[A-Z][\w'.]*[\s-]+)*?[A-Z][\w'.]*-(?:based|backed|aligned|allied)\s+")
"""Whose and where a body is, before its name ("Piraeus-based X", "Iraq's Iran-backed Kataib Hezbollah"): no part of
the name."""
_POSSESSIVE = re.compile(r"(?<=\w)'s$|(?<=s)'$")
"""The possessive ending a name as written ("President Donald Trump's exit"): no part of the name."""
_CARRIED = re.compile(r"\b(?:by|from|(?:spoke|talked|speaking|talking)\s+(?:to|with))\s+")
_RELATIVE_TAIL = re.compile(r",\s+(?:who|(?P<which>in\s+which\s+(?:he|she)))\s*$")
"""A relative pronoun just before the verb: "remarks by X, who said" is X speaking; "a letter from X, ..., in which
he condemned" is "he" speaking, whoever was named last."""
_OBJECT_RELATIVE = re.compile(
    r"\b(?:which|that|whom)\s+(?P<subject>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,4})\s*$"
)
"""A relative clause whose subject is the speaker: "the IRGC, which the U.S. claims is the patron of ..." has the U.S.
claiming, not the IRGC."""
_OWN_PAPER = re.compile(
    r"(?<=\w)['\u2019]s\s+(?:[a-z][\w-]*\s+){0,3}(?:statement|declaration|communiqu[eé]|advisory|notice|alert)\s*$"
)
"""A body's own paper as the subject of a reporting verb: the body says what its paper says."""
_ISSUED = re.compile(
    r"\s+(?:issued|released|published|put\s+out|posted)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:statement|declaration|communiqu[eé]|message|video|letter|warning)\b[^,;\"]{0,60},?\s*$"
)
"""What a speaker put out before the participle that reports it ("issued a declaration on behalf of the Union
stating")."""
_ASIDE = re.compile(
    r"(?:,\s+(?:speaking|writing|addressing|talking|appearing|responding|commenting|briefing|taking|asked|questioned|pressed|"
    r"reached|contacted|interviewed|"
    r"(?:supported|backed|funded|armed|led)\s+by|for\s+(?:his|her|its|their)\s+part|in\s+turn|however|meanwhile|though|"
    r"while|although|despite|after|before|unlike)\b[^,]*,?"
    r"|,\s+in\s+(?:an?|the|his|her|its|their)\s[^,]*,)\s*$"
)
"""An aside between the speaker and the verb ("Haddad, speaking alongside his guest, said", "X, asked about ...,
said", "Hezbollah, for its part, said", "The group, while not claiming the attack, claimed", "X, in a statement issued
on Tuesday, condemned", "X, reached by phone, told")."""
_SIC = re.compile(r"\s*\[sic\]", re.I)
_OPENING_CONJUNCTION = re.compile(
    r"^\s*(?:(?:But|And|Yet|Still|So|Meanwhile|Nevertheless|As)\s+(?=[A-Z])"
    r"|whereas,?\s+(?:on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},)\s+\d{4},?\s+)?)"
)
"""A conjunction opening the sentence ("But Kataib Hezbollah denied", a recital's "whereas on 17 March 2028 the
..."): it links to what came before, never part of a name."""
_SAID_LAST = re.compile(r"\s(?:said|says|told|\w+ed)$")
"""A reporting verb closing what reads as a role: "..., the spokesman stressed." attributes, it names no one."""
_OCCASION_BEFORE_VERB = re.compile(
    r"\s+(?:at|during|in)\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:opening|start|end|close|session|meeting|conference|ceremony|rally|funeral|summit|briefing|forum|sermon|"
    r"broadcast|address|speech|interview)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?"
    r"(?:\s+(?:aired|carried|broadcast|televised)\s+(?:by|on)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,4}?)?"
    r"(?:\s+on\s+\w+)?\s*$"
)
"""An occasion between the speaker and the verb, set without commas ("The Speaker X at the opening of the session
stressed", "X in a live broadcast aired by Y TV on Wednesday said"): never part of the speaker."""
_DAY_BEFORE_VERB = re.compile(rf"\s+{WHEN}(?:\s*\[[^\[\]\n]{{1,30}}\])?\s*$")
"""A day before the verb, with any date an editor set in brackets after it ("on Wednesday [9 December] urged")."""
_CLAUSE_OWNER_TAIL = re.compile(r"\s*\([A-Z]{2,8}\)|\s+(?:centre|center|agency|office|command)$")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
_DELEGATION = re.compile(r"(?<=[a-z])\s+\((?P<seat>[A-Z][^()]*(?:\([^()]*\)[^()]*)*)\)[\s,]*$")
_INNER_PARENS = re.compile(r"\s*\([^()]*\)")
_VERB_PARTS = re.compile(rf"(?:\s+(?:has|have|had)\b)?\s+{MANNER}$")
"""An auxiliary and adverbs the subject runs into before the verb ("The army has repeatedly")."""
_LAST_NAME = re.compile(rf"(?:^|[,;]\s+|\s)(?:[Tt]he\s+)?(?P<name>{NAME}(?:{_LEGAL_FORM})?|[A-Z](?:\.[A-Z])+\.)$")
"""The capitalised words closing a subject, with a company's legal form ("Kymata Tanker Management S.A."), or a
polity's dotted initials ("the U.S. claims")."""


@dataclass
class Subject:
    """The words before a reporting verb, cleaned of what is never the speaker (setting, rank, aside, day)."""

    cue: str
    head: str
    """The words before a relative clause ("Carvalho" of "Carvalho, who heads ..."), or all of them."""
    clause: str | None
    """The relative clause between speaker and verb, if any."""
    words: str
    """``head`` without a closing parenthesis or adverb: what most strategies read."""
    delegation: str | None = None
    """A parenthesis after the name giving whom the speaker speaks for or their office, as records of meetings
    write it: "Mr. Karimi-Nasab (Islamic Republic of Iran)", "Ms. Lindholm (Observer for the European Union)"."""
    honoured: bool = False
    """Whether an honorific went before a lone surname ("Mr. Karimi-Nasab"): a person, even if never named in full."""

    @cached_property
    def last_name(self) -> re.Match[str] | None:
        """The capitalised words that close the subject ("... Foreign Minister Dariush Kazemi")."""
        return _LAST_NAME.search(self.words)


_QUOTED_BY = re.compile(r"^.*?\bquot(?:es|ed|ing)\s+")
"""An outlet quoting the speaker ("Al-Mayadeen quotes X as saying"): the speaker follows it."""
_EARLIER_VERB = re.compile(
    rf"^(?P<subject>.+?)\s+(?:(?:has|have|had)\s+)?(?:{alternation(LEXICON.meeting_verbs)}|[a-z]{{3,}}ed)\b.*\band$"
)
"""A subject whose first verb was no speech ("X met officials in Beirut and expressed ...", "OFSI has published
guidance and reminded ..."): the speaker is the subject of that first verb."""


_QUOTE_CLOSED = re.compile(r'^\s*"[^\n]{12,}[,.!?]"\s+(?=[^"]+$)')
"""A quotation opening the sentence and closed before the speaker ('"... a British ship, "X," with missiles," the
spokesman posted'): whatever it quotes inside, the speaker comes after its closing mark."""
_QUOTATION = re.compile(r'"[^"]{12,}"')


_HONORIFIC_SURNAME = re.compile(rf"\b{COURTESY}\s+(?=[A-Z][\w'-]+(?![\w'-]|\s+[A-Z]))")
"""An honorific before a lone surname ("Mr Cleverly said"): the surname of someone named in full before."""


def _unranked(text: str) -> str:
    """``text`` without military ranks; a rank between an office and a name parts them as a comma would
    ("Commander of the IRGC Navy Rear Admiral X")."""

    def part(m: re.Match[str]) -> str:
        office = text[: m.start()].rsplit(",", 1)[-1]
        return ", " if office.strip() and ROLE_NOUNS.search(office) else ""

    return re.sub(r"\s+,", ",", RANK.sub(part, text))


def _subject(before: str, cue: str) -> Subject:
    """The words before the verb without what never names the speaker, and any relative clause set apart."""
    before = _QUOTED_BY.sub("", before) if cue.startswith("as ") else before  # "quoted X as saying / telling"
    if cue != "according to":  # '"...," according to X' names its source after the verb
        closed = _QUOTE_CLOSED.search(before)  # a quotation with quoted words inside: only what follows it speaks
        before = _QUOTATION.sub(" ", before[closed.end() :] if closed else before)  # '"...," he said
    earlier = _EARLIER_VERB.match(before.rstrip())
    if earlier:
        before = earlier["subject"]
    before = _SIC.sub("", before)  # "Daniel Witcomb [sic], said": the editor's mark, no part of the name
    before = _PARTY.sub("", before)  # "Sen. X (R-Idaho), the top Republican on ...,": the office is in apposition
    before = _AND_ITS_OWN.sub(" ", before)  # "The European Union and its Member States condemn": the Union speaks
    before = _REFLEXIVE.sub(" ", before)  # "Asanbekov himself denied": Asanbekov
    before = _KIND_AFTER_SHORT.sub(r"\1 ", before)  # "The United Kingdom Maritime Trade Operations (UKMTO) centre said"
    before = _ASIDE.sub("", _unranked(_SETTING.sub("", _OPENING_CONJUNCTION.sub("", before))))
    before = _ISSUED.sub(" ", before)  # "The ministry issued a statement saying": the ministry says
    before = _OWN_PAPER.sub(" ", before)  # "OFAC's most recent maritime advisory cautioned": OFAC cautions
    before = _BODY_PAPER.sub(r"\g<body> ", before) if _PAPER_WORD.search(before) else before  # "An EU statement"
    before = _DAY_BEFORE_VERB.sub("", _OCCASION_BEFORE_VERB.sub("", before))  # "Rostami on Thursday denied"
    before = untitled(_RANK_WORD.sub("", before))
    honoured = _HONORIFIC_SURNAME.search(before) is not None
    before = _HONORIFIC_SURNAME.sub("", before)  # "Mr Cleverly said": the surname of the person named before
    delegation = _DELEGATION.search(before)
    before = before[: delegation.start()] + " " if delegation else before
    governed = _OBJECT_RELATIVE.search(before)
    if governed:
        before = governed["subject"] + " "  # "the IRGC, which the U.S. claims is ...": the U.S. claims
    tail = _RELATIVE_TAIL.search(before)
    if tail:
        before = "he " if tail["which"] else before[: tail.start()] + " "
    who = _WHO.search(before)
    if who:
        before = _CLAUSE_OWNER_TAIL.sub("", before[: who.start()])
    words = _TRAILING_PARENS.sub(" ", before).rstrip(" ,")
    words = _TRAILING_PARENS.sub("", _VERB_PARTS.sub("", words + " ")).strip()  # "X (UKMTO) has advised"
    seat = _INNER_PARENS.sub("", delegation["seat"]).strip() if delegation else None
    return Subject(cue, before, who["clause"] if who else None, words, seat, honoured)


NOBODY = Person("")
"""A strategy's verdict that the subject names no speaker the rules can tell: stop looking."""
Strategy = Callable[[Subject, Context], Person | None]
"""Reads one way of writing a subject: the speaker, :data:`NOBODY`, or None when the pattern is not there."""


def case_parties(text: str) -> dict[str, str]:
    """The parties a court's case title names ("Case T-233/27 | Varlamov v Council"): whom "the applicant" and "the
    defendant" stand for in the judgment's report."""
    m = _CASE.search(text)
    if m is None:
        return {}
    first, second = m["first"], m["second"]
    return {"applicant": first, "appellant": first, "claimant": first, "defendant": second, "respondent": second}


_CASE = re.compile(
    r"\bCases?\s+[A-Z]?-?\d+/\d+[^\n]{0,40}?[|:,]\s+(?P<first>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s+v\.?\s+"
    r"(?P<second>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4})"
)
"""A case's number and title: "Case T-233/27 | Varlamov v Council", "Case C-12/28, Commission v Hungary"."""


def _defined_term(s: Subject, ctx: Context) -> Person | None:
    """ "The Company denies": the name a release defined the term for."""
    full = ctx.defined.get(ARTICLE.sub("", s.words.strip()))
    if not full:
        return None
    return ctx.find(full) or ctx.introduce(untitled(ctx.in_full(full) or full), None)  # "Mr Arkady Varlamov"


def _relative_clause(s: Subject, ctx: Context) -> Person | None:
    """ "Carvalho, who heads the French foreign ministry's department, hailed": the clause gives the office."""
    if s.clause is None:
        return None
    office = re.match(r"(?:heads|leads|chairs|directs)\s+(?P<org>.+)|is\s+(?:also\s+)?(?P<role>.+)", s.clause)
    role = clean_role(f"head of {office['org']}" if office and office["org"] else (office["role"] if office else ""))
    named = re.search(rf"(?P<name>{NAME})$", s.head)
    if not (named and is_name(named["name"])):
        return None
    if role:
        return ctx.speaking(named["name"], role)
    if ROLE_NOUNS.search(s.head):
        return None  # "Australian Minister for Foreign Affairs X, who joined by video link,": the office is before
    return ctx.find(named["name"]) or ctx.introduce(named["name"], None)


def _according_to(s: Subject, ctx: Context) -> Person | None:
    """ "According to him, ...": the pronoun; a source named after "according to" is read after the verb."""
    if s.cue != "according to":
        return None
    return (ctx.pronoun() if not s.words.strip() else None) or NOBODY


def _unnamed_source(s: Subject, ctx: Context) -> Person | None:
    """ "Lebanese sources close to Hezbollah claimed": an unnamed source, not Hezbollah."""
    unnamed = re.search(r"(?i)\bsources?\b", s.words) or (s.clause and _ANONYMOUS.search(s.clause))
    return NOBODY if unnamed else None


_ANONYMOUS = re.compile(r"(?i)\b(?:not\s+to\s+be\s+(?:named|identified)|condition\s+of\s+anonymity|anonymity)\b")


def _the_group(s: Subject, ctx: Context) -> Person | None:
    """ "The group said": the organisation named last."""
    if _THE_GROUP.search(s.words):
        return ctx.body or NOBODY
    carrier = _CARRIER_SUBJECT.search(s.words)
    if carrier:  # "The statement claimed": whoever issued it
        return ctx.last_speaker or ctx.previous_speaker or NOBODY
    body = _BODY_WORD.search(s.words)
    if body:  # "According to the ministry": the ministry named before
        return ctx.body_named(body[1]) or NOBODY
    if _COMPANY_WORD.search(s.words):  # "Corvina Marine Management rejected ... the company said": who just spoke
        last = ctx.last_speaker
        if last is None or last.role is not None or is_body(last) or len(last.name.split()) < 2:
            return NOBODY  # a court, a ministry or a person spoke last: "the company" is none of them
        ctx.it = last
        return last
    return None


_THE_GROUP = re.compile(
    r"(?<!\bfrom )(?<!\bin )(?<!\bwithin )(?<!\bat )\b[Tt]he (?:group|organi[sz]ation|movement|militia)$"
)
"""A body named by its kind as the subject; not what an office is held in ("X, a security official from the group")."""
_CARRIER_SUBJECT = re.compile(
    r"(?:^|,\s*)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er)\s+(?:statement|communiqu[eé]|letter|declaration)$"
)
_COMPANY_WORD = re.compile(r"(?:^|,\s*)[Tt]he\s+(?:company|firm|operator|manager|shipowner)$")
_BODY_WORD = re.compile(
    r"(?:^|,\s*)[Tt]he\s+(ministry|department|embassy|agency|council|committee|office|bank|commission)$"
)
"""A body named by its kind, opening the subject or after what it said ("..., the ministry said")."""


def _panel(s: Subject, ctx: Context) -> Person | None:
    """ "UN experts today called on ..." then "The experts said": a body's panel, named by the body, speaks as one;
    "the experts" is the panel named last. Experts named by no body, like officials and sources, stay unnamed."""
    m = _PANEL.search(s.words)
    if m is None:
        return None
    if m["org"]:
        return ctx.introduce(f"{m['org']} {m['noun']}", None)
    return ctx.body_named(m["noun"])


def is_panel(name: str) -> bool:
    """A body's panel ("UN experts"): a speaker, unlike experts or officials no body is named for."""
    m = _PANEL.fullmatch(name)
    return m is not None and m["org"] is not None


_PANEL = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?P<org>U\.?N\.?|United Nations|[A-Z]{2,6})\s+)?(?:[a-z][\w-]*\s+){0,3}"
    r"(?P<noun>experts|rapporteurs|investigators|inspectors)\*?$"
)


def _coordinated(s: Subject, ctx: Context) -> Person | None:
    """ "Kazemi denied ... and": the subject of the first verb, named, or described ("the top diplomat pointed to
    ... and described them as")."""
    if not re.search(r"\band$", s.words):
        return None
    verb = _FIRST_VERB.search(s.words)
    subject = s.words[: verb.start()] if verb else s.words  # not whom the first verb was done to
    first = ctx.first_in(subject)
    return first or (speaker(subject, s.cue, ctx) if verb else None) or NOBODY


_FIRST_VERB = re.compile(r"\s+[a-z]{3,}ed\b")


_ROLE_THEN_NAME = re.compile(
    rf"(?:^|,\s+|\"\s+|\band\s+)(?:[Tt]he\s+)?(?P<role>(?:[^,;()\"]|\([A-Z]{{2,8}}\)){{3,160}}?),\s+(?P<name>{NAME}),?$"
)
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:the\s+)?(?P<role>[^,;()]{{3,120}}?(?:,\s+[^,;()]{{2,40}}?\s+and\s+[^,;()]{{2,160}}?)?),?$"
)
"""A name, then its office, which may list places in one series ("for the Middle East, Asia and the Pacific")."""


def _apposed(pattern: re.Pattern[str], s: Subject, ctx: Context) -> Person | None:
    """A name and a role set off by commas, in the order ``pattern`` reads them; a name described as a body ("UKMTO,
    the British navy's maritime trade agency", "the tanker's manager, Lykavittos Tankers") speaks as itself."""
    m = pattern.search(s.words)
    name = _TITLE_BEFORE.sub("", m["name"]) if m else ""  # "Ambassador Ruan Zhiheng, China's Permanent ..."
    if m is None or not is_name(name) or country_of(name) or _NAMED_OFFICE.search(m["role"]):
        return None  # "Tehran, Iran's foreign ministry spokesman said": a dateline or a place, then the speaker
    if clean_role(m["role"]):
        return ctx.speaking(name, clean_role(m["role"]))
    return ctx.introduce(_BASED.sub("", name), None) if _BODY_HEAD.search(m["role"].strip()) else None


_TITLE_BEFORE = re.compile(rf"^{_TITLE}\s+(?=[A-Z])")
"""A title before a name that an office follows in apposition: the office says it better."""


_BODY_HEAD = re.compile(
    r"\b(?:agency|organi[sz]ation|group|body|authority|office|ministry|council|command|cent(?:re|er)|militia|"
    r"movement|company|firm|operator|manager|charity|(?:faction|group|militia)s)(?:\s+(?:of|for)\s+[^,]+)?$",
    re.I,
)
"""What a name is described as when it names a body, perhaps with whose it is ("the manager of the vessel")."""


def _role_then_name(s: Subject, ctx: Context) -> Person | None:
    """ "The Iranian foreign minister, Dariush Kazemi, said"."""
    return _apposed(_ROLE_THEN_NAME, s, ctx)


def _name_then_role(s: Subject, ctx: Context) -> Person | None:
    """ "Kazemi, the foreign minister, said"."""
    return _apposed(_NAME_THEN_ROLE, s, ctx)


_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|him|her)\s*$")
"""A pronoun closing the subject: "he said", or the quoted one of "the agency quoted him as saying"."""
_IT = re.compile(r"^(?:[Ii]t|[Tt]hey)$")


def _pronoun(s: Subject, ctx: Context) -> Person | None:
    """ "He said": the paragraph's speaker or the person it introduced last; "It said": the body that spoke last."""
    if _IT.match(s.words.strip()):
        return ctx.it or NOBODY
    return (ctx.pronoun() or NOBODY) if _PRONOUN.search(s.words) else None


def _role_run_into_name(s: Subject, ctx: Context) -> Person | None:
    """ "Iran's Foreign Minister Dariush Kazemi": the role's capitalised words ran into the name."""
    m = s.last_name
    if m is None or is_name(m["name"]):
        return None
    words = m["name"].split()
    office = (i for i, w in enumerate(words) if any(ROLE_NOUNS.fullmatch(part) for part in (w, *w.split("-"))))
    last_role = max(office, default=-1)  # "Secretary-General Ana Ferraz", "Vice-President X": a compound office too
    if 0 <= last_role < len(words) - 1:
        name = " ".join(words[last_role + 1 :])
        written = s.words.rsplit(name, 1)[0]  # the office may start before the words the name pattern took
        role = _role_prefix(written) or clean_role(s.words[m.start("name") :].rsplit(name, 1)[0])
        if role and is_name(name):
            return ctx.speaking(name, role)
    return None


_OFFICE = re.compile(
    r"(?:^|[,;]\s+|\s)(?P<org>(?:[Tt]he\s+)?"
    rf"(?:(?:[A-Z][\w'.\-]*\s+){{0,3}}(?:{_INSTITUTIONS}|(?:Mission|Panel)(?=\s+(?:of|on)\s))"
    r"|(?:[A-Z][\w'.\-]*\s+){1,3}(?:foreign|defen[cs]e|interior)\s+ministry)"
    r"(?:\s+(?:of|in|for|on)\s+(?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:and\s+)?[A-Z][\w'.\-]*){0,3}){0,3})$"
)
"""A body by its kind, with what it is of, for or on: "the Foreign Ministry of Iraq", "the Panel of Experts on
Yemen", "the Independent International Fact-Finding Mission on the Islamic Republic of Iran"; a report's own "the
Panel", with nothing after it, is its author's voice."""


def _office(s: Subject, ctx: Context) -> Person | None:
    """ "The Foreign Ministry of Iraq said": a body speaks."""
    org = _OFFICE.search(s.words)
    if org is None or re.search(r"\b(?:of|for)\s*$", s.words[: org.start("org")]):
        return None  # "Member of Parliament for X Name": the body is part of an office
    ctx.it = ctx.introduce(org["org"], None)  # what "It" refers to next
    return ctx.it


_DELEGATE = re.compile(
    r"(?:^|,\s+)(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<role>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:of|for|from)\s+"
    r"(?P<body>(?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:of\s+)?[A-Z][\w'.\-]*){0,4})$"
    r"|(?:^|,\s+)(?:[Tt]he\s+)?(?P<title>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+of\s+(?P<country>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})"
    r"\s+(?P<post>(?:to|at)\s+(?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:of\s+)?[A-Z][\w'.\-]*){0,4})$"
    r"|(?:^|,\s+)(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})'s\s+(?P<delegate>delegate|representative)$"
)


_PLACE_WORDS = r"(?:[Tt]he\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}"
_OFFICERS_OF_SEVERAL = re.compile(
    rf"(?:^|,\s+)(?P<group>(?:[Tt]he\s+)?(?P<office>(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*s)\s+of\s+"
    rf"(?P<places>{_PLACE_WORDS}(?:,\s+{_PLACE_WORDS})*,?\s+and\s+{_PLACE_WORDS}))$"
)
"""Officers of several countries speaking together: "the foreign ministers of Canada, Australia and the UK"."""


def _officers_of_several(s: Subject, ctx: Context) -> Person | None:
    """ "The foreign ministers of A, B and C condemned ...": the group speaks as written, for no one country."""
    m = _OFFICERS_OF_SEVERAL.search(s.words)
    if m is None or not ROLE_NOUNS.search(m["office"][:-1]):
        return None
    if not all(country_of(p) for p in _series(m["places"])):
        return None
    return ctx.speaking(m["group"], None)


def _series(text: str) -> list[str]:
    """The items of a series as written, without their articles: "A, the B and C" is A, B, C."""
    return [ARTICLE.sub("", p).strip() for p in _LIST_SPLIT.split(text)]


_STATES = re.compile(rf"^\s*(?P<list>(?:{_PLACE_WORDS},\s+){{0,6}}{_PLACE_WORDS},?\s+and\s+{_PLACE_WORDS})\s*$")
_LIST_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _states_together(s: Subject, ctx: Context) -> Person | None:
    """States speaking together, the whole subject ("Germany, the United Kingdom and France informed ..."), not
    those an office is of ("the foreign ministers of A, B and C"): the list as written."""
    m = _STATES.search(s.words)
    parts = _series(m["list"]) if m else []
    states = len(parts) > 1 and all(is_polity(p) or (country_of(p) and p not in LEXICON.cities) for p in parts)
    return Person(" ".join(m["list"].split())) if m and states else None


_GROUP_OFFICERS = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<group>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})\s+(?P<office>(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{alternation(LEXICON.plural_bodies)}))$"
)


def _officers_of_group(s: Subject, ctx: Context) -> Person | None:
    """ "G7 foreign ministers condemned", "EU leaders said": a grouping's office holders speak together, as written;
    "Iranian officials" are unnamed, and "Iraqi forces" no grouping."""
    m = _GROUP_OFFICERS.match(s.words)
    if m is None or not ROLE_NOUNS.fullmatch(m["office"].split()[-1][:-1]) or m["group"] in NATIONALITIES:
        return None
    known = ORGS.fullmatch(m["group"]) or actor(m["group"]) or re.fullmatch(r"[A-Z]+\d*|[A-Z]\d+", m["group"])
    return ctx.speaking(ARTICLE.sub("", s.words), None) if known else None


def _delegate(s: Subject, ctx: Context) -> Person | None:
    """ "The representative of France said", "the spokesman for Kataib Hezbollah said": no name is given, so the
    body or country the office serves speaks, with the office as its role."""
    found = delegated(s.words)
    if found and _INDEFINITE.match(s.words):
        return NOBODY  # "A senior commander of the IRGC says": one of its officers, unnamed
    return ctx.speaking(*found) if found else None


def delegated(words: str) -> tuple[str, str] | None:
    """The body or country and the office of a subject that names only a delegate: ("France", "representative")
    for "The representative of France", ("Israel", "delegate") for "Israel's delegate", ("Iran", "Permanent
    Representative to the Agency") for "The Permanent Representative of Iran to the Agency"."""
    m = _DELEGATE.search(words)
    if m is not None and m["owner"] and country_of(m["owner"]):
        return m["owner"], m["delegate"]
    if m is not None and m["post"] and country_of(m["country"]) and ROLE_NOUNS.search(m["title"]):
        return m["country"], f"{m['title']} {m['post']}"  # "The Permanent Representative of Iran to the Agency"
    if m is None or not m["role"] or not ROLE_NOUNS.search(m["role"]):
        return None
    body = ARTICLE.sub("", m["body"])
    if _named_after_body(body.split()) >= 0:
        return None  # "spokesman for the Security Committee Abolfazl Karimi": a person named after the body
    return (m["body"], m["role"]) if is_name(body) or country_of(body) else None


def _named_after_body(words: list[str]) -> int:
    """Where a body's name ends and a person's name of two words or more begins ("... Committee | Abolfazl
    Karimi-Shahroudi", "United Nations | Gholam-Ali X"), or -1."""
    cut = max((i for i, w in enumerate(words) if _INSTITUTION.fullmatch(w)), default=-1)
    return cut if 0 <= cut < len(words) - 2 else -1


_DESCRIBED = re.compile(
    rf"(?:^|[,;]\s+)(?P<org>(?:[Tt]he\s+)?{NAME}(?:\s+(?:in|of|for)\s+{NAME})?),\s+an?\s+(?P<desc>[^,]{{3,100}}),?$"
)


def _described_body(s: Subject, ctx: Context) -> Person | None:
    """ "The Islamic Resistance in Iraq, an umbrella framework of militias, claimed": a body and what it is."""
    m = _DESCRIBED.search(s.words)
    if m and not ROLE_NOUNS.search(m["desc"]) and m["org"].split()[0] not in NOT_NAMES - {"The"}:
        ctx.body = ctx.introduce(m["org"], None)
        return ctx.body
    return None


def _named(s: Subject, ctx: Context) -> Person | None:
    """A name closing the subject, with the role written before it if any; a lone unknown surname is nobody."""
    m = s.last_name
    if m is None:
        return None
    name = m["name"]
    prefix = s.words[: m.start("name")].strip()
    words = name.split()
    cut = _named_after_body(words)
    if cut >= 0:  # "... Policy Committee Abolfazl Karimi", "to the United Nations Gholam-Ali X"
        prefix, words = f"{prefix} {' '.join(words[: cut + 1])}".strip(), words[cut + 1 :]
        name = " ".join(words)
    office_of = re.search(r"\b(?:of|for|and)(?:\s+the)?$", prefix) and ROLE_NOUNS.search(prefix)
    alone = re.fullmatch(r"(?:[Tt]he\s+)?(?:[\w'-]+\s+){1,3}(?:of|for)(?:\s+the)?", prefix)
    if office_of and alone and _INSTITUTION.fullmatch(words[-1]):  # "The President of the Security Council": no name
        office = ARTICLE.sub("", f"{prefix} {name}")
        return ctx.introduce(f"the {office}", office)
    if office_of and len(words) > 1:
        # "Minister of State for Foreign Affairs Nasser al-Otaibi": the office ran on into the name.
        prefix += " " + words.pop(0)  # an office does not end in "of": "Secretary of Commerce X Y"
        while len(words) > 3 or (len(words) > 2 and (words[0] in _OFFICE_WORDS or country_of(words[0]))):
            prefix += " " + words.pop(0)  # "Member of Parliament for Basra Hussein al-Asadi", "envoy for Iraq X"
        name = " ".join(words)
    polity = is_polity(name) and not ARTICLE.sub("", prefix + " ").strip()  # "The EU condemns", not "diplomats in Iran"
    if not (is_name(name) or polity):
        return None  # "Iran" opens many sentences without naming anyone, but speaks when it is the whole subject
    if _OBJECT_OF.search(prefix) and (not ROLE_NOUNS.search(prefix) or _INDEFINITE.match(prefix)):
        return NOBODY  # "two former employees of Golden Dhow described", "A senior commander of the IRGC says"
    role = _role_prefix(prefix)
    if role is not None:
        return ctx.speaking(name, role)
    known = ctx.find(name)
    if known is not None:
        return known
    if len(name.split()) >= 2 or ORGS.fullmatch(name) or polity or _is_body(name, prefix):
        return ctx.introduce(name, None)  # "Kata'ib Hezbollah denied", "The EU condemns", "The IDF said"
    full = ctx.in_full(name) if not prefix else None
    if full is None and not prefix and (s.honoured or ctx.surname_only(name)):
        return ctx.introduce(name, None)  # "Mr. Karimi-Nasab said", "Mousavi noted": never named in full
    return ctx.introduce(full, None) if full else NOBODY  # "Lerner said", "Amos Lerner" in an older entry below


_NAMED_OFFICE = re.compile(rf"\b{_ROLE_NOUN}\s+{NAME}$")
"""An office with its holder's name run into it ("Foreign Ministry spokeswoman Yelena Arsenyeva"): no role in
apposition to what comes before it ("... at the Security Council, Foreign Ministry spokeswoman X said")."""


def _is_body(name: str, prefix: str) -> bool:
    """One word that names a body, not a surname: a known body ("the Pentagon") or initials as the whole subject ("The
    IDF", "UKMTO"), unless they are a news outlet's ("The BBC reported", "IRNA said")."""
    if name in LEXICON.bodies:
        return True
    alone = not prefix or ARTICLE.fullmatch(prefix + " ")
    return bool(alone) and _INITIALS.fullmatch(name) is not None and not outlet().search(name)


_INITIALS = re.compile(r"[A-Z]{2,8}")


def _outranked(role: str, mentioned: list[str]) -> bool:
    """Whether a role holds the mentioned office only as a subordinate one the mention does not name ("Assistant
    Secretary-General" for "the Secretary-General"; "Deputy Prime Minister and Minister of ..." still holds "the
    minister"): its holder is not the one meant."""
    words = role.lower().split()
    head = mentioned[-1] if mentioned else ""
    held = [i for i, w in enumerate(words) if w == head]
    ranks = LEXICON.subordinate_ranks - set(mentioned)
    return bool(held) and all(i > 0 and words[i - 1] in ranks for i in held)


_THE_ROLE = re.compile(r"(?:^|\s)[Tt]he\s+(?P<desc>(?:former\s+)?[A-Za-z][\w' -]{2,60})$")
_BARE_QUALIFIED = re.compile(r"(?P<desc>(?:[A-Z][\w'-]+\s+){1,4}[a-z][\w-]+)")
"""An agency lede's office with no article, the whole subject: "Foreign Ministry spokesman strongly condemned"."""


def _office_of_field(s: Subject, ctx: Context) -> Person | None:
    """ "The minister for the Middle East and North Africa said": its holder if the story introduced one, else the
    office itself; read before a name, since the field's capitals ("North Africa") name no one."""
    m = _THE_ROLE.search(s.words)
    fielded = _OFFICE_FOR_FIELD.fullmatch(m["desc"]) if m is not None else None
    if m is None or fielded is None or not ROLE_NOUNS.fullmatch(fielded["office"]):
        return None
    return ctx.by_role_word(m["desc"]) or ctx.introduce(f"the {m['desc']}", m["desc"])


def _by_role(s: Subject, ctx: Context) -> Person | None:
    """ "The minister said": the person last introduced with that office; an office written as a title that no one
    was introduced with ("the High Representative", "the Prime Minister") speaks as itself."""
    m = _THE_ROLE.search(s.words) or _BARE_QUALIFIED.fullmatch(s.words)
    if m is None or not ROLE_NOUNS.search(m["desc"]):
        return None
    found = ctx.by_role_word(m["desc"])
    if found is None and _TITLE_WORDS.fullmatch(m["desc"]):  # "As the Minister said": a title's holder, in any section
        title = m["desc"].lower().split()  # "the Prime Minister" is no Foreign Minister
        found = next(
            (
                p
                for p in reversed(ctx.people)
                if p.role and set(title) <= set(p.role.lower().split()) and not _outranked(p.role, title)
            ),
            None,
        )
    qualified = _QUALIFIED_OFFICE.fullmatch(m["desc"])  # "the Iranian Foreign Ministry spokesman"
    if found is None and (_TITLE_OFFICE.fullmatch(m["desc"]) or (qualified and ROLE_NOUNS.fullmatch(qualified[1]))):
        return ctx.introduce(f"the {m['desc']}", m["desc"])  # named by the office alone, as written
    return found


_TITLE_WORDS = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}")
"""An office written as a title ("Minister", "Foreign Minister"), not "Iraqi foreign minister"."""
_UNNAMED_OFFICE = re.compile(rf"^(?:[Tt]he|(?P<owner>{NAME})['’]s)\s+(?P<office>(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*)$")
"""An office no name goes with, in lower case: "the foreign minister", "Iran's defence minister"."""


def _holder_named_later(s: Subject, ctx: Context) -> Person | None:
    """ "Iran's foreign minister has warned ...", the holder named only further on ("the foreign minister, Kamran
    Sotoudeh, accused ..." or "Foreign Minister Kamran Sotoudeh said"): a news lede's office is that person."""
    m = _UNNAMED_OFFICE.match(s.words)
    start, end = ctx.ahead
    if m is None or not ROLE_NOUNS.fullmatch(m["office"].split()[-1]):
        return None
    office = r"\s+".join(re.escape(w) for w in m["office"].split())
    ahead = flat(ctx.text[start : max(end, start + _STORY_REACH)])  # read only when a lede names an office alone
    later = re.search(rf"(?i:\b{office}),\s+(?P<name>{NAME}),|(?i:\b{office})\s+(?P<titled>{NAME})\b", ahead)
    name = later and (later["name"] or later["titled"])
    if not name or not is_name(name) or country_of(name) is not None:
        return _office_alone(s.words, m["office"], ctx)
    return ctx.introduce(name, m["office"])


_STORY_REACH = 3000
"""How far on a story may name the holder of an office its lede gave alone: a short article's length."""


def _office_alone(words: str, office: str, ctx: Context) -> Person | None:
    """An office the story never names a holder for, as the speaker, where it is one post ("the foreign secretary",
    "Iran's defence minister"), not an unnamed source ("the senior official") or any holder ("the minister")."""
    kinds = office.split()
    if len(kinds) < 2 or kinds[-1] in LEXICON.unnamed_sources or kinds[0] in LEXICON.any_kind:
        return None
    return ctx.introduce(words, office)


_QUALIFIED_OFFICE = re.compile(r"(?:[A-Z][\w'-]+\s+){1,4}(?P<office>[a-z][\w-]+)")
"""An office in lower case that its capitalised words make one holder's: "IRGC commander", "Iranian president"."""
_OFFICE_FOR_FIELD = re.compile(
    r"(?P<office>[a-z]+)\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*){0,5}"
)
"""An office in lower case with the field it holds, in capitals: "the minister for the Middle East and North
Africa", one post."""
_TITLE_OFFICE = re.compile(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){1,3}|[A-Z]\w+-[A-Z]\w+")
"""An office written as a title: "the High Representative", "the Secretary-General"."""


def _known_actor(s: Subject, ctx: Context) -> Person | None:
    """ "The Islamic Republic of Iran categorically rejects": a state or body the lexicon knows, whole, by the name
    written."""
    name = ARTICLE.sub("", s.words)
    return ctx.introduce(name, None) if actor(name) is not None else None


STRATEGIES: tuple[Strategy, ...] = (
    _defined_term,
    _relative_clause,
    _according_to,
    _unnamed_source,
    _the_group,
    _panel,
    _coordinated,
    _states_together,
    _role_then_name,
    _name_then_role,
    _pronoun,
    _role_run_into_name,
    _officers_of_several,
    _officers_of_group,
    _delegate,
    _office,
    _described_body,
    _office_of_field,
    _named,
    _by_role,
    _holder_named_later,
    _known_actor,
)
"""How a subject can be written, tried in order: the first that recognises its pattern names the speaker."""


def turn_speaker(text: str, label: str) -> Person:
    """Who a transcript's turn label names ("MR. HALVORSEN"): the speaker's line in a list of participants ("Ms.
    Lucia Reyes, Senior Fellow, Center for ...", "ERIK HALVORSON, Minnesota, Chairman"), else the fullest mention of
    that surname in the text, with the office written before it ("Spokesperson Gregory Halvorsen"); a seat after the
    label ("Mr. Kessler (United States of America)") is the country they speak for, or their office."""
    seated = _SEAT.fullmatch(label)
    if seated is not None:
        return _seated(Person(*_turn_mention(text, seated["label"])), seated["seat"])
    return Person(*_turn_mention(text, label))


_SEAT = re.compile(r"(?P<label>[^()]+?)\s+\((?P<seat>[^()]+)\)")


def _by_initials(text: str, label: str) -> str | None:
    """The full name a label of two or three initials stands for ("GL" for Genevieve Lachance): the first name in
    the text whose words open with those letters, in order."""
    if not re.fullmatch(r"[A-Z]{2,3}", label):
        return None
    words = r"\s+".join(rf"{letter}[\w'\u2019-]+" for letter in label)
    return next((m[0] for m in re.finditer(rf"\b{words}\b", text) if is_name(m[0])), None)


@lru_cache(maxsize=64)
def _turn_mention(text: str, label: str) -> tuple[str, str | None]:
    """Read once per text and label: every paragraph of a turn asks again."""
    if label.startswith("the "):  # a letter's signers as one: "the senators"
        return label, None
    if label.lower() in LEXICON.answer_turns:  # "A: ...": whoever the interview is with
        return _interviewee(text) or (label, None)
    initialled = _by_initials(text, label)
    if initialled is not None:  # "GL: ...": the interviewee the standfirst names in full
        return _turn_mention(text, initialled)
    answered = next((m for m in BY_LINE.finditer(text) if m["label"] == label), None)
    if answered is not None:  # "Answered by X" over the office they answer in
        office = text[answered.end() :].lstrip().split("\n", 1)[0].strip()
        return label, clean_role(office)
    speech = next((m for m in SPEECH_TURN.finditer(text) if m["label"] == label and m["office"]), None)
    if speech is not None:  # "Name, Vice-President of the Commission. - ": the office the speech is given in
        return label, clean_role(speech["office"])
    written = r"\s+".join(re.escape(w) for w in label.split())
    posted = next((m for m in ATTRIBUTION.finditer(text) if m["name"] == label), None)
    if posted is not None:  # "Jane Doe: senior fellow at X and a former official": the post she writes in
        return label, clean_role(_FORMER.split(posted["office"], 1)[0])
    called = next((m for m in CALL_TURN.finditer(text) if m["name"] == label and not m["asks"]), None)
    if called is not None:  # "Jane Doe -- Chief Executive Officer" over her turn on a call
        return label, clean_role(called["office"])
    named = re.search(rf"(?m)^[*_]*{written},\s+(?P<name>[^:\n]{{3,60}}):", text)  # "Official Spokesperson, Shri X:"
    holder_name = RANK.sub("", untitled(named["name"])) if named is not None else ""
    if is_name(holder_name):
        return holder_name, label
    holder = re.search(rf"\b(?i:{written})\s+(?P<name>{NAME})", text) if is_role(label) else None
    name = holder["name"].split("\n", 1)[0].strip() if holder is not None else ""  # the name ends with its line
    if is_name(name):  # "Chief Cabinet Secretary:", whom the text names in full
        return name, label
    led = _OFFICE_LED.fullmatch(label) if not TURN_HONORIFIC.match(label) else None
    if led is not None and is_role(led["office"]):  # "Deputy Spokesperson Hollweg:": the office, then the name
        name, role = _turn_mention(text, led["surname"])
        return name, role or led["office"].strip()
    bare = TURN_HONORIFIC.sub("", label)
    full = len(bare.split()) > 1 and not bare.isupper() and is_name(bare)
    apposed = re.search(rf"\b{re.escape(bare)},\s+(?P<office>[^,\]\n]{{3,120}})", text) if full else None
    if apposed is not None and clean_role(apposed["office"]):  # a full name with its office: "[Speech by X, office]"
        return bare, clean_role(apposed["office"])
    tagline = re.search(rf"\b{re.escape(bare)}\s+is\s+(?P<office>[^.\n]{{3,120}})\.", text) if full else None
    if tagline is not None and clean_role(tagline["office"]):  # an op-ed's "X is the foreign minister of Y."
        return bare, clean_role(tagline["office"])
    surname = bare if full else bare.title()
    listed = re.search(
        rf"(?im)^[ \t]*(?:[-*\u2022][ \t]+)?(?:{_HONORIFIC}\s+)?"
        rf"(?P<name>(?:[A-Z][\w'-]+\s+){{0,2}}{re.escape(surname)}),(?P<parts>[^\n]+)$",
        text,
    )
    if listed is not None and is_name(listed["name"].title()):
        parts = listed["parts"].split(":", 1)[0]  # a broadcast turn's "NAME, OFFICE: ...": the office ends at its colon
        parts = _TRAILING_PARENS.sub("", from_capitals(parts) if parts.isupper() else parts)
        offices = (clean_role(part) for part in parts.split(","))
        return listed["name"].title(), next((office for office in offices if office), None)
    office = next((m for m in OFFICE_TURN.finditer(text) if m["label"] == label), None)
    if office is not None and is_name(office["label"]):  # "The Minister for the Middle East (Thomas Brereton):"
        return untitled(office["label"]), office["office"]
    given = rf"(?:[A-Z][\w'-]+|{'|'.join(PARTICLES)})"  # "Talal bin Hamad Al Busaidi", "Ammar Jawad al-Rubaie"
    before = "" if full else rf"(?:[A-Z][\w'-]+[ \t]+)(?:{given}[ \t]+){{0,3}}"  # a full name needs no given name
    mention = re.search(
        rf"(?:(?P<role>{_TITLE_RUN})\s+)?(?:{_HONORIFIC}\s+)?(?P<name>(?!By\s){before}(?i:{re.escape(surname)}))\b",
        text,
    )
    if mention is None or not is_name(mention["name"]):  # "Spokesperson Shen Jiahui": the family name first
        given_after = r"\s+[A-Z][a-z]+" if len(surname.split()) == 1 else ""  # a full name is read as it is
        mention = re.search(rf"(?P<role>{_TITLE_RUN})\s+(?P<name>{re.escape(surname)}{given_after})(?![\w-])", text)
    if mention is None or not is_name(mention["name"]):
        return surname, None
    role = mention["role"].split("\n")[-1] if mention["role"] else None  # the office on the name's own line
    after = _OFFICE_AFTER.match(text, mention.end()) if role is None else None
    role = after["office"] if after else role  # "Naomi Castellanos, our Deputy Assistant Secretary for ..., will"
    by = re.search(rf"\bby\s+(?P<office>[^\n]{{3,120}}?)\s+{re.escape(mention['name'])}\b", text) if not role else None
    role = by["office"] if by is not None and is_role(by["office"]) else role  # "Remarks by <office> <name> at"
    return untitled(mention["name"]), clean_role(role) if role else None


_OFFICE_LED = re.compile(r"(?P<office>(?:[A-Z][\w-]+\s+){1,4}?)(?P<surname>[A-Z][\w'-]+)")
_FORMER = re.compile(r",?\s+and\s+(?:a\s+|an\s+)?former\b")
"""Where a post's past ones begin: "senior fellow at X and a former Treasury official"."""
_OFFICE_AFTER = re.compile(r",\s+(?:(?:our|their|its|his|her)\s+)?(?P<office>[^,.;:\n]{3,120})(?:,|\.(?=\s|$))")
"""An office in apposition after a name, closed by a comma or the sentence's full stop."""


_HONORIFIC = rf"(?:{COURTESY}|Ambassador)"
_INTERVIEWED = re.compile(
    r"\s(?:spoke|talked)\s+(?:to|with)\b|\ssat\s+down\s+with\b|\s(?:was|were)\s+interviewed\b|\s(?:told|gave)\s+"
)
_FIRST_TURN = re.compile(rf"(?im)^[*_]*(?:{alternation(LEXICON.question_turns)})[*_]*(?::|\s+-\s)")


def _interviewee(text: str) -> tuple[str, str | None] | None:
    """Whom an interview is with: the subject of the last sentence of its introduction that says who spoke to the
    interviewer ("Iraq's national security adviser, X, ..., spoke to The Levant Ledger at his office")."""
    first = _FIRST_TURN.search(text)
    intro = text[: first.start()] if first else ""
    for m in reversed(list(_INTERVIEWED.finditer(intro))):
        opens = max(intro.rfind(". ", 0, m.start()) + 2, intro.rfind("\n", 0, m.start()) + 1)
        who = speaker(intro[opens : m.start()], "said", Context())
        if who is not None:
            return who.name, who.role
    briefed = _BRIEFED_BY.search(intro)  # "Statements made by the Spokesperson, Mr Bastien Lormeau"
    return (briefed["name"].split("\n")[0], briefed["office"]) if briefed is not None else None


_BRIEFED_BY = re.compile(
    rf"\bby\s+the\s+(?P<office>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}}),\s+(?:{_HONORIFIC}\.?\s+)?(?P<name>{NAME})"
)
"""Who answers a briefing's questions, as its header names them."""


def speaker(before: str, cue: str, ctx: Context) -> Person | None:
    """The speaker of a reporting verb from the words before it, or None."""
    before = _NAME_IN_CAPITALS.sub(lambda m: from_capitals(m[0]), before)
    subject = _subject(before, cue)
    for strategy in STRATEGIES:
        found = strategy(subject, ctx)
        if found is not None:
            return None if found is NOBODY or _place(found.name) else _seated(found, subject.delegation)
    return None


def _seated(person: Person, seat: str | None) -> Person:
    """The speaker with what a meeting record's parenthesis says of them: the country they speak for ("(China)"),
    or their office ("(Observer for the European Union)")."""
    if seat is None:
        return person
    country = country_of(ARTICLE.sub("", seat))
    if country:
        person.side = person.side or country
    elif ROLE_NOUNS.search(seat):
        person.role = person.role or seat
    return person


_NAME_IN_CAPITALS = re.compile(r"^[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){1,3}(?=,)")
"""A speaker's name set in capitals opening their paragraph, as UN meetings coverage writes it ("RAFAEL DUNMORE,
Deputy Director General ..., said")."""


def _place(name: str) -> bool:
    """A place or a facility, by its closing word ("Erbil International Airport", "Al-Kifah Street"): somewhere things
    happen, never someone who speaks."""
    return name.split()[-1] in LEXICON.place_nouns


# --- affiliation ----------------------------------------------------------------------------------------------------

_BODIES = LEXICON.bodies
_OWNER = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})'s\s")
_POSTED_IN = re.compile(r"\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$")
_OF_BODY = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)*)\s*$")
_AT_BODY = re.compile(
    r"\b(?:of|for|at)\s+the\s+(?:[a-z][\w'-]*\s+){0,3}(?P<org>(?:(?:al|el)-)?[A-Z][\w'\-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\-]*)*(?:\s+(?:movement|group|militia|party|front|brigades?))?)\s*$"
)
"""The organisation closing a role: "professor at the University of Basra", "director of the rights group X"."""


_TRAILING_TITLE = re.compile(rf"\s+{_TITLE}$")
_BODY_TITLE = re.compile(rf"(?P<body>(?:[A-Z][\w'-]*\s+)+of\s+(?:the\s+)?[A-Z][\w'-]*)\s+{_TITLE}")
"""A body of a country and its officer's title after it, in title case: "Central Bank of Iraq Governor"."""


def _portfolio(words: str) -> bool:
    """An office's field, not a body it serves: "Public Safety", "the Middle East"."""
    return all(w in _OFFICE_WORDS for w in words.split())


def publisher_side(publisher: str | None, *, issuer: bool) -> str | None:
    """Whom a document's own speakers speak for, read from its publisher: a release's issuer (its affiliation, or the
    one country its name holds: "Global Affairs Canada"), or an institution publishing a transcript ("U.S.
    Department of State", "UK Parliament"); None for a publisher that is neither."""
    if not publisher or not (issuer or _INSTITUTION.search(publisher)):
        return None
    places = {country_of(w) for w in re.findall(r"[A-Z][\w'-]+", publisher)} - {None} if issuer else set()
    return affiliation(publisher) or (places.pop() if len(places) == 1 else None)


_STATE_OFFICE = re.compile(r"\b(?:[Mm]inist(?:ry|er)|[Gg]overnment|President|[Pp]arliament\w*|Cabinet|[Jj]udiciary)\b")
"""An office of a state's government, whose country a report may leave to where it places the holder."""
_IN_CAPITAL = re.compile(rf"\b(?:[Ii]n|[Ff]rom)\s+({alternation(LEXICON.capital_cities)})\b")


def seat_side(role: str | None, told: str, place: str | None) -> str | None:
    """The state a government's officer named without one speaks for, by the capital the telling places them in
    ("Foreign Ministry spokesman X told a news conference in Tehran", "In Tripoli, government spokesman X said"),
    else by the capital of the story's dateline; a city no capital ("DUBAI") places no one."""
    if not role or not _STATE_OFFICE.search(role):
        return None
    here = _IN_CAPITAL.search(told)
    city = here[1] if here else (place or "").title()
    return country_of(city) if city in LEXICON.capital_cities else None


def affiliation(role: str | None) -> str | None:
    """Organisation or country a role (or a speaking body's name) belongs to, when it names one."""
    if not role:
        return None
    posted = _POSTED_IN.search(role)  # "the Embassy of the Islamic Republic of Iran in London": Iran's, not London's
    served = affiliation(role[: posted.start()]) if posted else None
    if served:
        return served
    org = ORGS.search(role)
    if org:
        return "Houthis" if org[1] == "Houthi" else org[1]
    country = nationality(role)
    if country:
        return country
    owner = _OWNER.match(role)  # "Iran's Foreign Minister"
    if owner and actor(owner[1]):
        return re.sub(r"^the ", "", actor(owner[1]) or "")  # "Iran's representative to the UN" speaks for Iran
    body = next((owner for body, owner in _BODIES.items() if re.search(rf"\b{body}\b", role)), None)
    if body:
        return body
    if owner:
        return owner[1]
    at = _AT_BODY.search(role)
    if at and not any(country_of(w) for w in at["org"].split()) and not _portfolio(at["org"]):
        return at["org"]
    titled = _BODY_TITLE.fullmatch(role)
    if titled and country_of(titled["body"].split()[-1]):  # "Central Bank of Iraq Governor": the bank's
        return titled["body"]
    m = _OF_BODY.search(_TRAILING_TITLE.sub("", role))  # "... of Iraq Spokesman": of Iraq
    if m and not _portfolio(m[1]):
        return country_of(m[1].split()[-1]) or m[1]  # "Ministry of Foreign Affairs of the Republic of Iraq"
    places = [country_of(w) for w in re.findall(r"[A-Z][\w'-]+", role) if country_of(w)]
    return places[0] if places and ROLE_NOUNS.search(role) else None  # "Member of Parliament for Basra"
