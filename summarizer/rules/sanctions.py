"""Sanctions actions: an authority as the subject of an imposing verb, with its targets, their countries and why.

A sentence names the action; the rest of its paragraph often adds the conduct, the programme and more targets, so
each action is completed from the sentences after it.
"""

from __future__ import annotations

import re

from ..lexicon import actor, alternation, word_pattern
from ..models import Evidence, Sanction, Target
from ..segment import Document, Paragraph, Sentence
from .dating import when
from .statements import CUE_RE
from .words import (
    COUNT,
    LEXICON,
    NAME,
    NATIONALITIES,
    NOT_NAMES,
    NUMBERS,
    ORGS,
    RANK,
    ROLE_NOUNS,
    count,
    distinct,
    is_name,
)

_CAPITALS = LEXICON.sanctioning_places
"""A country or capital as the subject of a sanctioning verb: the authority when no body is named."""
_AUTHORITY = re.compile(
    rf"(?P<auth>(?:the\s+)?(?:(?:{alternation(LEXICON.sanctioning_adjectives)})\s+)?"
    rf"(?:{alternation(LEXICON.sanctioning_bodies)}|"
    r"(?:^|(?<=- ))(?:" + "|".join(_CAPITALS) + r")(?=\s+(?:on|said|has|had|\w+ed)\b))"
    r"(?:'s\s+(?:Office of Foreign Assets Control|OFAC|Financial Sanctions Implementation)(?:\s+\(\w+\))?)?)"
)
_IMPOSE = word_pattern(LEXICON.sanction_verbs)
_DEMAND = word_pattern(LEXICON.demand_verbs)
_ABOUT_SANCTIONS = re.compile(
    r"(?i)sanction|designat|blacklist|asset[- ]freeze|froze|freezing|restrictive measures|economic measures|"
    r"\blisted\b[^.]{0,40}\btargets\b"
)
_SAID = re.compile(r"\bsaid\b")
_SPOKESPERSON = re.compile(
    r"\bsaid(?: that)?(?: on \w+)? (?:the bloc|it|the union|the department|they)(?: was| were| would| will| had)?\s*$"
)
"""An authority's spokesperson announcing for it: "the EU's spokesperson, X, said the bloc would impose"."""
_PARENS = re.compile(r"\([^()]*\)")
_CONDUCT = re.compile(
    r"(?:,\s+|\s+(?=(?:responsible|involved|accused|for\s+\w+ing)\b))"
    r"(?:which|who|whose|for|over|due|responsible|involved|accused)\b"
)
"""Where the conduct starts, past the targets and their countries."""
_PROGRAMS = re.compile(
    r"\b(?:E\.O\.\s*\d+|Executive Order\s+\d+|SDGT|IFSR|NPWMD|IRGC-related|Global Magnitsky|"
    r"global human rights sanctions regime|Council (?:Decision|Regulation) (?:\(\w+\) )?\d{4}/\d+(?:/CFSP)?|"
    r"(?:[A-Z][\w-]+ )+(?:\([A-Za-z ]+\) )+Regulations(?: \d{4})?|Specially Designated Global Terrorists?)"
)
_PROGRAM_NAMES = {"specially designated global terrorist": "SDGT", "specially designated global terrorists": "SDGT"}


def find_sanction(doc: Document, para: Paragraph, sent: Sentence) -> Sanction | None:
    """A sanctions action in this sentence: an authority as subject of an imposing verb."""
    text = sent.flat
    if not _ABOUT_SANCTIONS.search(text):
        return None
    auth = _AUTHORITY.search(text)
    verb = _IMPOSE.search(text, auth.end()) if auth else None
    if auth is None or verb is None:
        return None
    gap = _PARENS.sub("", text[auth.end() : verb.start()])
    said = _SAID.search(gap)
    if (said and not _SPOKESPERSON.search(gap)) or len(gap) > (100 if said else 40):
        return None  # "Iran's Foreign Ministry said the sanctions imposed ...": speech about a sanction
    demand = _DEMAND.search(text)
    if demand and demand.start() < verb.start():
        return None
    body = _AUTHORITY.search(text, verb.end()) if auth["auth"] in _CAPITALS else None
    if body is not None and body["auth"] not in _CAPITALS:
        auth = body  # "Washington slapped sanctions on X that the Treasury Department said ...": the Treasury acted
    authority = re.sub(r"^the\s+|\s*\([^()]*\)$", "", auth["auth"]).strip()
    found = list(COUNT.finditer(text))
    counts = [count(m["n"]) for m in found]
    # "nine targets - six entities and three individuals", "four targets: ..., two officials of ...": a stated
    # total is not added to its parts.
    total = len(counts) > 1 and (counts[0] == sum(counts[1:]) or found[0]["what"] == "targets")
    target_count = (counts[0] if total else sum(counts)) if counts else None
    if target_count and found[0]["other"] == "other ":
        target_count += 1  # "designated X and three other companies"
    after_count = text[found[0].start() :] if counts else text[verb.end() :]
    targets = _named_targets(text)
    countries = _countries(_CONDUCT.split(_PARENS.sub("", after_count))[0])
    countries = distinct([*countries, *(_origin(m[0]) for m in found[:1]), *(t.country for t in targets)])
    action = _action(text, verb)
    cite = para.citation_for(sent)
    return Sanction(
        authority=authority,
        issuing_country=_issuer(authority),
        action=action,  # type: ignore[arg-type]
        announced_on=when(doc, para, sent),
        target_count=target_count,
        targets=targets,
        target_countries=countries,
        reasons=_reasons(text) or (_condition(text) if action == "threaten" else []),
        programs=_programs(text),
        beneficiaries=distinct([*_beneficiaries(text), *_recipients(text[verb.end() :])]),
        cited_outlet=cite.outlet if cite else None,
        section=para.section or None,
        evidence=Evidence(start=sent.start, end=sent.end, text=sent.text),
    )


