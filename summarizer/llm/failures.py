"""Why a model call failed, in one safe line, and whether trying again can help.

Whatever openai or instructor raise is mapped to a :class:`Failure`: a kind, a one-line detail that carries
neither a response body nor the API key, and a ``transient`` flag that the transport retry loop obeys.
Only :class:`LLMError` (or :class:`BudgetExceeded`) leaves the package.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as PydanticValidationError

from ..errors import SummarizerError

if TYPE_CHECKING:
    import openai

    from .config import LLMConfig
    from .ledger import CallState

__all__ = [
    "AttemptFailed",
    "BudgetExceeded",
    "Failure",
    "LLMError",
    "ResponseTooLarge",
    "classify",
    "reaskable",
    "short_error",
]

_RETRYABLE_STATUS = {408, 409, 429}
_HTTP_NAMES = {400: "bad request", 401: "unauthorized (check OPENAI_API_KEY)", 403: "forbidden", 404: "not found"}
_WS = re.compile(r"\s+")
_UNREADABLE = frozenset({"invalid_output", "truncated", "refused"})


class LLMError(SummarizerError, RuntimeError):
    """A model call failed for good. The message is one line, names the cause, and carries no secrets."""

    def __init__(
        self,
        message: str,
        *,
        kind: str = "error",
        status: int | None = None,
        attempts: int = 0,
        prompt: str | None = None,
    ) -> None:
        message = _one_line(message)
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.attempts = attempts
        self.prompt = prompt

    @property
    def unreadable(self) -> bool:
        """The model answered but the answer cannot be used (invalid, cut short, refused): a fault of this one
        answer, not of the endpoint, so the caller may do without it where a dead server or a rejected key may not."""
        return self.kind in _UNREADABLE


class BudgetExceeded(LLMError):
    """The document's token budget would be exceeded by the next request; no request was sent."""


@dataclass
class Failure:
    """One classified failure: what the retry loop decides on and what the final :class:`LLMError` says."""

    kind: str
    detail: str
    transient: bool
    status: int | None = None
    retry_after: float | None = None


class AttemptFailed(Exception):
    """Internal carrier between one attempt and the transport retry loop; never escapes ``ask``."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.detail)
        self.failure = failure


class ResponseTooLarge(Exception):
    """A response body grew past the cap: a broken or hostile server, not an answer worth reading to the end."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"response larger than {limit} bytes")
        self.limit = limit


