"""Tests for pipeline.render: contracts, escaping, and the PDF as printed.

The briefs here are made by hand so the renderers are tested on their own,
including hostile corpus text: markup, ampersands, quotes and a token far
longer than a line. PDF tests are marked slow; the PDFs they share are
rendered once per module.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import types
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from pipeline.models import Brief, Insertion, Item, MethodNote, Section, Source
from pipeline.render import (
    STYLES_DIR,
    RenderError,
    URLRefused,
    make_url_fetcher,
    metadata_date,
    render,
    render_html,
    render_json,
    render_markdown,
    render_pdf,
    rendered_formats,
    resolve_styles_url,
)

SCRIPT = "<script>alert(1)</script>"
LONG_TOKEN = "x" * 300  # wider than any line: must wrap, not overflow or vanish

JSON_TOP_KEYS = ["schema_version", "title", "subtitle", "date", "sections", "sources", "method"]
JSON_SECTION_KEYS = ["kind", "id", "title", "note", "items"]
JSON_ITEM_KEYS = [
    "text",
    "doc",
    "start",
    "end",
    "citations",
    "more_sources",
    "speaker",
    "speaker_id",
    "speaker_role",
    "actor",
    "cue",
    "stance",
    "act",
    "published",
    "insertions",
]
JSON_SOURCE_KEYS = ["n", "doc", "path", "title", "outlet", "author", "date", "url", "fetched", "kind",
                    "metadata_from", "copies"]

A4_PT = (595.28, 841.89)
LETTER_PT = (612.0, 792.0)
PT_TOLERANCE = 1.0


def make_brief(**changes: object) -> Brief:
    """A small brief touching every section kind and every escaping hazard."""
    key_points = Section(
        kind="key_points",
        id="key_points",
        title="Key points",
        items=(
            Item(
                text="Islamabad denied sheltering the leadership & said the claims were "
                "\"baseless\" and 'politically motivated'.",
                doc="ap",
                start=0,
                end=90,
                citations=(1, 2),
            ),
            Item(
                text=f"A post read {SCRIPT} before it was removed.",
                doc="rferl",
                start=10,
                end=60,
                citations=(2,),
            ),
        ),
    )
    theme = Section(
        kind="theme",
        id="border",
        title="The border and the Durand Line",
        items=(
            Item(
                text=f"Fighters crossed near Chaman, the report said, citing {LONG_TOKEN} logs.",
                doc="ap",
                start=100,
                end=450,
                citations=(1,),
            ),
        ),
        query="border crossings, the Durand Line, the fence",
    )
    empty_theme = Section(
        kind="theme",
        id="finance",
        title="Finances and donations",
        items=(),
        query="donations, money",
        note="No sentence in the corpus matched this theme.",
    )
    actors = Section(
        kind="actor",
        id="pakistani_officials",
        title="Pakistani officials",
        items=(
            Item(
                text="Pakistan has no favourites in Afghanistan, the foreign minister said.",
                doc="ap",
                start=500,
                end=570,
                citations=(1,),
                speaker="Shah Mahmood Qureshi",
                speaker_role="Foreign Minister",
                actor="pakistani_officials",
                cue="said",
                stance="says",
            ),
            Item(
                text="Qureshi denied that Taliban fighters were treated in Pakistani hospitals.",
                doc="ap",
                start=600,
                end=675,
                citations=(1, 2),
                speaker="Shah Mahmood Qureshi",
                speaker_role="Foreign Minister",
                actor="pakistani_officials",
                cue="denied",
                stance="denies",
                published="2021-07-20",
            ),
            Item(
                text="The army warned that the fence would be completed this year.",
                doc="rferl",
                start=700,
                end=760,
                citations=(2,),
                speaker="Babar Iftikhar",
                speaker_role="army spokesman",
                actor="pakistani_officials",
                cue="warned",
                stance="warns",
                insertions=(Insertion(61, "2021", "date", "2021"),),
            ),
        ),
    )
    sources = (
        Source(
            n=1,
            doc="ap",
            path="corpus/ap.txt",
            title="As the Taliban notches win after win, some blame Pakistan",
            outlet="Associated Press",
            author="Kathy Gannon",
            date="2021-07-20",
            url="https://example.org/ap/taliban-pakistan",
        ),
        Source(
            n=2,
            doc="rferl",
            path="corpus/rferl.txt",
            title="Pakistani support base bolsters Taliban",
            outlet="RFE/RL",
            author="",
            date="",
            url="",
        ),
    )
    method = MethodNote(
        articles=2,
        sentences=140,
        boilerplate_sentences=12,
        words=3456,
        date_range=("2021-07-20", "2021-07-20"),
        text="Sentences were ranked by similarity to each theme's query and quoted verbatim.",
    )
    brief = Brief(
        title="Pakistan and the Afghan Taliban",
        subtitle="Sanctuary, pressure & blowback",
        date="2026-11-21",
        marking="UNCLASSIFIED // FOR TRAINING",
        page_size="A4",
        sections=(key_points, theme, empty_theme, actors),
        sources=sources,
        method=method,
        generator="brief 0.1.0",
    )
    return dataclasses.replace(brief, **changes)


def all_items(brief: Brief) -> list[Item]:
    return [item for section in brief.sections for item in section.items]


def squash(text: str) -> str:
    """Remove all whitespace: PDF extraction breaks lines wherever it likes."""
    return re.sub(r"\s+", "", text)


class _Anchors(HTMLParser):
    """Collects element ids, href values and <script> start tags."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])
        if tag == "script":
            self.scripts += 1