def _action(text: str, verb: re.Match[str]) -> str:
    """Threatened, lifted, amended or imposed: a decision to impose is an imposition, a warning a threat."""
    low = text.lower()
    decided = re.search(r"\b(?:decision|decided)\b", low[: verb.start()])  # "a decision ... to impose" is done
    if not decided and re.search(r"\b(?:threaten|will impose|would impose|to impose|warned)", low[: verb.end() + 30]):
        return "threaten"
    if re.search(r"\b(?:lift|remov|delist|unfroze)", verb[0]):
        return "delist"
    if "amend" in verb[0]:
        return "amend"
    return "designate"


def complete_sanctions(doc: Document, sanctions: list[Sanction]) -> None:
    """Fold reasons, targets and programmes from the rest of the paragraph into its sanctions action."""
    for sanction in sanctions:
        para = doc.paragraph_at(sanction.evidence.start)
        if para is None:
            continue
        for sent in (s for s in para.sentences if s.start > sanction.evidence.start):
            if find_sanction(doc, para, sent) is not None:
                break
            if CUE_RE.search(sent.flat):
                continue  # an official's comment on the action, not its details
            sanction.reasons = distinct([*sanction.reasons, *_reasons(sent.flat)])
            sanction.beneficiaries = distinct([*sanction.beneficiaries, *_beneficiaries(sent.flat)])
            sanction.programs = distinct([*sanction.programs, *_programs(sent.flat)])
            known = {t.name for t in sanction.targets}
            sanction.targets += [t for t in _named_targets(sent.flat) if t.name not in known]
            sanction.target_countries = distinct([*sanction.target_countries, *(t.country for t in sanction.targets)])


def _programs(text: str) -> list[str]:
    """Sanctions programmes and legal bases named ("E.O. 13224", "SDGT"), one spelling each."""
    return distinct(_PROGRAM_NAMES.get(m[0].lower(), m[0]) for m in _PROGRAMS.finditer(text))


# --- who and where ------------------------------------------------------------------------------------------------

_ISSUERS = LEXICON.issuers


def _issuer(authority: str) -> str | None:
    """The country of a sanctioning body, from a part of its name (most specific first)."""
    return next((country for country, parts in _ISSUERS.items() if any(p in authority for p in parts)), None)


_COUNTRIES = LEXICON.countries
_SHORT_NAMES = LEXICON.short_names
_CITIES = LEXICON.cities
_COUNTRY_MENTIONS = [(re.compile(rf"\b{re.escape(c)}\b(?!ian|i\b)"), c) for c in _COUNTRIES]
_POSSESSIVE_COUNTRY = re.compile(rf"^(?:the|of)\s+|^(?:{alternation(_COUNTRIES)})'s\s+(?=[A-Z])")


def _countries(text: str) -> list[str]:
    """Countries named in the text ("Iranian" is not "Iran"), in the order written."""
    found = [(m.start(), c) for pattern, c in _COUNTRY_MENTIONS for m in pattern.finditer(text)]
    return distinct(_SHORT_NAMES.get(c, c) for _, c in sorted(found))


def _country(place: str) -> str | None:
    """The country (or body) a place name stands for: "Dubai", "Tehran", "UAE", "Iran"; None for no known place."""
    found = actor(place) or _CITIES.get(place) or _SHORT_NAMES.get(place) or (place if place in _COUNTRIES else None)
    return re.sub(r"^the ", "", found) if found else None


