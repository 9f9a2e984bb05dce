"""``summarizer eval``: score a backend, or saved predictions, against the hand-labelled gold set."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from ..errors import SummarizerError
from ..files import atomic_write
from ..ingest import InputError
from ..models import Summary
from ..pipeline import BACKENDS, tool_version
from ..terminal import SafeConsole
from .shared import STRATEGY_HELP, err, fail

EXAMPLES = """Examples:

\b
  summarizer eval -b rules --check                    score the rules backend, exit 1 under a floor
  summarizer eval --predictions results/              score saved results instead of running a backend
  summarizer eval --gold my/gold --bulletins my/bulletins -b openai --model gpt-4o-mini
"""


def eval_(
    backend: Annotated[
        str, typer.Option("--backend", "-b", help="Backend to run live on the gold bulletins.")
    ] = "rules",
    gold: Annotated[Path, typer.Option(help="Directory of <doc>.gold.json files.")] = Path("evals/gold"),
    bulletins: Annotated[Path, typer.Option(help="Directory of the bulletins the gold files label.")] = Path(
        "evals/bulletins"
    ),
    predictions: Annotated[
        Path | None, typer.Option(help="Score saved predictions (<doc>.json) instead of running a backend.")
    ] = None,
    save: Annotated[Path | None, typer.Option(help="Also save the live predictions here as <doc>.json.")] = None,
    report_dir: Annotated[Path, typer.Option(help="Where report.json and report.md are written.")] = Path(
        "evals/reports"
    ),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a score is under its floor or regressed.")] = False,
    thresholds: Annotated[Path, typer.Option(help="Score floors (TOML).")] = Path("evals/thresholds.toml"),
    baseline: Annotated[
        Path | None, typer.Option(help="Blessed report to compare with; default evals/baseline[-BACKEND].json.")
    ] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", help="Bless this run as the baseline.")] = False,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Score only these documents (stems; repeat the flag).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name (openai), or a catalogued model (local).")] = None,
    model_path: Annotated[Path | None, typer.Option(help="GGUF file for the local backend.")] = None,
    strategy: Annotated[str | None, typer.Option(help=STRATEGY_HELP)] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds per model request (default 60).")] = None,
    threads: Annotated[
        int | None,
        typer.Option(help="Local server threads (default: cores up to 4 if model-led, else 1)."),
    ] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the response cache.")] = False,
) -> None:
    """Score a backend (or saved predictions) against the hand-labelled gold set."""
    from .. import batch, evaluate
    from ..llm import LLMConfig

    try:
        golds = evaluate.load_gold(gold) if gold.is_dir() else {}
        if not golds:
            fail(
                f"no gold set: looked for *.gold.json in {gold.resolve()}; run from the summarizer checkout "
                "or pass --gold DIR --bulletins DIR"
            )
        if only:
            unknown = sorted(set(only) - set(golds))
            if unknown:
                fail(f"--only {unknown[0]}: no gold file {unknown[0]}.gold.json in {gold}")
            golds = {stem: doc for stem, doc in golds.items() if stem in only}
        if predictions is not None:
            preds = evaluate.load_predictions(predictions)
            label = f"predictions in {predictions}"
        else:
            if backend not in BACKENDS:
                fail(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
            paths = {stem: _bulletin_for(bulletins, stem) for stem in golds}
            flags = dict(
                model=model, model_path=model_path, strategy=strategy, timeout=timeout, n_threads=threads,
                base_url=base_url,
            )  # fmt: skip
            settings = {**{k: v for k, v in flags.items() if v is not None}, "use_cache": not no_cache}
            llm_config = None if backend == "rules" else LLMConfig.from_settings(settings, backend)
            preds = batch.predict(paths, backend, llm_config)
            label = f"backend {backend}"
            if save is not None:
                for stem, summary in preds.items():
                    atomic_write(save / f"{stem}.json", summary.model_dump_json(indent=2))
        report = evaluate.score(golds, preds)
        report.run = _run_info(backend if predictions is None else None, preds.values())
        base_path = baseline or Path("evals") / ("baseline.json" if backend == "rules" else f"baseline-{backend}.json")
        base = evaluate.Report.model_validate_json(base_path.read_text()) if base_path.exists() else None
        if check:
            report.check_failures = evaluate.check(report, evaluate.load_thresholds(thresholds), base)
        err.print(f"[bold]Scores for {label}[/bold] on {len(golds)} gold documents")
        evaluate.print_report(report, base, SafeConsole())
        atomic_write(report_dir / "report.json", report.model_dump_json(indent=2))
        atomic_write(report_dir / "report.md", evaluate.to_markdown(report, base), private=False)
        err.print(f"reports written to {report_dir}/report.json and report.md")
        if write_baseline:
            atomic_write(base_path, report.model_dump_json(indent=2))
            err.print(f"baseline written to {base_path}")
        if report.check_failures is not None:
            for line in report.check_failures:
                err.print(f"[red]regression:[/red] {line}", soft_wrap=True)
            if report.check_failures:
                raise typer.Exit(1)
            err.print("[green]check passed[/green]: every score is at or above its floor and baseline")
    except (SummarizerError, ValueError, OSError) as exc:
        fail(str(exc).splitlines()[0])


def _run_info(backend: str | None, summaries: Iterable[Summary]) -> dict[str, str | None]:
    """What made the predictions, for the report's first line: a score without its origin cannot be compared."""
    provenance = next((s.provenance for s in summaries), None)
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {
        "backend": backend or (provenance.backend if provenance else None),
        "model": provenance.model if provenance else None,
        "prompt_hash": provenance.prompt_hash if provenance else None,
        "commit": commit or None,
        "tool_version": tool_version(),
    }


def _bulletin_for(directory: Path, stem: str) -> Path:
    found = sorted(
        p for p in directory.glob(f"{stem}.*") if p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".pdf"}
    )
    if not found:
        raise InputError(f"{directory}: no bulletin named {stem}.* for gold file {stem}.gold.json")
    return found[0]


__all__ = ["EXAMPLES", "eval_"]
