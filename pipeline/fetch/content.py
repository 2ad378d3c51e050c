"""What an answer is: a page to save, a PDF, a feed of entries, or none of these.

A feed is recognised by what was served, not by its address: a feed media type
(`application/rss+xml`, `application/atom+xml`), or XML (a generic XML type, or bytes
opening like XML) whose root element is `rss` (RSS 0.9x and 2.0), `RDF` (RSS 0.90 and
1.0) or `feed` (Atom). Feeds are parsed with defusedxml: no entity expansion, no
external entities or DTDs fetched. Each entry gives its page's link, and its title and
date when the feed states them.
"""

from __future__ import annotations

import email.utils
import html
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPE = "application/pdf"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")
# Local names (namespace dropped) of the root element of RSS 0.9x/2.0, RSS 0.90/1.0, Atom.
FEED_ROOTS = ("rss", "RDF", "feed")
# How a body served without a telling type opens (after a BOM and blank space).
XML_OPENINGS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")
HTML_OPENINGS = (b"<!doctype html", b"<html")
PDF_MAGIC = b"%PDF-"
# A PDF's header may follow other bytes, within its first 1024 (PDF 1.7, annex H).
PDF_HEADER_WITHIN = 1024
# The opening bytes looked at to sniff a body.
SNIFF_BYTES = 512
# Feed titles go into sources.yaml; real headlines are under 150 characters, and a
# hostile feed must not write megabytes there.
MAX_TITLE_CHARS = 300
_TAG = re.compile(r"<[^>]*>")
# The date part of an ISO 8601 timestamp, for forms datetime.fromisoformat of Python
# 3.10 does not read (fractions of other than 3 or 6 digits).
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[Tt ]\d{2}:\d{2}|$)")


@dataclass(frozen=True)
class Entry:
    """One entry of a feed: the page it links to and what the feed says of it."""

    url: str  # absolute (a relative link is resolved against the feed's address)
    title: str = ""
    date: str = ""  # YYYY-MM-DD; "" when the feed gives no date we can read


@dataclass(frozen=True)
class Feed:
    """The entries of a feed, in its order (each link once), or why there are none."""

    entries: tuple[Entry, ...]
    problem: str = ""


def page_suffix(content_type: str, body: bytes) -> str | None:
    """The suffix a served page is saved with (".html", ".pdf"), or None when it is
    neither. The media type decides; only an answer without one is sniffed."""
    if content_type in HTML_TYPES:
        return ".html"
    is_pdf = PDF_MAGIC in body[:PDF_HEADER_WITHIN]
    if content_type == PDF_TYPE:
        return ".pdf" if is_pdf else None
    if not content_type:
        if _head(body).startswith(HTML_OPENINGS):
            return ".html"
        if is_pdf:
            return ".pdf"
    return None


def _head(body: bytes) -> bytes:
    return body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()


def read_feed(content_type: str, body: bytes, base_url: str) -> Feed | None:
    """The feed's entries, or None when the answer is not a feed (see the module
    docstring). A body served as a feed that cannot be parsed is a Feed with a
    problem."""
    declared = content_type in FEED_TYPES
    if not (declared or content_type in XML_TYPES or _head(body).startswith(XML_OPENINGS)):
        return None
    try:
        root = defusedxml.ElementTree.fromstring(body)
    except (ParseError, defusedxml.DefusedXmlException, ValueError) as exc:
        if declared:
            return Feed(entries=(), problem=f"served as a feed but not readable XML ({exc})")
        return None
    if _local(root) not in FEED_ROOTS:
        if declared:
            return Feed(entries=(), problem=f"served as a feed but its root is <{_local(root)}>")
        return None
    if _local(root) == "feed":
        items = [child for child in root if _local(child) == "entry"]
        entries = (_atom_entry(item, base_url) for item in items)
    else:
        channels = [child for child in root if _local(child) == "channel"]
        items = [child for parent in (root, *channels) for child in parent
                 if _local(child) == "item"]
        entries = (_rss_entry(item, base_url) for item in items)
    kept = _first_of_each_link(entries)
    if not kept:
        return Feed(entries=(), problem="a feed with no entry that links to a page")
    return Feed(entries=kept)


def _first_of_each_link(entries: Iterable[Entry | None]) -> tuple[Entry, ...]:
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry is not None and entry.url not in seen:
            seen[entry.url] = entry
    return tuple(seen.values())


def _local(element: Element) -> str:
    """The element's name without its namespace (`{http://...Atom}feed` -> `feed`)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child) == name]


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _rss_entry(item: Element, base_url: str) -> Entry | None:
    """RSS: the link is `<link>`'s text (or an atom:link's href, or a permalink guid);
    the date `<pubDate>` (RFC 822) or `<dc:date>` (ISO 8601)."""
    link = next((_text(e) for e in _children(item, "link") if _text(e)), "")
    link = link or next((e.get("href", "") for e in _children(item, "link")
                         if e.get("href") and e.get("rel", "alternate") == "alternate"), "")
    if not link:
        link = next((_text(e) for e in _children(item, "guid")
                     if e.get("isPermaLink", "true") != "false"
                     and _text(e).lower().startswith(("http://", "https://"))), "")
    if not link:
        return None
    dates = [_text(e) for name in ("pubDate", "date") for e in _children(item, name)]
    return Entry(url=urllib.parse.urljoin(base_url, link), title=_title(item),
                 date=next(filter(None, map(iso_date, dates)), ""))


def _atom_entry(item: Element, base_url: str) -> Entry | None:
    """Atom: the link is `<link rel="alternate" href>` (no rel means alternate), else
    the first link with an href; the date `<published>`, else `<updated>` (Atom 1.0),
    `<issued>` or `<modified>` (Atom 0.3)."""
    links = [e for e in _children(item, "link") if e.get("href")]
    alternate = [e for e in links if e.get("rel", "alternate") == "alternate"]
    if not links:
        return None
    chosen = (alternate or links)[0]
    dates = [_text(e) for name in ("published", "issued", "updated", "modified")
             for e in _children(item, name)]
    return Entry(url=urllib.parse.urljoin(base_url, chosen.get("href", "").strip()),
                 title=_title(item), date=next(filter(None, map(iso_date, dates)), ""))


def _title(item: Element) -> str:
    """The entry's title as plain text: feeds often carry HTML in it (Atom's
    type="html", RSS by habit), so tags are dropped and entities decoded."""
    title = next((e for e in _children(item, "title")), None)
    text = " ".join(html.unescape(_TAG.sub(" ", _text(title))).split())
    if len(text) > MAX_TITLE_CHARS:
        text = text[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return text


def iso_date(text: str) -> str:
    """`YYYY-MM-DD` of an RFC 822 date (RSS: "Tue, 10 Jun 2025 23:30:00 -0500") or an
    ISO 8601 one (Atom, dc:date), or "" when it is neither. The date is the one the
    feed states, in its own time zone: the day the outlet published on."""
    text = text.strip()
    if not text:
        return ""
    match = _ISO_DATE.match(text)
    if match:  # ISO 8601 (the extended form, as feeds write it) starts with the date
        try:
            iso = text[:-1] + "+00:00" if text[-1] in "Zz" else text
            return datetime.fromisoformat(iso).date().isoformat()
        except ValueError:  # a form this Python does not read: the date part alone
            try:
                return date.fromisoformat(match.group(1)).isoformat()
            except ValueError:  # 2025-02-31
                return ""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""
