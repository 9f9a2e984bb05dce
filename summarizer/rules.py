"""The deterministic backend: fills the whole contract from the document model without any model.

It is the baseline every LLM backend must beat and the scaffold the LLM backend builds on: it finds
*where* statements and sanctions are (cue verbs, appositions, authorities), and the model only answers
narrow questions about spans it found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import dates
from .ground import ACTOR_MENTIONS, actor
from .models import Evidence, OverviewPoint, Sanction, Statement, Target
from .segment import Document, Paragraph, Sentence

# Reporting cues, longest first so "harshly condemned" wins over "condemned".
CUES: dict[str, str] = {
    "threatened": "threaten",
    "vowed": "threaten",
    "warned": "threaten",
    "cautioned": "threaten",
    "condemned": "accuse_condemn",
    "accused": "accuse_condemn",
    "denounced": "accuse_condemn",
    "slammed": "accuse_condemn",
    "criticized": "accuse_condemn",
    "criticised": "accuse_condemn",
    "labeled": "accuse_condemn",
    "labelled": "accuse_condemn",
    "blamed": "accuse_condemn",
    "demanded": "demand_appeal",
    "called on": "demand_appeal",
    "called for": "demand_appeal",
    "urged": "demand_appeal",
    "appealed": "demand_appeal",
    "calls on": "demand_appeal",
    "denied": "reject_deny",
    "rejected": "reject_deny",
    "dismissed": "reject_deny",
    "mocked": "reject_deny",
    "praised": "praise_support",
    "welcomed": "praise_support",
    "lauded": "praise_support",
    "hailed": "praise_support",
    "congratulated": "praise_support",
    "expressed support": "praise_support",
    "commended": "praise_support",
    "expressed hope": "intent_to_cooperate",
    "expressed readiness": "intent_to_cooperate",
    "pledged": "intent_to_cooperate",
    "offered": "intent_to_cooperate",
    "claimed responsibility": "claim_responsibility",
    "stated": "assessment",
    "said": "assessment",
    "claimed": "assessment",
    "boasted": "assessment",
    "asserted": "assessment",
    "wrote": "assessment",
    "posted": "assessment",
    "remarked": "assessment",
    "stressed": "assessment",
    "emphasized": "assessment",
    "emphasised": "assessment",
    "added": "assessment",
    "noted": "assessment",
    "told": "assessment",
    "declared": "assessment",
    "argued": "assessment",
    "insisted": "assessment",
    "signalled": "assessment",
    "clarified": "assessment",
    "maintained": "assessment",
    "pointed out": "assessment",
    "responded": "assessment",
    "expressed concern": "assessment",
    "signaled": "assessment",
    "went on to say": "assessment",
    "explained": "assessment",
    "affirmed": "assessment",
    "reiterated": "assessment",
    "tweeted": "assessment",
    "announced": "neutral",
    "according to": "assessment",
}
CUE_RE = re.compile(
    r"\b(?:(?:also|further|later|then|again|harshly|strongly|sharply|publicly|explicitly)\s+)*"
    r"(?P<cue>"
    + "|".join(sorted((re.escape(c) for c in CUES), key=len, reverse=True))
    + r"|According to(?=\s+(?:him|her|them|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,)))\b"
)
_WORD = r"[A-Z][\w'\-]*[\w]"
_PARTICLE = r"(?:al|a|el|ad|as|ash|bin|ibn|abu|Abu|Abd|abd|de|van|von|bint)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}[\-\s])?{_WORD}){{0,4}}"
ROLE_NOUNS = re.compile(
    r"(?i)\b(?:commander|minister|spokes(?:man|woman|person)|speaker|chief|head|secretary|advis[eo]r|ambassador|"
    r"president|leader|director|governor|official|chairman|chair|member|deputy|attach[eé]|designate|"
    r"representative|envoy|general|cleric|founder|coordinator|lawmaker|mp|mayor|premier|king|emir|prince|"
    r"judge|prosecutor|analyst|researcher|editor|officer|negotiator|diplomat|chancellor|senator)\b"
)
_NOT_NAMES = {
    "The",
    "In",
    "According",
    "On",
    "At",
    "Prior",
    "Following",
    "However",
    "Against",
    "He",
    "She",
    "They",
    "It",
    "This",
    "These",
    "That",
    "Iran",
    "Iranian",
    "Iraq",
    "Iraqi",
    "American",
    "Arab",
    "Syrian",
    "Also",
    "Accompanying",
    "Meanwhile",
    "Earlier",
    "Later",
    "Speaking",
    "Asked",
    "During",
    "After",
    "Before",
}
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s*$")
_LEAD_IN = re.compile(r"^(?:[^,]*\b(?:in|on|at|during|speaking|asked)\b[^,]*,\s*)+", re.I)
_OBJECT = re.compile(
    r"^\s*(?P<obj>(?:the\s+)?(?:[A-Z][\w.'\-]*|international|leaders?|government|people|Iraqi|American)"
    r"(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w.'\-]*|\s+community|\s+states|\s+people|\s+government|"
    r"\s+(?:navies|forces|countries|nations|governments|leaders|militias|factions|partners|neighbou?rs|allies))*)"
)
_NATIONALITIES = {
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Syrian": "Syria",
    "Lebanese": "Lebanon",
    "Israeli": "Israel",
    "American": "United States",
    "U.S.": "United States",
    "Russian": "Russia",
    "Saudi": "Saudi Arabia",
    "Yemeni": "Yemen",
    "Turkish": "Turkey",
    "British": "United Kingdom",
    "Emirati": "United Arab Emirates",
    "Jordanian": "Jordan",
    "French": "France",
    "German": "Germany",
    "Japanese": "Japan",
    "Chinese": "China",
    "Qatari": "Qatar",
    "Omani": "Oman",
    "Egyptian": "Egypt",
    "Palestinian": "Palestinian Territories",
}
_ORGS = re.compile(
    r"\b(IRGC|Qods Force|Quds Force|Hamas|Hezbollah|Hizballah|Islamic Jihad|Kata(?:'i|e|i)b\s+H[ei]zb[ao]llah|"
    r"Houthis|Houthi|Ansar Allah|Majlis|Expediency Council|Popular Mobilization Units|PMU|Zenki Movement|"
    r"European Union|United Nations|IAEA)\b"
)


@dataclass
class Person:
    name: str
    role: str | None = None


@dataclass
class _Context:
    """What the paragraph has introduced so far: the people a pronoun or surname can point back to."""

    people: list[Person] = field(default_factory=list)
    last_speaker: Person | None = None
    previous_speaker: Person | None = None
    mentioned: list[Person] = field(default_factory=list)
    body: Person | None = None
    """The organisation named last ("the Iraqi militia X", "a group calling itself X"): what "the group" means."""

    def new_paragraph(self) -> None:
        self.previous_speaker = self.last_speaker or self.previous_speaker
        self.last_speaker = None
        self.mentioned = []

    def pronoun(self) -> Person | None:
        """He/she: this paragraph's speaker, else the person it introduced last, else the previous speaker."""
        return self.last_speaker or (self.mentioned[-1] if self.mentioned else None) or self.previous_speaker

    def first_in(self, text: str) -> Person | None:
        """The person named earliest in ``text``: the subject of a coordinated verb."""
        spots = [(text.find(p.name.split()[-1]), p) for p in self.people if p.name.split()[-1] in text]
        return min(spots, key=lambda spot: spot[0])[1] if spots else None

    def introduce(self, name: str, role: str | None) -> Person:
        name = _RANK_WORD.sub("", name)
        found = self.find(name)
        if found is None:
            found = Person(name, role)
            self.people.append(found)
        elif role and not found.role:
            found.role = role
        if len(name.split()) > len(found.name.split()):
            found.name = name
        self.mentioned.append(found)
        return found

    def find(self, name: str) -> Person | None:
        last = name.split()[-1].lower()
        for person in reversed(self.people):
            if name.lower() in person.name.lower() or person.name.lower().split()[-1] == last:
                return person
        return None

    def by_role_word(self, words: str) -> Person | None:
        head = words.split()[-1].lower()
        for person in reversed(self.people):
            if person.role and head in person.role.lower():
                return person
        return None


