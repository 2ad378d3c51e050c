"""Render a `Brief` as PDF, standalone HTML, JSON or Markdown.

Every renderer is a pure function of the `Brief`: it returns text or bytes and
writes nothing, so the CLI decides where output goes and tests can compare
results directly.

Three rules shape this module:

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
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .attribute import cue_carries_meaning
from .errors import UserError
from .models import Brief, Item, MethodNote, Section, Source

# The folder holding templates, CSS and fonts; also the PDF's base URL and the
# only place the URL fetcher will read from.
STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"

# Template of the whole document, shared by the HTML and PDF outputs.
TEMPLATE_NAME = "brief.html.j2"

# Output formats, in the order the CLI lists them; `render` accepts each.
rendered_formats = ("pdf", "html", "json", "md")

# CSS `size` values for the page sizes the outline allows.
PAGE_SIZES = {"A4": "A4", "Letter": "letter"}

# Section kinds whose items are statements grouped by speaker.
SPEAKER_KINDS = frozenset({"actor", "other_voices"})

# Used for the PDF's creation/modification dates when the brief has no date
# and SOURCE_DATE_EPOCH is unset: the ZIP/reproducible-builds convention.
FALLBACK_DATE = "1980-01-01"
FALLBACK_EPOCH = "315532800"  # FALLBACK_DATE at 00:00 UTC, in Unix seconds

# Environment variable of the reproducible-builds convention: a Unix time to
# use instead of "now" in anything a build writes.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

# An ISO calendar date, the only form of `brief.date` used as metadata.
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# A valid SOURCE_DATE_EPOCH value: ASCII digits only (str.isdigit would also
# accept superscripts and other scripts' digits).
EPOCH_SECONDS = re.compile(r"[0-9]+")

# English month names for the title block's date, independent of the locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Length of the hex digest used as the PDF's /ID: 32 hex digits = 128 bits,
# the size PDF readers expect from the customary MD5-based identifiers.
PDF_ID_HEX_DIGITS = 32

# Markdown: characters that could start emphasis, code, links, raw HTML,
# entities, headings, tables or strikethrough when they occur in corpus text.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")

# Content types for files served to WeasyPrint, by suffix; a fixed table
# rather than `mimetypes`, whose answers depend on the host's configuration.
CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


# Words of a speaker shorter than this ("a", "the", "of", "Mr") do not show
# that an item's text names its speaker.
SPEAKER_WORD_MIN = 4


# PDF variants the PDF output can be asked for, as WeasyPrint names them:
# PDF/A-3b (archival; may carry attachments) and PDF/UA-1 (tagged, accessible).
PDF_VARIANTS = ("pdf/a-3b", "pdf/ua-1")

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

# Logo files the title block can show, by suffix.
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Alternative text of the logo (PDF/UA requires one for every image).
LOGO_ALT = "Logo"

# CSS functions that make a renderer load a file. A user stylesheet using any
# of them (or @import) is refused: the standalone HTML must stay one file and
# the PDF renderer fetches nothing but styles/ and the configured logo.
CSS_LOADING_FUNCTIONS = frozenset(
    {"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade", "element"}
)


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


# --------------------------------------------------------------------------
# Views: what the template needs, computed once in Python.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerGroup:
    """Consecutive items by one speaker, shown under a single lead-in."""

    speaker: str | None
    speaker_role: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class SectionView:
    """A section plus its HTML anchor and speaker groups."""

    section: Section
    anchor: str
    groups: tuple[SpeakerGroup, ...]
    by_speaker: bool


def section_anchor(section: Section) -> str:
    """HTML id of a section; prefixed so it can never collide with `src-N`."""
    return f"sec-{section.id}"


def source_anchor(n: int) -> str:
    """HTML id of source list entry `n`, the target of `[n]` citations."""
    return f"src-{n}"


def speaker_groups(items: Iterable[Item]) -> tuple[SpeakerGroup, ...]:
    """Split items into runs by the same speaker (and role).

    The select stage already orders actor sections by speaker; grouping only
    consecutive runs keeps that order instead of re-sorting.
    """
    runs = itertools.groupby(items, key=lambda item: (item.speaker, item.speaker_role))
    return tuple(
        SpeakerGroup(speaker=speaker, speaker_role=role, items=tuple(group))
        for (speaker, role), group in runs
    )


def unnamed_speaker(item: Item) -> str | None:
    """The item's resolved speaker when its text does not name them.

    Outside actor sections an item like "“We are fencing this border,” he
    said." would leave the reader asking who "he" is; the attribute stage knows,
    so the brief says it after the sentence (never inside the quoted text).
    A speaker counts as named when any of its longer words ("Langove",
    "cleric", "analysts") occurs in the text, whatever the case.
    """
    if not item.speaker:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", item.speaker) if len(w) >= SPEAKER_WORD_MIN]
    text = item.text.lower()
    if any(re.search(rf"\b{re.escape(w.lower())}\b", text) for w in words):
        return None
    return item.speaker


def section_view(section: Section) -> SectionView:
    """Wrap a section for the template."""
    by_speaker = section.kind in SPEAKER_KINDS
    groups = (
        speaker_groups(section.items) if by_speaker else (SpeakerGroup(None, None, section.items),)
    )
    return SectionView(section, section_anchor(section), groups, by_speaker)


def parse_iso_date(text: str) -> dt.date | None:
    """The calendar date `text` names in YYYY-MM-DD form, or None.

    Stricter than "looks like a date": 2021-02-30 is refused, because it
    would be rejected (or worse, shown) downstream.
    """
    match = ISO_DATE.fullmatch(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def display_date(iso: str) -> str:
    """'2026-11-21' -> '21 November 2026'; anything else is shown as given.

    Month names come from a table, not `strftime`, so the output does not
    depend on the host's locale.
    """
    date = parse_iso_date(iso)
    if date is None:
        return iso
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def metadata_date(brief_date: str, environ: Mapping[str, str] | None = None) -> str:
    """The W3C date written as the document's created/modified date.

    Taken from the brief when it holds a valid ISO date, else from
    SOURCE_DATE_EPOCH (reproducible-builds convention), else a fixed epoch:
    never the clock, so two renders give the same bytes.
    """
    if parse_iso_date(brief_date) is not None:
        return brief_date
    env = os.environ if environ is None else environ
    epoch = env.get(SOURCE_DATE_EPOCH, "").strip()
    if EPOCH_SECONDS.fullmatch(epoch):
        try:
            stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):  # beyond what datetime can hold
            return FALLBACK_DATE
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return FALLBACK_DATE


def method_figures(method: MethodNote) -> tuple[str, ...]:
    """The method note's figures as short phrases, e.g. '5 articles'."""
    if method.date_range:
        earliest, latest = method.date_range
        dates = "dated " + (earliest if earliest == latest else f"{earliest} to {latest}")
    else:
        dates = "undated"
    return (
        _count(method.articles, "article"),
        _count(method.sentences, "sentence"),
        _count(method.boilerplate_sentences, "boilerplate sentence") + " set aside",
        _count(method.words, "word"),
        dates,
    )


