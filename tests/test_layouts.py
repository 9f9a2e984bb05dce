"""Texts as they are published: hard wraps, datelines, page furniture, quote lists, named-later targets, offices.

Every example here is worded for these tests (invented people and events), not taken from the evaluation set.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from summarizer import Summary, summarize
from summarizer.ingest import from_text, read
from summarizer.segment import metadata, segment

from .helpers import run_cli


def rules(text: str) -> Summary:
    return summarize(from_text(text), backend="rules")


def grounded(summary: Summary, text: str) -> None:
    """Every evidence span is the text's own characters, line breaks and all."""
    for item in [*summary.overview, *summary.statements, *summary.sanctions]:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text


# --- reflow ------------------------------------------------------------------------------------------------------

WRAPPED = (
    "Harbour town weighs new port levy\n\n"
    "PORTSMOUTH (Coastline Wire) - The director of the harbour authority, Nadia\n"
    "Karimova, said on Wednesday that the levy on visiting ferries would\n"
    "rise by a third next spring to pay for the dredging of the outer basin.\n"
    'She added that the council had "no other way to keep the channel\n'
    'open" after two winters of heavy silting along the eastern quay.\n\n'
    "Local ferry operators said they had not been consulted before the\n"
    "plan was published and that passengers would end up paying for it.\n"
)


def test_hard_wrapped_paragraphs_are_read_whole_and_offsets_keep_the_line_breaks() -> None:
    doc = segment(from_text(WRAPPED))
    first, second = doc.paragraphs
    opening = first.sentences[0].flat
    assert opening.startswith("The director of the harbour authority, Nadia Karimova, said")
    assert len(first.sentences) == 2 and len(second.sentences) == 1
    for sent in first.sentences:
        assert doc.text[sent.start : sent.end] == sent.text and "\n" in sent.text


def test_a_long_headline_over_a_terminal_line_does_not_set_the_wrap_width() -> None:
    text = (
        "UPDATE 2-Harbour town weighs new port levy on visiting ferries; operators object to the plan\n"
        "17-Aug-2027 18:52:07 GMT   Coastline Wire   [cwL8N3QX2F7]\n\n"
        "    PORTSMOUTH, Aug 17 (Coastline) - The director of the harbour\n"
        "authority, Nadia Karimova, said on Wednesday that the ferry levy\n"
        "would rise by a third next spring to pay for the dredging of the\n"
        "outer basin, which two winters of heavy silting have left too\n"
        "shallow for the larger ferries that call at the eastern quay.\n\n"
        "    In Southsea, the operators' spokesman Tomas Veld\n"
        "rejected the plan as unfair to passengers.\n"
    )
    first, second = segment(from_text(text)).paragraphs
    assert first.sentences[0].flat.startswith("The director of the harbour authority, Nadia Karimova, said")
    assert second.sentences[0].flat.startswith("In Southsea, the operators' spokesman Tomas Veld rejected")


def test_a_name_split_over_a_line_break_is_still_the_speaker() -> None:
    summary = rules(WRAPPED)
    speakers = {(s.speaker, s.role) for s in summary.statements}
    assert ("Nadia Karimova", "director of the harbour authority") in speakers
    assert all("\n" not in s.content for s in summary.statements)
    assert any("\n" in s.evidence.text for s in summary.statements)
    grounded(summary, WRAPPED)


# --- datelines, furniture, titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "publisher", "opening"),
    [
        ("LISBON [PT], March 3 (Atlas Wire/Meridian): ", "Atlas Wire", "The port authority"),
        ("GENEVA (Alpine Press) - ", "Alpine Press", "The port authority"),
        ("OSLO - ", None, "The port authority"),
        ("BERGEN, Vestland County of Norway - ", None, "The port authority"),
        ("Tasnim - ", "Tasnim", "The port authority"),
        ("Bergen(NP): ", "NP", "The port authority"),
    ],
)
def test_a_wire_dateline_is_cut_from_the_story_and_names_the_agency(
    dateline: str, publisher: str | None, opening: str
) -> None:
    text = (
        "Port authority raises fees\n\n"
        f"{dateline}The port authority said on Monday that berthing fees would rise next year.\n"
    )
    doc = segment(from_text(text))
    [para] = doc.paragraphs
    assert para.text.startswith(opening)
    assert para.dateline is not None
    assert doc.bulletin.publisher == publisher
    assert doc.bulletin.title == "Port authority raises fees"


def test_an_article_pasted_from_its_dateline_has_no_title_and_loses_no_paragraph() -> None:
    summary = rules(
        "BERGEN, Vestland County of Norway - The Norwegian Foreign Ministry on Monday imposed sanctions on 12 "
        "vessels and their managers for carrying Iranian oil.\n\n"
        '"We will keep closing our ports to these ships," said Director of Port Security Knut A. Lie.\n'
    )
    assert summary.bulletin.title is None
    assert [(a.issuing_country, a.target_count) for a in summary.sanctions] == [("Norway", 12)]
    assert [(s.speaker, s.role) for s in summary.statements][-1] == ("Knut A. Lie", "Director of Port Security")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Friday 07/06/2024", date(2024, 6, 7)),  # 7 June 2024 is a Friday
        ("Saturday 07/06/2024", date(2024, 7, 6)),  # the weekday says the month comes first
        ("date 2022-11-30", date(2022, 11, 30)),
        ("Last Update: 30/11/2022 08:15", date(2022, 11, 30)),
        ("Updated: Thursday 12.10.2023 09:30", date(2023, 10, 12)),
        ("December, 01, 2026 - 14:25", date(2026, 12, 1)),
    ],
)
def test_page_furniture_dates_the_bulletin(line: str, expected: date) -> None:
    bulletin = metadata(f"Ferry strike ends after talks\n{line}\n\nThe ferry unions said the strike was over.\n")
    assert (bulletin.title, bulletin.period_start, bulletin.period_end) == (
        "Ferry strike ends after talks",
        expected,
        expected,
    )


def test_a_closing_wire_timestamp_gives_the_year_a_dateline_lacks() -> None:
    text = (
        "Dock workers vote to strike\n\n"
        "ROTTERDAM [NL], May 14 (Lowland Wire): Union leader Pieter Smit said on Tuesday that the dockers would "
        "strike from Friday.\n\n"
        "(Reporting by Ines Vos; Editing by Karl Brandt)\n\nWed May 14, 2025 11:20 GMT\n"
    )
    summary = rules(text)
    assert (summary.bulletin.period_start, summary.bulletin.editor) == (date(2025, 5, 14), "Karl Brandt")
    [said] = summary.statements
    assert said.said_on == date(2025, 5, 13)  # "on Tuesday" before Wednesday 14 May


def test_the_title_is_the_headline_not_the_masthead_furniture_or_captions() -> None:
    text = (
        "COASTAL HERALD | Online Edition\nHome > Region > Ports\n\nThursday 05/09/2024\n\n"
        "Harbour dredging to start next month\n\n[MARKER LINE]\n\n"
        "A dredger at work in the outer basin (file photo)\nA dredger at work in the outer basin (file photo)\n\n"
        "Harbour board chairman Ian Cole said on Wednesday that dredging of the outer basin would begin next month.\n\n"
        "Powered by automated translation\n"
    )
    summary = rules(text)
    bulletin = summary.bulletin
    assert (bulletin.title, bulletin.publisher, bulletin.period_start) == (
        "Harbour dredging to start next month",
        "Coastal Herald",
        date(2024, 9, 5),
    )
    assert [s.speaker for s in summary.statements] == ["Ian Cole"]
    assert summary.statements[0].said_on == date(2024, 9, 4)


