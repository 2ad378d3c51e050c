"""Ingest: corpus folder -> Articles.

Reads `.txt` and `.md` files (sorted by path, so every run sees the same
order), decodes them as UTF-8 with a leading BOM removed, and attaches what the
metadata file (`sources.yaml` beside the articles) states about each one.
Offsets later in the pipeline index into `Article.text` exactly as decoded
here: line endings are kept as they are (CRLF stays CRLF).

Odd files do not stop a build: empty or binary files are skipped, undecodable
bytes are replaced; each with a warning naming the file.
"""

from __future__ import annotations

import difflib
import errno
import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import UserError, shown
from .files import NotReadable, read_regular
from .models import Article, Block, SourceMeta
from .outline import parse_yaml
from .walk import Walk, walk_corpus

log = logging.getLogger("brief")

ARTICLE_SUFFIXES = (".txt", ".md")
METADATA_NAMES = ("sources.yaml", "sources.yml", "sources.json")
# A NUL byte in the first few KB means a binary file (images, PDFs, archives);
# text in any encoding we accept never contains one.
BINARY_SNIFF_BYTES = 8192
# An article file larger than this is not an article (a news story is tens of KB;
# the 20 MB one-line test file is the largest the tests build): skipped, not read.
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
# sources.yaml holds a few lines per article (about 200 bytes): this is room for
# a hundred thousand articles.
MAX_METADATA_BYTES = 20 * 1024 * 1024
# Titles taken from a first line are cut here (words kept whole).
MAX_TITLE_CHARS = 120


class _SourceEntry(BaseModel):
    """One article's entry in sources.yaml; every field optional."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    url: str = ""


@dataclass(frozen=True)
class Corpus:
    """The articles of a corpus and the warnings met reading it."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...]


def find_article_files(corpus_dir: Path) -> Walk:
    """Article files under `corpus_dir`, sorted, and what the walk skipped (walk.py)."""
    return walk_corpus(corpus_dir, lambda name: name.lower().endswith(ARTICLE_SUFFIXES))


def _undecodable_name(file: Path) -> bool:
    """Whether the file's name is not valid UTF-8 (Python keeps such bytes as lone
    surrogates, which no output format can encode)."""
    return any("\udc80" <= ch <= "\udcff" for ch in str(file))


def _display_path(file: Path, outline_folder: Path, absolute: bool) -> str:
    """The path as outputs show it: control characters and bytes that are not UTF-8
    escaped (`shown`), so every output format can hold it."""
    if absolute:
        return shown(str(file.resolve()))
    return shown(Path(os.path.relpath(file, outline_folder)).as_posix())


def _doc_id(file: Path, corpus_dir: Path, taken: set[str]) -> str:
    """File stem (with subfolders), made unique when `a.txt` and `a.md` both exist."""
    rel = shown(file.relative_to(corpus_dir).with_suffix("").as_posix())
    doc = rel if rel not in taken else shown(file.relative_to(corpus_dir).as_posix())
    taken.add(doc)
    return doc


def decode_article(data: bytes, name: str, warnings: list[str]) -> str | None:
    """Text of an article file, or None (with a warning) when it must be skipped."""
    if not data.strip():
        warnings.append(f"{name}: empty file, skipped")
        return None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        warnings.append(f"{name}: binary file, skipped; articles must be text (.txt, .md)")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{name}: not valid UTF-8 (byte {exc.start}); undecodable bytes replaced by U+FFFD, "
            "offsets refer to the replaced text; re-save the file as UTF-8"
        )
        return data.decode("utf-8-sig", errors="replace")


def _read_article(file: Path, identity: tuple[int, int] | None,
                  warnings: list[str]) -> bytes | None:
    """The bytes of an article file, or None (with a warning) when it cannot or must
    not be read: not the regular file the corpus walk found (swapped for a link or a
    pipe since), or larger than an article."""
    try:
        return read_regular(file, MAX_ARTICLE_BYTES, identity)
    except NotReadable as exc:
        fix = "split it into articles" if exc.errno == errno.EFBIG else "check the file"
        warnings.append(f"{file}: {exc.strerror}, skipped; {fix}")
    except OSError as exc:
        warnings.append(f"{file}: cannot read ({exc.strerror}), skipped")
    return None


