"""What a reader of one bulletin gets from the real CLI: the terminal view (``-f table``) and the brief (``-f md``).

The terminal view must fit the terminal it is printed on (measured, not assumed), never split a word across lines
and not repeat a speaker's affiliation; the brief must read as prose with the reporting verb, link every item to
its evidence, and show sanctions as a table.
"""

from __future__ import annotations

import json
import os
import pty
import re
import struct
import subprocess
import sys
from datetime import date
from functools import cache
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from summarizer import render
from summarizer.ingest import read
from summarizer.models import STATEMENT_TYPES, Bulletin, Evidence, Provenance, Sanction, Statement, Summary
from summarizer.render.text import role_line

from .helpers import ROOT, SAMPLE, drain_pty, run_cli

# Longest acceptable views of the sample bulletin: a few screens at 80 columns (it was 620 lines), and about two at
# 120 (it was 287).
MAX_LINES = {80: 155, 120: 106}  # room for a statement or two more than the rules read today

_EDGE = "\"'()[],.;:!?“”‘’→—·✓≈✗*`|─"
LABELS = {
    "Overview",
    "Statements",
    "Sanctions",
    "Authority",
    "Targets",
    "reasons",
    "Source",
    "Editor",
    "backend",
    "model",
    "tokens",
    "calls",
    "cached",
    "grounding",
    "exact",
    "fuzzy",
    "dropped",
    "incl",
    "benefiting",
    "under",
    *(w for t in STATEMENT_TYPES for w in t.split("_")),
}
SGR = re.compile(r"\x1b\[[0-9;]*m")


def words(text: str) -> set[str]:
    return {w.strip(_EDGE) for w in text.split()}


@cache
def sample_json() -> dict[str, Any]:
    result = run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


@cache
def known_words() -> frozenset[str]:
    """Every word the view may print: the bulletin's, the extracted fields' (dates, labels) and the view's own."""
    return frozenset(words(SAMPLE.read_text(encoding="utf-8")) | words(json.dumps(sample_json())) | LABELS)


def table_at(columns: int) -> str:
    result = run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "table", env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def table_in_pty(columns: int, rows: int = 50) -> str:
    """The CLI's table as printed on a real pseudo-terminal of ``columns`` × ``rows``, escape sequences removed."""
    import fcntl
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["NO_COLOR"] = "1"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "summarize", str(SAMPLE), "-b", "rules", "-f", "table"],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    output = drain_pty(master)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode() if proc.stderr else ""
    return SGR.sub("", output.decode()).replace("\r\n", "\n")


# --- terminal view --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 120])
def test_table_fits_the_terminal_and_never_splits_a_word(columns: int) -> None:
    out = table_at(columns)
    lines = out.splitlines()
    assert 40 < len(lines) <= MAX_LINES[columns], len(lines)
    assert max(cell_len(line.rstrip()) for line in lines) <= columns
    known = known_words()
    for line in lines:
        for token in line.split():
            word = token.strip(_EDGE)
            if len(word) >= 4 and "…" not in word:
                assert word in known, f"{word!r} is not a word of the bulletin (split across lines?): {line!r}"
    data = sample_json()
    for st in data["statements"]:
        assert st["speaker"] in out


def test_table_measures_a_real_terminal() -> None:
    """Under a pseudo-terminal (no COLUMNS), the view takes the terminal's width, exactly as with COLUMNS."""
    shown = table_in_pty(80)
    lines = shown.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= 80
    assert [line.rstrip() for line in lines] == [line.rstrip() for line in table_at(80).splitlines()]


def test_table_puts_the_statement_first_and_names_the_affiliation_once() -> None:
    out = table_at(120)
    assert "IRGC, IRGC" not in out and "Hamas, Hamas" not in out and "Armed Forces, Iran" not in out
    assert "Commander of the IRGC" in out
    # Statement first, then who said it.
    said = out.index("warned the United States against such action")
    assert said < out.index("— Hossein Salami, Commander of the IRGC")
    assert "warned" in out.splitlines()[out[:said].count("\n")]  # the cue verb leads the statement