_BASED = r"-(?:based|registered|headquartered|flagged)\b"
"""Where a target sits: "Dubai-based", "Comoros-flagged"."""
_PLACE_BASED = re.compile(rf"\b([A-Z][A-Za-z]+){_BASED}")
_PLACE_FIRST = re.compile(r"(?:the\s+)?([A-Z][A-Za-z]+)\s+[a-z]")
_NATIONALITY_MENTIONS = [(re.compile(rf"\b{re.escape(a)}\b"), country) for a, country in NATIONALITIES.items()]


def _origin(phrase: str) -> str | None:
    """Country of a target from "Iran-based", "the Iraqi militia", "Iranian national"."""
    based = _PLACE_BASED.search(phrase) or _PLACE_FIRST.match(phrase)  # "Baghdad money changer X"
    if based:
        return _country(based[1])
    return next((country for pattern, country in _NATIONALITY_MENTIONS if pattern.search(phrase)), None)


# --- why and for whom ---------------------------------------------------------------------------------------------

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
_WHICH_ALSO = re.compile(r",\s+and\s+which\s+(?:also\s+)?")
_REASON_END = re.compile(
    r"\s*\((?=[^()]*[\d,])[^()]*\)|\[\d{1,3}\]|,\s+(?:which|who|including|among)\b|\.\s|:|\s+if\b|"
    r"\s+(?:to|in order to) benefit\b|"
    r",\s+under\s+(?=[^,]*(?:Order|E\.O\.|[Aa]uthorit|Regulations|Decision))"  # the programme, not the conduct
)
_SAID_HAD = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){1,4}said\s+(?:(?:had|has|have)\s+)?")
_ORG = r"(?:the\s+)?[A-Z][\w'\-]*(?:\s+(?:of\s+)?[A-Z][\w'\-]*)*(?:\s*\([A-Z]{2,8}\))?"
_ON_BEHALF = re.compile(rf"\s+on behalf of\s+{_ORG}(?:(?:,|\s+and)\s+{_ORG})*")
_FOR_ORG = re.compile(rf"\s+for\s+{_ORG}$")
_CONDUCTS = re.compile(r";\s*(?:and\s+)?|,\s+and\s+|\s+and\s+(?:for\s+)?(?=[a-z]+(?:ing|ed)\s)")


def _reasons(text: str) -> list[str]:
    """The conduct a sanction is for, one item per conduct, without who benefited or under which programme."""
    m = _REASON.search(text)
    if not m:
        return []
    text = _WHICH_ALSO.sub("; ", m["r"])  # "..., which moved X, and which also helped Y"
    body = _REASON_END.split(text)[0]
    body = _SAID_HAD.sub("", body)
    # "on behalf of X", "for Hezbollah": who benefited (see _beneficiaries), not the conduct.
    body = _ON_BEHALF.sub("", body)
    body = _FOR_ORG.sub(lambda m: "" if ORGS.search(m[0]) else m[0], body)
    parts = _CONDUCTS.split(body)
    for i in range(len(parts) - 1):  # "financing and shipping X": one conduct with two verbs
        if len(parts[i].split()) == 1:
            parts[i + 1], parts[i] = f"{parts[i]} and {parts[i + 1]}", ""
    return distinct(p.strip(" ,.") for p in parts if len(p.split()) >= 2)


def _condition(text: str) -> list[str]:
    """What a threatened target must do to be sanctioned: "will be designated if it takes delivery of ..."."""
    m = re.search(r"\bif (?:it|they|he|she)\s+(?P<r>[a-z][^.;,()]+)", text)
    return [m["r"].strip()] if m else []


_BENEFIT = re.compile(
    r"\b(?:to finance|financing|to fund|funding|in support of|supporting|on behalf of|"
    r"benefit(?:ing|ed)?|for the benefit of|(?:revenue|funds|money|dollars) for)\s+(?:the\s+)?(?P<b>[^.;():]+)"
)
_FOR_KNOWN_ORG = re.compile(r"\bfor\s+(?:the\s+)?" + ORGS.pattern)
_TO_ORG = re.compile(r"\bto\s+(?:the\s+)?(?P<b>(?:pro-|[A-Z])[^.;():,]+)")
_HELD = re.compile(r"-(?:controlled|held)\b")


def _beneficiaries(text: str) -> list[str]:
    """Who the sanctioned conduct served: "financing Hezbollah", "on behalf of the IRGC"."""
    found = []
    for m in _BENEFIT.finditer(text):
        found += _org_list(m["b"], text)
    # "smuggling drone parts for Kata'ib Hezbollah": a known armed group served by the conduct
    found += [m[1] for m in _FOR_KNOWN_ORG.finditer(text)]
    return distinct(found)


