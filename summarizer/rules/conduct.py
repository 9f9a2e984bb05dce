"""Why a sanction was imposed and for whom: the conduct cited, who benefited from it, and the programme used."""

from __future__ import annotations

import re

from .targets import POSSESSIVE_COUNTRY
from .words import ARTICLE, LEXICON, NATIONALITIES, ORGS, country_of, distinct

_PROGRAMS = re.compile(
    r"\b(?:E\.O\.\s*\d+|Executive Order\s+\d+|SDGT|IFSR|NPWMD|IRGC-related|Global Magnitsky|"
    r"(?:EU )?global human rights sanctions regime|Council (?:Decision|Regulation) (?:\(\w+\) )?\d{4}/\d+(?:/CFSP)?|"
    r"(?:[A-Z][\w-]+ )+(?:\([A-Za-z ]+\) )+Regulations(?: \d{4})?|Specially Designated Global Terrorists?|Entity List)"
)
_PROGRAM_NAMES = {"specially designated global terrorist": "SDGT", "specially designated global terrorists": "SDGT"}


# --- why and for whom ---------------------------------------------------------------------------------------------

_REASON = re.compile(
    r"\b(?:involved(?:,\s*[^,]+,)?\s+in|(?:designated|sanctioned|targeted) for|"
    r"for(?=\s+[\"\u201c]?(?:\w+ly\s+)?\w+ing\b)|"
    r"(?:for|over) (?:their|its|his|her) (?:role|involvement|part) in"
    r"(?:\s+an? [^,.;]*?(?:network|scheme|plot) (?:that|which))?|"
    r"for(?=\s+(?!its|their|his|her)(?:[\w-]+\s+){0,5}(?:violations|abuses|activities|attacks)\b)|"
    r"due to|in connection with|accused of|accusing (?:him|her|them|it) of|responsible for|"
    r"over(?=\s+(?:the|its|their|his|her)\s)|"
    r"(?:network|entities|individuals|companies|firms|targets)[^.;]{0,40}? (?:that|which|who)"
    r"(?=\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could)\b)[a-z]+\b))"
    r"(?:,?\s*among other things,)?\s+(?P<r>.+?)(?:(?<![A-Z]\.[A-Z])\.\s|\.?$)"
)
"""Where the conduct behind a sanction starts: "for moving", "over the seizure", "network that sold"."""
_CITED = re.compile(r"\s*\([^()]*\d[^()]*\)")
"""A parenthesised citation ("(U.S. Treasury, May 5)"): not conduct, and its full stops end nothing."""
_INCLUDED = re.compile(r",\s+including\s+[^,;]*$")
"""Inside a target named in passing (", including a Maltese broker said to have arranged two of the voyages"):
what that one target did, not what the action is for."""
_WHICH_ALSO = re.compile(r",\s+and\s+which\s+(?:also\s+)?")
_REASON_END = re.compile(
    r"\s*\((?=[^()]*[\d,])[^()]*\)|\[\d{1,3}\]|,\s+(?:which|who|including|among)\b|(?<![A-Z]\.[A-Z])\.\s|:|\s+if\b|"
    r"\s+for (?:use|the purpose)\b|"
    r"\s+to\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}list\b|"  # "added nine persons responsible for X to the list"
    r"\s+(?:to|in order to) benefit\b|"
    r",\s+under\s+(?=[^,]*(?:Order|E\.O\.|[Aa]uthorit|Regulations|Decision|Law\b|Act\b))"  # the programme
)
_SAID_HAD = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){1,4}said\s+(?:(?:had|has|have)\s+)?")
_ORG = r"(?:the\s+)?[A-Z][\w'\-]*(?:\s+(?:of\s+)?[A-Z][\w'\-]*)*(?:\s*\([\"“]?[A-Z][\w-]{1,10}[\"”]?\))?"
_ON_BEHALF = re.compile(rf"\s+on behalf of\s+{_ORG}(?:(?:,|\s+and)\s+{_ORG})*(?:,\s+an?\s+[^,;]+)?")
_QUOTES = re.compile(r"[\"“”]")
"""Quotation marks around the conduct's words: the conduct is named, not quoted."""
_GERUND = re.compile(r"[a-z]+ing\b")
_CLAUSE = re.compile(r",\s+(?=[a-z]+ing\b)")
_CONDUCTS = re.compile(r";\s*(?:and\s+)?|,\s+and\s+|\s+and\s+for\s+|\s+and\s+(?:for\s+)?(?=[a-z]+(?:ing|ed)\s)")


def reason_start(text: str) -> int | None:
    """Where the conduct a sanction is for starts in a sentence, if it says."""
    m = _REASON.search(_blank_cited(text))
    return m.start() if m else None


def _blank_cited(text: str) -> str:
    return _CITED.sub(lambda m: " " * len(m[0]), text)


