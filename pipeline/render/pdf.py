"""PDF: the print HTML typeset by WeasyPrint, byte-identical on rerun.

The plain PDF or a variant (PDF/A-3b with attachments, tagged PDF/UA-1); the
attachments' types and relationships and the links' labels set on WeasyPrint's
PDF objects; a /ID hashed from the inputs instead of a random one; font
timestamps pinned; and `PdfStore`, where typeset PDFs are kept by a digest of
everything that shapes them, so an unchanged brief is not typeset again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..models import Brief
from .assets import STYLES_DIR, make_url_fetcher
from .dates import FALLBACK_DATE, FALLBACK_EPOCH, SOURCE_DATE_EPOCH, metadata_date
from .html import render_html
from .options import RenderError, RenderOptions
from .view import link_labels

# Length of the hex digest used as the PDF's /ID: 32 hex digits = 128 bits,
# the size PDF readers expect from the customary MD5-based identifiers.
PDF_ID_HEX_DIGITS = 32

# Attachments. The brief's JSON goes in under this name and is the data the
# PDF presents (PDF/A-3 relationship "Data", ISO 32000-2, 7.11.3); any other
# attachment is an input the brief was built from ("Source"): the outline.
PROVENANCE_NAME = "brief.json"
PROVENANCE_DESCRIPTION = (
    "The brief as data: every item with its source document and character offsets"
)
SOURCE_DESCRIPTION = "The outline the brief was built from"

# MIME types of attachments by suffix: a fixed table, not `mimetypes`, whose
# answers depend on the host (so would the PDF's bytes).
ATTACHMENT_TYPES = {
    ".json": "application/json",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".txt": "text/plain",
}
ATTACHMENT_DEFAULT_TYPE = "application/octet-stream"


def pdf_identifier(html: str, *parts: bytes) -> bytes:
    """A stable /ID for the PDF: hash of the HTML (and of the other `parts`
    that shape the file: variant, attachments, linked user files) instead of
    a random value."""
    digest = hashlib.sha256(html.encode("utf-8"))
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:PDF_ID_HEX_DIGITS].encode("ascii")


@contextlib.contextmanager
def fixed_font_timestamps() -> Iterator[None]:
    """Pin SOURCE_DATE_EPOCH to a constant while WeasyPrint subsets fonts.

    Without the HarfBuzz subsetter, WeasyPrint subsets with fontTools, which
    stamps each embedded font's `head.modified` with the current time, or
    with SOURCE_DATE_EPOCH when set: two renders would differ in a few bytes.
    The constant (not the caller's value) makes the PDF depend on the Brief
    alone. The previous value is restored afterwards; the environment is
    process-wide, so PDFs must not be rendered from several threads at once.
    """
    previous = os.environ.get(SOURCE_DATE_EPOCH)
    os.environ[SOURCE_DATE_EPOCH] = FALLBACK_EPOCH
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(SOURCE_DATE_EPOCH, None)
        else:
            os.environ[SOURCE_DATE_EPOCH] = previous


def attachment_date(meta_date: str) -> dt.datetime:
    """The document's metadata date as the attachments' creation and
    modification time (WeasyPrint would otherwise stamp them with the clock)."""
    if "T" in meta_date:
        return dt.datetime.strptime(meta_date, "%Y-%m-%dT%H:%M:%SZ")
    return dt.datetime.strptime(meta_date, "%Y-%m-%d")


def attachment_kind(name: str) -> tuple[str, str, str]:
    """MIME type, PDF/A-3 relationship and description of an attachment."""
    mime = ATTACHMENT_TYPES.get(Path(name).suffix.lower(), ATTACHMENT_DEFAULT_TYPE)
    if name == PROVENANCE_NAME:
        return mime, "Data", PROVENANCE_DESCRIPTION
    return mime, "Source", SOURCE_DESCRIPTION


def pdf_finisher(options: RenderOptions, labels: Mapping[str, str]) -> Any:
    """Post-process WeasyPrint's PDF objects before they are written.

    Sets each attachment's MIME type from ATTACHMENT_TYPES (WeasyPrint asks
    the host's `mimetypes`, whose answers vary between machines) and its
    relationship by name (WeasyPrint 70 keys them by checksum, so two
    attachments with the same bytes get the same one), lists each attachment
    once in the catalog's /AF (WeasyPrint 70 adds each twice) and, in the PDF
    variants, gives every internal link a readable /Contents.
    """
    import pydyf

    kinds = {name: attachment_kind(name) for name, _ in options.attachments}

    def finish(document: Any, pdf: Any) -> None:
        if "AF" in pdf.catalog:
            unique = list(dict.fromkeys(pdf.catalog["AF"]))
            pdf.catalog["AF"] = pydyf.Array(unique)
        for obj in pdf.objects:
            if not isinstance(obj, dict):
                continue
            if obj.get("Type") == "/Filespec" and obj["UF"].string in kinds:
                mime, relationship, _ = kinds[obj["UF"].string]
                stream = pdf.objects[int(obj["EF"]["F"].split()[0])]
                stream.extra["Subtype"] = "/" + mime.replace("/", "#2f")
                if "AFRelationship" in obj:  # PDF/A-3: set by name, not by checksum
                    obj["AFRelationship"] = f"/{relationship}"
            elif (
                options.pdf_variant
                and obj.get("Subtype") == "/Link"
                and isinstance(obj.get("Dest"), pydyf.String)
            ):
                target = obj["Dest"].string
                obj["Contents"] = pydyf.String(labels.get(target, target))

    return finish


class PdfStore(Protocol):
    """Where typeset PDFs are kept by `pdf_key` (the analysis cache's `renders`)."""

    def get_render(self, key: str) -> bytes | None: ...

    def put_render(self, key: str, pdf: bytes) -> None: ...


# The typesetting software: a new version may set the same HTML differently.
TYPESETTING_PACKAGES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2")


def pdf_key(html: str, parts: Sequence[bytes], meta_date: str,
            labels: Mapping[str, str]) -> str:
    """A digest of everything that shapes the PDF: the HTML, the variant,
    attachments and user files (`parts`), the dates and link labels, every file
    of `styles/` (fonts, CSS), the render package's code and the typesetting packages'
    versions. Equal digests give byte-identical PDFs (rendering is deterministic)."""
    digest = hashlib.sha256(b"brief-pdf\0")
    for package in TYPESETTING_PACKAGES:
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}=none\0".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    for path in sorted(p for p in STYLES_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STYLES_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    digest.update(meta_date.encode() + b"\0")
    digest.update(json.dumps(sorted(labels.items())).encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()


def write_pdf(
    html: str,
    options: RenderOptions = RenderOptions(),
    *,
    meta_date: str = FALLBACK_DATE,
    labels: Mapping[str, str] | None = None,
    store: PdfStore | None = None,
) -> bytes:
    """Typeset print HTML with WeasyPrint, fetching only from `styles/` and
    the outline's logo and stylesheet, in the variant `options` asks for.
    With a `store`, a PDF typeset before from the same inputs is reused."""
    parts: list[bytes] = []
    if options.pdf_variant or options.attachments or options.served_files():
        parts.append((options.pdf_variant or "").encode("ascii"))
        for name, data in options.attachments:
            parts += [name.encode("utf-8"), data]
        parts += [path.read_bytes() for path in options.served_files()]
    key = pdf_key(html, parts, meta_date, labels or {}) if store is not None else ""
    if store is not None:
        stored = store.get_render(key)
        if stored is not None:
            return stored
    pdf = _typeset(html, options, parts, meta_date, labels or {})
    if store is not None:
        store.put_render(key, pdf)
    return pdf


def _typeset(html: str, options: RenderOptions, parts: list[bytes], meta_date: str,
             labels: Mapping[str, str]) -> bytes:
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    fetcher = make_url_fetcher(files=options.served_files())
    when = attachment_date(meta_date)
    attachments = []
    for name, data in options.attachments:
        _, relationship, description = attachment_kind(name)
        attachments.append(
            weasyprint.Attachment(
                string=data,
                name=name,
                description=description,
                created=when,
                modified=when,
                relationship=relationship,
                url_fetcher=fetcher,
            )
        )
    try:
        document = weasyprint.HTML(
            string=html, base_url=STYLES_DIR.as_uri() + "/", url_fetcher=fetcher
        )
        with fixed_font_timestamps():
            return document.write_pdf(
                pdf_identifier=pdf_identifier(html, *parts),
                pdf_variant=options.pdf_variant,
                attachments=attachments or None,
                finisher=pdf_finisher(options, labels),
            )
    except FatalURLFetchingError as exc:  # a BaseException: keep it out of the CLI
        raise RenderError(
            f"PDF rendering failed: {exc} (only styles/ and the outline's logo and "
            "stylesheet are served); is styles/ complete?"
        ) from exc


def render_pdf(brief: Brief, options: RenderOptions = RenderOptions(),
               store: PdfStore | None = None) -> bytes:
    """The brief as a print-ready PDF (A4 or Letter), byte-identical on rerun:
    plain, PDF/A-3b (with `options.attachments` embedded) or tagged PDF/UA-1."""
    return write_pdf(
        render_html(brief, standalone=False, options=options),
        options,
        meta_date=metadata_date(brief.date),
        labels=link_labels(brief),
        store=store,
    )
