"""Generated inputs: ITIC-format bulletins of a given size, varied copies of the fixtures, and perturbed
gold/prediction pairs for scoring.

Everything is built from the repository's own fixtures (evals/bulletins, evals/gold) with a seeded
random generator, so every run of the suite measures the same inputs.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import BULLETINS, GOLD
from summarizer import ingest
from summarizer.models import Gold, Summary
from summarizer.segment import segment

HEADER = (
    "MESOPOTAMIA NEWS INTEL BY MEIR AMIT INTELLIGENCE & TERRORISM INFORMATION CENTER / ISRAEL \u2013 Spotlight on Iran"
)
PERIOD = "March 22, 2020 \u2013 April 5, 2020 Editor: Dr. Raz Zimmt"
BULLET = "  \u2022 "
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CITATION_DAY = re.compile(rf"(\((?:[^()]{{2,60}}, )?(?:{_MONTHS}) )(\d{{1,2}})(?=[);,])")


def fixtures() -> list[Path]:
    """The fixture bulletins, in a stable order."""
    return sorted(p for p in BULLETINS.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md")


@dataclass
class Pool:
    """Paragraphs lifted from every fixture: overview bullets, body paragraphs and section headings."""

    overview: list[str]
    body: list[str]
    headings: list[str]


_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")
_BOLD_LEAD = re.compile(r"^\*\*[^*]+\*\*\s*")


def _itic(text: str) -> str:
    """ITIC style: no Markdown bold lead-ins, links reduced to their text (the outlet name)."""
    return " ".join(_MD_LINK.sub(r"\1", _BOLD_LEAD.sub("", text)).split())


def pool() -> Pool:
    """Segment each fixture with the tool's own segmenter, so the pieces are what it treats as paragraphs."""
    overview: list[str] = []
    body: list[str] = []
    headings: list[str] = []
    for path in fixtures():
        doc = segment(ingest.read(path))
        overview += [_itic(p.text) for p in doc.overview]
        body += [_itic(p.text) for p in doc.paragraphs if len(p.text.split()) >= 12]
        headings += [s.title for s in doc.sections if s.title and len(s.title.split()) <= 8]
    return Pool(overview, body, sorted(set(headings)) or ["Iranian Involvement in Iraq"])


def vary(text: str, rng: random.Random) -> str:
    """Move every citation day ("(Tasnim, April 2)") to another day, so copies are not byte-identical."""
    return _CITATION_DAY.sub(lambda m: f"{m[1]}{rng.randint(1, 28)}", text)


def itic_bulletin(target_bytes: int, seed: int = 0, source: Pool | None = None) -> str:
    """An ITIC "Spotlight on Iran" bulletin of about ``target_bytes`` (UTF-8): header, period and editor
    line, an Overview list, then sections of bulleted paragraphs with citations, replicated and varied."""
    rng = random.Random(seed)
    source = source or pool()
    lines = [HEADER, "", PERIOD, "", "Overview"]
    lines += [BULLET + vary(text, rng) for text in rng.sample(source.overview, min(5, len(source.overview)))]
    size = len("\n".join(lines).encode())
    body = list(source.body)
    while size < target_bytes:
        heading = rng.choice(source.headings)
        lines.append(heading)
        size += len(heading.encode()) + 1
        rng.shuffle(body)
        for text in body[: rng.randint(4, 8)]:
            line = BULLET + vary(text, rng)
            size += len(line.encode()) + 1
            lines.append(line)
            if size >= target_bytes:
                break
    return "\n".join(lines) + "\n"


def varied_copy(path: Path, index: int) -> str:
    """A fixture with its bullet paragraphs shuffled within each list and its citation days moved."""
    rng = random.Random(index)
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.lstrip().startswith("\u2022"):
            run.append(line)
            continue
        rng.shuffle(run)
        out += run
        run = []
        out.append(line)
    return vary("\n".join(out[:-1]), rng)