def extract(doc: Document) -> tuple[list[OverviewPoint], list[Statement], list[Sanction]]:
    """Every overview point, statement and sanctions action the rules can see."""
    overview = [
        OverviewPoint(text=p.text, evidence=Evidence(start=p.start, end=p.end, text=p.text)) for p in doc.overview
    ]
    statements: list[Statement] = []
    sanctions: list[Sanction] = []
    for section in doc.sections:
        ctx = _Context()  # a section's paragraphs tell one story: names and pronouns carry across them
        for para in section.paragraphs:
            ctx.new_paragraph()
            for sent in para.sentences:
                sanction = find_sanction(doc, para, sent)
                found = find_statements(doc, para, sent, ctx)
                if sanction is not None:
                    sanctions.append(sanction)
                    found = [s for s in found if s.cue != "announced"]  # the announcement is the sanctions record
                statements.extend(found)
    _complete_sanctions(doc, sanctions)
    return overview, statements, sanctions


def _introductions(text: str, ctx: _Context) -> None:
    """Register "ROLE, NAME," and "NAME, the ROLE," appositions and "Foreign Minister NAME" so later pronouns and
    surnames resolve."""
    text = _RANK.sub("", text)
    for m in re.finditer(
        rf"\b(?:militia|group|organi[sz]ation|movement)\s+(?:calling itself\s+)?(?P<name>{NAME})", text
    ):
        if _is_name(m["name"]):
            ctx.body = ctx.introduce(m["name"], None)
    for m in re.finditer(
        rf"(?:^|[,;]\s+|\band\s+)(?:[Tt]he\s+)?(?P<role>[^,;()]{{3,160}}?),\s+(?P<name>{NAME}),", text
    ):
        role = _clean_role(m["role"])
        if role and _is_name(m["name"]):
            ctx.introduce(m["name"], role)
    for m in re.finditer(rf"(?P<name>{NAME}),\s+(?:the|a|an)\s+(?P<role>[^,;()]{{3,120}}?),", text):
        role = _clean_role(m["role"])
        if role and _is_name(m["name"]):
            ctx.introduce(m["name"], role)
    for m in re.finditer(rf"(?:^|,\s+)(?P<name>{NAME}),\s+the\s+(?P<role>[^,;()]{{3,120}}?)[,.]", text):
        role = _clean_role(m["role"])
        if role and _is_name(m["name"]):
            ctx.introduce(m["name"], role)
    for m in re.finditer(rf"(?P<role>(?:[A-Z][\w'.\-]*\s+){{0,4}}{_TITLE})\s+(?P<name>{NAME})", text):
        if _is_name(m["name"]) and len(m["name"].split()) >= 2 and ctx.find(m["name"]) is None:
            ctx.introduce(m["name"], _clean_role(m["role"]))


def _clean_role(text: str) -> str | None:
    text = _LEAD_IN.sub("", text.strip())
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I).strip()
    if not text or not ROLE_NOUNS.search(text) or len(text.split()) > 18:
        return None
    return text


_CALENDAR = {w.title() for w in dates.WEEKDAYS} | {m.title() for m in dates.MONTHS if len(m) > 3 or m == "may"}


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0] not in _NOT_NAMES and not ROLE_NOUNS.search(text) and not _CALENDAR & set(words)


def find_statements(doc: Document, para: Paragraph, sent: Sentence, ctx: _Context) -> list[Statement]:
    """Statements reported in one sentence, speakers resolved through the paragraph context."""
    _introductions(sent.text, ctx)
    found: list[tuple[re.Match[str], Person]] = []
    for m in CUE_RE.finditer(sent.text):
        if m["cue"] == "added" and _COUNT.match(sent.text[m.end() :].lstrip()):
            continue  # "added three targets to its sanctions list": a sanctions action, not speech
        before = sent.text[: m.start()]
        coordinated = bool(re.search(r"\band\s*$", before)) and not (
            found and re.search(r"\bthat\b", sent.text[found[-1][0].end() : m.start()])
        )
        if found and not coordinated:
            continue  # a later cue restates the first ("threatened..., stating that") unless coordinated
        speaker = found[0][1] if found else _speaker(before, m["cue"].lower(), ctx)
        named = re.match(r"\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),", sent.text[m.end() :])
        if m["cue"] == "According to" and named:  # "According to Caldwell, a patrol aircraft tracked the tanker"
            speaker = ctx.find(named[1]) or ctx.introduce(named[1], None)
        if speaker is None and not found and re.fullmatch(r'\s*".+"\s*,?\s*', before):
            speaker = _named_after(sent.text[m.end() :], ctx)  # '"...," said Marcus Delaney, director of OFAC'
        if speaker is not None:
            if speaker.role is None and _ORGS.fullmatch(speaker.name):
                ctx.body = speaker  # "Kata'ib Hezbollah denied ... In the same statement the group signalled"
            found.append((m, speaker))
            ctx.last_speaker = speaker
    out: list[Statement] = []
    for i, (m, speaker) in enumerate(found):
        stop = found[i + 1][0].start() if i + 1 < len(found) else len(sent.text)
        content = content_after(re.sub(r"\s+and\s*$", "", sent.text[m.end() : stop]), m["cue"].lower())
        quoted = re.match(r'\s*(".+?),?"\s*,?', sent.text[: m.start()])
        if quoted and i == 0:  # '"We will not negotiate," Kazemi told reporters': the quote is the content
            content = quoted[1].rstrip(",") + '"'
            rest = re.match(r'[^"]{0,80}?,\s*(".+")\s*\.?$', sent.text[m.end() :])
            if rest and quoted[0].rstrip().endswith(',"'):  # '"A," he said, "B."': one quote, split by its attribution
                content = f'{quoted[1]}," {rest[1]}'
        if len(content.split()) >= (2 if m["cue"].lower() == "claimed responsibility" else 3):  # "for the attack"
            out.append(statement(doc, para, sent, speaker, m["cue"].lower(), content, m.end()))
    return out


def _named_after(after: str, ctx: _Context) -> Person | None:
    m = re.match(rf"\s+(?P<name>{NAME})(?:,\s+(?:the\s+)?(?P<role>[^,.]{{3,120}}))?", after)
    if m is None or not _is_name(m["name"]):
        return None
    return ctx.introduce(m["name"], _clean_role(m["role"] or ""))


_RANK = re.compile(
    r"(?<!Secretary )(?<!Secretary-)(?<!Attorney )(?<!Consul )"
    r"\b(?:(?:Brigadier|Major|Lieutenant|Rear|Vice)[\s-]+)?(?:General|Admiral|Colonel|Commodore)\s+(?=[A-Z])"
)
"""A military rank before a name ("Brigadier General Davoud Tabrizi"): part of neither the name nor the office."""
_SETTING = re.compile(r"^(?:In|At|On|From|During|Earlier|Later|Meanwhile|Separately|Late|Early)\b[^,]{0,60},\s+(?=\S)")
"""Where and when, opening the sentence ("In Baghdad on Wednesday, ..."): never the speaker."""
_RANK_WORD = re.compile(
    r"(?:(?<=,\s)|(?<=^))(?:Commander|Captain|Major|Lieutenant|Colonel|Sergeant)\s+(?=[A-Z][\w'-]+\s+[A-Z])"
)
"""A rank opening an apposition or a name ("..., Commander Erin Caldwell,"): not part of the name, not the role."""
_WHO = re.compile(r",\s+(?:who|which)\s+(?P<clause>[^,]{3,160}),?\s*$")
"""A relative clause between a speaker and the verb ("Khazali, who is due in Tehran next week, said")."""
_ASIDE = re.compile(r",\s+(?:speaking|writing|addressing|talking|appearing|responding|commenting)\b[^,]*,?\s*$")
"""An aside between the speaker and the verb ("Haddad, speaking alongside his guest, said")."""


