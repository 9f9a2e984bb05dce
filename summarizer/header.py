"""What a bulletin says about itself: title, publisher, editor and dates, from its header lines and page furniture.

Published texts open with more than a title: a masthead, a breadcrumb, a date line, a caption, an issuer's name. The
title is the first header line that is none of these; the date comes from the bulletin's own period, a date line
or a closing timestamp; the publisher from a masthead, a byline, an issuer line or the agency of a wire dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates
from .layout import (
    DATE_LINE,
    EMAIL_FIELD,
    MD_LINK,
    PLACE_BYLINE,
    SEPARATOR,
    Line,
    date_of,
    dateline,
    ends_sentence,
    is_furniture,
    logical_lines,
)
from .lexicon import alternation, load, word_pattern
from .models import Bulletin
from .text import SMALL_WORDS, from_capitals

_LEXICON = load()
_PERIOD = re.compile(
    r"(?P<a>[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*(?:-|to|until)\s*"
    r"(?P<b>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_TITLE_DATE = re.compile(
    r"\s*[:,|-]\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$"
)
_SIGNED = r"(?:(?i:editor\s*:|edited by)|\bEd\.(?=\s+[A-Z]))"
"""How a header names its editor: "Editor:", "edited by", "Ed. Mirela Vasic"."""
_BYLINE = re.compile(rf"(?m)^[*_\s]*(?P<pub>[A-Z][^\n|·*_]{{2,60}}?)\s*[|·].*?\b{_SIGNED}")
_MONTH_RANGE = re.compile(r"\b(?P<m>[A-Z][a-z]+)\s+(?P<a>\d{1,2})\s*-\s*(?P<b>\d{1,2}),?\s+(?P<y>\d{4})\b")
_DAY_RANGE = re.compile(r"\b(?P<a>\d{1,2})\s*-\s*(?P<b>\d{1,2})\s+(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})\b")
_STAMP = re.compile(
    r"\b(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d)|(?:19|20)\d\d-\d\d-\d\d)"
    r"(?=,?\s+\d{1,2}:\d\d(?P<ampm>\s*[AP]M)?)"
)
"""A numeric date with the time it was posted, inside a line that is more than a date (a byline)."""
FULL_DATE = re.compile(r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
_PUBLISHER_WORDS = re.compile(
    r"(?i)\b(?:center|centre|institute|intelligence|itic|agency|news|foundation|council|analytics|research)\b"
)
_SPLIT = re.compile(r"\s+[-|]\s+")
_PARTS = re.compile(r"\s+[-|]\s+|,\s+")
_BOLD_LABEL = re.compile(r"^[*_]{1,2}([^*_:\n]{1,40}):[*_]{1,2}\s*")
"""A Markdown field label in bold: "**Desk:** Crisis Monitoring Desk, Northlight Risk Analytics"."""
_FIELD_LABEL = re.compile(r"^[A-Z][\w ]{1,24}:\s+")
_MASTHEAD = word_pattern(_LEXICON.masthead_words)
_RELEASE = re.compile(rf"(?i)^(?:{alternation(_LEXICON.release_markers)})\b")
_EDITOR_LINE = re.compile(rf"\b(?:{_SIGNED}|(?i:prepared by|compiled by|written by|editing by))")
_OFFICE = word_pattern(_LEXICON.role_nouns, ignore_case=True)
HEADER_LINES = 14
"""Non-blank lines searched for a header: past them, the body has begun."""


@dataclass
class Header:
    """The bulletin's metadata and which logical lines the header used up (title, furniture, issuer)."""

    bulletin: Bulletin
    used: set[int] = field(default_factory=set)
    release: bool = False
    """The text is an organisation's own press release: what it reports is said on its date."""


def metadata(text: str) -> Bulletin:
    """Title, publisher, period and editor of a bulletin text."""
    return read_header(text, logical_lines(text)).bulletin


