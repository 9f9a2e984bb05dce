"""Sanctions lists as a sanctions office publishes its changes: a lead ("The following individuals and entities have
been added to OFAC's SDN List:") over entries written in the list's own format ("SHAHRIARI, Javad (a.k.a. ...), Tehran,
Iran; DOB 14 Mar 1971; nationality Iran; ... (individual) [SDGT]").

Such a page has no prose to read an action from: the lead is the action, the entries are its targets, and the legal
basis is in the entries' tags. One record per lead.
"""

from __future__ import annotations

import re
from datetime import date

from .. import dates
from ..header import FULL_DATE
from ..lexicon import alternation
from ..models import Evidence, Sanction, Target
from ..segment import Document, Paragraph, Section
from .dating import when
from .sanctions import issuer
from .words import LEXICON, NUMBERS, PARTICLES, count, country_named_last, country_of

_LEAD = re.compile(
    r"(?:^|,\s+)[Tt]he following [\w\s,]+? (?:on the [\w\s]+?List\s+)?(?:has|have) been "
    r"(?P<change>added to|removed from|updated on|amended)\b(?:\s+(?:(?P<owner>[A-Z][\w.-]*)'s|the)\s+)?"
    r"(?P<rest>[^:]*?)\s*:?\s*$"
)
"""A list's lead over its entries: "The following ... have been added to OFAC's SDN List:", "..., the following
entries have been added to the Consolidated List and are now subject to an asset freeze under the X Regulations:",
"The following entry on the Consolidated List has been amended ...:"."""
_DETERMINED = re.compile(
    r"(?:^|,\s+)(?:the\s+)?(?P<who>[A-Z][\w\s]{2,60}?)(?:,[^:]{0,160}?,)?\s+(?:has|have)\s+determined\s+that\s+"
    rf"the\s+following\s+(?:(?P<count>{alternation(NUMBERS)}|\d+)\s+)?(?:persons|individuals|entities|vessels)\b"
    r"[^:]*:\s*$"
)
"""A determination over the entries it designates, as a notice publishes it: "Pursuant to section 1 of E.O. 13382,
the Secretary of State ... has determined that the following four persons have engaged in ...:"."""
_BLANK = re.compile(r"\n\s*\n")
_CHANGES = {"added to": "designate", "removed from": "delist", "updated on": "amend", "amended": "amend"}
_PERSON = re.compile(r"^(?P<surname>[A-Z][A-Z'\- ]+),\s+(?P<given>[A-Z][\w'\- ]*?[a-z])\s*[,(]")
_GIVEN_NAME = re.compile(r"[A-Z][a-z]")
"""A given name in its own case after a surname in capitals, then the entry's details in parentheses: a person
("KHORRAMSHAHI, Ali-Reza (Group ID: 16671)"), not an entity and its address ("X FZE, Jebel Ali, Dubai")."""
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?P<law>[A-Z][^,;:]*?(?:Regulations|Act|Order|Decision)(?:\s+\d{4})?)")
_ENTRY = re.compile(
    rf"^(?P<name>[A-Z0-9][A-Z0-9&'.\-/ ]+?(?:,\s+(?:{alternation(LEXICON.company_suffixes)})\.?)*)"
    rf"(?=\s*\(|,|\s+(?:{alternation(LEXICON.vessel_types)})\b)"
)
_IS_PERSON = re.compile(r"\(individual\)|\bDOB\b")
_IS_VESSEL = re.compile(r"\(vessel\)|\bTanker\b")
_NATIONALITY = re.compile(r"\bnationality ([A-Z][\w ]+?);")
_FLAG = re.compile(r"((?:[A-Z]\w+ )?([A-Z]\w+)) flag\b")
_ORDER = re.compile(r"Executive Order (\d{5})|\[[A-Z]+-EO(\d{5})\]")


def listings(doc: Document, section: Section) -> list[Sanction]:
    """One action per list lead in ``section``, its targets the entries under it."""
    found: list[Sanction] = []
    blocks = [_BLANK.split(p.text.strip()) for p in section.paragraphs]  # a lead's colon runs its entries on
    for i, (first, *rest) in enumerate(blocks):
        lead = _LEAD.search(first) or (_DETERMINED.search(first) if "determined" in first else None)
        if lead is None:
            continue
        entries = list(rest)
        for following in blocks[i + 1 :]:
            if _LEAD.search(following[0]) or ("determined" in following[0] and _DETERMINED.search(following[0])):
                break
            entries += following
        owner = found[-1].authority if found else None  # a notice lists its changes under one body
        found.append(_action(doc, section.paragraphs[i], lead, first, entries, owner))
    return found