def _count(n: int, noun: str) -> str:
    """'1 article', '1,204 sentences': thousands separated, plural when needed."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def source_details(source: Source) -> tuple[str, ...]:
    """Outlet, author and date of a source, leaving out the empty ones."""
    return tuple(part for part in (source.outlet, source.author, source.date) if part)


# --------------------------------------------------------------------------
# Consistency checks: a broken link in a printed brief cannot be clicked away.
# --------------------------------------------------------------------------


def check_brief(brief: Brief) -> None:
    """Refuse briefs whose parts do not fit together, whatever the format,
    so the CLI fails the same way for each.

    Raises `RenderError` for an unknown page size, duplicate source numbers
    or section ids, and citations of sources that are not in the list.
    """
    if brief.page_size not in PAGE_SIZES:
        raise RenderError(
            f"unknown page size {brief.page_size!r}; expected one of {', '.join(PAGE_SIZES)}"
        )
    numbers = [source.n for source in brief.sources]
    _refuse_duplicates(numbers, "source number")
    _refuse_duplicates([section.id for section in brief.sections], "section id")
    known = set(numbers)
    for section in brief.sections:
        for item in section.items:
            missing = sorted(set(item.citations) - known)
            if missing:
                raise RenderError(
                    f"section {section.id!r} cites source(s) {missing} missing from the list"
                )


def _refuse_duplicates(values: Sequence[object], what: str) -> None:
    """Raise `RenderError` naming the first value that occurs twice."""
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise RenderError(f"duplicate {what} {value!r}")
        seen.add(value)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def template_environment() -> Environment:
    """The Jinja environment; cached because loading templates is not free.

    Autoescaping is on for every template and StrictUndefined turns a typo in
    a template into an error instead of an empty string.
    """
    return Environment(
        loader=FileSystemLoader(STYLES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def css_reference(css: str, *, fragments: bool = False) -> tuple[int, str] | None:
    """The first place where `css` would load a file: (line, what), or None.

    Walks every token of the parsed stylesheet (escapes decoded, comments
    skipped, nested blocks included), looking for `@import`, `url(...)` and
    the other functions that fetch (see CSS_LOADING_FUNCTIONS). With
    `fragments`, `url(#id)` (a reference inside the same SVG) is allowed.
    """
    import tinycss2

    stack: list[Any] = list(reversed(tinycss2.parse_stylesheet(css, skip_comments=True)))
    while stack:
        node = stack.pop()
        kind = node.type
        if kind == "at-rule" and node.lower_at_keyword == "import":
            return node.source_line, "@import"
        if kind == "url":
            if not (fragments and node.value.startswith("#")):
                return node.source_line, f"url({node.value})"
        if kind == "function" and node.lower_name in CSS_LOADING_FUNCTIONS:
            arguments = [token for token in node.arguments if token.type != "whitespace"]
            local = (
                fragments
                and node.lower_name == "url"
                and len(arguments) == 1
                and arguments[0].type == "string"
                and arguments[0].value.startswith("#")
            )
            if not local:
                return node.source_line, f"{node.lower_name}(...)"
        children: list[Any] = []
        if kind in ("at-rule", "qualified-rule"):
            children = list(node.prelude) + list(node.content or ())
        elif kind == "function":
            children = list(node.arguments)
        elif kind in ("() block", "[] block", "{} block"):
            children = list(node.content)
        stack.extend(reversed(children))
    return None


def read_user_stylesheet(path: Path) -> str:
    """The outline's stylesheet as text; `UserError` if it cannot be used.

    It must be UTF-8 and load no other file (no @import, no url()): the
    standalone HTML stays one file and the PDF renderer fetches nothing else.
    """
    try:
        css = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UserError(str(path), f"cannot read layout.stylesheet: {exc.strerror}",
                        "check the file") from exc
    except UnicodeDecodeError as exc:
        raise UserError(str(path), "layout.stylesheet is not UTF-8 text",
                        "save it as UTF-8") from exc
    found = css_reference(css)
    if found is not None:
        line, what = found
        raise UserError(f"{path}:{line}", f"layout.stylesheet loads another file ({what})",
                        "remove it: the brief loads no file but its own styles and "
                        "layout.logo (set the logo there)")
    return css


def style_element_text(css: str) -> Markup:
    """CSS made safe as the raw text of an HTML <style> element.

    Nothing but `</style` can end the element, so every `<` is written as the
    CSS escape `\\3c ` (the same character to CSS, inside strings too): the
    text can never close the element nor open another one. HTML escaping
    would be wrong here, since entities are not decoded inside <style>.
    """
    return Markup(css.replace("<", "\\3c "))


def svg_reference(data: bytes) -> str | None:
    """What in an SVG document would load another file, or None.

    Refused: a DOCTYPE or entity declaration (external entities), an
    xml-stylesheet instruction, any `href` (in any namespace) that does not
    point inside the document (`#id`), and CSS in `style` elements or in
    attributes that loads something (see `css_reference`). Malformed XML is
    reported as such.
    """
    from xml.parsers import expat

    found: list[str] = []
    style_text: list[str] = []
    in_style = 0
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal in_style
        if name.rsplit(" ", 1)[-1] == "style":
            in_style += 1
        for key, value in attrs.items():
            if key.rsplit(" ", 1)[-1] == "href" and not value.strip().startswith("#"):
                found.append(f"href={value!r}")
            elif key.rsplit(" ", 1)[-1] == "style" or "(" in value:
                hit = css_reference(f"x{{{key.rsplit(' ', 1)[-1]}:{value}}}", fragments=True)
                if hit is not None:
                    found.append(hit[1])

    def end(name: str) -> None:
        nonlocal in_style
        if name.rsplit(" ", 1)[-1] == "style":
            in_style -= 1

    def text(data: str) -> None:
        if in_style:
            style_text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = lambda *args: found.append("<!DOCTYPE>")
    parser.EntityDeclHandler = lambda *args: found.append("<!ENTITY>")
    parser.ProcessingInstructionHandler = (
        lambda target, data: found.append(f"<?{target}?>") if target == "xml-stylesheet" else None
    )
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        return f"malformed XML: {exc}"
    hit = css_reference("".join(style_text), fragments=True)
    if hit is not None:
        found.append(hit[1])
    return found[0] if found else None


def read_logo(path: Path) -> bytes:
    """The logo's bytes; `UserError` if it is unreadable, not what its suffix
    says, or (SVG) would load another file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(str(path), f"cannot read layout.logo: {exc.strerror}",
                        "check the file") from exc
    if path.suffix.lower() == ".png" and not data.startswith(PNG_SIGNATURE):
        raise UserError(str(path), "layout.logo is not a PNG image", "give a PNG or SVG file")
    if path.suffix.lower() == ".svg":
        found = svg_reference(data)
        if found is not None:
            raise UserError(str(path), f"layout.logo cannot be used ({found})",
                            "use an SVG that holds everything it draws, or a PNG")
    return data


