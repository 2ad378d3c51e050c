"""Archival (PDF/A-3b) and accessible (PDF/UA-1) output, checked by structure.

No validator (veraPDF) runs here: these tests check what the variants claim
and carry (XMP identification, attachments with their relationships and
fixed dates, output intent, tags, language, title, bookmarks, embedded subset
fonts, page size) and that both are byte-identical on rerun. The demo brief
is used, with its JSON and outline attached as the CLI does.
"""

from __future__ import annotations

import io
import json
import logging
import re
import types
from xml.etree import ElementTree

import pypdf
import pytest

from pipeline.models import Brief
from pipeline.render import (
    PDF_VARIANTS,
    PROVENANCE_NAME,
    RenderOptions,
    render,
    render_json,
)

from .conftest import DEMO_OUTLINE, file_text
from .test_render import A4_PT, PT_TOLERANCE, _descriptor, _fonts, _outline_titles, make_brief

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}



def struct_elements(root):
    """Every structure element (dictionary) below `root` of a tagged PDF."""
    stack = [root]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            yield node
            if "/K" in node:
                stack.append(node["/K"])

def archival_options(brief: Brief) -> RenderOptions:
    """What the CLI passes for --pdf-variant pdf/a-3b."""
    return RenderOptions(
        pdf_variant="pdf/a-3b",
        attachments=(
            (PROVENANCE_NAME, render_json(brief).encode("utf-8")),
            (DEMO_OUTLINE.name, DEMO_OUTLINE.read_bytes()),
        ),
    )


@pytest.fixture(scope="module")
def a3b_bytes(demo_result) -> bytes:
    return render(demo_result.brief, "pdf", archival_options(demo_result.brief))


@pytest.fixture(scope="module")
def a3b(a3b_bytes: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(a3b_bytes))


@pytest.fixture(scope="module")
def ua1_bytes(demo_result) -> bytes:
    return render(demo_result.brief, "pdf", RenderOptions(pdf_variant="pdf/ua-1"))


@pytest.fixture(scope="module")
def ua1(ua1_bytes: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(ua1_bytes))


def xmp(reader: pypdf.PdfReader) -> ElementTree.Element:
    """The document's XMP packet, parsed."""
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    return ElementTree.fromstring(stream.get_data())


def xmp_value(root: ElementTree.Element, prefix: str, name: str) -> str | None:
    """An XMP property written as an attribute or as an element."""
    key = f"{{{NS[prefix]}}}{name}"
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        if key in description.attrib:
            return description.attrib[key]
        element = description.find(f"{prefix}:{name}", NS)
        if element is not None:
            return "".join(element.itertext()).strip()
    return None


def catalog(reader: pypdf.PdfReader):
    return reader.trailer["/Root"]


# ---------------------------------------------------------------- options


def test_render_options_validate_their_values(tmp_path) -> None:
    assert PDF_VARIANTS == ("pdf/a-3b", "pdf/ua-1")
    with pytest.raises(ValueError, match="unknown PDF variant"):
        RenderOptions(pdf_variant="pdf/x-4")
    with pytest.raises(ValueError, match="duplicate"):
        RenderOptions(attachments=(("a.json", b"1"), ("a.json", b"2")))
    for name in ("", "../a.json", "dir/a.json", ".."):
        with pytest.raises(ValueError, match="bare file name"):
            RenderOptions(attachments=((name, b"1"),))
    with pytest.raises(ValueError, match="logo"):
        RenderOptions(logo=tmp_path / "logo.gif")
    with pytest.raises(ValueError, match="stylesheet"):
        RenderOptions(stylesheet=tmp_path / "custom.txt")
    # Lists and strings from a caller are normalised to the declared types.
    options = RenderOptions(attachments=[["a.json", bytearray(b"1")]], logo=str(tmp_path / "l.png"))
    assert options.attachments == (("a.json", b"1"),)
    assert options.logo == tmp_path / "l.png"


# ---------------------------------------------------------------- PDF/A-3b


