from datetime import date

import pytest

from summarizer import dates
from summarizer.ingest import from_text, read
from summarizer.models import Gold
from summarizer.segment import footnotes, metadata, segment

from .helpers import BULLETINS, GOLD, SAMPLE

GOLDS = sorted(GOLD.glob("*.gold.json"))


def bulletin_for(gold_path):
    stem = gold_path.name.removesuffix(".gold.json")
    return next(BULLETINS.glob(f"{stem}.*"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_parser_matches_gold_structure(gold_path):
    gold = Gold.model_validate_json(gold_path.read_text())
    doc = segment(read(bulletin_for(gold_path)))
    assert len(doc.overview) == len(gold.overview)
    assert [p.text for p in doc.overview] == [o.text for o in gold.overview]
    assert (doc.bulletin.period_start, doc.bulletin.period_end) == (
        gold.bulletin.period_start,
        gold.bulletin.period_end,
    )
    assert doc.paragraphs, "a bulletin has body paragraphs"
    for para in [*doc.overview, *doc.paragraphs]:
        assert doc.text[para.start : para.end] == para.text
        for sent in para.sentences:
            assert doc.text[sent.start : sent.end] == sent.text


def test_sample_structure():
    doc = segment(read(SAMPLE))
    assert doc.bulletin.title == "Spotlight on Iran"
    assert doc.bulletin.editor == "Dr. Raz Zimmt"
    assert [s.title for s in doc.sections] == [
        "Iranian Involvement in Syria",
        "Iranian Involvement in Iraq",
        "Iranian Involvement in the Palestinian Arena",
    ]
    cites = [(c.outlet, c.date, c.date_end) for p in doc.paragraphs for c in p.citations]
    assert ("Tasnim", date(2020, 4, 2), None) in cites
    assert ("IRNA", date(2020, 3, 21), date(2020, 3, 22)) in cites
    assert ("al-Marsad news", date(2020, 3, 31), None) in cites
    assert ("al-Akhbar", date(2020, 4, 1), None) in cites
    assert not any("Hossein Salami (Defa" in p.text for p in doc.paragraphs), "captions are not paragraphs"


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("March 28", date(2020, 3, 22), date(2020, 4, 5), (date(2020, 3, 28), None)),
        ("March 17", date(2020, 3, 22), date(2020, 4, 5), (date(2020, 3, 17), None)),
        ("December 30", date(2020, 12, 20), date(2021, 1, 3), (date(2020, 12, 30), None)),
        ("January 2", date(2020, 12, 20), date(2021, 1, 3), (date(2021, 1, 2), None)),
        ("March 21-22", date(2020, 3, 22), date(2020, 4, 5), (date(2020, 3, 21), date(2020, 3, 22))),
        ("March 31 - April 2", date(2020, 3, 22), date(2020, 4, 5), (date(2020, 3, 31), date(2020, 4, 2))),
        ("December 31 - January 1", date(2020, 12, 20), date(2021, 1, 3), (date(2020, 12, 31), date(2021, 1, 1))),
        ("21 March 2019", None, None, (date(2019, 3, 21), None)),
        ("Feb. 30", date(2020, 2, 1), date(2020, 2, 28), (None, None)),
        ("no date here", date(2020, 2, 1), date(2020, 2, 28), (None, None)),
    ],
)
def test_date_resolution(text, start, end, expected):
    assert dates.parse(text, start, end) == expected


def test_weekday_resolves_to_the_past_week():
    thursday = date(2023, 3, 9)
    assert dates.weekday_before("Thursday", thursday) == thursday
    assert dates.weekday_before("wednesday", thursday) == date(2023, 3, 8)
    assert dates.weekday_before("Friday", thursday) == date(2023, 3, 3)


@pytest.mark.parametrize("heading", ["Main Points", "Highlights", "Overview", "Highlights[1]"])
def test_overview_headings(heading):
    text = (
        "Spotlight on Iran\n\nJanuary 10, 2021 - January 24, 2021 Editor: Someone\n"
        f"{heading}\n  \u2022 First point of the summary, written as a full sentence.\n"
        "  \u2022 Second point of the summary, also written as a sentence.\n"
        "Iran and Iraq\n  \u2022 The Spokesman of the Iranian Ministry of Foreign Affairs, Saeed Khatibzadeh, "
        "stated that the talks failed (IRNA, January 12).\n"
    )
    doc = segment(from_text(text))
    assert [p.text[:5] for p in doc.overview] == ["First", "Secon"]
    assert doc.sections[0].title == "Iran and Iraq"
    assert doc.paragraphs[0].citations[0].date == date(2021, 1, 12)


def test_offsets_map_back_to_raw_text():
    raw = "Title line\r\n\r\nOverview\r\n  \u2022 He said \u201cno\u201d\u00ad today, and more words follow here.\r\n"
    source = from_text(raw)
    at = source.text.index("today")
    assert raw[source.raw_offset(at) : source.raw_offset(at) + 5] == "today"
    assert '"no"' in source.text


