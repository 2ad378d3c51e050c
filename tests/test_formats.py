"""Ingest of mixed formats (issue 13): detection by content, web pages, PDFs, Word files,
metadata precedence and dates, headlines, copies, `brief extract`, and the example corpus
examples/kessan-drought checked against its README.

Fixtures are made at test time in tmp_path (pages written by hand, PDFs by WeasyPrint,
Word files by python-docx), never committed as binaries. Where the layout of a made PDF
matters (a word broken at a line end, a paragraph cut by a page break), the test first
checks with pdfminer that the file really has that shape, so that it cannot pass on a
file that does not exercise the case.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.ingest import ingest
from pipeline.ingest.dates import parse_date
from pipeline.ingest.describe import Description, describe
from pipeline.outline import load_outline

from .conftest import REPO, file_text, run_cli

EXAMPLES = REPO / "examples"
EXAMPLE_OUTLINE = EXAMPLES / "kessan-drought.yaml"
EXAMPLE_CORPUS = EXAMPLES / "kessan-drought"
FONTS_BASE = REPO.as_uri() + "/"  # made PDFs embed the fonts of styles/fonts/


# --------------------------------------------------------------------------
# Fixture makers: realistic files written at test time


def _ingest(outline_path: Path):
    loaded = load_outline(outline_path)
    return ingest(loaded.corpus_dir, loaded.folder, str(outline_path))


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=FONTS_BASE).write_pdf()


def _docx(blocks: list[tuple[str, Any]], author: str | None = None,
          created: dt.datetime | None = None, title: str | None = None) -> bytes:
    """A Word file: ("p", text), ("title", text) or ("table", rows) in order."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(value, style="Title" if kind == "title" else None)
    core = document.core_properties
    if author is not None:
        core.author = author
    if created is not None:
        core.created = created
    if title is not None:
        core.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}</body></html>\n")


def _block_of(text: str, snippet: str) -> str:
    """The blank-line-separated block of `text` that holds `snippet`."""
    return next(block for block in text.rstrip("\n").split("\n\n") if snippet in block)


# Article bodies reused below: enough prose for trafilatura to find a main text.
GAZETTE_PARAGRAPHS = (
    "Two of the four pumps that lift water from the Old Harbour intake failed on Wednesday "
    "afternoon, the Kessan Water Authority said, as the temperature in the city reached 38 "
    "degrees for the first time in April.",
    "Engineers worked through the night to restore one of the pumps, and the authority said "
    "supply to the northern districts would run at reduced pressure until the second was "
    "repaired, which it expected by Friday.",
    "“We are running the network on half of its lifting capacity in the hottest week we have "
    "ever recorded in spring,” said Helena Marsk, the authority's managing director.",
    "Residents in Saltmarket and Old Harbour reported low pressure from early evening, and "
    "the authority opened six standpipes in the two districts.",
    "The city council will meet on Monday to decide whether to bring forward the next stage "
    "of restrictions, which would cut supply for eight hours a night instead of six.",
)
GAZETTE_TITLE = "Harbour pumps fail as Kessan heat breaks records"
GAZETTE_URL = "https://gazette.example/2026/04/02/harbour-pumps-fail"
GAZETTE_OG = (
    f'<meta property="og:title" content="{GAZETTE_TITLE}">'
    '<meta property="og:site_name" content="The Orva Gazette">'
    f'<meta property="og:url" content="{GAZETTE_URL}">'
    '<meta property="og:type" content="article">'
    '<meta property="article:author" content="Maren Holt">'
    '<meta property="article:published_time" content="2026-04-02T07:15:00+02:00">'
    '<meta property="article:modified_time" content="2026-04-03T21:00:00+02:00">'
)
GAZETTE_JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    f'"@type": "NewsArticle", "headline": "{GAZETTE_TITLE}", "url": "{GAZETTE_URL}", '
    '"author": {"@type": "Person", "name": "Maren Holt"}, '
    '"datePublished": "2026-04-02T07:15:00+02:00", '
    '"dateModified": "2026-04-03T21:00:00+02:00", '
    '"publisher": {"@type": "Organization", "name": "The Orva Gazette"}}</script>'
)
GAZETTE_BOILERPLATE = (
    "We use cookies to improve your experience", "Accept all cookies", "Subscribe today",
    "Farmers march on Aldmoor over irrigation cut", "Related stories",
    "All rights reserved", "Privacy policy", "Sign up for our morning newsletter",
)


