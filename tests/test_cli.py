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


# --- CLI semantics a user can predict -------------------------------------------------------------------------------


def one_line_error(result) -> str:
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr, stderr
    assert result.stdout == b""
    return stderr


def folder(tmp_path):
    """Two bulletins, plus a README and a hidden file that neither a directory nor a glob may pick up."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(SAMPLE.read_text())
    (inputs / "b.md").write_text(SAMPLE.read_text().replace("Spotlight", "Searchlight"))
    (inputs / "README.md").write_text("| Sanctioned by | UK government |\n| --- | --- |\n")
    (inputs / ".draft.txt").write_text(SAMPLE.read_text())
    return inputs


def test_many_inputs_need_an_output_directory_or_json_lines(tmp_path):
    inputs = folder(tmp_path)
    for args in ([str(inputs / "a.txt"), str(inputs / "b.md")], [str(inputs)], [str(inputs / "*")]):
        for fmt in ([], ["-f", "md"]):
            stderr = one_line_error(run_cli("summarize", *args, "-b", "rules", *fmt))
            assert "--out-dir DIR" in stderr and "-f jsonl" in stderr


@pytest.mark.parametrize("pattern", ["{dir}", "{dir}/*", "{dir}/*.md"])
def test_json_lines_on_stdout_skip_readme_and_hidden_files(tmp_path, pattern):
    inputs = folder(tmp_path)
    result = run_cli("summarize", pattern.format(dir=inputs), "-b", "rules", "-f", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    sources = [json.loads(line)["bulletin"]["source"] for line in result.stdout.decode().splitlines()]
    names = sorted(p.rsplit("/", 1)[-1] for p in sources)
    assert names == (["b.md"] if pattern.endswith(".md") else ["a.txt", "b.md"])
    assert not list(tmp_path.glob("**/results*"))  # nothing written anywhere


def test_json_lines_to_a_file_and_one_bulletin_keeps_its_format(tmp_path):
    target = tmp_path / "all.jsonl"
    result = run_cli("summarize", str(folder(tmp_path)), "-b", "rules", "-f", "jsonl", "-o", str(target))
    assert result.returncode == 0, result.stderr.decode()
    assert len(target.read_text().splitlines()) == 2
    brief = run_cli("summarize", str(SAMPLE), "-b", "rules", "-f", "md")
    assert brief.returncode == 0 and brief.stdout.decode().lstrip().startswith("#")


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--out-dir", "{tmp}/o", "-o", "{tmp}/x.json"], "-o FILE takes one result"),
        (["--out-dir", "{tmp}/o", "-f", "md"], "-f md"),
        (["--out-dir", "{tmp}/o", "--out", "{tmp}/p"], "old name of --out-dir"),
        (["-o", "{tmp}/missing/x.json"], "no such directory"),
        (["--model", "gpt-4o"], "--model has no effect with -b rules"),
        (["--no-cache"], "--no-cache has no effect with -b rules"),
    ],
)
def test_an_option_is_honoured_or_refused_never_ignored(tmp_path, extra, words):
    args = [a.format(tmp=tmp_path) for a in extra]
    stderr = one_line_error(run_cli("summarize", str(SAMPLE), "-b", "rules", *args))
    assert words in stderr
    assert list(tmp_path.iterdir()) == []  # no directory made, no file written


def test_out_dir_batch_and_its_old_name(tmp_path):
    inputs = folder(tmp_path)
    for flag, out in (("--out-dir", tmp_path / "new"), ("--out", tmp_path / "old")):
        result = run_cli("summarize", str(inputs), flag, str(out), "-b", "rules")
        assert result.returncode == 0, result.stderr.decode()
        assert len(list(out.glob("*.json"))) == 2
        assert "2/2 bulletins summarised" in result.stderr.decode()


def test_a_url_is_refused_in_one_line():
    url = "https://www.terrorism-info.org.il/en/spotlight/"
    stderr = one_line_error(run_cli("summarize", url, "-b", "rules"))
    assert f"{url}: URLs are not fetched; save the page and pass the file" in stderr


@pytest.mark.parametrize("command", ["summarize", "eval", "digest", "view", "doctor", "schema"])
def test_every_command_takes_dash_h_and_shows_examples(command):
    result = run_cli(command, "-h")
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "Examples:" in text and f"summarizer {command} " in text
    assert "<bool>" not in text


def test_help_shows_flags_as_flags_and_completion_is_on():
    text = run_cli("-h").stdout.decode()
    assert "--install-completion" in text and "--no-color" in text and "Examples:" in text
    assert re.search(r"^\s+--keep-ungrounded\s+Keep items", run_cli("summarize", "-h").stdout.decode(), re.M)
    script = run_cli("--show-completion", "bash")
    assert script.returncode == 0 and b"complete" in script.stdout


def test_quiet_drops_progress_and_tallies_but_not_failures(tmp_path):
    inputs = folder(tmp_path)
    (inputs / "empty.txt").write_text("")
    for args in (["-q", "summarize"], ["summarize", "--quiet"]):
        result = run_cli(*args, str(inputs), "--out-dir", str(tmp_path / "out"), "-b", "rules")
        assert result.returncode == 1
        assert result.stderr.decode().splitlines() == [f"failed: {inputs / 'empty.txt'}: input is empty"]
    view = run_cli("-q", "view", str(tmp_path / "out"))
    assert view.returncode == 0 and view.stderr == b"" and (tmp_path / "out" / "index.html").exists()


def colours(data: bytes) -> set[int]:
    """SGR colour codes (foreground/background) in terminal output; bold and italic are not colours."""
    codes = {int(c) for params in re.findall(rb"\x1b\[([0-9;]*)m", data) for c in params.split(b";") if c}
    return {c for c in codes if 30 <= c <= 49 or 90 <= c <= 107}


def test_no_color_flag_and_environment():
    args = ("summarize", str(SAMPLE), "-b", "rules", "-f", "table")
    assert colours(run_cli(*args, env={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout)
    assert not colours(run_cli(*args, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout)
    assert not colours(run_cli("--no-color", *args, env={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout)
