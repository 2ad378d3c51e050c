"""Incremental cache: per-article analysis (and typeset PDFs) in one SQLite file.

An article's analysis (blocks, sentences, attributions, term lists) depends
only on its text, the outline's actors and the analysing code. The key is a
SHA-256 of all three, so an edited article, a changed actor list or a new
version of clean/split/attribute simply misses the cache; nothing is ever
stale. Records are JSON (never pickle: a cache file must not be able to run
code), each stored with its digest and checked again when read (records.py).

Location: `--cache PATH`, else the outline's `cache` key (a path inside the
outline's folder), else `$XDG_CACHE_HOME/brief/analysis.sqlite`.

The cache never touches a file it did not write. It is created whole under a
temporary name and linked into place, with its own `application_id` in the
SQLite header; any existing path without that header (an article, a folder,
another program's database) is left alone and the build goes on without a
cache. Trouble with a healthy cache (locked by another run for longer than
BUSY_TIMEOUT_MS, a full disk, a read-only file or folder) also means "build
without it, with a warning"; only a file of ours that SQLite reports as
corrupt is moved aside (once per run) and started afresh.

Concurrent runs are safe: SQLite in WAL mode with a busy timeout, and writes
are `INSERT OR REPLACE` of identical values.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import UserError

log = logging.getLogger("brief")

CACHE_FILE = "analysis.sqlite"
# Bump when the record layout changes (code changes are caught by ANALYSING_CODE).
RECORD_VERSION = 4
# The code that decides an article's analysis: modules and folders of pipeline/, by
# name ("data" holds the stop-word list). Every file of them, code and data (a word
# list, the verb table) is hashed into every key, with its path, so that an edited,
# added, moved or removed file never serves an analysis made by other code. A name
# that is neither a module nor a folder fails loudly (`code_fingerprint`), rather than
# hashing as nothing.
ANALYSING_CODE = ("clean", "sentences", "attribute", "vectors", "data", "analysis",
                  "records")
# Another run holds the write lock for milliseconds (one batch of rows); a lock
# held this long is not a concurrent build but a stuck one, and the build goes
# on without the cache rather than waiting for it.
BUSY_TIMEOUT_MS = 5_000
# SQLite limits the number of parameters of one statement; fetch in chunks.
FETCH_CHUNK = 500
# Typeset PDFs kept, newest first: enough for a few outlines built in turn.
RENDERS_KEPT = 8

# What marks a file as ours: the SQLite header, and this `PRAGMA application_id`
# ("brf1") that SQLite stores at byte 68 of it.
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x62726631
APPLICATION_ID_OFFSET = 68
# `PRAGMA user_version` of the table layout; a cache of another layout is emptied.
SCHEMA_VERSION = 3
# Tables of the layout before application ids: such a file is ours too.
LEGACY_TABLES = frozenset({"analysis", "renders"})
# SQLite result codes that mean the file itself is damaged.
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
# Companion files SQLite keeps beside the database in WAL mode.
COMPANIONS = ("-wal", "-shm")


def default_location() -> Path:
    """$XDG_CACHE_HOME/brief/analysis.sqlite, else ~/.cache/...; with no home folder
    (a container user without one) a folder of this user's in the temporary folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no password entry
            base = str(Path(tempfile.gettempdir()) / f"brief-cache-{os.getuid()}")
    return Path(base) / "brief" / CACHE_FILE


def code_files(root: Path) -> list[Path]:
    """The files of ANALYSING_CODE under `root` (the pipeline package), in a fixed order."""
    files: list[Path] = []
    for name in ANALYSING_CODE:
        module, package = root / f"{name}.py", root / name
        if module.is_file():
            files.append(module)
        elif package.is_dir():
            files.extend(sorted(
                path for path in package.rglob("*") if path.is_file()
                and "__pycache__" not in path.parts and not path.name.startswith(".")))
        else:
            raise RuntimeError(f"cache.ANALYSING_CODE names '{name}', which is neither "
                               f"{module} nor a package folder")
    return files


def code_fingerprint(root: Path | None = None) -> str:
    """A digest of every file of the analysing code (ANALYSING_CODE)."""
    root = root or Path(__file__).resolve().parent
    digest = hashlib.sha256(str(RECORD_VERSION).encode())
    for path in code_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def article_key(text: str, context: str) -> str:
    """Cache key of one article: its text plus the context (code + actors) digest."""
    return hashlib.sha256(context.encode() + b"\0" + text.encode("utf-8")).hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------- whose file

ABSENT = "absent"
OURS = "ours"