@pytest.mark.parametrize("text", ["On Wednesday, the bloc said", "He said on Wednesday", "Last Wednesday it said"])
def test_a_weekday_is_found_whatever_opens_the_sentence(text):
    assert dates.WEEKDAY.search(text)["w"] == "Wednesday"


def test_markdown_item_headlines_sources_and_trailing_links():
    doc = segment(
        from_text(
            "# Morning Round-up: Saturday, March 16, 2024\n\n## Iran and the Gulf\n\n"
            "### Deputy minister warns navies\n\n"
            "Kamran Vahidi cautioned navies on Thursday. He went on to say talks could follow. "
            "- [Al-Monitor](https://example.org/a)\n\n"
            "### Navy defends seizure\n\n"
            "Alireza Dastgerdi told state TV late Friday that ships would be seized.\n"
            "Source: [Tasnim](https://example.org/t)\n"
        )
    )
    [section] = doc.sections
    assert section.title == "Iran and the Gulf"
    first, second = section.paragraphs
    assert [s.text for s in first.sentences][:2] == [
        "Kamran Vahidi cautioned navies on Thursday.",
        "He went on to say talks could follow.",
    ]
    assert [c.outlet for c in first.citations] == ["Al-Monitor"]
    assert [c.outlet for c in second.citations] == ["Tasnim"]


@pytest.mark.parametrize(
    ("head", "title", "publisher", "editor"),
    [
        (
            "# Gulf Ledger Morning Round-up: Saturday, March 16, 2024\n\n"
            "Cedar Line Research | edited by Ingrid Solberg\n",
            "Gulf Ledger Morning Round-up",
            "Cedar Line Research",
            "Ingrid Solberg",
        ),
        (
            "# Gulf & Iran Daily Brief - Saturday, August 5, 2023\n\n"
            "*Harbor Point Analytics · editor: Miriam Okafor*\n",
            "Gulf & Iran Daily Brief",
            "Harbor Point Analytics",
            "Miriam Okafor",
        ),
        (
            "Iran says tanker will not be freed\n\nTEHRAN, March 9, 2023 (Newswire) - Iran's foreign minister said.\n",
            "Iran says tanker will not be freed",
            "Newswire",
            None,
        ),
        (  # a masthead in capitals over a section label and the headline
            "THE CROSSWIND REVIEW\nWorld / The Long Read\n\n"
            "The fixer of Fujairah: inside the network that keeps Iran's oil at sea\n\nBy Ann Lee\n",
            "The fixer of Fujairah: inside the network that keeps Iran's oil at sea",
            "The Crosswind Review",
            None,
        ),
        (  # a digest's name in capitals over its editor's line is its title
            "GULF & LEVANT SECURITY ROUND-UP\nTuesday, 11 August 2026\n"
            "Harran Institute for Regional Studies | Editor: Jonas Whitfield\n\n"
            "Iran calls planned Gulf naval drills a rehearsal for aggression\n",
            "GULF & LEVANT SECURITY ROUND-UP",
            "Harran Institute for Regional Studies",
            "Jonas Whitfield",
        ),
        (
            "# Axis Channels Monitor\n\n*Harrow Lane Analytics · Levant desk · Saturday 21 November 2026 · "
            "Ed. Mirela Vasic*\n",
            "Axis Channels Monitor",
            "Harrow Lane Analytics",
            "Mirela Vasic",
        ),
        (  # Markdown fields in bold; the organisation after a desk's name
            "# Situation Report No. 112\n\n**Reporting period:** 26-28 November 2026\n"
            "**Desk:** Crisis Monitoring Desk, Northlight Risk Analytics\n**Editor:** Daniel Okafor\n",
            "Situation Report No. 112",
            "Northlight Risk Analytics",
            "Daniel Okafor",
        ),
        (  # a date line with its other calendar's date; "Compiled by X | Org"
            "TEHRAN PRESS DIGEST\nMonday, 23 November 2026 (2 Azar 1405)\n"
            "Compiled by Farnaz Alavi-Brooks | Caspian Media Review\n",
            "TEHRAN PRESS DIGEST",
            "Caspian Media Review",
            "Farnaz Alavi-Brooks",
        ),
        (  # a forwarded e-mail: the forwarder's wrapper and the e-mail's fields are no bulletin's
            "From: Daniel Okafor <d.okafor@example.org>\nSubject: Fwd: Monitor #147\n\nFYI, worth a look.\n\n"
            "---------- Forwarded message ---------\nFrom: Gulf Sanctions Monitor <editor@example.org>\n"
            "Subject: Gulf Sanctions Monitor #147: Tokyo freezes assets\n\n"
            "View this email in your browser <https://example.org/147>\n\n=====\nGULF SANCTIONS MONITOR\n"
            "Issue #147 | Tuesday, 24 November 2026\nA weekly briefing from the Harbourline Policy Group\n=====\n\n"
            "Japan's Ministry of Foreign Affairs on Friday froze the assets of four companies that it said had "
            "supplied engines and guidance parts\nfor Iranian-designed drones launched by Russia against Ukraine, the "
            "ministry said in a statement on its website.\n",
            "GULF SANCTIONS MONITOR",
            "Harbourline Policy Group",
            None,
        ),
        (  # a breadcrumb's first step names the site
            "[The Lantern Post](https://example.org/) > [Middle East](https://example.org/me) > Explainer\n\n"
            "# What we know about the drone attack on Iraq's Sarwa oil field\n\nBy Hannah Lindqvist\n",
            "What we know about the drone attack on Iraq's Sarwa oil field",
            "The Lantern Post",
            None,
        ),
        (
            "Joint statement on Iran\n\nFrom: Global Affairs Canada\n\nStatement\n\nNovember 25, 2026\n",
            "Joint statement on Iran",
            "Global Affairs Canada",
            None,
        ),
    ],
)
def test_title_publisher_and_editor_from_mastheads_bylines_and_datelines(head, title, publisher, editor):
    bulletin = metadata(head)
    assert (bulletin.title, bulletin.publisher, bulletin.editor) == (title, publisher, editor)


