"""Hostile and broken input: user errors exit 2 in one line, odd input warns and goes on,
interrupted runs leave previous outputs whole, inputs are never modified."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.build import build_brief
from pipeline.errors import UserError
from pipeline.outline import load_outline

from .conftest import REPO, file_text, run_cli

ARTICLE = (
    "Border talks stall\n\n"
    "Pakistan has built a fence along the border with Afghanistan to stop militants crossing.\n\n"
    "“The fence will stop illegal crossings,” said Mir Ziaullah Langove, the Balochistan home "
    "minister.\n\n"
    "Analysts say the fence has done little to stop fighters crossing the border at night.\n"
)
OUTLINE = (
    "title: Border brief\ncorpus: corpus\nactors: []\nthemes:\n"
    "  - {id: border, title: Border, query: border fence crossings militants fighters}\n"
)


run = run_cli


def _items(result):
    return [i for s in result.brief.sections for i in s.items]


# ---------------------------------------------------------------- outline YAML

@pytest.mark.parametrize("text", [
    # "billion laughs": nine levels of aliases would expand to 10^9 strings
    "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    "title: !!str T\ncorpus: c\n",
    "title: !!binary aGVsbG8=\ncorpus: c\n",
    "title: !!python/name:os.system T\ncorpus: c\n",
    "title: T\ncorpus: c\nthemes: !!set {a, b}\n",
    "%TAG ! tag:example.com,2000:\n---\ntitle: !x T\ncorpus: c\n",
])
def test_hardening_yaml_tags_and_alias_bombs_are_refused_fast(tmp_path, text):
    path = tmp_path / "o.yaml"
    path.write_text(text, encoding="utf-8")
    began = time.perf_counter()
    with pytest.raises(UserError) as info:
        load_outline(path)
    assert time.perf_counter() - began < 2  # refused before any expansion
    assert str(path) in info.value.line() and ("tag" in info.value.line()
                                               or "anchor" in info.value.line())


def test_hardening_outline_errors_through_the_cli_are_one_line_exit_2(make_corpus):
    outline = make_corpus({"a.txt": ARTICLE}, outline="title: T\ncorpus: corpus\nthemes: 5\n")
    code, _out, err = run("build", str(outline), "--format", "json", "-o",
                         str(outline.parent / "out" / "b.json"))
    assert code == 2 and err.count("\n") == 1 and "themes" in err and "Traceback" not in err


# ---------------------------------------------------------------- corpus problems

def test_hardening_unreadable_and_duplicate_articles_warn_and_go_on(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE, "copy-of-a.txt": ARTICLE}, outline=OUTLINE)
    (tmp_path / "corpus" / "dangling.txt").symlink_to(tmp_path / "corpus" / "nowhere.txt")
    result = build_brief(outline)
    assert [a.article.doc for a in result.analysed] == ["a"]
    warnings = "\n".join(result.warnings)
    assert "dangling.txt: not a regular file (a link to nothing" in warnings
    notes = "\n".join(result.notes)
    assert "copy-of-a.txt" in notes and "the same article as" in notes
    assert result.brief.sources[0].copies[0].path.endswith("copy-of-a.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_hardening_permission_denied_article_is_skipped(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE, "secret.txt": "Hidden text here.\n"},
                          outline=OUTLINE)
    (tmp_path / "corpus" / "secret.txt").chmod(0)
    result = build_brief(outline)
    assert "secret.txt" in "\n".join(result.warnings)


def test_hardening_crlf_and_bom_items_are_verbatim_in_the_file(make_corpus, tmp_path):
    data = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode("utf-8")
    outline = make_corpus({"a.txt": data}, outline=OUTLINE)
    result = build_brief(outline)
    text = file_text(tmp_path / "corpus" / "a.txt")
    items = _items(result)
    assert items
    for item in items:
        assert text[item.start:item.end] == item.text and "\r" not in item.text


def test_hardening_very_long_sentence_is_marked_and_skipped(make_corpus):
    run_on = "The fence " + "and the border " * 6000 + "ended."
    outline = make_corpus({"a.txt": ARTICLE + "\n" + run_on + "\n"}, outline=OUTLINE)
    result = build_brief(outline)
    long = [s for s in result.analysed[0].sentences if len(s.text) > 5000]
    assert long and all(s.boilerplate and s.reason == "overlong" for s in long)
    assert all(len(i.text) < 5000 for i in _items(result))


@pytest.mark.slow
def test_hardening_20_mb_file_without_newline_builds(make_corpus):
    words = ["border", "fence", "militants", "crossing", "officials", "said", "the", "government"]
    blob = " ".join(words[i % len(words)] for i in range(2_600_000))[:20_000_000]
    outline = make_corpus({"a.txt": ARTICLE, "big.txt": blob}, outline=OUTLINE)
    began = time.perf_counter()
    result = build_brief(outline)
    assert time.perf_counter() - began < 60
    assert any(i.doc == "a" for i in _items(result))


def test_hardening_zero_themes_and_actors_build_every_format(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE},
                          outline="title: Empty\ncorpus: corpus\nthemes: []\nactors: []\n")
    code, _, err = run("build", str(outline), "-q", "--format", "json,md,html",
                       "-o", str(tmp_path / "o" / "b.json"))
    assert code == 0, err
    data = json.loads((tmp_path / "o" / "b.json").read_text(encoding="utf-8"))
    # Nothing selected, so nothing cited: the source list holds cited sources only,
    # while the method note still counts the corpus.
    assert data["sections"] == [] and data["sources"] == []
    assert data["method"]["articles"] == 1


def test_hardening_theme_matching_nothing_gets_a_note(make_corpus):
    outline = make_corpus({"a.txt": ARTICLE}, outline=(
        "title: T\ncorpus: corpus\nactors: []\nthemes:\n"
        "  - {id: moon, title: Moon, query: lunar telescope orbit astronauts}\n"))
    section = next(s for s in build_brief(outline).brief.sections if s.id == "moon")
    assert section.items == () and section.note


# ---------------------------------------------------------------- failures and signals

def test_hardening_internal_error_is_one_line_exit_1(make_corpus, monkeypatch):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)

    def broken(*args, **kwargs):
        raise RuntimeError("selector exploded\nsecond line")

    monkeypatch.setattr("pipeline.cli.building.build_brief", broken)
    code, _, err = run("build", str(outline), "--format", "json")
    assert code == 1 and err.count("\n") == 1
    assert "rerun with -v" in err and "Traceback" not in err
    code, _, err = run("build", str(outline), "--format", "json", "-v")
    assert code == 1 and "Traceback" in err


def test_hardening_failure_while_writing_leaves_no_litter(make_corpus, tmp_path, monkeypatch):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    target = tmp_path / "o" / "b.json"
    assert run("build", str(outline), "-q", "--format", "json", "-o", str(target))[0] == 0
    before = target.read_bytes()

    from pipeline.publish.commit import Folder

    original, calls = Folder.write, []

    def interrupted(self, name, data, mode):
        calls.append(name)
        original(self, name, data, mode)
        if len(calls) == 2:  # Ctrl-C once the second temporary is written
            raise KeyboardInterrupt

    monkeypatch.setattr(Folder, "write", interrupted)
    code, _, err = run("build", str(outline), "--format", "json,md", "-o", str(target))
    assert code == 130 and "interrupted" in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.json"]


def _wait_for_sigterm_handler(pid: int, timeout: float = 60.0) -> None:
    """Wait until the process has installed its SIGTERM handler (the CLI's `main` has
    started): before that, on a busy machine still importing, a signal would end it
    the default way. Linux reads the caught-signal mask; elsewhere a fixed wait."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        time.sleep(2.0)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        caught = next((line.split()[1] for line in status.read_text().splitlines()
                       if line.startswith("SigCgt:")), "0")
        if int(caught, 16) & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.02)
    raise AssertionError("the build never installed its SIGTERM handler")