def _gazette_page(head: str) -> str:
    """A whole saved article page: cookie banner, navigation, the article, related
    links, a newsletter box and a footer around it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in GAZETTE_PARAGRAPHS)
    return _page(
        '<div id="cookie-banner" class="consent"><p>We use cookies to improve your '
        "experience. By continuing to browse you accept our cookie policy.</p>"
        "<button>Accept all cookies</button></div>"
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a>'
        "</li></ul></nav></header>"
        f'<main><article><h1>{GAZETTE_TITLE}</h1><p class="byline">By Maren Holt</p>'
        f"{paragraphs}</article>"
        '<aside class="related"><h2>Related stories</h2><ul>'
        '<li><a href="/a">Farmers march on Aldmoor over irrigation cut</a></li>'
        '<li><a href="/b">Reservoir falls below thirty percent for the first time</a></li>'
        "</ul></aside>"
        '<div class="newsletter"><p>Sign up for our morning newsletter</p></div></main>'
        "<footer><p>© 2026 The Orva Gazette. All rights reserved.</p>"
        '<p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p>'
        "</footer>",
        head=f"<title>{GAZETTE_TITLE} | The Orva Gazette</title>{head}")


# --------------------------------------------------------------------------
# Detection by content: the bytes decide what a file is, and every file not read
# is said to be skipped, with the reason when its name promised a type brief reads.

OLE_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def _xlsx() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def test_formats_detection_by_content_reads_misnamed_files_and_lists_the_skipped(make_corpus):
    pdf = _pdf(_page("<h1>Water report</h1><p>The reservoir held 29 percent of its "
                     "capacity on Sunday, the lowest level since it was filled.</p>"))
    outline = make_corpus({
        "page.txt": _gazette_page(GAZETTE_OG),  # a saved page under a .txt name
        "report.txt": pdf,
        "memo": _docx([("p", "The authority will extend the night-time supply cuts to "
                              "the eastern districts from Monday, its director said.")]),
        "chart.png": PNG_BYTES,
        "levels.csv": "date,percent\n2026-03-02,31\n2026-03-09,30\n",
        "old-minutes.doc": OLE_BYTES,
        "old-statement.docx": OLE_BYTES,  # a .doc renamed .docx
        "photo.txt": PNG_BYTES,
        "levels.xlsx": _xlsx(),
        "sheet.docx": _xlsx(),
    })
    corpus = _ingest(outline)
    assert {a.doc: a.kind for a in corpus.articles} == {
        "page": "html", "report": "pdf", "memo": "docx"}
    page = next(a for a in corpus.articles if a.doc == "page")
    assert "<" not in page.text and GAZETTE_PARAGRAPHS[0] in page.text  # never briefed as markup
    warnings = "\n".join(corpus.warnings)
    folder = outline.parent / "corpus"
    # what a misnamed file was read as, naming it
    assert f"{folder / 'page.txt'}: read as a web page (HTML), which its content is, " \
           "though named .txt" in warnings
    assert f"{folder / 'report.txt'}: read as a PDF, which its content is, though named .txt" \
        in warnings
    assert f"{folder / 'memo'}: read as a Word file (DOCX), which its content is, though " \
           "without a suffix" in warnings
    # a name that promised a type brief reads: skipped with what the file really is
    assert f"{folder / 'old-statement.docx'}: an older Office file (.doc, .xls or .ppt); " \
           "save it as .docx or .pdf, skipped" in warnings
    assert f"{folder / 'photo.txt'}: an image, skipped" in warnings
    assert f"{folder / 'sheet.docx'}: a spreadsheet (.xlsx), skipped" in warnings
    # other types: listed by suffix, never silently ignored
    for suffix, name in ((".csv", "levels.csv"), (".doc", "old-minutes.doc"),
                         (".png", "chart.png"), (".xlsx", "levels.xlsx")):
        assert f"1 {suffix} file skipped ({name}): not a type brief reads" in warnings


# --------------------------------------------------------------------------
# Web pages: the article without the page around it, metadata from the page's tags,
# and nothing fetched or run.


@pytest.mark.parametrize("head", [GAZETTE_OG + GAZETTE_JSON_LD, GAZETTE_OG],
                         ids=["og-and-json-ld", "og-only"])
def test_formats_html_main_text_without_boilerplate_and_metadata_from_tags(tmp_path, head):
    found = describe(_write(tmp_path, "gazette.html", _gazette_page(head)))
    assert found.kind == "html"
    for paragraph in GAZETTE_PARAGRAPHS:
        assert _block_of(found.text, paragraph[:40]) == paragraph  # whole, one block each
    for debris in GAZETTE_BOILERPLATE:
        assert debris not in found.text, debris
    assert found.text.split("\n\n")[0] == GAZETTE_TITLE  # the h1, filed as the title
    meta = found.meta
    # the date is the day published, not the day modified (2026-04-03)
    assert (meta.title, meta.author, meta.outlet, meta.date, meta.url) == (
        GAZETTE_TITLE, "Maren Holt", "The Orva Gazette", "2026-04-02", GAZETTE_URL)
    assert dict(meta.origins) == dict.fromkeys(("title", "author", "outlet", "date", "url"),
                                               "page metadata")


def test_formats_html_metadata_from_json_ld_alone(tmp_path):
    meta = describe(_write(tmp_path, "ld.html", _gazette_page(GAZETTE_JSON_LD))).meta
    assert (meta.title, meta.author, meta.outlet, meta.date) == (
        GAZETTE_TITLE, "Maren Holt", "The Orva Gazette", "2026-04-02")


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "the url of a page that states it only in JSON-LD (`\"url\"` of the NewsArticle, no "
    "og:url or canonical link) is not found: trafilatura reads the URL from <link "
    "rel=canonical> and og:url only"))
def test_formats_html_url_from_json_ld_alone(tmp_path):
    meta = describe(_write(tmp_path, "ld.html", _gazette_page(GAZETTE_JSON_LD))).meta
    assert meta.url == GAZETTE_URL


class _NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch) -> Iterator[list[str]]:
    """Every attempt to open a connection or look up a name is recorded and refused."""
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args!r}")
            raise _NetworkUsed(f"network used: {what}")
        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == []


def test_formats_html_page_is_read_without_fetching_or_running_anything(tmp_path, no_network):
    secret = _write(tmp_path, "secret.txt", "LOCAL-FILE-CANARY: the contents of a local file\n")
    head = (GAZETTE_OG
            + '<link rel="stylesheet" href="https://cdn.gazette.example/site.css">'
            + f'<link rel="stylesheet" href="{secret.as_uri()}">'
            + '<script src="https://ads.tracker.example/tag.js"></script>'
            + "<script>var SCRIPT_CANARY = 'inline script text';"
              "document.write('<p>SCRIPT-WRITTEN paragraph about the water cuts</p>');</script>")
    page = _gazette_page(head).replace(
        f"<p>{GAZETTE_PARAGRAPHS[1]}</p>",
        f"<p>{GAZETTE_PARAGRAPHS[1]}</p>"
        '<figure><img src="https://images.gazette.example/pumps.jpg" alt="Pumps at the '
        f'intake"><img src="{secret.as_uri()}" alt=""></figure>'
        '<iframe src="https://video.gazette.example/embed/pumps"></iframe>'
        f'<iframe src="{secret.as_uri()}"></iframe>'
        f'<object data="{secret.as_uri()}"></object>'
        f'<p>Read the <a href="{secret.as_uri()}">full statement</a> and the '
        '<a href="https://kwa.example/statement">authority notice</a>.</p>'
        "<script>console.log('SCRIPT_CANARY second');</script>")
    found = describe(_write(tmp_path, "page.html", page))
    assert GAZETTE_PARAGRAPHS[1] in found.text and GAZETTE_PARAGRAPHS[2] in found.text
    everything = found.text + repr(found.meta)
    for canary in ("SCRIPT_CANARY", "SCRIPT-WRITTEN", "document.write", "LOCAL-FILE-CANARY"):
        assert canary not in everything, canary
    assert no_network == []


# --------------------------------------------------------------------------
# PDFs: a WeasyPrint document with the furniture of print (a running header that
# repeats the title, a footer line, page numbers), words hyphenated at line ends
# (`hyphens: auto`, which WeasyPrint marks with U+2010) and paragraphs cut by page
# breaks. The break is forced between two halves of one paragraph, so it lands at a
# known word whatever the fonts do.

PDF_TITLE = "Reservoir at record low as drought deepens"
PDF_HEADER_RIGHT = "Orva Basin Bulletin No. 4"
PDF_FOOTER = "Halvern Institute for Water Policy, Aldmoor"
PDF_CSS = f"""
@font-face {{ font-family: S; src: url("styles/fonts/CharisSIL-Regular.ttf"); }}
@page {{ size: A5; margin: 20mm 18mm;
  @top-left {{ content: "{PDF_TITLE}"; font: 8pt S; }}
  @top-right {{ content: "{PDF_HEADER_RIGHT}"; font: 8pt S; }}
  @bottom-left {{ content: "{PDF_FOOTER}"; font: 8pt S; }}
  @bottom-right {{ content: counter(page); font: 8pt S; }}
}}
html {{ font: 10.5pt/1.4 S; }}
h1 {{ font-size: 22pt; line-height: 1.2; }}
p {{ margin: 0 0 3mm; text-align: justify; hyphens: auto; }}
.next {{ break-before: page; }}
"""
PDF_PAGE_ONE = (
    "Brannock Reservoir held 29 percent of its capacity on Sunday, the lowest level since "
    "it was filled in 1971, and hydrologists expect it to fall by a further percentage point "
    "each week until the autumn rains.",
    "The provincial government extended its drought emergency order to the end of September, "
    "keeping the 40 percent cut to irrigation allocations and the restrictions on industrial "
    "licences that took effect on 16 March.",
    "Irrigation districts downstream of the weir reported that their members had already "
    "left a fifth of their registered land unplanted, and that orchard growers were "
    "prioritising the youngest trees.",
)
PDF_PAGE_TWO = (
    "Environmental organisations questioned whether the minimum flow set for the lower "
    "river would protect the spawning grounds, which depend on cool water reaching the "
    "estuary in early summer.",
    "Hydrologists at the university said that groundwater levels under the eastern terraces "
    "had fallen by almost two metres since the autumn, a decline they described as "
    "unprecedented in the monitoring record.",
)
# One paragraph, cut by a page break after "would be"; it goes on in lower case.
PDF_ACROSS = (
    "Officials said that the pumping station on the lower river would run only at night "
    "while the flow stayed below its summer mark, and that the engineers who kept it going "
    "would be",
    "moved from the northern works to the southern intake for as long as the drought "
    "lasted, while the irrigation districts would be told each morning how much water they "
    "could take before noon.",
)
# One sentence, cut by a page break before a name.
PDF_ACROSS_NAME = (
    "The order was signed on Friday by the provincial water minister,",
    "Oskar Brandvold, who told the legislature that every user of the river would have to "
    "carry part of the burden.",
)
PDF_LAST = "The ministry will publish its next assessment of the basin in the first week of April."


def _bulletin_html() -> str:
    def paragraphs(texts: tuple[str, ...]) -> str:
        return "".join(f"<p>{t}</p>" for t in texts)

    return _page(
        f"<h1>{PDF_TITLE}</h1>{paragraphs(PDF_PAGE_ONE)}"
        f'<p>{PDF_ACROSS[0]}</p><p class="next">{PDF_ACROSS[1]}</p>'
        f'{paragraphs(PDF_PAGE_TWO)}<p>{PDF_ACROSS_NAME[0]}</p>'
        f'<p class="next">{PDF_ACROSS_NAME[1]}</p><p>{PDF_LAST}</p>',
        head=f"<style>{PDF_CSS}</style>")  # no <title>: no title in the document information


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory) -> tuple[list[str], Description]:
    """The three-page bulletin: pdfminer's plain text of each page, and what brief reads."""
    from pdfminer.high_level import extract_text

    path = tmp_path_factory.mktemp("pdf") / "bulletin.pdf"
    path.write_bytes(_pdf(_bulletin_html()))
    pages = [page for page in extract_text(path).split("\f") if page.strip()]
    return pages, describe(path)


