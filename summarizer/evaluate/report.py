"""Render a report: a Markdown pull-request comment, and rich tables for the terminal."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from .report_model import Delta, Interval, Report, TypeScore
from .scoring import shorten
from .settings import HEADLINE, KINDS, RESAMPLES, SEED, RecordKind
from .statistics import compare_reports


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _grounding_line(report: Report) -> str:
    return ", ".join(f"{k} {_fmt(g.rate)} ({g.grounded}/{g.predicted})" for k, g in report.grounding.items())


def _with_ci(value: float, ci: Interval | None) -> str:
    return f"{value:.3f}" if ci is None else f"{value:.3f} [{ci.low:.2f}, {ci.high:.2f}]"


def _cell(value: Any, width: int = 80) -> str:
    if value is None:
        text = "∅"
    elif isinstance(value, dict):
        text = "; ".join(f"{k}={v}" for k, v in value.items())
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value) or "[]"
    else:
        text = str(value)
    return shorten(text, width).replace("|", "\\|").replace("<", "&lt;")


def _verdict(delta: Delta) -> str:
    return "worse" if delta.worse else "better" if delta.better else "no significant change"


def _run_line(report: Report) -> str:
    keys = ("backend", "model", "prompt_hash", "commit", "tool_version")
    return " · ".join(f"{key.replace('_', ' ')} `{report.run.get(key) or '-'}`" for key in keys)


def _verdict_line(report: Report) -> str:
    if report.check_failures is None:
        return "**Check:** not run"
    if not report.check_failures:
        return "**Check: passed**: every score is at or above its floor and baseline"
    return f"**Check: FAILED** ({len(report.check_failures)}): " + "; ".join(report.check_failures)


def _shared(report: Report, baseline: Report | None) -> Report | None:
    """The baseline, if it scored any of this run's documents: a comparison over none would read as 'no change'."""
    if baseline is None:
        return None
    scored = {d.doc for d in report.documents}
    return baseline if any(d.doc in scored for d in baseline.documents) else None


def _outcome_cell(ts: TypeScore | None) -> str:
    if ts is None:
        return "-"
    o = ts.outcomes
    return f"{o.correct}/{o.partial}/{o.missed}/{o.spurious}"


def document_rows(report: Report) -> list[list[str]]:
    """Per document: family, then strict field F1 and correct/partial/missed/spurious per record type."""
    rows = []
    for doc in report.documents:
        row = [doc.doc, doc.family or "-"]
        for kind in KINDS:
            ts = doc.types.get(kind)
            row += [f"{ts.strict.f1:.2f}" if ts else "-", _outcome_cell(ts)]
        rows.append(row)
    return rows


