"""`brief extract PATH... [--format txt|json]`: the text a build analyses for each
file, and (json) the metadata found with where each field came from."""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path
from typing import Any, TextIO

from ..errors import EXIT_OK
from ..ingest.describe import Description, describe_all, main_text
from ..publish import publish
from .building import WRITTEN
from .process import Output

log = logging.getLogger("brief")


def description_json(description: Description) -> dict[str, Any]:
    meta = description.meta
    origins = dict(meta.origins)
    return {
        "path": description.path,
        "kind": description.kind,
        "metadata": {key: {"value": getattr(meta, key), "from": origins[key]}
                     for key in ("title", "author", "outlet", "date", "url", "fetched")
                     if key in origins},
        "notes": list(description.notes),
        "warnings": list(description.warnings),
        "text": description.text,
        # what the cleaning keeps and why it drops the rest; offsets index "text"
        "sentences": [{"start": s.start, "end": s.end, "boilerplate": s.reason or None}
                      for s in description.sentences],
        "main_text": main_text(description),
    }


def extracted_text(descriptions: list[Description], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([description_json(d) for d in descriptions], ensure_ascii=False,
                          indent=2) + "\n"
    if len(descriptions) == 1:
        return descriptions[0].text
    return "\n".join(f"==> {d.path} <==\n{d.text}" for d in descriptions)


def cmd_extract(args: argparse.Namespace, stdout: Output, stderr: TextIO | None) -> int:
    descriptions = describe_all(args.paths)
    for description in descriptions:
        for warning in description.warnings:
            log.warning(warning)
    text = extracted_text(descriptions, args.format)
    if args.output is not None:
        publish({Path(os.path.normpath(args.output)): text.encode("utf-8")},
                on_commit=WRITTEN.extend)
    else:
        stdout.write(text)
    return EXIT_OK