def parse_html(html: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(html)
    return parser


# ---------------------------------------------------------------- JSON


def test_json_has_exactly_the_contract_keys_in_order() -> None:
    data = json.loads(render_json(make_brief()))
    assert list(data) == JSON_TOP_KEYS
    assert [list(section) for section in data["sections"]] == [JSON_SECTION_KEYS] * 4
    for section in data["sections"]:
        for item in section["items"]:
            assert list(item) == JSON_ITEM_KEYS
    assert [list(source) for source in data["sources"]] == [JSON_SOURCE_KEYS] * 2
    assert data["method"]["date_range"] == ["2021-07-20", "2021-07-20"]


def test_json_round_trips_items_and_nulls() -> None:
    brief = make_brief()
    data = json.loads(render_json(brief))
    for section, section_data in zip(brief.sections, data["sections"], strict=True):
        assert section_data["id"] == section.id
        assert section_data["note"] == section.note
        rebuilt = tuple(
            Item(**{**item, "citations": tuple(item["citations"]),
                    "insertions": tuple(Insertion(**i) for i in item["insertions"])})
            for item in section_data["items"]
        )
        assert rebuilt == section.items  # score is internal and defaults to 0.0
    key_point = data["sections"][0]["items"][0]
    assert key_point["speaker"] is None and key_point["cue"] is None


def test_json_is_utf8_indented_deterministic_with_trailing_newline() -> None:
    brief = make_brief(title="Pakistan – “Taliban”")
    text = render_json(brief)
    assert "“Taliban”" in text  # not \u escapes
    assert text.endswith("}\n") and '\n  "title"' in text
    assert text == render_json(make_brief(title="Pakistan – “Taliban”"))
    assert render(brief, "json") == text.encode("utf-8")


# ---------------------------------------------------------------- Markdown


def test_markdown_contains_items_citations_speakers_and_sources() -> None:
    md = render_markdown(make_brief())
    assert md.startswith("# Pakistan and the Afghan Taliban\n")
    assert "Pakistan has no favourites in Afghanistan, the foreign minister said. [1]" in md
    assert "hospitals. [1] [2]" in md
    assert "**Shah Mahmood Qureshi**, Foreign Minister" in md
    assert md.count("**Shah Mahmood Qureshi**") == 1  # once per speaker group
    assert "*denies:*" in md
    assert "No sentence in the corpus matched this theme." in md
    assert "- [2] *Pakistani support base bolsters Taliban*. RFE/RL." in md
    assert LONG_TOKEN in md
    assert md.endswith("\n")


def test_markdown_escapes_corpus_markup() -> None:
    md = render_markdown(make_brief())
    assert SCRIPT not in md and "<script>" not in md
    assert r"\<script\>alert(1)\</script\>" in md
    assert r"leadership \& said" in md
    brief = make_brief(
        sections=(
            Section(
                kind="theme",
                id="t",
                title="T",
                items=(
                    Item(
                        text="[click](http://evil) *bold*\n# heading\n\n     code",
                        doc="d",
                        start=0,
                        end=1,
                        citations=(1,),
                    ),
                ),
            ),
        )
    )
    line = next(line for line in render_markdown(brief).splitlines() if "click" in line)
    assert line == r"- \[click\](http://evil) \*bold\* \# heading code [1]"


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize("standalone", [True, False])
def test_html_escapes_item_text(standalone: bool) -> None:
    html = render_html(make_brief(), standalone=standalone)
    assert "<script" not in html.lower()
    assert parse_html(html).scripts == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "leadership &amp; said" in html
    assert LONG_TOKEN in html


def test_standalone_html_is_self_contained() -> None:
    html = render_html(make_brief(), standalone=True)
    for pattern in (r'href="http', r"src=", r"url\(", r"<link", r"@import", r"@font-face"):
        assert not re.search(pattern, html, re.IGNORECASE), pattern
    assert "<style>" in html and "--serif" in html


def test_print_html_references_only_relative_style_files() -> None:
    html = render_html(make_brief(), standalone=False)
    urls = re.findall(r"url\(([^)]*)\)", html)
    assert urls and all(url.startswith("fonts/") for url in urls)
    for url in urls:
        assert (STYLES_DIR / url).is_file(), url
    assert "size: A4;" in html
    assert "size: letter;" in render_html(make_brief(page_size="Letter"), standalone=False)


def test_citations_link_to_existing_source_anchors() -> None:
    brief = make_brief()
    parsed = parse_html(render_html(brief, standalone=True))
    cite_targets = [href for href in parsed.hrefs if href.startswith("#src-")]
    expected = [n for item in all_items(brief) for n in item.citations]
    assert cite_targets == [f"#src-{n}" for n in expected]
    assert {"src-1", "src-2"} <= parsed.ids
    for href in parsed.hrefs:
        assert href.startswith("#") and href[1:] in parsed.ids, href


def test_speaker_lead_in_once_per_group_with_cues() -> None:
    html = render_html(make_brief(), standalone=True)
    assert html.count("Shah Mahmood Qureshi") == 1
    lead_in = 'class="speaker">Babar Iftikhar<span class="sep"> · </span><span class="role">army'
    assert lead_in in html
    # Neutral cues ("said") carry no meaning and are not shown; denials and warnings are.
    assert re.findall(r'<li class="item"><span class="stance">(\w+)<', html) == ["denies",
                                                                                "warns"]
    # the Method section's legend explains the labels the brief shows, and only those
    assert re.findall(r'<dt><span class="stance">(\w+)<', html) == ["denies", "warns"]


def test_empty_section_shows_note_and_none_is_never_printed() -> None:
    html = render_html(make_brief(), standalone=True)
    assert '<p class="note">No sentence in the corpus matched this theme.</p>' in html
    assert "None" not in html


def test_html_metadata_and_date_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    html = render_html(make_brief(), standalone=False)
    assert "<title>Pakistan and the Afghan Taliban</title>" in html
    assert '<meta name="author" content="brief 0.1.0">' in html
    assert '<meta name="description" content="Sanctuary, pressure &amp; blowback">' in html
    assert '<meta name="dcterms.created" content="2026-11-21">' in html
    assert "21 November 2026" in html
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert metadata_date("") == "1980-01-01"
    assert metadata_date("2021-02-30") == "1980-01-01"  # not a real day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert metadata_date("") == "2023-11-14T22:13:20Z"
    assert '"dcterms.modified" content="2023-11-14T22:13:20Z"' in render_html(
        make_brief(date=""), standalone=False
    )


def test_inconsistent_briefs_are_refused() -> None:
    with pytest.raises(RenderError, match="page size"):
        render_html(make_brief(page_size="A5"), standalone=True)
    first, second = make_brief().sources
    renumbered = (first, dataclasses.replace(second, n=3))
    with pytest.raises(RenderError, match=r"source\(s\) \[2\] missing"):
        render_html(make_brief(sources=renumbered), standalone=True)
    with pytest.raises(RenderError, match="duplicate source number 1"):
        render_html(make_brief(sources=(first, first)), standalone=True)


def test_dispatcher_covers_every_format() -> None:
    brief = make_brief()
    assert rendered_formats == ("pdf", "html", "json", "md", "docx")
    assert render(brief, "html") == render_html(brief, standalone=True).encode("utf-8")
    assert render(brief, "md") == render_markdown(brief).encode("utf-8")
    assert render(brief, "docx")[:2] == b"PK"  # a ZIP package
    with pytest.raises(ValueError, match="unknown format"):
        render(brief, "odt")


# ---------------------------------------------------------------- URL fetcher


def test_fetcher_serves_styles_files_only(tmp_path: Path) -> None:
    fetcher = make_url_fetcher()
    css = STYLES_DIR / "brief.css"
    response = fetcher.fetch(css.as_uri())
    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"
    for url in (
        "http://127.0.0.1:9/x.css",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        (STYLES_DIR / ".." / "pyproject.toml").as_uri().replace("styles/../", "styles/%2E%2E/"),
        STYLES_DIR.as_uri() + "/../pyproject.toml",
        "data:text/css,body{}",
        STYLES_DIR.as_uri() + "/missing.css",
    ):
        with pytest.raises(URLRefused):
            fetcher.fetch(url)


def test_fetcher_refuses_symlinks_escaping_the_root(tmp_path: Path) -> None:
    root = tmp_path / "styles"
    root.mkdir()
    (root / "ok.css").write_text("p{}")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "link.css").symlink_to(secret)
    assert resolve_styles_url((root / "ok.css").as_uri(), root) == (root / "ok.css").resolve()
    with pytest.raises(URLRefused):
        resolve_styles_url((root / "link.css").as_uri(), root)


