"""ingest -> segment -> extract (per backend) -> ground -> merge: one bulletin in, one :class:`Summary` out."""

from __future__ import annotations

import asyncio
import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import aliases, ground, ingest, merge, rules
from .ingest import Source
from .models import Grounding, Provenance, Summary
from .segment import Document, segment

BACKENDS = ("local", "openai", "rules")


def tool_version() -> str:
    try:
        return version("summarizer")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def load(source: str | Path | Source) -> Source:
    """Accept a path, ``-``, raw bulletin text, or an already read :class:`Source`."""
    if isinstance(source, Source):
        return source
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096):
        return ingest.read(source)
    return ingest.from_text(source)


async def summarize_async(
    source: str | Path | Source,
    backend: str = "rules",
    *,
    llm: object | None = None,
    keep_ungrounded: bool = False,
) -> Summary:
    """Summarise one bulletin; ``llm`` is a :class:`summarizer.llm.LLM` for the model backends."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    doc = segment(load(source))
    provenance = Provenance(backend=backend, tool_version=tool_version(), created_at=dt.datetime.now(dt.UTC))
    overview, statements, sanctions = rules.extract(doc)
    if backend != "rules":
        from . import extract  # the model path; the rules path never imports a provider

        if llm is None:
            raise ValueError(f"backend {backend!r} needs an LLM client")
        statements, sanctions = await extract.refine(doc, statements, sanctions, llm, provenance)  # type: ignore[arg-type]
    return finish(doc, overview, statements, sanctions, provenance, keep_ungrounded)


def finish(doc: Document, overview, statements, sanctions, provenance: Provenance, keep_ungrounded: bool) -> Summary:  # type: ignore[no-untyped-def]
    """Ground every item in the text, then fold duplicates."""
    tally = Grounding()
    text = ground.index(doc.text)  # built once for the three record types
    try:
        names = aliases.load()
    except (OSError, ValueError) as exc:  # a user's alias table that cannot be read is a user error
        raise ingest.InputError(f"alias table: {str(exc).splitlines()[0]}") from None
    statements = [s.model_copy(update={"speaker_canonical": names.canonical(s.speaker)}) for s in statements]
    summary = Summary(
        bulletin=doc.bulletin,
        overview=merge.overview(ground.ground(overview, text, tally, keep_ungrounded)),
        statements=merge.statements(ground.ground(statements, text, tally, keep_ungrounded)),
        sanctions=merge.sanctions(ground.ground(sanctions, text, tally, keep_ungrounded)),
        provenance=provenance,
    )
    summary.provenance.grounding = tally
    summary.provenance.warnings = warnings(summary)
    return summary


def warnings(summary: Summary) -> list[str]:
    """What a reader should check by hand: a bulletin with no statement, or an action whose targets went unread,
    most often means a layout the rules do not know rather than a text that says nothing."""
    found = [] if summary.statements else ["no statements found; the layout may not be one the extractor reads"]
    for sanction in summary.sanctions:
        if not sanction.targets:
            day = sanction.announced_on.isoformat() if sanction.announced_on else "undated"
            found.append(f"sanctions action by {sanction.authority} ({day}) names no target")
    return found


def summarize(
    source: str | Path | Source,
    backend: str = "rules",
    *,
    llm: object | None = None,
    keep_ungrounded: bool = False,
) -> Summary:
    """Synchronous wrapper around :func:`summarize_async` for scripts and notebooks without a loop."""
    return asyncio.run(summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded))
