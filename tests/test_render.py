"""Renderers: every extracted item reaches the reader with its citation, and hostile bulletin text stays inert.

The summaries are built by hand from spans of the sample bulletin, so these tests pin the renderers down
independently of the extraction pipeline; the pipeline's real output goes through the same functions.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from summarizer import render
from summarizer.ingest import from_text, read
from summarizer.models import (
    Bulletin,
    Evidence,
    Grounding,
    OverviewPoint,
    Provenance,
    Sanction,
    Statement,
    Summary,
    Target,
    Usage,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "evals" / "bulletins" / "spotlight-on-iran-2020-03-22.txt"

HOSTILE_SCRIPT = "<script>document.title='pwned';document.body.setAttribute('data-pwned','script')</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
HOSTILE_TEXT = (
    "Weekly digest <b>bold claims</b>\n"
    f"The spokesman said {HOSTILE_SCRIPT} during the briefing.\n"
    f"A second post read {HOSTILE_IMG} and [bold red]markup[/] & *stars* `ticks` | pipes.\n"
)


def ev(text: str, span: str, status: str = "exact") -> Evidence:
    """Evidence for the first occurrence of ``span``; fails loudly if the fixture drifts from the bulletin."""
    start = text.index(span)
    return Evidence(start=start, end=start + len(span), text=span, status=status)  # type: ignore[arg-type]


def sample_text() -> str:
    return read(SAMPLE).text


def sample_summary() -> tuple[Summary, str]:
    """A realistic summary of the sample, including overlapping, nested, fuzzy and ungrounded evidence."""
    text = sample_text()
    overview_spans = [
        "Additional reports about the outbreak of COVID-19 (Coronavirus) among pro-Iranian militiamen operating "
        "in Syria.",
        "The transfer of medical equipment from China to Iran through Iranian freighters previously used for "
        "shipping weaponry from Iran to Syria continues.",
        "Iran is closely following reports about possibly American preparations for significant military action "
        "against the pro-Iranian Shi'ite militias in Iraq.",
        "the Commander of the IRGC's Qods Force, Esmail Qa'ani, conducted a visit to Baghdad.",
        "The U.S. Treasury Department announced the imposition of new sanctions against 20 entities and "
        "organizations in Iraq and Iraq",
    ]
    overview = [OverviewPoint(text=s, evidence=ev(text, s)) for s in overview_spans]

    salami_warn = (
        "the Commander of the IRGC, Hossein Salami, warned the United States against such action. In a television "
        "interview on the occasion of IRGC Day, Salami stated that the only option the Americans have is to leave "
        "the region"
    )
    # Starts inside salami_warn and ends after it: a partial overlap.
    salami_option = (
        "Salami stated that the only option the Americans have is to leave the region, since their presence in the "
        "region harms them and the peoples in the Middle East."
    )
    sanction_span = text[
        text.index("The U.S. Treasury Department announced (March 26)") : text.index("(Reuters, March 26).")
        + len("(Reuters, March 26).")
    ]
    statements = [
        Statement(
            speaker="Hossein Salami",
            role="Commander of the IRGC",
            affiliation="IRGC",
            cue="warned",
            content="warned the United States against such action",
            statement_type="threaten",
            target="the United States",
            said_on=date(2020, 3, 28),
            cited_outlet="Defa' Press",
            cited_date=date(2020, 3, 28),
            evidence=ev(text, salami_warn),
        ),
        Statement(
            speaker="Hossein Salami",
            role="Commander of the IRGC",
            affiliation="IRGC",
            cue="stated",
            content="the only option the Americans have is to leave the region",
            statement_type="assessment",
            target="the Americans",
            cited_outlet="Defa' Press",
            cited_date=date(2020, 3, 28),
            evidence=ev(text, salami_option),
        ),
        Statement(
            speaker="Mohammad Baqeri",
            role="Chief of Staff of the Iranian Armed Forces",
            affiliation="Iran",
            cue="threatened",
            content="even the slightest threat to Iran's security will be met with an overwhelming response",
            statement_type="threaten",
            modality="future",
            target="the United States",
            said_on=date(2020, 4, 2),
            cited_outlet="Tasnim",
            cited_date=date(2020, 4, 2),
            evidence=ev(
                text,
                "Baqeri threatened the United States, stating that even the slightest threat to Iran's security will "
                "be met with an overwhelming response (Tasnim, April 2).",
            ),
        ),
        Statement(
            speaker="Mohsen Rezaei",
            role="Secretary of the Expediency Council",
            affiliation="Iran",
            cue="wrote",
            content="all Americans must leave Iraq",
            statement_type="demand_appeal",
            target="the Americans",
            said_on=date(2020, 3, 31),
            cited_outlet="Twitter",
            cited_date=date(2020, 3, 31),
            evidence=ev(
                text,
                "Rezaei wrote that all Americans must leave Iraq, and if they do not do so, the Iraqi people will "
                "force them to do so.",
            ),
        ),
        Statement(
            speaker="Abbas Mousavi",
            role="Speaker of the Iranian Ministry of Foreign Affairs",
            affiliation="Iran",
            cue="demanded",
            content="the withdrawal of U.S. forces from Iraq",
            statement_type="demand_appeal",
            target="the United States",
            said_on=date(2020, 4, 1),
            cited_outlet="Tasnim",
            cited_date=date(2020, 4, 1),
            evidence=ev(text, "Abbas Mousavi, demanded the withdrawal of U.S. forces from Iraq."),
        ),
        Statement(
            speaker="U.S. government",
            cue="according to",
            content="Iran is operating a network of companies, whose goal is to fundraise for its terrorist activities",
            statement_type="accuse_condemn",
            target="Iran",
            said_on=date(2020, 3, 26),
            cited_outlet="Reuters",
            cited_date=date(2020, 3, 26),
            # Lies entirely inside the sanction's span: a nested overlap.
            evidence=ev(
                text,
                "According to the U.S. government, Iran is operating a network of companies, whose goal is to "
                "fundraise for its terrorist activities",
            ),
        ),
        Statement(
            speaker="Sami Abu Zuhri",
            role="Spokesman of Hamas",
            affiliation="Hamas",
            cue="labeled",
            content='the sanctions "a crime against humanity"',
            quote_type="mixed",
            statement_type="accuse_condemn",
            target="the United States",
            said_on=date(2020, 3, 27),
            cited_outlet="al-Ahed",
            cited_date=date(2020, 3, 27),
            evidence=ev(text, 'He labeled the sanctions "a crime against humanity" and called for their removal'),
        ),
        Statement(
            speaker="Ismail Hanniyeh",
            speaker_canonical="Ismail Haniyeh",
            role="Head of Hamas' Political Bureau",
            affiliation="Hamas",
            cue="urged",
            content="the lifting of American sanctions",
            statement_type="demand_appeal",
            target="the United States",
            said_on=date(2020, 3, 21),
            cited_outlet="Mehr",
            cited_date=date(2020, 3, 21),
            evidence=Evidence(
                start=(s := text.index("Ismail Hanniyeh, also urged")),
                end=s + len("Ismail Hanniyeh, also urged the lifting of American sanctions"),
                text="Ismail Haniyeh also urged the lifting of American sanctions",
                status="fuzzy",
            ),
        ),
        Statement(
            speaker="Hassan Rouhani",
            role="President of Iran",
            cue="said",
            content="sanctions are killing Iranians",
            statement_type="accuse_condemn",
            cited_outlet="IRNA",
            cited_date=date(2020, 3, 25),
            evidence=Evidence(start=0, end=0, text="Rouhani said sanctions are killing Iranians", status="ungrounded"),
        ),
    ]
    sanctions = [
        Sanction(
            authority="U.S. Treasury Department",
            issuing_country="United States",
            action="designate",
            announced_on=date(2020, 3, 26),
            target_count=20,
            targets=[Target(name="Headquarters for Restoration of Holy Sites in Iraq", kind="entity", country="Iraq")],
            target_countries=["Iran", "Iraq"],
            reasons=["smuggling materiel from Iraq to Yemen", "money laundering", "smuggling Iranian oil"],
            beneficiaries=["IRGC", "Kataeb Hezbollah", "Asaeb ahl al-Haqq"],
            cited_outlet="Reuters",
            section="Iranian Involvement in Iraq",
            evidence=ev(text, sanction_span),
        )
    ]
    summary = Summary(
        bulletin=Bulletin(
            title="Spotlight on Iran",
            publisher="Meir Amit Intelligence and Terrorism Information Center",
            period_start=date(2020, 3, 22),
            period_end=date(2020, 4, 5),
            editor="Dr. Raz Zimmt",
            source="evals/bulletins/spotlight-on-iran-2020-03-22.txt",
            sha256=read(SAMPLE).sha256,
        ),
        overview=overview,
        statements=statements,
        sanctions=sanctions,
        provenance=Provenance(
            backend="hand",
            model="fixture",
            prompt_version="v0",
            usage=Usage(calls=3, prompt_tokens=4321, completion_tokens=987),
            grounding=Grounding(exact=14, fuzzy=1, dropped=1),
        ),
    )
    return summary, text


def hostile_summary() -> tuple[Summary, str]:
    """A bulletin whose text and fields try to inject HTML, script, Markdown and rich markup."""
    text = from_text(HOSTILE_TEXT).text
    attr_breaker = "\" onmouseover=\"document.body.setAttribute('data-pwned','attr')\" x=\""
    summary = Summary(
        bulletin=Bulletin(title=f"Digest {HOSTILE_SCRIPT}", publisher=HOSTILE_IMG, editor=attr_breaker),
        overview=[OverviewPoint(text=f"Overview {HOSTILE_IMG}", evidence=ev(text, HOSTILE_IMG))],
        statements=[
            Statement(
                speaker="<b>Mallory</b> [bold red]Boss[/]",
                role=attr_breaker,
                content=f"</td></tr></table>{HOSTILE_SCRIPT}",
                statement_type="threaten",
                target="*everyone* | `all`",
                cited_outlet=attr_breaker,
                cited_date=date(2020, 1, 2),
                evidence=ev(text, f"The spokesman said {HOSTILE_SCRIPT}"),
            ),
            Statement(
                speaker="Eve",
                content="[link](javascript:alert(1))",
                evidence=Evidence(start=0, end=0, text=HOSTILE_SCRIPT, status="ungrounded"),
            ),
        ],
        sanctions=[
            Sanction(
                authority="<i>Treasury</i>",
                reasons=[HOSTILE_SCRIPT],
                target_countries=[HOSTILE_IMG],
                evidence=ev(text, "[bold red]markup[/] & *stars*"),
            )
        ],
        provenance=Provenance(backend="<b>hand</b>"),
    )
    return summary, text


# ---------------------------------------------------------------------------------------------------------------
# HTML inspection
# ---------------------------------------------------------------------------------------------------------------

VOID = {"meta", "input", "br", "hr", "img", "link", "wbr", "col", "source", "area", "base", "embed", "track"}


class Page(HTMLParser):
    """Collects what the HTML tests assert on, and fails on mis-nested tags (overlaps must not produce them)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.mark_stack: list[str | None] = []
        self.mark_text: dict[str, str] = {}
        self.mark_ids: dict[str, str] = {}
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.sources: list[str] = []  # each bulletin's source pane, without the reference badges
        self._source_depth: int | None = None
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed tags: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if a.get("href") is not None:
            self.hrefs.append(a["href"] or "")
        if tag == "mark":
            self.mark_stack.append(a.get("data-item"))
            if a.get("id") and a.get("data-item"):
                self.mark_ids[a["data-item"] or ""] = a["id"] or ""
        if tag == "div" and "text" in (a.get("class") or "").split():
            self._source_depth = len(self.stack)
            self.sources.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"stray </{tag}>"
        opened = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if tag == "mark":
            self.mark_stack.pop()
        if self._source_depth is not None and len(self.stack) == self._source_depth:
            self._source_depth = None

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
            return
        self.text.append(data)
        depth = self._source_depth
        if depth is not None and "a" not in self.stack[depth:]:
            self.sources[-1] += data
        for item in self.mark_stack:
            if item:
                self.mark_text[item] = self.mark_text.get(item, "") + data


