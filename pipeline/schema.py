"""JSON Schemas: the outline's, generated from its pydantic model with the field docs
(`pipeline/outline.py`), and the JSON output's, written by hand beside it in
`schemas/` (the output is built as plain data in `render/json.py`, not by a model).

Both ship in `schemas/`; a test keeps the shipped outline schema equal to the generated
one, and validates every kind of section of a real brief against the output schema.
Editors that read `# yaml-language-server: $schema=...` (the demo outline's first line)
validate and complete outlines with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_FILES = {"outline": "outline.schema.json", "json": "brief.schema.json"}
JSON_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def outline_schema() -> dict[str, Any]:
    """The outline's JSON Schema, from the model and its field docstrings."""
    from .outline import Outline

    schema = Outline.model_json_schema()
    # `layout.chronology` also takes a plain switch (`true` for the defaults, `false`
    # for none), which the model's before-validator turns into the object or null.
    chronology = schema["$defs"]["Layout"]["properties"]["chronology"]
    chronology["anyOf"].insert(0, {"type": "boolean"})
    return {"$schema": JSON_DRAFT, "$id": SCHEMA_FILES["outline"], **schema}


def schema_text(name: str) -> str:
    """The schema `name` ("outline" or "json") as the file `schemas/` ships."""
    if name == "outline":
        return json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n"
    return (SCHEMAS_DIR / SCHEMA_FILES[name]).read_text(encoding="utf-8")