def read_header(text: str, lines: list[Line]) -> Header:
    """Title, publisher, period and editor from the first lines of the bulletin and its page furniture."""
    header = Header(Bulletin())
    head = text[:1500]
    title_line: str | None = None
    headline: str | None = None
    """A headline under a title line in capitals: the capitals were the masthead."""
    signed = False
    """Whether an editor's line came: a digest's name in capitals over it is its title, not a masthead."""
    publisher: str | None = None
    office: str | None = None
    """A name line under the title line: the office of the person named above it ("Minister for Foreign Affairs")."""
    under_path = False
    """Whether a row of section links came under the title line: that line was the site's name, not the title."""
    release = False
    thread = False
    """Whether an author's handle came under their name: a copied thread, whose first post opens with its title."""
    labelled = False
    """Whether a site's section label came under the title line: that line was the site's name."""
    un_cover = False
    """Whether a UN document's cover came ("United Nations ... S/2026/1034"): its organ's name is no title."""
    seen = 0
    wrapper = _forwarded(lines)
    header.used |= set(range(wrapper))  # a forwarded e-mail: the forwarder's headers and note are no bulletin's
    email = any(_SENDER.match(ln.text) for ln in lines[:60])
    for i, line in enumerate(lines):
        if i < wrapper or not line.text:
            continue
        if not re.search(r"[^\W_]", line.text):
            continue  # "=====", "* * *": a rule, no header line
        if email and EMAIL_FIELD.match(line.text):
            header.used.add(i)  # "From: Gulf Sanctions Monitor <editor@...>": the e-mail's, not the bulletin's
            continue
        seen += 1
        if seen > HEADER_LINES or (title_line is not None and _is_prose(line.text)):
            break
        if (
            title_line is None
            and _is_prose(line.text)
            and (dateline(line.text) is not None or _too_long_for_a_title(line.text))
        ):
            break  # an article pasted from its first paragraph ("ERBIL - The US ... imposed ..."): it has no title
        if thread and not is_furniture(line.text):  # the first post: the body has begun
            break
        cells = _COLUMN_GAP.split(line.text.strip())  # a PDF's cover in two columns: "United Nations    S/2026/1034"
        if any(_UN_SYMBOL.match(cell) for cell in cells[1:]) and _names_only(cells[0]):
            publisher, un_cover = publisher or cells[0], True  # "United Nations" over "Security Council": the issuer
            header.used.add(i)
            continue
        body = _BOLD_LABEL.sub(r"\1: ", cells[0]).strip("#*_ ").strip()  # "**Desk:** ..." -> "Desk: ..."
        if un_cover and title_line is None and _names_only(body):
            header.used.add(i)  # "Security Council": the organ, under the issuer
            continue
        signed = signed or bool(_EDITOR_LINE.search(body))
        if is_furniture(body):
            if _RELEASE.match(body) and title_line is not None and headline is None and _names_only(title_line):
                publisher = publisher or office or title_line  # the issuer's name over "Press release"
                title_line, under_path = None, False
            if _RELEASE.match(body):
                release = True
                header.used |= set(range(wrapper, i))  # the issuers' names and offices over "Joint media release"
            crumb = _CRUMB.match(MD_LINK.sub(r"\g<text>", body))
            under_path = under_path or bool(
                title_line is not None
                and headline is None
                and (SEPARATOR.search(body) or (crumb and crumb["site"].lower() == "home"))
                and _names_only(title_line)
            )  # "United Nations" over "Secretary-General | Office of the Spokesperson | ..." or "Home > ...": a site
            header.used.add(i)
            site = crumb["site"] if crumb and crumb["site"].lower() != "home" else None
            named = title_line is not None and _names_only(title_line)  # "U.S. Department of Justice" over it
            page_head = _masthead(body) if _PAGE.search(body) else None  # a paper's page head is furniture too
            publisher = publisher or (None if named else site) or page_head  # "[The Lantern Post](url) > ..."
        elif _masthead(body) is not None:
            publisher = publisher or _masthead(body)
            header.used.add(i)
        elif title_line is None and _issuer(body) and i + 1 < len(lines) and lines[i + 1].text:
            publisher = publisher or re.sub(r"^The\s+", "", body)  # "The Meir Amit ... Center" over its title
            header.used.add(i)
        elif title_line is None and (site := MD_LINK.fullmatch(body)) is not None:
            publisher = publisher or site["text"]  # "[Axis Ledger](https://...)": the site's name, linked home
            header.used.add(i)
        elif title_line is None:
            title_line = body
            header.used.add(i)
        elif _HANDLE.fullmatch(body) and publisher is None and headline is None and _names_only(title_line):
            publisher, title_line, thread = title_line, None, True  # "Nadia Kessler" over "@NKessler": a post's author
            header.used.add(i)
        elif headline is None and not signed and " | " in title_line and _in_capitals(body) and len(body.split()) > 1:
            headline, publisher = body, publisher or title_line.split(" | ")[0]  # "Site | Service" over "DIGEST: X"
            header.used.add(i)
        elif _TAGLINE.match(body):
            publisher, signed = publisher or _TAGLINE.match(body)["org"], True  # a name in capitals stays the title
            header.used.add(i)
        elif headline is None and _in_capitals(title_line) and _names_only(body) and _UNIT.match(body):
            header.used.add(i)  # "U.S. DEPARTMENT OF THE TREASURY" over "Office of Foreign Assets Control"
        elif (
            headline is None
            and not signed
            and _is_headline(body)
            and not _TAGLINE_WORDS.search(body)
            and (
                _in_capitals(title_line)
                or under_path
                or len(title_line.split()) == 1
                or _H1.match(line.text)
                or _site_line(title_line)
                or (labelled and _names_only(title_line))  # "Asharq Al-Awsat" / "English" / "Arab World" / headline
            )
        ):
            headline = body  # "THE TIGRIS OBSERVER" or a section label ("Politics"), then "Iraq vows to treat ..."
            header.used.add(i)
        elif headline is None and office is None and _names_only(body) and _OFFICE.search(body):
            office = body
        elif headline is not None and _names_only(body) and _OFFICE.search(body) and len(body.split()) <= 6:
            header.used.add(i)  # "Spokesperson Bryce Halverson" under a briefing's title: who gives it, no section
        elif headline is None and _SECTION_LABEL.fullmatch(body) and _headline_follows(lines, i):
            header.used.add(i)  # "Politics" between the masthead and the headline: the site's section, no heading
            labelled = True
        elif publisher is None and not _EDITOR_LINE.search(body) and _issuer_part(body):
            publisher = _issuer_part(body)  # "Halcyon Institute for Regional Affairs - Iran Programme"
            header.used.add(i)
        elif publisher is not None and PLACE_BYLINE.fullmatch(body) and body.endswith(publisher):
            header.used.add(i)  # "Baghdad - Rafidain Today": where the publisher filed from
    if thread and title_line is None:
        title_line = _first_post(lines, header.used)
    if title_line is not None and headline is not None:
        site = from_capitals(title_line) if _in_capitals(title_line) else title_line if under_path else None
        site = site or (_SPLIT.split(title_line)[-1] if _site_line(title_line) else None)  # "Hansard - UK Parliament"
        site = site or (title_line if labelled and _names_only(title_line) else None)  # "Asharq Al-Awsat"
        publisher, title_line = publisher or site, headline
    bulletin = header.bulletin
    bulletin.title, split_publisher = _title(title_line or "")
    header.release = release
    bulletin.publisher = _publisher(head, text, publisher or split_publisher)
    _editor(bulletin, head, text)
    _period(bulletin, head, lines)
    return header


