"""The wheel carries everything a run needs: installed away from the checkout, it reads its own prompts.

A source checkout finds ``prompts/`` next to the package whatever the packaging says, so only an installed
wheel, run from a directory outside the checkout, shows whether the prompt files were shipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .fakeserver import FakeOpenAI, noncommittal
from .helpers import ROOT, SAMPLE

pytestmark = pytest.mark.slow  # about 20 s: a build, an install and a run in fresh interpreters

# A clean copy of the tree: stale build/ output or caches in the checkout must not reach the wheel.
_JUNK = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"
)


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, capture_output=True, timeout=300, check=False, **kwargs)  # type: ignore[call-overload]


def test_installed_wheel_summarizes_with_its_own_prompts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "PYTHON", "OPENAI_"))}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1", "NO_COLOR": "1"}
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_JUNK)
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip"]
    built = _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-cache-dir", "-w", str(wheels), "."],
        cwd=source,
        env=env,
    )
    assert built.returncode == 0, built.stderr.decode()[-3000:]
    (wheel,) = wheels.glob("summarizer-*.whl")
    target = tmp_path / "site"
    installed = _run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)], env=env)
    assert installed.returncode == 0, installed.stderr.decode()[-3000:]

    elsewhere = tmp_path / "elsewhere"  # not the checkout: nothing there to fall back on
    elsewhere.mkdir()
    bulletin = elsewhere / SAMPLE.name
    shutil.copy(SAMPLE, bulletin)
    env |= {
        "PYTHONPATH": str(target),
        "OPENAI_API_KEY": "sk-test-wheel-0000",
        "SUMMARIZER_CACHE": str(tmp_path / "cache.sqlite"),
    }
    where = _run(
        [
            sys.executable,
            "-c",
            "import summarizer, summarizer.prompts as p; print(summarizer.__file__); print(p.__file__)",
        ],
        cwd=elsewhere,
        env=env,
    )
    assert where.returncode == 0, where.stderr.decode()
    for line in where.stdout.decode().splitlines():
        assert Path(line).resolve().is_relative_to(target.resolve()), line

    expected = {
        "model-led": ["read_chunk", "sanction_targets"],
        "refine-only": ["statement_type", "statement_type_check", "target", "role", "speaker"],
    }
    for strategy, prompts in expected.items():
        with FakeOpenAI(responder=noncommittal) as server:
            args = ["summarize", str(bulletin), "-b", "openai", "--base-url", server.base_url, "--model", "m"]
            result = _run([sys.executable, "-m", "summarizer", *args, "--strategy", strategy], cwd=elsewhere, env=env)
        assert result.returncode == 0, result.stderr.decode()[-3000:]
        provenance = json.loads(result.stdout)["provenance"]
        assert provenance["backend"] == "openai" and provenance["model"] == "m"
        versions = provenance["prompt_version"].split(",")
        assert [v.split("@")[0] for v in versions] == prompts
        assert all(v.split("@")[1] for v in versions) and provenance["prompt_hash"]
        assert provenance["usage"]["calls"] == len(server.requests) > 0
