"""Sanctions targets: who is named as sanctioned, what kind of target each is, and which country each is from.

Targets are named after a designating verb, in apposition to a count ("two targets, A and its director, B"), or a
sentence later by the description the action used ("sanctions against Moscow's envoy ... The envoy, X, ...").
"""

from __future__ import annotations

import re

from ..lexicon import alternation
from ..models import Target
from .dating import DAY
from .speakers import titled
from .words import (
    COUNT,
    LEXICON,
    NAME,
    NATIONALITIES,
    NOT_NAMES,
    NUMBERS,
    RANK,
    ROLE_NOUNS,
    country_of,
    distinct,
    is_name,
    nationality,
)

# --- where ------------------------------------------------------------------------------------------------

_COUNTRIES = LEXICON.countries
_COUNTRY_MENTIONS = re.compile(rf"\b({alternation(_COUNTRIES)})\b(?!ian|i\b)")
POSSESSIVE_COUNTRY = re.compile(rf"^(?:the|of)\s+|^(?:{alternation(_COUNTRIES)})'s\s+(?=[A-Z])")


def countries(text: str) -> list[str]:
    """Countries named in the text ("Iranian" is not "Iran"), in the order written."""
    return distinct(country_of(m[1]) or m[1] for m in _COUNTRY_MENTIONS.finditer(text))


_BASED = r"-(?:based|registered|headquartered|flagged)\b"
"""Where a target sits: "Dubai-based", "Comoros-flagged"."""
_PLACE = r"[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?"
_POSSESSOR = re.compile(rf"\b({_PLACE})'s\s+(?=[a-z]|[A-Z])")
"""Whose a target is: "Moscow's envoy", "Iran's Basij militia"."""
_PLACE_BASED = re.compile(rf"\b({_PLACE}){_BASED}")
_PLACE_FIRST = re.compile(r"(?:the\s+)?([A-Z][A-Za-z]+)\s+[a-z]")
_IN_PLACE = re.compile(rf"\b(?:in|of)\s+(?:the\s+)?(?:Islamic\s+Republic\s+of\s+)?({_PLACE})\b")
_HOME_BODIES = re.compile(rf"\b(?:{alternation(LEXICON.iranian_bodies)})\b")


def origin(phrase: str) -> str | None:
    """Country of a target from "Moscow's envoy", "Iran-based", "the Iraqi militia", "Iranian national", "officers of
    the IRGC", "in Basra", in that order."""
    for pattern in (_POSSESSOR, _PLACE_BASED):
        for m in pattern.finditer(phrase):
            if country_of(m[1]):
                return country_of(m[1])
    first = _PLACE_FIRST.match(phrase)  # "Baghdad money changer X"
    if first and country_of(first[1]):
        return country_of(first[1])
    national = nationality(phrase)
    if national or _HOME_BODIES.search(phrase):
        return national or "Iran"
    return next((country_of(m[1]) for m in _IN_PLACE.finditer(phrase) if country_of(m[1])), None)


# --- targets ------------------------------------------------------------------------------------------------------