@pytest.mark.parametrize("label", ["**Key takeaway:**", "Bottom line:", "In brief:"])
def test_a_summarising_lead_is_the_overview(label: str) -> None:
    text = (
        "# Evening Port Brief: Monday, March 4, 2024\n\n"
        f"{label} Freight volumes fell for a third week. The ferry unions called off their strike.\n\n"
        "## Shipping\n\nThe harbour board said on Monday that the outer basin would reopen on Friday.\n"
    )
    summary = rules(text)
    assert [p.text for p in summary.overview] == [
        "Freight volumes fell for a third week.",
        "The ferry unions called off their strike.",
    ]
    grounded(summary, text)


# --- quote lists --------------------------------------------------------------------------------------------------

QUOTES = (
    "Minister lays out port plans\n\nSaturday 02/03/2024\n\n"
    "Transport Minister Lena Valdez spoke to reporters in Leeds on Friday (Northern Post, March 1). She "
    "covered the budget, the ferries and the strike:\n\n"
    '- "The dredging budget will double over the next two years."\n'
    "- Ferries:\n"
    '  - On the timetable: "Night crossings will return before the summer."\n'
    '  - On fares: "Nobody will pay more than they did last year."\n'
    '1. "We will meet the unions again next week."\n'
)


def test_each_quote_under_an_introduction_is_a_statement_of_its_speaker() -> None:
    summary = rules(QUOTES)
    listed = [s for s in summary.statements if s.cue == "covered"]
    assert [s.content for s in listed] == [
        '"The dredging budget will double over the next two years."',
        '"Night crossings will return before the summer."',
        '"Nobody will pay more than they did last year."',
        '"We will meet the unions again next week."',
    ]
    assert {(s.speaker, s.role, s.said_on, s.cited_outlet, s.quote_type) for s in listed} == {
        ("Lena Valdez", "Transport Minister", date(2024, 3, 1), "Northern Post", "direct")
    }
    assert listed[1].evidence.text == 'On the timetable: "Night crossings will return before the summer."'
    grounded(summary, QUOTES)


# --- sanctions targets --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentences", "names", "count", "countries"),
    [
        (  # named in apposition to the count
            "The U.S. Treasury Department on Monday sanctioned two targets in Aden, the Blue Dhow Trading Company "
            "and its manager, Salem Baradi, accusing them of shipping drone parts on behalf of the Houthis.",
            ["Blue Dhow Trading Company", "Salem Baradi"],
            2,
            ["Yemen"],
        ),
        (  # described, then named a sentence later; the possessive capital gives the country, never a name
            "The U.S. Treasury Department imposed sanctions on Monday against Ankara's consul in Erbil, accusing him "
            "of selling fuel to the Houthis. The consul, Murat Deniz, has served in Erbil since 2020.",
            ["Murat Deniz"],
            None,
            ["Turkey"],
        ),
        (  # a description beside a count adds one target; the officers are named the sentence after
            "The European Union on Monday sanctioned Darius Parvin, a deputy minister, and two officers of Iran's "
            "Basij militia over the beating of detainees. The two officers, Colonel Amir Sohrabi and Colonel Nima "
            "Jahani, also ran the prison in Karaj.",
            ["Darius Parvin", "Amir Sohrabi", "Nima Jahani"],
            3,
            ["Iran"],
        ),
    ],
)
def test_targets_named_in_apposition_or_a_sentence_later(
    sentences: str, names: list[str], count: int | None, countries: list[str]
) -> None:
    summary = rules(f"Sanctions brief\n\nTuesday 03/12/2024\n\n{sentences}\n")
    [sanction] = summary.sanctions
    assert [t.name for t in sanction.targets] == names
    assert (sanction.target_count, sanction.target_countries) == (count, countries)
    assert not {"Houthis", "Ankara's"} & {t.name for t in sanction.targets}  # served or whose: never a target


def test_an_also_sanctioned_follow_up_is_a_second_action_not_a_statement() -> None:
    text = (
        "Sanctions brief\n\nTuesday 03/12/2024\n\n"
        "The Council of the European Union on Monday sanctioned three individuals, Omid Rostami, Sara Nadimi and "
        "Kaveh Fard, for supplying drone engines to Russia.\n\n"
        "Two board members of the Pardis Motor Works, Leyla Amini and Hamid Sepahi, were also sanctioned on "
        "Monday in a separate legal act, for buying engine parts on behalf of the IRGC.\n"
    )
    summary = rules(text)
    first, second = summary.sanctions
    assert [t.name for t in first.targets] == ["Omid Rostami", "Sara Nadimi", "Kaveh Fard"]
    assert (second.authority, second.target_count) == (first.authority, 2)
    assert [t.name for t in second.targets] == ["Leyla Amini", "Hamid Sepahi"]
    assert second.beneficiaries == ["IRGC"] and "IRGC" not in {t.name for t in second.targets}
    assert not any("also sanctioned" in s.evidence.text for s in summary.statements)


# --- offices ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "Secretary of Energy and Mines Paul Ekwe said on Monday that the pipeline would reopen.",
            "Paul Ekwe",
            "Secretary of Energy and Mines",
        ),
        (
            "Secretary of Homeland Security Tom Vale said on Monday that the border posts would stay open.",
            "Tom Vale",
            "Secretary of Homeland Security",
        ),
        (
            "High Commissioner for Refugees and Migration Policy Ana Ruiz said on Monday that camps were full.",
            "Ana Ruiz",
            "High Commissioner for Refugees and Migration Policy",
        ),
        (
            "Member of Parliament for Leeds Omar Haddad called on the minister on Monday to resign over the delays.",
            "Omar Haddad",
            "Member of Parliament for Leeds",
        ),
    ],
)
def test_an_office_written_before_a_name_is_the_role_whole(sentence: str, speaker: str, role: str) -> None:
    summary = rules(f"Bulletin\n\n{sentence} The session ended late.\n")
    assert [(s.speaker, s.role) for s in summary.statements] == [(speaker, role)]


@pytest.mark.parametrize(
    ("first", "second", "roles"),
    [
        ("Secretary of Energy Jane Roe", "Energy Secretary Roe", ["Secretary of Energy", "Energy Secretary"]),
        ("Energy Secretary Jane Roe", "Secretary of Energy Roe", ["Energy Secretary", "Secretary of Energy"]),
        ("Jane Roe, the Secretary of Energy,", "Energy Secretary Roe", ["Secretary of Energy", "Energy Secretary"]),
    ],
)
def test_the_role_each_sentence_writes_is_the_role_of_its_statement(first: str, second: str, roles: list[str]) -> None:
    summary = rules(
        f"Bulletin\n\n{first} said on Monday that the pipeline would reopen within a month. "
        f"{second} also warned that exporters would face fines if they hoarded fuel.\n"
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [("Jane Roe", role) for role in roles]
    assert not any(s.role and s.role.endswith(" of") for s in summary.statements)


# --- warnings -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        ("The ferries ran on time all week and the harbour stayed calm through the storm.", "no statements found"),
        (
            "The U.S. Treasury Department on Monday sanctioned two shipping companies for moving fuel to the "
            "Houthis. The harbour master said the port would stay open to all other ships.",
            "names no target",
        ),
    ],
)
def test_a_thin_result_comes_with_a_warning_and_exit_zero(tmp_path, body: str, warning: str) -> None:
    path = tmp_path / "thin.txt"
    path.write_text(f"Port bulletin\n\nTuesday 03/12/2024\n\n{body}\n")
    run = run_cli("summarize", "-b", "rules", str(path))
    assert run.returncode == 0, run.stderr.decode()
    lines = [ln for ln in run.stderr.decode().splitlines() if ln.startswith("warning:")]
    assert len(lines) == 1 and warning in lines[0]
    assert any(warning in w for w in json.loads(run.stdout)["provenance"]["warnings"])