def _speaker(before: str, cue: str, ctx: _Context) -> Person | None:
    before = _ASIDE.sub("", _RANK.sub("", _SETTING.sub("", before)))
    before = re.sub(rf"\s+{_WHEN}\s*$", "", before)  # "Rostami on Thursday denied"
    before = _RANK_WORD.sub("", before)
    who = _WHO.search(before)
    if who:  # "Carvalho, who heads the French foreign ministry's department, hailed"
        before = re.sub(r"\s*\([A-Z]{2,8}\)|\s+(?:centre|center|agency|office|command)$", "", before[: who.start()])
        office = re.match(r"(?:heads|leads|chairs|directs)\s+(?P<org>.+)|is\s+(?:also\s+)?(?P<role>.+)", who["clause"])
        role = _clean_role(
            f"head of {office['org']}" if office and office["org"] else (office["role"] if office else "")
        )
        named = re.search(rf"(?P<name>{NAME})$", before)
        if named and _is_name(named["name"]):
            return (
                ctx.introduce(named["name"], role)
                if role
                else (ctx.find(named["name"]) or ctx.introduce(named["name"], None))
            )
    before = re.sub(r"\s*\([^()]*\)\s*$", " ", before).rstrip(" ,")
    before = re.sub(r"\b(?:also|further|later|then|again|harshly|strongly|sharply|publicly)\s*$", "", before).rstrip()
    if cue == "according to":
        return ctx.pronoun() if not before.strip() else None
    if re.search(r"(?i)\bsources?\b", before):
        return None  # "Lebanese sources close to Hezbollah claimed": an unnamed source, not Hezbollah
    if re.search(r"\b[Tt]he (?:group|organi[sz]ation|movement|militia)$", before):
        return ctx.body
    if re.search(r"\band$", before):
        return ctx.first_in(before)
    m = re.search(
        rf"(?:^|,\s+|\"\s+|\band\s+)(?:[Tt]he\s+)?(?P<role>[^,;()\"]{{3,160}}?),\s+(?P<name>{NAME}),?$", before
    )
    if m and _is_name(m["name"]) and _clean_role(m["role"]):
        return ctx.introduce(m["name"], _clean_role(m["role"]))
    m = re.search(rf"(?P<name>{NAME}),\s+(?:the\s+)?(?P<role>[^,;()]{{3,120}}?),?$", before)
    if m and _is_name(m["name"]) and _clean_role(m["role"]):
        return ctx.introduce(m["name"], _clean_role(m["role"]))
    if _PRONOUN.search(before):
        return ctx.pronoun()
    m = re.search(rf"(?:^|[,;]\s+|\s)(?:[Tt]he\s+)?(?P<name>{NAME})$", before)
    if m and not _is_name(m["name"]):
        # "Iran's Foreign Minister Dariush Kazemi": the role's capitalised words ran into the name.
        words = m["name"].split()
        last_role = max((i for i, w in enumerate(words) if ROLE_NOUNS.fullmatch(w)), default=-1)
        if 0 <= last_role < len(words) - 1:
            role = _clean_role(before[m.start("name") :].rsplit(" ".join(words[last_role + 1 :]), 1)[0])
            name = " ".join(words[last_role + 1 :])
            if role and _is_name(name):
                return ctx.introduce(name, role)
    org = re.search(rf"(?:^|[,;]\s+|\s)(?P<org>(?:[Tt]he\s+)?{_ORG_SUBJECT})$", before)
    if org:
        return ctx.introduce(org["org"], None)
    described = re.search(  # "The Islamic Resistance in Iraq, an umbrella framework of militias, claimed"
        rf"(?:^|[,;]\s+)(?P<org>(?:[Tt]he\s+)?{NAME}(?:\s+(?:in|of|for)\s+{NAME})?),\s+an?\s+(?P<desc>[^,]{{3,100}}),?$",
        before,
    )
    if (
        described
        and not ROLE_NOUNS.search(described["desc"])
        and described["org"].split()[0] not in _NOT_NAMES - {"The"}
    ):
        ctx.body = ctx.introduce(described["org"], None)
        return ctx.body
    if m and _is_name(m["name"]):
        name = m["name"]
        prefix = before[: m.start("name")].strip()
        words = name.split()
        if re.search(r"\b(?:of|for|and)$", prefix) and ROLE_NOUNS.search(prefix):
            # "Minister of State for Foreign Affairs Nasser al-Otaibi": the office ran on into the name.
            while len(words) > 2 and words[0] in _OFFICE_WORDS:
                prefix += " " + words.pop(0)
            name = " ".join(words)
        role = _role_prefix(prefix)
        if role is not None:
            return ctx.introduce(name, role)
        known = ctx.find(name)
        if known is not None:
            return known
        if len(name.split()) >= 2 or _ORGS.fullmatch(name):
            return ctx.introduce(name, None)
        return None
    m = re.search(r"\b[Tt]he\s+(?P<desc>(?:former\s+)?[a-z][\w' -]{2,60})$", before)
    if m and ROLE_NOUNS.search(m["desc"]):
        return ctx.by_role_word(m["desc"])
    return None


_ORG_SUBJECT = (
    r"(?:[A-Z][\w'.\-]*\s+){0,3}(?:Ministry|Embassy|embassy|Council|Department|Office|Government|government|"
    r"Agency|Foreign Ministry|Commission|Parliament|Cabinet|Presidency)"
    r"(?:\s+(?:of|in|for)\s+(?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:and\s+)?[A-Z][\w'.\-]*){0,3})?"
)


_TITLE = r"(?:Minister|Spokes(?:man|woman|person)|Commander|President|Ambassador|Envoy|Secretary|Speaker|Governor)"
_OFFICE_WORDS = {
    "Foreign",
    "Affairs",
    "Defense",
    "Defence",
    "Interior",
    "State",
    "Security",
    "National",
    "Economy",
    "Finance",
    "Oil",
    "Intelligence",
    "Justice",
    "Health",
    "Trade",
    "Energy",
    "Electricity",
    "Culture",
    "Guidance",
    "Islamic",
    "Information",
    "Communications",
    "Development",
    "Planning",
    "Education",
    "Industry",
    "Commerce",
    "Labor",
    "Transport",
    "Strategic",
    "Religious",
    "Endowments",
    "Political",
    "Military",
    "Economic",
    "Public",
    "Diplomacy",
}
"""Capitalised words of an office ("Foreign Affairs"), not of a person's name."""


def _role_prefix(prefix: str) -> str | None:
    """A role written straight before a name: "Iranian Foreign Minister Mohammad Javad Zarif"."""
    m = re.search(
        r"(?:^|,\s*|\b[Tt]he\s+)(?P<role>(?:[A-Z][\w'.\-]*\s+(?:(?:of|for)\s+)?){0,7}[A-Z]?[\w'.\-]*)$", prefix
    )
    if m and m["role"].strip() and _clean_role(m["role"]):
        return _clean_role(m["role"])
    # "Hezbollah's deputy secretary general", "Iraqi government spokesman": an office in lower case
    m = re.search(
        r"(?:^|,\s*|\"\s+|\b[Tt]he\s+)(?P<role>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,2}(?:\s+[a-z][\w\-]*){1,4})$",
        prefix,
    )
    if m and ROLE_NOUNS.fullmatch(m["role"].split()[-1]):
        return _clean_role(m["role"])
    return None


