"""Outline schema and loader: valid outlines load, every mistake names file, line and fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.outline import DEFAULT_ACTORS, load_outline

from .conftest import DEMO_OUTLINE


def _write(tmp_path: Path, text: str, name: str = "o.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(UserError) as info:
        load_outline(path)
    line = info.value.line()
    assert "\n" not in line
    assert str(path) in line
    return line


def test_outline_demo_loads_with_the_four_actor_ids():
    loaded = load_outline(DEMO_OUTLINE)
    assert [a.id for a in loaded.actors] == [
        "pakistani_officials", "afghan_officials", "analysts", "taliban"]
    assert len(loaded.outline.themes) >= 5
    assert loaded.corpus_dir.resolve() == (DEMO_OUTLINE.parent / "../corpus/pakistan-taliban").resolve()


def test_outline_json_file_loads(tmp_path):
    path = _write(tmp_path, json.dumps({
        "title": "T", "corpus": "c",
        "themes": [{"id": "a", "title": "A", "query": "border fence", "max_words": 100}],
        "actors": []}), "o.json")
    loaded = load_outline(path)
    assert loaded.outline.themes[0].max_words == 100
    assert loaded.actors == ()


def test_outline_empty_themes_and_actors_are_valid(tmp_path):
    loaded = load_outline(_write(tmp_path, "title: T\ncorpus: c\nthemes: []\nactors: []\n"))
    assert loaded.outline.themes == () and loaded.actors == ()


def test_outline_omitted_actors_means_default_four(tmp_path):
    loaded = load_outline(_write(tmp_path, "title: T\ncorpus: c\n"))
    assert loaded.actors == DEFAULT_ACTORS


def test_outline_unknown_key_suggests_the_right_one_with_line(tmp_path):
    path = _write(tmp_path, "title: T\ncorpus: c\nthemes:\n  - id: a\n    title: A\n"
                            "    query: q\n    max_word: 100\n")
    line = _error(path)
    assert f"{path}:7" in line and "max_word" in line and "did you mean 'max_words'" in line


def test_outline_wrong_type_names_key_and_line(tmp_path):
    path = _write(tmp_path, "title: T\ncorpus: c\nthemes:\n  - id: a\n    title: A\n"
                            "    query: q\n    max_words: lots\n")
    line = _error(path)
    assert f"{path}:7" in line and "themes[0].max_words" in line and "whole number" in line


def test_outline_duplicate_id_is_an_error(tmp_path):
    path = _write(tmp_path, "title: T\ncorpus: c\nthemes:\n  - {id: x, title: A, query: q}\n"
                            "actors:\n  - {id: x, title: B}\n")
    line = _error(path)
    assert "duplicate id 'x'" in line and f"{path}:6" in line


def test_outline_missing_title_is_an_error(tmp_path):
    line = _error(_write(tmp_path, "corpus: c\n"))
    assert "title" in line and "required" in line


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("title: [unclosed\n", "YAML syntax error"),
    ("title: T\n\tcorpus: c\n", "tabs"),
    ("title: !!python/object:os.system x\ncorpus: c\n", "tags"),
    ("title: !custom x\ncorpus: c\n", "tags"),
    ("a: &x [1, 2]\nb: *x\n", "anchors"),
    ("title: T\ntitle: U\ncorpus: c\n", "duplicate key"),
    ("- just\n- a list\n", "expected a mapping"),
    ("title: T\ncorpus: c\ndate: 13 Aug 2021\n", "YYYY-MM-DD"),
    ("title: T\ncorpus: c\nthemes:\n  - {id: sources, title: S, query: q}\n", "reserved"),
    ("title: T\ncorpus: c\nlayout: {page_size: A5}\n", "page_size"),
])
def test_outline_bad_input_is_one_line_naming_the_file(tmp_path, text, words):
    assert words in _error(_write(tmp_path, text))


def test_outline_missing_and_binary_files(tmp_path):
    assert "not found" in _error(tmp_path / "nope.yaml")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"title: \x00\x01\x02")
    assert "binary" in _error(binary)