def test_a_weekly_brief_with_numbered_sections_and_footnotes():
    doc = segment(
        from_text(
            "Iran Watch Weekly Brief No. 112\nWeek of 1-7 September 2025\n"
            "Prepared by: Dr. Miriam Aldous, Halcyon Institute for Regional Security\n\n"
            "KEY JUDGEMENTS\n\n1. Tehran is hardening its tone towards the IAEA after the report.\n"
            "2. Iraq's armed factions are pressing parliament for a withdrawal law.\n\n"
            "1. IRAN AND THE NUCLEAR FILE\n\n"
            'The spokesman, Reza Kamalvand, rejected the report as "a political document".[1] He said on Tuesday '
            "that Iran would keep cooperating with the Agency.[2]\n\n"
            "SOURCES\n[1] IRNA, 1 September 2025\n[2] Reuters, 2 September 2025\n"
        )
    )
    bulletin = doc.bulletin
    assert (bulletin.period_start, bulletin.period_end) == (date(2025, 9, 1), date(2025, 9, 7))
    assert (bulletin.editor, bulletin.publisher) == ("Dr. Miriam Aldous", "Halcyon Institute for Regional Security")
    assert len(doc.overview) == 2
    assert [s.title for s in doc.sections] == ["IRAN AND THE NUCLEAR FILE"]
    [para] = doc.paragraphs
    assert [(c.outlet, c.date) for c in para.citations] == [("IRNA", date(2025, 9, 1)), ("Reuters", date(2025, 9, 2))]
    assert len(para.sentences) == 2


def test_a_digest_with_top_lines_country_labels_and_bracketed_sources():
    doc = segment(
        from_text(
            "REGIONAL MEDIA DIGEST - 8 November 2024\n"
            "Compiled by the Levant Desk, Castellan Open Source Analysis\n\n"
            "TOP LINES\n- Iran threatens to close Hormuz shipping lanes to escorted tankers.\n\n"
            "IRAN:\n- Hamid-Reza Shafiei warned on Thursday that Iran would close the strait. [Tasnim, 7 Nov]\n"
            "- Ali Mohebbian dismissed a European statement as baseless. [IRNA, 6 Nov; Fars, 6 Nov]\n"
        )
    )
    assert (doc.bulletin.editor, doc.bulletin.publisher) == ("Levant Desk", "Castellan Open Source Analysis")
    assert len(doc.overview) == 1
    assert [s.title for s in doc.sections] == ["IRAN"]
    assert [[(c.outlet, c.date) for c in p.citations] for p in doc.paragraphs] == [
        [("Tasnim", date(2024, 11, 7))],
        [("IRNA", date(2024, 11, 6)), ("Fars", date(2024, 11, 6))],
    ]


def test_a_news_page_keeps_its_date_and_its_editor(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><nav>Home | World</nav><article><h1>Guards seize tanker</h1>"
        "<p class='byline'>By Leila Carrington | Newswire</p><div><time datetime='2025-02-20'>February 20, 2025</time>"
        "</div><p>DUBAI, Feb 20 (Newswire) - Iran's Guards seized a tanker on Wednesday, officials said.</p>"
        "<p>Reporting by Leila Carrington; Editing by Mark Ellison</p></article></body></html>"
    )
    bulletin = segment(read(page)).bulletin
    assert (bulletin.period_start, bulletin.publisher, bulletin.editor) == (
        date(2025, 2, 20),
        "Newswire",
        "Mark Ellison",
    )


