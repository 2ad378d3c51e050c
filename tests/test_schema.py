"""The outline's and the JSON output's schemas (issue 17)."""

from __future__ import annotations

import json

import pytest
import yaml

from pipeline.render import render
from pipeline.schema import SCHEMAS_DIR, outline_schema

from .conftest import DEMO_OUTLINE, run_cli

jsonschema = pytest.importorskip("jsonschema")


def _validator(name: str):
    schema = json.loads((SCHEMAS_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_shipped_outline_schema_is_the_generated_one():
    code, out, _ = run_cli("schema", "outline")
    assert code == 0
    assert out == (SCHEMAS_DIR / "outline.schema.json").read_text(encoding="utf-8")
    assert json.loads(out) == outline_schema()


def test_the_outline_schema_carries_the_field_docs_and_refuses_unknown_keys():
    validator = _validator("outline.schema.json")
    demo = yaml.safe_load(DEMO_OUTLINE.read_text(encoding="utf-8"))
    validator.validate(demo)
    layout = outline_schema()["$defs"]["Layout"]["properties"]
    assert "Paper size" in layout["page_size"]["description"]
    for bad in ({**demo, "themse": []},  # a misspelt key
                {**demo, "layout": {"chronology": "yes"}},
                {**demo, "layout": {"key_points": 50}}):
        assert list(validator.iter_errors(bad)), bad
    for good in (True, False, {"entries": 5}):
        validator.validate({**demo, "layout": {"chronology": good}})


def test_the_demo_outline_points_editors_at_the_schema():
    first = DEMO_OUTLINE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/outline.schema.json"
    assert (DEMO_OUTLINE.parent / "../schemas/outline.schema.json").resolve().is_file()


def test_every_section_kind_of_the_demo_json_holds_to_the_output_schema(demo_result):
    data = json.loads(render(demo_result.brief, "json"))
    assert data["schema_version"] == "1"
    _validator("brief.schema.json").validate(data)
    kinds = {s["kind"] for s in data["sections"]}
    assert {"key_points", "charts", "theme", "chronology", "actor", "people"} <= kinds
    code, out, _ = run_cli("schema", "json")
    assert code == 0 and json.loads(out)["$id"] == "brief.schema.json"


def test_the_output_schema_refuses_a_field_it_does_not_document(demo_result):
    data = json.loads(render(demo_result.brief, "json"))
    data["sections"][0]["items"][0]["summary"] = "a paraphrase"
    assert list(_validator("brief.schema.json").iter_errors(data))


def test_build_without_an_outline_outside_a_brief_folder_points_at_init(tmp_path,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("build")
    assert code == 2 and out == ""
    assert "brief init" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
