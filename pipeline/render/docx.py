"""Word (DOCX): the brief with Word's own styles, so its sections can be pasted into a
report and keep their look: Title, Subtitle, Heading 1 (sections), Heading 2 (speakers
of an actor section), List Bullet (items), Caption (sources and chart notes), tables for
the people and the charts' numbers; a table-of-contents field, the marking in header
and footer, page numbers. Written with python-docx (the maintained library for
writing .docx from Python; it is already the reader of Word files in ingest/docx.py).

Corpus text is set as run text, never parsed: Word has no markup inside a run. The
package is made deterministic: core properties fixed to the brief's date, and the ZIP
rewritten with fixed timestamps (python-docx stamps each member with the clock).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..models import Brief, Chart, Item, Section, Source
from ..timex import shown_date
from .dates import display_date
from .view import (
    UNTITLED,
    check_brief,
    copies_text,
    item_pieces,
    method_figures,
    more_sources_text,
    section_view,
    shown_stance,
    source_details,
    unnamed_speaker,
)

# Characters XML 1.0 cannot hold (C0 controls but tab, newline and return): a .docx
# cannot carry them, so they are shown as U+FFFD; `brief extract` keeps the original.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A fixed instant for the package's timestamps when the brief has no date.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP member can carry
INSERTION_GREY = RGBColor(0x5C, 0x63, 0x70)
TOC_FIELD = 'TOC \\o "1-2" \\h \\z \\u'
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(20)
# Column widths of the people table (Name, Role, Actor, Statements, In brief, Sources),
# in shares of the text width; a chart table gives its first column ROW_LABEL_SHARE.
PEOPLE_COLUMNS = (0.22, 0.32, 0.15, 0.11, 0.08, 0.12)
ROW_LABEL_SHARE = 0.3


def _clean(text: str) -> str:
    return XML_INVALID.sub("\ufffd", text)


def render_docx(brief: Brief) -> bytes:
    """The brief as a .docx package, the same bytes for the same brief."""
    check_brief(brief)
    doc = Document()
    _page(doc, brief.page_size)
    _core_properties(doc, brief)
    _header_footer(doc, brief)
    _title_block(doc, brief)
    for section in brief.sections:
        _section(doc, section)
    _method(doc, brief)
    _sources(doc, brief.sources)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _page(doc: DocxDocument, size: str) -> None:
    """The outline's paper size (python-docx's template is Letter), margins of 2 cm."""
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_SIZES.get(size, PAGE_SIZES["A4"])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _core_properties(doc: DocxDocument, brief: Brief) -> None:
    props = doc.core_properties
    when = (datetime.fromisoformat(brief.date).replace(tzinfo=timezone.utc)
            if brief.date else FIXED_DATE)
    props.title = _clean(brief.title)
    props.subject = _clean(brief.subtitle)
    props.author = props.last_modified_by = "brief"
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    props.comments = props.keywords = props.category = ""


def _fixed_zip(data: bytes) -> bytes:
    """`data` rewritten member by member, in the same order, with fixed timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _field(paragraph: Paragraph, instruction: str, *shown: str) -> None:
    """A Word field (page number, table of contents) that Word fills in when it opens
    or prints the document; the lines `shown` stand until then."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    for n, line in enumerate(shown):
        if n:
            run.append(OxmlElement("w:br"))
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = line
        run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _update_fields_on_open(doc: DocxDocument) -> None:
    """Word asks to update the fields (the contents' page numbers) when it opens."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _header_footer(doc: DocxDocument, brief: Brief) -> None:
    section = doc.sections[0]
    marking = _clean(brief.marking)
    header = section.header.paragraphs[0]
    header.text = " · ".join(p for p in (_clean(brief.title), marking) if p)
    footer = section.footer.paragraphs[0]
    if marking:
        footer.add_run(marking + "    ")
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")


def _title_block(doc: DocxDocument, brief: Brief) -> None:
    doc.add_paragraph(_clean(brief.title), style="Title")
    if brief.subtitle:
        doc.add_paragraph(_clean(brief.subtitle), style="Subtitle")
    line = " · ".join(p for p in (display_date(brief.date), _clean(brief.marking)) if p)
    if line:
        doc.add_paragraph(line)
    doc.add_paragraph("Contents", style="TOC Heading")
    # until Word updates the field: the headings, without page numbers
    _field(doc.add_paragraph(), TOC_FIELD,
           *(_clean(s.title) for s in brief.sections), "Method", "Sources")
    _update_fields_on_open(doc)


def _note(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(_clean(text)).italic = True


def _citations(paragraph: Paragraph, item: Item) -> None:
    """'[1][3]' as superscript, then 'and N more sources'."""
    if item.citations:
        run = paragraph.add_run("".join(f"[{n}]" for n in item.citations))
        run.font.superscript = True
    if item.more_sources:
        paragraph.add_run(f" {more_sources_text(item.more_sources)}")


def _item_text(paragraph: Paragraph, item: Item) -> None:
    """The verbatim text, the editor's insertions in grey brackets between its runs."""
    for piece in item_pieces(item):
        if piece.inserted:
            run = paragraph.add_run(f"{piece.lead}[{_clean(piece.text)}]{piece.trail}")
            run.font.color.rgb = INSERTION_GREY
        elif piece.capital:
            # shown capitalised, as in the PDF: the letter stays as the source has it
            paragraph.add_run(_clean(piece.text[:1])).font.all_caps = True
            paragraph.add_run(_clean(piece.text[1:]))
        else:
            paragraph.add_run(_clean(piece.text))


def _item(doc: DocxDocument, item: Item, by_speaker: bool) -> None:
    paragraph = doc.add_paragraph(style="List Bullet")
    stance = shown_stance(item) if by_speaker else None
    if stance:
        paragraph.add_run(f"{stance}: ").italic = True
    _item_text(paragraph, item)
    who = None if by_speaker else unnamed_speaker(item)
    if who:
        paragraph.add_run(f" ({_clean(who)})").font.color.rgb = INSERTION_GREY
    paragraph.add_run(" ")
    _citations(paragraph, item)


def _section(doc: DocxDocument, section: Section) -> None:
    doc.add_heading(_clean(section.title), level=1)
    if section.kind == "charts":
        _charts(doc, section)
        return
    if section.kind == "people":
        _people(doc, section)
        return
    if section.note or not section.items:
        _note(doc, section.note or "No items.")
    if section.kind == "chronology":
        for item in section.items:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(shown_date(item.date, item.date_precision) + "  ").bold = True
            _item_text(paragraph, item)
            paragraph.add_run(" ")
            _citations(paragraph, item)
        return
    if section.kind == "contention":
        for claim, answer in zip(section.items[::2], section.items[1::2], strict=False):
            for side in (claim, answer):
                paragraph = doc.add_paragraph(style="List Bullet")
                paragraph.add_run(_clean(side.speaker or "Unattributed")).bold = True
                paragraph.add_run(f" {side.stance or 'says'}: ").italic = True
                _item_text(paragraph, side)
                paragraph.add_run(" ")
                _citations(paragraph, side)
        return
    _grouped_items(doc, section)


def _grouped_items(doc: DocxDocument, section: Section) -> None:
    view = section_view(section)
    for group in view.groups:
        if view.by_speaker:
            heading = _clean(group.speaker or "Unattributed")
            if group.speaker_role and \
                    group.speaker_role.casefold() != (group.speaker or "").casefold():
                heading += f", {_clean(group.speaker_role)}"
            doc.add_heading(heading, level=2)
        for item in group.items:
            _item(doc, item, view.by_speaker)


def _table(doc: DocxDocument, header: list[str], rows: list[list[str]],
           shares: Sequence[float]) -> None:
    """A table in Table Grid style, its columns `shares` of the text width (Word and
    LibreOffice both read the widths of each cell, not only the grid's)."""
    section = doc.sections[0]  # its margins as _page sets them
    text_width = (section.page_width or PAGE_SIZES["A4"][0]) - 2 * MARGIN
    widths = [Emu(int(text_width * share)) for share in shares]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(text)).bold = True
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = _clean(text)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _people(doc: DocxDocument, section: Section) -> None:
    if not section.people:
        _note(doc, section.note)
        return
    rows = [[p.speaker + (f" ({p.affiliation})" if p.affiliation else ""),
             "; ".join(p.roles), p.actor_title, str(p.statements), str(p.in_brief),
             "".join(f"[{n}]" for n in p.citations)
             + (f" {more_sources_text(p.more_sources)}" if p.more_sources else "")]
            for p in section.people]
    _table(doc, ["Name", "Role", "Actor", "Statements", "In brief", "Sources"], rows,
           PEOPLE_COLUMNS)


def _charts(doc: DocxDocument, section: Section) -> None:
    """Each chart as the table of its numbers, with its title and what it shows: Word
    has no SVG that every version opens, and the numbers are what a report reuses."""
    if not section.charts:
        _note(doc, section.note)
    for chart in section.charts:
        doc.add_heading(_clean(chart.title), level=2)
        _chart_table(doc, chart)
        doc.add_paragraph(_clean(chart.description), style="Caption")


def _chart_table(doc: DocxDocument, chart: Chart) -> None:
    """The numbers; the coverage matrix's columns (theme titles, long) are numbered,
    with a key under the table, as in the PDF."""
    rows = [[row, *(str(v) for v in values)]
            for row, values in zip(chart.rows, chart.values, strict=True)]
    numbered = chart.id == "coverage"
    columns = [str(n) for n in range(1, len(chart.columns) + 1)] if numbered \
        else list(chart.columns)
    rest = (1 - ROW_LABEL_SHARE) / max(len(columns), 1)
    _table(doc, ["", *columns], rows, (ROW_LABEL_SHARE, *([rest] * len(columns))))
    if numbered:
        doc.add_paragraph("; ".join(f"{n}. {_clean(title)}"
                                    for n, title in enumerate(chart.columns, 1)),
                          style="Caption")


def _method(doc: DocxDocument, brief: Brief) -> None:
    doc.add_heading("Method", level=1)
    doc.add_paragraph(_clean("; ".join(method_figures(brief.method))) + ".")
    if brief.method.text:
        doc.add_paragraph(_clean(brief.method.text))


def _sources(doc: DocxDocument, sources: tuple[Source, ...]) -> None:
    doc.add_heading("Sources", level=1)
    if not sources:
        _note(doc, "No sources.")
    for source in sources:
        paragraph = doc.add_paragraph(style="Caption")
        paragraph.paragraph_format.space_after = Pt(4)
        paragraph.add_run(f"[{source.n}] ").bold = True
        title = _clean(source.title) if source.title else UNTITLED
        paragraph.add_run(title + ("" if title[-1:] in ".?!" else ".")).italic = \
            bool(source.title)
        details = source_details(source)
        if details:
            paragraph.add_run(" " + _clean(", ".join(details)) + ".")
        for extra in (source.url, f"(file: {source.path})" if source.path else "",
                      copies_text(source) if source.copies else ""):
            if extra:
                paragraph.add_run(" " + _clean(extra))