def evidence_by_uid(summary: Summary, prefix: str = "b0") -> dict[str, Evidence]:
    out = {f"{prefix}-ov{n}": p.evidence for n, p in enumerate(summary.overview, 1)}
    out |= {f"{prefix}-st{n}": s.evidence for n, s in enumerate(summary.statements, 1)}
    out |= {f"{prefix}-sa{n}": s.evidence for n, s in enumerate(summary.sanctions, 1)}
    return out


def assert_self_contained(page: Page, markup: str) -> None:
    """No element may load anything: only in-page anchors, inline style and inline script."""
    for tag, attrs in page.tags:
        assert tag not in {"img", "iframe", "object", "embed", "video", "audio", "source", "link", "frame"}, tag
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert "src" not in attrs
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    style = markup[markup.index("<style>") : markup.index("</style>")]
    assert "url(" not in style and "@import" not in style


# ---------------------------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> tuple[Summary, str]:
    return sample_summary()


def test_fixture_spans_match_text(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    for uid, e in evidence_by_uid(summary).items():
        if e.status == "exact":
            assert text[e.start : e.end] == e.text, uid


def test_json_round_trips(sample: tuple[Summary, str]) -> None:
    summary, _ = sample
    out = render.to_json(summary)
    assert out.startswith('{\n  "bulletin"')
    assert Summary.model_validate_json(out) == summary


def unescape_md(markdown: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|#~])", r"\1", markdown)


def test_markdown_has_every_item_and_citation(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    md = render.to_markdown(summary, text)
    plain = unescape_md(md)
    assert plain.startswith("# Spotlight on Iran\n")
    assert "**Period:** 2020-03-22 – 2020-04-05" in md
    assert "Dr. Raz Zimmt" in plain
    for point in summary.overview:
        assert point.text in plain
    for st in summary.statements:
        content = st.content.removeprefix(f"{st.cue} ") if st.cue else st.content
        assert f"*{st.speaker}*" in plain and content in plain, st.speaker
    for cite in [
        "(Defa' Press, 28 Mar).",
        "(Tasnim, 2 Apr).",
        "(Tasnim, 1 Apr).",
        "(Twitter, 31 Mar).",
        "(Reuters, 26 Mar).",
        "(al-Ahed, 27 Mar).",
        "(Mehr, 21 Mar).",
    ]:
        assert cite in plain, cite
    # Prose: speaker, role (named once), cue verb in bold, the content as the bulletin words it, the citation.
    assert "*Hossein Salami*, Commander of the IRGC, **warned** the United States against such action" in plain
    assert "*Hossein Salami* **stated** that the only option" in plain
    assert "**threatened** the United States, stating that even the slightest threat" in plain
    assert "**According to** *U.S. government*, Iran is operating" in plain
    assert '<a id="sa1"></a>**U.S. Treasury Department** | designate | 26 Mar | 20 (incl. Headquarters' in plain
    # The ungrounded statement is kept, but only under the unverified heading.
    head, _, tail = plain.partition("## Unverified")
    assert "Hassan Rouhani" in tail and "Hassan Rouhani" not in head
    assert "grounding 14 exact / 1 fuzzy / 1 dropped" in plain
    # One line per item: no field may spill onto the next list item.
    assert sum(line.startswith('- <a id="st') for line in md.splitlines()) == len(summary.statements) - 1


def test_markdown_links_every_item_to_its_quoted_evidence(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    md = render.to_markdown(summary, text)
    anchors = set(re.findall(r'<a id="([a-z0-9-]+)"></a>', md))
    links = re.findall(r"\]\(#([a-z0-9-]+)\)", md)
    assert links and set(links) <= anchors
    sources = md[md.index("## Sources") :]
    grounded = [
        (f"{kind}{n}", item.evidence)
        for kind, items in (("ov", summary.overview), ("st", summary.statements), ("sa", summary.sanctions))
        for n, item in enumerate(items, 1)
        if item.evidence.status != "ungrounded"
    ]
    for uid, e in grounded:
        line = text.count("\n", 0, e.start) + 1
        assert f"[L{line}](#src-{uid})" in md, uid
        entry = next(x for x in sources.splitlines() if x.startswith(f'- <a id="src-{uid}"></a>'))
        assert f"chars {e.start}–{e.end}" in entry and unescape_md(text[e.start : e.end]) in unescape_md(entry)
    assert "(approximate match)" in sources  # the fuzzy statement says so
    # Without the text, items still link to their evidence, by offsets.
    bare = render.to_markdown(summary)
    assert "[ST1](#src-st1)" in bare and "chars" in bare


def test_markdown_escapes_hostile_text() -> None:
    summary, text = hostile_summary()
    md = render.to_markdown(summary, text)
    ours = re.sub(r'<a id="[a-z0-9-]+"></a>', "", md)  # the brief's own anchors are the only HTML allowed
    assert not re.search(r"(?<!\\)[<>]", ours), "unescaped angle bracket: raw HTML would reach the renderer"
    assert "\\<script\\>" in md
    assert "\\[link\\](javascript:alert(1))" in md
    assert "\\[bold red\\]markup\\[/\\] & \\*stars\\*" in md  # the sanction's quoted evidence
    assert "\\<i\\>Treasury\\</i\\>" in md


def test_table_shows_header_items_and_footer(sample: tuple[Summary, str]) -> None:
    summary, _ = sample
    console = Console(record=True, width=140, color_system=None)
    render.to_table(summary, console)
    out = console.export_text()
    assert "Spotlight on Iran" in out and "Dr. Raz Zimmt" in out and "2020-03-22 – 2020-04-05" in out
    for st in summary.statements:
        assert st.speaker in out, st.speaker
    for heading in ("Overview", "Statements", "Sanctions", "U.S. Treasury Department", "designate"):
        assert heading in out
    assert "backend hand" in out and "model fixture" in out
    assert "4,321 in / 987 out" in out
    assert "grounding 14 exact / 1 fuzzy / 1 dropped" in out


def test_table_prints_hostile_markup_literally() -> None:
    summary, _ = hostile_summary()
    console = Console(record=True, width=140, color_system=None)
    render.to_table(summary, console)
    out = console.export_text()
    assert "red]Boss[/]" in out  # rich would have consumed the brackets had it parsed them as markup
    assert "<i>Treasury</i>" in out


def test_html_highlights_every_grounded_span(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    page = Page(render.to_html([(summary, text)]))
    for uid, e in evidence_by_uid(summary).items():
        if e.status == "ungrounded":
            assert uid not in page.mark_text, f"{uid} is ungrounded but highlighted"
            continue
        assert page.mark_text.get(uid) == text[e.start : e.end], uid
        assert page.mark_ids[uid] == f"{uid}-hl"
    # The whole source text is there, in order, with nothing but link badges added.
    assert page.sources == [text]


def test_html_links_resolve_both_ways(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    page = Page(render.to_html([(summary, text)]))
    ids = set(page.ids)
    assert len(ids) == len(page.ids), "duplicate ids"
    targets = {h[1:] for h in page.hrefs}
    assert all(h.startswith("#") for h in page.hrefs)
    assert targets <= ids, targets - ids
    for uid, e in evidence_by_uid(summary).items():
        assert uid in ids, f"no row for {uid}"
        if e.status != "ungrounded":
            assert f"{uid}-hl" in targets, f"row {uid} does not link to its highlight"
            assert uid in targets, f"highlight {uid} does not link back to its row"


def test_html_lists_ungrounded_and_bad_offsets_separately(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    broken = summary.model_copy(deep=True)
    broken.overview[0].evidence = Evidence(start=len(text) - 2, end=len(text) + 50, text="past the end")
    markup = render.to_html([(broken, text)])
    page = Page(markup)
    start = markup.index('<section class="card dropped">')
    dropped = markup[start : markup.index("</section>", start)]
    assert 'id="b0-st9"' in dropped and "Hassan Rouhani" in dropped and "not found in source" in dropped
    assert 'id="b0-ov1"' in dropped and "offsets outside the source text" in dropped
    assert "b0-ov1" not in page.mark_text and "b0-st9" not in page.mark_text


def test_html_is_self_contained(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    markup = render.to_html([(summary, text)])
    for needle in ("http://", "https://", "src=", "//fonts", "@import"):
        assert needle not in markup, needle
    assert f'http-equiv="Content-Security-Policy" content="{render.CSP.replace(chr(39), "&#x27;")}"' in markup
    assert "default-src &#x27;none&#x27;" in markup
    page = Page(markup)
    assert_self_contained(page, markup)
    assert len(page.scripts) == 1


def test_html_escapes_hostile_text() -> None:
    summary, text = hostile_summary()
    sample, sample_text_ = sample_summary()
    markup = render.to_html([(sample, sample_text_), (summary, text)])
    page = Page(markup)
    assert_self_contained(page, markup)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not any(t in {"b", "i"} for t, _ in page.tags)
    assert "<script>document" not in markup and "<img src" not in markup
    shown = "".join(page.text)
    assert HOSTILE_SCRIPT in shown and HOSTILE_IMG in shown and "[bold red]Boss[/]" in shown
    # The attribute breaker in the editor field is shown as text instead of adding an onmouseover handler.
    assert '" onmouseover="document.body' in shown
    assert page.sources[1] == text
    hostile_uids = evidence_by_uid(summary, "b1")
    assert page.mark_text["b1-st1"] == text[hostile_uids["b1-st1"].start : hostile_uids["b1-st1"].end]


def test_html_many_bulletins_have_distinct_ids(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    other = summary.model_copy(deep=True)
    other.bulletin.title = "Spotlight on Iran (second issue)"
    page = Page(render.to_html([(summary, text), (other, text)]))
    assert len(set(page.ids)) == len(page.ids)
    assert {"b0", "b1", "b0-st1-hl", "b1-st1-hl"} <= set(page.ids)
    assert {"#b0", "#b1"} <= set(page.hrefs)
    assert set(h[1:] for h in page.hrefs) <= set(page.ids)


def test_html_filters_cover_present_statement_types(sample: tuple[Summary, str]) -> None:
    summary, text = sample
    page = Page(render.to_html([(summary, text)]))
    boxes = {(a.get("data-filter"), a.get("value")) for t, a in page.tags if t == "input"}
    assert {("kind", "overview"), ("kind", "statement"), ("kind", "sanction")} <= boxes
    assert {v for f, v in boxes if f == "stype"} == {s.statement_type for s in summary.statements}
    rows = [a for t, a in page.tags if t == "tr" and a.get("data-item")]
    assert {a["data-kind"] for a in rows} == {"overview", "statement", "sanction"}


def test_html_handles_empty_summary() -> None:
    text = "Nothing to see here."
    summary = Summary(bulletin=Bulletin(), provenance=Provenance(backend="rules"))
    markup = render.to_html([(summary, text)])
    page = Page(markup)
    assert "No grounded items" in markup and page.sources == [text]
    assert render.to_html([]).startswith("<!DOCTYPE html>")
    assert "Nothing was extracted" in render.to_markdown(summary)
