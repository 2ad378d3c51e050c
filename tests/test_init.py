"""`brief init` (issue 17): a working, commented outline drafted from a corpus."""

from __future__ import annotations

import re

import pytest
import yaml

from pipeline.outline import load_outline

from .conftest import DEMO_CORPUS, DEMO_OUTLINE, SHARED, run_cli

pytestmark = pytest.mark.slow
KEY_LINE = re.compile(r"^\s*(?:- )?[a-z_]+:")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init")
    code, out, err = run_cli("init", str(DEMO_CORPUS), "-o", str(folder / "brief.yaml"))
    assert code == 0, err
    assert "themes" in out and "brief build" in out
    return folder / "brief.yaml"


def test_the_draft_is_a_valid_outline_with_every_key_commented(drafted):
    text = drafted.read_text(encoding="utf-8")
    outline = load_outline(drafted).outline
    assert 4 <= len(outline.themes) <= 8
    assert all(t.query and t.title for t in outline.themes)
    assert outline.actors and outline.date == "2021-08-13"
    keys = [line for line in text.splitlines() if KEY_LINE.match(line)]
    uncommented = [line for line in keys if " # " not in line]
    assert not uncommented


def test_it_builds_at_once(drafted, tmp_path):
    code, _, err = run_cli("build", str(drafted), "--format", "json,pdf", "-o",
                           str(tmp_path / "b.pdf"), "-q")
    assert code == 0, err
    assert (tmp_path / "b.pdf").stat().st_size > 10_000


def test_the_same_corpus_gives_the_same_draft(drafted, tmp_path):
    again = tmp_path / "brief.yaml"
    # the same folder relation to the corpus, so `corpus:` reads the same
    assert run_cli("init", str(DEMO_CORPUS), "-o", str(again))[0] == 0
    first = drafted.read_text(encoding="utf-8").splitlines()
    second = again.read_text(encoding="utf-8").splitlines()
    assert [line for line in first if not line.startswith(("# yaml", "corpus:"))] == \
        [line for line in second if not line.startswith(("# yaml", "corpus:"))]


def test_the_drafted_actors_hold_the_demo_outlines_members(drafted):
    hand = yaml.safe_load(DEMO_OUTLINE.read_text(encoding="utf-8"))
    draft = yaml.safe_load(drafted.read_text(encoding="utf-8"))
    placed = {m["name"] for a in draft["actors"] for m in a.get("members", [])}
    wanted = {m["name"] for a in hand["actors"] for m in a.get("members", [])}
    assert wanted <= placed
    by_id = {a["id"]: a for a in draft["actors"]}
    assert "Imran Khan" in {m["name"] for m in by_id["pakistani_officials"]["members"]}
    assert "Pakistani" in by_id["pakistani_officials"]["nationality"]


def test_it_never_replaces_an_outline_unasked(drafted):
    before = drafted.read_bytes()
    code, _, err = run_cli("init", str(DEMO_CORPUS), "-o", str(drafted))
    assert code == 2 and "--force" in err and drafted.read_bytes() == before


def test_a_missing_corpus_is_one_line(tmp_path):
    code, _, err = run_cli("init", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o.yaml"))
    assert code == 2 and "no such folder" in err and not (tmp_path / "o.yaml").exists()


def test_a_newswire_topic_gets_themes_of_its_own(tmp_path):
    docs = SHARED / "eval" / "duc2006" / "D0614E" / "docs"
    if not docs.is_dir():
        pytest.skip("../shared/eval/duc2006 is absent")
    out = tmp_path / "brief.yaml"
    assert run_cli("init", str(docs), "-o", str(out))[0] == 0
    outline = load_outline(out).outline
    assert 4 <= len(outline.themes) <= 8
    queries = " ".join(t.query for t in outline.themes)
    assert "Quebec" in outline.title and "referendum" in queries.lower()
    assert outline.date.startswith("2000")  # the latest file-name date