def headline(text: str, blocks: Sequence[Block]) -> str:
    """The headline the clean stage found, else the first block; cut to
    MAX_TITLE_CHARS. (The first line of a page copy is often navigation such as
    "Accessibility links", which the clean stage skips.)"""
    chosen = next((b for b in blocks if b.kind == "title"), blocks[0] if blocks else None)
    if chosen is None:
        return ""
    line = " ".join(text[chosen.start:chosen.end].split())
    if len(line) <= MAX_TITLE_CHARS:
        return line
    # A long first paragraph: its first sentence if that is short enough.
    first_stop = min((i for i in (line.find(". "), line.find("? ")) if i > 0), default=-1)
    if 0 < first_stop < MAX_TITLE_CHARS:
        return line[:first_stop + 1]
    return line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def load_metadata(corpus_dir: Path, names: set[str]) -> tuple[dict[str, _SourceEntry], list[str]]:
    """Entries of the corpus's metadata file keyed by article file name (relative path)."""
    warnings: list[str] = []
    for meta_name in METADATA_NAMES:
        meta_path = corpus_dir / meta_name
        if meta_path.is_file():
            break
    else:
        return {}, warnings
    where = str(meta_path)
    if not meta_path.resolve().is_relative_to(corpus_dir.resolve()):
        warnings.append(f"{where}: a link to a file outside the corpus folder, not read; "
                        "copy the file into the corpus")
        return {}, warnings
    try:
        text = read_regular(meta_path, MAX_METADATA_BYTES).decode("utf-8-sig")
    except NotReadable as exc:
        raise UserError(where, f"metadata file: {exc.strerror}",
                        "a sources file is a short YAML file beside the articles; check it "
                        "is the right file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(where, f"cannot read metadata file ({exc})", "save it as UTF-8") from None
    data, lines = parse_yaml(text, where) if text.strip() else ({}, {})
    if not isinstance(data, dict):
        raise UserError(f"{where}:1", "expected a mapping of file name -> fields",
                        "write `article.txt: {title: ..., outlet: ...}` lines")
    entries: dict[str, _SourceEntry] = {}
    for file_name, fields in data.items():
        place = f"{where}:{lines.get((file_name,), 1)}"
        try:
            entries[file_name] = _SourceEntry.model_validate(fields or {})
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            place = f"{where}:{lines.get((file_name, *err['loc']), lines.get((file_name,), 1))}"
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(key, list(_SourceEntry.model_fields), n=1)
                fix = f"did you mean '{close[0]}'?" if close else \
                    "known keys: title, outlet, author, date, url"
                raise UserError(place, f"unknown key '{file_name}.{key}'", fix) from None
            raise UserError(place, f"{file_name}.{key}: {err['msg']}",
                            "give text values, quoted if needed") from None
        if file_name not in names:
            warnings.append(f"{place}: '{file_name}' names no article in the corpus; "
                            "check the file name")
    return entries, warnings


def ingest(corpus_dir: Path, outline_folder: Path, corpus_where: str,
           absolute_paths: bool = False) -> Corpus:
    """Read every article of `corpus_dir`; raise UserError when there is none.

    Paths in the output are relative to `outline_folder`, or absolute when the
    outline gave the corpus as an absolute path (`absolute_paths`).
    """
    if not corpus_dir.exists():
        raise UserError(corpus_where, f"corpus folder '{corpus_dir}' not found",
                        "set `corpus` to a folder of .txt/.md articles, relative to the outline")
    if not corpus_dir.is_dir():
        raise UserError(corpus_where, f"corpus '{corpus_dir}' is not a folder",
                        "set `corpus` to a folder of .txt/.md articles")
    walk = find_article_files(corpus_dir)
    files = list(walk.files)
    if not files and walk.warnings:
        for warning in walk.warnings:
            log.warning(warning)
    if not files:
        raise UserError(corpus_where, f"corpus folder '{corpus_dir}' has no .txt or .md article",
                        "add articles or point `corpus` at the right folder")
    rel_names = {f.relative_to(corpus_dir).as_posix() for f in files}
    metadata, found_warnings = load_metadata(corpus_dir, rel_names)
    warnings = list(walk.warnings) + found_warnings
    articles: list[Article] = []
    taken: set[str] = set()
    seen_texts: dict[str, Path] = {}  # sha256 of text -> first file with it
    for file in files:
        rel = file.relative_to(corpus_dir).as_posix()
        data = _read_article(file, walk.identities.get(file), warnings)
        if data is None:
            continue
        if _undecodable_name(file):
            warnings.append(f"{file}: the file name is not valid UTF-8; the brief shows it as "
                            f"'{shown(file.name)}'; rename the file to show its real name")
        text = decode_article(data, str(file), warnings)
        if text is None:
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen_texts:
            # The same article saved twice would be cited twice and "corroborate" itself.
            warnings.append(f"{file}: same text as {seen_texts[digest]}, skipped; "
                            "remove one of the copies")
            continue
        seen_texts[digest] = file
        entry = metadata.get(rel, _SourceEntry())
        meta = SourceMeta(
            title=entry.title,  # else the headline, found after cleaning (build.py)
            outlet=entry.outlet, author=entry.author, date=entry.date, url=entry.url,
        )
        articles.append(Article(
            doc=_doc_id(file, corpus_dir, taken),
            path=_display_path(file, outline_folder, absolute_paths),
            text=text,
            meta=meta,
        ))
    if not articles:
        raise UserError(corpus_where, f"no readable article in '{corpus_dir}'",
                        "add UTF-8 .txt or .md articles")
    for warning in warnings:
        log.warning(warning)
    return Corpus(articles=tuple(articles), warnings=tuple(warnings))
