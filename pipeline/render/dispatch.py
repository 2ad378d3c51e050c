"""`render`: the brief in one of the output formats, by name."""

from __future__ import annotations

from ..models import Brief
from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .options import RenderOptions
from .pdf import PdfStore, render_pdf

# Output formats, in the order the CLI lists them; `render` accepts each.
rendered_formats = ("pdf", "html", "json", "md", "docx")


def render(brief: Brief, fmt: str, options: RenderOptions = RenderOptions(),
           store: PdfStore | None = None) -> bytes:
    """The brief in format `fmt` (one of `rendered_formats`): text formats encoded
    UTF-8, PDF and DOCX as their packages.

    `options` shapes the PDF (variant, attachments, logo, stylesheet) and the
    HTML (logo, stylesheet); JSON and Markdown ignore it. `store` keeps typeset
    PDFs (`write_pdf`).
    """
    if fmt == "pdf":
        return render_pdf(brief, options, store)
    if fmt == "html":
        return render_html(brief, standalone=True, options=options).encode("utf-8")
    if fmt == "json":
        return render_json(brief).encode("utf-8")
    if fmt == "md":
        return render_markdown(brief).encode("utf-8")
    if fmt == "docx":
        from .docx import render_docx  # python-docx is imported only for Word output

        return render_docx(brief)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(rendered_formats)}")