_DAY = "(?:" + "|".join(w.title() for w in dates.WEEKDAYS) + ")"
_WHEN = (
    rf"(?:(?:on|last|this|early|late)\s+(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|"
    r"earlier(?:\s+this\s+(?:week|month))?)"
)
_CAPS = r"(?:(?:al|el|an|ad|as)-)?[A-Z][\w'\-]*(?:\s+(?:(?:al|el|an|ad|as)-)?[A-Z][\w'\-]*){0,3}"
_PREAMBLE = re.compile(
    rf"\s*(?:{_WHEN}"
    r"|(?:in|at|during)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:speech|interview|statement|briefing|conference|meeting|sermon|call|address|session|rally|ceremony|advisory|"
    r"notice|communiqu[eé]|release)"
    rf"(?:\s+(?:with|to|on|before|at)\s+(?:the\s+)?{_CAPS})?"
    r"|(?:a|an|the)\s+(?:\w+\s+)?(?:news|press)\s+(?:briefing|conference)"
    r"|(?:carried|published|posted|released|issued|quoted)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:media|agency|TV|television|outlets?|websites?)"
    r"|(?:to\s+)?(?:reporters|journalists|the\s+press|lawmakers|parliament|state\s+(?:TV|television|media))"
    rf"|{_CAPS}(?=\s+(?:in\s+an?\s|on\s|late\s|earlier\s|that\s))"
    rf"|(?:in|to|on)\s+(?:the\s+)?{_CAPS}"
    rf"|{_CAPS}(?=\s*\()"
    r"|\([^()]*\))(?=[\s,(:]|$)"
)
"""What stands between a reporting verb and its content: to whom, when, where ("told reporters in Baghdad on
Thursday that ..."). Stripped only when "that" or "for" follows, or when it is only a day, so content is not cut."""


_CIRCUMSTANCE = re.compile(
    r",?\s+(?:in|on)\s+(?:(?:a|an|its|his|her|their)\s+)?(?:(?!in\b|on\b)[\w-]+\s+){0,3}"
    r"(?:post|statement|tweet|message|readout|interview|speech|channel|account|broadcast|remarks|comments)\b[^\"]*$"
)
"""Where it was said, trailing the content ("..., in a post on its Telegram channel"): not part of what was said."""


def _preamble_end(text: str) -> int:
    at = 0
    while m := _PREAMBLE.match(text, at):
        at = m.end()
    rest = re.match(r"\s*,?\s*(?:that|for)\s+|\s*:\s*(?=\")", text[at:]) if at else None
    if rest:
        return at + rest.end()
    when = re.match(rf"\s*{_WHEN},?(?=\s)", text)
    return when.end() if when else 0


def content_after(after: str, cue: str) -> str:
    text = re.sub(r"^\s*(?:on\s+)?(?:his|her|their|its)\s+(?:\w+\s+)?(?:account|page|channel)\b", "", after)
    text = re.sub(r"^\s*\([^()]*\)", "", text)
    text = text[_preamble_end(text) :]
    if cue in {"warned", "cautioned", "told", "assured", "reminded"}:  # "cautioned Western navies on Thursday that"
        text = re.sub(rf"^\s*(?:the\s+)?(?:[\w'\-]+\s+){{1,4}}?(?:{_WHEN}\s+)?that\s+", "", text)
    text = re.sub(r"^[\s,:]*(?:that\s+)?", "", text)
    if cue == "claimed responsibility":
        text = re.sub(r"^for\s+", "", text)
    text = re.sub(rf"^(\S+(?:\s+\S+){{0,5}}?)\s+{_WHEN}(?=\s+to\s)", r"\1", text)  # "urged Iran on Thursday to"
    if cue == "according to":
        text = re.sub(r"^(?:him|her|them|it|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*,\s*", "", text)
    stating = re.search(r",\s+(?:stating|saying|adding|noting|claiming)\s+(?:that\s+)?", text)
    if stating:
        text = text[stating.end() :]
    text = re.sub(r"\s*\((?:\[[^\]]*\]\([^()]*\)|[^()])*\)\s*\.?$", "", text)  # (Tasnim, May 2) or ([Mehr](url))
    text = re.sub(r"\s*\[\d{1,3}\]", "", text)  # footnote markers "[3]"
    text = _CIRCUMSTANCE.sub("", text).strip()
    text = re.sub(r",?\s+during\s+(?:a|an|his|her|its|their)\s+(?:visit|trip|tour|meeting)\b[^\"]*$", "", text)
    text = re.sub(r",\s+(?:[\w'\-]+\s+){1,4}said\s*\.?$", "", text)  # "..., al-Masri's office said."
    return text.rstrip(".").strip()


def statement(
    doc: Document, para: Paragraph, sent: Sentence, speaker: Person, cue: str, content: str, cue_end: int
) -> Statement:
    cite = next((c for c in para.citations if c.start >= sent.start), None)
    said = when(doc, para, sent)
    quote_type = "indirect"
    quoted = re.findall(r'"[^"]+"', content)
    if quoted:
        quote_type = "direct" if re.fullmatch(r'(?:"[^"]*"[\s,]*)+', content) else "mixed"  # '"A," "B."' is direct
    return Statement(
        speaker=speaker.name,
        speaker_canonical=speaker.name,
        role=speaker.role,
        affiliation=affiliation(speaker.role) if speaker.role else affiliation(speaker.name),
        cue=cue,
        content=content,
        quote_type=quote_type,
        statement_type=statement_type(cue, content),
        modality=modality(content),
        target=_target(sent.text[cue_end:], cue, content, _side(speaker)),
        said_on=said,
        cited_outlet=cite.outlet if cite else None,
        cited_date=cite.date if cite else None,
        section=para.section or None,
        evidence=Evidence(start=sent.start, end=sent.end, text=sent.text),
    )


_IRANIAN_BODIES = re.compile(r"\b(?:IRGC|Qods Force|Quds Force|Basij|Majlis|Expediency Council|Guardian Council)\b")


def _side(speaker: Person) -> str:
    """Words naming the speaker's own side, which a statement is not aimed at."""
    side = f"{speaker.role or ''} {affiliation(speaker.role) or ''}"
    return f"{side} Iran" if _IRANIAN_BODIES.search(side) else side


def when(doc: Document, para: Paragraph, sent: Sentence) -> date | None:
    """When something was said or done: a date in the sentence, "On March 21," opening the paragraph,
    "on Thursday" in a dated report, else the date of the citation covering the sentence, else that of the
    paragraph's last dated sentence before it ("He added that ...")."""
    own = _dated(doc, para, sent)
    if own is not None:
        return own
    cite = next((c for c in para.citations if c.start >= sent.start), None)
    if cite is not None and cite.date is not None:
        return cite.date
    if any(c.date for p in doc.paragraphs for c in p.citations):
        return None  # where citations date what is said (a Spotlight), a statement no citation covers is undated
    earlier = [s for s in para.sentences if s.end <= sent.start]
    return next((d for s in reversed(earlier) if (d := _dated(doc, para, s)) is not None), None)


