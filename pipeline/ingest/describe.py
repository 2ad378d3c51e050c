"""What brief reads from a file, shown whole (`brief extract`): the text later offsets
index, and each metadata field with where it came from, merged in the order a build
merges them (sources.yaml beside the file, the file's own metadata, its text, its name)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError, shown
from ..models import Sentence, SourceMeta
from .extracted import Found
from .formats import READ_SUFFIXES_TEXT
from .meta import completed, dated, merge
from .reading import read_file
from .sourcefile import load_metadata
from .textmeta import text_metadata
from .titles import title_span


@dataclass(frozen=True)
class Description:
    """One file as a build reads it."""

    path: str
    kind: str
    text: str
    meta: SourceMeta  # merged, with `origins`
    sentences: tuple[Sentence, ...]  # each with its boilerplate reason, as a build splits
    notes: tuple[str, ...]
    warnings: tuple[str, ...]


def _stated(file: Path) -> tuple[dict[str, Found], list[str]]:
    """What the sources.yaml in the file's folder states about it."""
    entries, warnings = load_metadata(file.parent, {file.name})
    entry = entries.get(file.name)
    return (dict(entry.values) if entry else {}), [w for w in warnings if file.name in w]


def describe(file: Path) -> Description:
    """The text and metadata a build reads from `file`; UserError when it reads none."""
    from ..clean import classify_blocks
    from ..sentences import split  # imports NLTK: only when a file is described

    read = read_file(file)
    if read.extracted is None:
        problem = "; ".join(read.warnings) or (
            f"{shown(str(file))}: not a type brief reads; it reads {READ_SUFFIXES_TEXT}")
        where, _, rest = problem.partition(": ")
        raise UserError(where, rest, "")
    extracted = read.extracted
    stated, warnings = _stated(file)
    from_file, date_warnings = dated(extracted.found, str(file))
    meta = merge(stated, from_file)
    span = extracted.title_span or title_span(extracted.text, meta.title)
    blocks = classify_blocks(extracted.text, span)
    sentences = split(file.stem, extracted.text, blocks)
    meta = completed(meta, text_metadata(extracted.text, blocks, sentences), str(file))
    return Description(path=shown(str(file)), kind=extracted.kind, text=extracted.text,
                       meta=meta, sentences=sentences, notes=extracted.notes,
                       warnings=(*read.warnings, *warnings, *date_warnings))


# Boilerplate that is still the article's own text: its subheads structure the story,
# so the main text keeps them, though no subhead is ever quoted as an item.
MAIN_TEXT_REASONS = frozenset({"subhead"})


def main_text(description: Description) -> str:
    """The article's text without its page furniture: the sentences a build analyses
    and the subheads between them, a paragraph a line."""
    paragraphs: dict[int, list[str]] = {}
    for sentence in description.sentences:
        if not sentence.boilerplate or sentence.reason in MAIN_TEXT_REASONS:
            paragraphs.setdefault(sentence.block, []).append(sentence.text)
    return "\n".join(" ".join(texts) for texts in paragraphs.values())


def describe_all(paths: Sequence[Path]) -> list[Description]:
    """Every file named, in order; UserError naming the first that is missing or
    cannot be read."""
    for path in paths:
        if not path.exists():
            raise UserError(shown(str(path)), "no such file", "check the path")
        if path.is_dir():
            raise UserError(shown(str(path)), "a folder",
                            "name the files to extract (a shell glob: folder/*)")
    return [describe(path) for path in paths]
