"""Markdown: title block, sections, method note and sources, with corpus text
made inert by its own escaping (Markdown has no autoescaping)."""

from __future__ import annotations

import re

from ..models import Brief, Item, PersonEntry, Section, Source
from ..timex import shown_date
from .dates import display_date
from .view import (
    UNTITLED,
    SpeakerGroup,
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

# Markdown: characters that could start emphasis, code, links, raw HTML,
# entities, headings, tables or strikethrough when they occur in corpus text.
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")


def md_escape(text: str) -> str:
    """Corpus text made inert in Markdown, on one line.

    Backslash-escapes the characters that start links, images, raw HTML,
    entities, emphasis, code, headings and tables, and collapses whitespace
    runs (line breaks included) to one space, as HTML does, so a sentence
    cannot open a new block: a heading, a list, an indented code block.
    """
    return MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_citations(item: Item | PersonEntry) -> str:
    """' [1] [3]': safe unescaped, since escaped corpus text cannot define
    a Markdown link reference that would turn them into links."""
    more = f" {more_sources_text(item.more_sources)}" if item.more_sources else ""
    return "".join(f" [{n}]" for n in item.citations) + more


def md_item(item: Item, by_speaker: bool) -> str:
    """One bullet: the cue where it carries meaning (actor sections, as in the PDF),
    the sentence, the resolved speaker when the text does not name them (theme
    sections), its citations."""
    stance = shown_stance(item) if by_speaker else None
    label = f"*{stance}:* " if stance else ""
    who = None if by_speaker else unnamed_speaker(item)
    who_text = f" ({md_escape(who)})" if who else ""
    return f"- {label}{md_text(item)}{who_text}{md_citations(item)}"


def _md_run(text: str) -> str:
    """A run of an item's text, escaped, keeping one space at either edge it had."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


def md_side(item: Item) -> str:
    """One side of a point of contention: '- **Speaker** *denies:* text [n]'."""
    label = f" *{item.stance}:*" if item.stance else ""
    speaker = md_escape(item.speaker or "Unattributed")
    return f"- **{speaker}**{label} {md_text(item)}{md_citations(item)}"


def md_text(item: Item) -> str:
    """The item's text with its insertions in escaped brackets."""
    return "".join(f"{p.lead}\\[{md_escape(p.text)}\\]{p.trail}" if p.inserted
                   else _md_run(p.text) for p in item_pieces(item))


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
    if section.kind in EXTRA_KINDS:
        return lines + EXTRA_KINDS[section.kind](section)
    if section.note:
        lines += [f"*{md_escape(section.note)}*", ""]
    if section.kind == "contention":
        for claim, answer in zip(section.items[::2], section.items[1::2], strict=False):
            lines += [md_side(claim), md_side(answer), ""]
        return lines
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
        parts.append(f"*{md_escape(source.title)}*" + ("" if source.title[-1:] in ".?!" else "."))
    else:
        parts.append(f"{UNTITLED}.")
    details = source_details(source)
    if details:
        parts.append(md_escape(", ".join(details)) + ".")
    if source.url:
        parts.append(md_escape(source.url))
    if source.path:
        parts.append(f"(file: {md_escape(source.path)})")
    if source.copies:
        parts.append(md_escape(copies_text(source)))
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


def md_chronology(section: Section) -> list[str]:
    """'- **13 Aug 2021** text [n]', in time order."""
    lines = [f"*{md_escape(section.note)}*", ""] if section.note else []
    return lines + [f"- **{shown_date(i.date, i.date_precision)}** {md_text(i)}"
                    f"{md_citations(i)}" for i in section.items] + [""]


def md_people(section: Section) -> list[str]:
    """A table: name, role, actor, statements in the corpus and in the brief, sources."""
    if not section.people:
        return [f"*{md_escape(section.note)}*", ""]
    lines = ["| Name | Role | Actor | Statements | In brief | Sources |",
             "|---|---|---|---|---|---|"]
    for p in section.people:
        name = md_escape(p.speaker) + (f" ({md_escape(p.affiliation)})" if p.affiliation
                                       else "")
        lines.append(f"| {name} | {md_escape('; '.join(p.roles))} | "
                     f"{md_escape(p.actor_title)} | {p.statements} | {p.in_brief} |"
                     f"{md_citations(p)} |")
    return lines + [""]


def md_charts(section: Section) -> list[str]:
    """Each chart's numbers as a table (the PDF and HTML draw them)."""
    if not section.charts:
        return [f"*{md_escape(section.note)}*", ""]
    lines: list[str] = []
    for chart in section.charts:
        lines += [f"**{md_escape(chart.title)}.** {md_escape(chart.description)}", "",
                  "| | " + " | ".join(md_escape(c) for c in chart.columns) + " |",
                  "|---" * (len(chart.columns) + 1) + "|"]
        lines += ["| " + md_escape(row) + " | " + " | ".join(str(v) for v in values) + " |"
                  for row, values in zip(chart.rows, chart.values, strict=True)]
        lines.append("")
    return lines


EXTRA_KINDS = {"chronology": md_chronology, "people": md_people, "charts": md_charts}

