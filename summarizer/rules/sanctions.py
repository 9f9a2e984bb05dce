"""Sanctions actions: an authority as the subject of an imposing verb, with its targets, their countries and why.

A sentence names the action; the rest of its paragraph often adds the conduct, the programme and more targets, so
each action is completed from the sentences after it.
"""

from __future__ import annotations

import re
from itertools import takewhile, zip_longest

from .. import dates
from ..layout import flat
from ..lexicon import alternation, word_pattern
from ..models import Evidence, Sanction, Target, TargetKind
from ..segment import Document, Paragraph, Sentence
from ..text import fold, from_capitals
from . import conduct as why
from . import targets
from .dating import WHEN, when
from .speakers import seat_side
from .statements import CUE_RE
from .words import ARTICLE, COUNT, LEXICON, NATIONALITIES, count, country_named_last, country_of, distinct, is_name

_CAPITALS = LEXICON.sanctioning_places
"""A country or capital as the subject of a sanctioning verb: the authority when no body is named."""
_OWNER = r"(?!The\s)[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?"
"""The country whose body acts ("Iran's Foreign Ministry"), written before its possessive."""
_AFTER_DAY = "|".join(f"(?<={word.title()} )" for word in [*dates.MONTHS, *dates.WEEKDAYS])
"""Right after a day opening the clause ("On 8 February the UK designated ...", "On Monday the EU listed ...")."""
_INTRODUCED = "|".join(f"(?<=\\b{word} )" for word in (*LEXICON.clause_conjunctions, "by", "day", "then", "later"))
"""A clause that tells of an action as the time or cause of another ("hours after the EU imposed sanctions on ..."),
the agent of a passive one ("were sanctioned by Britain"), or an action after a time ("The next day the United
Kingdom also sanctioned ...")."""
_STATE_WORDS = alternation(
    [*LEXICON.sanctioning_adjectives, *LEXICON.nationalities, *LEXICON.short_names, *LEXICON.sanctioning_places]
)
"""Whose body it is, before its name: "British", "Turkish", "UAE", "United States" (a sanctioning country, not every
country: the pattern is tried at every place of every sentence)."""
_AUTHORITY = re.compile(
    rf"(?P<auth>(?:the\s+)?(?:(?:{_STATE_WORDS})\s+|[A-Z][a-z]+\s+(?=administration\b))?"
    rf"(?:(?:{_OWNER}'s\s+)?(?:{alternation(LEXICON.sanctioning_bodies)})|"
    rf"(?:(?:^|(?<=, )|(?<=: )|(?<=\bthat )|(?<=\bsaid )|(?<=\bsays )|{_AFTER_DAY}|(?<=\d{{4}} )|(?<=- )|{_INTRODUCED})"
    r"(?:[Tt]he\s+)?)"
    rf"(?:{alternation(_CAPITALS)})"
    r"(?=\s+\"?(?:on|said|has|had|have|is|are|was|will|would|today|also|froze|stood|stands|\w+ed|condemns|warns|says|"
    r"announces|threatens|imposes|designates|decides)\b))"
    r"(?:'s\s+(?:Office of Foreign Assets Control|OFAC|Financial Sanctions Implementation)(?:\s+\(\w+\))?)?"
    r"(?:\s+established\s+pursuant\s+to\s+resolution\s+\d+(?:\s+\(\d{4}\))?)?"
    rf"(?:\s+of\s+(?:the\s+)?(?:{alternation([*LEXICON.countries, *LEXICON.short_names])})\b)?)"
)
_IMPOSE = word_pattern(LEXICON.sanction_verbs)


def _imposing(text: str, at: int) -> re.Match[str] | None:
    """The first imposing verb after ``at``, passing over words that only sometimes impose: "issued" when what is
    issued is no sanctions ("issued Resolution No. 61 designating ..."), "targeted" after "were" (how the measures
    were, not what was done)."""
    for verb in _IMPOSE.finditer(text, at):
        word = verb[0].lower()
        if word == "issued" and not _ISSUED_WHAT.match(text, verb.end()):
            continue
        if word == "targeted" and _COPULA.search(text, 0, verb.start()):
            continue
        return verb
    return None


_COORDINATED = re.compile(r"^\s+(?:would|will|has|have|had)\s[^;.]{0,140}\s(?:and|but)\s+$")
"""The subject's first predicate before the imposing one ("London would go after X and would sanction"): the
subject still acts."""
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_ISSUER_ITSELF = {"council", "government", "administration"}
"""How a press release names its own issuer when it acts."""
_DEMAND = word_pattern(LEXICON.demand_verbs, ignore_case=True)  # "Calls on the Council to add ...": a demand
ABOUT_SANCTIONS = re.compile(
    r"(?i)sanction|designat|blacklist|asset[- ]freeze|froze|freezing|restrictive measures|economic measures|"
    r"countermeasures against|measures against|"
    r"terror(?:ist)? organi[sz]ation|(?:export\s+)?control(?:\s+control)?\s+list|entity\s+list|"
    r"prohibit(?:ed)?\s+exports|export\s+bans?|(?:entry|travel)\s+bans?|(?:barred|banned)\s+from\s+entering|"
    r"\badded\s+\w+\s+(?:[\w-]+\s+){0,4}(?:vessels|ships|tankers|individuals|entities|persons|companies)\s+to\s+(?:the|its)\b"
    r"[^.]{0,40}\b(?:list|regime)\b|"
    r"\blisted\b[^.]{0,40}\btargets\b|"
    r"\b(?:list|listed|specified)\s+(?:[\w-]+\s+){0,3}(?:individuals|entities|persons|companies|vessels|ships|tankers)\b|"
    r"(?-i:\b[A-Z]\w+ List\b)"
)
OWN_ACTION = re.compile(
    rf"^(?:it|they|we)\s+(?:(?:has|had|have|is|was|were|would|will)\s+)?(?:also\s+)?(?:{alternation(LEXICON.sanction_verbs)})\b"
)
"""What a speaker says it did when that is the action itself ("The U.S. said it imposed a new round of sanctions"):
the sanctions record, not a statement beside it."""
_OWN_BODY = re.compile(r"\b(?:her|his|its|their)\s+(?P<body>department|ministry)\b")
"""An official's own body as the actor: "Commerce Secretary X warned that her department would add ..."."""
_OFFICE_HELD = re.compile(
    r"\b(?:(?P<a>[A-Z]\w+)\s+(?:Secretary|Minister)|(?:Secretary|Minister)\s+of\s+(?P<b>[A-Z]\w+))\b"
)
_SAYS = r"\b(?:said|says|warned|warns|threatened|threatens|vowed|vows)"
_SAID = re.compile(rf"{_SAYS}\b")
_SPOKESPERSON = re.compile(
    rf"{_SAYS}(?: that)?(?: on)?(?: \w+day| {WHEN})?(?: that)? (?:the bloc|it|the union|the department|they)"
    r"(?: is| are| has| have| was| were| would| will| had)?(?: \"?(?:continue|keep on))?\s*$"
)
"""An authority's spokesperson announcing for it ("the EU's spokesperson, X, said the bloc would impose"), or the
authority itself ("The United Kingdom condemns this attack and warns that it will impose")."""
_PARENS = re.compile(r"\([^()]*\)")
_CONDUCT = re.compile(
    r"(?:,\s+|\s+(?=(?:responsible|involved|accused|for\s+(?:\w+ly\s+)?\w+ing)\b))"
    r"(?:which|who|whose|for|over|due|responsible|involved|accused|accusing)\b"
)
"""Where the conduct starts, past the targets and their countries."""