def logo_data_uri(path: Path) -> str:
    """The logo as a data: URI, so the standalone HTML references no file.

    A browser shows an SVG given to <img> without running its scripts or
    loading what it references.
    """
    encoded = base64.b64encode(read_logo(path)).decode("ascii")
    return f"data:{LOGO_TYPES[path.suffix.lower()]};base64,{encoded}"


def render_html(
    brief: Brief, *, standalone: bool, options: RenderOptions = RenderOptions()
) -> str:
    """The brief as HTML.

    `standalone=True` is the HTML output format: one file with its CSS inlined
    and no external reference (no web fonts: it names the same typefaces and
    falls back to the reader's serif and sans-serif); the outline's stylesheet
    is inlined and its logo is a data: URI. `standalone=False` is the input
    for WeasyPrint: it adds the print stylesheet and @font-face rules whose
    relative URLs resolve inside `styles/` through `StylesFetcher`, and links
    the outline's logo and stylesheet by file: URL, which only that fetcher
    serves.
    """
    check_brief(brief)
    user_css = stylesheet_url = logo_src = None
    if options.stylesheet is not None:
        css = read_user_stylesheet(options.stylesheet)
        if standalone:
            user_css = style_element_text(css)
        else:
            stylesheet_url = options.stylesheet.resolve().as_uri()
    if options.logo is not None:
        if standalone:
            logo_src = logo_data_uri(options.logo)
        else:
            read_logo(options.logo)
            logo_src = options.logo.resolve().as_uri()
    template = template_environment().get_template(TEMPLATE_NAME)
    return template.render(
        brief=brief,
        standalone=standalone,
        user_css=user_css,
        stylesheet_url=stylesheet_url,
        logo_src=logo_src,
        logo_alt=LOGO_ALT,
        page_size=PAGE_SIZES[brief.page_size],
        sections=tuple(section_view(section) for section in brief.sections),
        display_date=display_date(brief.date),
        meta_date=metadata_date(brief.date),
        figures=method_figures(brief.method),
        source_details=source_details,
        source_anchor=source_anchor,
        unnamed_speaker=unnamed_speaker,
        cue_carries_meaning=cue_carries_meaning,
        more_sources_text=more_sources_text,
    )


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


