"""One file's bytes -> its text and metadata, by kind (formats.py decides the kind)."""

from __future__ import annotations

from .extracted import Extracted, NotExtractable
from .formats import Kind

# A NUL byte in the first few KB means a binary file (images, archives); text in any
# encoding we accept never contains one.
BINARY_SNIFF_BYTES = 8192


def decode_text(data: bytes) -> Extracted:
    """A plain-text file decoded as UTF-8 with a leading BOM removed; undecodable bytes
    are replaced, with a warning (offsets then refer to the replaced text)."""
    if not data.strip():
        raise NotExtractable("empty file")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise NotExtractable("binary file; articles must be text, a web page, a PDF or a "
                             "Word file")
    try:
        return Extracted(text=data.decode("utf-8-sig"), kind="text")
    except UnicodeDecodeError as exc:
        return Extracted(
            text=data.decode("utf-8-sig", errors="replace"), kind="text",
            warnings=(f"not valid UTF-8 (byte {exc.start}); undecodable bytes replaced by "
                      "U+FFFD, offsets refer to the replaced text; re-save the file as UTF-8",))


def extract(data: bytes, kind: Kind) -> Extracted:
    """The text brief analyses for a file of `kind`; NotExtractable says why there is none."""
    if kind == "html":
        from .html import extract_html
        return extract_html(data)
    if kind == "pdf":
        from .pdf import extract_pdf
        return extract_pdf(data)
    if kind == "docx":
        from .docx import extract_docx
        return extract_docx(data)
    return decode_text(data)
