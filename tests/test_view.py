"""``summarizer view``: the index over a results directory, through the real CLI and in a real browser.

The browser tests type into the page over the DevTools protocol (:mod:`tests.cdp`), check which rows are shown, that
the filters land in the address and survive a reload, that hostile bulletin text never runs, and photograph it.
"""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from summarizer import aliases
from summarizer.files import atomic_write
from summarizer.ingest import from_text
from summarizer.render.view import report_anchor
from summarizer.results import load_result_files
from tests.cdp import Browser, colours
from tests.helpers import BULLETINS, run_cli
from tests.test_browser import ARTIFACTS, CHROMIUM
from tests.test_render import HOSTILE_TEXT, hostile_summary

GONE = "gone-bulletin.txt"
EDITED = "edited-bulletin.txt"
HOSTILE = "hostile-bulletin.txt"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eval bulletins summarised, plus one whose source is later deleted, one edited, and a hostile one."""
    root = tmp_path_factory.mktemp("view")
    inputs = root / "in"
    shutil.copytree(BULLETINS, inputs)
    (inputs / "README.md").unlink(missing_ok=True)
    sample = sorted(inputs.glob("synthetic-news-*.txt"))[0].read_text(encoding="utf-8")
    (inputs / GONE).write_text(sample, encoding="utf-8")
    (inputs / EDITED).write_text(sample, encoding="utf-8")
    out = root / "results"
    run = run_cli("summarize", str(inputs), "--out", str(out), "-b", "rules")
    assert run.returncode == 0, run.stderr.decode()
    (inputs / GONE).unlink()
    (inputs / EDITED).write_text(sample.replace("Iran", "Persia"), encoding="utf-8")
    summary, text = hostile_summary()
    (inputs / HOSTILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    bulletin = summary.bulletin.model_copy(update={"source": str(inputs / HOSTILE), "sha256": from_text(text).sha256})
    atomic_write(
        out / "hostile-bulletin-0000.json", summary.model_copy(update={"bulletin": bulletin}).model_dump_json()
    )
    return out


@pytest.fixture(scope="module")
def index(results: Path) -> Path:
    run = run_cli("view", str(results))
    assert run.returncode == 0, run.stderr.decode()
    return results / "index.html"


def rows(page: str) -> list[str]:
    return re.findall(r'<tr class="brow".*?</tr>', page, flags=re.S)


def test_index_lists_every_bulletin_and_links_each_report(results: Path, index: Path) -> None:
    page = index.read_text(encoding="utf-8")
    found = load_result_files(results)
    assert len(rows(page)) == len(found)
    made = sorted((results / "reports").glob("*.html"))
    assert len(made) == len(found) - 2  # the deleted and the edited source get no report
    for report in made:
        assert f'href="reports/{report.name}"' in page
        assert (results / f"{report.stem}.json").is_file()
    for path, summary in found:
        assert f'href="{path.name}"' in page  # the result JSON, relative
        if summary.bulletin.period_start:
            assert summary.bulletin.period_start.isoformat() in page
        assert (
            f'<td class="c-num">{len(summary.statements)}</td><td class="c-num">{len(summary.sanctions)}</td>' in page
        )


def test_a_missing_or_changed_source_is_named_not_fatal(results: Path, index: Path) -> None:
    page = index.read_text(encoding="utf-8")
    gone = next(r for r in rows(page) if GONE in r)
    assert "No report: source file not found:" in gone and "data-report" not in gone
    edited = next(r for r in rows(page) if EDITED in r)
    assert "No report: source file changed since it was summarised" in edited
    run = run_cli("view", str(results))
    assert run.returncode == 0
    gone_result = next(p.name for p, s in load_result_files(results) if str(s.bulletin.source).endswith(GONE))
    assert f"no report: {gone_result}: source file not found" in run.stderr.decode()


def test_moved_sources_are_found_by_name_and_hash(results: Path, tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    shutil.copytree(results, moved)
    shutil.rmtree(moved / "reports")
    archive = tmp_path / "archive"
    archive.mkdir()
    for _, summary in load_result_files(moved):
        source = Path(str(summary.bulletin.source))
        if source.is_file():
            shutil.copy(source, archive / source.name)
    (archive / EDITED).write_text("same name, other text", encoding="utf-8")
    out = tmp_path / "site" / "all.html"
    out.parent.mkdir()
    run = run_cli("view", str(moved), "-o", str(out), "--sources", str(archive))
    assert run.returncode == 0, run.stderr.decode()
    page = out.read_text(encoding="utf-8")
    links = re.findall(r'href="([^"?#]+)"', page)
    assert links and all((out.parent / unquote(link)).is_file() for link in links)
    assert any(link.startswith("../moved/reports/") for link in links)
    assert "changed since it was summarised" in next(r for r in rows(page) if EDITED in r)


def test_filter_facets_use_one_name_per_actor(index: Path) -> None:
    page = index.read_text(encoding="utf-8")
    options = page.split('id="f-speaker"', 1)[1].split("</select>", 1)[0]
    speakers = [html.unescape(s) for s in re.findall(r'<option value="([^"]+)">', options)]
    table = aliases.load()
    assert speakers and len({table.canonical(s) for s in speakers}) == len(speakers)
    authorities = page.split('id="f-authority"', 1)[1].split("</select>", 1)[0]
    assert ">UK government (" in authorities and "Britain" not in authorities
    assert ">U.S. Treasury Department (" in authorities and "Office of Foreign Assets" not in authorities
    assert 'id="f-family"' in page and ">Newswire (" in page  # publishers as the text family


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def test_the_page_is_locked_down_and_escapes_hostile_text(index: Path) -> None:
    page = index.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src &#x27;none&#x27;" in page
    tags = Tags()
    tags.feed(page)
    assert {"img", "iframe", "link", "b", "i", "object", "embed"}.isdisjoint(t for t, _ in tags.found)
    assert [t for t, _ in tags.found].count("script") == 1
    names = {name for _, attrs in tags.found for name, _ in attrs}
    assert not {n for n in names if n.startswith("on")}, "inline event handlers"
    assert "src" not in names and not re.search(r"@import|url\(", page)
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page


def test_no_results_is_one_line(tmp_path: Path) -> None:
    for args, words in (([str(tmp_path / "missing")], "no such results directory"), ([str(tmp_path)], "no results")):
        run = run_cli("view", *args)
        assert run.returncode == 2 and words in run.stderr.decode()
        assert run.stderr.decode().strip().count("\n") == 0
    assert not (tmp_path / "index.html").exists()


# --- in the browser -----------------------------------------------------------------------------------------------

browser = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")


def shown(b: Browser) -> list[str]:
    """Titles of the rows the reader can see."""
    return b.eval(
        "Array.from(document.querySelectorAll('tr.brow')).filter(function(r){return r.offsetParent!==null})"
        ".map(function(r){return r.querySelector('td').innerText.split('\\n')[0]})"
    )


def facts(b: Browser, name: str) -> list[list[str]]:
    """A facet of every visible row, as the page wrote it."""
    return b.eval(
        "Array.from(document.querySelectorAll('tr.brow')).filter(function(r){return r.offsetParent!==null})"
        f".map(function(r){{return JSON.parse(r.getAttribute('data-{name}'))}})"
    )


@browser
@pytest.mark.browser
def test_search_and_filters_in_the_browser(index: Path, tmp_path: Path) -> None:
    total = len(rows(index.read_text(encoding="utf-8")))
    with Browser(tmp_path / "profile") as b:
        b.open(index.as_uri())
        assert b.eval("document.body.getAttribute('data-view-ready')") == str(total)
        assert len(shown(b)) == total
        assert b.eval("document.getElementById('view-status').textContent") == f"Showing {total} of {total} bulletins"

        b.type("#f-q", "tanker")
        found = shown(b)
        assert 0 < len(found) < total
        texts = b.eval(
            "Array.from(document.querySelectorAll('tr.brow')).map(function(r){"
            "return [r.offsetParent!==null, r.getAttribute('data-text')]})"
        )
        assert all(("tanker" in text) is visible for visible, text in texts)
        assert b.eval("location.search") == "?q=tanker"

        b.choose("#f-authority", "U.S. Treasury Department")
        narrowed = shown(b)
        assert 0 < len(narrowed) <= len(found)
        assert all("U.S. Treasury Department" in a for a in facts(b, "authority"))

        b.clear("#f-q")
        b.type("#f-q", "no such words anywhere")
        assert shown(b) == [] and b.eval("document.getElementById('view-empty').hidden") is False
        b.clear("#f-q")

        b.choose("#f-stype", "threaten")
        b.choose("#f-speaker", "")
        b.choose("#f-authority", "")
        b.choose("#f-from", "2023-01-01")
        b.choose("#f-to", "2024-12-31")
        dated = shown(b)
        assert dated and all("threaten" in s for s in facts(b, "stype"))
        starts = b.eval(
            "Array.from(document.querySelectorAll('tr.brow')).filter(function(r){return r.offsetParent!==null})"
            ".map(function(r){return [r.getAttribute('data-start'), r.getAttribute('data-end')]})"
        )
        assert all(end >= "2023-01-01" and start <= "2024-12-31" for start, end in starts)
        link = b.eval("document.querySelector('tr.brow:not([hidden]) a[data-report]').getAttribute('href')")
        assert link.endswith("?kind=statement&stype=threaten"), "the report opens on the same statement type"

        url = b.eval("location.href")
        assert "stype=threaten" in url and "from=2023-01-01" in url and "to=2024-12-31" in url
        b.open(url)  # the address alone restores the view
        assert shown(b) == dated
        assert b.eval("document.getElementById('f-stype').value") == "threaten"
        assert b.eval("document.body.getAttribute('data-pwned')") is None
        assert b.problems() == [], b.problems()


@browser
@pytest.mark.browser
def test_hostile_bulletin_stays_text_in_the_index(index: Path, tmp_path: Path) -> None:
    with Browser(tmp_path / "profile") as b:
        b.open(index.as_uri())
        b.type("#f-q", "pwned")
        assert len(shown(b)) == 1
        text = b.eval("document.querySelector('tr.brow:not([hidden])').innerText")
        assert "<script>document.title='pwned'" in text and "<img src=x onerror=" in text
        assert b.eval("document.body.getAttribute('data-pwned')") is None
        assert b.eval("document.title").startswith("Results:")
        b.eval("document.querySelector('tr.brow:not([hidden]) a[data-report]').click()")
        b.wait_for("Page.loadEventFired")
        assert b.eval("location.pathname").endswith(".html") and "/reports/" in b.eval("location.pathname")
        assert b.eval("document.body.getAttribute('data-report-ready')")
        assert b.eval("document.body.getAttribute('data-pwned')") is None
        anchor = report_anchor("statement", 1)
        assert b.eval(f"!!document.getElementById('{anchor}')")
        assert b.problems() == [], b.problems()


@browser
@pytest.mark.browser
def test_screenshot_of_the_index(index: Path, tmp_path: Path) -> None:
    """A picture for reviewers (tests/artifacts is not committed), checked to be a page and not a blank."""
    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / "view.png"
    png.unlink(missing_ok=True)
    with Browser(tmp_path / "profile", width=1400, height=1000) as b:
        b.open(index.as_uri() + "?q=tanker")
        data = b.screenshot(png)
        small = b.screenshot(scale=0.25)
        b.open("about:blank")
        blank = b.screenshot(scale=0.25)
    assert png.is_file() and len(data) > 50_000, "screenshot is suspiciously small"
    assert colours(blank) <= 2 and colours(small) > 30, "the page rendered as a blank"
