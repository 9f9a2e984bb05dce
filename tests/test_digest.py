"""The alias table and the cross-bulletin digest (who said what over time, sanctions timeline)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from summarizer import aliases
from summarizer.files import atomic_write
from summarizer.models import Bulletin, Evidence, Provenance, Sanction, Statement, Summary, Target
from summarizer.results import load_results

from .conftest import make_statement
from .helpers import run_cli
from .test_batch import FIXTURES, make_bulletins

TABLE = aliases.load()
GROUPS, _ = aliases.read_groups(Path(aliases.__file__).with_name("data") / aliases.BUILTIN)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")

# --- aliases -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ismail Qaani", "Esmail Qa'ani"),
        ("Esmail Ghaani", "Esmail Qa'ani"),
        ("Qa\u2019ani", "Esmail Qa'ani"),
        ("QAANI", "Esmail Qa'ani"),
        ("Kata'ib Hizballah", "Kataeb Hezbollah"),
        ("Kataib Hezbollah", "Kataeb Hezbollah"),
        ("Haniyeh", "Ismail Hanniyeh"),
        ("Mohammad Bagheri", "Mohammad Baqeri"),
        ("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"),
        ("Abbas Musavi", "Abbas Mousavi"),
        ("Qassem Suleimani", "Qasem Soleimani"),
        ("Javad Zarif", "Mohammad Javad Zarif"),
        ("Hosein Salami", "Hossein Salami"),
        ("the U.S. State Department", "U.S. State Department"),
        # not in the table, one edit from a listed spelling: the fuzzy step
        ("Mohammed Bagheri", "Mohammad Baqeri"),
        ("Esmaeil Ghaani", "Esmail Qa'ani"),
        ("Hossein Amir Abdolahian", "Hossein Amir Abdollahian"),
    ],
)
def test_spellings_resolve_to_the_canonical_name(written: str, canonical: str) -> None:
    assert TABLE.canonical(written) == canonical


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Esmail Qaani", "Qasem Soleimani"),
        ("Qaani", "Soleimani"),
        ("Qasem Soleimani Dashtaki", "Qasem Soleimani"),  # a provincial governor in the real bulletin
        ("Mohammad Baqer Qalibaf", "Mohammad Baqeri"),
        ("Hezbollah", "Kataeb Hezbollah"),
        ("U.S. State Department", "U.S. Treasury Department"),
        ("UK Treasury", "U.S. Treasury"),  # one letter apart, two governments
        ("US government", "UK government"),
        ("European Council of Ministers", "Council of Europe"),
        ("Hamid Rezaei", "Hamid Rezvani"),  # two unlisted names are never merged with each other
        ("Hassan Salami", "Hossein Salami"),
    ],
)
def test_different_actors_never_merge(one: str, other: str) -> None:
    assert TABLE.canonical(one) != TABLE.canonical(other)


AUTHORITIES = {
    "UK government": [
        "UK government", "British government", "Britain", "Britain's Foreign Office",
        "Foreign, Commonwealth and Development Office", "UK Foreign, Commonwealth and Development Office",
        "Britain's Foreign, Commonwealth and Development Office", "the British government",
    ],
    "U.S. Treasury Department": [
        "U.S. Treasury", "OFAC", "Office of Foreign Assets Control", "Treasury Department",
        "U.S. Department of the Treasury", "Treasury Department's Office of Foreign Assets Control",
        "U.S. Treasury Department's Office of Foreign Assets Control",
    ],
    "European Union": ["EU Council", "Council of the EU", "Council of the European Union", "European Union", "EU"],
}  # fmt: skip


@pytest.mark.parametrize(("canonical", "written"), [(c, w) for c, ws in AUTHORITIES.items() for w in ws])
def test_sanctioning_authorities_resolve_to_one_name(canonical: str, written: str) -> None:
    assert TABLE.canonical(written) == canonical


def test_every_group_stays_apart_and_resolution_is_idempotent() -> None:
    canon = {g[0] for g in GROUPS}
    assert len(canon) == len(GROUPS)
    for group in GROUPS:
        for spelling in group:
            assert TABLE.canonical(spelling) == group[0], spelling
            assert TABLE.canonical(TABLE.canonical(spelling)) == group[0]


def test_unknown_names_come_back_as_written() -> None:
    for name in ("Dariush Kazemi", "  odd  Spacing ", "the Iraqi Ministry of Foreign Affairs", ""):
        assert TABLE.canonical(name) == name
    assert aliases.canonical("Helena Varga") == "Helena Varga"


def test_a_spelling_equally_close_to_two_groups_is_left_alone() -> None:
    table = aliases.Aliases([["Ali Akbar Rezai"], ["Ali Akbar Razai"]])
    assert table.canonical("Ali Akbar Rizai") == "Ali Akbar Rizai"
    assert table.canonical("Ali Akbar Rezaii") == "Ali Akbar Rezai"


def test_user_table_layers_over_the_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(
        json.dumps({"groups": [["Haj Qasem", "Qasem Soleimani", "Sardar Soleimani"], ["Nabil Sharaf", "N. Sharaf"]]})
    )
    table = aliases.load(mine)
    assert table.canonical("Sardar Soleimani") == "Haj Qasem"
    assert table.canonical("N. Sharaf") == "Nabil Sharaf"
    assert table.canonical("Qassem Suleimani") == "Qassem Suleimani"  # the built-in group it replaced is gone
    assert table.canonical("Ismail Qaani") == "Esmail Qa'ani"  # other built-in groups stay
    monkeypatch.setenv(aliases.ENV, str(mine))
    assert aliases.load().canonical("Sardar Soleimani") == "Haj Qasem"
    mine.write_text(json.dumps({"builtin": False, "groups": [["Nabil Sharaf", "N. Sharaf"]]}))
    assert aliases.load(mine).canonical("Ismail Qaani") == "Ismail Qaani"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('[["A One", "Same Name"], ["B Two", "same-name"]]', "is in two groups"),
        ("{not json", "not valid JSON"),
        ('{"groups": [[]]}', "non-empty lists"),
    ],
)
def test_a_bad_user_table_is_a_one_line_error(tmp_path: Path, content: str, words: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(ValueError, match=words):
        aliases.load(bad)


# --- digest --------------------------------------------------------------------------------------------------------

MERGED = {
    # canonical: spellings the generated bulletins use
    "Esmail Qa'ani": {"Ismail Qaani", "Esmail Ghaani", "Ismail Ghaani", "Ismail Qa'ani"},
    "Hossein Salami": {"Hossein Salami", "Hosein Salami"},
    "Mohammad Baqeri": {"Mohammad Baqeri", "Mohammad Bagheri"},
    "Abbas Mousavi": {"Abbas Mousavi", "Abbas Musavi"},
    "Mohsen Rezaei": {"Mohsen Rezaei", "Mohsen Rezaee", "Mohsen Rezai"},
    "Ismail Hanniyeh": {"Ismail Haniyeh", "Ismail Hanniyeh", "Ismail Haniya"},
    "Hossein Amir Abdollahian": {"Hossein Amir Abdollahian", "Hossein Amir-Abdollahian"},
}


COUNT = 4 * len(FIXTURES)
FIRST = f"{COUNT:03d}-{FIXTURES[0].name}"  # the name make_bulletins gives the first bulletin, the one refiled


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four copies of each fixture (four years, rotated spellings) plus one bulletin filed twice."""
    root = tmp_path_factory.mktemp("digest")
    made = make_bulletins(root / "in", count=COUNT)
    shutil.copy(made[0], root / "in" / "refiled-copy.txt")
    out = root / "out"
    run = run_cli("summarize", str(root / "in"), "--out", str(out), "-b", "rules")
    assert run.returncode == 0, run.stderr.decode()
    return out


