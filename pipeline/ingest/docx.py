"""Word files (.docx): paragraphs and tables in document order with python-docx,
metadata from the core properties.

The body is read as the reader sees it: every paragraph (a line break inside one
stays a line break), and each table row as one block with its cells apart. Page
headers and footers, comments and tracked deletions are not part of the body and
are not read. A paragraph in the "Title" style is the headline.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from .extracted import Extracted, Found, NotExtractable, found, join_blocks

CELL_SEPARATOR = " | "
# Word's built-in headline style; localised copies keep this style id.
TITLE_STYLE = "Title"
# A core-properties title that a template left behind rather than an author wrote.
PLACEHOLDER_TITLES = frozenset({"", "title", "document", "untitled", "microsoft word"})
# Core-properties authors that are the program a template came from, not a writer: the
# author and the creation date of such a file are the template's (python-docx's default
# template says "python-docx", created 2013-12-23).
TEMPLATE_AUTHORS = frozenset({"python-docx"})
PROPERTIES_ORIGIN = "DOCX core properties"
STYLE_ORIGIN = "DOCX Title paragraph"


def _body(document: Any) -> Iterator[tuple[str, bool]]:
    """(text, is the Title style) of each body paragraph and table row, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = item.style.style_id if item.style is not None else ""
            lines = (" ".join(line.split()) for line in item.text.split("\n"))
            yield "\n".join(line for line in lines if line), style == TITLE_STYLE
        elif isinstance(item, Table):
            for row in item.rows:
                # a merged cell comes once per grid column it spans: the same cell
                # element, written once; two cells of equal text are both kept
                cells = {id(cell._tc): " ".join(cell.text.split()) for cell in row.cells}
                yield CELL_SEPARATOR.join(text for text in cells.values() if text), False


def _properties(document: Any) -> dict[str, Found]:
    core = document.core_properties
    title = (core.title or "").strip()
    created = core.created.date().isoformat() if core.created is not None else ""
    author = (core.author or "").strip()
    if author.casefold() in TEMPLATE_AUTHORS:
        author, created = "", ""
    return found({"title": "" if title.casefold() in PLACEHOLDER_TITLES else title,
                  "author": author, "date": created}, PROPERTIES_ORIGIN)


def extract_docx(data: bytes) -> Extracted:
    """The body text of a Word file; NotExtractable when it cannot be opened or is empty."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [(text, titled) for text, titled in _body(document) if text]
        metadata = _properties(document)
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise NotExtractable(f"not a readable Word file ({type(exc).__name__}); open it in "
                             "a word processor and save it again as .docx") from None
    if not blocks:
        raise NotExtractable("the Word file has no text")
    text, spans = join_blocks([b for b, _ in blocks])
    title_at = next((i for i, (_, titled) in enumerate(blocks) if titled), None)
    if title_at is not None:
        # The printed headline wins over a properties title, often a template's left-over.
        metadata["title"] = Found(" ".join(blocks[title_at][0].split()), STYLE_ORIGIN)
    return Extracted(text=text, kind="docx", found=metadata,
                     title_span=spans[title_at] if title_at is not None else None)
