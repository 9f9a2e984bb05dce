"""The embedded runtime is portable, and a server that crashes at start-up fails fast in one line.

The stand-in ``llama_cpp`` package in ``tests/standin`` is a real process on loopback: it lists its
model, then kills itself with SIGSEGV on the first completion, as an AMX build does in a VM.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from summarizer.doctor import amx_instructions

from .helpers import SAMPLE, run_cli

STANDIN = Path(__file__).parent / "standin"


def test_crash_at_first_completion_is_one_line_exit_2_without_retries(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF stand-in")
    starts = tmp_path / "starts"
    env = {
        "PYTHONPATH": os.pathsep.join([str(STANDIN), os.environ.get("PYTHONPATH", "")]),
        "STANDIN_STARTS": str(starts),
        "SUMMARIZER_CACHE": str(tmp_path / "cache.sqlite"),
    }
    result = run_cli("summarize", str(SAMPLE), "-b", "local", "--model-path", str(model), env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr
    assert "SIGSEGV at its first completion" in stderr
    assert "GGML_NATIVE=OFF" in stderr  # the reinstall command comes with the cause
    assert starts.read_text().count("start") == 1  # no restart, no back-off storm


def _ggml_cpu_library() -> Path:
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or spec.origin is None:
        pytest.skip("llama-cpp-python is not installed")
    found = sorted(Path(spec.origin).parent.glob("lib/libggml-cpu.so*"))
    assert found, "llama-cpp-python is installed without libggml-cpu"
    return found[0]


def test_installed_llama_cpp_has_no_amx_tile_instructions() -> None:
    assert amx_instructions(_ggml_cpu_library()) == []


def test_amx_check_finds_tile_instructions_in_a_native_amx_object(tmp_path: Path) -> None:
    """The check above can fail: code compiled for AMX tiles, as a native build on a Xeon is, is caught."""
    if shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    source = tmp_path / "tiles.c"
    source.write_text(
        "#include <immintrin.h>\nvoid configure(const void *config) { _tile_loadconfig(config); _tile_release(); }\n"
    )
    obj = tmp_path / "tiles.o"
    subprocess.run(["gcc", "-O2", "-mamx-tile", "-c", str(source), "-o", str(obj)], check=True)
    assert {"ldtilecfg", "tilerelease"} <= set(amx_instructions(obj))


def test_portable_build_reports_avx2_fma_f16c_and_nothing_newer() -> None:
    pytest.importorskip("llama_cpp")
    from summarizer.doctor import build_features

    features = build_features()
    assert {"AVX2", "FMA", "F16C"} <= features
    assert not {f for f in features if f.startswith(("AVX512", "AMX"))}


def test_unknown_catalogued_model_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run_cli("doctor", "--model", "no-such-model", env={"SUMMARIZER_MODELS": str(tmp_path)})
    stderr = result.stderr.decode()
    assert result.returncode == 2 and len(stderr.strip().splitlines()) == 1, stderr
    assert "unknown model 'no-such-model'; catalogued: smollm2-135m-instruct" in stderr