# ---------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return render_pdf(make_brief())


@pytest.fixture(scope="module")
def pdf(pdf_bytes: bytes):
    return pypdf.PdfReader(io.BytesIO(pdf_bytes))


def _outline_titles(outline: list) -> list[str]:
    titles: list[str] = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _outline_titles(entry)
        else:
            titles.append(entry.title)
    return titles


def _fonts(reader) -> dict:
    """Every font dict used by any page, by indirect reference."""
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            fonts[ref.idnum] = ref.get_object()
    return fonts


def _descriptor(font) -> dict:
    if "/FontDescriptor" in font:
        return font["/FontDescriptor"].get_object()
    return font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()


@pytest.mark.slow
def test_pdf_contains_every_item_and_page_numbers(pdf) -> None:
    text = squash("".join(page.extract_text() for page in pdf.pages))
    for item in all_items(make_brief()):
        assert squash(item.text) in text, item.text[:40]
    pages = len(pdf.pages)
    assert f"Page1of{pages}" in text and f"Page{pages}of{pages}" in text
    assert "UNCLASSIFIED//FORTRAINING" in text
    assert "Nosentenceinthecorpusmatchedthistheme." in text


@pytest.mark.slow
def test_pdf_bookmarks_and_metadata(pdf) -> None:
    titles = _outline_titles(pdf.outline)
    for section in make_brief().sections:
        assert section.title in titles
    assert {"Method", "Sources"} <= set(titles)
    assert "Shah Mahmood Qureshi" not in titles
    assert pdf.metadata.title == "Pakistan and the Afghan Taliban"
    assert pdf.metadata.author == "brief 0.1.0"
    assert pdf.metadata["/CreationDate"].startswith("D:20261121")