_ORG_WORDS = re.compile(
    r"(?i)\b(?:company|co|ltd|llc|bank|petroleum|oil|shipping|trading|group|network|militia|force|brigades?|"
    r"headquarters|foundation|institute|corporation|holding|industries|exchange|organization|movement|party|"
    r"engineering|logistics|maritime|marine|technologies|technology|systems|services|electronics|aviation|"
    r"enterprises|agency|council)\b"
)
_OFFICES_FOR = "".join(f"(?<!{noun}\\s)" for noun in LEXICON.offices_for)
"""Offices that go on with "for": "the deputy commander for logistics of the IRGC Aerospace Force, X"."""
_NOT_PURPOSE = "".join(f"(?<!{word}\\s)" for word in LEXICON.not_purpose_words)
"""Words before "to" that make it no infinitive of purpose: "pursuant to Executive Order 13224"."""
_LIST_END = (
    rf"(?=\s+(?:as(?!\s+well\s+as)(?<!well as)|{_OFFICES_FOR}for(?=\s+[a-z])|under|to the|to its|who|which|that|"
    r"over|from|if|"
    rf"accused|accusing|involved|on\s+{DAY}|{_NOT_PURPOSE}to\s+(?!(?:the|its|their|an?)\b)[a-z]{{3,}})\b|"
    r"\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){1,4}(?:says|said|claims|claimed|alleges|alleged|believes)\b|"
    r"(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bCo)\.(?:\[\d{1,3}\])*\s|\.?(?:\[\d{1,3}\])*$)"
)
"""Where a list of targets ends: a clause about them ("who ...", "accused of ...", "the Treasury says are ..."), the
day or purpose of the action ("on Monday", "to address ..."), or the sentence."""
_LISTED = r"(?:listed|designated|sanctioned|blacklisted|targeted|named)"
REFERS_BACK = re.compile(
    rf"\b(?:[Tt]hose {_LISTED}|[Tt]he {_LISTED} (?:entities|individuals|persons|companies|firms|people))\b"
)
"""A sentence naming the targets of an action told before: "Those sanctioned Wednesday include ..."."""
_TARGET_LISTS = [
    re.compile(
        r"(?:designation of|designated(?:,\s+[^,]{1,40},\s+(?:were|was))?|sanctioned|blacklisted|added|"
        r"sanctioned (?:bodies|entities) (?:is|was|in)|"
        r"(?:[Aa]mong )?(?:those|the targets) (?:designated|sanctioned|listed|hit|named) (?:are|were|include[sd]?)|"
        r"\b[Aa]mong them(?: are| were)?|(?:[Tt]he )?(?:new )?listings include|"
        r"\b(?:would|will|to) (?:also )?(?:sanction|add)|\bremoved|,\s+including|"
        rf"(?:[Tt]hose {_LISTED}(?:\s+(?:on\s+)?[A-Z][a-z]+day)?|[Tt]hey|[Tt]he targets)"
        r" include[sd]?|"
        rf"[Tt]he {_LISTED} (?:entities|individuals|persons|companies|people) "
        r"(?:are|were|include)|"
        r"\b(?:sanctions|countermeasures|asset freezes|travel bans) (?:on|against)|"
        r"\bon (?:two|three|four|five|six|\d+) (?:men|women|individuals|people|officials),)"
        r"\s+(?!(?:if|by|as|for|under|in|on|to)\b)(?P<list>.+?)" + _LIST_END
    ),
    re.compile(r"\btargets\b(?:[^:.]|(?<=\b[A-Z])\.){0,300}:\s+(?P<list>.+?)" + _LIST_END),  # "E.O. 13224 ...: A"
    # Names in apposition to a counted subject: "Two members of the council, A and B, were also sanctioned".
    re.compile(rf"^{COUNT.pattern}[^,]*,\s+(?P<list>[^;]+?),\s+(?=(?:were|was|are|have|has|also)\b)"),
    # A threat in the passive: "warned that the Lebanese company X will be designated".
    re.compile(
        r"\bthat\s+(?P<list>[^,.;]+?)\s+(?:will|would|could)\s+be\s+(?:designated|sanctioned|blacklisted|listed)"
    ),
]
_REPORTED_BY = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w'.-]*\s+(?:of\s+(?:the\s+)?)?){1,6}(?:said|says|announced|added|stated|reported)\.?\s*$"
)
"""Who tells of the action, closing the sentence (", the Department of State announced."): no target."""
_LIST_ITEM = re.compile(
    r";\s*(?:and\s+)?|,\s+and\s+|,?\s+as well as\s+|(?:,|\s+and)\s+(?=[A-Z]|(?:the|its|their|his|her|an?|\d+)\s)|"
    rf"\s+and\s+(?=(?:{alternation(NUMBERS)})\s)"
)
_NAMES_OF = re.compile(r"^(?:the\s+)?names?\s+of\s+")
_DESCRIPTION = re.compile(r"^(?:the|an?|its|their|his|her)\s+(?:[A-Z]\w+\s+)?[a-z]")
"""A list item that only describes ("its Yemeni owner", "two officials of the prison"): the name, if any, follows."""
_PARENS_AFTER = re.compile(r"\s*\([^()]*\)")
_DESCRIBES_PREVIOUS = re.compile(r"(?:the|an?|its|their)\s+(?:[a-z][\w-]*\s+){1,3}of\b")
_NAME_AFTER_ROLE = re.compile(r"\s+[A-Z]")