class URLRefused(ValueError):
    """A URL the renderer will not fetch (outside `styles/`, or not a file)."""


def resolve_styles_url(
    url: str, root: Path = STYLES_DIR, files: Iterable[Path] = ()
) -> Path:
    """Map a file: URL to a regular file inside `root`, or to one of `files`,
    or raise `URLRefused`.

    The path is resolved (following symlinks) before the containment check,
    so neither `..` segments nor a symlink pointing out of `root` can reach
    other files. `files` are allowed one by one, by their resolved path: a
    file beside them is refused.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        raise URLRefused(f"refusing to fetch {url!r}: only files in styles/ are served")
    if parts.netloc not in ("", "localhost"):
        raise URLRefused(f"refusing to fetch {url!r}: remote file host")
    base = root.resolve()
    try:
        path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise URLRefused(f"refusing to fetch {url!r}: {exc}") from exc
    allowed = {Path(file).resolve() for file in files}
    if not (path.is_relative_to(base) or path in allowed) or not path.is_file():
        raise URLRefused(f"refusing to fetch {url!r}: not a file inside {base}")
    return path


def make_url_fetcher(root: Path = STYLES_DIR, files: Iterable[Path] = ()) -> Any:
    """A WeasyPrint URL fetcher serving only files inside `root`, plus the
    exact `files` given (the outline's logo and stylesheet).

    Every failure is fatal to the render (`fail_on_errors=True`): the only
    URLs in the document are our own stylesheets and fonts and the outline's
    logo and stylesheet, so a failed fetch means a broken install or a user
    file that tries to load something else, and a PDF silently set in
    fallback fonts or missing a part would hide it.
    """
    # Imported here, not at module level: weasyprint takes over half a second
    # to import and the JSON/Markdown/HTML renderers do not need it.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    served = tuple(Path(file).resolve() for file in files)

    class StylesFetcher(URLFetcher):
        """Serves files below `root` and `served`; refuses the network and
        everything else."""

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = resolve_styles_url(url, root, served)
            content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), {"Content-Type": content_type}
            )

    return StylesFetcher(allowed_protocols=("file",), fail_on_errors=True)


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


def link_labels(brief: Brief) -> dict[str, str]:
    """What each internal link target is, for the links' /Contents in
    tagged PDFs (WeasyPrint would use the bare anchor, e.g. "src-3")."""
    labels = {section_anchor(section): section.title for section in brief.sections}
    labels.update({"method": "Method", "sources": "Sources", "contents": "Contents"})
    for source in brief.sources:
        title = f": {source.title}" if source.title else ""
        labels[source_anchor(source.n)] = f"Source {source.n}{title}"
    return labels


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
    of `styles/` (fonts, CSS), this module's code and the typesetting packages'
    versions. Equal digests give byte-identical PDFs (rendering is deterministic)."""
    digest = hashlib.sha256(b"brief-pdf\0")
    for package in TYPESETTING_PACKAGES:
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}=none\0".encode())
    digest.update(Path(__file__).read_bytes())
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


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


