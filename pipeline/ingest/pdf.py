"""PDF files: text by layout analysis (pdfminer.six), metadata from the document
information dictionary.

pdfminer.six rather than pypdf: its layout analysis groups characters into lines
and lines into text boxes, and orders the boxes as they are read (two columns come
out one after the other, not interleaved line by line), with the font size of every
character, which finds the headline. pypdf's text extraction follows the order of
the content stream and knows no boxes. One library reads both text and metadata.

What a printed page adds and an article does not hold is taken out:
- running headers and footers: text in the top or bottom band of the page that
  comes back on most pages (digits ignored, so "Page 3" and "Page 4" are one line),
  and lone page numbers;
- line ends inside a paragraph: lines are joined with a space, and a word broken
  with a hyphen at a line end is joined again, keeping the hyphen only when the
  document writes that word with a hyphen elsewhere ("well-known");
- a paragraph cut by a page or column break is joined again when the first part
  ends without closing punctuation and the next starts in lower case.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .extracted import Extracted, Found, NotExtractable, found, join_blocks

# A box lying wholly within this share of the page's height at the top or bottom is
# where running headers and footers sit (A4 margins are 7-12% of the height).
EDGE_SHARE = 0.12
# Text in the edge bands that comes back on at least this share of the pages (and on
# two at least) is a running header or footer.
REPEAT_SHARE = 0.5
# The headline: the first page's largest type, at least this much larger than the
# document's body type (headlines run 1.5-3 times the body size; subheads 1.1-1.3).
TITLE_SIZE_RATIO = 1.4
TITLE_MAX_WORDS = 30
# A lone page number: "3", "- 3 -", "Page 3", "3 of 12", "Page 3 of 12".
PAGE_NUMBER = re.compile(r"[-–—\s]*(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–—\s]*",
                         re.IGNORECASE)
# Soft hyphen and the Unicode hyphen that typesetters insert when they break a word.
BREAK_HYPHENS = ("\u00ad", "\u2010")
# Closing punctuation that ends a paragraph; without it a box continues in the next.
PARAGRAPH_END = re.compile(r"[.?!:;\"”’')\]]\s*$")
# A document-information title that names the file or program, not the document.
PLACEHOLDER_TITLE = re.compile(
    r"(?i)^(microsoft (word|powerpoint) - |untitled|document\d*$)|\.(docx?|pdf|indd|qxd|rtf|"
    r"txt|odt|pages)$")
INFO_ORIGIN = "PDF document information"
TITLE_ORIGIN = "PDF first page (largest type)"


@dataclass(frozen=True)
class Box:
    """A text box of a page, as pdfminer grouped it."""

    lines: tuple[str, ...]
    top: float  # share of the page height from the top edge to the box's top
    bottom: float  # share from the top edge to the box's bottom
    size: float  # largest font size in the box
    page: int


def _char_sizes(box: object) -> list[float]:
    from pdfminer.layout import LTChar

    return [char.size for line in box for char in line if isinstance(char, LTChar)]  # type: ignore[attr-defined]


def _pages(data: bytes) -> list[list[Box]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox

    pages = []
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
        height = (page.y1 - page.y0) or 1.0
        boxes = []
        for element in page:
            if not isinstance(element, LTTextBox):
                continue
            lines = tuple(" ".join(line.get_text().split()) for line in element)
            lines = tuple(line for line in lines if line)
            sizes = _char_sizes(element)
            if lines:
                boxes.append(Box(lines, (page.y1 - element.y1) / height,
                                 (page.y1 - element.y0) / height, max(sizes, default=0.0),
                                 number))
        pages.append(boxes)
    return pages


def _edge_key(box: Box) -> str | None:
    """The box's text with digits ignored, when it lies in a page's edge band."""
    if box.bottom <= EDGE_SHARE or box.top >= 1 - EDGE_SHARE:
        return re.sub(r"\d+", "#", " ".join(box.lines).casefold())
    return None


def _furniture(pages: list[list[Box]]) -> set[tuple[int, int]]:
    """(page, box index) of running headers, footers and page numbers."""
    pages_with: Counter[str] = Counter()
    for boxes in pages:
        pages_with.update({key for box in boxes if (key := _edge_key(box)) is not None})
    needed = max(2, REPEAT_SHARE * len(pages))
    marked = set()
    for p, boxes in enumerate(pages):
        for b, box in enumerate(boxes):
            key = _edge_key(box)
            if key is not None and (pages_with[key] >= needed
                                    or PAGE_NUMBER.fullmatch(" ".join(box.lines))):
                marked.add((p, b))
    return marked


def _hyphenated_words(pages: list[list[Box]]) -> set[str]:
    """Words the document writes with a hyphen inside a line ("well-known")."""
    text = " ".join(line for boxes in pages for box in boxes for line in box.lines)
    return {w.casefold() for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", text)}


def _join(left: str, right: str, hyphenated: set[str]) -> str:
    """Two pieces of one paragraph, joined where a line or box broke them."""
    if left.endswith(BREAK_HYPHENS) and right[:1].islower():
        return left[:-1] + right
    if left.endswith("-") and right[:1].islower() and left[-2:-1].isalpha():
        head = re.search(r"[^\W\d_]+-$", left)
        tail = re.match(r"[^\W\d_]+", right)
        if head and tail and f"{head.group()}{tail.group()}".casefold() in hyphenated:
            return left + right
        return left[:-1] + right
    return f"{left} {right}"


# Font sizes within this many points are one type size (a paragraph's two boxes).
SAME_SIZE_POINTS = 0.5


def _continues(previous: tuple[str, Box], text: str, box: Box) -> bool:
    """Whether `box` goes on with the paragraph before it, cut by a page or column
    break: that one ends without closing punctuation, this one is set in the same type
    and starts mid-sentence (lower case, or a number: "Sentence number | 28 talks")."""
    before, before_box = previous
    return (not PARAGRAPH_END.search(before) and (text[:1].islower() or text[:1].isdigit())
            and abs(before_box.size - box.size) <= SAME_SIZE_POINTS)


def _paragraphs(boxes: Iterable[Box], hyphenated: set[str]) -> list[tuple[str, Box]]:
    """Each box's lines joined; a box that continues the one before joined to it."""
    paragraphs: list[tuple[str, Box]] = []
    for box in boxes:
        text = box.lines[0]
        for line in box.lines[1:]:
            text = _join(text, line, hyphenated)
        if paragraphs and _continues(paragraphs[-1], text, box):
            paragraphs[-1] = (_join(paragraphs[-1][0], text, hyphenated), paragraphs[-1][1])
        else:
            paragraphs.append((text, box))
    return paragraphs