_HANDLE = re.compile(r"@\w{2,30}")
_POST = re.compile(r"^(?:1/|1/\d+|\(1/\d+\))?\s*(?P<first>.+?[^A-Z.])\.(?:\s|$)")


def _dates_the_page(head: str, date: re.Match[str]) -> bool:
    """Whether a full date near the top can be the page's own: on a line of its own or a dateline's, not told deep
    in a sentence of the body ("the invasion, which began on February 24, 2022")."""
    line_start = head.rfind("\n", 0, date.start()) + 1
    line_end = head.find("\n", date.end())
    line = head[line_start : line_end if line_end >= 0 else len(head)]
    return date.start() - line_start <= _DATELINE_CHARS or not _is_prose(line)


_DATELINE_CHARS = 60
"""How far into a line a dateline's date may sit: "WASHINGTON, March 21, 2023 (Wire) -"."""


def _first_post(lines: list[Line], used: set[int]) -> str | None:
    """A thread's title: the first sentence of its first post, without the post's number."""
    first = next((ln.text for i, ln in enumerate(lines) if ln.text and i not in used and not is_furniture(ln.text)), "")
    m = _POST.match(first)
    return m["first"].strip() if m else None


_COLUMN_GAP = re.compile(r"\s{4,}")
_UN_SYMBOL = re.compile(r"[SA]/(?:RES/)?\d{2,4}/\d+")
"""A UN document's symbol ("S/2026/1034"), printed beside "United Nations" on its cover."""
_UNIT = re.compile(r"(?:Office|Bureau|Division|Directorate|Department|Agency|Service)\s+(?:of|for)\s+[A-Z]")
"""A unit named under its department's masthead ("Office of Foreign Assets Control"): part of the masthead."""