def test_a_government_page_s_metadata_list_gives_its_publisher_and_date_and_no_paragraph(tmp_path):
    page = tmp_path / "release.html"
    page.write_text(
        "<html><body><main><h1>UK sanctions drone parts network</h1>"
        "<p class='lead'>The Foreign Secretary targets the buyers of drone engines.</p>"
        "<dl><dt>From:</dt><dd><a href='/fcdo'>Foreign, Commonwealth &amp; Development Office</a> and "
        "<a href='/people/x'>The Rt Hon Jane Doe MP</a></dd><dt>Published</dt><dd>2 March 2029</dd></dl>"
        "<p>The UK has today sanctioned five individuals.</p></main></body></html>"
    )
    doc = segment(read(page))
    assert (doc.bulletin.publisher, doc.bulletin.period_start) == (
        "Foreign, Commonwealth & Development Office",
        date(2029, 3, 2),
    )
    assert not any(p.text.startswith(("From:", "Published")) for p in doc.paragraphs)


def test_a_story_pasted_from_its_first_paragraph_has_no_title():
    doc = segment(
        from_text(
            "(Harbour Wire) The spokesperson for Ruritania's Foreign Ministry strongly criticized the Council's "
            "decision to impose additional sanctions on Ruritanian individuals and organizations, calling it "
            '"destructive".\n\nThe spokesman said the decision would harm ties.\n'
        )
    )
    assert doc.bulletin.title is None
    assert len(doc.paragraphs) == 2


def test_a_newspaper_page_head_gives_the_paper_and_its_day():
    doc = segment(
        from_text(
            "THE HARBOUR HERALD | TUESDAY, MAY 8, 2029 | PAGE 4 | WORLD\n\nMINISTER WARNS MILITIAS\n\n"
            "The foreign minister on Monday warned the militias against new attacks.\n"
        )
    )
    assert (doc.bulletin.publisher, doc.bulletin.period_start) == ("The Harbour Herald", date(2029, 5, 8))


def test_a_date_inside_a_paragraph_is_read_once(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><article><h1>Guards seize tanker</h1>"
        "<p>Published <time datetime='2025-02-20'>February 20, 2025</time> by Newswire staff.</p>"
        "</article></body></html>"
    )
    assert read(page).text.count("February 20, 2025") == 1


def test_a_hard_wrapped_digest_cites_each_item_by_its_source_line():
    wrapped = (
        "the Israeli strikes on the valley had broken the ceasefire arrangements\n"
        "and accused the government of watching in silence while villages were\n"
        "bombed, and he called on the guarantors to restrain Israel at once.\n"
    )
    doc = segment(
        from_text(
            "DAILY MEDIA MONITOR\nThursday, October 29, 2026\nNorthbridge Monitoring | Duty editor: Ann Lee\n\n"
            f"1. HEZBOLLAH WARNS OF RESPONSE TO STRIKES\nSource: Al-Mayadeen, October 28, 2026\n\nHe said {wrapped}\n"
            f"2. IRAQ STAYS OUT\nSource: Al-Sumaria, October 27, 2026\n\nThe minister said {wrapped}"
        )
    )
    assert [(p.source.outlet, p.source.date) for p in doc.paragraphs if p.source] == [
        ("Al-Mayadeen", date(2026, 10, 28)),
        ("Al-Sumaria", date(2026, 10, 27)),
    ]
    assert "Duty editor" not in " ".join(s.title for s in doc.sections)  # parts joined by " | " make no heading


def test_a_share_line_is_no_section_heading():
    doc = segment(
        from_text(
            "MERIDIAN POST\nMinister warns of response\n[WRITTEN FOR TESTS]\n"
            "Share on Facebook · Share on X · Share via Email\n\n"
            "The minister said on Monday that the attacks would not go unanswered by the government.\n"
        )
    )
    kept = [s.title for s in doc.sections] + [p.text for p in doc.paragraphs]
    assert kept and not [t for t in kept if "Share" in t]  # a row of links is neither a heading nor prose


PDF_PAGES = (
    "Spotlight on Iran - November 17-24, 2026\n\n"
    "Overview\n"
    " The IRGC Navy threatened to close the Strait of Hormuz to every hostile ship if Iran's\n"
    "oil exports were blocked.\n"
    " Kataib Hezbollah denied any involvement in the drone attack on Harir Air Base in the Kurdi-\n"
    "stan Region of Iraq.\n\n"
    "Iran and the United States\n"
    "\u25aa Iran's Foreign Ministry spokesman, Mohammad-Javad Nikfar, condemned the sanc-\n"
    "tions, calling them \u201ceconomic terrorism.\u201d\u00b9 The commander of the IRGC Navy, Mehdi Rostamabadi,\n"
    "warned that if the Unit-\ned States tried to block Iran's oil exports, the strait \u201cwill be closed to\n\n"
    "\u00b9 IRNA, November 17, 2026\n"
    "\u00b2 Tasnim, November 19, 2026\n\n"
    "Page 1 of 2\n\n"
    "Spotlight on Iran - November 17-24, 2026\n\n"
    "every hostile ship, without exception.\u201d\u00b2 The ministry did not say when the talks would resume.\n"
)