def _dated(doc: Document, para: Paragraph, sent: Sentence) -> date | None:
    said = next((d for s, _, d in para.date_marks if sent.start <= s <= sent.end), None)
    if said is not None:
        return said
    inline = re.search(r"\b(?:on|On)\s+(" + dates.MONTH_DAY.pattern + ")", sent.text) or re.match(
        r"\s*On\s+(" + dates.MONTH_DAY.pattern + ")", para.text
    )
    if inline:
        return dates.parse(inline[1], *doc.anchor)[0]
    start, end = doc.bulletin.period_start, doc.bulletin.period_end
    day = end if start and end and (end - start).days < 7 else None  # a weekday names one day of a dated week
    weekday = dates.WEEKDAY.search(sent.text)
    if weekday and day:
        return dates.weekday_before(weekday["w"], day)
    if day and start == end and re.search(r"\byesterday\b", sent.text):
        return day - timedelta(days=1)
    return None


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
    hint = TYPE_HINTS.get(kind)
    return hint is None or bool(hint.search(content))


_CONTENT_TYPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "reject_deny",
        re.compile(
            r"\b(?:nothing to (?:do with|hide)|not (?:involved|accept|negotiate)|baseless|false|den(?:y|ies|ied)|"
            r"reject(?:s|ed)?|(?:will|would) not (?:accept|negotiate|change|be released|bow|yield|allow|pull back|"
            r"withdraw|retreat|give up)|no (?:part|role) in|"
            r"no \w+(?: \w+){0,6} (?:had|has|have|was|were) been)\b"
        ),
    ),
    (
        "threaten",
        re.compile(
            r"\b(?:will be met|will (?:have to )?face|consequences|crushing|overwhelming response|revenge|"
            r"pay (?:a|the) (?:heavy )?price|(?:will|would) (?:respond|answer|retaliate|target|strike|impose)|"
            r"retaliat\w*|stay away|will continue to target|will keep (?:striking|targeting|attacking)|"
            r"will be (?:seized|treated as|targeted|destroyed|punished)|not hesitate|our (?:answer|response)|"
            r"all (?:the )?tools)\b"
        ),
    ),
    (
        "accuse_condemn",
        re.compile(
            r"\b(?:condemn\w*|violations?|exploit\w*|terroris\w*|crimes?|aggression|repression|destabili\w*|"
            r"held [^,]{0,60} responsible|to blame)\b"
        ),
    ),
    ("demand_appeal", re.compile(r"\b(?:must|should|need to)\b")),
    (
        "intent_to_cooperate",
        re.compile(
            r"\b(?:cooperat\w*|(?:expand|strengthen|deepen)\w* (?:ties|relations|their)|ready to|readiness|"
            r"work(?:ing)? with|resume talks|partnership|committed|will (?:complete|rebuild|begin|supply|help))\b"
        ),
    ),
]
"""What the content of a plain "said" shows of its kind, checked in this order: a denial that warns is a denial."""


GENERIC = {"assessment", "neutral"}
"""Types a cue gives when it says nothing of the kind ("said", "announced"): the content decides."""


def statement_type(cue: str, content: str) -> str:
    """CAMEO-style type from the cue, corrected by what the content says."""
    low = content.lower()
    kind = CUES.get(cue, "neutral")
    if kind in GENERIC:
        return next((name for name, pattern in _CONTENT_TYPES if pattern.search(low)), kind)
    if kind == "threaten" and not re.search(r"\b(?:will|would|consequences|response|face|against)\b", low):
        return "assessment"
    return kind


def modality(content: str) -> str:
    low = f" {content.lower()} "
    if re.search(r"\b(?:if|unless|should they)\b", low):
        return "hypothetical"
    if re.search(r"\b(?:will|would|shall|is going to)\b", low):
        return "future"
    if re.search(r"\b(?:not|never|no|nothing)\b", low):
        return "negated"
    return "asserted"


_ADDRESSEE_CUES = {
    "cautioned",
    "slammed",
    "hailed",
    "warned",
    "threatened",
    "called on",
    "urged",
    "condemned",
    "accused",
    "praised",
    "told",
    "demanded",
    "criticized",
    "criticised",
    "congratulated",
    "welcomed",
    "blamed",
}


_MEDIA = re.compile(r"\b(?:Reuters|AFP|AP|Associated Press|CNN|BBC|Al Jazeera|TV|[Tt]elevision|[Nn]ews|[Aa]gency)\b")


def _addressee(obj: str, rest: str) -> str:
    """The object as an actor: "Iran's" is Iran, a capital is its country, "the Iraqi" runs on to its noun."""
    obj = re.sub(r"'s$", "", obj)
    if obj.split()[-1] in _NATIONALITIES:
        noun = re.match(r"(?:\s+(?!(?:for|of|to|in|on|and|that|with|over|as|by)\b)[a-z]+){1,3}", rest)
        if noun:
            return obj + noun[0]
    return actor(obj) or obj


_PLACE_BEFORE = re.compile(r"\b(?:in|from|into|inside|within|across|throughout|near)\s+$")


def _target(after: str, cue: str, content: str = "", speaker_side: str = "") -> str | None:
    """The addressee after the cue ("warned the United States"), else the foreign actor the content is about."""
    if cue in _ADDRESSEE_CUES:
        m = _OBJECT.match(after)
        if m and not (cue == "told" and _MEDIA.search(m["obj"])):  # "told Reuters": a channel, not an addressee
            obj = re.sub(r"\s+(?:of|and)$", "", m["obj"].strip())
            if obj.split()[-1].lower() not in {"the", "that"} and len(obj.split()) <= 8:
                return _addressee(obj, after[m.end() :])
    counts: dict[str, tuple[int, int]] = {}
    for pattern, name in ACTOR_MENTIONS:
        # "bases in Iraq": a place where things happen, not an actor spoken to or about
        hits = [h.start() for h in pattern.finditer(content) if not _PLACE_BEFORE.search(content, 0, h.start())]
        if hits and not (speaker_side and pattern.search(speaker_side)):
            counts[name] = (len(hits), -hits[0])
    return max(counts, key=lambda n: counts[n]) if counts else None


_BODIES = {
    "Treasury": "United States",
    "State Department": "United States",
    "Pentagon": "United States",
    "UN": "United Nations",
    "EU": "European Union",
}
"""Bodies whose name does not say whose they are."""


def affiliation(role: str | None) -> str | None:
    """Organisation or country a role (or a speaking body's name) belongs to, when it names one."""
    if not role:
        return None
    org = _ORGS.search(role)
    if org:
        return "Houthis" if org[1] == "Houthi" else org[1]
    for adjective, country in _NATIONALITIES.items():
        if re.search(rf"\b{re.escape(adjective)}(?!\w)", role):
            return country
    owner = re.match(r"(?:[Tt]he\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})'s\s", role)  # "Iran's Foreign Minister"
    if owner and actor(owner[1]):
        return re.sub(r"^the ", "", actor(owner[1]) or "")  # "Iran's representative to the UN" speaks for Iran
    body = next((owner for body, owner in _BODIES.items() if re.search(rf"\b{body}\b", role)), None)
    if body:
        return body
    if owner:
        return owner[1]
    m = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)*)\s*$", role)
    return m[1] if m else None


# --- sanctions -------------------------------------------------------------------------------------------