def test_formats_pdf_fixture_has_the_shapes_the_pdf_tests_need(bulletin):
    pages, _ = bulletin
    assert len(pages) == 3
    body = []
    for number, page in enumerate(pages, 1):  # furniture on every page
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        furniture = (PDF_TITLE, PDF_HEADER_RIGHT, PDF_FOOTER, str(number))
        assert all(line in lines for line in furniture), (number, lines)
        body.append([line for line in lines if line not in furniture])
    # the page breaks fall inside the paragraph and the sentence the tests below join
    assert body[0][-1].endswith("would be") and body[1][0].startswith("moved from")
    assert body[1][-1].endswith("water minister,") and body[2][0].startswith("Oskar Brandvold,")
    assert re.search(r"\w‐\n\w", pages[0])  # words broken at line ends with U+2010


def test_formats_pdf_running_headers_footers_and_page_numbers_are_left_out(bulletin):
    _, found = bulletin
    assert found.kind == "pdf"
    assert found.text.count(PDF_TITLE) == 1  # the headline, not the running header
    assert found.text.startswith(PDF_TITLE + "\n\n")
    assert PDF_HEADER_RIGHT not in found.text and PDF_FOOTER not in found.text
    blocks = found.text.rstrip("\n").split("\n\n")
    assert not any(re.fullmatch(r"\d{1,3}", block.strip()) for block in blocks)
    assert found.notes == ("12 running header, footer and page-number lines left out",)
    assert blocks[-1] == PDF_LAST