BODY = "\n\nThe ferry unions said on Monday that the strike was over and that all routes would reopen at dawn.\n"


@pytest.mark.parametrize(
    ("head", "title", "publisher"),
    [
        (  # an issuer's name over the release marker, under a breadcrumb
            "Home > Government Offices > Harbour Ministry > Press Releases\n\nHarbour Ministry\n\nPress Release\n\n"
            "Ferry strike ends after talks",
            "Ferry strike ends after talks",
            "Harbour Ministry",
        ),
        (  # a minister's name, the office under it, then the marker
            "Senator the Hon Jane Roe\nMinister for Transport\n\nMedia release\n3 May 2026\n\n"
            "Ferry strike ends after talks",
            "Ferry strike ends after talks",
            "Minister for Transport",
        ),
        (  # an organisation's name over a row of section links
            "United Ports\nSecretariat | Office of the Spokesperson | Daily Highlights\n\n"
            "Highlights of the daily briefing by the Spokesperson",
            "Highlights of the daily briefing by the Spokesperson",
            "United Ports",
        ),
        (  # a site's linked name and a stray line over the Markdown title
            "[Harbour Notes](https://example.org/)\n\nSubscribeSign in\n\n# Ferry strike ends after talks",
            "Ferry strike ends after talks",
            "Harbour Notes",
        ),
        (  # a section label over the headline
            "Harbour News Agency\nHome | Ports | Ferries\n\nPorts\n\nFerry strike ends after talks\n\n3 May 2026",
            "Ferry strike ends after talks",
            "Harbour News Agency",
        ),
        (
            "Ferry strike ends after talks\n\nBy Harbour Wire\n\nMay 3, 2026",
            "Ferry strike ends after talks",
            "Harbour Wire",
        ),
        (  # an organisation's name of eight words over the title
            "The Meir Amit Intelligence and Terrorism Information Center\nSpotlight on Iran\nDecember 1 - 8, 2026",
            "Spotlight on Iran",
            "Meir Amit Intelligence and Terrorism Information Center",
        ),
        (  # a breadcrumb of links whose site's name has small words
            "[Harbour Institute for War Studies](https://example.org/) > [Update](https://example.org/u/)\n\n"
            "# Harbour Update, May 3, 2026",
            "Harbour Update",
            "Harbour Institute for War Studies",
        ),
        (  # a masthead in capitals, recased as a name is written: small words low, each part of a hyphenated word up
            "AL-MARSA JOURNAL OF PORTS | English Edition\n\nFerry strike ends after talks\n\nMay 3, 2026",
            "Ferry strike ends after talks",
            "Al-Marsa Journal of Ports",
        ),
        (  # a masthead's motto is no headline
            "HARBOUR HERALD\nThe Port's Independent English-Language Daily\nHome | Ports | Ferries\n\nPorts\n\n"
            "Ferry strike ends after talks\n\nMay 3, 2026",
            "Ferry strike ends after talks",
            "Harbour Herald",
        ),
        (  # a department's name over its site's breadcrumb and a plural release marker
            "Department of Harbours\n\nharbours.gov > Newsroom > Press Releases\n\nPress Releases\n\n"
            "Ferry Operator Charged with Falsifying Safety Logs\n\nMay 3, 2026",
            "Ferry Operator Charged with Falsifying Safety Logs",
            "Department of Harbours",
        ),
        (  # "Service | Desk" over a name in capitals: the name is the title
            "Harbour Monitoring | Ports Service\nFERRY DIGEST: NORTH COAST\nSunday 3 May 2026",
            "FERRY DIGEST: NORTH COAST",
            "Harbour Monitoring",
        ),
        (  # a site's name beside its owner's over a chamber's row, then a short title with a colon
            "Hansard - Harbour Parliament\nHouse of Commons | Commons Chamber\n\nFerries: Safety\n\n"
            "Volume 12: debated on Tuesday 3 March 2026",
            "Ferries: Safety",
            "Harbour Parliament",
        ),
        (  # a unit under its department's masthead, a breadcrumb, then the title
            "U.S. DEPARTMENT OF HARBOURS\nOffice of Ferry Safety Control\nHome > Recent Actions\n\n"
            "Ferry Safety Designations; Ferry-related Designation Removal\n\nMay 3, 2026",
            "Ferry Safety Designations; Ferry-related Designation Removal",
            "U.S. Department of Harbours",
        ),
        (  # a podcast's tagline names who puts it out, before what else it says
            "# Ferries in Trouble? The Strike Explained\n\n**Harbour Talk** | Episode 9 | May 3, 2026\n\n"
            "*A podcast from the Harbour Institute for Ports Policy. Recorded May 1, 2026.*",
            "Ferries in Trouble? The Strike Explained",
            "Harbour Institute for Ports Policy",
        ),
        (  # a UN document's cover in two columns: the issuer beside the symbol, the organ, then the letter's title
            "United Nations                                   S/2026/1034\n"
            "Security Council                                 Distr.: General\n"
            "                                                 3 May 2026\n\n"
            "                                                 Original: English\n\n"
            "Letter dated 1 May 2026 from the Panel of Experts on Ferries\n"
            "addressed to the President of the Security Council",
            "Letter dated 1 May 2026 from the Panel of Experts on Ferries addressed to the President of the Security "
            "Council",
            "United Nations",
        ),
        (  # a site's name over its edition and section labels, then the headline
            "Harbour Al-Awsat\nEnglish\n\nArab World\n\nFerry Strike Ends as Unions Accept New Terms\n\n"
            "Saturday, 2 May, 2026 - 08:30",
            "Ferry Strike Ends as Unions Accept New Terms",
            "Harbour Al-Awsat",
        ),
        (  # ministers' names and offices over a joint release: the first office issues it
            "Senator the Hon Ann Fairley\nMinister for Ports\n\nThe Hon Dan Whitby MP\nAttorney-General\n\n"
            "Joint media release\n\n2 May 2026\n\nAustralia sanctions ferry operators over safety fraud",
            "Australia sanctions ferry operators over safety fraud",
            "Minister for Ports",
        ),
        (  # an editor's line naming the editor's institute
            "# Ferry Safety Tracker\n\n**May 2026 edition** | Published 24 May 2026\n\n"
            "*Edited by Helen Marsh, Harbour Center for Strategic Studies*",
            "Ferry Safety Tracker",
            "Harbour Center for Strategic Studies",
        ),
        (  # a copied thread: the author over their handle, the first post's first sentence as its title
            "Dana Field\n@dfield_ports\n\n1/ Thread: the ferry strike, day by day. Who said what.\n"
            "9:41 PM \u00b7 May 3, 2026",
            "Thread: the ferry strike, day by day",
            "Dana Field",
        ),
    ],
)
def test_the_issuer_site_or_masthead_above_a_headline_is_the_publisher(head: str, title: str, publisher: str) -> None:
    bulletin = metadata(head + BODY)
    assert (bulletin.title, bulletin.publisher) == (title, publisher)


