"""HTML: the Jinja2 environment, the template rendered from the view model,
and the outline's stylesheet and logo, read and checked to load no other file.

Corpus text is untrusted: item text, speaker names and source metadata come
from scraped articles, so the template is rendered with autoescaping and
nothing from the corpus is ever marked safe.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..errors import UserError
from ..files import read_regular
from ..models import Brief, Chart
from ..timex import shown_date
from .assets import STYLES_DIR
from .charts import chart_svg
from .dates import display_date, metadata_date
from .options import LOGO_TYPES, RenderOptions
from .view import (
    PAGE_SIZES,
    UNTITLED,
    check_brief,
    copies_text,
    item_pieces,
    method_figures,
    more_sources_text,
    section_view,
    short_date,
    shown_stance,
    source_anchor,
    source_details,
    stance_legend,
    unnamed_speaker,
)

# Template of the whole document, shared by the HTML and PDF outputs.
TEMPLATE_NAME = "brief.html.j2"

# What every PNG file starts with.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Alternative text of the logo (PDF/UA requires one for every image).
LOGO_ALT = "Logo"

# CSS functions that make a renderer load a file. A user stylesheet using any
# of them (or @import) is refused: the standalone HTML must stay one file and
# the PDF renderer fetches nothing but styles/ and the configured logo.
CSS_LOADING_FUNCTIONS = frozenset(
    {"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade", "element"}
)


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
        if kind == "url" and not (fragments and node.value.startswith("#")):
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


# A logo or stylesheet larger than this is not one (the demo's are a few KB).
MAX_LAYOUT_FILE_BYTES = 5 * 1024 * 1024


def read_user_stylesheet(path: Path) -> str:
    """The outline's stylesheet as text; `UserError` if it cannot be used.

    It must be UTF-8 and load no other file (no @import, no url()): the
    standalone HTML stays one file and the PDF renderer fetches nothing else.
    """
    try:
        css = read_regular(path, MAX_LAYOUT_FILE_BYTES).decode("utf-8-sig")
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
        data = read_regular(path, MAX_LAYOUT_FILE_BYTES)
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
        copies_text=copies_text,
        untitled=UNTITLED,
        source_anchor=source_anchor,
        unnamed_speaker=unnamed_speaker,
        item_pieces=item_pieces,
        shown_stance=shown_stance,
        stance_legend=stance_legend(brief),
        citation_dates=brief.citation_dates,
        short_date=short_date,
        chart_markup=chart_markup,
        event_date=shown_date,
        more_sources_text=more_sources_text,
    )


def chart_markup(chart: Chart, index: int) -> Markup:
    """A chart's SVG for the template: markup built by `charts.chart_svg`, which escapes
    every value it takes from the corpus or the outline."""
    return Markup(chart_svg(chart, index))

