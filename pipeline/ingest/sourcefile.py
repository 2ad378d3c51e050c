"""The corpus's metadata file (`sources.yaml` beside the articles): what the user
states about each file, which wins over what the file and its text say."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import UserError
from ..files import NotReadable, read_regular
from ..outline import parse_yaml
from .dates import DATE_FORMS_HINT, parse_date
from .extracted import Found

METADATA_NAMES = ("sources.yaml", "sources.yml", "sources.json")
# sources.yaml holds a few lines per article (about 200 bytes): this is room for
# a hundred thousand articles.
MAX_METADATA_BYTES = 20 * 1024 * 1024
ORIGIN = "sources.yaml"


class SourceEntry(BaseModel):
    """One file's entry in sources.yaml; every field optional. A key given, even
    empty, is the user's word: nothing found in the file or its text replaces it."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    title: str = Field("", description="the article's headline")
    outlet: str = Field("", description="the publication or agency")
    author: str = Field("", description="author(s), as the source list shows them")
    date: str = Field("", description="publication date, YYYY-MM-DD")
    url: str = Field("", description="where the article was published")
    fetched: str = Field("", description="when `brief fetch` downloaded it, YYYY-MM-DD")


@dataclass(frozen=True)
class Stated:
    """What sources.yaml states about one file: the values given (dates read as ISO),
    and the warnings met reading them."""

    values: dict[str, Found]
    warnings: tuple[str, ...] = ()


def _plain(fields: Any) -> Any:
    """YAML reads an unquoted 2021-08-13 as a date: take it as the text it was."""
    if isinstance(fields, dict):
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in fields.items()}
    return fields


def _entry(file_name: str, fields: Any, where: str, lines: dict[Any, int]) -> SourceEntry:
    try:
        return SourceEntry.model_validate(_plain(fields) or {})
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        place = f"{where}:{lines.get((file_name, *err['loc']), lines.get((file_name,), 1))}"
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(key, list(SourceEntry.model_fields), n=1)
            fix = f"did you mean '{close[0]}'?" if close else \
                f"known keys: {', '.join(SourceEntry.model_fields)}"
            raise UserError(place, f"unknown key '{file_name}.{key}'", fix) from None
        raise UserError(place, f"{file_name}.{key}: {err['msg']}",
                        "give text values, quoted if needed") from None


def _stated(file_name: str, entry: SourceEntry, place: str) -> Stated:
    values: dict[str, Found] = {}
    warnings: list[str] = []
    for key in sorted(entry.model_fields_set, key=list(SourceEntry.model_fields).index):
        value = " ".join(getattr(entry, key).split())
        if key in ("date", "fetched") and value:
            parsed = parse_date(value)
            if not parsed.iso:
                warnings.append(f"{place}: {file_name}.{key} '{value}' is not used: "
                                f"{parsed.problem}; {DATE_FORMS_HINT}")
                continue
            value = parsed.iso
        values[key] = Found(value, ORIGIN)
    return Stated(values, tuple(warnings))


def find_metadata_file(corpus_dir: Path) -> Path | None:
    return next((corpus_dir / name for name in METADATA_NAMES
                 if (corpus_dir / name).is_file()), None)


def _read(meta_path: Path) -> str:
    where = str(meta_path)
    try:
        return read_regular(meta_path, MAX_METADATA_BYTES).decode("utf-8-sig")
    except NotReadable as exc:
        raise UserError(where, f"metadata file: {exc.strerror}",
                        "a sources file is a short YAML file beside the articles; check it "
                        "is the right file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(where, f"cannot read metadata file ({exc})", "save it as UTF-8") from None


def load_metadata(corpus_dir: Path, names: set[str]) -> tuple[dict[str, Stated], list[str]]:
    """What the corpus's metadata file states, keyed by file name (relative path)."""
    warnings: list[str] = []
    meta_path = find_metadata_file(corpus_dir)
    if meta_path is None:
        return {}, warnings
    where = str(meta_path)
    if not meta_path.resolve().is_relative_to(corpus_dir.resolve()):
        warnings.append(f"{where}: a link to a file outside the corpus folder, not read; "
                        "copy the file into the corpus")
        return {}, warnings
    text = _read(meta_path)
    data, lines = parse_yaml(text, where, empty_ok=True)
    data = {} if data is None else data  # a file of only comments states nothing
    if not isinstance(data, dict):
        raise UserError(f"{where}:1", "expected a mapping of file name -> fields",
                        "write `article.txt: {title: ..., outlet: ...}` lines")
    entries: dict[str, Stated] = {}
    for file_name, fields in data.items():
        place = f"{where}:{lines.get((file_name,), 1)}"
        entries[file_name] = _stated(file_name, _entry(file_name, fields, where, lines), place)
        warnings.extend(entries[file_name].warnings)
        if file_name not in names:
            warnings.append(f"{place}: '{file_name}' names no article in the corpus; "
                            "check the file name")
    return entries, warnings