@pytest.mark.slow
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_hardening_signal_mid_run_keeps_previous_output(make_corpus, tmp_path, signum, code):
    blob = "The border fence was built. " * 400_000  # a few seconds of analysis
    outline = make_corpus({"a.txt": ARTICLE, "big.txt": blob}, outline=OUTLINE)
    target = tmp_path / "o" / "b.json"
    target.parent.mkdir()
    target.write_bytes(b"previous output")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(outline), "--format", "json,pdf",
         "-o", str(target)], cwd=REPO, stderr=subprocess.PIPE, text=True)
    _wait_for_sigterm_handler(process.pid)
    time.sleep(0.5)  # the analysis is under way
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    assert "Traceback" not in err
    assert target.read_bytes() == b"previous output"
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.json"]


def test_hardening_inputs_are_never_modified(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE, "b.md": "Second article on the fence.\n"},
                          outline=OUTLINE, metadata="a.txt: {title: A}\n")

    def snapshot() -> dict[str, tuple[str, int]]:
        return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
                for p in sorted(tmp_path.rglob("*")) if p.is_file()}

    before = snapshot()
    assert run("build", str(outline), "-q", "--format", "json,md",
               "-o", str(tmp_path.parent / f"{tmp_path.name}-out" / "b.json"))[0] == 0
    assert run("annotate", str(outline))[0] == 0
    assert run("check", str(outline))[0] == 0
    assert snapshot() == before
