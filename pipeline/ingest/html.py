"""Saved web pages: main text and metadata with trafilatura.

trafilatura finds the article in the page (navigation, footers, comments, related
links left out) and reads the page's metadata: `<title>`, `og:` and `article:`
tags, JSON-LD, and the publication date (htmldate). Its result is a small XML tree
(`head`, `p`, `list`/`item`, `table`/`row`/`cell`, `quote`, `lb`); this module writes
that tree as text, one block per paragraph, heading, list item or table row, blank
lines between them, so the clean stage (captions, credits, bylines left in the main
text) works on pages as on pasted text.

Nothing in the page is fetched or run: lxml parses the bytes, scripts are text
trafilatura drops, and no URL in the page is opened.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .extracted import Extracted, NotExtractable, found, join_blocks

# htmldate refuses dates later than its `max_date`, by default the day it runs: the
# same page would then give another date on another day. A fixed far bound keeps
# the result a function of the page alone.
LATEST_PAGE_DATE = "2200-12-31"
# Elements of trafilatura's tree that hold blocks of their own rather than text.
CONTAINERS = frozenset({"list", "table", "quote", "div", "body"})
# Each cell of a table row is written apart by this, the row being one block.
CELL_SEPARATOR = " | "
# How many leading blocks may hold the page's headline (an h1 under a kicker line).
TITLE_BLOCKS = 3
ORIGIN = "page metadata"


def _inline(element: etree._Element) -> str:
    """An element's text, HTML whitespace collapsed; `<lb/>` becomes a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


# Tags that make their parent a container of blocks. Not `code`: trafilatura writes
# inline code inside a paragraph as `<code>` too, and a paragraph holding some is still
# one paragraph ("use the `id` function to ...").
BLOCK_TAGS = frozenset({"p", "head", "item", "list", "table", "row", "quote"})


def _has_blocks(element: etree._Element) -> bool:
    return any(child.tag in BLOCK_TAGS for child in element)


def _loose_text(text: str | None) -> Iterator[tuple[str, str]]:
    """Text standing directly in a container, between its blocks: a block of its own."""
    collapsed = "\n".join(" ".join(line.split()) for line in (text or "").split("\n")
                          if line.strip())
    if collapsed:
        yield "p", collapsed


def _blocks(element: etree._Element) -> Iterator[tuple[str, str]]:
    """(tag, text) of each block under `element`, in document order, with any text
    standing between them."""
    yield from _loose_text(element.text)
    for child in element:
        yield from _child_blocks(child)
        yield from _loose_text(child.tail)


def _child_blocks(child: etree._Element) -> Iterator[tuple[str, str]]:
    """The block(s) one element of the tree gives: a table row as one line, a container
    as its blocks, anything else as its inline text."""
    if not isinstance(child.tag, str) or child.tag in ("graphic", "lb"):
        return
    if child.tag in CONTAINERS or _has_blocks(child):
        yield from _blocks(child)
        return
    if child.tag == "row":
        cells = [_inline(cell) for cell in child if isinstance(cell.tag, str)]
        text = CELL_SEPARATOR.join(cell for cell in cells if cell)
    else:
        text = _inline(child)
    if text:
        yield child.tag, text


def _title_index(blocks: list[tuple[str, str]], title: str) -> int | None:
    """Which block is the headline: a heading among the first few blocks that the
    page's title names, else the first of them that is a top-level heading."""
    lead = list(enumerate(blocks[:TITLE_BLOCKS]))
    same = " ".join(title.split()).casefold()
    for i, (tag, text) in lead:
        if tag == "head" and same and " ".join(text.split()).casefold() == same:
            return i
    return next((i for i, (tag, _) in lead if tag == "head"), None)


def extract_html(data: bytes) -> Extracted:
    """The main text of a saved page and its metadata; NotExtractable when the page
    holds no main text."""
    import trafilatura  # imported here: its import costs a second and most corpora are text
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False,
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "max_date": LATEST_PAGE_DATE})
    if not isinstance(document, Document) or document.body is None:
        raise NotExtractable("no main text found in the page (an empty page, a frame set "
                             "or a page built by JavaScript); save the article's own page")
    blocks = list(_blocks(document.body))
    if not blocks:
        raise NotExtractable("no main text found in the page; save the article's own page")
    text, spans = join_blocks([b for _, b in blocks])
    title_at = _title_index(blocks, document.title or "")
    return Extracted(
        text=text, kind="html",
        found=found({"title": document.title or "", "author": _authors(document.author),
                     "outlet": document.sitename or document.hostname or "",
                     "date": document.date or "", "url": document.url or ""}, ORIGIN),
        title_span=spans[title_at] if title_at is not None else None)


def _authors(value: str | None) -> str:
    """trafilatura separates several authors with "; "; a source list joins them so."""
    names = [name.strip() for name in (value or "").split(";") if name.strip()]
    return ", ".join(dict.fromkeys(names))