def test_table_prints_field_text_inert_and_without_control_characters() -> None:
    nasty = "\x1b[2J\x1b]0;owned\x07Boss\u202eevil\x08 [bold]x[/]"
    summary = Summary(
        bulletin=Bulletin(title=nasty, source=nasty),
        statements=[
            Statement(
                speaker=nasty,
                role=nasty,
                cue="said",
                content=f"said {nasty}",
                cited_outlet=nasty,
                cited_date=date(2020, 1, 2),
                evidence=Evidence(start=0, end=4, text="said"),
            )
        ],
        sanctions=[Sanction(authority=nasty, reasons=[nasty], evidence=Evidence(start=0, end=4, text="said"))],
        provenance=Provenance(backend="hand"),
    )
    console = Console(record=False, width=80, force_terminal=True, color_system="truecolor", file=open(os.devnull, "w"))  # noqa: SIM115
    with console.capture() as capture:
        render.to_table(summary, console)
    out = SGR.sub("", capture.get())  # the view's own styling is the only escape sequence allowed
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), repr(out)
    assert "[bold]x[/]" in out


# --- Markdown brief -------------------------------------------------------------------------------------------------


@cache
def brief() -> str:
    result = run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "md")
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_brief_reads_as_prose_with_the_cue_verb_in_bold() -> None:
    md = brief()
    assert '- <a id="st2"></a>*Hossein Salami*, Commander of the IRGC, **warned** the United States against such' in md
    assert "(Defa' Press, 28 Mar)." in md and "(Tasnim, 2 Apr)." in md
    statements = [line for line in md.splitlines() if line.startswith('- <a id="st')]
    data = sample_json()["statements"]
    assert len(statements) == len(data)
    for line, st in zip(statements, data, strict=True):
        assert f"*{st['speaker']}*" in line
        assert f"**{st['cue']}**".lower() in line.lower(), line
    assert "IRGC, IRGC" not in md and "Hamas, Hamas" not in md


def test_brief_links_each_item_to_its_evidence_and_line() -> None:
    md = brief()
    text = read(SAMPLE).text
    anchors = set(re.findall(r'<a id="([a-z0-9-]+)"></a>', md))
    data = sample_json()
    for kind, items in (("ov", data["overview"]), ("st", data["statements"]), ("sa", data["sanctions"])):
        for n, item in enumerate(items, 1):
            uid, ev = f"{kind}{n}", item["evidence"]
            line = text.count("\n", 0, ev["start"]) + 1
            assert f"[L{line}](#src-{uid})" in md, uid
            assert {uid, f"src-{uid}"} <= anchors, uid
            # The Sources entry quotes the bulletin at that line.
            entry = next(x for x in md.splitlines() if x.startswith(f'- <a id="src-{uid}"></a>'))
            assert f"chars {ev['start']}–{ev['end']}" in entry
            assert text[ev["start"] : ev["start"] + 30].split("\n")[0][:20] in text.splitlines()[line - 1]
    assert set(re.findall(r"\]\(#([a-z0-9-]+)\)", md)) <= anchors


def test_brief_shows_sanctions_as_a_table() -> None:
    md = brief()
    assert "| Authority | Action | Date | Targets | Reasons | Source |\n| --- | --- | --- | --- | --- | --- |" in md
    row = next(line for line in md.splitlines() if line.startswith('| <a id="sa1">'))
    assert "**U.S. Treasury Department** | designate | 26 Mar | 20 (incl. " in row  # the count, then named targets
    assert "Headquarters for Restoration of Holy Sites" in row
    assert "money laundering" in row and row.endswith("Reuters, [L28](#src-sa1) |")


# --- shared wording -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "affiliation", "shown"),
    [
        ("Commander of the IRGC", "IRGC", "Commander of the IRGC"),
        ("Commander of the irgc", "IRGC", "Commander of the irgc"),
        ("Commander of the IRGC", "Islamic Revolutionary Guard Corps", "Commander of the IRGC"),
        (
            "Commander of the Islamic Revolutionary Guards Corps",
            "IRGC",
            "Commander of the Islamic Revolutionary Guards Corps",
        ),
        ("Chief of Staff of the Iranian Armed Forces", "Iran", "Chief of Staff of the Iranian Armed Forces"),
        ("Head of Hamas' Political Bureau", "Hamas", "Head of Hamas' Political Bureau"),
        ("Head of the EC", "Expediency Council", "Head of the EC"),
        ("Ambassador to Iraq", "Iran", "Ambassador to Iraq, Iran"),
        ("Spokesman", "Popular Mobilization Units", "Spokesman, Popular Mobilization Units"),
        (None, "Hamas", "Hamas"),
        ("Spokesman", None, "Spokesman"),
    ],
)
def test_role_line_names_the_affiliation_only_when_the_role_does_not(
    role: str | None, affiliation: str | None, shown: str
) -> None:
    assert role_line(role, affiliation) == shown