def _read_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _legacy_cache(path: Path) -> bool:
    """Whether an SQLite file without our application id holds exactly the tables
    of a cache written before ids were set (opened read-only to look)."""
    try:
        db = sqlite3.connect(_read_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {name for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except (sqlite3.Error, OSError, ValueError):
        return False
    return "analysis" in tables and tables <= LEGACY_TABLES


def ownership(path: Path) -> str:
    """ABSENT, OURS, or why the file at `path` is not a cache this tool wrote."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return "is a link to nothing" if path.is_symlink() else ABSENT
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror})"
    if stat.S_ISDIR(status.st_mode):
        return "is a folder"
    if not stat.S_ISREG(status.st_mode):
        return "is not a regular file"
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not head.startswith(SQLITE_HEADER):
        return "is not an SQLite database"
    app_id = int.from_bytes(head[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")
    if app_id == APPLICATION_ID or (app_id == 0 and _legacy_cache(path)):
        return OURS
    return "is another program's SQLite database"


def _companion(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _create_tables(db: sqlite3.Connection) -> None:
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.execute("DROP TABLE IF EXISTS analysis")
    db.execute("DROP TABLE IF EXISTS renders")
    db.execute("CREATE TABLE analysis (key TEXT PRIMARY KEY, record TEXT, digest TEXT)")
    # A PDF by the digest of everything that shapes it (`render.pdf_key`): a rebuild
    # whose brief did not change is not typeset again (WeasyPrint takes seconds).
    db.execute("CREATE TABLE renders "
               "(key TEXT PRIMARY KEY, pdf BLOB, digest TEXT, stored INTEGER)")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _create(path: Path) -> None:
    """A new, empty cache at `path`, made whole under a temporary name and linked into
    place: `path` never exists without our header, and an existing file (another
    run's cache created meanwhile) is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    fresh = Path(name)
    try:
        db = sqlite3.connect(fresh)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # kept in the header
            with db:
                _create_tables(db)
        finally:
            db.close()
        try:
            os.link(fresh, path)
        except FileExistsError:
            pass  # another run created it first; ownership is checked next
        except OSError:  # a file system without hard links
            if not os.path.lexists(path):
                os.rename(fresh, path)
    finally:
        for suffix in ("", *COMPANIONS):
            _companion(fresh, suffix).unlink(missing_ok=True)


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged (rather than busy, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc)
    return "malformed" in text or "not a database" in text


# ----------------------------------------------------------------- the store


class AnalysisCache:
    """A key -> record store (and key -> PDF) in one SQLite file of ours; every
    failure degrades to a miss. `writable=False` (`brief check`) reads an existing
    cache and never creates or writes anything. The connection opens when first
    needed; `release()` closes it (before worker processes are forked)."""

    def __init__(self, path: Path, writable: bool = True) -> None:
        self.path = path
        self.writable = writable
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._off = False  # set for the rest of the run when the cache cannot be used
        self._repaired = False

    # -- connection --------------------------------------------------------
    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and not self._off:
            try:
                self._db = self._open()
            except sqlite3.Error as exc:
                self._trouble(exc, "open")
            except OSError as exc:
                self._give_up(f"cannot be used ({exc.strerror or exc})")
        return self._db

    def _open(self) -> sqlite3.Connection | None:
        whose = ownership(self.path)
        if whose == ABSENT:
            if not self.writable:
                self._off = True
                return None
            _create(self.path)
            whose = ownership(self.path)
        if whose != OURS:
            self._give_up(f"{whose}, not a brief cache: left alone",
                          "give --cache (or the outline's `cache`) a new file name")
            return None
        db = sqlite3.connect(self.path.resolve().as_uri() + ("" if self.writable else "?mode=ro"),
                             uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            (app_id,), = db.execute("PRAGMA application_id")
            (version,), = db.execute("PRAGMA user_version")
            if version != SCHEMA_VERSION:
                if not self.writable:
                    raise _Stale
                with db:  # ours, from another version of brief (or before application ids)
                    _create_tables(db)
            elif app_id != APPLICATION_ID:
                raise _Stale
        except _Stale:
            db.close()
            self._off = True
            return None
        except BaseException:
            db.close()
            raise
        return db

    def _give_up(self, problem: str, fix: str = "") -> None:
        """Build without the cache for the rest of the run (one warning)."""
        if not self._off:
            tail = f"; {fix}" if fix else ""
            log.warning("%s: cache %s; building without it%s", self.path, problem, tail)
        self._off = True
        self.release()

    def _trouble(self, exc: sqlite3.Error, doing: str) -> None:
        """A failed SQLite call: a damaged file of ours is moved aside and started
        afresh (once per run); anything else (locked, full, read-only) only turns the
        cache off for this run."""
        if not _damaged(exc) or self._repaired or not self.writable:
            self._give_up(f"could not {doing} ({exc})")
            return
        self.release()
        if ownership(self.path) != OURS:
            self._give_up(f"could not {doing} ({exc})")
            return
        log.warning("%s: cache is corrupt (%s); moved aside to %s.corrupt and started "
                    "afresh", self.path, exc, self.path.name)
        self._repaired = True
        try:
            for suffix in ("", *COMPANIONS):
                part = _companion(self.path, suffix)
                if part.exists():
                    part.replace(_companion(self.path, suffix + ".corrupt"))
        except OSError as move:
            self._give_up(f"could not be moved aside ({move.strerror})")

    def release(self) -> None:
        """Close the connection; the next use opens it again."""
        if self._db is not None:
            self._db.close()
            self._db = None

    close = release

    # -- analysis records --------------------------------------------------
    def _rows(self, db: sqlite3.Connection, columns: str, keys: Sequence[str]
              ) -> Iterator[tuple[Any, ...]]:
        """The `columns` of the analysis rows of `keys`, fetched in chunks."""
        unique = sorted(set(keys))
        for i in range(0, len(unique), FETCH_CHUNK):
            chunk = unique[i:i + FETCH_CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from db.execute(
                f"SELECT {columns} FROM analysis WHERE key IN ({marks})", chunk)

    def stored(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` have a record (nothing is read or decoded)."""
        db = self._connection()
        if db is None:
            return set()
        try:
            return {key for (key,) in self._rows(db, "key", keys)}
        except sqlite3.Error as exc:
            self._trouble(exc, "read")
            return set()

    def get_many(self, keys: Sequence[str], count: bool = True) -> dict[str, dict[str, Any]]:
        """The records stored under `keys` whose digest holds; `count` adds them to the
        hit and miss counts (the counts are of articles). A record must still be
        checked against its article (`records.from_record`)."""
        found: dict[str, dict[str, Any]] = {}
        damaged = 0
        db = self._connection()
        if db is not None:
            try:
                for key, record, digest in self._rows(db, "key, record, digest", keys):
                    decoded = _decoded(record, digest)
                    if decoded is not None:
                        found[key] = decoded
                    damaged += decoded is None
            except sqlite3.Error as exc:
                self._trouble(exc, "read")
                found = {}
        if damaged:
            log.warning("%s: %d stored records are damaged (their digest fails); analysing "
                        "them again", self.path, damaged)
        if count:
            self.hits += sum(k in found for k in keys)
            self.misses += sum(k not in found for k in keys)
        return found

    def put_many(self, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        rows = []
        for key, record in records:
            text = json.dumps(record, separators=(",", ":"))
            rows.append((key, text, _digest(text.encode("utf-8"))))
        self._write("store the analysis", "INSERT OR REPLACE INTO analysis VALUES (?, ?, ?)",
                    rows)

    def _write(self, doing: str, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if not self.writable or not rows:
            return
        db = self._connection()
        if db is None:
            return
        try:
            with db:
                db.executemany(sql, rows)
        except sqlite3.Error as exc:
            self._trouble(exc, doing)

    # -- typeset PDFs ------------------------------------------------------
    def get_render(self, key: str) -> bytes | None:
        """A PDF stored under `key`, if its digest holds and it looks like a whole PDF."""
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT pdf, digest FROM renders WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._trouble(exc, "read a stored PDF")
            return None
        if row is None or not isinstance(row[0], bytes):
            return None
        pdf = bytes(row[0])
        if row[1] != _digest(pdf) or not whole_pdf(pdf):
            log.debug("%s: a stored PDF is damaged; typesetting again", self.path)
            return None
        return pdf

    def put_render(self, key: str, pdf: bytes) -> None:
        db = self._connection() if self.writable else None
        if db is None:
            return
        try:
            with db:
                newest = db.execute("SELECT coalesce(max(stored), 0) FROM renders")
                stamp = newest.fetchone()[0] + 1
                db.execute("INSERT OR REPLACE INTO renders VALUES (?, ?, ?, ?)",
                           (key, pdf, _digest(pdf), stamp))
                db.execute("DELETE FROM renders WHERE stored <= ?", (stamp - RENDERS_KEPT,))
        except sqlite3.Error as exc:
            self._trouble(exc, "store the PDF")


class _Stale(Exception):
    """A cache opened read-only that another version of brief wrote: not usable."""


def _decoded(record: object, digest: object) -> dict[str, Any] | None:
    """A stored record's JSON, or None when it does not match its digest or is not
    a JSON object."""
    if not isinstance(record, str) or digest != _digest(record.encode("utf-8", "replace")):
        return None
    try:
        value = json.loads(record)
    except (ValueError, RecursionError):  # not JSON, or nested past Python's limit
        return None
    return value if isinstance(value, dict) else None


def whole_pdf(data: bytes) -> bool:
    """Whether `data` starts like a PDF and ends with an end-of-file marker."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def clear(path: Path) -> int:
    """Delete the cache at `path` (with its WAL companions and a corrupt copy moved
    aside); return the bytes freed. Refuses (UserError) anything but a cache of ours."""
    whose = ownership(path)
    if whose == ABSENT:
        return 0
    if whose != OURS:
        raise UserError(str(path), f"{whose}, not a brief cache: left alone",
                        "give the path of the cache file (see `brief cache clear --help`)")
    freed = 0
    parts = [_companion(path, s) for s in ("", *COMPANIONS)]
    if ownership(_companion(path, ".corrupt")) == OURS:  # what `_trouble` moved aside
        parts += [_companion(path, s + ".corrupt") for s in ("", *COMPANIONS)]
    for part in parts:
        if part.is_file():
            freed += part.stat().st_size
            part.unlink()
    return freed
