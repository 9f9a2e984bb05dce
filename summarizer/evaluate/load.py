"""Read gold and predicted summaries from directories of JSON files, keyed by file stem."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..models import Gold, Summary
from .scoring import paused_gc

_GOLD_SUFFIX = ".gold.json"


def load_gold(directory: str | Path) -> dict[str, Gold]:
    """Gold files ``<stem>.gold.json`` in ``directory``, keyed by stem; a bad file names itself in the error."""
    with paused_gc():
        return {
            path.name.removesuffix(_GOLD_SUFFIX): _read(path, Gold)
            for path in sorted(Path(directory).glob(f"*{_GOLD_SUFFIX}"))
        }


def load_predictions(directory: str | Path) -> dict[str, Summary]:
    """Predictions ``<stem>.json`` in ``directory`` (gold files beside them are skipped), keyed by stem."""
    paths = [p for p in sorted(Path(directory).glob("*.json")) if not p.name.endswith(_GOLD_SUFFIX)]
    with paused_gc():
        return {path.stem: _read(path, Summary) for path in paths}


M = TypeVar("M", bound=BaseModel)


def _read(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate_json(path.read_bytes())
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        exc.add_note(f"while reading {path}")
        raise