def named_targets(text: str) -> list[Target]:
    """Names listed after a designating verb, with their kind and, when written, their country."""
    targets: list[Target] = []
    text = _REPORTED_BY.sub("", text)
    for m in (m for pattern in _TARGET_LISTS for m in pattern.finditer(text)):
        targets += [t for t in listed(m["list"]) if t.name not in {known.name for known in targets}]
    return targets


def listed(phrase: str) -> list[Target]:
    """The targets a list names; a description before a name ("its Yemeni owner, X") or after it ("X, a deputy
    minister of Iran") gives the name its country."""
    targets: list[Target] = []
    carried = None  # "two Syrian nationals, X and Y": the description gives X's country
    counted, colon, names = phrase.partition(": ")  # "four entities and individuals: A, B and C"
    phrase = names if colon and COUNT.match(counted) else phrase
    phrase = _NAMES_OF.sub("", phrase)  # "added the name of X to its list": X
    for item in _LIST_ITEM.split(_PARENS_AFTER.sub("", phrase)):
        head, comma, described = item.partition(", ")
        if comma and described[:1].islower() and head[:1].isupper() and is_name(head):
            item = head  # "Craig Ostrander, chief executive of X": the name, then who he is
        else:
            described = ""
        if country_of(item.strip()):
            continue  # "entry into China, including Hong Kong and Macao": places, not targets
        first = item.split()[0].lower() if item.split() else ""
        if _DESCRIBES_PREVIOUS.match(item):  # "the operator of the tanker Sea Falcon": the name before it, described
            place = origin(item)
            if place and targets and targets[-1].country is None:
                targets[-1] = targets[-1].model_copy(update={"country": place})
            continue
        role = _DESCRIPTION.match(item) and ROLE_NOUNS.search(item)
        named = role and _NAME_AFTER_ROLE.match(item[role.end() :])  # "its Iranian director Hamid Tolouei"
        # "seven entities in Iran", "its Yemeni owner": a count or a description, not a name
        target = None if first in NUMBERS or first.isdigit() or (role and not named) else _target_named(item)
        if target is None:
            place = origin(item)
            if role and place and targets and targets[-1].country is None:  # "X, a deputy minister of Iran,"
                targets[-1] = targets[-1].model_copy(update={"country": place})
            carried = place or carried
        elif target.name not in {t.name for t in targets}:
            country = target.country or (origin(described) if described else None) or carried
            targets.append(target.model_copy(update={"country": country}))
    return targets


_LATER = re.compile(
    rf"(?:^|;\s+)[Tt]he\s+(?:(?:{alternation(NUMBERS)}|[a-z]+)\s+){{0,2}}?(?P<noun>[a-z][\w'-]+)"
    r"(?:,\s+(?P<named>[^;]+?),\s+(?=(?:also\s+)?[a-z])|\s+(?:are|were|is|was)\s+(?P<listed>[^;]+?)" + _LIST_END + ")"
)
"""A target named a sentence after the action by the description it used: "The envoy, X, has ...", "the companies,
A and B, are registered in ...", "The three officers are A, B and C"."""
_TARGET_NOUNS = set(LEXICON.target_nouns)


def _refers(noun: str, action: str) -> bool:
    """Whether a description names what the action targeted: a word it used, or a word for a target."""
    return noun in _TARGET_NOUNS or bool(re.search(rf"\b{re.escape(noun.rstrip('s'))}", action))


DESCRIBED = re.compile(rf"\b(?:against|on)\s+(?!{DAY}\b)(?P<d>[^,;]+)")
"""What an action is against, when it describes rather than names it: "against Moscow's envoy in X"."""
_REGISTERED = re.compile(r"\b(?:registered|based|headquartered|incorporated)\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w ]+)")


def named_later(text: str, action: str) -> list[Target]:
    """Targets a follow-up sentence names by a description the action used, each with the country that description
    (or the follow-up) gives: "against Tehran's envoy ... The envoy, X, ..." is X, of Iran."""
    found: list[Target] = []
    for m in _LATER.finditer(text):
        noun = m["noun"]
        if not _refers(noun, action):
            continue
        clause = text[m.end() : text.find(";", m.end()) if ";" in text[m.end() :] else len(text)]
        registered = _REGISTERED.search(clause)
        described = re.search(
            rf"(?:[\w'.-]+\s+){{0,4}}{re.escape(noun.rstrip('s'))}\w*(?:\s+(?:of|to|in)\s+[^,;]+)?", action
        )
        described = described or DESCRIBED.search(action)  # "against Moscow's charge d'affaires": the diplomat
        country = (country_of(registered["place"].strip()) if registered else None) or (
            origin(described[0]) if described else None
        )
        for target in listed(m["named"] or m["listed"]):
            found.append(target if target.country else target.model_copy(update={"country": country}))
    return found