def find_sanctions(doc: Document, para: Paragraph, sent: Sentence) -> list[Sanction]:
    """The sanctions actions in this sentence: an authority as subject of an imposing verb, and a second one in a
    clause of its own ("State is designating six entities ..., and the Treasury is concurrently designating five
    individuals ...")."""
    text = sent.flat
    if _HISTORY.search(text):
        return []  # "Since 2022, Australia has imposed sanctions on more than 200 ...": a record, not an action
    first = find_sanction(doc, para, sent)
    if first is None:
        return []
    acting = _acting(text)
    if len(acting) < 2:
        return [first]
    verb = acting[0][1]
    second = next((a for a, v in acting[1:] if a.start() > verb.end() and _CLAUSE.search(text, 0, a.start())), None)
    if second is None:
        return [first]
    cut = second.start()
    other = find_sanction(doc, para, sent, start=cut)
    return [find_sanction(doc, para, sent, stop=cut) or first, *([other] if other else [])]


_HISTORY = re.compile(
    r"^(?:(?:Since|Between)\s+(?:\d{4}|[A-Z][a-z]+\s+\d{4})\b|To\s+date\b|In\s+total\b)"
    r"|\b(?:has|have)\s+(?:now\s+)?(?:sanctioned|designated|listed|blacklisted)\s+(?:more\s+than|over|at\s+least|nearly|"
    r"almost|some)\s+\d"
)
"""A sentence telling a running total of past actions ("Washington has sanctioned more than 70 people ...")."""
_CLAUSE = re.compile(r",\s+(?:and|while)\s+$|;\s+(?:and\s+|whereas\s+)?(?:on\s+[^,;]{3,30}?\s+)?(?:the\s+)?$")
"""Where a second authority's clause opens: after ", and" or a semicolon ("...; whereas on 9 March the United Kingdom
also imposed ...")."""


def _acting(text: str) -> list[tuple[re.Match[str], re.Match[str]]]:
    """Each authority that is the subject of the imposing verb after it, with that verb."""
    found = [(a, _imposing(text, a.end())) for a in _AUTHORITY.finditer(text)]
    return [(a, v) for a, v in found if v is not None and _acts(text, a.end(), v, a.start())]


def find_sanction(
    doc: Document, para: Paragraph, sent: Sentence, start: int = 0, stop: int | None = None
) -> Sanction | None:
    """A sanctions action in this sentence (or the clause from ``start`` to ``stop``): an authority as subject of
    an imposing verb."""
    text = sent.flat[start:stop]
    if not ABOUT_SANCTIONS.search(text):
        return _instrument_act(doc, para, sent) or _listed_passively(doc, para, sent)
    if not _AUTHORITY.search(text):
        return (
            _instrument_act(doc, para, sent)
            or _own_body(doc, para, sent)
            or _signed_order(doc, para, sent)
            or _officer_acts(doc, para, sent)
            or _decision(doc, para, sent)
            or _listed_passively(doc, para, sent)
        )
    acting = _acting(text)
    if not acting:  # "the Foreign Ministry condemned the decision of ...": whoever acts is named further on
        return (
            _officer_acts(doc, para, sent)
            or _decision(doc, para, sent)
            or _listed_passively(doc, para, sent)
            or _imposed_by(doc, para, sent, text)
        )
    auth, verb = acting[0]
    body = _AUTHORITY.search(text, verb.end()) if auth["auth"] in _CAPITALS else None
    if body is not None and body["auth"] not in _CAPITALS and _BODY_SAYS.match(text, body.end()):
        auth = body  # "Washington slapped sanctions on X that the Treasury Department said ...": the Treasury acted
    authority = re.sub(r"^the\s+|\s*\((?!\d{4}\))[^()]*\)$", "", auth["auth"]).strip()  # "resolution 2140 (2014)" stays
    authority = _whose(authority, text[auth.start() :])
    if doc.release and authority.lower() in _ISSUER_ITSELF:
        # "The Government has also imposed ...": the government the release named ("the Australian Government");
        # "The Council today adopted ..." in the Council's own release: its issuer
        named = authority != "Council" and re.search(rf"\b(?:[A-Z][\w-]+\s+){{1,3}}{authority}\b", doc.text)
        authority = ARTICLE.sub("", named[0]) if named else doc.bulletin.publisher or authority
    action = _action(text, verb)
    return _record(doc, para, sent, authority, action, verb.end(), text)


_BACK = re.compile(r"\b(?:the|these|those|both)\s+$")
"""A count that points back to targets already counted ("... and declares the three individuals for travel bans")."""
_BODY_SAYS = re.compile(r"\s+(?:said|says|announced|added)\b")
"""A body named after a capital's action that tells of it: the body acted ("... that the Treasury said")."""


def bulleted(found: Sanction, doc: Document, intro: Paragraph) -> Sanction:
    """An action its lead sentence introduces, its targets the bullets under it, one per bullet."""
    if found.targets:
        return found
    bullets = [p.text for p in doc.paragraphs if p.lead is not None and p.lead[0] is intro]
    named = targets.bulleted(bullets)
    places = list(dict.fromkeys([*found.target_countries, *(t.country for t in named if t.country)]))
    return found.model_copy(update={"targets": named, "target_countries": places})


