"""ingest -> segment -> extract (per backend) -> ground -> merge: one bulletin in, one :class:`Summary` out."""

from __future__ import annotations

import asyncio
import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from . import aliases, ground, ingest, merge, rules
from .ingest import Source
from .models import Grounding, Provenance, Summary
from .segment import Document, segment

if TYPE_CHECKING:
    from .llm import ModelClient

BACKENDS = ("local", "openai", "rules")
# The one default of the CLI and the Python API: the embedded model, no key and no network.
DEFAULT_BACKEND = "local"


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
    llm: ModelClient | None = None,
    keep_ungrounded: bool = False,
) -> Summary:
    """Summarise one bulletin; the model backends need ``llm`` (a :class:`summarizer.llm.LLM`, or a stand-in)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    doc = segment(load(source))
    provenance = Provenance(backend=backend, tool_version=tool_version(), created_at=dt.datetime.now(dt.UTC))
    overview, statements, sanctions = rules.extract(doc)
    if backend != "rules":
        from . import extract  # the model path; the rules path never imports a provider

        if llm is None:
            raise ValueError(f"backend {backend!r} needs an LLM client")
        statements, sanctions = await extract.refine(doc, statements, sanctions, llm, provenance)
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
    return summary


def summarize(
    source: str | Path | Source,
    backend: str = "rules",
    *,
    llm: ModelClient | None = None,
    keep_ungrounded: bool = False,
) -> Summary:
    """Synchronous wrapper around :func:`summarize_async` for scripts and notebooks without a loop."""
    return asyncio.run(summarize_async(source, backend, llm=llm, keep_ungrounded=keep_ungrounded))
