"""The one exception family users see: every failure they can cause or fix is a ``SummarizerError``.

The CLI prints these as one line and exits non-zero; anything else is a bug and keeps its traceback.
"""


class SummarizerError(Exception):
    """A failure with a message meant for the user (one line, no secrets)."""


class BatchError(SummarizerError):
    """A batch that cannot start; one line for the user."""