def _title_index(paragraphs: list[tuple[str, Box]]) -> int | None:
    """The paragraph set in the first page's largest type, when that is headline-sized."""
    sizes = [box.size for _, box in paragraphs if box.size]
    if not sizes:
        return None
    body = statistics.median(sizes)
    first_page = [(i, box.size) for i, (text, box) in enumerate(paragraphs)
                  if box.page == 0 and len(text.split()) <= TITLE_MAX_WORDS]
    if not first_page:
        return None
    index, size = max(first_page, key=lambda pair: (pair[1], -pair[0]))
    return index if size >= TITLE_SIZE_RATIO * body else None


def document_information(data: bytes) -> dict[str, Found]:
    """Title, author and creation date from the PDF's information dictionary."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    values: dict[str, str] = {}
    for info in PDFDocument(PDFParser(io.BytesIO(data))).info:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str):
                values[key] = value
    title = values.get("Title", "")
    if PLACEHOLDER_TITLE.search(title.strip()):
        title = ""
    return found({"title": title, "author": values.get("Author", ""),
                  "date": values.get("CreationDate", "")}, INFO_ORIGIN)


def extract_pdf(data: bytes) -> Extracted:
    """The text of a PDF without its page furniture; NotExtractable when it has none."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        metadata = document_information(data)
        pages = _pages(data)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise NotExtractable("the PDF is encrypted; save an unprotected copy") from None
    except Exception as exc:  # noqa: BLE001 - a damaged PDF fails anywhere in the parser
        raise NotExtractable(f"not a readable PDF ({type(exc).__name__}); save it again "
                             "from the program that made it") from None
    furniture = _furniture(pages)
    kept = [box for p, boxes in enumerate(pages) for b, box in enumerate(boxes)
            if (p, b) not in furniture]
    paragraphs = _paragraphs(kept, _hyphenated_words(pages))
    if not paragraphs:
        raise NotExtractable("the PDF has no text layer (a scan?); run OCR on it first "
                             "(ocrmypdf adds one) and put the result in the corpus")
    text, spans = join_blocks([p for p, _ in paragraphs])
    title_at = _title_index(paragraphs)
    if title_at is not None and "title" not in metadata:
        metadata["title"] = Found(" ".join(paragraphs[title_at][0].split()), TITLE_ORIGIN)
    notes = (f"{len(furniture)} running header, footer and page-number lines left out",) \
        if furniture else ()
    return Extracted(text=text, kind="pdf", found=metadata,
                     title_span=spans[title_at] if title_at is not None else None,
                     notes=notes)