def item_json(item: Item) -> dict[str, Any]:
    """One item in contract key order (`score` is internal and left out)."""
    return {
        "text": item.text,
        "doc": item.doc,
        "start": item.start,
        "end": item.end,
        "citations": list(item.citations),
        "more_sources": item.more_sources,
        "speaker": item.speaker,
        "speaker_role": item.speaker_role,
        "actor": item.actor,
        "cue": item.cue,
        "act": item.act,
    }


def section_json(section: Section) -> dict[str, Any]:
    """One section in contract key order."""
    return {
        "kind": section.kind,
        "id": section.id,
        "title": section.title,
        "note": section.note,
        "items": [item_json(item) for item in section.items],
    }


def source_json(source: Source) -> dict[str, Any]:
    """One source list entry in contract key order."""
    return {
        "n": source.n,
        "doc": source.doc,
        "path": source.path,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "date": source.date,
        "url": source.url,
    }


def method_json(method: MethodNote) -> dict[str, Any]:
    """The method note's figures; `date_range` is [earliest, latest] or null."""
    return {
        "articles": method.articles,
        "sentences": method.sentences,
        "boilerplate_sentences": method.boilerplate_sentences,
        "words": method.words,
        "date_range": list(method.date_range) if method.date_range else None,
        "text": method.text,
    }


def brief_json(brief: Brief) -> dict[str, Any]:
    """The whole JSON contract as plain data, keys in contract order."""
    return {
        "title": brief.title,
        "subtitle": brief.subtitle,
        "date": brief.date,
        "sections": [section_json(section) for section in brief.sections],
        "sources": [source_json(source) for source in brief.sources],
        "method": method_json(brief.method),
    }


