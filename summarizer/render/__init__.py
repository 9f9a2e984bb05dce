"""Turn a :class:`~summarizer.models.Summary` into what people read: JSON, a terminal view, a Markdown brief, HTML.

Every renderer treats bulletin text and extracted fields as hostile: bulletins are scraped from the web and an LLM
may echo anything it was given, so values are escaped for the target format (HTML entities, Markdown backslashes,
rich ``Text`` objects instead of markup strings) rather than trusted.

One module per format (:mod:`.jsonout`, :mod:`.table`, :mod:`.markdown`, :mod:`.html`); the wording and escaping
they share is in :mod:`.text`, the HTML page shell and cells in :mod:`.htmlpage`. :mod:`summarizer.digest` builds on
the same public helpers.
"""

from __future__ import annotations

from .html import to_html
from .htmlpage import CSP, page
from .jsonout import to_json
from .markdown import to_markdown
from .table import to_table

__all__ = ["CSP", "page", "to_html", "to_json", "to_markdown", "to_table"]
