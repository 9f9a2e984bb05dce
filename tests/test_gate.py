"""The regression gate, end to end through the CLI: a degraded prediction set must fail CI."""

import json

import pytest

from .helpers import ROOT, run_cli


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    saved = tmp_path_factory.mktemp("preds")
    reports = tmp_path_factory.mktemp("reports")
    result = run_cli("eval", "-b", "rules", "--save", str(saved), "--report-dir", str(reports))
    assert result.returncode == 0, result.stderr.decode()
    return saved


def degrade(source, target):
    """Drop every other statement and shift every sanctions date: the kind of loss a bad change causes."""
    target.mkdir()
    for path in source.glob("*.json"):
        data = json.loads(path.read_text())
        data["statements"] = data["statements"][::2]
        for sanction in data["sanctions"]:
            sanction["announced_on"] = "1999-01-01"
        (target / path.name).write_text(json.dumps(data))


def test_rules_predictions_pass_the_gate(predictions, tmp_path):
    result = run_cli("eval", "--predictions", str(predictions), "--check", "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    assert "check passed" in result.stderr.decode()
    assert (tmp_path / "report.md").read_text().startswith("#")


def test_degraded_predictions_fail_the_gate(predictions, tmp_path):
    degraded = tmp_path / "degraded"
    degrade(predictions, degraded)
    result = run_cli("eval", "--predictions", str(degraded), "--check", "--report-dir", str(tmp_path / "r"))
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "statements.record_f1" in stderr and "under its floor" in stderr
    assert "fell from" in stderr, "the paired bootstrap names the significant drop"
    assert "spotlight-on-iran-2020-03-22" in stderr, "the documents that got worse are named"


def test_baseline_and_thresholds_are_committed():
    assert (ROOT / "evals" / "baseline.json").exists()
    assert (ROOT / "evals" / "thresholds.toml").exists()
