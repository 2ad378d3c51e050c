"""Ingest: corpus folder -> Articles.

Every file under the corpus folder is looked at (sorted by path, so every run sees
the same order), and read by what its content is (formats.py): plain text (`.txt`,
`.md`, decoded as UTF-8 with a leading BOM removed, line endings kept), saved web
pages (html.py, trafilatura), PDF files (pdf.py, pdfminer.six) and Word files
(docx.py, python-docx). The text each gives is what later offsets index, and what
`brief extract` prints. Files of other types are listed as skipped.

Metadata comes field by field from sources.yaml (sourcefile.py), else from the file
itself, else from the text (textmeta.py, after the clean stage); meta.py merges them.
Copies of one article (copies.py) become one Article with its copies.

Odd files do not stop a build: unreadable, empty or binary files are skipped, and
undecodable bytes replaced; each with a warning naming the file and the fix.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import UserError, shown
from ..models import Article, Copy, SourceMeta
from ..walk import Walk, walk_corpus
from .copies import canonical, copy_groups
from .extracted import Found
from .formats import READ_SUFFIXES_TEXT
from .meta import complete, completed, dated, merge
from .reading import Read, read_file
from .sourcefile import METADATA_NAMES, Stated, load_metadata
from .textmeta import headline, text_metadata
from .titles import title_span

__all__ = ["Corpus", "complete", "completed", "filled_from_copies", "fold_copies", "headline",
           "ingest", "text_metadata"]

log = logging.getLogger("brief")

# Files of a type brief does not read are listed by suffix, this many names each.
SKIPPED_NAMES_SHOWN = 3


@dataclass(frozen=True)
class Corpus:
    """The articles of a corpus and the warnings met reading it."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...] = ()  # what was done that is not a problem (copies folded)


def find_corpus_files(corpus_dir: Path) -> Walk:
    """Every file under `corpus_dir` but the metadata file, sorted (walk.py)."""
    return walk_corpus(corpus_dir, lambda name: name not in METADATA_NAMES)


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
    """File stem (with subfolders), made unique when `a.txt` and `a.pdf` both exist."""
    rel = shown(file.relative_to(corpus_dir).with_suffix("").as_posix())
    doc = rel if rel not in taken else shown(file.relative_to(corpus_dir).as_posix())
    taken.add(doc)
    return doc


def skipped_types(corpus_dir: Path, unread: Sequence[Path]) -> list[str]:
    """One line per suffix of the files brief does not read, naming a few of them."""
    by_suffix: dict[str, list[Path]] = defaultdict(list)
    for file in unread:
        by_suffix[file.suffix.lower() or "(no suffix)"].append(file)
    lines = []
    for suffix, files in sorted(by_suffix.items()):
        names = ", ".join(shown(f.relative_to(corpus_dir).as_posix())
                          for f in files[:SKIPPED_NAMES_SHOWN])
        more = f" and {len(files) - SKIPPED_NAMES_SHOWN} more" \
            if len(files) > SKIPPED_NAMES_SHOWN else ""
        lines.append(f"{corpus_dir}: {len(files)} {suffix} file{'s' * (len(files) != 1)} "
                     f"skipped ({names}{more}): not a type brief reads; it reads "
                     f"{READ_SUFFIXES_TEXT}")
    return lines


def _article(file: Path, read: Read, stated: Stated | None, place: tuple[Path, Path, bool],
             taken: set[str], warnings: list[str]) -> Article:
    corpus_dir, outline_folder, absolute = place
    extracted = read.extracted
    assert extracted is not None
    from_file, date_warnings = dated(extracted.found, str(file))
    warnings.extend(date_warnings)
    meta = merge(stated.values if stated else {}, from_file)
    span = extracted.title_span or title_span(extracted.text, meta.title)
    return Article(doc=_doc_id(file, corpus_dir, taken),
                   path=_display_path(file, outline_folder, absolute),
                   text=extracted.text, meta=meta, kind=extracted.kind, title_span=span)


