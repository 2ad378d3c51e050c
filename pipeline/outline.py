"""The outline: schema, safe YAML loading, and errors that point at a line.

An outline is a YAML (or JSON) file naming the brief's title, its corpus, the
themes to summarise and the actors whose statements matter. The schema below is
the reference: every field has a docstring, unknown keys are errors with a
did-you-mean, and every error names the file, the YAML line and the key.

YAML is loaded with PyYAML's safe loader, further restricted: explicit tags
(`!!python/object`, `!foo`, even `!!str`), anchors and aliases are refused
(an outline never needs them, and aliases allow "billion laughs" bombs), and
duplicate keys are errors instead of silently keeping the last one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import UserError, shown
from .files import NotReadable, read_regular

# Outline files are small; anything larger is almost surely the wrong file.
MAX_OUTLINE_BYTES = 1_000_000

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
# Section ids also name HTML anchors; these are taken by the brief itself.
RESERVED_IDS = frozenset({"key_points", "sources", "method", "contents", "other_voices",
                          "contention", "chronology", "people", "charts"})


class _Strict(BaseModel):
    """Base: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True,
                              use_attribute_docstrings=True)


class Member(_Strict):
    """A named person (or body) who belongs to an actor."""

    name: str = Field(min_length=1)
    """Full name as articles write it, e.g. "Shah Mahmood Qureshi"."""
    aliases: tuple[str, ...] = ()
    """Other names that refer to the same speaker, e.g. "Qureshi", "Mr. Qureshi"."""


class Theme(_Strict):
    """A theme section: sentences chosen for how well they answer `query`."""

    id: str = Field(pattern=ID_PATTERN)
    """Short unique id (lowercase letters, digits, `_`, `-`); names the section anchor."""
    title: str = Field(min_length=1)
    """Section heading."""
    query: str = Field(min_length=1)
    """Free text describing what the theme is about; the selector ranks sentences by it."""
    max_words: int = Field(default=200, ge=20, le=5000)
    """Word budget of the section (whole sentences only, never exceeded)."""
    order: Literal["reading", "date"] = "reading"
    """Order of the items: `reading` (by source, then place in it) or `date` (by their
    source's publication date, undated last)."""


class Actor(_Strict):
    """An actor section: statements by the speakers this actor covers."""

    id: str = Field(pattern=ID_PATTERN)
    """Short unique id, e.g. `pakistani_officials`; shown as the `actor` of each item."""
    title: str = Field(min_length=1)
    """Section heading."""
    members: tuple[Member, ...] = ()
    """Named people who always belong to this actor."""
    descriptors: tuple[str, ...] = ()
    """Phrases that name the actor without a person, e.g. "officials in Islamabad"."""
    nationality: tuple[str, ...] = ()
    """Nationality or place words (e.g. "Pakistani", "Islamabad") that, together with a
    word from `roles` in a speaker's role, assign the speaker to this actor."""
    roles: tuple[str, ...] = ()
    """Role words (e.g. "minister", "army chief"): with a word of `nationality` when the
    actor has one; alone otherwise, unless the speaker names another actor's affiliation
    or nationality."""
    affiliations: tuple[str, ...] = ()
    """Parties and organisations, with their short forms (e.g. ["Republican", "GOP",
    "R"], ["Taliban", "Islamic Emirate"]): a speaker whose role or label names one, or
    whom the text tags with one ("Sen. Ted Cruz (R-Tex.)"), belongs to this actor.
    Short forms (three letters or fewer, or all capitals) match in capitals only."""
    max_items: int = Field(default=8, ge=1, le=100)
    """Most statements shown for this actor."""


class Chronology(_Strict):
    """A chronology section: the dated events of the corpus in time order."""

    entries: int = Field(default=12, ge=1, le=100)
    """Most entries."""
    theme: str = ""
    """A theme id: only sentences sharing a term with that theme's query (default:
    sentences ranked by their best theme, or by how central they are when the outline
    has no themes)."""


