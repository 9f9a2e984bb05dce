"""Prompt templates live in ``prompts/*.md``, not in code, so wording changes are reviewable diffs.

The files ship inside the package as ``summarizer.prompts`` (the repository keeps them in its top-level
``prompts/`` directory) and are read with :mod:`importlib.resources`, so an installed wheel has them too.

A prompt file is Markdown with a small front-matter header and two parts::

    ---
    name: statement_type
    version: 1
    ---
    # system
    You classify ...
    # user
    Sentence: {sentence}

An optional worked exchange, ``# example`` (a question) and ``# answer`` (its answer), goes between the system
message and the question as a user and an assistant turn: a small model copies the shape of an answer it has
already "given" far more faithfully than one described in the instructions. Both are literal text, not templates.

Placeholders use :meth:`str.format` syntax; a literal brace in the template is written ``{{`` / ``}}``.
Values are substituted once and never re-parsed, so bulletin text full of braces is safe.
The file's SHA-256 is kept on the :class:`Prompt` because provenance and the cache key must change
whenever the wording changes, even if nobody bumps ``version``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import string
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import SummarizerError

__all__ = ["Prompt", "PromptError", "list_prompts", "load", "parse", "prompts_dir"]

_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_SECTION_RE = re.compile(r"^#[ \t]+(\S.*?)[ \t]*$")
_FRONT_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_SECTIONS = ("system", "example", "answer", "user")
PACKAGE = "summarizer.prompts"


class PromptError(SummarizerError, ValueError):
    """A prompt file is malformed, missing, or was rendered without a variable it needs."""


class _StrictVars(dict[str, Any]):
    """Mapping for ``format_map`` that names the prompt when a variable is missing.

    A plain dict raises a bare ``KeyError('x')``, which is useless in a log of hundreds of calls.
    """

    def __init__(self, prompt_name: str, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.prompt_name = prompt_name

    def __missing__(self, key: str) -> Any:
        raise PromptError(f"prompt {self.prompt_name!r} needs variable {key!r}, not given to render()")


@dataclass(frozen=True, slots=True)
class Prompt:
    """One parsed prompt template; immutable so it can be shared across concurrent calls."""

    name: str
    version: str
    system: str
    user: str
    sha256: str
    example: str = ""
    answer: str = ""

    @property
    def variables(self) -> frozenset[str]:
        """Placeholder names used in the template, so callers and tests can check what render() needs."""
        names: set[str] = set()
        for text in (self.system, self.user):
            for _, field, _, _ in string.Formatter().parse(text):
                if field:
                    names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
        return frozenset(names)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """Build chat messages; a missing variable raises :class:`PromptError` instead of sending a hole."""
        mapping = _StrictVars(self.name, variables)
        try:
            system = self.system.format_map(mapping) if self.system else ""
            user = self.user.format_map(mapping)
        except (ValueError, IndexError, AttributeError) as exc:  # e.g. a stray single brace in the template
            if isinstance(exc, PromptError):
                raise
            raise PromptError(f"prompt {self.name!r} template is not a valid format string: {exc}") from None
        messages: list[dict[str, str]] = []
        if system:
            messages.append({"role": "system", "content": system})
        if self.example:
            messages.append({"role": "user", "content": self.example})
            messages.append({"role": "assistant", "content": self.answer})
        messages.append({"role": "user", "content": user})
        return messages

    @property
    def label(self) -> str:
        """Short ``name@version`` form for provenance and logs."""
        return f"{self.name}@{self.version}"


def prompts_dir() -> Traversable:
    """Where prompt files are read from: ``$SUMMARIZER_PROMPTS`` lets evals try wording without edits.

    Otherwise the package :data:`PACKAGE` of this installation (wheel or editable). A source checkout run
    without installing has no such package, only the directory it is built from, so that is read instead.
    """
    env = os.environ.get("SUMMARIZER_PROMPTS")
    if env:
        return Path(env).expanduser()
    spec = importlib.util.find_spec(PACKAGE)
    if spec is not None and spec.submodule_search_locations is not None:
        return resources.files(PACKAGE)
    return Path(__file__).resolve().parent.parent / "prompts"


def parse(text: str, *, source: str = "<string>") -> Prompt:
    """Parse prompt file text; ``source`` only names the file in error messages."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise PromptError(f"{source}: must start with a '---' line opening the front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise PromptError(f"{source}: front matter is not closed by '---'") from None
    meta: dict[str, str] = {}
    for raw in lines[1:end]:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _FRONT_KEY_RE.match(raw)
        if not match:
            raise PromptError(f"{source}: cannot read front-matter line {raw!r} (expected 'key: value')")
        meta[match.group(1)] = match.group(2).strip().strip("\"'")
    for key in ("name", "version"):
        if not meta.get(key):
            raise PromptError(f"{source}: front matter needs '{key}:'")

    parts: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines[end + 1 :]:
        heading = _SECTION_RE.match(raw)
        if heading and heading.group(1).strip().lower() in _SECTIONS:
            current = heading.group(1).strip().lower()
            if current in parts:
                raise PromptError(f"{source}: section '# {current}' appears twice")
            parts[current] = []
        elif current is None:
            if raw.strip():
                raise PromptError(f"{source}: text before the first '# system' / '# user' heading: {raw!r}")
        else:
            parts[current].append(raw)
    if "user" not in parts:
        raise PromptError(f"{source}: needs a '# user' section")
    system = "\n".join(parts.get("system", [])).strip()
    user = "\n".join(parts["user"]).strip()
    if not user:
        raise PromptError(f"{source}: the '# user' section is empty")
    example, answer = ("\n".join(parts.get(key, [])).strip() for key in ("example", "answer"))
    if bool(example) != bool(answer):
        raise PromptError(f"{source}: '# example' and '# answer' go together")

    prompt = Prompt(
        name=meta["name"],
        version=meta["version"],
        system=system,
        user=user,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        example=example,
        answer=answer,
    )
    try:
        _ = prompt.variables  # fail at load time, not at the first call, on a stray brace
    except ValueError as exc:
        raise PromptError(
            f"{source}: template is not a valid format string ({exc}); write literal braces as {{{{ }}}}"
        ) from None
    return prompt


def load(name: str) -> Prompt:
    """Load ``<prompts dir>/<name>.md``; the header's name must match so renamed copies cannot drift."""
    if not _NAME_RE.match(name) or ".." in name:
        raise PromptError(f"invalid prompt name {name!r}")
    path = prompts_dir() / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"no prompt {name!r}: {path} does not exist") from None
    prompt = parse(text, source=str(path))
    if prompt.name != name:
        raise PromptError(f"{path}: front matter says name {prompt.name!r}, file name says {name!r}")
    return prompt


def list_prompts() -> list[str]:
    """Names of all prompt files, so a test can check that every one of them parses."""
    directory = prompts_dir()
    if not directory.is_dir():
        return []
    return sorted(
        p.name.removesuffix(".md")
        for p in directory.iterdir()
        if p.name.endswith(".md") and not p.name.startswith(("_", "README"))
    )