@pytest.mark.slow
def test_a3b_carries_the_json_and_the_outline(a3b, demo_result) -> None:
    attachments = a3b.attachments
    assert sorted(attachments) == sorted(["brief.json", DEMO_OUTLINE.name])
    assert attachments["brief.json"] == [render_json(demo_result.brief).encode("utf-8")]
    assert attachments[DEMO_OUTLINE.name] == [DEMO_OUTLINE.read_bytes()]

    # Provenance: every item names its document and offsets, and they hold.
    data = json.loads(attachments["brief.json"][0])
    paths = {source["doc"]: source["path"] for source in data["sources"]}
    items = [item for section in data["sections"] if section["kind"] != "people"
             for item in section["items"]]  # (a people section's rows are no quotes)
    assert len(items) > 30
    for item in items:
        assert isinstance(item["doc"], str) and item["doc"] in paths
        assert isinstance(item["start"], int) and isinstance(item["end"], int)
        text = file_text(DEMO_OUTLINE.parent / paths[item["doc"]])
        assert text[item["start"]:item["end"]] == item["text"]


@pytest.mark.slow
def test_a3b_attachments_are_associated_files_with_fixed_dates(a3b) -> None:
    root = catalog(a3b)
    specs = [ref.get_object() for ref in root["/AF"]]
    assert [spec["/UF"] for spec in specs] == ["brief.json", DEMO_OUTLINE.name]  # once each
    expected = {
        "brief.json": ("/Data", "/application/json"),
        DEMO_OUTLINE.name: ("/Source", "/application/yaml"),
    }
    for spec in specs:
        relationship, mime = expected[spec["/UF"]]
        assert spec["/Type"] == "/Filespec" and spec["/F"] == spec["/UF"]
        assert spec["/AFRelationship"] == relationship
        assert spec["/Desc"]
        stream = spec["/EF"]["/F"].get_object()
        assert stream["/Subtype"] == mime
        params = stream["/Params"]
        # The brief's date (2026-11-21), never the clock.
        assert params["/CreationDate"] == params["/ModDate"] == "D:20261121000000Z"
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0::2] == ["brief.json", DEMO_OUTLINE.name]


@pytest.mark.slow
def test_attachment_types_and_relationships_do_not_depend_on_the_host() -> None:
    options = RenderOptions(
        pdf_variant="pdf/a-3b",
        attachments=(("brief.json", b"{}"), ("outline.json", b"{}"), ("notes.bin", b"\0")),
    )
    reader = pypdf.PdfReader(io.BytesIO(render(make_brief(date=""), "pdf", options)))
    found = {
        spec["/UF"]: (spec["/AFRelationship"], spec["/EF"]["/F"].get_object()["/Subtype"])
        for spec in (ref.get_object() for ref in catalog(reader)["/AF"])
    }
    assert found == {
        "brief.json": ("/Data", "/application/json"),
        "outline.json": ("/Source", "/application/json"),
        "notes.bin": ("/Source", "/application/octet-stream"),
    }
    # No brief date: the fixed fallback, not the clock.
    params = catalog(reader)["/AF"][0].get_object()["/EF"]["/F"].get_object()["/Params"]
    assert params["/ModDate"] == "D:19800101000000Z"


@pytest.mark.slow
def test_a3b_claims_pdfa_3b_with_output_intent_and_metadata(a3b) -> None:
    assert a3b.pdf_header == "%PDF-1.7"
    root = xmp(a3b)
    assert xmp_value(root, "pdfaid", "part") == "3"
    assert xmp_value(root, "pdfaid", "conformance") == "B"
    assert xmp_value(root, "dc", "title") == "Pakistan and the Afghan Taliban"
    intents = catalog(a3b)["/OutputIntents"]
    assert [intent.get_object()["/S"] for intent in intents] == ["/GTS_PDFA1"]
    assert "/DestOutputProfile" in intents[0].get_object()
    info = a3b.metadata
    assert info.title == "Pakistan and the Afghan Taliban"
    assert info["/CreationDate"].startswith("D:20261121")
    assert len(a3b.trailer["/ID"]) == 2
    for page in a3b.pages:  # annotations are printable (PDF/A requires the flag)
        for annotation in page.get("/Annots") or ():
            assert annotation.get_object()["/F"] == 4


