"""The embedded default end to end: real llama.cpp server, real SmolLM2, no mocked client."""

import json

import pytest

from summarizer.ingest import read
from summarizer.weights import CATALOGUE, DEFAULT_MODEL

from .helpers import BULLETINS, SAMPLE, run_cli

pytest.importorskip("llama_cpp", reason="the local backend needs: pip install -e '.[local]'")
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return {"SUMMARIZER_CACHE": str(tmp_path_factory.mktemp("cache") / "cache.sqlite")}


@pytest.fixture(scope="module")
def first_result(cache):
    result = run_cli("summarize", str(SAMPLE), "-v", env={**cache, "SUMMARIZER_BACKEND": ""})
    assert result.returncode == 0, result.stderr.decode()
    return result


@pytest.fixture(scope="module")
def first_run(first_result):
    return json.loads(first_result.stdout)


def test_verbose_logs_the_server_start(first_result):
    assert "INFO summarizer.llm: local model server ready at http://127.0.0.1:" in first_result.stderr.decode()


def test_default_backend_is_local_and_recorded(first_run):
    prov = first_run["provenance"]
    assert prov["backend"] == "local"
    assert prov["model"] == DEFAULT_MODEL and prov["strategy"] == CATALOGUE[DEFAULT_MODEL].strategy
    assert prov["prompt_hash"] and prov["prompt_version"]
    assert prov["usage"]["calls"] > 0 and prov["usage"]["prompt_tokens"] > 0


def test_local_output_is_complete_and_grounded(first_run):
    text = read(SAMPLE).text
    assert len(first_run["overview"]) == 5 and len(first_run["sanctions"]) == 1
    assert len(first_run["statements"]) >= 10
    for item in [*first_run["overview"], *first_run["statements"], *first_run["sanctions"]]:
        ev = item["evidence"]
        assert ev["status"] != "ungrounded"
        assert text[ev["start"] : ev["end"]] == ev["text"]
    for st in first_run["statements"]:
        assert st["speaker"].split()[-1] in text, "a speaker the text does not name would be a hallucination"
    questions = first_run["provenance"]["questions"]
    assert all(q["accepted"] <= q["asked"] for q in questions.values())


def test_rerun_answers_from_cache_with_zero_model_calls(first_run, cache):
    result = run_cli("summarize", str(SAMPLE), "-v", env=cache)
    assert result.returncode == 0, result.stderr.decode()
    assert "cache hit" in result.stderr.decode() and "model server ready" not in result.stderr.decode()
    again = json.loads(result.stdout)
    assert again["provenance"]["usage"]["calls"] == 0
    assert again["provenance"]["usage"]["cached_calls"] > 0
    assert again["statements"] == first_run["statements"]


def test_news_report_outside_the_family(cache):
    path = BULLETINS / "synthetic-news-2023-03-09.txt"
    result = run_cli("summarize", str(path), "-b", "local", env=cache)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["statements"], "the LLM path must still deliver statements on a plain news report"
    assert any(s["said_on"] == "2023-03-09" for s in data["statements"]), "'on Thursday' resolves to the dateline"


def test_model_led_on_the_real_server_keeps_only_what_the_text_bears(cache):
    """The model-led path end to end on llama.cpp: every chunk the rules left unread is sent, and whatever the small
    model answers (often JSON that fails validation: that chunk is skipped with a warning), the output holds only
    grounded records whose names are in the text."""
    path = BULLETINS / "synthetic-news-2023-03-09.txt"
    result = run_cli("summarize", str(path), "-b", "local", "--strategy", "model-led", env=cache)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    prov = data["provenance"]
    assert prov["strategy"] == "model-led" and "read_chunk@" in prov["prompt_version"]
    assert prov["questions"]["chunks"]["asked"] > 0 and prov["usage"]["calls"] > 0
    text = read(path).text
    for st in data["statements"]:
        assert text[st["evidence"]["start"] : st["evidence"]["end"]] == st["evidence"]["text"]
        assert st["speaker"].split()[-1] in text