def _recipients(text: str) -> list[str]:
    """Who received what a sanctioned conduct supplied: "moving funds to Hezbollah and the IRGC"."""
    found = []
    for m in _TO_ORG.finditer(text):
        found += [b for b in _org_list(m["b"], text) if not _place(b) and not _HELD.search(b)]
    return distinct(found)


def _place(name: str) -> bool:
    """A place, not a recipient: "to Damascus", "to the port of Latakia"."""
    return _country(name) is not None or bool(re.match(r"(?:port|city|province) of\b", name))


_ORG_LIST = re.compile(r",\s*including\s+|,\s+|\s+and\s+(?:to\s+)?|\s+to\s+|\s+on behalf of\s+")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z]\w+$")


def _org_list(phrase: str, text: str) -> list[str]:
    """Organisations named in a phrase; a name defined by an acronym ("... and Armed Forces Logistics (MODAFL)")
    is one name even when it holds "and"."""
    for name in _acronym_names(text):
        phrase = phrase.replace(name, name.replace(" and ", "\x00"))
    found = []
    for part in _ORG_LIST.split(phrase):
        part = _POSSESSIVE_COUNTRY.sub("", part.strip()).replace("\x00", " and ")
        if part and (part[0].isupper() or part.startswith("pro-")):
            found.append(_IN_PLACE.sub("", part))
    return distinct(found)


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


# --- targets ------------------------------------------------------------------------------------------------------

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
_LIST_ITEM = re.compile(
    r";\s*(?:and\s+)?|,\s+and\s+|,?\s+as well as\s+|(?:,|\s+and)\s+(?=[A-Z]|(?:the|its|their|an?|\d+)\s)|"
    rf"\s+and\s+(?=(?:{alternation(NUMBERS)})\s)"
)
_DESCRIPTION = re.compile(r"^(?:the|an?|its|their)\s+(?:[A-Z]\w+\s+)?[a-z]")
"""A list item that only describes ("its Yemeni owner", "two officials of the prison"): the name, if any, follows."""
_PARENS_AFTER = re.compile(r"\s*\([^()]*\)")
_DESCRIBES_PREVIOUS = re.compile(r"(?:the|an?|its|their)\s+[a-z][\w-]*\s+of\b")
_NAME_AFTER_ROLE = re.compile(r"\s+[A-Z]")


def _named_targets(text: str) -> list[Target]:
    """Names listed after a designating verb, with their kind and, when written, their country."""
    targets: list[Target] = []
    for m in (m for pattern in _TARGET_LISTS for m in pattern.finditer(text)):
        carried = None  # "its Yemeni owner, X", "two Syrian nationals, X and Y": the description gives X's country
        for item in _LIST_ITEM.split(_PARENS_AFTER.sub("", m["list"])):
            first = item.split()[0].lower() if item.split() else ""
            if _DESCRIBES_PREVIOUS.match(item):
                continue  # "the operator of the tanker Sea Falcon": a description of the name before it
            role = _DESCRIPTION.match(item) and ROLE_NOUNS.search(item)
            named = role and _NAME_AFTER_ROLE.match(item[role.end() :])  # "its Iranian director Hamid Tolouei"
            # "seven entities in Iran", "its Yemeni owner": a count or a description, not a name
            target = None if first in NUMBERS or first.isdigit() or (role and not named) else _target_named(item)
            if target is None:
                carried = _origin(item) or carried
            elif target.name not in {t.name for t in targets}:
                targets.append(target if target.country else target.model_copy(update={"country": carried}))
    return targets


def _is_firm(name: str) -> bool:
    """A firm whose name holds an office word: "Golden Reef General Trading"."""
    words = name.split()
    return bool(_ORG_WORDS.fullmatch(words[-1])) and not ROLE_NOUNS.match(words[0]) and words[0] not in NOT_NAMES


_PLACE_BASED_WORD = re.compile(rf"\b[A-Z][\w]*{_BASED}\s+")
_TARGET_NAME = re.compile(r"(?:(?:al|el|an|ad|as)-)?" + NAME + r"(?:\s+(?:for|of)\s+(?:the\s+)?" + NAME + ")*")
_VESSEL = re.compile(r"\b(?:tanker|vessel|ship|MT|MV)\b")


def _target_named(item: str) -> Target | None:
    """The target a list item names, as a person, entity or vessel; None for an item that names nobody."""
    bare = _PLACE_BASED_WORD.sub("", RANK.sub("", item, count=1) if RANK.match(item) else item)
    names = [
        n
        for n in _TARGET_NAME.findall(bare)
        if (is_name(n) or _is_firm(n))
        and n not in {"Specially", "Designated", *NATIONALITIES}
        and _country(n) is None  # a place ("flights to Damascus"), not a target
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
    return Target(name=name, kind=kind, country=_origin(item[: item.find(name)] + name))  # type: ignore[arg-type]