class Layout(_Strict):
    """How the brief is laid out on paper."""

    page_size: Literal["A4", "Letter"] = "A4"
    """Paper size."""
    marking: str = ""
    """Handling caveat printed in the title block and running header, e.g. "INTERNAL"."""
    key_points: int = Field(default=5, ge=0, le=20)
    """Number of key points drawn from across the themes (0 for none)."""
    key_points_restate: bool = False
    """`false`: a key point is shown once, at the top, and left out of its theme section;
    `true`: key points restate the strongest items of the themes, which keep them."""
    contention: int = Field(default=3, ge=0, le=10)
    """Most pairs in a "Points of contention" section: statements of two actors on one
    theme, one denying what the other claims or accuses (0 for none; the section is
    shown only when the corpus has such a pair)."""
    chronology: Chronology | None = None
    """A "Chronology" section: `true`, or `{entries: 12, theme: ID}`; off when omitted."""

    @field_validator("chronology", mode="before")
    @classmethod
    def _chronology_switch(cls, value: Any) -> Any:
        """`chronology: true` is every default; `false` is none."""
        if value is True:
            return {}
        return None if value is False else value
    people: bool = False
    """A "People quoted" appendix: every person and group the brief quotes, with roles,
    actor, statements in the corpus and in the brief, and the sources quoting them."""
    charts: bool = False
    """An "At a glance" section of charts: statements per actor by source, and which
    sources feed which theme."""
    citation_dates: bool = False
    """Print each item's source date beside its citation ("[3, 15 Aug 2021]")."""
    other_voices: bool = False
    """Add a section with attributed statements of speakers that match no actor."""
    logo: str = ""
    """Image (PNG or SVG) for the title block: a path inside the outline's folder."""
    stylesheet: str = ""
    """Extra CSS applied after the built-in styles: a path inside the outline's folder."""


class Outline(_Strict):
    """A brief's outline, loaded from YAML or JSON."""

    title: str = Field(min_length=1)
    """Title of the brief (required)."""
    subtitle: str = ""
    """Line under the title."""
    date: str = ""
    """Date of the brief, YYYY-MM-DD; also fixes the PDF's creation date."""
    corpus: str = Field(min_length=1)
    """Folder of articles (`.html`, `.htm`, `.pdf`, `.docx`, `.txt`, `.md`), relative to the
    outline's folder or absolute. Not a URL: `brief fetch URL --into FOLDER` downloads pages
    into a folder."""
    themes: tuple[Theme, ...] = ()
    """Theme sections, in order. `[]` is valid."""
    actors: tuple[Actor, ...] | None = None
    """Actor sections, in order. `[]` for none; omitted means the four default actors."""
    layout: Layout = Layout()
    """How the brief is laid out: paper, marking, logo, stylesheet, and which optional
    sections it has (key points, contention, chronology, people, charts, other voices)."""
    cache: str = ""
    """Analysis cache file: a path inside the outline's folder (a shared outline may
    not name a file elsewhere); default `$XDG_CACHE_HOME/brief/analysis.sqlite`."""

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("expected a date as YYYY-MM-DD (quote it: date: \"2021-08-13\")")
        return value


@dataclass(frozen=True)
class LoadedOutline:
    """A validated outline and where it came from."""

    outline: Outline
    path: Path  # the outline file
    corpus_dir: Path  # resolved corpus folder

    @property
    def folder(self) -> Path:
        return self.path.parent

    def layout_file(self, key: str) -> Path | None:
        """`layout.logo` / `layout.stylesheet` resolved inside the outline's folder."""
        value = getattr(self.outline.layout, key)
        return (self.folder / value).resolve() if value else None

    @property
    def actors(self) -> tuple[Actor, ...]:
        return self.outline.actors if self.outline.actors is not None else DEFAULT_ACTORS