_CAPITALS = ("Britain", "Washington", "London", "Japan", "Canada", "Australia", "Tokyo", "Ottawa", "Canberra")
"""A country or capital as the subject of a sanctioning verb: the authority when no body is named."""
_AUTHORITY = re.compile(
    r"(?P<auth>(?:the\s+)?(?:(?:U\.S\.|US|American|British|Britain's|UK|U\.K\.|EU|European|French|German|Canadian|"
    r"Canada's|Australian|Australia's|Japan's|Japanese)\s+)?"
    r"(?:Global Affairs Canada|Department of Foreign Affairs and Trade|DFAT|"
    r"Treasury Department|Department of (?:the )?Treasury|Treasury|State Department|"
    r"Department of State|"
    r"OFAC|Office of Foreign Assets Control|Council of the European Union|EU Council|European Council|"
    r"European Union|Foreign(?:, Commonwealth and Development)? Office|FCDO|UN Security Council|"
    r"Security Council|administration|government|(?:Foreign|Finance) Ministry|Ministry of (?:Foreign Affairs|Finance)|"
    r"(?:^|(?<=- ))(?:" + "|".join(_CAPITALS) + r")(?=\s+(?:on|said|has|had|\w+ed)\b))"
    r"(?:'s\s+(?:Office of Foreign Assets Control|OFAC|Financial Sanctions Implementation)(?:\s+\(\w+\))?)?)"
)
_IMPOSE = re.compile(
    r"\b(?:announced|imposed|imposing|imposition|designated|designating|sanctioned|blacklisted|added|froze|"
    r"lifted|removed|delisted|amended|listed|threatened|warned|will impose|would impose|to impose|to add|slapped|"
    r"freezing|adding|to expand|to extend|expanded|extended)\b"
)
_DEMAND = re.compile(r"\b(?:called (?:on|for)|urged|demanded|condemned|appealed|lifting or easing)\b")
_COUNT = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+"
    r"(?P<other>other\s+|new\s+|additional\s+|more\s+)?(?:[A-Z][a-z]+\s+)?(?P<what>individuals?|entities|entity|companies|"
    r"organizations|organisations|persons|people|men|women|vessels|ships|tankers|aircraft|targets|officials|firms|"
    r"banks)\b"
)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

COUNTRIES = [
    "Iran",
    "Iraq",
    "Syria",
    "Lebanon",
    "Yemen",
    "Israel",
    "United States",
    "Russia",
    "China",
    "Turkey",
    "United Arab Emirates",
    "UAE",
    "Saudi Arabia",
    "Qatar",
    "Oman",
    "Bahrain",
    "Kuwait",
    "Jordan",
    "Egypt",
    "Venezuela",
    "Afghanistan",
    "Pakistan",
    "Hong Kong",
    "Malaysia",
    "Gaza",
    "United Kingdom",
    "Comoros",
    "Singapore",
    "Panama",
    "Liberia",
    "Cameroon",
    "Togo",
]
_PROGRAMS = re.compile(
    r"\b(?:E\.O\.\s*\d+|Executive Order\s+\d+|SDGT|IFSR|NPWMD|IRGC-related|Global Magnitsky|"
    r"global human rights sanctions regime|Council (?:Decision|Regulation) (?:\(\w+\) )?\d{4}/\d+(?:/CFSP)?|"
    r"(?:[A-Z][\w-]+ )+(?:\([A-Za-z ]+\) )+Regulations(?: \d{4})?|Specially Designated Global Terrorists?)"
)
_PROGRAM_NAMES = {"specially designated global terrorist": "SDGT", "specially designated global terrorists": "SDGT"}


def _programs(text: str) -> list[str]:
    return _unique(_PROGRAM_NAMES.get(m[0].lower(), m[0]) for m in _PROGRAMS.finditer(text))


