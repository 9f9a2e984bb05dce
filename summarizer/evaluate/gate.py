"""Regression gate: score floors read from TOML, and significant falls against a baseline."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .report_model import Report
from .settings import BULLETIN_FIELDS, FIELDS, KINDS, RESAMPLES, SEED
from .statistics import compare_reports

_STATS = ("precision", "recall", "f1")
_TYPE_METRICS = {f"{level}_{stat}" for level in ("record", "strict", "lenient") for stat in _STATS}
_FIELD_METRICS = {f"{level}_{stat}" for level in ("strict", "lenient") for stat in _STATS}


def load_thresholds(path: str | Path) -> dict[str, float]:
    """Read score floors from TOML into metric paths (see :meth:`Report.value`).

    ``[statements] record_f1 = 0.5`` -> ``statements.record_f1``; ``[statements.fields] speaker = 0.6``
    floors the field's strict F1, ``content = {lenient_f1 = 0.4}`` another metric; ``[bulletin] title``
    floors an accuracy, ``[grounding] all`` a grounding rate. Unknown keys are an error, so typos surface.
    """
    path = Path(path)
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    floors: dict[str, float] = {}

    def put(key: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise ValueError(f"{path}: {key} must be a number between 0 and 1, got {value!r}")
        floors[key] = float(value)

    for section, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{path}: top-level key {section!r} must be a table")
        if section == "bulletin" or section == "grounding":
            allowed = BULLETIN_FIELDS if section == "bulletin" else (*KINDS, "all")
            for key, value in table.items():
                if key not in allowed:
                    raise ValueError(f"{path}: unknown key {section}.{key}; expected one of {', '.join(allowed)}")
                put(f"{section}.{key}", value)
            continue
        if section not in KINDS:
            raise ValueError(
                f"{path}: unknown section [{section}]; expected {', '.join((*KINDS, 'bulletin', 'grounding'))}"
            )
        for key, value in table.items():
            if key == "fields":
                if not isinstance(value, dict):
                    raise ValueError(f"{path}: {section}.fields must be a table")
                for field, floor in value.items():
                    if field not in FIELDS[section]:
                        raise ValueError(f"{path}: unknown field {section}.fields.{field}")
                    if isinstance(floor, dict):
                        for metric, sub in floor.items():
                            if metric not in _FIELD_METRICS:
                                raise ValueError(f"{path}: unknown metric {section}.fields.{field}.{metric}")
                            put(f"{section}.fields.{field}.{metric}", sub)
                    else:
                        put(f"{section}.fields.{field}.strict_f1", floor)
            elif key in _TYPE_METRICS:
                put(f"{section}.{key}", value)
            else:
                raise ValueError(
                    f"{path}: unknown metric {section}.{key}; expected one of {', '.join(sorted(_TYPE_METRICS))}"
                )
    return floors


def check(
    report: Report,
    thresholds: Mapping[str, float],
    baseline: Report | None = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[str]:
    """Human-readable failures: scores under their floor, and headline F1s significantly worse than the baseline.

    "Significantly worse" = the paired-bootstrap 95% interval of (run - baseline) lies entirely below 0.
    Each such failure names the documents and fields that got worse, to start the investigation.
    """
    failures = []
    for metric, floor in thresholds.items():
        value = report.value(metric)
        if value < floor:
            failures.append(f"{metric} = {value:.3f} is under its floor {floor:.3f}")
    if baseline is None:
        return failures
    for metric, delta in compare_reports(report, baseline, resamples=resamples, seed=seed).items():
        if not delta.worse:
            continue
        message = (
            f"{metric} fell from {delta.baseline:.3f} to {delta.value:.3f} "
            f"(Δ {delta.delta:+.3f}, 95% CI [{delta.low:+.3f}, {delta.high:+.3f}], {delta.n_docs} documents)"
        )
        docs = _worse_documents(report, baseline, metric)
        if docs:
            message += "; worse documents: " + ", ".join(docs)
        fields = _worse_fields(report, baseline, metric)
        if fields:
            more = f" and {len(fields) - 6} more" if len(fields) > 6 else ""
            message += "; worse fields: " + ", ".join(fields[:6]) + more
        failures.append(message)
    return failures


def _worse_documents(report: Report, baseline: Report, metric: str, limit: int = 10) -> list[str]:
    kind, name = metric.split(".")
    base = {d.doc: d for d in baseline.documents}
    worse = []
    for doc in report.documents:
        if doc.doc in base:
            now, before = doc.types[kind].metric(name), base[doc.doc].types[kind].metric(name)
            if now < before:
                worse.append((now - before, doc.doc, before, now))
    worse.sort()
    shown = [f"{stem} ({before:.2f}→{now:.2f})" for _, stem, before, now in worse[:limit]]
    if len(worse) > limit:
        shown.append(f"and {len(worse) - limit} more")
    return shown


def _worse_fields(report: Report, baseline: Report, metric: str) -> list[str]:
    kind, name = metric.split(".")
    level = "lenient" if name.startswith("lenient") else "strict"
    worse = []
    for field, fs in report.types[kind].fields.items():
        before_fs = baseline.types[kind].fields.get(field)
        if before_fs is None:
            continue
        now, before = getattr(fs, level).f1, getattr(before_fs, level).f1
        if now < before:
            worse.append((now - before, f"{field} ({level} F1 {before:.2f}→{now:.2f})"))
    return [text for _, text in sorted(worse)]