def test_pdf_text_reads_through_page_furniture_hyphenation_and_superscript_footnotes():
    doc = segment(from_text(PDF_PAGES))
    assert [flat_text.split(" in the ")[0] for flat_text in (" ".join(p.text.split()) for p in doc.overview)] == [
        "The IRGC Navy threatened to close the Strait of Hormuz to every hostile ship if Iran's oil exports were "
        "blocked.",
        "Kataib Hezbollah denied any involvement",
    ]
    (para,) = doc.paragraphs  # the page's foot, its footnotes and the next page's header are no paragraphs
    assert [s.flat for s in para.sentences] == [
        "Iran's Foreign Ministry spokesman, Mohammad-Javad Nikfar, condemned the sanctions, calling them "
        '"economic terrorism."\u00b9',
        "The commander of the IRGC Navy, Mehdi Rostamabadi, warned that if the United States tried to block Iran's "
        'oil exports, the strait "will be closed to every hostile ship, without exception."\u00b2',
        "The ministry did not say when the talks would resume.",
    ]
    assert [doc.text[s.start : s.end] == s.text for s in para.sentences] == [True] * 3  # offsets keep the page
    assert [(c.outlet, c.date) for c in para.citations] == [
        ("IRNA", date(2026, 11, 17)),
        ("Tasnim", date(2026, 11, 19)),
    ]


def test_a_line_broken_at_a_compound_hyphen_keeps_it():
    from summarizer.layout import flat

    assert (
        flat("the Iran-\nbacked militia, Sadr-\nzadeh and al-\nZaydi")
        == "the Iran-backed militia, Sadrzadeh and al-Zaydi"
    )


def test_a_channel_monitor_cites_each_item_by_the_source_that_opens_it():
    doc = segment(
        from_text(
            "# Axis Channels Monitor\n\n*Harrow Lane Analytics · Saturday 21 November 2026 · Ed. Mirela Vasic*\n\n"
            "**BLUF:** The IRGC Navy escalated its rhetoric. Hezbollah held its line on weapons.\n\n"
            "## Iran\n\n"
            "- **06:12** \u2014 Tasnim: IRGC Navy commander Hamid Tavassoli warned that warships would be targets.\n"
            "- Shafaq News: Government spokesman Muthanna al-Khafaji denied that the deadline had been extended.\n"
            "- On Syria: the minister said the talks would go on.\n"
        )
    )
    assert len(doc.overview) == 2
    items = doc.paragraphs
    assert [(p.source.outlet, p.source.date) if p.source else None for p in items] == [
        ("Tasnim", date(2026, 11, 21)),
        ("Shafaq News", date(2026, 11, 21)),
        None,  # a topic label is no source
    ]
    assert items[0].text.startswith("IRGC Navy commander")  # the item starts after its time and source


@pytest.mark.parametrize(
    ("head", "start", "end"),
    [
        ("Security Council\n9876TH MEETING (AM)\n12 NOVEMBER 2026\n\n", date(2026, 11, 12), date(2026, 11, 12)),
        ("Spotlight on Iran\nNovember 17-24, 2026\n\n", date(2026, 11, 17), date(2026, 11, 24)),
    ],
)
def test_a_date_line_in_capitals_and_a_range_within_one_month(head, start, end):
    doc = segment(from_text(f"{head}The minister said on Monday that the talks would resume in the spring.\n"))
    assert (doc.bulletin.period_start, doc.bulletin.period_end) == (start, end)


def test_a_web_update_s_takeaways_are_its_overview_and_its_unnumbered_endnotes_its_citations():
    doc = segment(
        from_text(
            "Iran Update, November 26, 2026\n\nKey Takeaways\n"
            "  \u2022 Iranian officials threatened to retaliate against Israel for the strike on a drone site.\n\n"
            "Iran\n\nThe commander, Brigadier General Hamid-Reza Saberi, warned on November 25 that Iran would strike "
            "back. [1] Saberi said that the force had replaced every launcher lost in the October strikes. [2]\n\n"
            "Endnotes\n"
            "  \u2022 Tasnim News Agency, November 25, 2026, https://example.org/tasnim/3301\n"
            "  \u2022 Islamic Republic News Agency (IRNA), November 26, 2026, https://example.org/irna/8842\n"
        )
    )
    assert [p.text for p in doc.overview] == [
        "Iranian officials threatened to retaliate against Israel for the strike on a drone site."
    ]
    [para] = doc.paragraphs
    first, second = para.sentences
    assert first.text.endswith("back. [1]")  # a marker after a space closes its own sentence
    assert [(c.outlet, c.date) for c in (para.citation_for(first), para.citation_for(second))] == [
        ("Tasnim News Agency", date(2026, 11, 25)),
        ("Islamic Republic News Agency", date(2026, 11, 26)),
    ]


