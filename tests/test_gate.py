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
    report = (tmp_path / "r" / "report.md").read_text()
    head = report.split("| Type |")[0]
    assert "**Check: FAILED**" in head and "statements.record_f1" in head, "the verdict and failing floors lead"


def test_report_says_what_ran_and_scores_each_document(predictions, tmp_path):
    result = run_cli("eval", "-b", "rules", "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    report = (tmp_path / "report.md").read_text()
    lines = report.splitlines()
    assert "backend `rules`" in lines[2] and "commit `" in lines[2]
    assert lines[4] == "**Check:** not run"
    assert "| Type | **Field F1 strict**" in report, "the headline is the strict field F1"
    per_document = report.split("**Per document**")[1]
    assert "| spotlight-on-iran-2020-03-22 | itic-spotlight |" in per_document
    assert "Per document" in result.stdout.decode() + result.stderr.decode()


def test_missing_gold_set_says_where_it_looked(tmp_path):
    result = run_cli("eval", "--gold", str(tmp_path / "nowhere"))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert str(tmp_path / "nowhere") in stderr and "--gold DIR --bulletins DIR" in stderr


def test_baseline_and_thresholds_are_committed():
    assert (ROOT / "evals" / "baseline.json").exists()
    assert (ROOT / "evals" / "thresholds.toml").exists()
