"""Render a `Brief` as PDF, standalone HTML, JSON or Markdown.

Every renderer is a pure function of the `Brief`: it returns text or bytes and
writes nothing, so the CLI decides where output goes and tests can compare
results directly.

Three rules shape this package:

* Corpus text is untrusted. Item text, speaker names and source metadata come
  from scraped articles, so the HTML goes through Jinja with autoescaping and
  nothing from the corpus is ever marked safe; Markdown gets its own escaping.
* Output is reproducible. The same `Brief` gives byte-identical files: dates in
  the PDF come from the brief (or SOURCE_DATE_EPOCH, or a fixed epoch), never
  from the clock, and the PDF identifier is a hash of the HTML.
* Nothing is fetched from outside `styles/`. WeasyPrint resolves URLs through
  `StylesFetcher`, which serves files below that folder, plus the logo and
  stylesheet the outline names (those exact files, nothing beside them), and
  refuses the rest (network, other files, data: URLs), so a document cannot
  make the renderer read the local disk or call out to the network.

`RenderOptions` carries what is not part of the Brief: the PDF variant
(PDF/A-3b with the brief's JSON and outline attached, or tagged PDF/UA-1), the
attachments, and the outline's logo and stylesheet.

The modules follow the rendering steps:

1. `options`: `RenderOptions` and `RenderError`.
2. `view` and `dates`: what the templates need (sections, speaker groups,
   labels, dates), and the consistency checks every format runs first.
3. `html`: the Jinja2 template rendered from the view, and the outline's
   stylesheet and logo, read and checked to load nothing else.
4. `assets`: `styles/` and the URL fetcher, the only way WeasyPrint reads a file.
5. `pdf`: the HTML typeset by WeasyPrint (variants, attachments, identifier)
   and the store of typeset PDFs.
6. `json`, `markdown`: the other formats, from the same view.
7. `dispatch`: `render`, the brief in a format named by the CLI.
"""

from __future__ import annotations

from .assets import STYLES_DIR, URLRefused, make_url_fetcher, resolve_styles_url
from .dates import metadata_date
from .dispatch import render, rendered_formats
from .html import css_reference, read_logo, read_user_stylesheet, render_html
from .json import brief_json, render_json
from .markdown import render_markdown
from .options import PDF_VARIANTS, RenderError, RenderOptions
from .pdf import PROVENANCE_NAME, PdfStore, render_pdf, write_pdf
from .view import unnamed_speaker

__all__ = [
    "PDF_VARIANTS",
    "PROVENANCE_NAME",
    "STYLES_DIR",
    "PdfStore",
    "RenderError",
    "RenderOptions",
    "URLRefused",
    "brief_json",
    "css_reference",
    "make_url_fetcher",
    "metadata_date",
    "read_logo",
    "read_user_stylesheet",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "rendered_formats",
    "resolve_styles_url",
    "unnamed_speaker",
    "write_pdf",
]