def sections(markdown: str) -> dict[str, list[str]]:
    """Speaker heading -> its table rows (header rows excluded)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("### "):
            current = found.setdefault(line[4:].replace("\\", ""), [])
            assert not current, f"speaker {line[4:]} appears twice"
        elif line.startswith("## "):
            current = None
        elif current is not None and line.startswith("| ") and ISO.search(line.split("|")[1]):
            current.append(line)
    return found


def first_date(row: str) -> str:
    match = ISO.search(row.split("|")[1])
    assert match
    return match[0]


LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)+)\]\(([^)\s]+)\)")
"""A Markdown link; escaped brackets from bulletin text (``\\[Al Arabiya\\](https://...)``) are text, not links."""


def full_markdown(batch: Path, *args: str) -> str:
    run = run_cli("digest", str(batch), "-f", "md", "--all", *args)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout.decode()


def test_markdown_digest_has_each_speaker_once_in_date_order(batch: Path) -> None:
    text = full_markdown(batch)
    speakers = sections(text)
    written = {st.speaker for s in load_results(batch) for st in s.statements}
    for canonical, spellings in MERGED.items():
        assert spellings <= written, f"the generated batch lacks some spellings of {canonical}"
        assert canonical in speakers
        assert not (spellings - {canonical}) & set(speakers), f"{canonical} is listed under another spelling"
    assert len({aliases.canonical(name) for name in speakers}) == len(speakers)
    for name, rows in speakers.items():
        dates = [first_date(r) for r in rows]
        assert dates == sorted(dates), name
    salami = [first_date(r) for r in speakers["Hossein Salami"]]
    assert {d[:4] for d in salami} == {"2020", "2021", "2022", "2023"}


def test_statements_reported_twice_are_listed_once_with_both_sources(batch: Path) -> None:
    results = load_results(batch)
    total = sum(len(s.statements) for s in results)
    refiled = next(s for s in results if s.bulletin.source and s.bulletin.source.endswith("refiled-copy.txt"))
    text = full_markdown(batch)
    rows = [r for rs in sections(text).values() for r in rs]
    assert len(rows) == total - len(refiled.statements)
    both = [r for r in rows if "refiled-copy.txt" in r]
    assert len(both) == len(refiled.statements)
    assert all(re.search(rf"\[{re.escape(FIRST)}\]\([^)]+\), \[refiled-copy\.txt\]", r) for r in both)
    timeline = text.split("## Sanctions timeline", 1)[1]
    dated = [first_date(r) for r in timeline.splitlines() if r.startswith("| ") and ISO.search(r.split("|")[1])]
    assert dated == sorted(dated)
    assert timeline.count("[refiled-copy.txt]") == len(refiled.sanctions)


def test_terminal_digest_titles_each_speaker_once(batch: Path) -> None:
    run = run_cli("digest", str(batch), "--all", env={"COLUMNS": "200"})
    assert run.returncode == 0, run.stderr.decode()
    titles = re.findall(r"^(\S.*?)  \d+ statements?\s*$", run.stdout.decode(), flags=re.MULTILINE)
    assert len(titles) == len(set(titles))
    assert set(MERGED) <= set(titles)
    assert not {"Hosein Salami", "Mohammad Bagheri", "Abbas Musavi", "Ismail Qaani"} & set(titles)
    assert "also written: Hosein Salami" in run.stdout.decode()
    assert "role: Commander of the IRGC" in run.stdout.decode()


def test_html_digest_is_self_contained_and_names_the_merged_speakers(batch: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "digest.html"
    run = run_cli("digest", str(batch), "-f", "html", "--all", "-o", str(page_path))
    assert run.returncode == 0, run.stderr.decode()
    page = page_path.read_text(encoding="utf-8")
    headings = re.findall(r'<h3 class="part">(.*?)<span', page)
    assert len(headings) == len(set(headings))
    assert "Esmail Qa&#x27;ani" in headings and "Hossein Salami" in headings
    assert "Also written: Esmail Ghaani, Ismail Ghaani, Ismail Qa&#x27;ani, Ismail Qaani" in page
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|@import|url\(", page)
    assert "Content-Security-Policy" in page


def test_default_is_a_top_n_summary_with_roles(batch: Path) -> None:
    """922 lines for one section per speaker was unreadable: the default lists the top speakers and the timeline."""
    full = full_markdown(batch)
    run = run_cli("digest", str(batch), "-f", "md")
    assert run.returncode == 0, run.stderr.decode()
    text = run.stdout.decode()
    speakers = len(sections(full))
    assert f"## Top 15 of {speakers} speakers, by statements" in text
    assert f"{speakers - 15} more speakers; --all lists every speaker" in text
    assert len(text.splitlines()) < len(full.splitlines()) / 3
    top = text.split("## Top", 1)[1].split("##", 1)[0]
    rows = [r for r in top.splitlines() if re.match(r"\| \d+ \|", r)]
    assert len(rows) == 15
    counts = [int(r.split("|")[4]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    salami = next(r for r in rows if "| Hossein Salami |" in r)
    assert "| Commander of the IRGC |" in salami, "the role is shown once, without repeating the affiliation"
    assert "## Sanctioning authorities" in text and "## Sanctions timeline" in text
    five = run_cli("digest", str(batch), "-f", "md", "--top", "5").stdout.decode()
    assert f"## Top 5 of {speakers} speakers" in five


def test_sources_link_to_results_then_to_report_rows(batch: Path, tmp_path: Path) -> None:
    """Links are relative to the output file, lead to the result JSON, and once `view` wrote the reports, to the
    statement's own row in its bulletin's report."""
    results = tmp_path / "results"
    shutil.copytree(batch, results)
    out = tmp_path / "elsewhere" / "digest.md"
    out.parent.mkdir()
    assert run_cli("digest", str(results), "-f", "md", "--all", "-o", str(out)).returncode == 0
    links = LINK.findall(out.read_text(encoding="utf-8"))
    assert links and all(target.startswith("../results/") and target.endswith(".json") for _, target in links)
    for _, target in links:
        assert (out.parent / target).is_file(), target
    assert run_cli("view", str(results)).returncode == 0
    assert run_cli("digest", str(results), "-f", "md", "--all", "-o", str(out)).returncode == 0
    linked = LINK.findall(out.read_text(encoding="utf-8"))
    assert len(linked) == len(links)
    for label, target in linked:
        path, _, anchor = target.partition("#")
        assert path.startswith("../results/reports/") and re.fullmatch(r"b0-(st|sa)\d+", anchor), target
        report = (out.parent / path).read_text(encoding="utf-8")
        assert f'<tr id="{anchor}"' in report, f"{label}: no row {anchor} in {path}"


def test_speaker_filter_is_alias_aware(batch: Path) -> None:
    text = full_markdown(batch, "--speaker", "Esmail Ghaani")
    assert list(sections(text)) == ["Esmail Qa'ani"]
    assert "only speaker Esmail Qa'ani" in text.replace("\\", "")
    assert list(sections(full_markdown(batch, "--speaker", "qaani"))) == ["Esmail Qa'ani"]
    assert list(sections(full_markdown(batch, "--speaker", "Salami"))) == ["Hossein Salami"]  # whole word of a name
    assert list(sections(full_markdown(batch, "--speaker", "Hossein Salamy"))) == ["Hossein Salami"]  # one edit
    run = run_cli("digest", str(batch), "--speaker", "Salamy")
    assert run.returncode == 2 and "no statements or sanctions by 'Salamy'" in run.stderr.decode()
    assert "Hossein Salami" in run.stderr.decode().split("closest:", 1)[1]
    assert run.stderr.decode().strip().count("\n") == 0


def test_date_window_keeps_only_items_that_can_fall_in_it(batch: Path) -> None:
    full = full_markdown(batch)
    text = full_markdown(batch, "--since", "2021-03", "--until", "2022")
    rows = [r for rs in sections(text).values() for r in rs]
    assert rows and len(rows) < sum(len(rs) for rs in sections(full).values())
    for row in rows:
        days = ISO.findall(row.split("|")[1])
        assert days[-1] >= "2021-03-01" and days[0] <= "2022-12-31", row
    assert "only since 2021-03-01, until 2022-12-31" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--since", "March"], "'March' is not a date"),
        (["--until", "2024-13"], "'2024-13' is not a date"),
        (["--since", "2024", "--until", "2023"], "--since 2024-01-01 is after --until 2023-12-31"),
    ],
)
def test_bad_dates_are_one_line(batch: Path, args: list[str], words: str) -> None:
    run = run_cli("digest", str(batch), *args)
    assert run.returncode == 2 and words in run.stderr.decode(), run.stderr.decode()
    assert run.stderr.decode().strip().count("\n") == 0


def test_json_digest_is_complete_and_stable(batch: Path) -> None:
    run = run_cli("digest", str(batch), "-f", "json")
    assert run.returncode == 0, run.stderr.decode()
    data = json.loads(run.stdout)
    assert list(data) == [
        "digest_version", "bulletins", "period", "scope", "counts", "speakers", "authorities", "sanctions"
    ]  # fmt: skip
    assert data["digest_version"] == 1 and data["bulletins"] == COUNT + 1
    assert data["counts"]["speakers"] == len(data["speakers"]) == len(sections(full_markdown(batch)))
    assert data["counts"]["statements"] == sum(len(s["said"]) for s in data["speakers"])
    salami = next(s for s in data["speakers"] if s["name"] == "Hossein Salami")
    assert set(salami) == {"name", "spellings", "roles", "statements", "span", "said"}
    assert salami["roles"][0] == "Commander of the IRGC" and salami["spellings"] == ["Hosein Salami"]
    said = salami["said"][0]
    assert set(said) >= {"when", "type", "content", "sources"} and set(said["when"]) == {"start", "end", "approximate"}
    for source in said["sources"]:
        assert Path(source["result"]).is_file() and source["report"] is None
    assert {a["name"] for a in data["authorities"]} == {i["authority"] for i in data["sanctions"]}
    narrowed = json.loads(run_cli("digest", str(batch), "-f", "json", "--speaker", "Mohammad Bagheri").stdout)
    assert [s["name"] for s in narrowed["speakers"]] == ["Mohammad Baqeri"]
    assert narrowed["scope"] == {"speaker": "Mohammad Baqeri", "since": None, "until": None}


def authority_results(directory: Path) -> None:
    """One bulletin per spelling of each authority, each sanction on its own day."""
    for n, spellings in enumerate(AUTHORITIES.values()):
        for m, written in enumerate(spellings):
            day = dt.date(2024, n + 1, m + 1)
            summary = Summary(
                bulletin=Bulletin(title=f"{written} acts", source=f"{n}-{m}.txt", period_start=day),
                sanctions=[Sanction(authority=written, announced_on=day, evidence=Evidence(start=0, end=1, text="x"))],
                provenance=Provenance(backend="rules"),
            )
            atomic_write(directory / f"{n}-{m}.json", summary.model_dump_json())


def test_one_name_per_sanctioning_authority(tmp_path: Path) -> None:
    authority_results(tmp_path)
    data = json.loads(run_cli("digest", str(tmp_path), "-f", "json").stdout)
    assert {a["name"]: a["actions"] for a in data["authorities"]} == {k: len(v) for k, v in AUTHORITIES.items()}
    uk = next(a for a in data["authorities"] if a["name"] == "UK government")
    assert "Britain" in uk["spellings"] and "Foreign, Commonwealth and Development Office" in uk["spellings"]
    assert {i["authority"] for i in data["sanctions"]} == set(AUTHORITIES)
    text = run_cli("digest", str(tmp_path), "-f", "md", "--speaker", "Britain").stdout.decode()
    timeline = text.split("## Sanctions timeline", 1)[1]
    assert timeline.count("| UK government |") == len(AUTHORITIES["UK government"])
    assert "European Union" not in timeline


HOSTILE = '<script>alert("x")</script> [bold]Boss[/bold] | **loud** # not a heading'


def hostile_results(directory: Path) -> None:
    evidence = Evidence(start=0, end=1, text="x")
    summary = Summary(
        bulletin=Bulletin(title=HOSTILE, source="evil<b>{x}.txt", period_start=dt.date(2024, 1, 1)),
        statements=[
            Statement(
                speaker=HOSTILE,
                content=f"<img src=x onerror=alert(1)> {HOSTILE}",
                target="</td><td>",
                evidence=evidence,
            )
        ],
        sanctions=[
            Sanction(
                authority="<iframe src=//evil>",
                targets=[Target(name=HOSTILE)],
                target_countries=["[red]X"],
                evidence=evidence,
            )
        ],
        provenance=Provenance(backend="rules"),
    )
    atomic_write(directory / "hostile.json", summary.model_dump_json())


def test_hostile_text_is_escaped_in_every_format(tmp_path: Path) -> None:
    hostile_results(tmp_path)
    page = run_cli("digest", str(tmp_path), "-f", "html", "--all").stdout.decode()
    assert "<script>" not in page and "<img" not in page and "<iframe" not in page and "<b>" not in page
    assert "<td>&lt;/td&gt;&lt;td&gt;</td>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    markdown = run_cli("digest", str(tmp_path), "-f", "md", "--all").stdout.decode()
    assert not re.search(r"(?<!\\)<", markdown), "an unescaped < would be raw HTML to a Markdown renderer"
    assert r"### \<script\>" in markdown and r"\| \*\*loud\*\* \# not a heading" in markdown
    table = run_cli("digest", str(tmp_path), "--all", env={"COLUMNS": "250"})
    assert table.returncode == 0, table.stderr.decode()
    assert "[bold]Boss[/bold]" in table.stdout.decode() and "[red]X" in table.stdout.decode()
    summary = run_cli("digest", str(tmp_path), "-f", "html").stdout.decode()
    assert "<script>" not in summary and "<img" not in summary and "<iframe" not in summary
    assert re.search(r'<a href="[^"<>]*/hostile\.json">evil&lt;b&gt;\{x\}\.txt</a>', summary)
    brief = run_cli("digest", str(tmp_path), "-f", "md").stdout.decode()
    assert not re.search(r"(?<!\\)<", brief) and r"[evil\<b\>{x}.txt](" in brief
    data = json.loads(run_cli("digest", str(tmp_path), "-f", "json").stdout)
    assert data["speakers"][0]["name"] == HOSTILE and data["sanctions"][0]["authority"] == "<iframe src=//evil>"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing"], "no such results directory"),
        (["empty"], "no results here"),
        (["results", "-f", "pdf"], "unknown format"),
    ],
)
def test_digest_errors_are_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    (tmp_path / "empty").mkdir()
    hostile_results(tmp_path / "results")
    run = run_cli("digest", str(tmp_path / args[0]), *args[1:])
    stderr = run.stderr.decode()
    assert run.returncode == 2
    assert stderr.strip().count("\n") == 0 and "Traceback" not in stderr
    assert words in stderr


def test_a_bad_alias_table_in_the_environment_is_one_line(tmp_path: Path) -> None:
    hostile_results(tmp_path)
    bad = tmp_path / "aliases.json"
    bad.write_text('[["A One", "B Two"], ["C Three", "b two"]]')
    run = run_cli("digest", str(tmp_path), env={aliases.ENV: str(bad)})
    stderr = run.stderr.decode()
    assert run.returncode == 2
    assert stderr.strip().count("\n") == 0 and "Traceback" not in stderr
    assert "'b two' is in two groups ('A One' and 'C Three')" in stderr


# --- in the browser -------------------------------------------------------------------------------------------------

LONG_NAMES = ("Abdulrahman" * 12, "Sayyed-Mohammad-Hossein-Abdolrahim-Mousavi-Khoeiniha-al-Tabatabaei-Qomi")

OVERLAPS = """(function () {
  // Every line box of every entry and of everything in it: a name running into its neighbour shows up here even
  // when the entries' own boxes stay apart.
  var items = Array.from(document.querySelectorAll('.speakers li'));
  var boxes = [];
  items.forEach(function (li, n) {
    [li].concat(Array.from(li.querySelectorAll('*'))).forEach(function (el) {
      Array.from(el.getClientRects()).forEach(function (r) {
        if (r.width > 0 && r.height > 0) { boxes.push({n: n, l: r.left, r: r.right, t: r.top, b: r.bottom}); }
      });
    });
  });
  var clashes = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.n !== b.n && a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) {
        clashes.push(items[a.n].textContent + ' / ' + items[b.n].textContent);
      }
    }
  }
  return {count: items.length, clashes: clashes.slice(0, 20),
          overflowing: items.filter(function (li) { return li.scrollWidth > li.clientWidth + 1; }).length};
})()"""


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed (apt-get install -y chromium)")
def test_html_speaker_list_never_overlaps_itself(batch: Path, tmp_path: Path) -> None:
    """The list of speakers used to run its columns into each other; every entry must keep its own box."""
    from tests.cdp import Browser, colours
    from tests.test_browser import ARTIFACTS

    results = tmp_path / "results"
    shutil.copytree(batch, results)
    for n, name in enumerate(LONG_NAMES):
        summary = Summary(
            bulletin=Bulletin(title="long names", source=f"long-{n}.txt", period_start=dt.date(2024, 1, 1)),
            statements=[make_statement(speaker=name)],
            provenance=Provenance(backend="rules"),
        )
        atomic_write(results / f"long-{n}.json", summary.model_dump_json())
    page_all, page_top = tmp_path / "all.html", tmp_path / "top.html"
    assert run_cli("digest", str(results), "-f", "html", "--all", "-o", str(page_all)).returncode == 0
    assert run_cli("digest", str(results), "-f", "html", "-o", str(page_top)).returncode == 0
    speakers = len(sections(full_markdown(results)))
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (420, 760, 1400):
        with Browser(tmp_path / f"profile-{width}", width=width, height=1100) as b:
            b.open(page_all.as_uri())
            found = b.eval(OVERLAPS)
            assert found["count"] == speakers
            assert found["clashes"] == [], f"at {width}px: {found['clashes'][:5]}"
            assert found["overflowing"] == 0, f"at {width}px an entry runs out of its box"
            if width == 1400:
                data = b.screenshot(ARTIFACTS / "digest.png")
                assert len(data) > 50_000 and colours(b.screenshot(scale=0.25)) > 30
                b.open(page_top.as_uri())
                b.screenshot(ARTIFACTS / "digest-summary.png")
            assert b.problems() == [], b.problems()
