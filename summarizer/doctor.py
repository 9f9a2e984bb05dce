"""``summarizer doctor``: can this machine run the embedded model, and if not, why.

The usual failure is a llama.cpp compiled for CPU features the machine lacks or hides (a native build
made on an AMX Xeon, run in a VM): it loads, lists its model, then dies at the first completion. So
the doctor compares the build's instruction sets with the CPU's, disassembles the CPU backend for AMX
tile instructions, and times one real completion in a server process that may crash without taking
the doctor down.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from .errors import SummarizerError
from .local import PORTABLE_REINSTALL, LocalServer, find_gguf, local_backend_available
from .weights import sha256_of

__all__ = ["DoctorError", "amx_instructions", "build_features", "diagnose"]

# llama.cpp's name for an instruction set -> the flag /proc/cpuinfo shows when the CPU runs it.
CPU_FLAGS = {
    "SSE3": "pni",
    "SSSE3": "ssse3",
    "AVX": "avx",
    "AVX2": "avx2",
    "FMA": "fma",
    "F16C": "f16c",
    "BMI2": "bmi2",
    "AVX_VNNI": "avx_vnni",
    "AVX512": "avx512f",
    "AVX512_VBMI": "avx512vbmi",
    "AVX512_VNNI": "avx512_vnni",
    "AVX512_BF16": "avx512_bf16",
    "AMX_INT8": "amx_int8",
}
_AMX_MNEMONIC = re.compile(r"\t(ldtilecfg|sttilecfg|tileloadd\w*|tilestored|tilerelease|tilezero|tdp\w+)\b")


class DoctorError(SummarizerError):
    """A check failed; the message is the one-line reason."""


def amx_instructions(binary: Path) -> list[str]:
    """AMX tile mnemonics in a shared library or object file, from its disassembly (host-independent)."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise DoctorError("objdump is not installed (Debian package binutils): cannot inspect the build")
    found: set[str] = set()
    with subprocess.Popen(
        [objdump, "-d", "--no-show-raw-insn", str(binary)], stdout=subprocess.PIPE, text=True, errors="replace"
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "\tt" in line or "\tl" in line or "\ts" in line:
                match = _AMX_MNEMONIC.search(line)
                if match:
                    found.add(match.group(1))
    if proc.returncode:
        raise DoctorError(f"objdump could not read {binary}")
    return sorted(found)


def build_features() -> set[str]:
    """Instruction sets the installed llama.cpp was compiled with, as ``llama_print_system_info`` lists them."""
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode("utf-8", "replace")
    return set(re.findall(r"([A-Z][A-Z0-9_]*) = 1", info))


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    match = re.search(r"^flags\s*:(.*)$", text, re.MULTILINE)
    return set(match.group(1).split()) if match else set()


def diagnose(model_path: Path | None, model_name: str | None, say: Callable[[str, str], None]) -> None:
    """Run every check, reporting each as ``say(label, value)``; the first failure raises :class:`DoctorError`."""
    if not local_backend_available():
        raise DoctorError("llama-cpp-python is not installed: pip install -e '.[local]'")
    import llama_cpp

    say("llama-cpp-python", getattr(llama_cpp, "__version__", "unknown"))
    features = build_features()
    say("build features", " ".join(sorted(features)) or "none reported")
    host = _cpu_flags()
    if host:
        missing = sorted(name for name, flag in CPU_FLAGS.items() if name in features and flag not in host)
        if missing:
            raise DoctorError(
                f"llama.cpp was built with {', '.join(missing)}, which this CPU lacks; {PORTABLE_REINSTALL}"
            )
    spec = importlib.util.find_spec("llama_cpp")
    libraries = sorted(Path(spec.origin).parent.glob("lib/libggml-cpu.so*")) if spec and spec.origin else []
    if libraries:
        tiles = amx_instructions(libraries[0])
        say("AMX tile code", ", ".join(tiles) if tiles else "none")
        if tiles:
            raise DoctorError(
                f"llama.cpp contains AMX tile code, which crashes in VMs that hide it; {PORTABLE_REINSTALL}"
            )
    model = find_gguf(model_path, model_name)
    size = model.stat().st_size
    say("model", str(model))
    say("model size", f"{size:,} bytes")
    say("model sha256", sha256_of(model))
    server = LocalServer(model)
    with server as base_url:
        say("server", f"{base_url}, ready in {server.startup_seconds or 0.0:.1f}s")
        say("one-token completion", f"{server.warm_up_seconds or 0.0:.2f}s")