_ALSO_DID = re.compile(r",\s+also\s+(?P<c>[a-z]+ed\s+[^,;.]+?)(?=\s+(?:at|in|near|from)\s+(?:a|an|the)\s|[,;.]|$)")


def added_conduct(text: str, action: str) -> list[str]:
    """What targets named a sentence later also did: "The three officers, A, B and C, also supervised X"."""
    m = _LATER.search(text)
    m = m if m and _refers(m["noun"], action) else None
    also = _ALSO_DID.search(text, m.end() - 2) if m and m["named"] else None
    return [also["c"]] if also else []


def _is_firm(name: str) -> bool:
    """A firm whose name holds an office word: "Golden Reef General Trading"."""
    words = name.split()
    return bool(_ORG_WORDS.fullmatch(words[-1])) and not ROLE_NOUNS.match(words[0]) and words[0] not in NOT_NAMES


_PLACE_BASED_WORD = re.compile(rf"\b{_PLACE}(?:{_BASED}|-(?:{alternation(LEXICON.provenance_suffixes)})\b)\s+")
"""Where a target sits or what it comes from ("Dubai-based", "European-made engines"): a description, not a name."""
_TARGET_NAME = re.compile(r"(?:(?:al|el|an|ad|as)-)?" + NAME + r"(?:\s+(?:for|of)\s+(?:the\s+)?" + NAME + ")*")
_VESSEL = re.compile(r"\b(?:tanker|vessel|ship|MT|MV)\b")


def bulleted(items: list[str]) -> list[Target]:
    """Targets a list gives one per bullet, each opening with its name and described after it ("Nahr Crest Trading
    FZE, a UAE-based company that ...", "Vessel CORAL DUNE (IMO 9301446), a Panama-flagged tanker ...")."""
    found: list[Target] = []
    for item in items:
        head, *described = _APPOSITION.split(item, maxsplit=1)
        target = _target_named(head)
        written = _VESSEL_WORD.sub("", head.strip())
        if target is not None and len(written.split()) <= 8:
            target = target.model_copy(update={"name": written})  # "Orchid Line Maritime S.A.": its name as written
        if target is not None and target.name not in {t.name for t in found}:
            country = target.country or origin(described[0] if described else "")
            found.append(target.model_copy(update={"country": country}))
    return found


_VESSEL_WORD = re.compile(r"^(?:Vessel|M/V|MV|M/T|MT)\s+")
_APPOSITION = re.compile(r"\s*\([^()]*\)\s*,?\s*|,\s+(?=(?:an?|the)\s)")
"""Where a bullet's name ends: its identifiers in parentheses or the description set after it."""


def _target_named(item: str) -> Target | None:
    """The target a list item names, as a person, entity or vessel; None for an item that names nobody."""
    bare = _PLACE_BASED_WORD.sub("", RANK.sub("", item, count=1) if RANK.match(item) else item)
    office, holder = titled(_POSSESSOR.sub("", bare))  # "Iran's Central Bank Governor X": X, whatever X holds
    bare = holder if office and is_name(holder) and len(holder.split()) > 1 else bare
    names = [
        n
        for n in _TARGET_NAME.findall(bare)
        if (is_name(n) or _is_firm(n))
        and n not in {"Specially", "Designated", *NATIONALITIES}
        and country_of(n) is None  # a place ("flights to Damascus"), not a target
        and not n.endswith("'s")  # "Moscow's envoy": whose the target is, not its name
        and len(n) > 3
    ]
    if not names:
        return None
    name = max(names, key=len)
    if RANK.match(item):  # "General Farzad Mirhashemi of the IRGC Aerospace Force": an officer, not a unit
        name = name.split(" of ")[0]
    if _VESSEL.search(item):
        kind = "vessel"
    elif _ORG_WORDS.search(name) or _ORG_WORDS.search(item) or len(name.split()) > 4:
        kind = "entity"
    else:
        kind = "individual"
    return Target(name=name, kind=kind, country=origin(item[: item.find(name)] + name))  # type: ignore[arg-type]
