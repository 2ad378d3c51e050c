"""Word output (issue 17): Word's own styles, every item verbatim with its citations,
the sources, the extras, the same bytes every time."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document

from pipeline.render import render

from .conftest import run_cli


@pytest.fixture(scope="module")
def word(demo_result):
    data = render(demo_result.brief, "docx")
    return data, Document(io.BytesIO(data)), json.loads(render(demo_result.brief, "json"))


def _styled(doc, style):
    return [p for p in doc.paragraphs if p.style.name == style]


def test_sections_are_heading_1_and_speakers_heading_2(word):
    _, doc, data = word
    assert [p.text for p in _styled(doc, "Title")] == [data["title"]]
    headings = [p.text for p in _styled(doc, "Heading 1")]
    assert headings == [s["title"] for s in data["sections"]] + ["Method", "Sources"]
    speakers = {p.text.split(",")[0] for p in _styled(doc, "Heading 2")}
    actor_speakers = {i["speaker"] for s in data["sections"] if s["kind"] == "actor"
                      for i in s["items"]}
    assert actor_speakers <= speakers


def test_every_item_is_a_bullet_with_its_verbatim_text_and_citations(word):
    _, doc, data = word
    bullets = [p.text for p in _styled(doc, "List Bullet")]
    listed = [i for s in data["sections"] if s["kind"] not in ("people", "charts")
              for i in s["items"]]
    assert len(bullets) == len(listed)
    for text, item in zip(bullets, listed, strict=True):
        shown = text
        for insertion in item["insertions"]:
            # the bracketed words stand beside the text, never inside it
            bracket = f"[{insertion['text']}]"
            assert bracket in shown
            for form in (f" {bracket}", f"{bracket} ", bracket):
                if form in shown:
                    shown = shown.replace(form, "", 1)
                    break
        assert " ".join(item["text"].split()) in " ".join(shown.split())
        assert text.rstrip().endswith("".join(f"[{n}]" for n in item["citations"])) or \
            item["more_sources"]


def test_citations_are_superscript_and_sources_in_caption_style(word):
    _, doc, data = word
    superscripts = [r.text for p in _styled(doc, "List Bullet") for r in p.runs
                    if r.font.superscript]
    assert superscripts and all(t.startswith("[") for t in superscripts)
    sources = [p.text for p in _styled(doc, "Caption") if p.text.startswith("[")]
    assert [s.split("]")[0] + "]" for s in sources] == [f"[{s['n']}]" for s in data["sources"]]


def test_people_and_chart_numbers_are_tables(word):
    _, doc, data = word
    people = next(s for s in data["sections"] if s["kind"] == "people")["items"]
    charts = next(s for s in data["sections"] if s["kind"] == "charts")["charts"]
    tables = doc.tables
    assert len(tables) == len(charts) + 1
    for table, chart in zip(tables, charts, strict=False):
        header = [c.text for c in table.rows[0].cells][1:]
        assert header == (chart["columns"] if chart["id"] != "coverage"
                          else [str(n) for n in range(1, len(chart["columns"]) + 1)])
        assert [[int(c.text) for c in r.cells[1:]] for r in table.rows[1:]] == chart["values"]
    assert [r.cells[0].text.split(" (")[0] for r in tables[-1].rows[1:]] == \
        [p["speaker"] for p in people]


def test_marking_page_number_and_contents_are_fields_word_fills_in(word):
    data, doc, brief = word
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert "UNCLASSIFIED" in section.header.paragraphs[0].text
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    footers = [zipfile.ZipFile(io.BytesIO(data)).read(n).decode()
               for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n]
    assert 'w:instr="TOC' in body
    # until Word updates it, the contents field shows the section headings
    contents = body.split('w:instr="TOC')[1].split("</w:fldSimple>")[0]
    assert all(s["title"].replace("&", "&amp;") in contents for s in brief["sections"])
    assert '<w:updateFields w:val="true"/>' in \
        zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert any('w:instr="PAGE"' in f and "UNCLASSIFIED" in f for f in footers)


def test_the_same_brief_gives_the_same_bytes(word, demo_result):
    data, doc, _ = word
    assert render(demo_result.brief, "docx") == data
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == \
        {(1980, 1, 1, 0, 0, 0)}
    assert doc.core_properties.created.date().isoformat() == demo_result.brief.date


def test_corpus_text_that_xml_cannot_hold_does_not_break_the_document(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": "The minister said the \x07bridge would reopen in "
                                    "<b>May</b> & the roads too.\n"},
                          "title: T\ncorpus: corpus\nactors: []\nthemes:\n  - id: b\n"
                          "    title: Bridge\n    query: bridge reopen roads\n")
    code, _, err = run_cli("build", str(outline), "--format", "docx,json", "-o",
                           str(tmp_path / "b.pdf"), "--no-cache", "-q")
    assert code == 0, err
    text = "\n".join(p.text for p in Document(str(tmp_path / "b.docx")).paragraphs)
    assert "<b>May</b> & the roads" in text and "\x07" not in text


@pytest.mark.slow
def test_libreoffice_opens_and_prints_it(word, tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
    from pypdf import PdfReader

    data, _, brief = word
    (tmp_path / "b.docx").write_bytes(data)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "b.docx")],
                   check=True, capture_output=True, timeout=240)
    reader = PdfReader(str(tmp_path / "b.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 5
    assert brief["title"] in text and "Sources" in text
