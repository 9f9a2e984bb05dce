"""The extract step: peer extractors read the segmented document, and their candidates are merged.

A strategy is a row of :data:`STRATEGIES`: which extractors run, in which order (the first one's fields win in
:func:`summarizer.merge.combine`), and whether the model then answers narrow questions about the result.
The ``rules`` backend runs the ``rules`` strategy; ``local`` and ``openai`` run the strategy their
:class:`~summarizer.llm.LLMConfig` names (``model-led`` unless told otherwise).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import merge, rules, templates
from ..models import Provenance
from .base import Candidates, Extractor

if TYPE_CHECKING:
    from ..llm import ModelClient
    from ..segment import Document
    from .model import Progress

__all__ = ["STRATEGIES", "Candidates", "Extractor", "RulesExtractor", "Strategy", "identity", "prompt_hash", "run"]


class RulesExtractor:
    """The deterministic reader (:mod:`summarizer.rules`) behind the extractor contract."""

    name = "rules"
    prompts: tuple[str, ...] = ()

    async def extract(self, doc: Document, earlier: Candidates) -> Candidates:
        overview, statements, sanctions = rules.extract(doc)
        return Candidates(overview, statements, sanctions)


def _model(llm: ModelClient, progress: Progress | None) -> Extractor:
    from .model import ModelExtractor  # the model path; the rules path never imports it

    return ModelExtractor(llm, progress)


EXTRACTORS: dict[str, Callable[[ModelClient, Progress | None], Extractor]] = {
    "rules": lambda llm, progress: RulesExtractor(),
    "model": _model,
}


@dataclass(frozen=True)
class Strategy:
    extractors: tuple[str, ...]
    refine: bool = False
    """Afterwards, ask the model narrow questions about the merged records (type, target, role, speaker)."""

    @property
    def reads_chunks(self) -> bool:
        """The model reads whole chunks: long prompts, where every core and a long timeout pay off."""
        return "model" in self.extractors

    @property
    def prompts(self) -> tuple[str, ...]:
        from .model import PROMPTS as MODEL_PROMPTS
        from .refine import PROMPTS

        return (*(MODEL_PROMPTS if "model" in self.extractors else ()), *(PROMPTS if self.refine else ()))


STRATEGIES: dict[str, Strategy] = {
    "rules": Strategy(("rules",)),
    "model-led": Strategy(("rules", "model")),
    "refine-only": Strategy(("rules",), refine=True),
}


def prompt_hash(strategy: str) -> str:
    """One hash over every prompt a strategy asks with: results made with other wording are stale."""
    digest = hashlib.sha256()
    for name in STRATEGIES[strategy].prompts:
        digest.update(templates.load(name).sha256.encode())
    return digest.hexdigest()[:16]


def identity(llm: ModelClient) -> tuple[str | None, str | None]:
    """The model and prompt wording a result made with ``llm`` now would carry, to tell stale results apart."""
    return llm.model_name, prompt_hash(llm.strategy)


async def run(
    doc: Document, llm: ModelClient | None, provenance: Provenance, progress: Progress | None = None
) -> Candidates:
    """Every extractor of the strategy over ``doc``, merged; the model's share is written into ``provenance``."""
    name = "rules" if llm is None else llm.strategy
    strategy = STRATEGIES[name]
    provenance.strategy = name
    if llm is None:
        found = await RulesExtractor().extract(doc, Candidates())
        statements, sanctions = merge.combine([("rules", found.statements, found.sanctions)])
        return Candidates(found.overview, statements, sanctions)
    from .refine import Tally, refine

    tally = Tally()
    with llm.document() as usage:  # this bulletin's calls, counted apart from others running concurrently
        extractors = [EXTRACTORS[e](llm, progress) for e in strategy.extractors]
        merged = Candidates()
        results = []
        for extractor in extractors:
            results.append((extractor.name, await extractor.extract(doc, merged), extractor))
            statements, sanctions = merge.combine([(n, c.statements, c.sanctions) for n, c, _ in results])
            merged = Candidates(results[0][1].overview, statements, sanctions)
        if strategy.refine:
            merged = await refine(doc, merged, llm, tally)
    provenance.model = llm.model_name
    provenance.prompt_version = ",".join(templates.load(p).label for p in strategy.prompts)
    provenance.prompt_hash = prompt_hash(name)
    provenance.usage = usage
    provenance.questions = dict(tally.counts)
    if tally.unusable:
        provenance.warnings.append(f"{tally.unusable} model answer(s) unusable; the rules' reading kept")
    for _, _, extractor in results:
        provenance.questions.update(getattr(extractor, "questions", {}))
        skipped = getattr(extractor, "skipped", [])
        if skipped:
            provenance.warnings.append(f"{len(skipped)} chunk(s) not read by the model; first: {skipped[0]}")
    return merged