@pytest.mark.slow
def test_pdf_fonts_are_shipped_embedded_and_subset(pdf) -> None:
    fonts = _fonts(pdf)
    assert fonts
    names = set()
    for font in fonts.values():
        descriptor = _descriptor(font)
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
        name = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), name
        names.add(name.split("+", 1)[1])
    # Only the shipped faces (named by fonts.css), no system fallback.
    assert names == {
        "Brief-Serif",
        "Brief-Serif-Italic",
        "Brief-Sans",
        "Brief-Sans-Semi-Bold",
        "Brief-Sans-Bold",
    }


@pytest.mark.slow
def test_pdf_page_sizes(pdf) -> None:
    box = pdf.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_PT, abs=PT_TOLERANCE)
    letter = pypdf.PdfReader(io.BytesIO(render_pdf(make_brief(page_size="Letter"))))
    box = letter.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(LETTER_PT, abs=PT_TOLERANCE)


@pytest.mark.slow
def test_pdf_fails_loudly_when_a_style_file_cannot_be_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.render.pdf as pdf_module

    real_fetcher = pdf_module.make_url_fetcher
    # A fetcher rooted in an empty folder refuses the fonts the template asks for.
    monkeypatch.setattr(
        pdf_module, "make_url_fetcher", lambda **kwargs: real_fetcher(tmp_path, **kwargs)
    )
    with pytest.raises(RenderError, match="PDF rendering failed"):
        render_pdf(make_brief())


