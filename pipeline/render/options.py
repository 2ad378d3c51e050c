"""What rendering takes besides the Brief, and how it fails.

`RenderOptions` carries what is not part of the Brief: the PDF variant
(PDF/A-3b with the brief's JSON and outline attached, or tagged PDF/UA-1), the
attachments, and the outline's logo and stylesheet. `RenderError` is raised by
every format for a brief that cannot be rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# PDF variants the PDF output can be asked for, as WeasyPrint names them:
# PDF/A-3b (archival; may carry attachments) and PDF/UA-1 (tagged, accessible).
PDF_VARIANTS = ("pdf/a-3b", "pdf/ua-1")

# Logo files the title block can show, by suffix.
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


class RenderError(RuntimeError):
    """The brief could not be rendered (inconsistent data or a broken install)."""


@dataclass(frozen=True)
class RenderOptions:
    """How to render, beyond the Brief itself.

    `pdf_variant`: None (plain PDF), "pdf/a-3b" or "pdf/ua-1" (see
    PDF_VARIANTS); ignored by the other formats.
    `attachments`: (file name, content) pairs embedded in the PDF, e.g. the
    brief's JSON (named PROVENANCE_NAME, related as "Data") and its outline
    (any other name, related as "Source") for PDF/A-3b provenance. The suffix
    sets the MIME type (ATTACHMENT_TYPES).
    `logo`: a PNG or SVG file shown in the title block (inlined as a data: URI
    in the standalone HTML). `stylesheet`: CSS applied after the built-in
    styles (inlined in the standalone HTML); it may not load other files.
    Both are paths the caller has checked to lie inside the outline's folder;
    the PDF renderer serves exactly those two files besides `styles/`.
    """

    pdf_variant: str | None = None
    attachments: tuple[tuple[str, bytes], ...] = ()
    logo: Path | None = None
    stylesheet: Path | None = None

    def __post_init__(self) -> None:
        if self.pdf_variant is not None and self.pdf_variant not in PDF_VARIANTS:
            raise ValueError(
                f"unknown PDF variant {self.pdf_variant!r}; expected one of "
                f"{', '.join(PDF_VARIANTS)}"
            )
        attachments = tuple((str(name), bytes(data)) for name, data in self.attachments)
        names = [name for name, _ in attachments]
        for name in names:
            if not name or name != Path(name).name or name in (".", ".."):
                raise ValueError(f"attachment name {name!r} must be a bare file name")
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate attachment names in {names}")
        object.__setattr__(self, "attachments", attachments)
        for key, suffixes in (("logo", tuple(LOGO_TYPES)), ("stylesheet", (".css",))):
            value = getattr(self, key)
            if value is None:
                continue
            path = Path(value)
            if path.suffix.lower() not in suffixes:
                raise ValueError(f"{key} {str(path)!r} must be a {' or '.join(suffixes)} file")
            object.__setattr__(self, key, path)

    def served_files(self) -> tuple[Path, ...]:
        """The files besides `styles/` the PDF renderer may read."""
        return tuple(path for path in (self.logo, self.stylesheet) if path is not None)