def reasons(text: str) -> list[str]:
    """The conduct a sanction is for, one item per conduct, without who benefited or under which programme."""
    text = _CITED.sub("", text)
    m = next((m for m in _REASON.finditer(text) if not _INCLUDED.search(text, 0, m.start())), None)
    if not m:
        return []
    text = _WHICH_ALSO.sub("; ", m["r"])  # "..., which moved X, and which also helped Y"
    body = _REASON_END.split(text)[0]
    body = _SAID_HAD.sub("", body)
    # "on behalf of X": who benefited (see _beneficiaries), not the conduct; "for the Houthis" stays in what was
    # done ("buying drone components for the Houthis"), as analysts quote it.
    body = _ON_BEHALF.sub("", body)
    if not _GERUND.match(body):  # "over the suppression of protests, widening a list": the clause is no conduct
        body = _CLAUSE.split(body)[0]
    parts = _CONDUCTS.split(body)
    for i in range(len(parts) - 1):  # "financing and shipping X": one conduct with two verbs
        if len(parts[i].split()) == 1:
            parts[i + 1], parts[i] = f"{parts[i]} and {parts[i + 1]}", ""
    return distinct(_QUOTES.sub("", p).strip(" ,.") for p in parts if len(p.split()) >= 2)


def condition(text: str) -> list[str]:
    """What a threatened target must do to be sanctioned: "will be designated if it takes delivery of ..."."""
    m = re.search(r"\bif (?:it|they|he|she)\s+(?P<r>[a-z][^.;,()]+)", text)
    return [m["r"].strip()] if m else []


_BENEFIT = re.compile(
    r"\b(?:to finance|financing|to fund|funding|in support of|supporting|on behalf of|"
    r"benefit(?:ing|ed)?|for the benefit of|(?:revenue|funds|money|dollars) for)\s+(?:the\s+)?(?P<b>[^.;():]+)"
)
_FOR_KNOWN_ORG = re.compile(r"\bfor\s+(?:the\s+)?" + ORGS.pattern)
_TO_ORG = re.compile(r"\bto\s+(?:the\s+)?(?:[\w]+-based\s+)?(?P<b>(?:pro-|[A-Z])[^.;():,]+)")
_HELD = re.compile(r"-(?:controlled|held)\b")


def beneficiaries(text: str) -> list[str]:
    """Who the sanctioned conduct served: "financing Hezbollah", "on behalf of the IRGC"."""
    found = []
    for m in _BENEFIT.finditer(text):
        found += _org_list(m["b"], text)
    # "smuggling drone parts for Kata'ib Hezbollah": a known armed group served by the conduct
    found += [m[1] for m in _FOR_KNOWN_ORG.finditer(text)]
    return distinct(found)


def recipients(text: str) -> list[str]:
    """Who received what a sanctioned conduct supplied: "moving funds to Hezbollah and the IRGC"."""
    found = []
    for m in _TO_ORG.finditer(text):
        found += [b for b in _org_list(m["b"], text) if not _place(b) and not _HELD.search(b)]
    listed = {p.lower() for p in programs(text)}  # "add X to the Entity List": the list receives nothing
    return distinct(b for b in found if b.lower() not in listed and b not in NATIONALITIES)


def _place(name: str) -> bool:
    """A place, not a recipient: "to Damascus", "to the port of Latakia"; a state named as such ("transfers to
    Russia") receives."""
    if ARTICLE.sub("", name) in LEXICON.regions:
        return True  # "sales to East Asia"
    return (country_of(name) is not None and name not in LEXICON.countries) or bool(
        re.match(r"(?:port|city|province) of\b", name)
    )


_ORG_LIST = re.compile(r",\s*including\s+|,\s+|\s+and\s+(?:to\s+)?|\s+to\s+|\s+on behalf of\s+")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z]\w+$")
_WORD = r"(?:(?:al|el|ad|an|as)-)?[A-Z][\w'.\-]*"
_NAME_HEAD = re.compile(rf"{_WORD}(?:\s+(?:(?:of|the|and|for|ahl|bin|ibn|abu|de)\s+)*{_WORD})*(?:\s*\([A-Z]{{2,8}}\))?")
"""The name opening a phrase, without what it goes on to say ("Russia for use in its war" is Russia)."""


def _org_list(phrase: str, text: str) -> list[str]:
    """Organisations named in a phrase; a name defined by an acronym ("... and Armed Forces Logistics (MODAFL)")
    is one name even when it holds "and"."""
    for name in _acronym_names(text):
        phrase = phrase.replace(name, name.replace(" and ", "\x00"))
    found = []
    for part in _ORG_LIST.split(phrase):
        part = POSSESSIVE_COUNTRY.sub("", part.strip()).replace("\x00", " and ")
        head = _NAME_HEAD.match(part)
        if part.startswith("pro-") or (head and head[0].endswith("'s")):  # "Iran's proxies in the region"
            found.append(_IN_PLACE.sub("", part))
        elif head:
            found.append(_IN_PLACE.sub("", head[0]))
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


def programs(text: str) -> list[str]:
    """Sanctions programmes and legal bases named ("E.O. 13224", "SDGT"), one spelling each."""
    return distinct(_PROGRAM_NAMES.get(m[0].lower(), m[0]) for m in _PROGRAMS.finditer(text))


_FRAMEWORK = re.compile(r"(?i)\b(?:framework|regime)\b.*\b(?:established|set up|created|adopted)\b")
"""A sentence on the legal framework a release's listings are made under: "The framework ... was established by
Council Decision ... and Council Regulation ..."."""


def framework_programs(text: str) -> list[str]:
    """The legal acts a sentence names as the framework the actions of the text fall under."""
    return programs(text) if _FRAMEWORK.search(text) else []