def table_action(doc: Document, para: Paragraph) -> Sanction | None:
    """A row of a table of sanctions actions ("| 2 Dec | OFAC (U.S. Treasury) | Designation | 12 ..., incl. X | E.O.
    13846 |"), read as the sentence "OFAC designated 12 ..., including X under E.O. 13846." would be."""
    assert para.cells is not None
    cells = {role: doc.text[a:b].strip(" *_") for role, (a, b) in para.cells.items()}
    written = cells.get("authority", "")
    owner = _OWN_PARENS.search(written)
    authority = _OWN_PARENS.sub("", written).strip()
    if owner and country_of(authority):
        authority = owner[0].strip(" ()")  # "Australia (DFAT)": the department acted for its country
    if not authority or not cells.get("targets") or not para.sentences:
        return None
    action = next((a for pattern, a in _ROW_ACTIONS if pattern.search(cells.get("action", ""))), "designate")
    listed = _INCLUDING.sub(", including ", cells["targets"])
    said = f"{authority} designated {listed}."
    found = _record(doc, para, para.sentences[0], authority, action, len(authority) + len(" designated"), said)
    total = _CELL_TOTAL.match(cells["targets"])  # "4 (Al-Mizan Islamic Bank and 3 executives)": the total, its parts
    found.target_count = int(total[1]) if total else found.target_count
    program = cells.get("program")
    return found.model_copy(update={"programs": [program]}) if program else found


_CELL_TOTAL = re.compile(r"(\d{1,4})\s*\(")
"""A count cell's total, its parts set in parentheses after it."""


_OWN_PARENS = re.compile(r"\s*\([^()]*\)$")
"""Who an authority belongs to, in a table cell ("OFAC (U.S. Treasury)"), or which body acted for a country
("Australia (DFAT)")."""
_INCLUDING = re.compile(r",?\s+incl(?:\.|uding)\s+")
_ROW_ACTIONS = (
    (re.compile(r"(?i)delist|remov|revok|lift"), "delist"),
    (re.compile(r"(?i)amend|updat|extend|renew"), "amend"),
)
"""What an action column's word makes the action: a listing by default."""


def actions(doc: Document, para: Paragraph, sent: Sentence, we: str | None, earlier: list[Sanction]) -> list[Sanction]:
    """The sanctions actions a sentence reports, tried in order: a joint statement's own ("our governments are
    imposing ..."), an authority acting, then a further action of the section's last one ("... were also
    sanctioned")."""
    joint = coordinated(doc, para, sent, we)
    if joint:
        return joint
    decided = _decided_item(doc, para, sent)
    if decided is not None:
        return [decided]
    before = earlier[-1] if earlier and earlier[-1].section == (para.section or None) else None
    found = [_as_named_before(s, before) for s in find_sanctions(doc, para, sent)]
    if not found and before is not None:
        followed = follow_up(doc, para, sent, before)
        found = [followed] if followed is not None else []
    return found


def _as_named_before(sanction: Sanction, before: Sanction | None) -> Sanction:
    """A body named by its kind acting again ("The Council also listed ...") is the body named before ("the Council
    of the EU")."""
    kind = ARTICLE.sub("", sanction.authority)
    if before is None or " " in kind or not re.search(rf"\b{re.escape(kind)}\b", before.authority):
        return sanction
    return sanction.model_copy(update={"authority": before.authority, "issuing_country": before.issuing_country})