def test_formats_pdf_words_broken_at_line_ends_are_joined(bulletin):
    pages, found = bulletin
    broken = re.findall(r"(\w+)‐\n(\w+)", "\f".join(pages))
    assert len(broken) >= 3
    for head, tail in broken:
        assert re.search(rf"\b{head}{tail}\b", found.text), (head, tail)
    assert "‐" not in found.text and "\u00ad" not in found.text
    for paragraph in PDF_PAGE_ONE + PDF_PAGE_TWO:
        assert paragraph in found.text


def test_formats_pdf_paragraph_across_a_page_break_is_one_block(bulletin):
    _, found = bulletin
    paragraph = f"{PDF_ACROSS[0]} {PDF_ACROSS[1]}"
    assert _block_of(found.text, "pumping station") == paragraph


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "pdf.py joins a paragraph cut by a page or column break only when the next part "
    "starts in lower case: a sentence cut before a name ('... the provincial water "
    "minister,' | 'Oskar Brandvold, who told ...') stays two blocks, so the sentence is "
    "split in two and either half can be quoted alone"))
def test_formats_pdf_sentence_cut_before_a_name_is_one_block(bulletin):
    _, found = bulletin
    assert _block_of(found.text, "water minister,") == " ".join(PDF_ACROSS_NAME)


def test_formats_pdf_title_is_the_largest_type_on_the_first_page(bulletin):
    _, found = bulletin
    assert found.meta.title == PDF_TITLE
    assert dict(found.meta.origins)["title"] == "PDF first page (largest type)"
    titled = [s for s in found.sentences if s.reason == "title"]
    assert [s.text for s in titled] == [PDF_TITLE]


# --------------------------------------------------------------------------
# Word files: the Title paragraph, the core properties, tables as " | " rows.

KWA_BODY = ("The authority will extend the night-time supply cuts to the eastern districts "
            "from Monday, its managing director said on Sunday.")
KWA_TITLE = "Night-time cuts extended to the eastern districts"


def test_formats_docx_title_style_core_properties_and_table_rows(tmp_path):
    data = _docx([
        ("p", "Kessan Water Authority · Statement"),
        ("title", KWA_TITLE),
        ("p", KWA_BODY),
        ("table", [["District", "Cut starts", "Cut ends"],
                   ["Saltmarket", "22:00", "04:00"],
                   ["Old Harbour", "23:00", "05:00"]]),
        ("p", "Hospitals and care homes remain exempt from the cuts."),
    ], author="Helena Marsk", created=dt.datetime(2026, 3, 9, 6, 45, tzinfo=dt.timezone.utc),
        title="Draft statement v3")
    found = describe(_write(tmp_path, "kwa.docx", data))
    assert found.kind == "docx"
    assert found.text.rstrip("\n").split("\n\n") == [
        "Kessan Water Authority · Statement", KWA_TITLE, KWA_BODY,
        "District | Cut starts | Cut ends", "Saltmarket | 22:00 | 04:00",
        "Old Harbour | 23:00 | 05:00",
        "Hospitals and care homes remain exempt from the cuts."]
    meta = found.meta
    # the printed headline beats the properties' title; author and day from the properties
    assert (meta.title, meta.author, meta.date) == (KWA_TITLE, "Helena Marsk", "2026-03-09")
    assert dict(meta.origins) == {"title": "DOCX Title paragraph",
                                  "author": "DOCX core properties",
                                  "date": "DOCX core properties"}
    assert [s.text for s in found.sentences if s.reason == "title"] == [KWA_TITLE]


def test_formats_docx_table_row_keeps_equal_cells(tmp_path):
    data = _docx([("p", KWA_BODY), ("table", [["District", "Cut starts", "Supply back"],
                                              ["Old Harbour", "22:00", "22:00"]])])
    assert "Old Harbour | 22:00 | 22:00" in describe(_write(tmp_path, "t.docx", data)).text


def test_formats_docx_merged_cell_is_written_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(KWA_BODY)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Stage 3 schedule"
    for c, value in enumerate(["Saltmarket", "22:00", "04:00"]):
        table.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    blocks = describe(path).text.rstrip("\n").split("\n\n")
    assert blocks[1:3] == ["Stage 3 schedule", "Saltmarket | 22:00 | 04:00"]


def test_formats_docx_template_placeholder_author_is_not_used(tmp_path):
    meta = describe(_write(tmp_path, "plain.docx", _docx([("p", KWA_BODY)]))).meta
    assert meta.author != "python-docx"


# --------------------------------------------------------------------------
# Metadata precedence: sources.yaml > the file's own metadata > the text; each field
# says where it came from, and `brief extract` reports what a build uses.

WIRE_LEAD = ("KESSAN, April 2 (Meridian News Agency) - Two of the four pumps that lift water "
             "from the Old Harbour intake failed on Wednesday, the Kessan Water Authority said.")


def _precedence_corpus(make_corpus) -> Path:
    """A page whose title sources.yaml restates, whose author its tags and its byline
    both name, and whose outlet only its wire dateline gives."""
    paragraphs = "".join(f"<p>{p}</p>" for p in (WIRE_LEAD, *GAZETTE_PARAGRAPHS[1:]))
    page = _page(f'<article><h1>{GAZETTE_TITLE}</h1><p class="byline">By Someone Else</p>'
                 f"{paragraphs}</article>",
                 head='<meta property="og:title" content="Page title from the tags">'
                      '<meta name="author" content="Maren Holt">'
                      '<meta property="article:published_time" content="2026-04-02">')
    return make_corpus(
        {"pumps.html": page},
        outline="title: T\ncorpus: corpus\nactors: []\nthemes:\n"
                "  - {id: pumps, title: Pumps, query: pumps intake water authority}\n",
        metadata='pumps.html:\n  title: "Pumps fail at Old Harbour"\n')