def find_sanction(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """A sanctions action in this sentence: an authority as subject of an imposing verb."""
    text = sent.text
    if not re.search(
        r"(?i)sanction|designat|blacklist|asset[- ]freeze|froze|freezing|restrictive measures|economic measures|"
        r"\blisted\b[^.]{0,40}\btargets\b",
        text,
    ):
        return None
    auth = _AUTHORITY.search(text)
    verb = _IMPOSE.search(text, auth.end()) if auth else None
    if auth is None or verb is None:
        return None
    gap = re.sub(r"\([^()]*\)", "", text[auth.end() : verb.start()])
    said = re.search(r"\bsaid\b", gap)
    if (said and not _SPOKESPERSON.search(gap)) or len(gap) > (100 if said else 40):
        return None  # "Iran's Foreign Ministry said the sanctions imposed ...": speech about a sanction
    demand = _DEMAND.search(text)
    if demand and demand.start() < verb.start():
        return None
    body = _AUTHORITY.search(text, verb.end()) if auth["auth"] in _CAPITALS else None
    if body is not None and body["auth"] not in _CAPITALS:
        auth = body  # "Washington slapped sanctions on X that the Treasury Department said ...": the Treasury acted
    authority = re.sub(r"^the\s+|\s*\([^()]*\)$", "", auth["auth"]).strip()
    low = text.lower()
    decided = re.search(r"\b(?:decision|decided)\b", low[: verb.start()])  # "a decision ... to impose" is done
    if not decided and re.search(r"\b(?:threaten|will impose|would impose|to impose|warned)", low[: verb.end() + 30]):
        action = "threaten"
    elif re.search(r"\b(?:lift|remov|delist|unfroze)", verb[0]):
        action = "delist"
    elif "amend" in verb[0]:
        action = "amend"
    else:
        action = "designate"
    announced = when(doc, para, sent)
    cite = next((c for c in para.citations if c.start >= sent.start), None)
    found = list(_COUNT.finditer(text))
    counts = [_count(m["n"]) for m in found]
    # "nine targets - six entities and three individuals", "four targets: ..., two officials of ...": a stated
    # total is not added to its parts.
    total = len(counts) > 1 and (counts[0] == sum(counts[1:]) or found[0]["what"] == "targets")
    target_count = (counts[0] if total else sum(counts)) if counts else None
    if target_count and found[0]["other"] == "other ":
        target_count += 1  # "designated X and three other companies"
    after_count = text[found[0].start() :] if counts else text[verb.end() :]
    targets = _named_targets(text)
    conduct = (  # where the conduct starts, past the targets and their countries
        r"(?:,\s+|\s+(?=(?:responsible|involved|accused|for\s+\w+ing)\b))"
        r"(?:which|who|whose|for|over|due|responsible|involved|accused)\b"
    )
    countries = _countries(re.split(conduct, re.sub(r"\([^()]*\)", "", after_count))[0])
    countries = _unique([*countries, *(_origin(m[0]) for m in found[:1]), *(t.country for t in targets)])
    return Sanction(
        authority=authority,
        issuing_country=_issuer(authority),
        action=action,  # type: ignore[arg-type]
        announced_on=announced,
        target_count=target_count,
        targets=targets,
        target_countries=countries,
        reasons=_reasons(text) or (_condition(text) if action == "threaten" else []),
        programs=_programs(text),
        beneficiaries=_unique([*_beneficiaries(text), *_recipients(text[verb.end() :])]),
        cited_outlet=cite.outlet if cite else None,
        section=para.section or None,
        evidence=Evidence(start=sent.start, end=sent.end, text=text),
    )


def _complete_sanctions(doc: Document, sanctions: list[Sanction]) -> None:
    """Fold reasons, targets and programmes from the rest of the paragraph into its sanctions action."""
    for sanction in sanctions:
        para = next(p for p in doc.paragraphs if p.start <= sanction.evidence.start < p.end)
        rest = [s for s in para.sentences if s.start > sanction.evidence.start]
        for sent in rest:
            if find_sanction(doc, para, sent) is not None:
                break
            if CUE_RE.search(sent.text):
                continue  # an official's comment on the action, not its details
            sanction.reasons = _unique([*sanction.reasons, *_reasons(sent.text)])
            sanction.beneficiaries = _unique([*sanction.beneficiaries, *_beneficiaries(sent.text)])
            sanction.programs = _unique([*sanction.programs, *_programs(sent.text)])
            known = {t.name for t in sanction.targets}
            sanction.targets += [t for t in _named_targets(sent.text) if t.name not in known]
            sanction.target_countries = _unique([*sanction.target_countries, *(t.country for t in sanction.targets)])


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


_ISSUERS = [  # most specific first: "Department of Foreign Affairs and Trade" is Australian, not American
    (re.compile(r"Australia|DFAT|Foreign Affairs and Trade"), "Australia"),
    (re.compile(r"Canad"), "Canada"),
    (re.compile(r"Japan"), "Japan"),
    (
        re.compile(r"U\.S\.|US\b|United States|American|Washington|Treasury|State Department|OFAC|Department of"),
        "United States",
    ),
    (re.compile(r"EU|European"), "European Union"),
    (re.compile(r"British|Britain|UK|U\.K\.|United Kingdom|London|Foreign|FCDO"), "United Kingdom"),
    (re.compile(r"Security Council"), "United Nations"),
]


def _issuer(authority: str) -> str | None:
    return next((country for pattern, country in _ISSUERS if pattern.search(authority)), None)


def _countries(text: str) -> list[str]:
    found = [(m.start(), c) for c in COUNTRIES for m in re.finditer(rf"\b{re.escape(c)}\b(?!ian|i\b)", text)]
    return _unique(_COUNTRY_NAMES.get(c, c) for _, c in sorted(found))


_COUNTRY_NAMES = {"UAE": "United Arab Emirates"}


_CITIES = {
    "Isfahan": "Iran",
    "Mashhad": "Iran",
    "Qom": "Iran",
    "Bandar Abbas": "Iran",
    "Basra": "Iraq",
    "Erbil": "Iraq",
    "Najaf": "Iraq",
    "Aleppo": "Syria",
    "Latakia": "Syria",
    "Sharjah": "United Arab Emirates",
    "Shanghai": "China",
    "Shenzhen": "China",
    "Guangzhou": "China",
    "Istanbul": "Turkey",
    "Shiraz": "Iran",
    "Tabriz": "Iran",
    "Ahvaz": "Iran",
    "Bushehr": "Iran",
    "Hodeidah": "Yemen",
    "Aden": "Yemen",
}
"""Cities a target is "based" in, beyond the capitals the actor table knows."""


def _country(place: str) -> str | None:
    """The country (or body) a place name stands for: "Dubai", "Tehran", "UAE", "Iran"; None for no known place."""
    found = actor(place) or _CITIES.get(place) or _COUNTRY_NAMES.get(place) or (place if place in COUNTRIES else None)
    return re.sub(r"^the ", "", found) if found else None


_BASED = r"-(?:based|registered|headquartered|flagged)\b"
"""Where a target sits: "Dubai-based", "Comoros-flagged"."""


def _origin(phrase: str) -> str | None:
    """Country of a target from "Iran-based", "the Iraqi militia", "Iranian national"."""
    based = re.search(rf"\b([A-Z][A-Za-z]+){_BASED}", phrase) or re.match(
        r"(?:the\s+)?([A-Z][A-Za-z]+)\s+[a-z]",
        phrase,  # "Baghdad money changer X"
    )
    if based:
        return _country(based[1])
    for adjective, country in _NATIONALITIES.items():
        if re.search(rf"\b{re.escape(adjective)}\b", phrase):
            return country
    return None


_REASON = re.compile(
    r"\b(?:involved(?:,\s*[^,]+,)?\s+in|(?:designated|sanctioned|targeted) for|for(?=\s+\w+ing\b)|"
    r"(?:for|over) (?:their|its|his|her) (?:role|involvement) in "
    r"(?:an? [^,.;]*?(?:network|scheme|plot) (?:that|which)\s)?|"
    r"for(?=\s+(?!its|their|his|her)(?:[\w-]+\s+){0,5}(?:violations|abuses|activities|attacks)\b)|"
    r"due to|in connection with|accused of|responsible for|over(?=\s+(?:the|its|their|his|her)\s)|"
    r"(?:network|entities|individuals|companies|firms|targets)[^.;]{0,40}? (?:that|which|who)"
    r"(?=\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could)\b)[a-z]+\b))"
    r"(?:,?\s*among other things,)?\s+(?P<r>.+?)(?:\.\s|\.?$)"
)
"""Where the conduct behind a sanction starts: "for moving", "over the seizure", "network that sold"."""


def _reasons(text: str) -> list[str]:
    m = _REASON.search(text)
    if not m:
        return []
    text = re.sub(r",\s+and\s+which\s+(?:also\s+)?", "; ", m["r"])  # "..., which moved X, and which also helped Y"
    body = re.split(
        r"\s*\((?=[^()]*[\d,])[^()]*\)|\[\d{1,3}\]|,\s+(?:which|who|including|among)\b|\.\s|:|\s+if\b|"
        r"\s+(?:to|in order to) benefit\b|"
        r",\s+under\s+(?=[^,]*(?:Order|E\.O\.|[Aa]uthorit|Regulations|Decision))",  # the programme, not the conduct
        text,
    )[0]
    body = re.sub(r"^(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){1,4}said\s+(?:(?:had|has|have)\s+)?", "", body)
    # "on behalf of X", "for Hezbollah": who benefited (see _beneficiaries), not the conduct.
    org = r"(?:the\s+)?[A-Z][\w'\-]*(?:\s+(?:of\s+)?[A-Z][\w'\-]*)*(?:\s*\([A-Z]{2,8}\))?"
    body = re.sub(rf"\s+on behalf of\s+{org}(?:(?:,|\s+and)\s+{org})*", "", body)
    body = re.sub(rf"\s+for\s+{org}$", lambda m: "" if _ORGS.search(m[0]) else m[0], body)
    parts = re.split(r";\s*(?:and\s+)?|,\s+and\s+|\s+and\s+(?:for\s+)?(?=[a-z]+(?:ing|ed)\s)", body)
    for i in range(len(parts) - 1):  # "financing and shipping X": one conduct with two verbs
        if len(parts[i].split()) == 1:
            parts[i + 1], parts[i] = f"{parts[i]} and {parts[i + 1]}", ""
    return _unique(p.strip(" ,.") for p in parts if len(p.split()) >= 2)


def _condition(text: str) -> list[str]:
    """What a threatened target must do to be sanctioned: "will be designated if it takes delivery of ..."."""
    m = re.search(r"\bif (?:it|they|he|she)\s+(?P<r>[a-z][^.;,()]+)", text)
    return [m["r"].strip()] if m else []


_SPOKESPERSON = re.compile(
    r"\bsaid(?: that)?(?: on \w+)? (?:the bloc|it|the union|the department|they)(?: was| were| would| will| had)?\s*$"
)
"""An authority's spokesperson announcing for it: "the EU's spokesperson, X, said the bloc would impose"."""


def _beneficiaries(text: str) -> list[str]:
    found = []
    for m in re.finditer(
        r"\b(?:to finance|financing|to fund|funding|in support of|supporting|on behalf of|"
        r"benefit(?:ing|ed)?|for the benefit of|(?:revenue|funds|money|dollars) for)\s+(?:the\s+)?(?P<b>[^.;():]+)",
        text,
    ):
        found += _org_list(m["b"], text)
    # "smuggling drone parts for Kata'ib Hezbollah": a known armed group served by the conduct
    found += [m[1] for m in re.finditer(r"\bfor\s+(?:the\s+)?" + _ORGS.pattern, text)]
    return _unique(found)


def _recipients(text: str) -> list[str]:
    """Who received what a sanctioned conduct supplied: "moving funds to Hezbollah and the IRGC"."""
    found = []
    for m in re.finditer(r"\bto\s+(?:the\s+)?(?P<b>(?:pro-|[A-Z])[^.;():,]+)", text):
        found += [b for b in _org_list(m["b"], text) if not _place(b) and not re.search(r"-(?:controlled|held)\b", b)]
    return _unique(found)


def _place(name: str) -> bool:
    return _country(name) is not None or bool(re.match(r"(?:port|city|province) of\b", name))


def _org_list(phrase: str, text: str) -> list[str]:
    """Organisations named in a phrase; a name defined by an acronym ("... and Armed Forces Logistics (MODAFL)")
    is one name even when it holds "and"."""
    for name in _acronym_names(text):
        phrase = phrase.replace(name, name.replace(" and ", "\x00"))
    found = []
    for part in re.split(r",\s*including\s+|,\s+|\s+and\s+(?:to\s+)?|\s+to\s+|\s+on behalf of\s+", phrase):
        part = re.sub(r"^(?:the|of)\s+|^(?:" + "|".join(COUNTRIES) + r")'s\s+(?=[A-Z])", "", part.strip()).replace(
            "\x00", " and "
        )
        if part and (part[0].isupper() or part.startswith("pro-")):
            found.append(re.sub(r"\s+in\s+[A-Z]\w+$", "", part))
    return _unique(found)


def _acronym_names(text: str) -> list[str]:
    """Names spelled out before their acronym: "Office of Foreign Assets Control (OFAC)"."""
    names = []
    for m in re.finditer(r"\(([A-Z]{2,8})\)", text):
        words = text[: m.start()].split()[-10:]
        for i in range(len(words)):
            cand = words[i:]
            if not cand[0][:1].isupper():
                continue
            for skip in ({"and", "the", "for", "&"}, {"and", "the", "for", "&", "of"}):
                if "".join(w[0] for w in cand if w.lower() not in skip).lower() == m[1].lower():
                    names.append(" ".join(cand))
                    break
            else:
                continue
            break
    return names


_ORG_WORDS = re.compile(
    r"(?i)\b(?:company|co|ltd|llc|bank|petroleum|oil|shipping|trading|group|network|militia|force|brigades?|"
    r"headquarters|foundation|institute|corporation|holding|industries|exchange|organization|movement|party)\b"
)


_LIST_END = (
    r"(?=\s+(?:as(?!\s+well\s+as)(?<!well as)|for(?=\s+[a-z])|under|to the|to its|who|which|that|over|from|if|"
    r"accused|involved)\b|"
    r"\.(?:\[\d{1,3}\])*\s|\.?(?:\[\d{1,3}\])*$)"
)
_TARGET_LISTS = [
    re.compile(
        r"(?:designation of|designated|sanctioned|blacklisted|added|sanctioned (?:bodies|entities) (?:is|was|in)|"
        r"(?:[Aa]mong )?(?:those|the targets) (?:designated|sanctioned|listed|hit|named) (?:are|were|include[sd]?)|"
        r"\b[Aa]mong them(?: are| were)?|(?:[Tt]he )?(?:new )?listings include|"
        r"\b(?:would|will|to) (?:also )?sanction|\bremoved|,\s+including|"
        r"(?:[Tt]hose (?:targeted|designated|sanctioned|listed)|[Tt]hey|[Tt]he targets) include[sd]?|"
        r"[Tt]he (?:listed|designated|sanctioned) (?:entities|individuals|persons|companies|people) "
        r"(?:are|were|include)|"
        r"\b(?:sanctions|asset freezes|travel bans) (?:on|against)|"
        r"\bon (?:two|three|four|five|six|\d+) (?:men|women|individuals|people|officials),)"
        r"\s+(?!(?:if|by|as|for|under|in|on|to)\b)(?P<list>.+?)" + _LIST_END
    ),
    re.compile(r"\btargets\b[^:.]{0,300}:\s+(?P<list>.+?)" + _LIST_END),
    # A threat in the passive: "warned that the Lebanese company X will be designated".
    re.compile(
        r"\bthat\s+(?P<list>[^,.;]+?)\s+(?:will|would|could)\s+be\s+(?:designated|sanctioned|blacklisted|listed)"
    ),
]
_DESCRIPTION = re.compile(r"^(?:the|an?|its|their)\s+(?:[A-Z]\w+\s+)?[a-z]")
"""A list item that only describes ("its Yemeni owner", "two officials of the prison"): the name, if any, follows."""


def _named_targets(text: str) -> list[Target]:
    """Names listed after a designating verb, with their kind and, when written, their country."""
    targets: list[Target] = []
    for m in (m for pattern in _TARGET_LISTS for m in pattern.finditer(text)):
        carried = None  # "its Yemeni owner, X", "two Syrian nationals, X and Y": the description gives X's country
        listed = re.sub(r"\s*\([^()]*\)", "", m["list"])
        for item in re.split(
            r";\s*(?:and\s+)?|,\s+and\s+|,?\s+as well as\s+|(?:,|\s+and)\s+(?=[A-Z]|(?:the|its|their|an?|\d+)\s)|"
            r"\s+and\s+(?=(?:" + "|".join(_NUMBERS) + r")\s)",
            listed,
        ):
            first = item.split()[0].lower() if item.split() else ""
            if re.match(r"(?:the|an?|its|their)\s+[a-z][\w-]*\s+of\b", item):
                continue  # "the operator of the tanker Sea Falcon": a description of the name before it
            role = _DESCRIPTION.match(item) and ROLE_NOUNS.search(item)
            named = role and re.match(r"\s+[A-Z]", item[role.end() :])  # "its Iranian director Hamid Tolouei"
            # "seven entities in Iran", "its Yemeni owner": a count or a description, not a name
            target = None if first in _NUMBERS or first.isdigit() or (role and not named) else _target_named(item)
            if target is None:
                carried = _origin(item) or carried
            elif target.name not in {t.name for t in targets}:
                targets.append(target if target.country else target.model_copy(update={"country": carried}))
    return targets


def _is_firm(name: str) -> bool:
    """A firm whose name holds an office word: "Golden Reef General Trading"."""
    words = name.split()
    return bool(_ORG_WORDS.fullmatch(words[-1])) and not ROLE_NOUNS.match(words[0]) and words[0] not in _NOT_NAMES


def _target_named(item: str) -> Target | None:
    bare = re.sub(
        rf"\b[A-Z][\w]*{_BASED}\s+",
        "",
        _RANK.sub("", item, count=1) if _RANK.match(item) else item,
    )
    names = re.findall(r"(?:(?:al|el|an|ad|as)-)?" + NAME + r"(?:\s+(?:for|of)\s+(?:the\s+)?" + NAME + ")*", bare)
    names = [
        n
        for n in names
        if (_is_name(n) or _is_firm(n))
        and n not in {"Specially", "Designated", *_NATIONALITIES}
        and _country(n) is None  # a place ("flights to Damascus"), not a target
        and len(n) > 3
    ]
    if not names:
        return None
    name = max(names, key=len)
    if _RANK.match(item):  # "General Farzad Mirhashemi of the IRGC Aerospace Force": an officer, not a unit
        name = name.split(" of ")[0]
    if re.search(r"\b(?:tanker|vessel|ship|MT|MV)\b", item):
        kind = "vessel"
    elif _ORG_WORDS.search(name) or _ORG_WORDS.search(item) or len(name.split()) > 4:
        kind = "entity"
    else:
        kind = "individual"
    return Target(name=name, kind=kind, country=_origin(item[: item.find(name)] + name))  # type: ignore[arg-type]


def _unique(items) -> list[str]:  # type: ignore[no-untyped-def]
    seen: dict[str, None] = {}
    for item in items:
        if item and item.lower() not in {s.lower() for s in seen}:
            seen[item] = None
    return list(seen)


def resolve(day: date | None) -> str | None:
    return day.isoformat() if day else None