def test_an_html_page_s_declared_site_name_is_its_publisher(tmp_path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Ferry strike ends | Harbour Review</title>"
        '<meta property="og:site_name" content="The Harbour Review"></head><body><header>The Harbour Review</header>'
        "<article><h1>Ferry strike ends after talks</h1><p>May 3, 2026</p>"
        "<p>The ferry unions said on Sunday that the strike was over after talks with the port authority.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    bulletin = segment(read(page)).bulletin
    assert (bulletin.title, bulletin.publisher) == ("Ferry strike ends after talks", "The Harbour Review")


# --- one voice, terse briefs, slides --------------------------------------------------------------------------------

OP_ED = (
    "THE HARBOUR REVIEW\nOpinion | Guest Essay\n\n"
    "Our ports cannot wait for another winter of strikes\n\n"
    "By Livia Brenner\nMonday 3 May 2027\n\nSave | Share | 4 min read\n\n"
    "Two ferries were stranded at the outer quay last week. I condemn the blockade of the ferry terminal without "
    "reservation. I welcome the offer of mediation by the port council, and I urge both unions to accept it before "
    "the summer timetable begins.\n\n"
    "Livia Brenner is the transport minister of Harbourland.\n"
)


def test_a_signed_opinion_piece_is_its_author_s_in_the_first_person() -> None:
    statements = rules(OP_ED).statements
    assert [(s.speaker, s.role, s.cue) for s in statements] == [
        ("Livia Brenner", "transport minister of Harbourland", "condemn"),
        ("Livia Brenner", "transport minister of Harbourland", "welcome"),
        ("Livia Brenner", "transport minister of Harbourland", "urge"),
    ]
    assert {s.said_on for s in statements} == {date(2027, 5, 3)}


def test_a_news_story_s_byline_speaks_for_no_one() -> None:
    story = OP_ED.replace("Opinion | Guest Essay\n", "")
    assert all(s.speaker != "Livia Brenner" for s in rules(story).statements)


TERSE_DECK = (
    "--- Slide 1 ---\nHARBOUR RISK ADVISERS\nPorts Weekly\nWeek of 3-7 May 2027\nConfidential - page 1 of 3\n\n"
    "--- Slide 2 ---\nKey Judgements\n- Strike likely to end within two weeks\n- Mediation offer well received\n"
    "Confidential - page 2 of 3\n\n"
    "--- Slide 3 ---\nReactions to the strike\n"
    '\u2022 Port Workers Union: rejected the council\'s offer as "too little, too late"\n'
    "\u2022 Harbour Council (Ostrava): welcomed the mediation offer warmly; urged both unions to return to work\n"
    "Speaker notes: Council chair Mira Olsen said on 5 May that the talks would resume on Monday.\n"
    "Source: Coastline Wire, 5 May; Harbour Daily, 6 May\n"
    "Confidential - page 3 of 3\n"
)


def test_a_brief_s_speaker_colon_verb_lines_are_statements_one_per_clause() -> None:
    found = [(s.speaker, s.cue, s.content) for s in rules(TERSE_DECK).statements]
    assert ("Port Workers Union", "rejected", 'the council\'s offer as "too little, too late"') in found
    assert ("Harbour Council", "welcomed", "the mediation offer warmly") in found
    assert ("Harbour Council", "urged", "both unions to return to work") in found


def test_slide_markers_and_page_footers_are_furniture_and_notes_a_paragraph_of_their_own() -> None:
    summary = rules(TERSE_DECK)
    assert [p.text for p in summary.overview] == [
        "Strike likely to end within two weeks",
        "Mediation offer well received",
    ]
    sections = {s.section for s in summary.statements}
    assert sections == {"Reactions to the strike"}  # no "Confidential - page 2 of 3" heading
    noted = next(s for s in summary.statements if s.speaker == "Mira Olsen")
    assert noted.evidence.text.startswith("Council chair")  # the notes label is no part of it


def test_a_source_line_with_several_sources_cites_its_first_on_its_day() -> None:
    cited = {(s.cited_outlet, s.cited_date) for s in rules(TERSE_DECK).statements}
    assert cited == {("Coastline Wire", date(2027, 5, 5))}


PANEL = (
    "Experts urge end to ferry blockade\n\n"
    "GENEVA (4 May 2027) - UN experts today called on the port council to lift the blockade of the ferry terminal.\n\n"
    "The experts said the blockade was cutting island communities off from food and medicine.\n\n"
    "In a reply to the experts dated 2 May, the council's legal office rejected their concerns, saying the "
    "blockade was lawful.\n"
)


def test_a_body_s_panel_speaks_and_the_panel_is_what_the_experts_refers_to() -> None:
    found = [(s.speaker, s.cue) for s in rules(PANEL).statements]
    assert found[:2] == [("UN experts", "called on"), ("UN experts", "said")]
    assert ("UN experts", "saying") not in found  # the experts are the reply's addressee, not its subject


def test_experts_named_by_no_body_stay_unnamed() -> None:
    text = "Ferry blockade enters second week\n\nPORTSMOUTH, May 4 - Experts said the blockade was unlawful.\n"
    assert rules(text).statements == []


def test_thanks_for_an_answer_is_a_courtesy_and_the_welcome_beside_it_a_position() -> None:
    text = (
        "Ferry services: written statement\n\nHOUSE OF COMMONS, 4 May 2027\n\n"
        "Mrs Anna Keller (Harbourside) (Con): I thank the Minister for his answer, and I welcome today's listings.\n"
    )
    found = [(s.cue, s.content) for s in rules(text).statements]
    assert ("welcome", "today's listings") in found
    assert all(cue != "thank" for cue, _ in found)


LETTER = (
    "Councillors press port authority over ferry levy\n\nMay 6, 2027\n\n"
    "HARBOURTON - Councillor Ana Pires today led two colleagues in a letter to the port authority. The councillors "
    "say the levy is unfair.\n\n"
    "Dear Director Lund:\n\n"
    "We write to urge the port authority to suspend the new ferry levy until the island services are restored.\n\n"
    "We request a response by May 20, 2027.\n\n"
    "Sincerely,\n\n{signers}\n"
)
SIGNERS = "Ana Pires\nHarbourton Councillor\n\nTomas Veld\nHarbourton Councillor\n\nLena Ostrova\nHarbourton Councillor"


@pytest.mark.parametrize(
    ("signers", "speaker"),
    [
        (SIGNERS, "the councillors"),  # several who sign with one title, as the text calls them
        ("Ana Pires\nHarbourton Councillor", "Ana Pires"),  # one signer
    ],
)
def test_a_letter_s_first_person_is_its_signers(signers: str, speaker: str) -> None:
    found = [(s.speaker, s.cue) for s in rules(LETTER.format(signers=signers)).statements]
    assert [cue for who, cue in found if who.endswith(speaker)] == ["urge", "request"]


def test_a_letter_s_numbered_demands_are_each_a_demand_by_its_signers() -> None:
    text = LETTER.format(signers=SIGNERS).replace(
        "We request a response by May 20, 2027.",
        "We urge you to:\n\n1. Suspend the levy on island residents;\n2. Publish the ferry accounts for 2026.",
    )
    found = [(s.cue, s.statement_type, s.content) for s in rules(text).statements if s.speaker.endswith("councillors")]
    assert found[1:] == [
        ("urge", "demand_appeal", "Suspend the levy on island residents"),
        ("urge", "demand_appeal", "Publish the ferry accounts for 2026"),
    ]


def test_a_letter_s_numbered_questions_are_each_a_request_by_its_signers() -> None:
    text = LETTER.format(signers=SIGNERS).replace(
        "We request a response by May 20, 2027.",
        "To help the council judge the levy, we ask that you answer the following questions:\n\n"
        "1. How many island residents paid the levy in 2026?\n2. Why were the operators not consulted?",
    )
    found = [(s.cue, s.statement_type) for s in rules(text).statements if s.speaker.endswith("councillors")]
    assert found[1:] == [("ask", "demand_appeal"), ("ask", "demand_appeal")]


def test_signers_the_text_never_names_as_a_group_speak_for_no_one() -> None:
    text = (
        LETTER.format(signers=SIGNERS).replace("The councillors say", "Residents say").replace("Councillors", "Three")
    )
    assert all(s.cue not in ("urge", "request") for s in rules(text).statements)


def test_a_sanctions_committee_s_approved_addition_is_a_listing() -> None:
    text = (
        "Security Council Committee Adds Two Entries to Its Sanctions List\n\n14 June 2027\n\n"
        "On 14 June 2027, the Security Council Committee established pursuant to resolution 2140 (2014) approved the "
        "addition of the entries specified below to its Sanctions List.\n"
    )
    (action,) = rules(text).sanctions
    assert (action.action, action.announced_on) == ("designate", date(2027, 6, 14))
    assert action.authority.startswith("Security Council Committee")


@pytest.mark.parametrize(
    ("sentence", "authority", "country"),
    [
        ("On June 6, the UK froze the assets of three individuals and two companies.", "UK", "United Kingdom"),
        ("On June 6, the Turkish government froze the assets of three people.", "Turkish government", "Turkey"),
        ("On June 6, the Turkish Presidency froze the assets of three people.", "Turkish Presidency", "Turkey"),
    ],
)
def test_any_state_may_freeze_assets(sentence: str, authority: str, country: str) -> None:
    text = f"Assets frozen\n\nANKARA, June 7 - The decision was published overnight.\n\n{sentence}\n"
    (action,) = rules(text).sanctions
    assert (action.authority, action.issuing_country) == (authority, country)


RECORD = (
    "CONGRESSIONAL RECORD - SENATE S1201 May 4, 2027\n\n"
    "          FERRY SAFETY IN THE OUTER BASIN\n\n"
    "  The PRESIDING OFFICER. The Senator from Maine.\n"
    "  Mr. HOLLOWAY. Mr. President, I rise today to condemn the blockade of\n"
    "the ferry terminal at Harbourton and the threats made against its crews\n"
    "by the strike committee over the past week.\n"
    "  I urge my colleagues to support the harbour safety bill before the\n"
    "recess, so that island communities are never cut off again this way.\n"
    "  There being no objection, the material was ordered to be printed in\n"
    "the Record, as follows:\n"
)


def test_a_record_s_floor_speeches_are_their_senators_and_its_procedure_is_no_one_s() -> None:
    found = [(s.speaker, s.cue) for s in rules(RECORD).statements]
    assert found == [("Holloway", "condemn"), ("Holloway", "urge")]


def test_a_state_named_whole_speaks_in_the_present_tense_and_undersigned_name_themselves() -> None:
    text = (
        "Letter to the Council\n\n12 July 2027\n\nThe ferry dispute was raised again today.\n\n"
        "The Islamic Republic of Iran categorically rejects these baseless allegations about the ferry line.\n\n"
        "We, the undersigned organisations, write to express our grave concern at the blockade of the terminal. "
        "We regret that the port council has not yet lifted it.\n"
    )
    found = [(s.speaker, s.cue) for s in rules(text).statements]
    assert found == [
        ("Islamic Republic of Iran", "rejects"),
        ("the undersigned organisations", "express"),
        ("the undersigned organisations", "regret"),
    ]


def test_a_court_s_findings_and_a_party_s_contention_are_statements() -> None:
    text = (
        "Judgment in Case T-101/26\n\nLuxembourg, 8 July 2027\n\n"
        "By today's judgment, the General Court annuls the acts.\n\n"
        "The General Court observes that the Council bears the burden of proving the reasons for the listing.\n\n"
        "The Council contends that the sale of the shipping company was a sham.\n"
    )
    found = [(s.speaker.split()[-1], s.cue) for s in rules(text).statements]
    assert found == [("Court", "observes"), ("Council", "contends")]


def test_a_press_conference_s_journalists_ask_by_outlet_and_the_spokesperson_answers_by_family_name() -> None:
    summary = rules(
        "Ministry of Foreign Affairs of the People's Republic of Nordland\n"
        "Home > Press and Media Services > Spokesperson's Remarks\n\n"
        "Foreign Ministry Spokesperson Lin Haoran's Regular Press Conference on May 4, 2027\n\n"
        "AFP: The ferry operators said the strike would go on. What is your response?\n\n"
        "Lin: We call on all parties to return to the table as soon as possible.\n\n"
        "AFP: A follow-up. Will the ministry say the talks failed?\n\n"
        "Lin: We urge the operators to keep the ports open.\n"
    )
    assert (
        summary.bulletin.title == "Foreign Ministry Spokesperson Lin Haoran's Regular Press Conference on May 4, 2027"
    )
    assert summary.bulletin.publisher == "Ministry of Foreign Affairs of the People's Republic of Nordland"
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Lin Haoran", "Foreign Ministry Spokesperson", "call on"),
        ("Lin Haoran", "Foreign Ministry Spokesperson", "urge"),
    ]