def to_markdown(report: Report, baseline: Report | None = None, *, max_diffs: int = 200) -> str:
    """A pull-request comment: what ran and the check's verdict, the headline (strict field F1) with outcome
    counts and 95% CIs, baseline comparison, per-document and per-field tables, and field-level diffs."""
    baseline = _shared(report, baseline)
    lines = [f"### Extraction eval: {report.n_docs} documents", "", _run_line(report), "", _verdict_line(report), ""]
    if report.missing_predictions:
        lines += [f"No prediction for {len(report.missing_predictions)}: {', '.join(report.missing_predictions)}", ""]
    lines += [
        "| Type | **Field F1 strict** (95% CI) | Correct | Partial | Missed | Spurious | Field F1 lenient (95% CI) "
        "| Record P | Record R | Record F1 (95% CI) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        ts, o = report.types[kind], report.types[kind].outcomes
        ci = [report.ci.get(f"{kind}.{m}") for m in HEADLINE]
        lines.append(
            f"| {kind} | **{_with_ci(ts.strict.f1, ci[1])}** | {o.correct} | {o.partial} | {o.missed} | {o.spurious} "
            f"| {_with_ci(ts.lenient.f1, ci[2])} | {ts.record.precision:.3f} | {ts.record.recall:.3f} "
            f"| {_with_ci(ts.record.f1, ci[0])} |"
        )
    lines += ["", "**Per document** (strict field F1, correct/partial/missed/spurious)", ""]
    lines += ["| Doc | Family | " + " | ".join(f"{k} | C/P/M/S" for k in KINDS) + " |"]
    lines += ["|---|---|" + "---:|---:|" * len(KINDS)]
    lines += ["| " + " | ".join(row) + " |" for row in document_rows(report)]
    deltas: dict[str, Delta] = {}
    if baseline is not None:
        settings = report.settings
        deltas = compare_reports(
            report, baseline, resamples=int(settings.get("resamples", RESAMPLES)), seed=int(settings.get("seed", SEED))
        )
        lines += [
            "",
            "**Compared with baseline** (paired bootstrap over the same documents)",
            "",
            "| Metric | Baseline | This run | Δ (95% CI) | Verdict |",
            "|---|---:|---:|---:|---|",
        ]
        for metric, d in deltas.items():
            mark = "🔴 " if d.worse else "🟢 " if d.better else ""
            lines.append(
                f"| {metric} | {d.baseline:.3f} | {d.value:.3f} | {d.delta:+.3f} [{d.low:+.3f}, {d.high:+.3f}] "
                f"| {mark}{_verdict(d)} |"
            )
    for kind in KINDS:
        ts = report.types[kind]
        base_ts = baseline.types.get(kind) if baseline is not None else None
        lines += ["", f"**{kind}: per field**", ""]
        head = "| Field | Strict P | Strict R | Strict F1 | Lenient P | Lenient R | Lenient F1 | Gold | Pred |"
        rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        if base_ts is not None:
            head, rule = head + " Δ strict F1 |", rule + "---:|"
        lines += [head, rule]
        for field, fs in ts.fields.items():
            s, le = fs.strict, fs.lenient
            row = (
                f"| {field} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {le.precision:.3f} | {le.recall:.3f} "
                f"| {le.f1:.3f} | {s.n_gold} | {s.n_pred} |"
            )
            if base_ts is not None:
                before = base_ts.fields.get(field)
                row += f" {s.f1 - before.strict.f1:+.3f} |" if before else " - |"
            lines.append(row)
    lines += _family_lines(report)
    lines += ["", "**Bulletin metadata accuracy**: " + ", ".join(f"{f} {v:.2f}" for f, v in report.bulletin.items())]
    lines += [
        "",
        "**Grounding** (predicted items whose evidence is in the source; apart from precision): "
        + _grounding_line(report),
    ]
    diffs = report.diffs()
    if diffs:
        lines += [
            "",
            f"<details><summary>Field-level diffs ({len(diffs)})</summary>",
            "",
            "| Doc | Type | Item | Field | Gold | Predicted |",
            "|---|---|---|---|---|---|",
        ]
        for d in diffs[:max_diffs]:
            field = d.field or f"*{d.kind}*"
            lines.append(
                f"| {_cell(d.doc, 40)} | {d.type} | {_cell(d.item, 60)} | {field} | {_cell(d.gold)} "
                f"| {_cell(d.predicted)} |"
            )
        if len(diffs) > max_diffs:
            lines.append(f"| … {len(diffs) - max_diffs} more in the JSON report | | | | | |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _family_cells(values: dict[str, float]) -> list[str]:
    return [" / ".join(f"{values[f'{k}.{m}']:.2f}" for m in HEADLINE) for k in KINDS]


def _family_lines(report: Report) -> list[str]:
    if len(report.families) < 2:
        return []
    lines = ["", "**By text family** (micro F1: record / strict field / lenient field)", ""]
    lines += ["| Family | Docs | " + " | ".join(KINDS) + " |", "|---|---:|" + "---:|" * len(KINDS)]
    for family, values in report.families.items():
        lines.append(f"| {family} | {values['documents']:.0f} | " + " | ".join(_family_cells(values)) + " |")
    return lines


def family_table(report: Report) -> Table:
    """Headline F1 per text family: record / strict field / lenient field, per record type."""
    table = Table(title="By text family", caption="record / strict field / lenient field F1")
    table.add_column("Family", no_wrap=True)
    table.add_column("Docs", justify="right")
    for kind in KINDS:
        table.add_column(kind, justify="right", no_wrap=True)
    for family, values in report.families.items():
        table.add_row(family, f"{values['documents']:.0f}", *_family_cells(values))
    return table


def document_table(report: Report) -> Table:
    """Strict field F1 and outcome counts per document: a regression is explained by the document it is in."""
    table = Table(
        title="Per document", caption="strict field F1 · correct/partial/missed/spurious", box=box.SIMPLE_HEAD
    )
    table.add_column("Document", no_wrap=True, overflow="ellipsis", ratio=1)
    for kind in KINDS:
        table.add_column(kind, justify="right", no_wrap=True)
    for row in document_rows(report):
        overview, *others = range(2, len(row), 2)
        table.add_row(row[0], row[overview], *(f"{row[i]} {row[i + 1]}" for i in others))
    return table


def to_table(report: Report, baseline: Report | None = None) -> Table:
    """Headline rich table: strict field F1 first with the outcome counts beside it, then lenient and record F1,
    each with its 95% CI beneath (record precision and recall are in the Markdown and JSON reports)."""
    baseline = _shared(report, baseline)
    table = Table(
        title=f"Extraction eval: {report.n_docs} documents",
        caption="F1 with its 95% bootstrap CI beneath; C/P/M/S = correct/partial/missed/spurious items",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Type", no_wrap=True)
    table.add_column("[bold]Field F1\nstrict[/bold]", justify="right", no_wrap=True)
    if baseline is not None:
        table.add_column("Δ strict\nF1", justify="right", no_wrap=True)
    for name in ("C/P/M/S", "Field F1\nlenient", "Record\nF1"):
        table.add_column(name, justify="right", no_wrap=True)
    deltas = compare_reports(report, baseline) if baseline is not None else {}

    def with_ci(kind: str, metric: str, value: float) -> str:
        ci = report.ci.get(f"{kind}.{metric}")
        return f"{value:.3f}" + (f"\n[dim]{ci.low:.2f}–{ci.high:.2f}[/dim]" if ci else "")

    for kind in KINDS:
        ts = report.types[kind]
        row = [kind, with_ci(kind, "strict_f1", ts.strict.f1)]
        if baseline is not None:
            d = deltas[f"{kind}.strict_f1"]
            style = "red" if d.worse else "green" if d.better else ""
            row.append(f"[{style}]{d.delta:+.3f}[/{style}]" if style else f"{d.delta:+.3f}")
        row += [_outcome_cell(ts), with_ci(kind, "lenient_f1", ts.lenient.f1), with_ci(kind, "record_f1", ts.record.f1)]
        table.add_row(*row)
    return table


def field_table(report: Report, kind: RecordKind) -> Table:
    """Per-field strict and lenient precision/recall/F1 of one record type."""
    table = Table(title=f"{kind}: per field")
    table.add_column("Field")
    for name in ("Strict P", "Strict R", "Strict F1", "Lenient F1", "Gold", "Pred"):
        table.add_column(name, justify="right")
    for field, fs in report.types[kind].fields.items():
        s = fs.strict
        table.add_row(
            field,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{fs.lenient.f1:.3f}",
            str(s.n_gold),
            str(s.n_pred),
        )
    return table


def print_report(report: Report, baseline: Report | None = None, console: Console | None = None) -> None:
    """Print the headline table, one per-field table per record type, bulletin accuracy and grounding."""
    console = console or Console()
    console.print(to_table(report, baseline))
    console.print(document_table(report))
    for kind in KINDS:
        console.print(field_table(report, kind))
    if len(report.families) > 1:
        console.print(family_table(report))
    console.print("Bulletin accuracy: " + ", ".join(f"{f} {v:.2f}" for f, v in report.bulletin.items()))
    console.print("Grounding: " + _grounding_line(report))