def test_formats_metadata_precedence_and_brief_extract_json_says_from_where(make_corpus):
    outline = _precedence_corpus(make_corpus)
    code, out, err = run_cli("extract", "--format", "json", str(outline.parent / "corpus/pumps.html"))
    assert code == 0, err
    [entry] = json.loads(out)
    assert entry["metadata"] == {
        "title": {"value": "Pumps fail at Old Harbour", "from": "sources.yaml"},
        "author": {"value": "Maren Holt", "from": "page metadata"},
        "outlet": {"value": "Meridian News Agency", "from": "text: wire dateline"},
        "date": {"value": "2026-04-02", "from": "page metadata"},
    }
    # a build gives the source the same values from the same places
    target = outline.parent / "out" / "b.json"
    code, _, err = run_cli("build", str(outline), "--format", "json", "-o", str(target),
                           "--no-cache", "-q")
    assert code == 0, err
    [source] = json.loads(target.read_text(encoding="utf-8"))["sources"]
    for key, value in entry["metadata"].items():
        assert (source[key], source["metadata_from"][key]) == (value["value"], value["from"])


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "describe() (`brief extract`) reads only the sources.yaml beside the file: for a file "
    "in a subfolder of the corpus (entry `news/a.txt` in the corpus's sources.yaml) it "
    "misses what a build applies, and reports the text's title instead"))
def test_formats_extract_of_a_file_in_a_subfolder_uses_the_corpus_sources_yaml(make_corpus):
    outline = make_corpus({}, metadata='news/a.txt:\n  title: "Given title"\n')
    _write(outline.parent / "corpus", "news/a.txt", "A first line here\n\nThe council met on "
           "Monday to discuss the water cuts in the northern districts.\n")
    assert _ingest(outline).articles[0].meta.title == "Given title"  # what a build uses
    assert describe(outline.parent / "corpus/news/a.txt").meta.title == "Given title"


@pytest.mark.parametrize("value, problem", [
    ("next Tuesday", "not a date in a form brief reads"),
    ("06/05/1998", "ambiguous: day 6 of month 5, or month 6 day 5"),
    ("2026-02-30", "no such day"),
])
def test_formats_unusable_date_in_sources_yaml_is_a_warning_and_not_used(make_corpus, value,
                                                                          problem):
    outline = make_corpus({"a.txt": "The council met on Monday to discuss the water cuts.\n"},
                          metadata=f'a.txt:\n  outlet: "Kessan Courier"\n  date: "{value}"\n')
    corpus = _ingest(outline)
    meta = corpus.articles[0].meta
    assert meta.date == "" and "date" not in dict(meta.origins)
    assert meta.outlet == "Kessan Courier"  # the rest of the entry still holds
    sources = outline.parent / "corpus" / "sources.yaml"
    [warning] = corpus.warnings
    assert warning.startswith(f"{sources}:")  # the file, and the entry's line
    assert warning.endswith(f": a.txt.date '{value}' is not used: {problem}; write it as "
                            "YYYY-MM-DD")
    # brief extract says so too, and finds no date either
    found = describe(outline.parent / "corpus" / "a.txt")
    assert found.meta.date == "" and any("a.txt.date" in w and problem in w
                                         for w in found.warnings)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "a date in sources.yaml that is not used is reported at the line of the file's entry "
    "(`a.txt:`), not at the line of its `date:` key, unlike sources.yaml's other errors "
    "(an unknown key, a value of the wrong type), which name the key's own line"))
def test_formats_unusable_date_in_sources_yaml_names_the_date_line(make_corpus):
    outline = make_corpus({"a.txt": "The council met on Monday to discuss the water cuts.\n"},
                          metadata='a.txt:\n  outlet: "Kessan Courier"\n  date: "next Tuesday"\n')
    [warning] = _ingest(outline).warnings
    assert warning.startswith(f"{outline.parent / 'corpus' / 'sources.yaml'}:3: a.txt.date ")


@pytest.mark.parametrize("value, iso", [
    ("13/05/1998", "1998-05-13"),  # day first: 13 is no month
    ("05/13/1998", "1998-05-13"),  # month first (US)
    ("05/05/1998", "1998-05-05"),  # both readings are one day
    ("13.05.1998", "1998-05-13"),
    ("06/05/1998", ""),  # 6 May or June 5: refused
    ("12/11/2020", ""),
])
def test_formats_numeric_dates_are_read_only_when_they_name_one_day(value, iso):
    parsed = parse_date(value)
    assert parsed.iso == iso
    assert bool(parsed.problem) == (not iso)
    if not iso:
        assert parsed.problem.startswith("ambiguous")


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "an ambiguous numeric date in a page's tags (article:published_time '06/05/1998') is "
    "guessed silently as 1998-05-06 by htmldate inside trafilatura, which hands html.py an "
    "ISO date; dates.py, which refuses such dates, never sees the original"))
def test_formats_ambiguous_date_in_page_tags_is_not_guessed(tmp_path):
    head = (f'<meta property="og:title" content="{GAZETTE_TITLE}">'
            '<meta property="article:published_time" content="06/05/1998">')
    meta = describe(_write(tmp_path, "old.html", _gazette_page(head))).meta
    assert meta.date == ""


# --------------------------------------------------------------------------
# Headlines: a headline that ends with a full stop is still the title (and never a
# statement), while a wire story's lead is never taken for one.

STOPPED_HEADLINE = "Growers' leader: night cuts 'will empty the orchards'."
STOPPED_ARTICLE = (
    f"{STOPPED_HEADLINE}\nBy Tove Lind\nPublished April 2, 2026\n\n"
    "The leader of the Orva growers' association said on Wednesday that the city's "
    "night-time water cuts would leave the orchards on the eastern terraces without "
    "water by June.\n\n"
    "\"If the pumps stop at ten every night, the trees will not last the summer,\" said "
    "Hanna Vos, who grows apples near Tarrow.\n\n"
    "The city says the cuts apply only to household supply and that farms draw their "
    "water from the river under separate licences.\n"
)
POLNEAR_LIKE = (
    "Harlow: transit chief acted as 'judge and jury' on the depot.\n\n"
    "Former council leader Mina Harlow said on Tuesday that the transit chief "
    "had acted as \"judge and jury\" when he declined to fund the new depot.\n\n"
    "\"He is not the one who gets to decide,\" Harlow told reporters in Kessan.\n"
)
DUC_LIKE = (
    "JERUSALEM, April 11 (Xinhua) -- A senior U.S. official said here Saturday that "
    "Washington would press Israel and the Palestinians to resume talks soon.\n\n"
    "The official, who asked not to be named, told reporters that the United States "
    "expected both sides to return to the table within weeks.\n\n"
    "Israeli Prime Minister Benjamin Netanyahu met the U.S. envoy for three hours on "
    "Friday, according to his office.\n"
)


