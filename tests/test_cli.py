import json
import re

import jsonschema
import pytest

from .fakeserver import FakeOpenAI, noncommittal
from .helpers import ROOT, SAMPLE, run_cli


def test_summarize_json_validates_against_schema():
    result = run_cli("summarize", str(SAMPLE), "--backend", "rules", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "summary.schema.json").read_text()))
    assert len(data["overview"]) == 5
    assert data["provenance"]["backend"] == "rules"
    assert data["sanctions"][0]["announced_on"] == "2020-03-26"


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr.decode()
    name, version = result.stdout.decode().split()
    assert name == "summarizer" and version[0].isdigit()


def test_stdin_and_output_file(tmp_path):
    target = tmp_path / "brief.md"
    result = run_cli("summarize", "-", "-b", "rules", "-f", "md", "-o", str(target), stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert "Mohammad Baqeri" in target.read_text()


def test_table_view_shows_speakers():
    result = run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "table")
    assert result.returncode == 0, result.stderr.decode()
    assert "Statements" in result.stdout.decode()


def test_env_var_chooses_backend_and_output_records_it():
    result = run_cli("summarize", str(SAMPLE), env={"SUMMARIZER_BACKEND": "rules", "OPENAI_API_KEY": "sk-unused"})
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["provenance"]["backend"] == "rules"


def garbage(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 statement text".encode("latin-1"))
    (tmp_path / "emptydir").mkdir()
    return {
        "empty": ([str(tmp_path / "empty.txt")], "empty"),
        "blank": ([str(tmp_path / "blank.txt")], "empty"),
        "png": ([str(tmp_path / "image.txt")], "binary"),
        "invalid-utf8": ([str(tmp_path / "latin1.txt")], "UTF-8"),
        "directory": ([str(tmp_path / "emptydir")], "no bulletin files"),
        "missing": ([str(tmp_path / "nope.txt")], "no such file"),
    }


@pytest.mark.parametrize("case", ["empty", "blank", "png", "invalid-utf8", "directory", "missing"])
def test_bad_input_gives_one_line_error(tmp_path, case):
    args, words = garbage(tmp_path)[case]
    result = run_cli("summarize", *args, "-b", "rules")
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert words in stderr


def test_unknown_backend_is_a_clear_error():
    result = run_cli("summarize", str(SAMPLE), "-b", "gpt5")
    assert result.returncode == 2
    assert "unknown backend" in result.stderr.decode()


def test_schema_command_prints_the_contract():
    result = run_cli("schema")
    assert result.returncode == 0
    assert "statements" in json.loads(result.stdout)["properties"]


def test_config_file_sets_backend_but_flag_and_env_win(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('backend = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n')
    env = {"SUMMARIZER_CONFIG": str(cfg), "SUMMARIZER_BACKEND": ""}
    flagged = run_cli("summarize", str(SAMPLE), "-b", "rules", env=env)
    assert flagged.returncode == 0 and json.loads(flagged.stdout)["provenance"]["backend"] == "rules"
    by_env = run_cli("summarize", str(SAMPLE), env={**env, "SUMMARIZER_BACKEND": "rules"})
    assert by_env.returncode == 0 and json.loads(by_env.stdout)["provenance"]["backend"] == "rules"


@pytest.mark.parametrize(
    ("content", "words"),
    [('api_key = "sk-1"', "credential"), ("colour = 1", "unknown setting"), ("timeout = [1]", "wrong type")],
)
def test_bad_config_is_a_one_line_error(tmp_path, content, words):
    cfg = tmp_path / "config.toml"
    cfg.write_text(content + "\n")
    result = run_cli("summarize", str(SAMPLE), "-b", "rules", env={"SUMMARIZER_CONFIG": str(cfg)})
    stderr = result.stderr.decode()
    assert result.returncode == 2 and words in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_unreachable_endpoint_is_a_one_line_error():
    result = run_cli(
        "summarize", str(SAMPLE), "-b", "openai", "--base-url", "http://127.0.0.1:9/v1", "--no-cache",
        "--max-retries", "1", "--timeout", "2",
        env={"OPENAI_API_KEY": "sk-test-SENTINEL-cli"},
    )  # fmt: skip
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and "sk-test-SENTINEL-cli" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


@pytest.mark.parametrize(
    ("backend", "flag", "value", "setting"),
    [
        ("openai", "--timeout", "0", "timeout"),
        ("openai", "--max-retries", "-1", "max_retries"),
        ("openai", "--mode", "foo", "mode"),
        ("openai", "--concurrency", "0", "concurrency"),
        ("rules", "--concurrency", "0", "concurrency"),  # checked whatever the backend
    ],
)
def test_invalid_setting_is_a_one_line_error_before_any_work(backend, flag, value, setting):
    result = run_cli("summarize", str(SAMPLE), "-b", backend, flag, value, env={"OPENAI_API_KEY": "sk-unused"})
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.startswith(f"error: invalid setting {setting}: ") and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert result.stdout == b""


def test_invalid_setting_in_the_config_file_is_the_same_error(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("timeout = 0\n")
    result = run_cli("summarize", str(SAMPLE), "-b", "openai", env={"SUMMARIZER_CONFIG": str(cfg)})
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.startswith("error: invalid setting timeout: "), stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_verbose_logs_each_cache_hit_without_request_bodies(tmp_path):
    env = {"OPENAI_API_KEY": "sk-test-verbose-0000", "SUMMARIZER_CACHE": str(tmp_path / "cache.sqlite")}
    with FakeOpenAI(responder=noncommittal) as server:
        args = ["summarize", str(SAMPLE), "-b", "openai", "--base-url", server.base_url, "--model", "fake-model"]
        first = run_cli(*args, env=env)
        asked = len(server.requests)
        again = run_cli(*args, "-v", env=env)
    assert first.returncode == 0, first.stderr.decode()
    assert again.returncode == 0, again.stderr.decode()
    assert asked > 0 and len(server.requests) == asked  # the re-run was answered from the cache alone
    cached = json.loads(again.stdout)["provenance"]["usage"]["cached_calls"]
    hits = [line for line in again.stderr.decode().splitlines() if "cache hit" in line]
    assert len(hits) == cached > 0
    assert all(re.fullmatch(r"INFO summarizer\.llm: \w+@\w+: cache hit", line) for line in hits), hits