def test_a_committee_s_numbered_questions_are_its_members_and_a_label_may_name_the_office_holder() -> None:
    evidence = rules(
        "Defence Committee\n\nOral evidence: Gulf shipping, HC 101\n\nTuesday 9 November 2027\n\n"
        "Q1 Chair: Good morning. Dr Moss, how close are the two?\n\n"
        "Dr Harriet Moss: I would describe it as closer than at any point since 2015.\n\n"
        "Q2 Chair: And the Houthis themselves?\n\n"
        "Dr Harriet Moss: I was going to say that Tehran has stopped listening.\n\n"
        "Chair: I am afraid there is a Division. The Committee will suspend.\n"
    )
    assert [(s.speaker, s.cue) for s in evidence.statements] == [("Harriet Moss", "describe"), ("Harriet Moss", "say")]
    briefing = rules(
        "Transcript of Weekly Media Briefing by the Official Spokesperson (November 18, 2027)\n\n"
        "Official Spokesperson, Shri Kunal Bhardwaj: Good afternoon. We have consistently maintained that the port "
        "should not be held hostage to sanctions.\n\n"
        "Sidhant: Sir, the waiver was extended. How do you see it?\n\n"
        "Question: [Meera Iyer, The Hindu] Sir, will the Navy escort ships?\n\n"
        "Official Spokesperson: As EAM said in Parliament on November 12, the Navy will act firmly.\n\n"
        "Question: [Arjun Kohli, ANI] A follow-up, sir?\n"
    )
    assert [(s.speaker, s.cue, s.content) for s in briefing.statements] == [
        ("Kunal Bhardwaj", "maintained", "the port should not be held hostage to sanctions"),
        ("EAM", "said", "the Navy will act firmly"),
    ]


def test_a_briefing_in_q_and_r_form_is_answered_by_the_spokesperson_its_header_names() -> None:
    briefing = rules(
        "Statements by the spokesperson\n\nDaily press briefing\nFriday 3 December 2027\n"
        "Statements made by the Spokesperson, Mr Bastien Lormeau\n\n1 - Opening statement\n\n"
        "The Minister for Europe and Foreign Affairs, Ms Helene Castagnet, received the families on Wednesday. She "
        'assured them that the mobilization of the authorities "remains total".\n\n2 - Iran\n\n'
        "Q - Tehran accused the two of spying on Tuesday. How do you respond?\n\n"
        "R - We firmly reject these accusations, which have no basis whatsoever.\n\n"
        "Q - Will the ambassador be summoned?\n\n"
        'R - As the Minister said yesterday in the Senate, "every option is on the table."\n\n'
        "Q - Can you confirm a third arrest?\n\nR - Out of respect for the family, I will say no more at this stage.\n"
    )
    assert [(s.speaker, s.cue) for s in briefing.statements] == [
        ("Helene Castagnet", "assured"),
        ("Bastien Lormeau", "reject"),
        ("Helene Castagnet", "said"),
    ]


def test_a_report_s_key_figures_are_its_overview() -> None:
    report = rules(
        "Monthly monitor\n\nReporting period: 1-30 November 2027\n\nKey figures\n\n"
        "- At least 47 executions, including 3 women\n- 14 death sentences confirmed\n\n"
        "Executions\n\nThe monitor recorded 47 executions in November.\n"
    )
    assert [p.text for p in report.overview] == [
        "At least 47 executions, including 3 women",
        "14 death sentences confirmed",
    ]


