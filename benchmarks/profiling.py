"""cProfile helpers: the functions and the packages that take the time, in a form the report can table."""

from __future__ import annotations

import cProfile
import io
import pstats
import re
from collections import defaultdict
from typing import Any

from benchmarks.common import ROOT

_SITE = re.compile(r".*site-packages/")
_STDLIB = re.compile(r".*/lib/python3\.\d+/")


def _where(file: str) -> str:
    """A frame's file relative to the repo or site-packages, so tables stay short."""
    return _STDLIB.sub("stdlib/", _SITE.sub("", file.replace(str(ROOT) + "/", "")))


Source = cProfile.Profile | pstats.Stats


def _stats(source: Source) -> dict[Any, Any]:
    """Raw entries of a live profiler or of stats loaded from a ``-o`` file."""
    stats = source if isinstance(source, pstats.Stats) else pstats.Stats(source, stream=io.StringIO())
    return stats.stats  # type: ignore[attr-defined,no-any-return]


def top_functions(profiler: Source, top: int = 12, key: str = "own_s") -> list[dict[str, Any]]:
    """The ``top`` entries by own (``own_s``) or cumulative (``cum_s``) time."""
    rows = []
    for (file, line, name), (_, calls, tottime, cumtime, _) in _stats(profiler).items():
        rows.append({"function": f"{_where(file)}:{line}({name})", "calls": calls, "own_s": tottime, "cum_s": cumtime})
    rows.sort(key=lambda r: r[key], reverse=True)
    return rows[:top]


def by_package(profiler: Source, top: int = 10) -> list[dict[str, Any]]:
    """Own time summed per top-level package (openai, instructor, pydantic, summarizer, stdlib module...)."""
    totals: dict[str, float] = defaultdict(float)
    for (file, _, _), (_, _, tottime, _, _) in _stats(profiler).items():
        where = _where(file)
        if file == "~":
            package = "built-in functions and C methods"
        else:
            parts = where.split("/")
            package = "/".join(parts[:2]) if parts[0] == "stdlib" else parts[0].removesuffix(".py")
        totals[package] += tottime
    total = sum(totals.values()) or 1.0
    rows = [{"package": k, "own_s": v, "share": v / total} for k, v in totals.items()]
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    return rows[:top]


def total_seconds(profiler: Source) -> float:
    return float(sum(v[2] for v in _stats(profiler).values()))


def function_rows(rows: list[dict[str, Any]]) -> list[str]:
    """Markdown table of :func:`top_functions` output."""
    lines = ["| function | calls | own s | cum s |", "|---|---:|---:|---:|"]
    return lines + [f"| `{r['function']}` | {r['calls']} | {r['own_s']:.3f} | {r['cum_s']:.3f} |" for r in rows]


def package_rows(rows: list[dict[str, Any]]) -> list[str]:
    """Markdown table of :func:`by_package` output."""
    lines = ["| package | own s | share |", "|---|---:|---:|"]
    return lines + [f"| {r['package']} | {r['own_s']:.2f} | {r['share'] * 100:.0f}% |" for r in rows]


def tables(source: Source) -> dict[str, Any]:
    """Total, top functions by own and cumulative time, and own time per package."""
    return {
        "total_s": total_seconds(source),
        "own": top_functions(source, 12, "own_s"),
        "cum": top_functions(source, 15, "cum_s"),
        "packages": by_package(source),
    }


def profile_call(func: Any, *args: Any, **kwargs: Any) -> tuple[Any, dict[str, Any]]:
    """Run ``func`` under cProfile; return its result and the tables (by function, cumulative, package)."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        result = func(*args, **kwargs)
    finally:
        profiler.disable()
    return result, tables(profiler)


def render_profile(title: str, prof: dict[str, Any]) -> list[str]:
    """The three tables of :func:`profile_call` under one heading line."""
    lines = ["", f"{title} ({prof['total_s']:.2f} s under cProfile). Own time by package:", ""]
    lines += package_rows(prof["packages"])
    lines += ["", "By own time:", "", *function_rows(prof["own"])]
    lines += ["", "By cumulative time:", "", *function_rows(prof["cum"])]
    return lines