def test_a_report_s_numbered_sections_are_headings_and_its_paragraph_numbers_no_part_of_the_text():
    doc = segment(
        from_text(
            "Deaths in Custody\n\nResearch report | Published 29 November 2026\n\nExecutive summary\n\n"
            "Key findings:\n\n"
            "- At least nine detainees died in custody between January and October 2026.\n\n"
            "1. Background\n\n1.1 The prison, west of Karaj, holds about 6,000 detainees and one physician.\n\n"
            "2. Findings\n\n2.3 Asked about the death, the prison's director said on state television that he had "
            "died of a heart condition.\n"
        )
    )
    assert [p.text for p in doc.overview] == [
        "At least nine detainees died in custody between January and October 2026."
    ]
    assert [(s.title, [p.text[:14] for p in s.paragraphs]) for s in doc.sections] == [
        ("Background", ["The prison, we"]),
        ("Findings", ["Asked about th"]),
    ]


def test_a_place_byline_and_a_release_number_are_no_sections():
    doc = segment(
        from_text(
            "Harbour News\n\nFerry strike ends after talks\n\nSaturday, 2 May, 2026 - 08:30\n\n"
            "Baghdad - Salam al-Jaberi\n\nRelease Number 20260502-01\n\n"
            "The ferry unions said on Friday that the strike was over after talks with the port authority.\n"
        )
    )
    (para,) = doc.paragraphs
    assert para.section == "Ferry strike ends after talks"  # not the byline's, not the release number's


def test_a_numbered_heading_in_sentence_case_ends_the_numbered_findings_above_it():
    doc = segment(
        from_text(
            "Following the Money\n\nProxy Watch Report, 14 January 2027\n\nKey Findings\n\n"
            "1. The designations struck the main dollar channel of the Quds Force in Iraq.\n"
            "2. Tehran answered with a mix of denial and threats.\n\n"
            "1. The 6 January designations\n\n"
            "On 6 January 2027, the Treasury designated seven targets in an exchange network.\n\n"
            "2. Yemen: the shipping link\n\n"
            "The Houthis responded within hours with a threat against British shipping.\n"
        )
    )
    assert [p.text[:14] for p in doc.overview] == ["The designatio", "Tehran answere"]
    assert [(s.title, [p.text[:14] for p in s.paragraphs]) for s in doc.sections] == [
        ("The 6 January designations", ["On 6 January 2"]),
        ("Yemen: the shipping link", ["The Houthis re"]),
    ]


def test_a_post_s_flag_or_emoji_is_no_part_of_its_paragraph():
    doc = segment(
        from_text(
            "Mideast Pulse\n\n[11.01.2027 06:55] Mideast Pulse:\n"
            "\U0001f1e8\U0001f1e6 Canada on Sunday imposed sanctions on six individuals and two entities.\n\n"
            "\U0001f534\ufe0f Loud explosions heard in Sanaa and Hodeidah, local sources say.\n"
        )
    )
    assert [p.text[:10] for p in doc.paragraphs] == ["Canada on ", "Loud explo"]


def test_a_pdf_page_s_numbered_footnotes_cite_the_sentences_whose_glued_numbers_call_them():
    text = (
        "Following the Money\n\nProxy Watch Report, 14 January 2027\n\n1. The designations\n\n"
        'Under Secretary Daniel Whitcombe said the network had "turned exchange houses into a payroll office for '
        'Iran\'s militias."2 The Foreign Ministry called the designations "economic terrorism."3 Its spokesman '
        "repeated the charge the next day.13\n\n"
        "____________________\n"
        "2 Reuters, 6 January 2027.\n"
        '3 Islamic Republic News Agency (IRNA), "Spokesman condemns US sanctions,"\n'
        "  11 January 2027.\n"
        "13 Ibid.\n\n"
        "Page 2 of 5\n"
    )
    doc = segment(from_text(text))
    [para] = doc.paragraphs
    assert [s.text.split()[-1] for s in para.sentences] == ['militias."2', 'terrorism."3', "day.13"]
    assert [(c.outlet, c.date) for c in para.citations] == [
        ("Reuters", date(2027, 1, 6)),
        ("Islamic Republic News Agency", date(2027, 1, 11)),
        ("Islamic Republic News Agency", date(2027, 1, 11)),
    ]