def test_formats_stopped_headline_above_a_byline_is_the_title(tmp_path):
    found = describe(_write(tmp_path, "growers.txt", STOPPED_ARTICLE))
    meta = found.meta
    assert (meta.title, meta.author, meta.date) == (
        STOPPED_HEADLINE.rstrip("."), "Tove Lind", "2026-04-02")
    assert dict(meta.origins) == {"title": "text: headline", "author": "text: byline",
                                  "date": "text: date line"}
    assert [(s.text, s.reason) for s in found.sentences[:3]] == [
        (STOPPED_HEADLINE, "title"), ("By Tove Lind", "byline"),
        ("Published April 2, 2026", "dateline")]


def test_formats_stopped_headline_is_never_an_item(make_corpus, tmp_path):
    # the theme's query is the headline's own words: were it body text, it would be chosen
    outline = make_corpus(
        {"growers.txt": STOPPED_ARTICLE},
        outline="title: T\ncorpus: corpus\nactors: []\nthemes:\n  - {id: orchards, title: "
                "Orchards, query: \"growers leader night cuts will empty the orchards\"}\n")
    target = tmp_path / "out" / "b.json"
    code, _, err = run_cli("build", str(outline), "--format", "json", "-o", str(target),
                           "--no-cache", "-q")
    assert code == 0, err
    data = json.loads(target.read_text(encoding="utf-8"))
    items = [i["text"] for s in data["sections"] for i in s["items"]]
    assert items  # the section is filled, from the body
    assert not any("empty the orchards" in text or "Tove Lind" in text for text in items)
    assert data["sources"][0]["title"] == STOPPED_HEADLINE.rstrip(".")


def test_formats_polnear_like_labelled_headline_is_the_title(tmp_path):
    found = describe(_write(tmp_path, "polnear.txt", POLNEAR_LIKE))
    assert found.meta.title == "Harlow: transit chief acted as 'judge and jury' on the depot"
    assert (found.sentences[0].reason, found.sentences[1].boilerplate) == ("title", False)


@pytest.mark.parametrize("text", [
    DUC_LIKE,
    # a lead short enough to look like a headline, standing alone above the body
    "JERUSALEM, April 11 (Xinhua) -- Israel and the PLO resumed talks on Sunday.\n\n"
    + DUC_LIKE.split("\n\n", 1)[1],
], ids=["long-lead", "short-lead"])
def test_formats_duc_like_wire_lead_is_not_a_title_and_names_the_agency(tmp_path, text):
    found = describe(_write(tmp_path, "duc.txt", text))
    assert found.meta.title == ""
    assert (found.meta.outlet, dict(found.meta.origins)["outlet"]) == (
        "Xinhua News Agency", "text: wire dateline")
    lead = found.sentences[0]
    assert lead.text.startswith("JERUSALEM, April 11 (Xinhua) --")
    assert not lead.boilerplate  # the lead is body text, a candidate item


# --------------------------------------------------------------------------
# Copies: a wire story re-sent with a new first line is one source with its copy,
# never two sources corroborating each other; another outlet quoting the same words
# is a second source.

WIRE_STORY = (
    "KESSAN, March 3 (Meridian News Agency) - The city of Kessan will cut its water "
    "supply for six hours every night from March 9, officials said on Tuesday, after the "
    "Brannock Reservoir fell to 31 percent of its capacity.\n\n"
    "\"We are asking every household in Kessan to do something difficult,\" Mayor Annika "
    "Sorell told reporters at City Hall.\n\n"
    "The reservoir supplies about 80 percent of the city's drinking water. Rainfall in the "
    "Orva basin has been 41 percent of normal since October, the driest winter in 62 years "
    "of records.\n\n"
    "Households will be asked to keep to 120 litres per person a day, against 164 litres "
    "last year. Fines for breaking the rules will reach 2,000 crowns.\n\n"
    "(Reporting by Kasia Lund; Editing by Martin Obi)\n"
)
WIRE_RESEND = (
    "UPDATES with minister's comments\n\n"
    + WIRE_STORY.replace(
        "(Reporting by",
        "Water Minister Oskar Brandvold said the province would decide on irrigation "
        "cuts for farms along the Orva by Friday.\n\n(Reporting by"))
OTHER_OUTLET = (
    "Kessan mayor pleads for restraint\n\nBy Lena Ostrowski\n\n"
    "\"We are asking every household in Kessan to do something difficult,\" Mayor Annika "
    "Sorell told reporters at City Hall.\n\n"
    "Opposition councillors said the city should have repaired its leaking mains years ago, "
    "and that the night-time cuts punished residents for the authority's failures.\n"
)


