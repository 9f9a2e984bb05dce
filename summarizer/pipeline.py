"""ingest -> segment -> extract (per backend) -> ground -> merge: one bulletin in, one :class:`Summary` out.

:func:`summarize_async` and :func:`summarize` are also the Python API: ``summarize(path=...)`` or
``summarize(text=...)``, the same default backend as the CLI, and a model client made and closed for the call.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import os
from collections.abc import Coroutine
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import aliases, extract, ground, ingest, merge
from .ingest import Source
from .models import Grounding, Provenance, Summary
from .segment import Document, segment

if TYPE_CHECKING:
    import openai

    from .extract.model import Progress
    from .llm import ModelClient

T = TypeVar("T")

BACKENDS = ("local", "openai", "rules")
# The one default of the CLI and the Python API: the embedded model, no key and no network.
DEFAULT_BACKEND = "local"


def tool_version() -> str:
    try:
        return version("summarizer")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def _bulletin(
    source: Source | os.PathLike[str] | None, path: str | os.PathLike[str] | None, text: str | None
) -> Source:
    """Exactly one of a read :class:`Source`, a path or the text itself: a bare string is never guessed at."""
    if sum(x is not None for x in (source, path, text)) != 1:
        raise TypeError("give exactly one bulletin: summarize(path=...) for a file or summarize(text=...) for its text")
    if text is not None:
        return ingest.from_text(text)
    if path is not None:
        return ingest.read(path)
    if isinstance(source, Source):
        return source
    if isinstance(source, os.PathLike):
        return ingest.read(source)
    raise TypeError("a positional string could be a file name or a bulletin: pass path=... or text=... instead")


async def summarize_async(
    source: Source | os.PathLike[str] | None = None,
    /,
    backend: str = DEFAULT_BACKEND,
    *,
    path: str | os.PathLike[str] | None = None,
    text: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    client: openai.OpenAI | openai.AsyncOpenAI | None = None,
    llm: ModelClient | None = None,
    keep_ungrounded: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Summarise one bulletin: ``path=`` a file (or ``-``), or ``text=`` the bulletin itself.

    ``backend``: ``local`` (the default, as on the CLI: the embedded model's server is started for this call and
    stopped after it), ``openai`` (``base_url``/``model``, key from ``OPENAI_API_KEY``; or ``client=`` an
    ``openai.OpenAI``/``AsyncOpenAI`` of yours) or ``rules`` (no model). To summarise many bulletins through one
    model client, pass ``llm=`` a :class:`summarizer.llm.LLM` you opened. ``progress(done, total)`` is called after
    every chunk the model reads.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    bulletin = _bulletin(source, path, text)
    settings = {"model": model, "base_url": base_url}
    if backend == "rules" and (llm is not None or client is not None or any(settings.values())):
        raise ValueError("the rules backend asks no model: drop llm=, client=, model= and base_url=")
    if llm is not None and (client is not None or any(settings.values())):
        raise ValueError("llm= already names the model; give it, or model=/base_url=/client=, not both")
    if client is not None and (backend != "openai" or base_url is not None):
        raise ValueError("client= is for backend='openai' and carries its own endpoint (no base_url=)")
    if backend == "rules" or llm is not None:
        return await _summarize(bulletin, backend, llm, keep_ungrounded, progress)
    from .llm import LLM, LLMConfig

    async with LLM(LLMConfig.from_settings(settings, backend), client=client) as own:
        return await _summarize(bulletin, backend, own, keep_ungrounded, progress)


async def _summarize(
    source: Source, backend: str, llm: ModelClient | None, keep_ungrounded: bool, progress: Progress | None = None
) -> Summary:
    doc = segment(source)
    provenance = Provenance(backend=backend, tool_version=tool_version(), created_at=dt.datetime.now(dt.UTC))
    found = await extract.run(doc, llm if backend != "rules" else None, provenance, progress)
    return finish(doc, found.overview, found.statements, found.sanctions, provenance, keep_ungrounded)


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
    summary.provenance.warnings += warnings(summary)
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
    source: Source | os.PathLike[str] | None = None,
    /,
    backend: str = DEFAULT_BACKEND,
    *,
    path: str | os.PathLike[str] | None = None,
    text: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    client: openai.OpenAI | openai.AsyncOpenAI | None = None,
    llm: ModelClient | None = None,
    keep_ungrounded: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """:func:`summarize_async` for code without an event loop, and for notebooks, whose loop is already running."""
    return run_sync(
        summarize_async(
            source,
            backend,
            path=path,
            text=text,
            model=model,
            base_url=base_url,
            client=client,
            llm=llm,
            keep_ungrounded=keep_ungrounded,
            progress=progress,
        )
    )


class _Boxed(Generic[T]):
    """A result with a short repr: on its way out ``asyncio.run`` formats its finished task, result included (CPython
    3.11's ``signal.getsignal`` builds a ValueError message from the SIGINT handler bound to it), and a summary's
    repr cost 4 ms of a 64 ms rules run."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<result>"


async def _boxed(coro: Coroutine[Any, Any, T]) -> _Boxed[T]:
    return _Boxed(await coro)


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end; inside a running loop (Jupyter) in a worker thread, where ``asyncio.run`` works."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_boxed(coro)).value
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="summarizer") as pool:
        return pool.submit(asyncio.run, _boxed(coro)).result().value