# --- call transcripts, court releases, summary bullets -------------------------------------------------------------

CALL = (
    "Harbourline Transcripts | Earnings Calls\n\n"
    "Corvane Shipping Ltd. (NYSE: CVS)\nQ1 2029 Earnings Call\nMay 3, 2029, 9:00 a.m. ET\n\n"
    "Presentation\n\n"
    "Operator\n\n"
    "Good morning, and welcome to the call. I would now like to turn the call over to Lena Brandt.\n\n"
    "Lena Brandt -- Chief Executive Officer\n\n"
    "Thank you. Let me be clear: we reject any suggestion that our ships carried sanctioned cargo. "
    "We sold both vessels in 2027.\n\n"
    "Tomas Ekberg -- Chief Financial Officer\n\n"
    "Thanks, Lena. We estimate the lost hire at about $2 million in the quarter.\n\n"
    "Questions and Answers\n\n"
    "Operator\n\n"
    "Our first question comes from Ada Quist with Fjord Bank.\n\n"
    "Ada Quist -- Fjord Bank -- Analyst\n\n"
    "Thanks. A trade paper reported that one of the ships still flies your flag. Can you comment?\n\n"
    "Lena Brandt -- Chief Executive Officer\n\n"
    "That report is wrong. We deny that any of our crews was aboard after the sale.\n\n"
    "Ada Quist -- Fjord Bank -- Analyst\n\n"
    "Will you change how you screen charterers?\n\n"
    "Lena Brandt -- Chief Executive Officer\n\n"
    "It does change things. I think the screening tools failed here.\n"
)


def test_a_call_transcript_s_turns_are_their_executives_and_an_analyst_s_question_states_nothing():
    summary = rules(CALL)
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Lena Brandt", "Chief Executive Officer", "reject"),
        ("Tomas Ekberg", "Chief Financial Officer", "estimate"),
        ("Lena Brandt", "Chief Executive Officer", "deny"),
        ("Lena Brandt", "Chief Executive Officer", "think"),
    ]
    doc = segment(from_text(CALL))
    assert "Will you change how you screen charterers?" not in [s.title for s in doc.sections]


COURT = (
    "General Court of the European Union\nPRESS RELEASE No 12/29\nLuxembourg, 4 June 2029\n\n"
    "Judgment of the General Court in Case T-101/28 | Orlov v Council\n\n"
    "The General Court annuls the listing of the businessman Pavel Orlov\n\n"
    "The Council of the European Union listed Mr Pavel Orlov on 3 March 2028.\n\n"
    "The applicant claims that the Council made an error of assessment. He denies that he ever dealt with the "
    "ministry.\n\n"
    "The Council submits that the sale of his shares was a sham.\n"
)


def test_a_court_release_s_applicant_is_the_party_its_case_title_names():
    summary = rules(COURT)
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Pavel Orlov", "claims"),
        ("Pavel Orlov", "denies"),
        ("The Council", "submits"),
    ]


RELEASE = (
    "<html><body><main><h1>UK sanctions drone parts network</h1>"
    "<p>The Foreign Secretary targets the buyers and front companies supplying engines for drones.</p>"
    "<ul><li>UK sanctions 5 individuals and entities in a procurement network</li>"
    "<li>action coordinated with the United States</li></ul>"
    "<p>The UK has today sanctioned 5 individuals and entities under the Iran (Sanctions) Regulations 2023.</p>"
    "<p>The following have been designated:</p>"
    "<ul><li>Rostam Vafadar: Iranian national who places the orders</li></ul>"
    "</main></body></html>"
)


def test_a_release_s_opening_bullets_are_its_overview_and_prose_at_the_margin_ends_them(tmp_path):
    path = tmp_path / "release.html"
    path.write_text(RELEASE, encoding="utf-8")
    summary = summarize(read(path), backend="rules")
    assert [o.text for o in summary.overview] == [
        "UK sanctions 5 individuals and entities in a procurement network",
        "action coordinated with the United States",
    ]
    assert [(s.authority, s.target_count) for s in summary.sanctions][:1] == [("The UK", 5)]


def test_a_surname_finds_its_full_name_wrapped_over_a_line_inside_a_sentence():
    summary = rules(
        "Exchange house listed\n\n"
        "BEIRUT, May 4 (Coastline Wire) - The Treasury on Thursday imposed sanctions on two companies,\n"
        "among them the Al-Noor Exchange and its owner, Karim Fadel\n"
        "Haddad.\n\n"
        "The exchange rejected the sanctions as baseless on Friday.\n\n"
        'Haddad, reached by phone on Sunday, told the paper he was "a money changer".\n'
    )
    assert [s.speaker for s in summary.statements][-1] == "Karim Fadel Haddad"


def test_a_note_s_label_is_no_part_of_its_subject_and_until_opens_no_name():
    summary = rules(
        "Plenary outcomes\n\nParis, 7 June 2029\n\n"
        "The Plenary remains concerned. Until Ruritania completes its plan, the measures stay.\n\n"
        'Note: Ruritania, which is not a member, rejected the findings as "politically motivated".\n'
    )
    assert [s.speaker for s in summary.statements] == ["Ruritania"]


def test_a_wrapped_paragraph_s_short_first_line_is_no_heading_and_a_run_on_lede_no_header():
    text = (
        "Ruritania's port operators face new US penalties\n\n"
        "Harbour Wire/ On Tuesday, US Secretary of State Dana Varga imposed sanctions on four port operators in "
        "Ruritania, the third such step this year against the country's fuel trade.\n"
        "Varga said in a statement that\n"
        "the operators had handled cargoes for a blacklisted shipping line.\n"
        "Two of the operators run\n"
        "terminals on the coast. Both denied any wrongdoing.\n"
        "Varga warned that Washington would\n"
        "keep watching the terminals closely.\n"
    )
    doc = segment(from_text(text))
    assert [s.title for s in doc.sections if s.title] == []
    summary = rules(text)
    assert [(a.authority, a.issuing_country) for a in summary.sanctions][:1] == [
        ("US Secretary of State", "United States")
    ]
    assert [s.speaker for s in summary.statements][-1] == "Dana Varga"


def test_news_copy_s_sanctions_verbs_two_officers_and_a_surname_closing_its_words():
    summary = rules(
        "Ruritania condemns new penalties\n\n"
        "Finance Secretary Alma Rook and Secretary of State Dana Varga on Monday announced the sanctions, which "
        "target six Ruritanian port officials.\n\n"
        "The measures were targeted and temporary, the envoy said.\n\n"
        "Ruritania issued a statement condemning the penalties imposed by Washington.\n\n"
        "These penalties show Washington's hostility towards our people, said Korvath, but added they would fail.\n"
    )
    assert [(a.authority, a.target_count) for a in summary.sanctions] == [("Finance Secretary", 6)]
    assert [(s.speaker, s.content) for s in summary.statements if s.speaker == "Korvath"] == [
        ("Korvath", "These penalties show Washington's hostility towards our people"),
        ("Korvath", "they would fail"),
    ]


@pytest.mark.parametrize(
    ("sentence", "authority"),
    [
        ("The United States on Friday issued further sanctions on Ruritania's drone makers.", "The United States"),
        (
            "The UAE Cabinet has issued Resolution No. (12) of 2029 designating four individuals on its terrorist "
            "list.",
            "UAE Cabinet",
        ),
        ("The United States issued a statement on the sanctions imposed by Ruritania last week.", None),
    ],
)
def test_issued_is_an_action_only_when_what_is_issued_is_sanctions(sentence: str, authority: str | None):
    summary = rules(f"Wire report\n\n{sentence}\n")
    assert [a.authority for a in summary.sanctions][:1] == ([authority] if authority else [])


