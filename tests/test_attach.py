"""`brief attach` (issue 17): a brief joined to an existing report as an annex or a
front summary, the report's bookmarks, labels and information kept, the brief's JSON
inside, the report never modified, bad reports refused in one line."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

from .conftest import DEMO_OUTLINE, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief")
    code, _, err = run_cli("build", str(DEMO_OUTLINE), "--format", "pdf,json", "-o",
                           str(folder / "brief.pdf"), "-q")
    assert code == 0, err
    return folder / "brief.pdf"


def _report(path, encrypt=False):
    """A three-page report: front matter labelled 'i', then '1', '2'; two bookmarks;
    its own title and author."""
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    writer.add_outline_item(title="Introduction", page_number=0)
    writer.add_outline_item(title="Findings", page_number=1)
    writer.set_page_label(0, 0, PageLabelStyle.LOWERCASE_ROMAN, None, 1)
    writer.set_page_label(1, 2, PageLabelStyle.DECIMAL, None, 1)
    writer.add_metadata({"/Title": "Annual report", "/Author": "Research desk"})
    if encrypt:
        writer.encrypt("secret")
    writer.write(str(path))
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_annex_keeps_the_report_and_nests_the_brief(brief, tmp_path):
    report = _report(tmp_path / "report.pdf")
    before = _digest(report)
    out = tmp_path / "combined.pdf"
    code, _, err = run_cli("attach", str(report), str(brief), "-o", str(out))
    assert code == 0, err
    assert _digest(report) == before  # the report is only read
    combined, alone = PdfReader(str(out)), PdfReader(str(brief))
    n = len(alone.pages)
    assert len(combined.pages) == 3 + n
    assert combined.page_labels[:5] == ["i", "1", "2", "A-1", "A-2"]
    assert combined.page_labels[-1] == f"A-{n}"
    top = [o.title for o in combined.outline if not isinstance(o, list)]
    title = json.loads(brief.with_suffix(".json").read_text(encoding="utf-8"))["title"]
    assert top == ["Introduction", "Findings", f"Annex: {title}"]
    nested = combined.outline[-1]
    assert isinstance(nested, list) and nested  # the brief's own bookmarks, under it
    assert combined.get_destination_page_number(combined.outline[2]) == 3
    assert combined.metadata["/Title"] == "Annual report"
    assert combined.metadata["/Author"] == "Research desk"
    assert combined.attachments["brief.json"][0] == brief.with_suffix(".json").read_bytes()


def test_a_front_summary_comes_first_without_clashing_labels(brief, tmp_path):
    report = _report(tmp_path / "report.pdf")
    out = tmp_path / "combined.pdf"
    code, stdout, _ = run_cli("attach", str(report), str(brief), "-o", str(out), "--as",
                              "front")
    assert code == 0 and "3 report pages" in stdout
    combined = PdfReader(str(out))
    n = len(PdfReader(str(brief)).pages)
    # the report numbers its front matter in roman: the summary takes S-1, S-2
    assert combined.page_labels[:2] == ["S-1", "S-2"]
    assert combined.page_labels[n:] == ["i", "1", "2"]  # the report's own labels
    top = [o.title for o in combined.outline if not isinstance(o, list)]
    assert top[0].startswith("Summary: ") and top[1:] == ["Introduction", "Findings"]


def test_a_front_summary_before_an_unlabelled_report_is_in_roman(brief, tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    report = tmp_path / "plain.pdf"
    writer.write(str(report))
    out = tmp_path / "combined.pdf"
    code, stdout, _ = run_cli("attach", str(report), str(brief), "-o", str(out), "--as",
                              "front")
    assert code == 0 and "1 report page " in stdout
    labels = PdfReader(str(out)).page_labels
    assert labels[:2] == ["i", "ii"] and labels[-1] == "1"


def test_continued_labels_number_on_from_the_report(brief, tmp_path):
    report = _report(tmp_path / "report.pdf")
    out = tmp_path / "combined.pdf"
    assert run_cli("attach", str(report), str(brief), "-o", str(out),
                   "--labels", "continue")[0] == 0
    assert PdfReader(str(out)).page_labels[3:5] == ["4", "5"]


def test_the_same_inputs_give_the_same_bytes(brief, tmp_path):
    report = _report(tmp_path / "report.pdf")
    outs = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for out in outs:
        assert run_cli("attach", str(report), str(brief), "-o", str(out))[0] == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()


@pytest.mark.parametrize("kind", ["not a pdf", "encrypted", "damaged", "truncated",
                                  "the output"])
def test_a_bad_report_is_one_line_and_nothing_is_written(brief, tmp_path, kind):
    report = tmp_path / "report.pdf"
    if kind == "not a pdf":
        report.write_text("Quarterly notes, typed up.\n", encoding="utf-8")
    elif kind == "encrypted":
        _report(report, encrypt=True)
    else:
        _report(report)
        data = report.read_bytes()
        if kind == "damaged":
            report.write_bytes(data[:200] + b"\x00garbage" * 50)
        elif kind == "truncated":
            report.write_bytes(data[:len(data) // 2])
    before = _digest(report)
    out = report if kind == "the output" else tmp_path / "combined.pdf"
    code, stdout, err = run_cli("attach", str(report), str(brief), "-o", str(out))
    assert code == 2 and stdout == ""
    line = err.strip()
    assert len(line.splitlines()) == 1 and str(report) in line and "Traceback" not in err
    expected = {"not a pdf": "not a PDF", "encrypted": "encrypted", "damaged": "damaged",
                "truncated": "damaged", "the output": "the report"}[kind]
    assert expected in line
    assert _digest(report) == before
    if kind != "the output":
        assert not out.exists()


def test_a_brief_without_its_json_is_refused(brief, tmp_path):
    report = _report(tmp_path / "report.pdf")
    lone = tmp_path / "lone.pdf"
    lone.write_bytes(brief.read_bytes())
    code, _, err = run_cli("attach", str(report), str(lone), "-o", str(tmp_path / "c.pdf"))
    assert code == 2 and "--format pdf,json" in err


def test_the_json_a_pdf_a_brief_carries_is_used(tmp_path):
    report = _report(tmp_path / "report.pdf")
    archival = tmp_path / "archival.pdf"
    assert run_cli("build", str(DEMO_OUTLINE), "--pdf-variant", "pdf/a-3b", "-o",
                   str(archival), "-q")[0] == 0
    out = tmp_path / "combined.pdf"
    code, _, err = run_cli("attach", str(report), str(archival), "-o", str(out))
    assert code == 0, err
    inside = PdfReader(io.BytesIO(out.read_bytes())).attachments["brief.json"][0]
    assert json.loads(inside)["title"]