def _site_line(line: str) -> bool:
    """A site's name with its owner's beside it ("Hansard - UK Parliament"): names on both sides of a separator."""
    parts = _SPLIT.split(line)
    return len(parts) > 1 and all(_names_only(part) for part in parts)


def _is_prose(line: str) -> bool:
    """A sentence, or one introducing a list, or sentences run on into a wrapped paragraph's first words (longer
    than any headline): the body has begun."""
    words = len(line.split())
    return (words >= 12 and (ends_sentence(line) or line.endswith(":"))) or (
        words >= 30 and not ends_sentence(line.rstrip("*_")) and _SENTENCE_INSIDE.search(line) is not None
    )


_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"\u201d]?\s+[\"\u201c]?[A-Z][a-z]")
"""A sentence ending inside a line and another beginning, perhaps a quotation: prose run into a wrapped paragraph's
first line."""


def _too_long_for_a_title(line: str) -> bool:
    """Longer than any headline: a paragraph of prose, whatever opens it ("(Agency) The spokesperson ...")."""
    return len(line.split()) >= 25


def _in_capitals(line: str) -> bool:
    """A line set in capitals but for its small words ("U.S. DEPARTMENT of STATE")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'.&-]*", line) if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w.isupper() for w in words)


_TAGLINE_WORDS = re.compile(r"(?i)\b(?:daily|newspaper|weekly)\W*$|\benglish-language\b")
"""What a masthead's motto says of the paper ("Iran's Independent English-Language Daily"): no headline."""
_H1 = re.compile(r"#\s")
"""A Markdown top-level heading: the page's title, whatever stray line came above it."""
_PATH = re.compile(r"\s[/>]\s")
"""A section path ("World / The Long Read"), as breadcrumbs write it."""


def _is_headline(line: str) -> bool:
    """A headline under a masthead: words in lower case too, no sentence end, not an editor's or a section's line."""
    return (
        (len(line.split()) >= 4 or bool(re.fullmatch(r"[A-Z][\w'-]*:\s+\S.*", line)))  # "Iran: Maritime Security"
        and not _in_capitals(line)
        and not ends_sentence(line)
        and not _EDITOR_LINE.search(line)
        and not SEPARATOR.search(line)
        and not _PATH.search(line)
    )


def _masthead(line: str) -> str | None:
    """The site a masthead names ("RAFIDAIN TODAY | English Edition"), or None."""
    parts = [p.strip() for p in line.split("|")]
    if len(parts) > 1 and any(_MASTHEAD.search(p) or _PAGE.fullmatch(p) for p in parts[1:]):
        return _clean_publisher(parts[0])  # "THE GULF SENTINEL | MONDAY, MARCH 6, 2028 | PAGE 7": a paper's page
    return None


_PAGE = re.compile(r"(?i)page\s+\d{1,3}")


def _issuer(line: str) -> bool:
    """A line that only names an organisation: title-cased, short, with a word publishers' names have."""
    return len(line.split()) > 1 and _names_only(line) and bool(_PUBLISHER_WORDS.search(line))


_SECTION_LABEL = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")
"""A site's section or edition between its name and the headline ("Politics", "Arab World", "English")."""


def _headline_follows(lines: list[Line], at: int) -> bool:
    """Whether the next line with words is a headline."""
    following = [ln.text for ln in lines[at + 1 : at + 6] if ln.text and not _SECTION_LABEL.fullmatch(ln.text)]
    return bool(following) and _is_headline(following[0])