def test_a_first_line_that_runs_a_sentence_into_a_quotation_is_no_title():
    text = (
        "The Treasury announced sanctions on six entities and two people in Ruritania on Tuesday, accusing them of "
        "buying drone parts for the navy. \"Ruritania's drones threaten the shipping lanes - both near\n"
        'its coast and far beyond," Treasury Secretary Alma Rook said in a statement.\n'
        "Ruritania did not reply.\n"
    )
    summary = rules(text)
    assert summary.bulletin.title is None
    assert [s.speaker for s in summary.statements] == ["Alma Rook"]


def test_he_after_a_quotation_naming_someone_is_the_story_s_subject_not_the_one_quoted():
    summary = rules(
        "Wire report\n\n"
        "Militia chief Omar Tessel warned of wider strikes, stating in a televised address that the coast was "
        "within reach.\n\n"
        "Tessel said the group had thwarted Prime Minister Ivo Brandt's plans for the border.\n\n"
        '"Brandt wanted to end the group and redraw the region," he said.\n'
    )
    assert [(s.speaker, s.content) for s in summary.statements] == [
        ("Omar Tessel", "the coast was within reach"),
        ("Omar Tessel", "the group had thwarted Prime Minister Ivo Brandt's plans for the border"),
        ("Omar Tessel", '"Brandt wanted to end the group and redraw the region"'),
    ]


def test_a_page_s_posting_time_under_its_headline_dates_it_not_the_site_s_today_above():
    summary = rules(
        "Monday,March 12, 2029\n\n"
        "Ministry condemns new penalties\n\n"
        "2028-11-02 15:33:12\n\n"
        "In a statement on Thursday, Foreign Ministry spokesman Omar Tessel condemned the new penalties.\n"
    )
    assert (summary.bulletin.title, summary.bulletin.period_start) == (
        "Ministry condemns new penalties",
        date(2028, 11, 2),
    )
    assert [s.said_on for s in summary.statements] == [date(2028, 11, 2)]


UN_RECORD = """United Nations S/PV.9990
Security Council
9990th meeting
Monday, 3 June 2030, 10 a.m.
New York

President: Mr. Varro . . . (France)
Members: Egypt . . . Ms. Halaby
Portugal . . . Mr. Sousa Reis

The meeting was called to order at 10.05 a.m.

Ms. Halaby (Egypt) (spoke in Arabic): Egypt condemns the strike on the port and calls on all parties to
exercise restraint. We consider the blockade unlawful and we reject the attempts of some members to

2/3 30-01234

03/06/2030 The situation in the Middle East S/PV.9990

justify it before any inquiry.

The President (spoke in French): The representative of Portugal has asked for the floor.

Mr. Sousa Reis (Portugal): Portugal calls for an independent inquiry.

The meeting rose at 11.20 a.m.

30-01234 3/3

S/PV.9990 The situation in the Middle East 03/06/2030
"""


def test_a_meeting_record_s_seated_turns_speak_for_their_country_across_a_page_break():
    summary = rules(UN_RECORD)
    assert [(s.speaker, s.affiliation, s.cue, s.content, s.said_on) for s in summary.statements] == [
        ("Halaby", "Egypt", "condemns", "the strike on the port", date(2030, 6, 3)),
        ("Halaby", "Egypt", "calls on", "all parties to exercise restraint", date(2030, 6, 3)),
        ("Halaby", "Egypt", "consider", "the blockade unlawful", date(2030, 6, 3)),
        (
            "Halaby",
            "Egypt",
            "reject",
            "the attempts of some members to justify it before any inquiry",
            date(2030, 6, 3),
        ),
        ("Sousa Reis", "Portugal", "calls for", "an independent inquiry", date(2030, 6, 3)),
    ]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            'The IRGC issued a stern warning on Tuesday, threatening "crushing attacks" on any ship that enters.',
            [("IRGC", "threaten")],
        ),
        (
            "A day later, the Council added six officials to its list, among them the Tehran-based Andisheh Data "
            "Company, claiming that they were responsible for abuses.",
            [],
        ),
    ],
)
def test_a_participle_opening_a_clause_reports_the_sentence_s_subject_only(sentence, found):
    summary = rules(f"Wire report\n\n{sentence}\n")
    assert [(s.speaker, s.statement_type) for s in summary.statements] == found


def test_a_press_conference_s_labels_name_the_ministry_in_parentheses_and_its_closing_note_ends_the_turns():
    summary = rules(
        "Government press conference of 3 June 2030\n\n"
        "Speakers: Deputy Government Spokesperson Ilse Warnke, Jonas Fehr (AA), Dr Petra Lind (BMI)\n\n"
        "Deputy Spokesperson Warnke: Good afternoon. We firmly reject the measures announced in Tehran.\n\n"
        "Question (Keller): Will the ambassador be summoned?\n\n"
        "Fehr (AA): We call on Iran to withdraw these measures immediately.\n\n"
        "Follow-up question (Keller): And the exiles?\n\n"
        "Lind (BMI): I can assure you that the authorities are in close contact with them.\n\n"
        "Fehr (AA): I will not speculate on that.\n\n"
        "(End: 12:47)\n\n"
        "Press conferences are held at the federal press office on Mondays, Wednesdays and Fridays at noon.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Ilse Warnke", "Deputy Government Spokesperson", "reject"),
        ("Jonas Fehr", None, "call on"),
        ("Petra Lind", None, "assure"),
    ]


def test_a_speech_titled_with_its_giver_and_its_delivery_note_is_theirs_in_the_first_person():
    summary = rules(
        "Remarks by Deputy Secretary for Maritime Security Ilona Vask at the Harbour Forum (As Prepared for "
        "Delivery)\n\n"
        "June 3, 2030\n\n"
        "Thank you for having me this morning.\n\n"
        "I want to warn the insurers that still cover this fleet: we will not hesitate to act.\n\n"
        "We assess that the fleet's income fell by a fifth last year.\n"
    )
    assert [(s.speaker, s.role, s.cue, s.said_on) for s in summary.statements] == [
        ("Ilona Vask", "Deputy Secretary for Maritime Security", "warn", date(2030, 6, 3)),
        ("Ilona Vask", "Deputy Secretary for Maritime Security", "assess", date(2030, 6, 3)),
    ]


def test_a_state_speaking_of_itself_in_its_ministry_s_release_and_warning_it_will_impose():
    summary = rules(
        "Ministry statement\n\n"
        "The Ministry of Foreign Affairs of the Islamic Republic of Iran condemns the Council's decision.\n\n"
        "The Islamic Republic of Iran reminds the European Union that it has no standing to lecture others.\n\n"
        "The Islamic Republic of Iran reserves the right to take reciprocal measures.\n\n"
        "The United Kingdom condemns this attack and warns that it will impose further sanctions on anyone who "
        "supplies the drones.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements][1:3] == [
        ("Islamic Republic of Iran", "reminds"),
        ("Islamic Republic of Iran", "reserves the right"),
    ]
    assert [(a.authority, a.action) for a in summary.sanctions] == [("The United Kingdom", "threaten")]


def test_a_resolution_s_operative_paragraphs_are_its_body_s_and_its_recitals_tell_others():
    summary = rules(
        "Texts adopted\n\n"
        "Resolution of 3 June 2030 on the detention of aid workers\n\n"
        "The European Parliament,\n\n"
        "–  having regard to its previous resolutions,\n\n"
        "A.  whereas on 2 May 2030 the Council imposed restrictive measures on four judges; whereas on 9 May 2030 "
        "the United Kingdom also imposed sanctions on two of them;\n\n"
        "B.  whereas on 12 May 2030 the spokesperson of the judiciary, Omar Tessel, announced that the sentences "
        "were final;\n\n"
        "1.  Condemns the sentences and demands the immediate release of the aid workers;\n\n"
        "2.  Calls on the Council to add the prosecutors to the list of persons subject to restrictive measures;\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Omar Tessel", "spokesperson of the judiciary", "announced"),
        ("European Parliament", None, "condemns"),
        ("European Parliament", None, "demands"),
        ("European Parliament", None, "calls on"),
    ]
    assert [(a.authority, a.announced_on) for a in summary.sanctions] == [
        ("Council", date(2030, 5, 2)),
        ("United Kingdom", date(2030, 5, 9)),
    ]