class _DropInstructorErrorLogs(logging.Filter):
    """instructor logs every failed API call at ERROR with ``str(exc)`` — the full response body.

    We report the same event as one sanitised LLMError, so those records are dropped (debug ones kept).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


_instructor_log = logging.getLogger("instructor.v2.retry")
if not any(isinstance(f, _DropInstructorErrorLogs) for f in _instructor_log.filters):
    _instructor_log.addFilter(_DropInstructorErrorLogs())


def reaskable() -> tuple[type[BaseException], ...]:
    """Output problems instructor may re-ask about (only after a real completion arrived, see ``CallState``)."""
    from instructor.core.exceptions import ResponseParsingError

    return (PydanticValidationError, json.JSONDecodeError, ResponseParsingError)


def classify(exc: Exception, state: CallState, config: LLMConfig, *, server_exited: bool) -> Failure:
    """Map whatever instructor/openai raised to a kind, a safe one-line detail, and retryability.

    ``server_exited`` says the local model server died under the request: worth a retry, since the next
    attempt starts a fresh one.
    """
    import openai
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    if isinstance(exc, AttemptFailed):
        return exc.failure
    if state.budget_refused:
        return Failure("budget", "token budget exceeded before a validation re-ask", transient=False)
    root: BaseException = exc
    if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
        root = exc.__cause__
    if isinstance(root, IncompleteOutputException):
        return truncated("finish_reason=length", config.max_tokens)
    if isinstance(root, openai.APITimeoutError):
        return Failure("timeout", f"request timed out after {config.request_timeout:g}s", transient=True)
    if isinstance(root, openai.APIConnectionError):
        cause = root.__cause__
        if isinstance(cause, ResponseTooLarge):
            return Failure("too_large", f"{cause} from the server", transient=False)
        if server_exited:
            return Failure("local_server", "the local model server has exited", transient=True)
        if _refused(cause):
            return Failure("connect", "cannot connect to the server", transient=True)
        return Failure("connection", "connection error", transient=True)
    if isinstance(root, openai.APIStatusError):
        return _status_failure(root)
    if (
        isinstance(root, openai.APIResponseValidationError)
        or (state.last_event == "error" and isinstance(root, (json.JSONDecodeError, UnicodeDecodeError)))
        or (state.last_event == "response" and not state.last_response_ok)
    ):
        return Failure("malformed", "malformed response body from the server", transient=True)
    if isinstance(root, reaskable()):
        if state.truncated:
            return truncated("all completion tokens used", config.max_tokens)
        return Failure(
            "invalid_output",
            f"output failed validation after {max(state.reasks + 1, 1)} answer(s): {short_error(root)}",
            transient=False,
        )
    if isinstance(root, AssertionError) and "Unable to generate" in str(root):
        return Failure("refused", "the model refused to answer", transient=False)
    return Failure("unexpected", f"unexpected {type(root).__name__}", transient=False)


def _refused(cause: BaseException | None) -> bool:
    """Nothing was sent: the connection itself failed (refused, unreachable, unknown host)."""
    import httpx2

    return isinstance(cause, httpx2.ConnectError)


def truncated(evidence: str, max_tokens: int) -> Failure:
    """An answer cut off at ``max_tokens``: never re-asked, the same limit would cut it again."""
    return Failure("truncated", f"output truncated ({evidence} at max_tokens={max_tokens})", transient=False)


def _status_failure(exc: openai.APIStatusError) -> Failure:
    status = int(exc.status_code)
    headers = exc.response.headers if exc.response is not None else {}
    retry_after = _retry_after_seconds(headers)
    if status == 429:
        return Failure("rate_limited", "HTTP 429 rate limited", transient=True, status=status, retry_after=retry_after)
    if status >= 500 or status in _RETRYABLE_STATUS:
        return Failure("server", f"HTTP {status} from the server", transient=True, status=status)
    return Failure("http", f"HTTP {status} {_HTTP_NAMES.get(status, 'error')}", transient=False, status=status)


def _retry_after_seconds(headers: Any) -> float | None:
    """``retry-after-ms`` or ``retry-after`` (seconds or HTTP date), as the OpenAI SDK reads them."""
    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return float(ms) / 1000
    except (TypeError, ValueError, AttributeError):
        pass
    value = headers.get("retry-after") if hasattr(headers, "get") else None
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        pass
    try:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return float(email.utils.mktime_tz(parsed) - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def short_error(exc: BaseException) -> str:
    """First validation problem without the offending input (which may be long model output or a secret)."""
    if isinstance(exc, PydanticValidationError):
        errors = exc.errors(include_url=False, include_input=False, include_context=False)
        if errors:
            first = errors[0]
            loc = ".".join(str(p) for p in first.get("loc", ())) or "value"
            more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
            msg = first.get("msg", "invalid").removeprefix("Value error, ")  # our own validators' text is the message
            return f"{loc}: {msg}{more}"
    if isinstance(exc, json.JSONDecodeError):
        return "answer is not valid JSON"
    return type(exc).__name__


def _one_line(message: str) -> str:
    """Collapse whitespace and mask the API key, whatever produced the text."""
    text = _WS.sub(" ", message).strip()
    key = os.environ.get("OPENAI_API_KEY", "")
    if len(key) >= 8:
        text = text.replace(key, "[redacted]")
    return text[:500]