# The four actors a brief on this region covers when the outline names none.
DEFAULT_ACTORS: tuple[Actor, ...] = (
    Actor(
        id="pakistani_officials",
        title="Pakistani officials",
        descriptors=("Pakistani officials", "officials in Islamabad", "Islamabad"),
        nationality=("Pakistani", "Pakistan", "Islamabad"),
        roles=("official", "minister", "prime minister", "army chief", "general",
               "spokesman", "spokesperson", "ambassador", "adviser", "military", "government"),
    ),
    Actor(
        id="afghan_officials",
        title="Afghan officials",
        descriptors=("Afghan officials", "officials in Kabul", "Afghan leaders"),
        nationality=("Afghan", "Afghanistan", "Kabul"),
        roles=("official", "president", "minister", "governor", "spokesman", "ambassador",
               "government", "leader"),
    ),
    Actor(
        id="analysts",
        title="Analysts",
        descriptors=("analysts", "observers", "experts"),
        roles=("analyst", "expert", "scholar", "professor", "researcher", "director",
               "commentator", "fellow", "adviser"),
    ),
    Actor(
        id="taliban",
        title="The Taliban",
        descriptors=("the Taliban", "Taliban spokesman", "Islamic Emirate"),
        nationality=("Taliban", "Islamic Emirate"),
        roles=("spokesman", "spokesperson", "official", "leader", "commander", "minister"),
    ),
)


# --------------------------------------------------------------------------- YAML


