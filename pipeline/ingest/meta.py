"""Putting a source's metadata together, field by field, from the evidence in rank:
sources.yaml (the user's word), then the file's own metadata (a page's tags, a PDF's
document information, a Word file's properties), then the text (textmeta.py), then for
the date the file's name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import PurePath

from ..models import SourceMeta
from .dates import DATE_FORMS_HINT, name_date, parse_date
from .extracted import FIELDS, Found

# Fields a SourceMeta holds, with those only sources.yaml gives.
META_FIELDS = (*FIELDS, "fetched")


def dated(values: Mapping[str, Found], where: str) -> tuple[dict[str, Found], list[str]]:
    """`values` with the date read as ISO 8601; a date that cannot be read is left
    out, with a warning naming `where` (the file) and where the date came from."""
    kept = dict(values)
    warnings: list[str] = []
    if "date" in kept and kept["date"].value:
        parsed = parse_date(kept["date"].value)
        if parsed.iso:
            kept["date"] = Found(parsed.iso, kept["date"].origin)
        else:
            warnings.append(f"{where}: date '{kept['date'].value}' ({kept['date'].origin}) is "
                            f"not used: {parsed.problem}; give the date in sources.yaml "
                            f"({DATE_FORMS_HINT})")
            del kept["date"]
    return kept, warnings


def merge(*layers: Mapping[str, Found]) -> SourceMeta:
    """Each field from the first layer that has it (a key given empty in sources.yaml
    counts: the user said the source does not state it)."""
    chosen: dict[str, Found] = {}
    for layer in layers:
        for key in META_FIELDS:
            if key in layer and key not in chosen:
                chosen[key] = layer[key]
    return SourceMeta(
        **{key: found.value for key, found in chosen.items()},
        origins=tuple((key, chosen[key].origin) for key in META_FIELDS if key in chosen))


def complete(meta: SourceMeta, found_in_text: Mapping[str, Found]) -> SourceMeta:
    """`meta` with the fields nothing above the text gave filled from the text."""
    given = {key for key, _ in meta.origins}  # a key sources.yaml gave empty included
    missing = {key: found for key, found in found_in_text.items() if key not in given}
    if not missing:
        return meta
    return replace(meta, **{key: found.value for key, found in missing.items()},
                   origins=tuple(sorted(
                       (*meta.origins, *((k, f.origin) for k, f in missing.items())),
                       key=lambda pair: META_FIELDS.index(pair[0]))))


def completed(meta: SourceMeta, found_in_text: Mapping[str, Found], path: str) -> SourceMeta:
    """`meta` completed from the text, then its date from the name of the file at `path`
    ("APW20000725.0086.txt"): the last evidence, taken only when nothing states one."""
    meta = complete(meta, found_in_text)
    iso = name_date(PurePath(path).name)
    return complete(meta, {"date": Found(iso, "file name")}) if iso else meta