def _decided_item(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """An operative point of a decision ("... the National Security and Defense Council of Ukraine has decided:" over
    "1. To apply ... restrictive measures (sanctions) to three individuals ..."): the deciding body acts."""
    point = _OPERATIVE.match(sent.flat) if para.lead is not None and sent is para.sentences[0] else None
    lead = _DECIDED.search(flat(para.lead[0].text)) if point is not None and para.lead is not None else None
    if point is None or lead is None or not ABOUT_SANCTIONS.search(sent.flat):
        return None
    action = next((name for pattern, name in _ROW_ACTIONS if pattern.search(point["verb"])), "designate")
    return _record(doc, para, sent, ARTICLE.sub("", lead["auth"]), action, point.end())


_DECIDED = re.compile(
    r"(?:^|,\s+)(?P<auth>(?:the\s+)?[A-Z][^,:]{2,120}?)\s+(?:has\s+|have\s+)?(?:decided|decides|resolved|resolves)\s*:\s*$"
)
"""A decision's lead over its operative points: "..., the National Security and Defense Council has decided:"."""
_OPERATIVE = re.compile(r"To\s+(?P<verb>apply|impose|extend|renew|prolong|lift|revoke|cancel)\b")


def coordinated(doc: Document, para: Paragraph, sent: Sentence, we: str | None) -> list[Sanction]:
    """A joint statement's own action ("Today, our governments are imposing coordinated sanctions on ..."): one
    action per country those speaking for "we" name."""
    text = sent.flat
    ours = _OURS.match(text) if we else None
    verb = _imposing(text, ours.end()) if ours else None
    if we is None or verb is None or not ABOUT_SANCTIONS.search(text):
        return []
    countries = sorted((m.start(), c) for c in LEXICON.countries if (m := re.search(rf"\b{re.escape(c)}\b", we)))
    found = _record(doc, para, sent, we, _action(text, verb), verb.end())
    return [found.model_copy(update={"authority": c, "issuing_country": c}) for _, c in countries]


_OURS = re.compile(r"^(?:[^,]{1,30},\s+)?(?:[Ww]e|[Oo]ur\s+(?:governments|countries|nations))\b")


def sanction(doc: Document, para: Paragraph, sent: Sentence, authority: str) -> Sanction | None:
    """The action ``authority`` takes in this sentence (a model's reading), read as the rules read their own: None
    unless the authority is the subject of an imposing verb."""
    text = sent.flat
    at = fold(text).find(fold(authority))
    verb = _imposing(text, at + len(authority)) if at >= 0 else None
    if verb is None or not _acts(text, at + len(authority), verb) or not ABOUT_SANCTIONS.search(text):
        return None
    if _HISTORY.search(text):
        return None  # a running total of past actions, as the rules' own reading rejects it
    return _record(doc, para, sent, authority, _action(text, verb), verb.end())


_IMPOSED_WHAT = re.compile(rf"{ABOUT_SANCTIONS.pattern}|travel\s+bans?|penalt|embargo", re.I)
"""What an authority imposes when it is a sanctions action: sanctions, an asset freeze, travel bans."""
_ISSUED_WHAT = re.compile(
    r"\s+(?:(?:the|new|further|fresh|more|additional|a\s+new\s+round\s+of|a\s+(?:new\s+)?package\s+of)\s+)*"
    r"(?:sanctions|designations|restrictive\s+measures)\b"
)
"""What an authority issues when that is the action ("issued further sanctions on"), not a statement about one."""
_OBJECT_END = re.compile(r"\s(?:on|upon|against|in|for|to|over|after|because)\s")
_DECISION_OF = re.compile(r"\bdecision\s+(?:of|by)\s+(?:the\s+)?$")
"""An action reported as someone's decision ("the decision of the Australian government to impose"): taken, however
the sentence judges it."""
_BY_MEANS = re.compile(
    r"\bby\s*$|\bapproved\s+(?:the|a)\s+(?:proposal|recommendation|request)\b"
    r"|\b(?:approved|passed|adopted|ratified)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:bill|law|decree)\s*$"
    r"|\bdecided\s+to\s+(?:implement|take|introduce|adopt)\s+(?:measures|steps)\b"
)
"""The action as the means of a wider aim ("the United States is countering Iran's ... by designating"), as the
body's approval of someone's proposal ("The Cabinet approved the proposal of the Finance Minister to impose"), as
the measures it decided on ("has decided to implement measures including the freezing of assets against"), or as
the bill it passed ("The Parliament ... approved a double-urgency bill imposing")."""


_BASIS = re.compile(
    r",\s+(?:in\s+accordance\s+with|pursuant\s+to|under|in\s+line\s+with|by|"
    r"(?:in\s+(?:conjunction|coordination|cooperation)|together|along|jointly)\s+with)\s+[^,;]{3,160},"
)
"""The law or act a decision rests on, or a partner acting beside the subject, set between commas ("decided, in
accordance with the Provisions on ..., to add", "The State Department, in conjunction with OFAC, announced"): no
distance from the verb."""
_ATTRIBUTIVE = re.compile(r"\b(?:the|those|these|its|their)\s+$")
_EMPOWERED = re.compile(r"\b(?:authori[sz]es?|authori[sz]ing|allows?|allowing|empowers?|enables?|permits?)\s+$")
"""What grants the authority after it a power: the law speaks, the authority does not act."""
_APPOSITIVE = re.compile(
    r"^,\s+(?:the\s|an?\s|[a-z]+ing\s)[^,;]{3,100},|^\s+(?:meeting|gathered|speaking)\s+in\s+[A-Z][\w-]*(?=\s)"
)
"""What the authority is or does, set between commas ("OFAC, the section of the Treasury charged with ...,", "The
Canadian government, continuing its hostile policies ...,"), or where it met ("EU foreign ministers meeting in
Luxembourg on Tuesday agreed to ..."): no distance from the verb."""


def _acts(text: str, subject_end: int, verb: re.Match[str], subject_start: int | None = None) -> bool:
    """Whether the authority ending at ``subject_end`` is the subject of the imposing ``verb``: close before it, not
    speaking about a sanction ("Iran's Foreign Ministry said the sanctions imposed ..."), nor demanding one."""
    if _ATTRIBUTIVE.search(text, 0, verb.start()) and not text.startswith(" of ", verb.end()):
        return False  # "the sanctioned individuals include ...": who was listed, not a listing ("the freezing of" is)
    if subject_start is not None and _EMPOWERED.search(text, 0, subject_start):
        return False  # "E.O. 13902, which authorizes Treasury to sanction any ...": a power granted, no action
    gap = _BASIS.sub("", _APPOSITIVE.sub("", _PARENS.sub("", text[subject_end : verb.start()])))
    said = _SAID.search(gap)
    limit = 100 if said or _BY_MEANS.search(gap) else 160 if _COORDINATED.match(gap) else 40
    if (said and not _SPOKESPERSON.search(gap)) or len(gap) > limit:
        return False
    imposed = _OBJECT_END.split(text[verb.end() : verb.end() + 80], 1)[0]  # what is imposed, before "on X"
    if "impos" in verb[0].lower() and not _IMPOSED_WHAT.search(f"{verb[0]} {imposed}"):  # "imposed restrictive ..."
        return False  # "seized the tanker to impose costs on shipping": something imposed, but no sanctions
    demand = _DEMAND.search(text)
    decided = subject_start is not None and _DECISION_OF.search(text, 0, subject_start)
    return bool(decided) or not (demand and demand.start() < verb.start())  # "condemned the decision of X to impose"


def _decision(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """An action reported as a government's decision, named by its capital or country ("London's decision on Monday to
    sanction six individuals ...", "the decision of the Kingdom of Bahrain to designate ...") or by the noun with its
    author ("the designation by the Treasury, on 29 September, of eleven ..."), however the speaker judges it."""
    m = _POSSESSIVE_DECISION.search(sent.flat)
    if m is None:
        m = _DECISION_BY.search(sent.flat)
        known = m is not None and (country_of(m["auth"]) or _AUTHORITY.search(m["auth"]))
        m = m if known else None
    return _record(doc, para, sent, m["auth"], "designate", m.end()) if m else None


_DECISION_BY = re.compile(
    r"\b(?:decision\s+(?:of|by)|(?:designation|listing|blacklisting)\s+by)\s+(?:the\s+)?"
    r"(?P<auth>[A-Z][\w'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'.-]*){0,6})"
    rf"(?:,?\s+{WHEN},?)?\s+(?:to\s+(?:impose\s+(?:[\w-]+\s+){{0,3}}(?:sanctions|restrictive\s+measures)\s+(?:on|against)|"
    r"sanction|designate|blacklist|list)\b|(?=of\s))"
)
"""An action told by its author after the noun: "the decision of the Kingdom of Bahrain to designate", "the
designation by the United States Department of the Treasury, on 29 September 2027, of eleven individuals"."""


_POSSESSIVE_DECISION = re.compile(
    rf"\b(?P<auth>{alternation(_CAPITALS)})'s\s+(?:decision(?:\s+(?:on|last)\s+[A-Z]?\w+)?\s+to\s+"
    r"(?:impose\s+sanctions\s+on|sanction|designate|blacklist|list)\b"
    rf"|(?:designation|listing|blacklisting)(?:\s+{WHEN})?(?=\s+of\s))"
)
"""A government's action told as its decision or by the noun ("the United Kingdom's designation on August 2 of three
officials")."""


def _whose(authority: str, text: str) -> str:
    """A body named by one word, with whose it is where the text says so ("the Council": of the EU)."""
    whole = re.search(rf"\b(?i:{re.escape(authority)}\s+of\s+the)\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){{0,3}}", text)
    return whole[0] if whole and len(authority.split()) == 1 else authority


_PASSIVE_LISTING = re.compile(
    r"\b(?:should|shall|will|are|were|is|was|has|have)\s+(?:be\s+|been\s+)?"
    r"(?P<change>added\s+to|included\s+in|deleted\s+from|removed\s+from)\s+(?:the|its|that)\s+(?:[\w-]+\s+){0,3}?list\b"
)
_LIST_CHANGES = {"added": "designate", "included": "designate", "deleted": "delist", "removed": "delist"}


def _listed_passively(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """Targets a sanctions list gains or loses, told in the passive as a legal act does ("the Council considers
    that five persons and two entities should be added to the list ..."): whoever considers it, else the issuer."""
    m = _PASSIVE_LISTING.search(sent.flat)
    if m is None or not (ABOUT_SANCTIONS.search(sent.flat) or _about_sanctions_before(doc, para)):
        return None  # "that list" is a sanctions list only where this sentence or the one before says so
    named = _AUTHORITY.search(sent.flat, 0, m.start())
    authority = named["auth"] if named else doc.bulletin.publisher
    if authority is None:
        return None
    authority = ARTICLE.sub("", authority.strip(" ,.;:"))
    authority = _whose(authority, doc.text)
    if authority.isupper():  # "THE COUNCIL OF THE EUROPEAN UNION," heading the act
        authority = from_capitals(authority)
    return _record(doc, para, sent, authority, _LIST_CHANGES[m["change"].split()[0]], m.end())


_BY = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been|are\s+being|is\s+being)\s+(?:also\s+)?"
    r"(?P<verb>sanctioned|designated|blacklisted)\s+(?:(?:on|last)\s+\w+\s+)?by\s+"
)
"""An imposing verb in the passive with its agent after it: "Five firms were sanctioned by the Treasury"."""


def _imposed_by(doc: Document, para: Paragraph, sent: Sentence, text: str) -> Sanction | None:
    """An action told in the passive, its authority the agent after "by" and its targets the subject before."""
    m = _BY.search(text)
    agent = _AUTHORITY.match(text, m.end()) if m is not None else None
    if m is None or agent is None:
        return None
    authority = re.sub(r"^the\s+", "", agent["auth"]).strip()
    found = _record(doc, para, sent, authority, "designate", 0, text)
    subject = _LEAD_IN.sub("", text[: m.start()]).strip(" ,")
    found.targets = found.targets or [t for t in targets.listed(subject) if not COUNT.match(t.name)]
    return found


_LEAD_IN = re.compile(r"^(?:[A-Z][a-z]+(?:\s+\w+){0,3},\s+)+")
"""What opens a sentence before its subject: "On Monday, ", "In a statement, "."""


def _about_sanctions_before(doc: Document, para: Paragraph) -> bool:
    """The paragraph before speaks of sanctions: "that list" in the next one is a sanctions list."""
    at = next((i for i, p in enumerate(doc.paragraphs) if p is para), 0)
    return at > 0 and bool(ABOUT_SANCTIONS.search(doc.paragraphs[at - 1].text))


def _own_body(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """An official's warning that their own department would list a target: the department, named after the office
    the sentence gives the official ("Commerce Secretary" -> "Commerce Department")."""
    text = sent.flat
    own = _OWN_BODY.search(text)
    office = _OFFICE_HELD.search(text[: own.start()]) if own else None
    verb = _imposing(text, own.end()) if own else None
    if own is None or office is None or verb is None:
        return None
    authority = f"{office['a'] or office['b']} {own['body'].title()}"
    return _record(doc, para, sent, authority, _action(text, verb), verb.end())


_SIGNS = r"(?:\s+(?:on|late\s+on|early\s+on)\s+[A-Z]\w+day)?\s+(?:also\s+)?sign(?:ed|s)\s+an?\s+(?:\w+\s+)?order\s+"
_OFFICE_TITLE = r"(?:[A-Z][\w-]+\s+){1,2}(?:Minister|Secretary)"
_ORDER = re.compile(
    rf"\b(?:(?P<office>{_OFFICE_TITLE})(?:\s+[A-Z][\w'-]+){{0,3}}|(?P<name>[A-Z][\w'-]+)){_SIGNS}"
    r"(?P<verb>designating|declaring|outlawing)\b"
)
"""A minister's order listing a group ("Defense Minister X signed an order designating Y as a terrorist
organization"): the office acts, as a department does."""


def _officer_acts(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """A minister or secretary imposing in person ("US Secretary of State Dana Varga on Wednesday rolled out a fresh
    wave of sanctions"): the office acts, as its department would."""
    m = _OFFICER.search(sent.flat)
    subject_end = max(m.end("name"), m.end("second")) if m is not None else 0
    verb = _imposing(sent.flat, subject_end) if m is not None else None
    if m is None or verb is None or not _acts(sent.flat, subject_end, verb, m.start()):
        return None
    if verb[0] in _SPEECH_VERBS and not (verb[0] == "announced" and _ISSUED_WHAT.match(sent.flat, verb.end())):
        return None  # "Foreign Minister X warned that ...": a statement, unless what is announced is the sanctions
    return _record(doc, para, sent, m["office"], _action(sent.flat, verb), verb.end())


_OFFICER = re.compile(
    rf"(?:^|,\s+)(?P<office>(?:(?:{_STATE_WORDS})\s+)?{_OFFICE_TITLE}(?:\s+of\s+State)?)\s+"
    rf"(?P<name>(?:[A-Z][\w'-]+\s+){{0,2}}[A-Z][\w'-]+)(?=\s)"
    r"(?P<second>\s+and\s+(?:[A-Z][\w-]+\s+){0,2}(?:Minister|Secretary)(?:\s+of\s+State)?(?:\s+[A-Z][\w'-]+){1,3})?"
    rf"[^,;]{{0,30}}?\s+{_IMPOSE.pattern}"
)
"""An office and its holder as the subject of an imposing verb, a second one beside them if any: "US Secretary of
State Dana Varga imposed", "Treasury Secretary X and Secretary of State Y on Friday announced the sanctions"."""
_SPEECH_VERBS = {"warned", "threatened", "announced"}


def _signed_order(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    m = _ORDER.search(sent.flat)
    office = m["office"] if m else None
    if m is not None and office is None:  # "Sharvit signed an order ...": the office the text gave him
        held = re.search(rf"({_OFFICE_TITLE})\s+(?:[A-Z][\w'-]+\s+){{0,2}}{re.escape(m['name'])}\b", doc.text)
        office = held[1] if held else None
    if m is None or office is None:
        return None
    found = _record(doc, para, sent, office, "designate", m.end("verb"))
    named = targets.named_targets("designated " + sent.flat[m.end("verb") :])  # "designating X as ...": X
    return found if found.targets else found.model_copy(update={"targets": named})


def _instrument_act(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """What a legal instrument says it does ("The instrument designates ...", "The Regulations add seven persons to
    Schedule 1"): an action by whoever made it, as its enacting words name them."""
    m = _INSTRUMENT_ACT.match(sent.flat)
    verb = _INSTRUMENT_VERB.match(sent.flat, m.end()) if m is not None else None
    maker = _MAKER.search(doc.text) if verb is not None else None
    if verb is None or maker is None:
        return None
    return _record(doc, para, sent, maker["office"] or maker["body"], _action(sent.flat, verb), verb.end())


_INSTRUMENT_VERB = re.compile(r"(?:adds?|designates?|lists?|removes?|delists?|amends?)\b")
_INSTRUMENT_ACT = re.compile(
    rf"^(?:The|These|This)\s+(?:instrument|Regulations?|Order|Decision)\s+(?:also\s+)?(?={_INSTRUMENT_VERB.pattern})"
)
_MAKER = re.compile(
    r"(?m)^I,\s+[^,\n]+,\s+(?P<office>[^,\n]+?),\s+make\s+the\s+following\b"
    r"|(?:(?:His|Her)\s+Excellency\s+)?the\s+(?P<body>[A-Z][^,\n]{2,60}?),(?:[^,\n]*,)?\s+makes\s+the\s+(?:annexed|following)\b"
)
"""An instrument's enacting words: "I, X, Minister for Foreign Affairs, make the following instrument", "Her
Excellency the Governor General in Council, on the recommendation of ..., makes the annexed Regulations"."""


def _record(
    doc: Document, para: Paragraph, sent: Sentence, authority: str, action: str, after: int, text: str | None = None
) -> Sanction:
    """The action a sentence (or one clause of it, ``text``) reports, its parts read from the words after the verb
    (``after``)."""
    text = sent.flat if text is None else text
    found = [m for i, m in enumerate(COUNT.finditer(text)) if i == 0 or not _BACK.search(text, 0, m.start())]
    listed = targets.named_targets(text)
    conduct = conduct_of(text, after)
    cite = para.citation_for(sent)
    sanction = Sanction(
        authority=authority,
        issuing_country=issuer(authority) or _seat(doc, para, authority, text),
        action=action,  # type: ignore[arg-type]
        announced_on=when(doc, para, sent),
        target_count=_count(text, found, listed, after),
        targets=listed,
        reasons=why.reasons(text) or (why.condition(text) if action == "threaten" else []),
        programs=why.programs(text),
        beneficiaries=distinct([*why.beneficiaries(text), *why.recipients(text[conduct:])]),
        cited_outlet=cite.outlet if cite else None,
        section=para.section or None,
        evidence=Evidence(start=sent.start, end=sent.end, text=sent.text),
    )
    after_count = text[found[0].start() : max(conduct, found[0].end())] if found else text[after:]
    after_count = _CONDUCT.split(_PARENS.sub("", after_count))[0]
    places = targets.countries(after_count)
    origins = [targets.origin(m[0]) for m in found[:1]]
    _settle(sanction, [*places, *origins])
    return sanction


def _seat(doc: Document, para: Paragraph, authority: str, text: str) -> str | None:
    """The state of a legislature or cabinet named without one ("The Parliament ... approved a bill imposing"), by the
    capital the story was filed from; a government named alone may be another state's, acting again."""
    return seat_side(authority, text, doc.story_place(para)) if _CHAMBER.search(authority) else None


_CHAMBER = re.compile(r"\b(?:Parliament|Majlis|Cabinet|Assembly)\b")
_APPOSED = re.compile(
    r"^(?:\s+(?:of|in|from)\s+(?:(?!\b(?:over|for|accus\w*|who|which)\b)[^,(])*)?,\s+(?=[A-Z]|(?:the|an?|its|their)\s)"
)
"""A count followed by the names it counts: "four people, A, a deputy minister, and three officers"."""
_SINGLE = re.compile(r"\s*(?:the\s+)?[A-Z]")
"""A target named or described by whose it is beside a count: "Kourosh Tabandeh", "Tehran's envoy"."""
_NOT_ITEM = re.compile(r"[()]|\b(?:that|had|has|have|it|which)\b")


def _count(text: str, found: list[re.Match[str]], listed: list[Target], after: int) -> int | None:
    """The number of targets the sentence states: a total is not added to its parts, and a target named or
    described beside a count ("X, a deputy minister, and three officers") adds one."""
    if not found:
        return None
    counts = [count(m["n"]) for m in found]
    first = found[0]
    # "nine targets - six entities and three individuals", "four people, A and three officers": a stated total
    total = first["what"] == "targets" or (len(counts) > 2 and counts[0] == sum(counts[1:]))
    total = total or bool(_APPOSED.match(text[first.end() :]))
    stated = counts[0] if total else sum(counts)
    if first["other"] == "other ":
        return stated + 1  # "designated X and three other companies"
    if total:
        return stated
    before = text[after : first.start()]
    opened = list(targets.DESCRIBED.finditer(before))
    items = re.split(r",\s+(?:and\s+)?|\s+and\s+", before[opened[-1].start("d") :] if opened else before)
    return stated + sum(1 for i in items if _SINGLE.match(i) and not _NOT_ITEM.search(i))


def conduct_of(text: str, after: int) -> int:
    """Where the conduct starts in a sanctions sentence, past the targets and the places they are in: what is
    supplied "to" someone after it goes to a beneficiary, before it to a described target."""
    start = why.reason_start(text)
    return start if start is not None and start >= after else after


def _blank_parens(text: str) -> str:
    """The text with parenthesised asides blanked out, offsets kept."""
    return _PARENS.sub(lambda m: " " * len(m[0]), text)


def _settle(sanction: Sanction, places: list[str | None]) -> None:
    """Target countries from the places written and the targets' own; a group served is not a target."""
    served = {fold(b) for b in sanction.beneficiaries}
    sanction.targets = [t for t in sanction.targets if fold(t.name) not in served]
    sanction.target_countries = distinct([*places, *(t.country for t in sanction.targets)])


_ALSO_PASSIVE = re.compile(
    r"\b(?:were|was|have been|has been|are|is)\s+(?:also\s+)?(?:sanctioned|designated|listed|blacklisted|added)\b"
    r"|^Also\s+(?:sanctioned|designated|listed|blacklisted|added)\b(?:,[^,]{1,60},)?\s+(?:were|was)\b"
)
"""A second action told in the passive: "were also designated", "Also designated, in a second listing, were"."""
_SEPARATE = re.compile(
    r"(?i)\b(?:separate|second|another|further|additional|new)\s+(?:\w+\s+)?(?:listing|act|decision|package|round|regime|designation)"
)


def follow_up(doc: Document, para: Paragraph, sent: Sentence, previous: Sanction) -> Sanction | None:
    """ "Two members of X were also sanctioned in a separate act": a second action by the authority of the one
    before, not a statement; without a sign that it is separate, its targets join the action before."""
    text = sent.flat
    same = _SAME_BODY.match(text)  # "The Ministry has also decided to sanction X": the body before acts again
    if same is not None and same["kind"].lower() not in previous.authority.lower():
        same = None
    anchor = same or _ALSO_PASSIVE.search(text)
    if anchor is None or (
        same is None and (_AUTHORITY.search(text[: anchor.start()]) or CUE_RE.search(text[: anchor.start()]))
    ):
        return None
    second = _record(doc, para, sent, previous.authority, "designate", anchor.end())
    second.announced_on = second.announced_on or previous.announced_on  # "the same day"
    counted = same is not None and second.target_count  # "The Council also listed 23 vessels": a listing of its own
    if not _SEPARATE.search(text) and not second.programs and not counted:
        previous.targets += [t for t in second.targets if t.name not in {k.name for k in previous.targets}]
        return None
    if not second.target_countries:
        second.target_countries = list(previous.target_countries)
    return second


_SAME_BODY = re.compile(
    rf"^[Tt]he\s+(?P<kind>[A-Z][a-z]+)\s+(?:has\s+|had\s+|will\s+)?also\s+(?:decided\s+)?{_IMPOSE.pattern}"
)
"""The body of the action before, by its kind, acting again: "The Ministry has also decided to sanction X"."""
_WARNING = re.compile(
    r"\b(?:threaten|(?:will|would|to) (?:impose|sanction|designate|add|list|extend|expand)|warned|hesitate)"
)
"""A warning near the verb ("will not hesitate to designate", "stood ready to sanction"): a threat, not an act."""


_ACTED_TO = re.compile(rf"\b(?:{alternation(LEXICON.acting_verbs)})(?:\s+with\s+[^,.;]{{1,60}}?)?(?:\s+to)?\s+$")
"""A verb of doing that governs the imposing infinitive: the action taken ("moved to sanction", "worked with X to
designate")."""


def _action(text: str, verb: re.Match[str]) -> str:
    """Threatened, lifted, amended or imposed: a decision to impose is an imposition, a warning a threat."""
    low = text.lower()
    decided = re.search(r"\b(?:decision|decided|approved|agreed)\b", low[: verb.end()])  # "agreed to impose": done
    near = low[max(0, verb.start() - 60) : verb.end() + 30]  # "X warned that ..., a day after Y sanctioned": Y acted
    acted = _ACTED_TO.search(low, 0, verb.start())  # "coordinated with the FBI to designate": done, not threatened
    if not decided and not acted and _WARNING.search(near):
        return "threaten"
    if re.search(r"\b(?:lift|remov|delist|unfroze|revok)", verb[0]):
        return "delist"
    if "amend" in verb[0]:
        return "amend"
    return "designate"


def _after(para: Paragraph, following: Paragraph | None, start: int) -> list[tuple[Paragraph, Sentence]]:
    """The sentences after an action's: the rest of its paragraph, then the next paragraph of its section."""
    rest = [(para, s) for s in para.sentences if s.start > start]
    return rest + [(following, s) for s in following.sentences] if following is not None else rest


def complete_sanctions(doc: Document, sanctions: list[Sanction]) -> None:
    """Fold reasons, targets and programmes from the rest of the paragraph into its sanctions action, name the
    targets it only described, and give the framework's legal acts to actions that cite none."""
    frameworks = distinct(p for para in doc.paragraphs for s in para.sentences for p in why.framework_programs(s.flat))
    following = {id(a): b for sec in doc.sections for a, b in zip_longest(sec.paragraphs, sec.paragraphs[1:])}
    actions = {s.evidence.start for s in sanctions}
    for sanction in sanctions:
        para = doc.paragraph_at(sanction.evidence.start)
        if para is None:
            continue
        action = flat(sanction.evidence.text)
        for other, sent in _after(para, following.get(id(para)), sanction.evidence.start):
            if sent.start in actions or _ALSO_PASSIVE.search(sent.flat):
                break  # the next action
            later = targets.named_later(sent.flat, action)  # "The envoy, X, has ...": the target described
            known = {t.name for t in sanction.targets}
            sanction.targets += [t for t in later if t.name not in known]
            if other is not para or CUE_RE.search(sent.flat):
                _settle(sanction, sanction.target_countries)
                continue  # an official's comment on the action, or another story: not its details
            also = targets.added_conduct(sent.flat, action)  # "The three officers, A, B and C, also ran X"
            sanction.reasons = distinct([*sanction.reasons, *why.reasons(sent.flat), *also])
            sanction.beneficiaries = distinct([*sanction.beneficiaries, *why.beneficiaries(sent.flat)])
            sanction.programs = distinct([*sanction.programs, *why.programs(sent.flat)])
            known = {t.name for t in sanction.targets}
            sanction.targets += [t for t in targets.named_targets(sent.flat) if t.name not in known]
            _settle(sanction, sanction.target_countries)
        if sanction.target_count is None or not sanction.targets:
            counted, named = _told_further_on(doc, para, actions)
            sanction.target_count = sanction.target_count or counted
            sanction.targets = sanction.targets or (named if sanction.target_count else [])
            _settle(sanction, sanction.target_countries)
        if not sanction.programs and sanction.issuing_country and frameworks:
            sanction.programs = frameworks
    sanctions[:] = _restatements_folded(sanctions)


def _told_further_on(doc: Document, para: Paragraph, actions: set[int]) -> tuple[int | None, list[Target]]:
    """How many targets and which, as later paragraphs of the section tell them before the next action: a count
    ("The sanctions apply to five Iranian political figures ..."), lists under their leads ("The five individuals
    are:", "The designated entities are:" over one name a line), or a sentence pointing back ("Those sanctioned
    Wednesday include A, B and C")."""
    section = next((sec for sec in doc.sections if para in sec.paragraphs), None)
    later = section.paragraphs[section.paragraphs.index(para) + 1 :] if section is not None else []
    counted: int | None = None
    listed: list[Target] = []
    for at, other in enumerate(later):
        if any(sent.start in actions for sent in other.sentences):
            break
        if other.lead is not None:
            continue  # an item of a list read with its lead
        applied = _APPLIED.match(other.text)
        told = COUNT.match(other.text, applied.end()) if applied else None
        counted = counted or (count(told["n"]) if told else None)
        lead = _LIST_OF_TARGETS.fullmatch(other.text.strip())
        if lead is not None:
            items = [p.text.strip() for p in takewhile(lambda p: p.lead is not None, later[at + 1 :])]
            kind = _LISTED_KINDS.get(lead["what"], "individual")
            listed += [t for t in (_listed(item, kind) for item in items) if t is not None]
            continue
        if listed:
            break
        back = next((sent for sent in other.sentences if targets.REFERS_BACK.search(sent.flat)), None)
        if back is not None:
            return counted, targets.named_targets(back.flat)
    return counted or len(listed) or None, listed


_APPLIED = re.compile(
    r"(?:The|These|Today's)\s+(?:new\s+)?(?:sanctions|measures|designations|listings)\s+(?:apply\s+to|target|cover|affect)\s+"
)
"""A later sentence counting an action's targets: "The sanctions apply to five Iranian political figures"."""


def _listed(item: str, kind: TargetKind) -> Target | None:
    """A target a list names one a line, with the country its details give: "X, born 1979, Yemeni national.",
    "Y Trading LLC (Dubai, United Arab Emirates)."."""
    name, *details = _ITEM_DETAILS.split(item, 1)
    name = name.strip()
    if not (is_name(name) or (kind != "individual" and name[:1].isupper())) or len(name.split()) > 8:
        return None  # "Falak Al-Khaleej General Trading LLC": a company's name may hold an office's word
    national = _NATIONAL.search(details[0]) if details else None
    country = NATIONALITIES.get(national[1]) if national else (country_named_last(details[0]) if details else None)
    return Target(name=name, kind=kind, country=country)


_ITEM_DETAILS = re.compile(r",|\s\(|\s[-\u2013\u2014]\s")
"""Where a listed person's details begin after their name."""
_NATIONAL = re.compile(r"\b([A-Z][a-z]+)\s+(?:national|citizen)\b")
_LIST_OF_TARGETS = re.compile(
    r"(?:The|These)\s+(?:\w+\s+)?(?P<what>individuals|persons|people|officials|entities|companies|vessels)\s+"
    r"(?:are|include):"
)
"""The lead of a list naming an action's targets one a line: "The five individuals are:"."""
_LISTED_KINDS: dict[str, TargetKind] = {"entities": "entity", "companies": "entity", "vessels": "vessel"}


def _restatements_folded(sanctions: list[Sanction]) -> list[Sanction]:
    """A release's detail section restates an action it counted without names ("is designating two entities", then
    "The Department of State is designating A ... and B"): the restatement's targets and details are the action's."""
    kept: list[Sanction] = []
    for sanction in sanctions:
        first = next(
            (
                k
                for k in kept
                if (k.authority, k.action) == (sanction.authority, sanction.action)
                and k.target_count
                and not k.targets
                and sanction.target_count is None
                and len(sanction.targets) <= k.target_count
            ),
            None,
        )
        lead = next((k for k in kept if _leads_into(k, sanction)), None)
        if lead is not None:  # "The U.S. said it is imposing sanctions ...", then who designated how many: one action
            sanction.announced_on = sanction.announced_on or lead.announced_on
            sanction.reasons = sanction.reasons or lead.reasons
            kept[kept.index(lead)] = sanction
            continue
        if first is None:
            kept.append(sanction)
            continue
        first.targets = sanction.targets
        first.reasons = distinct([*first.reasons, *sanction.reasons])
        first.beneficiaries = distinct([*first.beneficiaries, *sanction.beneficiaries])
        first.programs = distinct([*first.programs, *sanction.programs])
        _settle(first, [*first.target_countries, *sanction.target_countries])
    return kept


_ALSO = re.compile(r"\balso\b")
_LEAD_REACH = 400
"""How far after a lead sentence its detail may start: the next paragraph or two."""


def _leads_into(lead: Sanction, detail: Sanction) -> bool:
    """Whether ``lead`` announces, without count or names, the action ``detail`` then tells in full: the same state
    doing the same thing right after, not "also" doing it again."""
    return (
        lead.target_count is None
        and not _ALSO.search(detail.evidence.text)
        and not lead.targets
        and bool(detail.target_count or detail.targets)
        and lead.issuing_country is not None
        and (lead.issuing_country, lead.action) == (detail.issuing_country, detail.action)
        and 0 <= detail.evidence.start - lead.evidence.end <= _LEAD_REACH
    )


_ISSUERS = LEXICON.issuers


def issuer(authority: str) -> str | None:
    """The country of a sanctioning body, from a part of its name (most specific first), else the country it is."""
    owner = re.match(rf"(?:the\s+)?({_OWNER})'s\s", authority)
    if owner and country_of(owner[1]):
        return country_of(owner[1])  # "Iran's Foreign Ministry"
    bare = ARTICLE.sub("", authority)
    served = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w\s'-]+)$", bare)  # "Government of Japan"
    if served and country_of(served[1]):
        return country_of(served[1])
    first = bare.split(" ", 1)[0]
    national = NATIONALITIES.get(first) or LEXICON.short_names.get(first)  # "the Turkish government", "UAE Cabinet"
    hits = [(len(p), country) for country, parts in _ISSUERS.items() for p in parts if p in authority]
    found = max(hits)[1] if hits else None  # the longest part names it: "Ministry of Commerce" over "Commerce"
    return national or found or country_of(bare)