def test_a_notice_s_determination_designates_the_entries_under_it_on_its_effective_date():
    summary = rules(
        "DEPARTMENT OF STATE\n\n"
        "Imposition of Sanctions on a Drone Procurement Network\n\n"
        "DATES: The Secretary of State's determinations were effective on\nMay 28, 2030.\n\n"
        "    1. Pursuant to section 1 of E.O. 13382, the Secretary of\n"
        "State, in consultation with the Secretary of the Treasury, has\n"
        "determined that the following two persons have engaged in\n"
        "activities that have materially contributed to proliferation:\n\n"
        "    RUSKA, Petar (a.k.a. RUSKA, Peter), DOB 14 Sep 1979; nationality Serbia (individual) [NPWMD].\n"
        "    VOLTANA TRADING LLC, Office 12, Dubai, United Arab Emirates [NPWMD].\n\n"
        "Dated: June 3, 2030.\n"
    )
    assert [(a.authority, a.announced_on, a.target_count, [t.name for t in a.targets]) for a in summary.sanctions] == [
        ("Secretary of State", date(2030, 5, 28), 2, ["Petar Ruska", "VOLTANA TRADING LLC"])
    ]


def test_a_chair_inviting_a_speaker_in_takes_no_position_and_a_foreign_ministry_in_lower_case_acts():
    summary = rules(
        UN_RECORD.replace(
            "The meeting was called to order at 10.05 a.m.",
            "The President (spoke in French): I invite the representative of Egypt to participate in this meeting.",
        )
        + "\nOn Wednesday the Iranian foreign ministry placed eleven persons on its sanctions list.\n"
    )
    assert "The President" not in [s.speaker for s in summary.statements]
    assert [(a.authority, a.target_count) for a in summary.sanctions] == [("Iranian foreign ministry", 11)]


def test_a_quotation_over_several_paragraphs_is_one_statement():
    text = (
        "Ruritania targets port officials\n\n"
        'Foreign Secretary Alma Rook said: "These sanctions target the officials who run the blockade.\n\n'
        '"Together with our partners we have sent a clear message.\n\n'
        '"The blockade of the coast must end, and the officials who enforce it will answer for it."\n\n'
        '"We will not back down," Ruritania\'s Foreign Minister Omar Tessel replied.\n'
    )
    summary = rules(text)
    rook, tessel = summary.statements
    assert rook.content.endswith(
        "we have sent a clear message. The blockade of the coast must end, and the officials who "
        'enforce it will answer for it."'
    )
    assert rook.evidence.text == text[text.index("Foreign Secretary") : text.index('for it."') + 8]
    assert tessel.speaker == "Omar Tessel"


def test_an_office_named_alone_is_not_its_deputy_or_assistant_s():
    summary = rules(
        "Council briefing\n\n"
        "The President (spoke in French): I invite Ms. Ilona Vask, Assistant Secretary-General for Political "
        "Affairs, to brief the Council.\n\n"
        "Ms. Vask: Three seafarers were killed. The Secretary-General strongly condemns this attack on a civilian "
        "vessel.\n\n"
        "Omar Tessel, Deputy Prime Minister and Minister of Foreign Affairs of Iraq, called his counterpart. The Iraqi "
        "minister expressed his country's appreciation for the support.\n"
    )
    assert [s.speaker for s in summary.statements if s.cue in ("condemns", "expressed")] == [
        "the Secretary-General",
        "Omar Tessel",
    ]


def test_a_spokesman_introduced_with_his_group_s_office_and_a_broadcast_before_his_verb():
    summary = rules(
        "Wire report\n\n"
        "The group's military spokesman Omar Tessel in a live broadcast aired by the group's own channel on "
        "Wednesday said that its forces had struck a tanker off the coast.\n\n"
        '"The crew refused every one of our warnings," he said.\n\n'
        "The group will keep the strait closed until the siege of the Gaza Strip ends, the spokesman stressed.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Omar Tessel", "military spokesman", "said"),
        ("Omar Tessel", "military spokesman", "said"),
        ("Omar Tessel", "military spokesman", "stressed"),
    ]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            'Military spokesperson Colonel Omar Tessel stated in a televised statement, "Our naval forces struck '
            'two ships in the Gulf."',
            '"Our naval forces struck two ships in the Gulf."',
        ),
        (
            "Central Command verified that the militia had targeted two cargo ships in the Red Sea.",
            "the militia had targeted two cargo ships in the Red Sea",
        ),
        (
            "Iran responded by saying it was accustomed to the sanctions.",
            "it was accustomed to the sanctions",
        ),
    ],
)
def test_where_a_statement_was_made_before_its_quotation_and_verified_that(sentence, content):
    summary = rules(f"Wire report\n\n{sentence}\n")
    assert [s.content for s in summary.statements] == [content]


def test_a_ministry_issuing_a_statement_with_a_comma_speaks_and_tehran_and_targeting_act():
    summary = rules(
        "Wire report\n\n"
        "The Iranian foreign ministry issued a statement, saying the measures violated international law.\n\n"
        "Iran also imposed sanctions on Ilona Vask, the judge who ordered the seizure of Iranian assets.\n\n"
        "Canada is targeting two port officials of Ruritania as part of a new round of sanctions.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("The Iranian foreign ministry", "saying")]
    assert [(a.authority, [t.name for t in a.targets]) for a in summary.sanctions] == [
        ("Iran", ["Ilona Vask"]),
        ("Canada", []),
    ]


def test_an_action_s_count_and_targets_told_in_later_paragraphs_and_lists():
    summary = rules(
        "Canada imposes further sanctions\n\n"
        "June 3, 2030 - Ottawa - Foreign Ministry\n\n"
        "The Minister of Foreign Affairs, Ilona Vask, today announced that Canada is imposing additional "
        "sanctions under its Special Economic Measures Regulations.\n\n"
        "The sanctions apply to three political figures responsible for the crackdown.\n\n"
        "The designated individuals are:\n\n"
        "1. Omar Tessel, born 14/03/1979, Yemeni national.\n"
        "2. Petar Ruska, born 02/11/1984, Iraqi national.\n\n"
        "The designated entities are:\n\n"
        "1. Voltana General Trading LLC (Dubai, United Arab Emirates).\n"
    )
    (action,) = summary.sanctions
    assert action.target_count == 3
    assert [(t.name, t.kind, t.country) for t in action.targets] == [
        ("Omar Tessel", "individual", "Yemen"),
        ("Petar Ruska", "individual", "Iraq"),
        ("Voltana General Trading LLC", "entity", "United Arab Emirates"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "On Tuesday, Germany, Britain and France informed the Secretary-General that they were prepared to act.",
            "Germany, Britain and France",
        ),
        ("The US and Britain condemned the attack on the tanker.", "The US and Britain"),
        ('Foreign Minister Ilona Vask countered that there was "no basis" for the claim.', "Ilona Vask"),
    ],
)
def test_states_speaking_together_are_one_speaker_as_written(sentence, speaker):
    summary = rules(f"Wire report\n\n{sentence}\n")
    assert [s.speaker for s in summary.statements][:1] == ([speaker] if speaker else [])
