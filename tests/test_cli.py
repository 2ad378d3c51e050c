"""CLI: formats, output paths, exit codes, one-line errors, atomic writes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.cli import output_paths

from .conftest import DEMO_OUTLINE, REPO, run_cli

SMALL_ARTICLE = (
    "Border talks stall\n\n"
    "Pakistan has built a fence along the border with Afghanistan to stop militants crossing.\n\n"
    "“The fence will stop illegal crossings,” said Mir Ziaullah Langove, the Balochistan home "
    "minister.\n"
)
SMALL_OUTLINE = (
    "title: Border brief\ncorpus: corpus\nactors: []\nthemes:\n"
    "  - {id: border, title: Border, query: border fence crossings militants}\n"
)


run = run_cli


def test_cli_output_paths_put_each_format_beside_o():
    paths = output_paths(DEMO_OUTLINE, REPO / "out/b.pdf", ["pdf", "json"])
    assert paths == {"pdf": REPO / "out/b.pdf", "json": REPO / "out/b.json"}
    assert output_paths(DEMO_OUTLINE, None, ["md"])["md"].name == "pakistan-taliban.md"


def test_cli_json_alone_renders_no_pdf(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": SMALL_ARTICLE}, outline=SMALL_OUTLINE)
    code, _, err = run("build", str(outline), "-o", str(tmp_path / "o" / "b.pdf"),
                       "--format", "json,md", "-q")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["b.json", "b.md"]
    data = json.loads((tmp_path / "o" / "b.json").read_text(encoding="utf-8"))
    assert data["title"] == "Border brief"
    assert any(i["text"].startswith("Pakistan has built a fence")
               for s in data["sections"] for i in s["items"])


@pytest.mark.parametrize("outline_text, fragment", [
    ("title: T\ncorpus: corpus\nthemes: [{id: a, title: A, query: q, max_word: 5}]\n",
     "did you mean 'max_words'"),
    ("title: T\ncorpus: missing-folder\n", "corpus folder"),
    ("title: [\n", "YAML syntax error"),
])
def test_cli_user_errors_exit_2_with_one_line(make_corpus, tmp_path, outline_text, fragment):
    outline = make_corpus({"a.txt": SMALL_ARTICLE}, outline=outline_text)
    code, _out, err = run("build", str(outline), "-o", str(tmp_path / "o" / "b.pdf"))
    assert code == 2
    assert err.count("\n") == 1 and fragment in err and str(outline) in err
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_cli_unknown_format_and_missing_outline_exit_2(tmp_path):
    assert run("build", str(DEMO_OUTLINE), "--format", "odt")[0] == 2
    code, _, err = run("check", str(tmp_path / "none.yaml"))
    assert code == 2 and "not found" in err


def test_cli_failed_run_keeps_previous_output(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": SMALL_ARTICLE}, outline=SMALL_OUTLINE)
    target = tmp_path / "o" / "b.json"
    assert run("build", str(outline), "-o", str(target), "--format", "json", "-q")[0] == 0
    before = target.read_bytes()
    outline.write_text("title: T\ncorpus: corpus\nbogus: 1\n", encoding="utf-8")
    assert run("build", str(outline), "-o", str(target), "--format", "json")[0] == 2
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["b.json"]  # no temporary litter


def test_cli_check_writes_nothing_and_reports(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": SMALL_ARTICLE, "e.txt": ""}, outline=SMALL_OUTLINE)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out, err = run("check", str(outline))
    assert code == 0 and "1 articles" in out and "e.txt" in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_cli_annotate_emits_every_sentence_with_contract_fields(make_corpus):
    outline = make_corpus({"a.txt": SMALL_ARTICLE}, outline=SMALL_OUTLINE)
    code, out, _ = run("annotate", str(outline), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["index"] for r in rows] == list(range(len(rows)))
    text = SMALL_ARTICLE
    for row in rows:
        assert set(row) == {"doc", "path", "index", "start", "end", "text", "boilerplate",
                            "speaker", "speaker_id", "speaker_text", "speaker_role", "actor", "cue", "act"}
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["path"] == "corpus/a.txt"
    assert rows[0]["boilerplate"] is True  # the headline
    quote = next(r for r in rows if "illegal crossings" in r["text"])
    assert quote["speaker"] == "Mir Ziaullah Langove" and not quote["boilerplate"]


def test_cli_help_and_version_via_python_m():
    for argv in (["--help"], ["build", "--help"], ["check", "--help"], ["annotate", "--help"]):
        done = subprocess.run([sys.executable, "-m", "pipeline", *argv], capture_output=True,
                              text=True, cwd=REPO, check=False)
        assert done.returncode == 0 and "usage: brief" in done.stdout
    done = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True,
                          text=True, cwd=REPO, check=False)
    assert done.returncode == 0 and done.stdout.startswith("brief ")


def test_cli_pdf_variant_needs_pdf_format(make_corpus):
    outline = make_corpus({"a.txt": SMALL_ARTICLE}, outline=SMALL_OUTLINE)
    code, _, err = run("build", str(outline), "--format", "json", "--pdf-variant", "pdf/a-3b")
    assert code == 2 and "--pdf-variant" in err


def test_cli_check_reports_a_stylesheet_that_would_fetch(make_corpus, tmp_path):
    (tmp_path / "extra.css").write_text("@import url(http://127.0.0.1:9/x.css);\n",
                                        encoding="utf-8")
    outline = make_corpus({"a.txt": SMALL_ARTICLE},
                          outline=SMALL_OUTLINE + "layout: {stylesheet: extra.css}\n")
    code, _, err = run("check", str(outline))
    assert code == 2 and "extra.css" in err