def _names_only(line: str) -> bool:
    """A short line of capitalised words, as an organisation's name is written ("Prime Minister's Office"); one that
    opens with what the body is may run longer ("Ministry of Foreign Affairs of the People's Republic of China")."""
    words = line.split()
    return (
        0 < len(words) <= (12 if words[0] in _LEXICON.institutions else 9)
        and not _SPLIT.search(line)
        and not re.search(r"\d", line)
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    )


def _issuer_part(line: str) -> str | None:
    """The organisation a "Name - Unit" or "Desk: Unit, Name" line names, if a part of it is one."""
    parts = [p.strip() for p in _PARTS.split(_FIELD_LABEL.sub("", line))]
    return next((p for p in parts if _issuer(p)), None) if len(parts) > 1 or _issuer(line) else None


def _title(first: str) -> tuple[str | None, str | None]:
    """The title of a title line, and the publisher when the line names one beside it ("PUBLISHER - Title")."""
    title, publisher = first, None
    parts = [p.strip() for p in _SPLIT.split(first) if p.strip()]
    if len(parts) > 1:
        pub = next((p for p in parts if _PUBLISHER_WORDS.search(p)), None)
        if pub is not None:
            publisher = _clean_publisher(pub)
            title = next(p for p in reversed(parts) if p is not pub)
        else:
            title = parts[0]
    title = _TITLE_DATE.sub("", title)  # "Gulf Ledger Morning Round-up: Saturday, March 16, 2024"
    return title or None, publisher


def _forwarded(lines: list[Line]) -> int:
    """Where a forwarded e-mail's own message starts: the line after its "Forwarded message" marker, else 0."""
    marker = next((i for i, ln in enumerate(lines[:60]) if _FORWARDED.search(ln.text)), None)
    return marker + 1 if marker is not None else 0


_FORWARDED = re.compile(r"(?i)^-{2,}\s*(?:forwarded|original)\s+message\s*-{2,}")
_CRUMB = re.compile(r"^(?P<site>[A-Z][\w'.&-]*(?:\s+(?:[A-Z][\w'.&-]*|of|for|and|the|on)){0,6})\s+[>›»/]\s+\S")
"""A breadcrumb trail: its first step names the site."""
_TAGLINE = re.compile(
    r"(?i)^(?:an?\s+)?(?:\w+\s+){0,3}(?:briefing|newsletter|digest|bulletin|update|review|monitor|publication|"
    r"podcast|programme|program|series)\s+(?:from|by)\s+(?:the\s+)?(?P<org>(?-i:[A-Z])[^,.;]{2,80}?)(?:\.\s|\.?$)"
)
"""A digest's or a podcast's tagline naming who puts it out: "A weekly briefing from the Harbourline Policy Group",
"A podcast from the X Institute. Recorded ..."."""
_OUTLET_WORD = alternation([*_LEXICON.outlet_words, "Wire", "Press"])
_BY_OUTLET = re.compile(rf"(?m)^[*_\s]*By\s+(?P<pub>(?:[A-Z][\w'&.-]*\s+){{0,3}}(?:{_OUTLET_WORD}))[*_\s]*$")
"""A byline naming an outlet, not a person."""
_WITH_MINISTER = re.compile(
    rf"\s+and\s+(?:[Tt]he\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|(?:{alternation(_LEXICON.courtesy_titles)})\.?)\s"
)
"""A minister named beside the office that publishes ("... Office and The Rt Hon X MP"): the office publishes."""
_SENDER = re.compile(r"^From:\s+[^\n]*@")
"""An e-mail's sender line: the text is an e-mail, its header fields no bulletin's."""


def _publisher(head: str, text: str, found: str | None) -> str | None:
    """A "Publisher:" (or "From:") label, else the header's own, else a byline's, else the agency of a lone wire
    dateline."""
    labelled = re.search(r"(?im)^\s*(?:publisher|published by|from)\s*:\s*([^@\n]+?)\s*$", head)
    if labelled:
        return _WITH_MINISTER.split(labelled[1], 1)[0]  # "From: X Office and The Rt Hon Y MP": the office
    byline = _BYLINE.search(head)  # "*Harbor Point Analytics · editor: Miriam Okafor*"
    if found is None and byline:
        return byline["pub"]
    by_outlet = _BY_OUTLET.search(head)
    if found is None and by_outlet:
        return by_outlet["pub"]  # "By Westbridge Wire": a wire's own byline
    if found is None:
        wires = [d for d in (dateline(ln) for ln in text.split("\n")) if d is not None and d.agencies]
        if wires:
            return wires[0].agencies[0]  # "TEHRAN, March 9, 2023 (Newswire) -", "ANKARA [TR], April 22 (A/B):"
    return found