def test_formats_copies_fold_into_one_source_and_are_never_cited_twice(make_corpus, tmp_path):
    outline = make_corpus(
        {"wire.txt": WIRE_STORY, "wire-update.txt": WIRE_RESEND, "courier.txt": OTHER_OUTLET},
        outline="title: T\ncorpus: corpus\nactors: []\nthemes:\n"
                "  - {id: cuts, title: Cuts, query: \"household every Kessan difficult "
                "night water supply cut reservoir\"}\n")
    corpus = _ingest(outline)
    assert sorted(a.doc for a in corpus.articles) == ["courier", "wire-update"]
    kept = next(a for a in corpus.articles if a.doc == "wire-update")  # the fuller copy
    assert [c.path for c in kept.copies] == ["corpus/wire.txt"]
    assert corpus.notes == ("corpus/wire-update.txt: the same article as corpus/wire.txt; "
                            "cited once, as corpus/wire-update.txt, with the others listed "
                            "as its copies",)
    target = tmp_path / "out" / "b.json"
    code, _, err = run_cli("build", str(outline), "--format", "json", "-o", str(target),
                           "--no-cache", "-q")
    assert code == 0, err
    data = json.loads(target.read_text(encoding="utf-8"))
    by_path = {s["path"]: s for s in data["sources"]}
    assert "corpus/wire.txt" not in by_path
    assert [c["path"] for c in by_path["corpus/wire-update.txt"]["copies"]] == ["corpus/wire.txt"]
    items = [i for s in data["sections"] for i in s["items"]]
    for item in items:
        assert len(item["citations"]) == len(set(item["citations"])), item
    quote = next(i for i in items if "do something difficult" in i["text"])
    # the wire (once, for both its copies) and the other outlet
    assert sorted(quote["citations"]) == sorted([by_path["corpus/wire-update.txt"]["n"],
                                                 by_path["corpus/courier.txt"]["n"]])


STATEMENT = (
    "The Kessan Water Authority will cut supply to every district for six hours a night "
    "from 9 March. Hospitals, clinics and care homes are exempt. Households are asked to "
    "keep to 120 litres per person a day, and to store drinking water before ten in the "
    "evening. Standpipes will open in Saltmarket and Old Harbour, where pressure is lowest "
    "after the cuts end each morning.\n"
)
REPORT = (
    "Kessan Water Authority: the first week of Stage 3\n\n"
    "The authority published its Stage 3 statement on 6 March. It read in full:\n\n"
    + STATEMENT + "\n"
    "In the first three days of the cuts, consumption fell to 131 litres per person a day, "
    "the authority said, well short of the target but below the 164 litres of last year. "
    "Engineers found that pressure in the higher streets of Saltmarket took more than two "
    "hours to recover after supply resumed, and the authority moved two standpipes to the "
    "upper town on the third night.\n\n"
    "Councillors from the opposition said the city had been warned about its leaking mains "
    "for a decade and that residents were paying for the failure to replace them. The "
    "authority estimates that 27 percent of the water it treats is lost before it reaches "
    "a tap, and says a programme of repairs would take eight years at the present rate of "
    "spending.\n\n"
    "The mayor said on Friday that the city would not lift the cuts before the reservoir "
    "had recovered to at least 40 percent of its capacity, which hydrologists do not expect "
    "before the autumn rains. Businesses in the old town said the night cuts had so far "
    "done little harm to trade, though several cafés had stopped opening for breakfast.\n"
)


@pytest.mark.parametrize("articles", [
    {"wire.txt": WIRE_STORY, "courier.txt": OTHER_OUTLET},  # one paragraph shared
    {"statement.txt": STATEMENT, "report.txt": REPORT},  # quoted whole inside a report
], ids=["shared-paragraph", "quoted-statement"])
def test_formats_a_different_text_sharing_a_passage_is_not_a_copy(make_corpus, articles):
    corpus = _ingest(make_corpus(articles))
    assert len(corpus.articles) == 2
    assert all(a.copies == () for a in corpus.articles) and corpus.notes == ()


# --------------------------------------------------------------------------
# `brief extract`: the text offsets index, and the metadata with its origins.


def test_formats_extract_txt_prints_the_decoded_file(tmp_path):
    path = _write(tmp_path, "a.txt", "\ufeffKessan rations water\r\n\r\nThe city’s "
                                     "reservoir is at 31 percent.\r\n".encode())
    code, out, err = run_cli("extract", str(path))
    assert (code, err) == (0, "")
    assert out == file_text(path) and not out.startswith("\ufeff") and "\r\n" in out
    second = _write(tmp_path, "b.txt", "Second article.\n")
    code, out, _ = run_cli("extract", str(path), str(second))
    assert code == 0
    assert out == f"==> {path} <==\n{file_text(path)}\n==> {second} <==\nSecond article.\n"


def test_formats_extract_json_has_text_sentences_main_text_and_origins(tmp_path):
    path = _write(tmp_path, "growers.txt", STOPPED_ARTICLE)
    target = tmp_path / "out" / "growers.json"
    code, out, err = run_cli("extract", "--format", "json", "-o", str(target), str(path))
    assert (code, out) == (0, ""), err
    [entry] = json.loads(target.read_text(encoding="utf-8"))
    assert set(entry) >= {"path", "kind", "metadata", "text", "sentences", "main_text"}
    assert (entry["path"], entry["kind"], entry["text"]) == (str(path), "text", STOPPED_ARTICLE)
    assert entry["metadata"]["author"] == {"value": "Tove Lind", "from": "text: byline"}
    assert all(set(field) == {"value", "from"} for field in entry["metadata"].values())
    sentences = entry["sentences"]
    ends = [0] + [s["end"] for s in sentences]
    assert all(s["start"] >= end for s, end in zip(sentences, ends))  # in order, apart
    assert [s["boilerplate"] for s in sentences[:4]] == ["title", "byline", "dateline", None]
    kept = [STOPPED_ARTICLE[s["start"]:s["end"]] for s in sentences if s["boilerplate"] is None]
    assert entry["main_text"].split("\n") == [kept[0], kept[1], kept[2]]  # a paragraph a line
    assert "Tove Lind" not in entry["main_text"] and "empty the orchards" not in entry["main_text"]


@pytest.mark.parametrize("make, fragment", [
    (lambda d: d / "missing.txt", "missing.txt: no such file; check the path"),
    (lambda d: d, "a folder; name the files to extract"),
    (lambda d: _write(d, "chart.png", PNG_BYTES), "chart.png: not a type brief reads"),
    (lambda d: _write(d, "photo.txt", PNG_BYTES), "photo.txt: an image, skipped"),
], ids=["missing", "folder", "png", "png-named-txt"])
def test_formats_extract_unreadable_paths_exit_2_with_one_line(tmp_path, make, fragment):
    code, out, err = run_cli("extract", str(make(tmp_path)))
    assert (code, out) == (2, "")
    assert err.startswith("brief: error: ") and err.count("\n") == 1, err
    assert fragment in err and "Traceback" not in err