def _action(
    doc: Document, para: Paragraph, lead: re.Match[str], said: str, entries: list[str], owner: str | None
) -> Sanction:
    named = [t for t in (_target(e.strip()) for e in entries) if t is not None]  # a notice indents its entries
    orders = [m[1] or m[2] for e in entries for m in _ORDER.finditer(e)]
    determined = lead.re is _DETERMINED
    law = _UNDER.search(said if determined else lead["rest"]) or _UNDER.search(doc.text[: para.start])  # or its head
    programs = [f"Executive Order {orders[0]}"] if orders else [law["law"]] if law else []
    sent = para.sentences[0] if para.sentences else None
    owned = None if determined else lead["owner"]
    authority = _expanded(owned, doc.text) if owned else _publisher(doc, said, owner)
    authority = " ".join(lead["who"].split()) if determined else authority  # "the Secretary of\nState"
    stated = count(lead["count"]) if determined and lead["count"] else None
    return Sanction(
        authority=authority,
        issuing_country=issuer(authority),
        action="designate" if determined else _CHANGES[lead["change"]],  # type: ignore[arg-type]
        announced_on=_effective(doc) or (when(doc, para, sent) if sent else None) or doc.bulletin.period_end,
        target_count=stated or (len(named) if len(named) == 1 else None),  # a list states no number; one entry is one
        targets=named,
        target_countries=list(dict.fromkeys(t.country for t in named if t.country)),
        programs=programs,
        section=para.section or None,
        evidence=Evidence(start=para.start, end=para.start + len(said), text=said),
    )


def _effective(doc: Document) -> date | None:
    """The day a notice says its actions took effect ("DATES: The determinations were effective on March 28, 2028."),
    not the day it was published."""
    m = _EFFECTIVE.search(doc.text)
    return dates.parse(m["day"])[0] if m is not None else None


_EFFECTIVE = re.compile(
    rf"(?im)^(?:DATES|Effective\s+date)\s*:[^\n]*?(?:\n[^\n]+?){{0,2}}?\beffective\s+(?:on\s+|as\s+of\s+)?"
    rf"(?P<day>{FULL_DATE.pattern})"
)


def _publisher(doc: Document, lead: str, earlier: str | None) -> str:
    """Whose list it is, when the lead names no owner: the body a lead says published it ("Following the publication
    of the UK Sanctions List by the Foreign, Commonwealth & Development Office (FCDO)"), else the earlier lead's,
    else the page's publisher."""
    by = _BY_BODY.search(lead)
    return by["body"] if by else earlier or doc.bulletin.publisher or "the list's owner"


_BY_BODY = re.compile(r"\bby\s+the\s+(?P<body>[A-Z][\w,&' ]+?)(?:\s+\([A-Z]{2,8}\))?(?=\s+on\b|,\s+(?:the|and)\b|\s*$)")


def _target(entry: str) -> Target | None:
    """An entry's name as a reader writes it ("SHAHRIARI, Javad" is Javad Shahriari), its kind and its country."""
    person = _PERSON.match(entry)
    named = person is not None and person[0].endswith("(") and len(person["surname"].split()) <= 3  # "X, Ali (ID"
    person = person if person and (_IS_PERSON.search(entry) or (named and _GIVEN_NAME.match(person["given"]))) else None
    if person is not None:
        surname = " ".join(_cased(w) for w in person["surname"].split())
        nationality = _NATIONALITY.search(entry)
        country = country_of(nationality[1]) if nationality else None
        return Target(name=f"{person['given']} {surname}", kind="individual", country=country)
    m = _ENTRY.match(entry)
    if m is None or len(m["name"]) < 3:
        return None
    if _IS_VESSEL.search(entry):
        flag = _FLAG.search(entry)
        country = (country_of(flag[1]) or country_of(flag[2])) if flag else None  # "Marshall Islands flag"
        return Target(name=m["name"].strip(), kind="vessel", country=country)
    address = entry[m.end() :].split(";")[0]
    return Target(name=m["name"].strip(), kind="entity", country=country_named_last(address))


def _cased(word: str) -> str:
    """A surname the list writes in capitals, as prose writes it: "AL-KHAFAJI" is "al-Khafaji"."""
    parts = word.split("-")
    last = len(parts) - 1
    return "-".join(p.lower() if p.lower() in PARTICLES and i < last else p.title() for i, p in enumerate(parts))


def _expanded(acronym: str, text: str) -> str:
    """The name an acronym stands for where the page spells it out ("Office of Foreign Assets Control" for OFAC)."""
    for m in re.finditer(r"\b[A-Z][a-z]+(?:[ \t]+(?:of|the|and|for|[A-Z][a-z]+))+", text[:3000]):
        initials = "".join(w[0] for w in m[0].split() if w[0].isupper())
        if initials == acronym:
            return m[0]
    return acronym