class _NoExtrasLoader(yaml.SafeLoader):
    """Safe loader that also refuses tags, anchors and aliases (see module doc)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise _YamlRefusal(line, "YAML aliases (*name) are not allowed; write the value out")
        if getattr(event, "anchor", None):
            raise _YamlRefusal(line, "YAML anchors (&name) are not allowed; write values out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and not isinstance(event, yaml.DocumentStartEvent):
            raise _YamlRefusal(line, f"YAML tags such as {tag!r} are not allowed; remove the tag")
        return super().compose_node(parent, index)


class _YamlRefusal(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line_no = line
        self.message = message


Path_ = tuple[Any, ...]


def _to_python(node: yaml.Node, loader: _NoExtrasLoader, path: Path_,
               lines: dict[Path_, int]) -> Any:
    """Turn a composed YAML node into plain data, recording each path's line."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _YamlRefusal(key_node.start_mark.line + 1,
                                   f"key {key!r} is not text; keys are names such as 'title'")
            if key in result:
                raise _YamlRefusal(key_node.start_mark.line + 1,
                                   f"duplicate key '{key}'; keep one of them")
            result[key] = _to_python(value_node, loader, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        # Tuples, because the schema is frozen and strict (lists would be refused).
        return tuple(
            _to_python(child, loader, path + (i,), lines) for i, child in enumerate(node.value)
        )
    return loader.construct_object(node, deep=True)


def _read_outline_text(path: Path) -> str:
    where = str(path)
    if not path.exists():
        raise UserError(where, "outline file not found",
                        "check the path, e.g. `brief build briefs/pakistan-taliban.yaml`")
    if path.is_dir():
        raise UserError(where, "is a folder, not an outline file", "give the .yaml file inside it")
    try:
        data = read_regular(path, MAX_OUTLINE_BYTES)
    except NotReadable as exc:
        raise UserError(where, f"outline: {exc.strerror}",
                        "an outline is a short YAML file; check you gave the right file") from None
    except OSError as exc:
        raise UserError(where, f"cannot read the outline ({exc.strerror})",
                        "check its permissions") from None
    if b"\x00" in data:
        raise UserError(where, "outline is a binary file, not YAML",
                        "give a YAML or JSON outline")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(where, f"outline is not UTF-8 (byte {exc.start})",
                        "save the file as UTF-8") from None


def parse_yaml(text: str, where: str, *, empty_ok: bool = False) -> tuple[Any, dict[Path_, int]]:
    """Parse outline text into plain data and a map from key path to YAML line.
    With empty_ok, a document of only comments is None rather than an error."""
    lines: dict[Path_, int] = {}
    loader = _NoExtrasLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            if empty_ok:
                return None, lines
            raise UserError(where, "outline is empty",
                            "start from briefs/pakistan-taliban.yaml and give at least `title` "
                            "and `corpus`")
        return _to_python(node, loader, (), lines), lines
    except _YamlRefusal as exc:
        raise UserError(f"{where}:{exc.line_no}", exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        fix = "fix the YAML syntax"
        if "\t" in str(problem) or "\\t" in str(problem):
            fix = "indent with spaces, not tabs"
        raise UserError(f"{where}{line}", f"YAML syntax error: {problem}", fix) from None
    except yaml.YAMLError as exc:
        raise UserError(where, f"YAML error: {exc}", "fix the YAML syntax") from None
    except RecursionError:  # "[[[[...": the YAML reader recurses once a level
        raise UserError(where, "YAML nested too deeply",
                        "an outline or sources file needs a few levels; check the file") from None
    finally:
        loader.dispose()


# --------------------------------------------------------------------------- validation

_MODELS_BY_PATH_HEAD: dict[str, type[BaseModel]] = {
    "themes": Theme,
    "actors": Actor,
    "layout": Layout,
}


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel]:
    """The schema class that owns the mapping at `loc` (for did-you-mean)."""
    model: type[BaseModel] = Outline
    for part in loc:
        if isinstance(part, int):
            continue
        if model is Actor and part == "members":
            model = Member
        elif model is Outline and part in _MODELS_BY_PATH_HEAD:
            model = _MODELS_BY_PATH_HEAD[part]
    return model


def _line_for(loc: tuple[Any, ...], lines: dict[Path_, int]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if tuple(loc[:cut]) in lines:
            return lines[tuple(loc[:cut])]
    return None


_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "bool_type": "true or false",
    "dict_type": "a mapping (key: value lines)", "tuple_type": "a list",
    "list_type": "a list", "model_type": "a mapping (key: value lines)",
}


def _describe(error: Mapping[str, Any]) -> tuple[str, str]:
    """Problem and fix for one pydantic error."""
    kind = error["type"]
    got = error.get("input")
    got_text = f"got {type(got).__name__} {got!r}"[:80]
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, {got_text}", "change the value's type"
    if kind == "missing":
        return "required key is missing", "add it"
    if kind == "string_too_short":
        return "must not be empty", "give a value"
    if kind == "string_pattern_mismatch":
        return (f"{got!r} is not a valid id",
                "use lowercase letters, digits, '_' or '-', starting with a letter or digit")
    if kind == "literal_error":
        return f"{got!r} is not allowed", error["msg"].replace("Input should be", "use")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{got!r} is out of range", error["msg"].replace("Input should be", "use a value")
    return error["msg"], "see the outline reference in README.md"


def _validation_error(exc: ValidationError, where: str,
                      lines: dict[Path_, int]) -> UserError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    line = _line_for(loc, lines)
    place = f"{where}:{line}" if line else where
    if error["type"] == "extra_forbidden":
        key = str(loc[-1])
        fields = list(_model_at(loc[:-1]).model_fields)
        close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
        fix = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(fields)}"
        return UserError(place, f"unknown key '{_dotted(loc)}'", fix)
    problem, fix = _describe(error)
    return UserError(place, f"{_dotted(loc)}: {problem}", fix)


def _check_ids(outline: Outline, where: str, lines: dict[Path_, int]) -> None:
    seen: dict[str, str] = {}
    groups = (("themes", [t.id for t in outline.themes]),
              ("actors", [a.id for a in outline.actors or ()]))
    for group, ids in groups:
        for i, entry_id in enumerate(ids):
            line = lines.get((group, i, "id"))
            place = f"{where}:{line}" if line else where
            if entry_id in RESERVED_IDS:
                raise UserError(place, f"{group}[{i}].id '{entry_id}' is reserved by the brief",
                                "choose another id")
            if entry_id in seen:
                raise UserError(place, f"duplicate id '{entry_id}' (also in {seen[entry_id]})",
                                "give every theme and actor its own id")
            seen[entry_id] = group
    chronology = outline.layout.chronology
    if chronology is not None and chronology.theme and \
            chronology.theme not in {t.id for t in outline.themes}:
        line = lines.get(("layout", "chronology", "theme"))
        raise UserError(f"{where}:{line}" if line else where,
                        f"layout.chronology.theme '{chronology.theme}' is no theme id",
                        "use the id of one of the outline's themes, or leave it out")


