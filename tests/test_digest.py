"""The alias table and the cross-bulletin digest (who said what over time, sanctions timeline)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from summarizer import aliases
from summarizer.batch import atomic_write, load_results
from summarizer.models import Bulletin, Evidence, Provenance, Sanction, Statement, Summary, Target

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
        ("Office of Foreign Assets Control", "U.S. Treasury Department"),
        ("Hamid Rezaei", "Hamid Rezvani"),  # two unlisted names are never merged with each other
        ("Hassan Salami", "Hossein Salami"),
    ],
)
def test_different_actors_never_merge(one: str, other: str) -> None:
    assert TABLE.canonical(one) != TABLE.canonical(other)


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


def test_markdown_digest_has_each_speaker_once_in_date_order(batch: Path) -> None:
    run = run_cli("digest", str(batch), "-f", "md")
    assert run.returncode == 0, run.stderr.decode()
    text = run.stdout.decode()
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
    text = run_cli("digest", str(batch), "-f", "md").stdout.decode()
    rows = [r for rs in sections(text).values() for r in rs]
    assert len(rows) == total - len(refiled.statements)
    both = [r for r in rows if "refiled-copy.txt" in r]
    assert len(both) == len(refiled.statements)
    assert all(re.search(rf"{re.escape(FIRST)}, refiled-copy\.txt", r) for r in both)
    timeline = text.split("## Sanctions timeline", 1)[1]
    dated = [first_date(r) for r in timeline.splitlines() if r.startswith("| ") and ISO.search(r.split("|")[1])]
    assert dated == sorted(dated)
    assert timeline.count("refiled-copy.txt") == len(refiled.sanctions)


def test_terminal_digest_titles_each_speaker_once(batch: Path) -> None:
    run = run_cli("digest", str(batch), env={"COLUMNS": "200"})
    assert run.returncode == 0, run.stderr.decode()
    titles = re.findall(r"^(\S.*?)  \d+ statements?\s*$", run.stdout.decode(), flags=re.MULTILINE)
    assert len(titles) == len(set(titles))
    assert set(MERGED) <= set(titles)
    assert not {"Hosein Salami", "Mohammad Bagheri", "Abbas Musavi", "Ismail Qaani"} & set(titles)
    assert "also written: Hosein Salami" in run.stdout.decode()


def test_html_digest_is_self_contained_and_names_the_merged_speakers(batch: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "digest.html"
    run = run_cli("digest", str(batch), "-f", "html", "-o", str(page_path))
    assert run.returncode == 0, run.stderr.decode()
    page = page_path.read_text(encoding="utf-8")
    headings = re.findall(r'<h3 class="part">(.*?)<span', page)
    assert len(headings) == len(set(headings))
    assert "Esmail Qa&#x27;ani" in headings and "Hossein Salami" in headings
    assert "Also written: Esmail Ghaani, Ismail Ghaani, Ismail Qa&#x27;ani, Ismail Qaani" in page
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|@import|url\(", page)
    assert "Content-Security-Policy" in page


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
    page = run_cli("digest", str(tmp_path), "-f", "html").stdout.decode()
    assert "<script>" not in page and "<img" not in page and "<iframe" not in page and "<b>" not in page
    assert "<td>&lt;/td&gt;&lt;td&gt;</td>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    markdown = run_cli("digest", str(tmp_path), "-f", "md").stdout.decode()
    assert not re.search(r"(?<!\\)<", markdown), "an unescaped < would be raw HTML to a Markdown renderer"
    assert r"### \<script\>" in markdown and r"\| \*\*loud\*\* \# not a heading" in markdown
    table = run_cli("digest", str(tmp_path), env={"COLUMNS": "250"})
    assert table.returncode == 0, table.stderr.decode()
    assert "[bold]Boss[/bold]" in table.stdout.decode() and "[red]X" in table.stdout.decode()


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