def _editor(bulletin: Bulletin, head: str, text: str) -> None:
    editor = re.search(rf"\b{_SIGNED}[*_\s]*([^\n|·]+?)\s*(?:[|·*_]|$)", head, re.M) or re.search(
        r"(?i)\bEditing by\s+([^\n|;·()]+?)\s*\)?\s*$",
        text,
        re.M,  # a wire story's closing "Reporting by ...; Editing by X"
    )
    if editor:
        bulletin.editor = re.split(r"\s+and\s+", editor[1].strip("*_ "))[0]  # "Editing by A and B": the first
        name, _, org = bulletin.editor.partition(", ")
        if org and _PUBLISHER_WORDS.search(org):  # "Edited by X, Halden Center for Strategic Studies"
            bulletin.editor, bulletin.publisher = name, bulletin.publisher or org
    prepared = re.search(
        r"(?im)^\s*(?:prepared|compiled|written) by\s*:?\s*(?P<who>[^,|\n]+?)(?:\s*[,|]\s*(?P<org>[^\n]+?))?\s*$", head
    )
    if prepared:  # "Prepared by: Dr. Miriam Aldous, Halcyon Institute for Regional Security"
        bulletin.editor = bulletin.editor or re.sub(r"^the\s+", "", prepared["who"])
        bulletin.publisher = bulletin.publisher or prepared["org"]


def _period(bulletin: Bulletin, head: str, lines: list[Line]) -> None:
    """The period a header states, else the date of a date line, else a full date near the top, else a closing
    timestamp."""
    head = _DAY_RANGE.sub(r"\g<a> \g<m> \g<y> - \g<b> \g<m> \g<y>", head)  # "1-7 September 2025"
    head = _MONTH_RANGE.sub(r"\g<m> \g<a>, \g<y> - \g<m> \g<b>, \g<y>", head)  # "November 17-24, 2026"
    period = _PERIOD.search(head)
    if period:
        end, _ = dates.parse(period["b"])
        start, _ = dates.parse(period["a"], end, end) if end else (None, None)
        if start and end and start <= end:
            bulletin.period_start, bulletin.period_end = start, end
            return
    texts = [ln.text.strip("#*_ ") for ln in lines if ln.text]
    cells = (c.strip() for t in texts[:HEADER_LINES] for c in [t, *(t.split(" | ") if " | " in t else [])])
    found = [(d, c) for c in cells if (d := date_of(c)) is not None]  # a page head's "| MONDAY, MARCH 6, 2028 |"
    # "2027-05-21 15:33", "Published: 12:47, February 11, 2023": when it was posted, not the site's "today" above
    stamped = next((d for d, c in found if (m := DATE_LINE.match(c)) and (m["time"] or m["clock"])), None)
    day = stamped or next((d for d, _ in found), None)
    if day is None and (stamp := _STAMP.search(head)):  # a byline's "Associated Press - 03/21/23 11:45 AM ET"
        year = stamp["y"] and (stamp["y"] if len(stamp["y"]) == 4 else f"20{stamp['y']}")
        first, second = (stamp["b"], stamp["a"]) if stamp["ampm"] else (stamp["a"], stamp["b"])  # a 12-hour clock:
        day = dates.numeric(f"{first}/{second}/{year}" if year else stamp[0])  # an American stamp, month first
    if day is None:
        single = next((m for m in FULL_DATE.finditer(head) if _dates_the_page(head, m)), None)
        day = dates.parse(single[0])[0] if single else None
    if day is None:
        day = next((d for t in reversed(texts[-5:]) if (d := date_of(t)) is not None), None)
    bulletin.period_start = bulletin.period_end = day


def _clean_publisher(text: str) -> str:
    text = re.sub(r"(?i)^.*?\bBY\s+", "", text)
    text = re.sub(r"\s*/\s*[A-Z ]+$", "", text).strip()
    if text.isupper():
        text = from_capitals(text)
    return text