@pytest.mark.slow
def test_a3b_fonts_bookmarks_and_page_size(a3b, demo_result) -> None:
    fonts = _fonts(a3b)
    assert fonts
    for font in fonts.values():
        descriptor = _descriptor(font)
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
        assert re.fullmatch(r"/[A-Z]{6}\+Brief-.+", str(font["/BaseFont"])), font["/BaseFont"]
    titles = _outline_titles(a3b.outline)
    for section in demo_result.brief.sections:
        assert section.title in titles
    assert {"Method", "Sources"} <= set(titles)
    for page in a3b.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_PT, abs=PT_TOLERANCE)


@pytest.mark.slow
def test_a3b_is_byte_identical_across_renders(
    a3b_bytes: bytes, demo_result, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from fontTools.misc import timeTools

    class LaterDatetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2031, 1, 2, 3, 4, 5, tzinfo=tz)

    # Another clock must not change a byte (fonts, attachments, metadata).
    monkeypatch.setattr(timeTools, "time", types.SimpleNamespace(time=lambda: 2_000_000_000.0))
    monkeypatch.setattr("weasyprint.datetime", LaterDatetime)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert render(demo_result.brief, "pdf", archival_options(demo_result.brief)) == a3b_bytes


# ---------------------------------------------------------------- PDF/UA-1


@pytest.mark.slow
def test_ua1_is_tagged_with_language_title_and_identification(ua1) -> None:
    root = catalog(ua1)
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/Lang"] == "en"
    assert ua1.metadata.title == "Pakistan and the Afghan Taliban"
    meta = xmp(ua1)
    assert xmp_value(meta, "pdfuaid", "part") == "1"
    assert xmp_value(meta, "dc", "title") == "Pakistan and the Afghan Taliban"
    assert all(page["/Tabs"] == "/S" for page in ua1.pages)
    assert "/AF" not in root and not ua1.attachments


@pytest.mark.slow
def test_ua1_structure_tree_has_headings_lists_and_labelled_links(ua1, demo_result) -> None:
    tree = catalog(ua1)["/StructTreeRoot"].get_object()
    assert tree["/Type"] == "/StructTreeRoot" and "/ParentTree" in tree
    kinds: dict[str, int] = {}
    for node in struct_elements(tree["/K"]):
        if "/S" in node:
            kinds[node["/S"]] = kinds.get(node["/S"], 0) + 1
    assert kinds["/Document"] == 1 and kinds["/H1"] == 1
    assert kinds["/H2"] >= len(demo_result.brief.sections) + 2  # sections, Method, Sources
    assert kinds["/L"] and kinds["/LI"] and kinds["/Link"]
    contents = [
        annotation.get_object()["/Contents"]
        for page in ua1.pages
        for annotation in page.get("/Annots") or ()
    ]
    assert contents and all(contents)
    assert any(re.fullmatch(r"Source \d+: .+", text) for text in contents)
    assert not any(re.fullmatch(r"(src|sec)-.*", text) for text in contents)


@pytest.mark.slow
def test_ua1_is_byte_identical_across_renders(ua1_bytes: bytes, demo_result) -> None:
    assert render(demo_result.brief, "pdf", RenderOptions(pdf_variant="pdf/ua-1")) == ua1_bytes


@pytest.mark.slow
def test_ua1_with_a_logo_renders_without_weasyprint_errors(
    tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    from .test_safe_render import PNG_1PX

    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1PX)
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf = render(make_brief(), "pdf", RenderOptions(pdf_variant="pdf/ua-1", logo=logo))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    figures = [node for node in struct_elements(catalog(reader)["/StructTreeRoot"]["/K"])
               if node.get("/S") == "/Figure"]
    assert [figure["/Alt"] for figure in figures] == ["Logo"]


# ---------------------------------------------------------------- default


@pytest.mark.slow
def test_default_pdf_has_no_variant_features(demo_result) -> None:
    pdf = render(demo_result.brief, "pdf")
    assert pdf == render(demo_result.brief, "pdf", RenderOptions())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = catalog(reader)
    for key in ("/Metadata", "/AF", "/StructTreeRoot", "/MarkInfo", "/OutputIntents"):
        assert key not in root, key
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert not reader.attachments
