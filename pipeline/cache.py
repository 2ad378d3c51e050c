"""Incremental cache: per-article analysis stored in SQLite, keyed by content.

An article's analysis (blocks, sentences, attributions, term lists) depends
only on its text, the outline's actors and the analysing code. The key is a
SHA-256 of all three, so an edited article, a changed actor list or a new
version of clean/split/attribute simply misses the cache; nothing is ever
stale. Records are JSON (never pickle: a cache file must not be able to run
code).

Location: `--cache PATH`, else the outline's `cache` key, else
`$XDG_CACHE_HOME/brief/analysis.sqlite` (default `~/.cache/brief/`).

Concurrent runs are safe: SQLite in WAL mode with a busy timeout, and writes
are `INSERT OR REPLACE` of identical values. A corrupt file is reported,
moved aside and rebuilt: the cache is never a reason for a build to fail.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .models import AnalysedArticle, Article, Attribution, Block, Sentence

log = logging.getLogger("brief")

CACHE_FILE = "analysis.sqlite"
# Bump when the record layout changes (code changes are caught by CODE_FILES).
RECORD_VERSION = 2
# The modules whose code decides an article's analysis; their source is hashed
# into every key so that a new version of the code never reads old results.
CODE_FILES = ("clean.py", "sentences.py", "attribute.py", "vectors.py", "analysis.py")
# Waiting this long for another run's write lock is normal on a busy machine.
BUSY_TIMEOUT_MS = 30_000
# SQLite limits the number of parameters of one statement; fetch in chunks.
FETCH_CHUNK = 500


def default_location() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brief" / CACHE_FILE


def code_fingerprint() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(RECORD_VERSION).encode())
    for name in CODE_FILES:
        path = here / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def article_key(text: str, context: str) -> str:
    """Cache key of one article: its text plus the context (code + actors) digest."""
    return hashlib.sha256(context.encode() + b"\0" + text.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------- records


def to_record(blocks: Sequence[Block], sentences: Sequence[Sentence],
              attributions: Sequence[Attribution], terms: Sequence[Sequence[str]],
              concepts: Sequence[Sequence[str]], seconds: dict[str, float]) -> dict[str, Any]:
    """A JSON-able record of one article's analysis (texts are not stored: the
    article's text gives them back, which keeps them verbatim by construction)."""
    return {
        "blocks": [[b.start, b.end, b.boilerplate, b.reason, b.kind] for b in blocks],
        "sentences": [[s.start, s.end, s.block, s.boilerplate, s.reason] for s in sentences],
        "attributions": [[a.speaker, a.speaker_role, a.cue, a.actor, a.quote, a.act]
                         for a in attributions],
        "terms": [list(t) for t in terms],
        "concepts": [list(c) for c in concepts],
        "seconds": seconds,
    }


def from_record(record: dict[str, Any], article: Article) -> AnalysedArticle:
    """The analysis a record holds, its sentence texts cut from `article.text`."""
    doc, text = article.doc, article.text
    blocks = tuple(Block(start=s, end=e, boilerplate=bp, reason=r, kind=k)
                   for s, e, bp, r, k in record["blocks"])
    sentences = tuple(
        Sentence(doc=doc, index=i, start=s, end=e, text=text[s:e], block=b, boilerplate=bp,
                 reason=r)
        for i, (s, e, b, bp, r) in enumerate(record["sentences"]))
    attributions = tuple(Attribution(speaker=sp, speaker_role=ro, cue=cu, actor=ac, quote=q,
                                     act=act)
                         for sp, ro, cu, ac, q, act in record["attributions"])
    return AnalysedArticle(article=article, blocks=blocks, sentences=sentences,
                           attributions=attributions,
                           terms=tuple(tuple(t) for t in record["terms"]),
                           concepts=tuple(tuple(c) for c in record["concepts"]))


# ----------------------------------------------------------------- storage

# Typeset PDFs kept, newest first: enough for a few outlines built in turn.
RENDERS_KEPT = 8