def test_a_channel_export_s_posts_are_cited_by_their_source_line_or_the_channel_they_were_forwarded_from():
    text = (
        "Channel: Mideast Pulse (@mideastpulse)\n"
        "Exported: 11.01.2027 23:57 (UTC+3) | 15 posts, 11.01.2027 00:00-23:59\n\n"
        "[11.01.2027 12:40] Mideast Pulse:\n"
        "Iran's Foreign Ministry spokesman Mehdi Rostampour condemned the new sanctions as illegal.\n"
        "Source: IRNA\n\n"
        "[11.01.2027 13:15] Mideast Pulse:\n"
        "Forwarded from Tasnim News Agency\n"
        "The IRGC Navy said on Monday it had seized a foreign tanker carrying smuggled fuel in the Persian Gulf.\n\n"
        "#Iran #Hormuz\n"
    )
    doc = segment(from_text(text))
    assert (doc.bulletin.period_start, doc.bulletin.period_end) == (date(2027, 1, 11), date(2027, 1, 11))
    assert [text[p.source.start : p.source.end] for p in doc.paragraphs if p.source] == ["IRNA", "Tasnim News Agency"]
    assert [(s.title, [(p.source.outlet, p.source.date) for p in s.paragraphs if p.source]) for s in doc.sections] == [
        ("", [("IRNA", date(2027, 1, 11))]),
        ("", [("Tasnim News Agency", date(2027, 1, 11))]),
    ]


def test_a_sentence_a_page_break_cuts_after_an_abbreviation_goes_on_past_the_running_head():
    page = "Congressional Research Service                            {n}\n\nIN12987 \u00b7 VERSION 1 \u00b7 NEW\n\n"
    text = (
        "Insight\n\nApril 15, 2027\n\nReactions\n\n"
        "Spokesperson Hamid Tavasoli said in Tehran on April 7, 2027 that no U.S.\n\n"
        "____________________\n7 UK Foreign Office, press release, April 7, 2027.\n\n"
        + page.format(n=2)
        + "sanction would stop a single barrel of oil exports.12 Senators welcomed the move since 2025.4 They added\n"
        "more.\n\n" + page.format(n=3) + "Closing words of the report here.\n"
    )
    doc = segment(from_text(text))
    sentences = [s.flat for p in doc.paragraphs for s in p.sentences]
    assert sentences[0].startswith("Spokesperson Hamid Tavasoli") and sentences[0].endswith("oil exports.12")
    assert "since 2025.4" in sentences[1] and sentences[2] == "They added more."  # a footnote after a year


@pytest.mark.parametrize(
    ("source", "outlet"),
    [
        ("https://www.irna dot ir/news/86234571/", "Islamic Republic News Agency"),  # written so it is no link
        ("https://t.me/sabreenS1/104412", "Sabereen News"),  # a channel, by its name
        ("https://shafaq.com/en/Security/a ; https://x.com/IraqiSecMedia/status/1", "Shafaq News"),  # the first
        ("https://x.com/F_alhamdani/status/1909387766122508317", ""),  # the speaker's own post: no outlet
        ("https://news.example.org/a/b", "news.example.org"),  # a site the lexicon does not know, by its name
        ("Reuters, 3 September 2025", None),  # no address
    ],
)
def test_a_cited_address_stands_for_its_outlet(source, outlet):
    from summarizer.segment import cited_site

    assert cited_site(source) == outlet


def test_a_ministry_s_q_and_a_a_numbered_list_under_its_lead_and_a_bulleted_overview_end_where_they_end():
    doc = segment(
        from_text(
            "Policy Monitor\n\nKey points\n- MOFCOM listed seven U.S. firms on 15 January.\n"
            "- Three were also placed on the unreliable entity list.\n\n"
            "Texts below are the ministries' own English versions, lightly trimmed for length here.\n\n"
            "The ministry has decided to add the following entities to the export control list:\n\n"
            "1. Sentinel Harbor Systems LLC\n2. Northwind Maritime Defense Corporation\n\n"
            "MOFCOM Spokesperson Zhou Yiran Answers a Reporter's Question\n\n"
            "A reporter asked: Will the measures affect normal trade?\n\n"
            "The spokesperson answered: The measures target only a very small number of firms.\n\n"
            "---\nThe Monitor is a subscriber service for readers of this newsletter.\n"
        )
    )
    assert [p.text for p in doc.overview] == [
        "MOFCOM listed seven U.S. firms on 15 January.",
        "Three were also placed on the unreliable entity list.",
    ]
    titles = [s.title for s in doc.sections if s.title]
    assert titles == ["MOFCOM Spokesperson Zhou Yiran Answers a Reporter's Question"]
    turns = [(p.turn, p.text[:20]) for p in doc.paragraphs if p.turn is not None]
    assert turns == [("Question", "Will the measures af"), ("Zhou Yiran", "The measures target ")]


def test_a_letter_the_un_circulates_is_its_signatory_s_own_words():
    doc = segment(
        from_text(
            "Security Council\n\nLetter dated 10 July 2027 from the Permanent Representative of Iran addressed to the "
            "Secretary-General\n\n    Upon instructions from my Government, I have the honour to draw your attention "
            "to the measures imposed on Iranian nationals.\n\n    I call upon the Security Council to reject such "
            "measures.\n\n                                        (Signed) Amir-Hossein Zand-Vakili\n"
            "                                        Permanent Representative\n"
        )
    )
    assert {p.turn for p in doc.paragraphs} == {"Amir-Hossein Zand-Vakili"}


