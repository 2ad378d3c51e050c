"""Fetching a list of URLs into a corpus folder: `fetch_into`."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ..errors import UserError
from ..publish import check_targets, publish
from .content import Entry, page_suffix, read_feed
from .download import FetchFailed, Response, checked_url, download, user_agent
from .names import stem_for, unique_name
from .sources import Sources, added, name_for, read_sources, refetched

# Entries taken from one feed unless --max-entries says otherwise: a news feed lists
# its latest 10 to 50 stories, so this takes all of a usual feed, while an archive
# feed of thousands does not turn one command into thousands of downloads.
MAX_FEED_ENTRIES = 50


@dataclass(frozen=True)
class FetchOptions:
    max_entries: int = MAX_FEED_ENTRIES  # entries fetched from each feed, at most
    user_agent: str = user_agent("0+unknown")  # the CLI gives the installed version


@dataclass(frozen=True)
class Fetched:
    """What became of one URL: a page saved, a feed read, or why neither."""

    url: str  # as given, or as a feed listed it
    final_url: str = ""  # where the answer came from, after redirects
    path: Path | None = None  # the file written
    feed: str = ""  # the feed that listed this URL
    entries: int = 0  # a feed: the entries (with a link) it lists
    taken: int = 0  # a feed: how many of them are fetched now
    left_out: int = 0  # a feed: entries past max_entries, not fetched
    problem: str = ""  # why nothing was saved (a warning), one line
    note: str = ""  # saved, but something about it is worth saying


Report = Callable[[Fetched], None]


def fetch_into(urls: Sequence[str], folder: Path, options: FetchOptions = FetchOptions(),
               report: Report | None = None,
               on_commit: Callable[[Sequence[Path]], None] | None = None,
               today: str | None = None) -> tuple[Fetched, ...]:
    """Download each URL (each once, in order) into `folder`; return what became of
    each, also passed to `report` as it happens.

    1. `folder` (made if missing) and its sources file are checked first: UserError
       before anything is downloaded if the file cannot take new entries.
    2. Each URL is downloaded (download.py: http and https only, bounded).
    3. A feed (content.py) is not saved: its first `max_entries` entries are fetched
       in turn, as pages; a feed listed by a feed is not followed.
    4. An HTML page (or a PDF) is written with its sources entry, both together
       (`publish`): a new file named after its final URL (names.py), or the file its
       entry names if this URL was fetched into the folder before. `fetched` is
       `today`, the UTC date unless given. Anything else is a warning.

    An unreachable URL is a `Fetched` with a problem; the others still go on. A file
    that cannot be written (a full disk) ends the run with UserError; pages written
    before it stay, each with its entry."""
    today = today or datetime.now(timezone.utc).date().isoformat()
    try:
        check_targets([folder / "sources.yaml"], {}, None)
    except UserError as exc:
        raise _for_into(exc) from None
    batch = _Batch(folder, read_sources(folder), options, today, report, on_commit)
    for url in urls:
        batch.fetch(url)
    return tuple(batch.outcomes)


def _for_into(exc: UserError) -> UserError:
    """A write error of the publishing helpers, whose fixes name `-o`, for `--into`."""
    return UserError(exc.where, exc.problem, exc.fix.replace(" with -o", " with --into"))


class _Batch:
    """The state of one `fetch_into`: the sources file as it now is, the URLs seen."""

    def __init__(self, folder: Path, sources: Sources, options: FetchOptions, today: str,
                 report: Report | None,
                 on_commit: Callable[[Sequence[Path]], None] | None) -> None:
        self.folder = folder
        self.sources = sources
        self.options = options
        self.today = today
        self.report = report
        self.on_commit = on_commit
        self.seen: set[str] = set()
        self.outcomes: list[Fetched] = []

    def done(self, outcome: Fetched) -> None:
        self.outcomes.append(outcome)
        if self.report is not None:
            self.report(outcome)

    def fetch(self, url: str) -> None:
        """A URL given by the user: a page, or a feed whose entries are fetched."""
        if _key(url) in self.seen:
            return
        self.seen.add(_key(url))
        try:
            response = download(url, self.options.user_agent)
        except FetchFailed as exc:
            self.done(Fetched(url=url, problem=str(exc)))
            return
        feed = read_feed(response.content_type, response.body, response.final_url)
        if feed is None:
            self.save(response)
            return
        # an entry already fetched in this run (given as a URL too) is not fetched again
        fresh = tuple(e for e in feed.entries if _key(e.url) not in self.seen)
        taken = fresh[:self.options.max_entries]
        self.done(Fetched(url=url, final_url=response.final_url, entries=len(feed.entries),
                          taken=len(taken), left_out=len(fresh) - len(taken),
                          problem=feed.problem))
        for entry in taken:
            self.entry(entry, url)

    def entry(self, entry: Entry, feed: str) -> None:
        """An entry of a feed: a page; a feed again is not followed."""
        self.seen.add(_key(entry.url))
        try:
            response = download(entry.url, self.options.user_agent)
        except FetchFailed as exc:
            self.done(Fetched(url=entry.url, feed=feed, problem=str(exc)))
            return
        if read_feed(response.content_type, response.body, response.final_url) is not None:
            self.done(Fetched(url=entry.url, final_url=response.final_url, feed=feed,
                              problem="a feed listed by a feed, not followed"))
            return
        self.save(response, entry, feed)

    def save(self, response: Response, entry: Entry | None = None, feed: str = "") -> None:
        """Write a page with its sources entry, or say why it is not a page."""
        outcome = Fetched(url=response.url, final_url=response.final_url, feed=feed)
        suffix = page_suffix(response.content_type, response.body)
        if suffix is None:
            served = response.content_type or "no content type"
            self.done(replace(outcome, problem=f"not a web page ({served}); only HTML pages "
                                             "and PDF files are saved"))
            return
        if not response.body.strip():
            self.done(replace(outcome, problem="an empty page"))
            return
        url, note = response.final_url, ""
        name = name_for(self.sources, url, suffix)
        if name is not None:
            sources = refetched(self.sources, name, self.today)
            if sources is None:
                sources = self.sources
                note = (f"its entry in {self.sources.path.name} was left as it is (its "
                        "`fetched` line could not be edited in place)")
        else:
            taken = set(self.sources.entries) | set(_names_in(self.folder))
            name = unique_name(stem_for(url), suffix, taken)
            sources = added(self.sources, name, {
                "url": url, "fetched": self.today,
                "title": entry.title if entry else "", "date": entry.date if entry else ""})
        path = self.folder / name
        try:
            publish({path: response.body, sources.path: sources.encoded()},
                    on_commit=self.on_commit)
        except UserError as exc:
            raise _for_into(exc) from None
        self.sources = sources
        self.done(replace(outcome, path=path, note=note))


def _key(url: str) -> str:
    """The URL as it would be requested, to tell URLs already fetched in this run."""
    try:
        return checked_url(url)
    except FetchFailed:
        return url


def _names_in(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:  # not made yet
        return []