def write_varied_copies(directory: Path, count: int) -> list[Path]:
    """``count`` varied copies of the fixtures, round-robin, named so each stays unique."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    sources = fixtures()
    for i in range(count):
        src = sources[i % len(sources)]
        path = directory / f"{i:03d}-{src.stem}{src.suffix}"
        path.write_text(varied_copy(src, i), encoding="utf-8")
        paths.append(path)
    return paths


# --- scoring inputs -------------------------------------------------------------------------------

_GOLD_ONLY = set(Gold.model_fields) - set(Summary.model_fields)  # aliases, optional items, notes...


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.gold.json"))


def perturbed_pairs(count: int, seed: int = 0) -> Iterator[tuple[str, str, str]]:
    """(stem, gold JSON, prediction JSON) for ``count`` documents: gold is a fixture's gold file, the
    prediction is that gold with items dropped, fields altered and spurious items added, so the scorer
    does real matching work (partial matches, misses, false positives)."""
    rng = random.Random(seed)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files()]
    stems = [p.name.removesuffix(".gold.json") for p in gold_files()]
    for i in range(count):
        k = i % len(golds)
        gold = golds[k]
        pred = _perturb(gold, golds[(k + 1) % len(golds)], rng)
        Gold.model_validate(gold)
        Summary.model_validate(pred)
        yield f"doc{i:04d}-{stems[k]}", json.dumps(gold), json.dumps(pred)


def _perturb(gold: dict[str, Any], other: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    pred = json.loads(json.dumps({k: v for k, v in gold.items() if k not in _GOLD_ONLY}))
    pred["provenance"] = {"backend": "bench"}
    pred["overview"] = [o for o in pred["overview"] if rng.random() > 0.15]
    pred["statements"] = [_alter_statement(s, rng) for s in pred["statements"] if rng.random() > 0.15]
    pred["sanctions"] = [_alter_sanction(s, rng) for s in pred["sanctions"] if rng.random() > 0.15]
    spurious = [s for s in other["statements"] if rng.random() < 0.15]
    pred["statements"] += json.loads(json.dumps(spurious))
    return pred


_TYPES = ["threaten", "accuse_condemn", "demand_appeal", "reject_deny", "praise_support", "assessment", "neutral"]


def _alter_statement(st: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.2:
        st["statement_type"] = rng.choice(_TYPES)
    if rng.random() < 0.1 and len(st["speaker"]) > 4:
        cut = rng.randrange(1, len(st["speaker"]) - 1)
        st["speaker"] = st["speaker"][:cut] + st["speaker"][cut + 1 :]
    if rng.random() < 0.15:
        words = st["content"].split()
        st["content"] = " ".join(words[: max(3, int(len(words) * 0.6))])
    if rng.random() < 0.1:
        st["target"] = None
    if rng.random() < 0.1:
        st["role"] = None
    return st


def _alter_sanction(sa: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.3 and sa.get("target_count"):
        sa["target_count"] += rng.choice([-1, 1])
    if rng.random() < 0.3 and sa["targets"]:
        sa["targets"] = sa["targets"][1:]
    if rng.random() < 0.2 and sa["reasons"]:
        sa["reasons"] = sa["reasons"][: len(sa["reasons"]) // 2]
    return sa


def write_scoring_set(root: Path, count: int) -> tuple[Path, Path]:
    """Write ``count`` gold files and predictions; return (gold dir, predictions dir)."""
    gold_dir, pred_dir = root / "gold", root / "predictions"
    gold_dir.mkdir(parents=True, exist_ok=True)
    pred_dir.mkdir(parents=True, exist_ok=True)
    for stem, gold, pred in perturbed_pairs(count):
        (gold_dir / f"{stem}.gold.json").write_text(gold, encoding="utf-8")
        (pred_dir / f"{stem}.json").write_text(pred, encoding="utf-8")
    return gold_dir, pred_dir