def _create_tables(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, record TEXT)")
    # A PDF by the digest of everything that shapes it (`render.pdf_key`): a rebuild
    # whose brief did not change is not typeset again (WeasyPrint takes seconds).
    db.execute("CREATE TABLE IF NOT EXISTS renders "
               "(key TEXT PRIMARY KEY, pdf BLOB, stored INTEGER)")


class AnalysisCache:
    """A key -> record store in one SQLite file; every failure degrades to a miss."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            _create_tables(db)
            db.execute("SELECT count(*) FROM analysis").fetchone()
            self._db = db
        except sqlite3.DatabaseError as exc:
            self._heal(exc)
        except OSError as exc:
            log.warning("%s: cache unavailable (%s); building without it", self.path, exc)
            self._db = None

    def _heal(self, exc: Exception) -> None:
        """Move a corrupt cache file aside and start a fresh one (once)."""
        log.warning("%s: cache is corrupt (%s); rebuilding it", self.path, exc)
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            broken = Path(f"{self.path}{suffix}")
            if broken.exists():
                broken.replace(Path(f"{self.path}{suffix}.corrupt"))
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            db.execute("PRAGMA journal_mode=WAL")
            _create_tables(db)
            self._db = db
        except (sqlite3.DatabaseError, OSError) as again:
            log.warning("%s: cache unavailable (%s); building without it", self.path, again)
            self._db = None

    def _rows(self, columns: str, keys: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """The `columns` of the analysis rows of `keys`, fetched in chunks."""
        assert self._db is not None
        unique = sorted(set(keys))
        for i in range(0, len(unique), FETCH_CHUNK):
            chunk = unique[i:i + FETCH_CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(
                f"SELECT {columns} FROM analysis WHERE key IN ({marks})", chunk)

    def stored(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` have a record (nothing is read or decoded)."""
        if self._db is None:
            return set()
        try:
            return {key for (key,) in self._rows("key", keys)}
        except sqlite3.DatabaseError as exc:
            self._heal(exc)
            return set()

    def get_many(self, keys: Sequence[str], count: bool = True) -> dict[str, dict[str, Any]]:
        """The records stored under `keys`; `count` adds them to the hit and miss counts
        (the counts are of articles)."""
        found: dict[str, dict[str, Any]] = {}
        if self._db is None:
            self.misses += len(keys) if count else 0
            return found
        try:
            for key, record in self._rows("key, record", keys):
                found[key] = json.loads(record)
        except (sqlite3.DatabaseError, json.JSONDecodeError) as exc:
            self._heal(exc)
            found = {}
        if count:
            self.hits += sum(k in found for k in keys)
            self.misses += sum(k not in found for k in keys)
        return found

    def put_many(self, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        if self._db is None:
            return
        rows = [(key, json.dumps(record, separators=(",", ":"))) for key, record in records]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            log.warning("%s: could not store analysis (%s); continuing", self.path, exc)

    def get_render(self, key: str) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT pdf FROM renders WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            log.warning("%s: could not read a stored PDF (%s); typesetting", self.path, exc)
            return None
        return bytes(row[0]) if row else None

    def put_render(self, key: str, pdf: bytes) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                newest = self._db.execute("SELECT coalesce(max(stored), 0) FROM renders")
                stamp = newest.fetchone()[0] + 1
                self._db.execute("INSERT OR REPLACE INTO renders VALUES (?, ?, ?)",
                                 (key, pdf, stamp))
                self._db.execute("DELETE FROM renders WHERE stored <= ?",
                                 (stamp - RENDERS_KEPT,))
        except sqlite3.DatabaseError as exc:
            log.warning("%s: could not store the PDF (%s); continuing", self.path, exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def clear(path: Path) -> int:
    """Delete the cache file (and its WAL companions); return the bytes freed."""
    freed = 0
    for suffix in ("", "-wal", "-shm", ".corrupt", "-wal.corrupt", "-shm.corrupt"):
        target = Path(f"{path}{suffix}")
        if target.exists():
            freed += target.stat().st_size
            target.unlink()
    return freed