def render_json(brief: Brief) -> str:
    """The brief as JSON: contract key order (readable, not sorted), 2-space
    indent, non-ASCII kept as is, trailing newline."""
    check_brief(brief)
    return json.dumps(brief_json(brief), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """Corpus text made inert in Markdown, on one line.

    Backslash-escapes the characters that start links, images, raw HTML,
    entities, emphasis, code, headings and tables, and collapses whitespace
    runs (line breaks included) to one space, as HTML does, so a sentence
    cannot open a new block: a heading, a list, an indented code block.
    """
    return MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_citations(item: Item) -> str:
    """' [1] [3]': safe unescaped, since escaped corpus text cannot define
    a Markdown link reference that would turn them into links."""
    more = f" {more_sources_text(item.more_sources)}" if item.more_sources else ""
    return "".join(f" [{n}]" for n in item.citations) + more


def more_sources_text(count: int) -> str:
    """What stands for the sources an item does not list (select.MAX_CITATIONS)."""
    return f"and {count:,} more source{'s' if count != 1 else ''}"


def md_item(item: Item, by_speaker: bool) -> str:
    """One bullet: the cue where it carries meaning (actor sections, as in the PDF),
    the sentence, the resolved speaker when the text does not name them (theme
    sections), its citations."""
    cue = f"*{md_escape(item.cue or '')}:* " if by_speaker and cue_carries_meaning(item.cue) \
        else ""
    who = None if by_speaker else unnamed_speaker(item)
    who_text = f" ({md_escape(who)})" if who else ""
    return f"- {cue}{md_escape(item.text)}{who_text}{md_citations(item)}"


def md_speaker(group: SpeakerGroup) -> str:
    """Lead-in line for a speaker group: '**Name**, role'."""
    line = f"**{md_escape(group.speaker or 'Unattributed')}**"
    if group.speaker_role:
        line += f", {md_escape(group.speaker_role)}"
    return line


def md_section(section: Section) -> list[str]:
    """Heading, then items (under speaker lead-ins for actor sections) or the note."""
    lines = [f"## {md_escape(section.title)}", ""]
    if not section.items:
        return lines + [f"*{md_escape(section.note)}*" if section.note else "*No items.*", ""]
    view = section_view(section)
    for group in view.groups:
        if view.by_speaker:
            lines += [md_speaker(group), ""]
        lines += [md_item(item, view.by_speaker) for item in group.items] + [""]
    return lines


def md_source(source: Source) -> str:
    """'- [n] Title. Outlet, Author, Date. URL (file: path)', empty parts left out."""
    parts = [f"- [{source.n}]"]
    if source.title:
        parts.append(f"*{md_escape(source.title)}*.")
    details = source_details(source)
    if details:
        parts.append(md_escape(", ".join(details)) + ".")
    if source.url:
        parts.append(md_escape(source.url))
    if source.path:
        parts.append(f"(file: {md_escape(source.path)})")
    return " ".join(parts)


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown: title block, sections, method note, sources."""
    check_brief(brief)
    lines = [f"# {md_escape(brief.title)}", ""]
    if brief.subtitle:
        lines += [f"*{md_escape(brief.subtitle)}*", ""]
    parts = (display_date(brief.date), brief.marking)
    dateline = " · ".join(md_escape(part) for part in parts if part)
    if dateline:
        lines += [dateline, ""]
    for section in brief.sections:
        lines += md_section(section)
    lines += ["## Method", "", md_escape("; ".join(method_figures(brief.method))) + "."]
    if brief.method.text:
        lines += ["", md_escape(brief.method.text)]
    lines += ["", "## Sources", ""]
    lines += [md_source(source) for source in brief.sources] or ["*No sources.*"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Dispatcher
# --------------------------------------------------------------------------


def render(brief: Brief, fmt: str, options: RenderOptions = RenderOptions(),
           store: PdfStore | None = None) -> bytes:
    """The brief in format `fmt` (one of `rendered_formats`), encoded UTF-8.

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
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(rendered_formats)}")