# --------------------------------------------------------------------------
# An outline whose corpus is a web address: brief reads folders; `brief fetch` downloads.


@pytest.mark.parametrize("command", ["build", "check"])
def test_formats_corpus_url_points_at_brief_fetch(make_corpus, command):
    outline = make_corpus({"a.txt": "Text.\n"},
                          outline="title: T\ncorpus: https://news.example/feed.xml\n")
    code, _, err = run_cli(command, str(outline), "--no-cache")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert f"{outline}:2: `corpus` is a web address (https://news.example/feed.xml)" in err
    assert "brief fetch URL --into FOLDER" in err


# --------------------------------------------------------------------------
# The example corpus: its brief is verbatim at its offsets in the text `brief extract`
# prints, its README's expected metadata is what describe() finds, and the build says
# what it read by content and what it skipped.


@pytest.fixture(scope="module")
def example_build(tmp_path_factory) -> tuple[dict[str, Any], str]:
    """The example brief as JSON (no cache), and what the build printed on stderr."""
    logger = logging.getLogger("brief")
    before = logger.handlers[:], logger.propagate, logger.level
    target = tmp_path_factory.mktemp("kessan") / "kessan.json"
    try:
        code, _, err = run_cli("build", str(EXAMPLE_OUTLINE), "--format", "json", "-o",
                               str(target), "--no-cache")
    finally:
        logger.handlers, logger.propagate, logger.level = before
    assert code == 0, err
    return json.loads(target.read_text(encoding="utf-8")), err


@pytest.fixture(scope="module")
def example_described() -> dict[str, Description]:
    """describe() of every file of the example corpus that brief reads, by name."""
    return {p.name: describe(p) for p in sorted(EXAMPLE_CORPUS.iterdir())
            if p.suffix not in (".yaml", ".csv", ".png")}


def test_formats_example_every_item_is_the_extracted_text_at_its_offsets(example_build,
                                                                        example_described):
    data, _ = example_build
    sources = {s["doc"]: s for s in data["sources"]}
    items = [(section["id"], item) for section in data["sections"] for item in section["items"]]
    assert len(items) > 50
    kinds = set()
    for section, item in items:
        source = sources[item["doc"]]
        found = example_described[Path(source["path"]).name]
        assert found.kind == source["kind"]
        kinds.add(source["kind"])
        assert found.text[item["start"]:item["end"]] == item["text"], (section, item)
    assert kinds == {"text", "html", "pdf", "docx"}  # every extractor is exercised


def test_formats_example_build_reports_misnamed_and_skipped_files(example_build):
    data, err = example_build
    assert "first-week-of-cuts.txt: read as a web page (HTML), which its content is, though " \
           "named .txt" in err
    for suffix, name in ((".csv", "reservoir-levels.csv"), (".png", "reservoir-levels.png")):
        assert f"1 {suffix} file skipped ({name}): not a type brief reads" in err
    assert {s["kind"] for s in data["sources"] if s["path"].endswith("first-week-of-cuts.txt")} \
        == {"html"}


def test_formats_example_wire_copies_are_one_source(example_build):
    data, _ = example_build
    wire = {"kessan-drought/wire-kessan-rationing.txt",
            "kessan-drought/wire-kessan-rationing-update.txt",
            "kessan-drought/valley-times-wire.html"}
    holding = [s for s in data["sources"] if s["path"] in wire]
    assert len(holding) == 1
    [source] = holding
    assert {source["path"], *(c["path"] for c in source["copies"])} == wire
    for section in data["sections"]:
        for item in section["items"]:
            assert len(item["citations"]) == len(set(item["citations"]))


README_FIELDS = ("title", "author", "outlet", "date", "url")


def _readme_expected() -> dict[str, dict[str, tuple[set[str], str]]]:
    """The "Expected metadata" table of examples/README.md: for each file and field, the
    values the README allows and its cell as written. A cell reads "value (comment)",
    "none ..." (no value), "as above", "empty, or DATE ..." (either), and a title whose
    "final stop may be dropped" allows both."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    section = text.split("### Expected metadata", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    expected: dict[str, dict[str, tuple[set[str], str]]] = {}
    above: dict[str, set[str]] = {}
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        name = re.match(r"`([^`]+)`", cells[0])
        assert name is not None, row
        fields: dict[str, tuple[set[str], str]] = {}
        for key, cell in zip(README_FIELDS, cells[1:]):
            plain = cell.replace("**", "").replace("`", "")
            if plain == "as above":
                allowed = above[key]
            elif plain.startswith("none"):
                allowed = {""}
            elif "empty, or " in plain:
                allowed = {"", *re.findall(r"\d{4}-\d{2}-\d{2}", plain)}
            else:
                value = plain.split(" (")[0].strip()
                allowed = {value, value.rstrip(".")} if "stop may be dropped" in plain else {value}
            fields[key] = (allowed, plain)
            above[key] = allowed
        expected[name.group(1)] = fields
    return expected


def test_formats_example_readme_table_covers_every_file_read():
    expected = _readme_expected()
    read = {p.name for p in EXAMPLE_CORPUS.iterdir()
            if p.suffix not in (".yaml", ".csv", ".png")}
    assert set(expected) == read and len(read) == 12


@pytest.mark.parametrize("name", sorted(_readme_expected()))
def test_formats_example_readme_expected_metadata_is_what_describe_finds(example_described,
                                                                         name):
    found = example_described[name]
    origins = dict(found.meta.origins)
    for key, (allowed, cell) in _readme_expected()[name].items():
        value = getattr(found.meta, key)
        assert value in allowed, (key, value, cell)
        # the README marks the values sources.yaml gives, and only those
        assert ("sources.yaml" in cell) == (origins.get(key) == "sources.yaml"), (key, cell)