# Fields that belong to the story, so one copy's value holds for all: a re-sent wire
# story keeps its headline, writer and day. Outlet and URL belong to each file.
STORY_FIELDS = ("title", "author", "date")


def filled_from_copies(meta: SourceMeta, copies: Sequence[Copy]) -> SourceMeta:
    """`meta` with the story fields it lacks taken from the first copy that has them."""
    given = {key for key, _ in meta.origins}
    filled: dict[str, Found] = {}
    for copy in copies:
        origins = dict(copy.meta.origins)
        for key in STORY_FIELDS:
            value = getattr(copy.meta, key)
            if key not in given and key not in filled and value:
                filled[key] = Found(value, f"{origins[key]} of its copy {copy.path}")
    return complete(meta, filled)


def fold_copies(articles: Sequence[Article]) -> tuple[list[Article], list[str]]:
    """Copies of one article (copies.py) as the article that stands for them, with the
    others as its `copies`; and a line for each group."""
    texts = [a.text for a in articles]
    dropped: set[int] = set()
    folded = list(articles)
    notes = []
    for members in copy_groups(texts):
        keep = canonical(members, texts)
        others = [i for i in members if i != keep]
        copies = tuple(Copy(path=articles[i].path, kind=articles[i].kind,
                            meta=articles[i].meta) for i in others)
        folded[keep] = replace(articles[keep], copies=copies,
                               meta=filled_from_copies(articles[keep].meta, copies))
        dropped.update(others)
        notes.append(f"{articles[keep].path}: the same article as "
                     f"{', '.join(articles[i].path for i in others)}; cited once, as "
                     f"{articles[keep].path}, with the others listed as its copies")
    return [a for i, a in enumerate(folded) if i not in dropped], notes


def _check_folder(corpus_dir: Path, corpus_where: str) -> None:
    fix = f"set `corpus` to a folder of articles ({READ_SUFFIXES_TEXT}), relative to the outline"
    if not corpus_dir.exists():
        raise UserError(corpus_where, f"corpus folder '{corpus_dir}' not found", fix)
    if not corpus_dir.is_dir():
        raise UserError(corpus_where, f"corpus '{corpus_dir}' is not a folder", fix)


def ingest(corpus_dir: Path, outline_folder: Path, corpus_where: str,
           absolute_paths: bool = False) -> Corpus:
    """Read every article of `corpus_dir`; raise UserError when there is none.

    Paths in the output are relative to `outline_folder`, or absolute when the
    outline gave the corpus as an absolute path (`absolute_paths`).
    """
    _check_folder(corpus_dir, corpus_where)
    walk = find_corpus_files(corpus_dir)
    metadata, warnings = load_metadata(
        corpus_dir, {f.relative_to(corpus_dir).as_posix() for f in walk.files})
    warnings[:0] = walk.warnings
    articles: list[Article] = []
    unread: list[Path] = []
    taken: set[str] = set()
    for file in walk.files:
        read = read_file(file, walk.identities.get(file))
        warnings.extend(read.warnings)
        if read.unread:
            unread.append(file)
        if read.extracted is None:
            continue
        if _undecodable_name(file):
            warnings.append(f"{file}: the file name is not valid UTF-8; the brief shows it as "
                            f"'{shown(file.name)}'; rename the file to show its real name")
        stated = metadata.get(file.relative_to(corpus_dir).as_posix())
        articles.append(_article(file, read, stated, (corpus_dir, outline_folder,
                                                      absolute_paths), taken, warnings))
    warnings.extend(skipped_types(corpus_dir, unread))
    if not articles:
        for warning in warnings:
            log.warning(warning)
        raise UserError(corpus_where, f"no readable article in '{corpus_dir}'",
                        f"add articles ({READ_SUFFIXES_TEXT}) or point `corpus` at the "
                        "right folder")
    articles, copy_notes = fold_copies(articles)
    for note in copy_notes:
        log.info(note)
    for warning in warnings:
        log.warning(warning)
    return Corpus(articles=tuple(articles), warnings=tuple(warnings), notes=tuple(copy_notes))