LAYOUT_FILE_SUFFIXES = {"logo": (".png", ".svg"), "stylesheet": (".css",)}


def _check_layout_files(outline: Outline, path: Path, lines: dict[Path_, int]) -> None:
    """A logo or stylesheet must be an existing file of the right kind inside the
    outline's folder: the renderer fetches nothing else (no network, no other file)."""
    folder = path.parent.resolve()
    for key, suffixes in LAYOUT_FILE_SUFFIXES.items():
        value = getattr(outline.layout, key)
        if not value:
            continue
        line = lines.get(("layout", key))
        place = f"{path}:{line}" if line else str(path)
        target = (path.parent / value).resolve()
        if "://" in value or not target.is_relative_to(folder):
            raise UserError(place, f"layout.{key} '{value}' is outside the outline's folder",
                            "copy the file next to the outline and give its relative path")
        if not target.is_file():
            raise UserError(place, f"layout.{key} '{value}' not found", "check the path")
        if target.suffix.lower() not in suffixes:
            raise UserError(place, f"layout.{key} '{value}' is not a {' or '.join(suffixes)} file",
                            "give a file of that type")


def _check_cache_path(outline: Outline, path: Path, lines: dict[Path_, int]) -> None:
    """`cache` must name a file inside the outline's folder: an outline shared by
    someone else must not be able to point the cache at a file of the user's."""
    if not outline.cache:
        return
    line = lines.get(("cache",))
    place = f"{path}:{line}" if line else str(path)
    folder = path.parent.resolve()
    target = (path.parent / outline.cache).resolve()
    if "://" in outline.cache or not target.is_relative_to(folder) or target == folder:
        raise UserError(place, f"cache '{outline.cache}' is outside the outline's folder",
                        "give a file name inside it, e.g. `cache: .brief-cache.sqlite`, or "
                        "use --cache PATH")


# A URL where a folder is wanted: scheme and "://" (a Windows drive "C:\\" has no "//").
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _check_corpus_is_a_folder(outline: Outline, where: str, lines: dict[Path_, int]) -> None:
    if _URL.match(outline.corpus.strip()):
        raise UserError(f"{where}:{lines.get(('corpus',), 1)}",
                        f"`corpus` is a web address ({shown(outline.corpus.strip())}), not a "
                        "folder", "download the pages first: `brief fetch URL --into FOLDER`, "
                        "then set `corpus: FOLDER`")


def load_outline(path: Path | str) -> LoadedOutline:
    """Read, parse and validate an outline; raise UserError naming file and line."""
    path = Path(path)
    where = str(path)
    text = _read_outline_text(path)
    data, lines = parse_yaml(text, where)
    if not isinstance(data, dict):
        raise UserError(f"{where}:1", f"expected a mapping of keys, got {type(data).__name__}",
                        "start the file with `title: ...` lines")
    try:
        outline = Outline.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, where, lines) from None
    _check_ids(outline, where, lines)
    _check_layout_files(outline, path, lines)
    _check_cache_path(outline, path, lines)
    _check_corpus_is_a_folder(outline, where, lines)
    corpus_dir = Path(outline.corpus)
    if not corpus_dir.is_absolute():
        corpus_dir = path.parent / corpus_dir
    return LoadedOutline(outline=outline, path=path, corpus_dir=corpus_dir)


def corpus_where(loaded: LoadedOutline) -> str:
    """`file:line` of the outline's `corpus` key, for corpus errors."""
    try:
        _, lines = parse_yaml(_read_outline_text(loaded.path), str(loaded.path))
    except UserError:
        return str(loaded.path)
    line = lines.get(("corpus",))
    return f"{loaded.path}:{line}" if line else str(loaded.path)