def test_a_script_s_reader_cue_under_its_headlines_keeps_them_the_overview():
    doc = segment(
        from_text(
            "NEWS AT 1400 GMT\n\nHEADLINES\nREADER:\n- Iran's foreign minister warns Israel of a response.\n"
            "- Britain imposes sanctions on seven firms.\n\nITEM 1\n\nThe minister spoke in Tehran on Monday.\n"
        )
    )
    assert [p.text for p in doc.overview] == [
        "Iran's foreign minister warns Israel of a response.",
        "Britain imposes sanctions on seven firms.",
    ]


def test_an_encyclopedia_s_references_cite_their_markers_by_outlet_and_publication_date():
    doc = segment(
        from_text(
            "Seizure of the Nereid\n\nFrom Panopedia, the free encyclopedia\n\n"
            "Iran's navy said the tanker had struck a fishing boat.[2] The ministry denied it.[3]\n\n"
            "References\n"
            '1. ^ "Tanker seized". Reuters. 2 June 2028. Retrieved 2 June 2028.\n'
            '2. ^ a b "Navy detains tanker". Tasnim News Agency. 3 June 2028. Retrieved 4 June 2028.\n'
            '3. ^ "Treasury acts". U.S. Department of the Treasury. June 12, 2028. Retrieved 13 June 2028.\n'
        )
    )
    notes = footnotes(doc.text, doc.anchor)
    assert {n: (c.outlet, c.date) for n, c in notes.items()} == {
        "1": ("Reuters", date(2028, 6, 2)),
        "2": ("Tasnim News Agency", date(2028, 6, 3)),
        "3": ("U.S. Department of the Treasury", date(2028, 6, 12)),
    }


def test_an_encyclopedia_s_numbered_sections_head_their_text_and_its_links_and_references_end_it():
    doc = segment(
        from_text(
            "Seizure of the Nereid\n\nFrom Wikipedia, the free encyclopedia\n\n"
            "The seizure was the boarding of a tanker by Iran's navy on 2 June 2028.\n\n"
            "3 Reactions\n3.1 Iran\nThe ministry said the tanker had struck a fishing boat.\n\n"
            "3.2 Other states\n* Greece: The foreign minister said Athens was in contact with the crew.\n\n"
            "4 See also\n* Maritime incidents in the Strait of Hormuz\n\n"
            '5 References\n1. ^ "Tanker seized". Reuters. 2 June 2028. Retrieved 2 June 2028.\n'
        )
    )
    assert [(p.section or None, p.text[:14]) for p in doc.paragraphs] == [
        (None, "The seizure wa"),
        ("Iran", "The ministry s"),
        ("Other states", "Greece: The fo"),
    ]


def test_a_broadcast_transcript_s_guests_take_turns_and_its_own_staff_narrate():
    doc = segment(
        from_text(
            "Iran seizes tanker\n\nTHE EVENING DESK\n\nAired June 9, 2028 - 18:00 ET\n\n"
            "JANE ROWE, MNN ANCHOR: Good evening. Iran seized a tanker today.\n\n"
            "TOM BELL, MNN SENIOR CORRESPONDENT: Officials here are furious.\n\n(BEGIN VIDEO CLIP)\n\n"
            "ELLEN MARSH, U.S. SECRETARY OF STATE: These sailors are civilians.\n\n(END VIDEO CLIP)\n\n"
            "BELL (voice-over): Within hours, the Treasury acted.\n\nROWE: Thank you, Tom, for that report.\n"
        )
    )
    assert [(p.turn, p.text) for p in doc.paragraphs][-5:-1] == [
        (None, "Good evening. Iran seized a tanker today."),
        (None, "Officials here are furious."),
        ("ELLEN MARSH", "These sailors are civilians."),
        (None, "Within hours, the Treasury acted."),
    ]


def test_a_news_alert_s_results_cite_their_source_line_and_drop_their_headline_and_ellipsis():
    doc = segment(
        from_text(
            "Subject: Google Alert - Iran sanctions\n\nIran sanctions\nDaily update - June 14, 2028\n\nNEWS\n\n"
            "Iran says new US sanctions 'doomed to fail'\nAl Jazeera English - 5 hours ago\n"
            '... Foreign Ministry spokesman Hamid Rezaei said on Wednesday the measures were "illegal" ...\n'
            "Flag as irrelevant\n\n"
            "Rial hits record low\nIran International\n"
            "... the central bank governor blamed the enemy for the slide and said the bank would act ...\n"
            "Flag as irrelevant\n\nYou have received this email because you subscribed to Google Alerts.\n"
        )
    )
    got = [(p.text[:20], p.source and (p.source.outlet, p.source.date)) for p in doc.paragraphs]
    assert got[-3:] == [
        ("Foreign Ministry spo", ("Al Jazeera English", date(2028, 6, 14))),
        ("the central bank gov", ("Iran International", None)),
        ("You have received th", None),
    ]