@pytest.mark.slow
def test_pdf_is_byte_identical_across_renders(
    pdf_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fontTools.misc import timeTools

    # Another clock and another SOURCE_DATE_EPOCH must not change a byte:
    # fontTools stamps subset fonts with one or the other.
    monkeypatch.setattr(timeTools, "time", types.SimpleNamespace(time=lambda: 2_000_000_000.0))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert render(make_brief(), "pdf") == pdf_bytes
    assert os.environ["SOURCE_DATE_EPOCH"] == "1234567890"  # restored after the render
    assert b"/ID" in pdf_bytes


def test_render_theme_item_shows_speaker_only_when_text_does_not_name_them():
    from pipeline.render import unnamed_speaker

    he = Item(text="“We are fencing this border,” he said.", doc="a", start=0, end=38,
              citations=(1,), speaker="Mir Ziaullah Langove")
    named = Item(text="Langove denied that fighters cross.", doc="a", start=0, end=35,
                 citations=(1,), speaker="Mir Ziaullah Langove")
    group = Item(text="While analysts say leverage is overstated, it is real.", doc="a",
                 start=0, end=53, citations=(1,), speaker="analysts")
    assert unnamed_speaker(he) == "Mir Ziaullah Langove"
    assert unnamed_speaker(named) is None and unnamed_speaker(group) is None


# ---------------------------------------------------------------- print polish
#
# Checked on WeasyPrint's laid-out boxes (no PDF written): text stays inside
# the text block, no heading or speaker lead-in ends a page, no citation
# starts a line, items are set at 10pt or more. Each check is also shown to
# catch the fault it looks for, by a stylesheet that provokes it.

PX_PER_PT = 96 / 72
LAYOUT_EPSILON = 0.5  # CSS px


def make_stress_brief(page_size: str = "A4") -> Brief:
    """Long words and URLs, a long title and caveat, many citations on one
    item, a theme with no items, a 30-item actor section, long source entries,
    and items of every length around a line's end."""
    words = ["Pakistani", "officials", "said", "the", "border", "fence", "at", "Chaman", "would", "be", "finished", "before", "winter", "while", "analysts", "warned", "that", "militants", "crossed", "freely", "near", "Torkham"]

    def sentence(n: int, seed: int) -> str:
        return " ".join(words[(seed + i) % len(words)] for i in range(n)) + "."

    url = "https://www.example.org/news/2021/08/13/pakistan-taliban-border-" + "x" * 80 + ".html"
    stress = (
        Item(text=f"The report was posted at {url} and removed.", doc="ap", start=0, end=1,
             citations=(1, 2, 3, 4, 5)),
        Item(text="Supercalifragilisticexpialidocious" * 5 + " was the word.", doc="ap", start=0,
             end=1, citations=tuple(range(1, 13))),
        Item(text=f"{LONG_TOKEN}", doc="ap", start=0, end=1, citations=tuple(range(1, 13))),
        Item(text="“We are fencing this border,” he said.", doc="ap", start=0, end=1,
             citations=(3, 4), speaker="Mir Ziaullah Langove"),
    )
    sweep = tuple(
        Item(text=sentence(n, n), doc="ap", start=0, end=1, citations=(1 + n % 12,))
        for n in range(6, 40)
    )
    speakers = (
        ("Shah Mahmood Qureshi", "Foreign Minister"),
        ("A senior Pakistani security official who spoke on condition of anonymity because "
         "he was not authorised to speak to reporters", "security official"),
        ("Imran Khan", "Prime Minister of Pakistan and chairman of the Tehreek-e-Insaf party"),
    )
    actor_items = tuple(
        Item(text=sentence(8 + (k * 7) % 25, k), doc="ap", start=0, end=1,
             citations=(1 + k % 12, 1 + (k + 5) % 12), speaker=speakers[k // 10][0],
             speaker_role=speakers[k // 10][1], actor="pak", cue=("said", "denied", "told")[k % 3])
        for k in range(30)
    )
    sections = (
        Section("key_points", "key_points", "Key points", sweep[:5] + stress[:2]),
        Section("theme", "long", "A theme whose title is long enough to wrap onto a second "
                "line of the page at either paper size, or nearly", stress + sweep, query="q"),
        Section("theme", "empty", "A theme with nothing", (), query="q",
                note="No sentence in the corpus matched this theme."),
        Section("actor", "pak", "Pakistani officials", actor_items),
    )
    sources = tuple(
        Source(n=n, doc=f"d{n}", path=f"corpus/{'long-folder-name/' * 4}article-{n}-{'y' * 60}.txt",
               title="A long source title about Pakistan, the Taliban and the border "
               * (1 + n % 2),
               outlet="Outlet", author="Author", date="2021-07-20", url=url if n % 3 == 0 else "")
        for n in range(1, 13)
    )
    return make_brief(
        title="A very long brief title that goes on about Pakistan, the Afghan Taliban, the "
        "border, sanctuary, blowback and everything else in the region",
        marking="UNCLASSIFIED // FOR TRAINING // NOT FOR DISTRIBUTION OUTSIDE THE DEPARTMENT",
        page_size=page_size,
        sections=sections,
        sources=sources,
    )


def make_headings_brief(page_size: str = "A4", shift: int = 0) -> Brief:
    """Many short sections and speaker groups: some heading lands near every
    position on the page, the bottom included. `shift` more sections of one
    item at the start move every later heading down the pages."""
    sections = [
        Section("theme", f"lead{n}", f"Lead {n}", (Item(text=f"Lead item {n}.", doc="ap",
                start=0, end=1, citations=(1,)),))
        for n in range(shift)
    ]
    for s in range(36):
        kind = "actor" if s % 2 else "theme"
        items = tuple(
            Item(
                text=f"Marker s{s}k{k} " + "the fence at Chaman was closed by officials " * (
                    1 + (s + k) % 4) + "today.",
                doc="ap", start=0, end=1, citations=(1,),
                speaker=f"Speaker {s}-{k // 2}" if kind == "actor" else None,
                speaker_role="official" if kind == "actor" else None,
                cue="said" if kind == "actor" else None,
            )
            for k in range(1 + s % 4)
        )
        sections.append(Section(kind, f"s{s}", f"Section {s} title", items))
    return make_brief(page_size=page_size, sections=tuple(sections))


def layout(brief: Brief, css: str | None = None, tmp_path: Path | None = None) -> list:
    """WeasyPrint's laid-out pages of the print HTML (with optional extra CSS)."""
    import weasyprint

    from pipeline.render import RenderOptions

    options = RenderOptions()
    if css is not None:
        assert tmp_path is not None
        sheet = tmp_path / "provoke.css"
        sheet.write_text(css, encoding="utf-8")
        options = RenderOptions(stylesheet=sheet)
    html = render_html(brief, standalone=False, options=options)
    document = weasyprint.HTML(
        string=html,
        base_url=STYLES_DIR.as_uri() + "/",
        url_fetcher=make_url_fetcher(files=options.served_files()),
    ).render()
    return document.pages


def _walk(box, ancestors=()):
    """(box, ancestors) for every box of a page's body, margin boxes left out."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return
    yield box, ancestors
    for child in getattr(box, "children", ()):
        yield from _walk(child, (*ancestors, box))


def _text_leaves(box, ancestors=()):
    from weasyprint.formatting_structure import boxes

    for leaf, chain in _walk(box, ancestors):
        if isinstance(leaf, boxes.TextBox) and leaf.text.strip():
            yield leaf, chain


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def overflowing_text(pages) -> list[str]:
    """Text that reaches outside the page's text block: a text box beyond its
    left or right edge, or a line below its bottom."""
    from weasyprint.formatting_structure import boxes

    problems = []
    for number, page in enumerate(pages, 1):
        page_box = page._page_box
        left, right = page_box.content_box_x(), page_box.content_box_x() + page_box.width
        bottom = page_box.content_box_y() + page_box.height
        for leaf, _ in _text_leaves(page_box):
            x0, x1 = leaf.position_x, leaf.position_x + leaf.width
            if x0 < left - LAYOUT_EPSILON or x1 > right + LAYOUT_EPSILON:
                problems.append(f"page {number}: {leaf.text[:40]!r} at x {x0:.0f}-{x1:.0f}")
        for line, _ in _walk(page_box):
            if isinstance(line, boxes.LineBox) and line.position_y + line.height > (
                    bottom + LAYOUT_EPSILON):
                end = line.position_y + line.height
                problems.append(f"page {number}: a line ends at y {end:.0f}")
    return problems


def stranded_headings(pages) -> list[str]:
    """Pages whose last text is a heading or speaker lead-in."""
    problems = []
    for number, page in enumerate(pages[:-1], 1):
        leaves = list(_text_leaves(page._page_box))
        if not leaves:
            continue
        leaf, chain = leaves[-1]
        if any(getattr(box, "element_tag", None) in ("h1", "h2", "h3") for box in chain):
            problems.append(f"page {number} ends with heading {leaf.text!r}")
    return problems


def orphaned_citations(pages) -> list[str]:
    """Lines whose first text is a citation."""
    from weasyprint.formatting_structure import boxes

    problems = []
    for number, page in enumerate(pages, 1):
        for line, chain in _walk(page._page_box):
            if not isinstance(line, boxes.LineBox):
                continue
            leaves = list(_text_leaves(line, chain))
            if not leaves:
                continue
            first, first_chain = leaves[0]
            if any("cites" in _classes(box) for box in (*first_chain, first)):
                problems.append(f"page {number}: a line starts with {first.text!r}")
    return problems


def small_item_text(pages) -> list[str]:
    """Item sentences set below 10pt."""
    problems = []
    for number, page in enumerate(pages, 1):
        for leaf, chain in _text_leaves(page._page_box):
            if any("text" in _classes(box) for box in chain):
                size = leaf.style["font_size"] / PX_PER_PT
                if size < 10 - 1e-6:
                    problems.append(f"page {number}: {leaf.text[:30]!r} at {size:.2f}pt")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_stress_brief_is_set_cleanly(page_size: str) -> None:
    pages = layout(make_stress_brief(page_size))
    assert len(pages) >= 4
    assert overflowing_text(pages) == []
    assert stranded_headings(pages) == []
    assert orphaned_citations(pages) == []
    assert small_item_text(pages) == []


@pytest.mark.slow
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("shift", [1, 3])  # without break-after: avoid, both strand headings
def test_no_heading_or_lead_in_ends_a_page(page_size: str, shift: int) -> None:
    pages = layout(make_headings_brief(page_size, shift))
    assert len(pages) >= 5
    assert stranded_headings(pages) == []
    assert orphaned_citations(pages) == []


@pytest.mark.slow
def test_print_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    stress, headings = make_stress_brief(), make_headings_brief("A4", 1)
    assert overflowing_text(layout(stress, "html, h1, h2, h3, .url, .path "
                                   "{ overflow-wrap: normal }", tmp_path))
    assert stranded_headings(layout(headings, "h1, h2, h3 { break-after: auto !important }",
                                    tmp_path))
    assert orphaned_citations(layout(stress, 'li.item .text::after { content: "\\A"; '
                                     "white-space: pre }", tmp_path))
    assert small_item_text(layout(stress, "li.item { font-size: 9pt }", tmp_path))


def test_render_markdown_shows_meaningful_cues_in_actor_sections_only():
    from pipeline.render import render_markdown

    said = Item(text="The fence is nearly done, officials said.", doc="a", start=0, end=41,
                citations=(1,), speaker="officials", cue="said", actor="pak", stance="says")
    denied = Item(text="Langove denied that fighters cross the border.", doc="a", start=50,
                  end=96, citations=(1,), speaker="Mir Ziaullah Langove", cue="denied",
                  actor="pak", stance="denies")
    brief = Brief(
        title="T", subtitle="", date="", marking="", page_size="A4",
        sections=(Section(kind="theme", id="t", title="Theme", items=(denied,)),
                  Section(kind="actor", id="pak", title="Pakistani officials",
                          items=(said, denied))),
        sources=(Source(n=1, doc="a", path="a.txt", title="A", outlet="", author="", date="",
                        url=""),),
        method=MethodNote(articles=1, sentences=2, boilerplate_sentences=0, words=15,
                          date_range=None, text="m"))
    text = render_markdown(brief)
    assert text.count("*denies:*") == 1 and "*says:*" not in text
