"""`brief watch`: what it keeps in memory between builds changes nothing in the
brief; it sees edits, additions and removals; a bad edit is reported and
watching goes on."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

from pipeline.build import Memory, build_brief
from pipeline.render import render
from pipeline.vectors import ConceptSpace, Numbering, TermSpace, concepts, terms
from pipeline.watch import Watched

from .conftest import DEMO_CORPUS, DEMO_OUTLINE, REPO


def _outputs(result) -> tuple[bytes, bytes]:
    return render(result.brief, "json"), render(result.brief, "md")


def _demo_copy(tmp_path: Path) -> Path:
    """The demo corpus and outline in a folder of their own (the outline's paths kept)."""
    shutil.copytree(DEMO_CORPUS, tmp_path / "corpus")
    text = DEMO_OUTLINE.read_text(encoding="utf-8")
    corpus_line = next(line for line in text.splitlines() if line.startswith("corpus:"))
    outline = tmp_path / "outline.yaml"
    outline.write_text(text.replace(corpus_line, "corpus: corpus"), encoding="utf-8")
    return outline


def test_watch_memory_gives_the_brief_of_a_fresh_build_after_each_edit(tmp_path):
    outline = _demo_copy(tmp_path)
    memory = Memory()
    first = build_brief(outline, memory=memory)
    assert _outputs(first) == _outputs(build_brief(outline))
    articles = sorted((tmp_path / "corpus").glob("*.txt"))
    # an edit that the brief shows: a new sentence on the first theme
    edited = articles[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nPakistani officials said "
                      "the border fence would be finished by the end of the year.\n",
                      encoding="utf-8")
    again = build_brief(outline, memory=memory)
    assert (again.stats.hits, again.stats.misses) == (len(articles) - 1, 1)
    assert _outputs(again) == _outputs(build_brief(outline))
    assert _outputs(again) != _outputs(first)
    # a removed article: nothing of it stays in memory
    articles[0].unlink()
    third = build_brief(outline, memory=memory)
    assert _outputs(third) == _outputs(build_brief(outline))
    assert len(memory.analysed) == len(memory.gathered) == len(articles) - 1
    assert all(s.doc != articles[0].stem for s in third.brief.sources)


def test_watch_numbering_builds_the_same_spaces():
    texts = ["The Durand Line divides Pashtun lands.", "Fencing the Durand Line angers "
             "tribes on both sides.", "", "Islamabad says the fence stops militants."]
    term_lists = [tuple(terms(t)) for t in texts]
    concept_lists = [tuple(concepts(t)) for t in texts]
    numbering = Numbering()
    numbering.of([("warm", "up")])  # numbers given before do not shift the columns
    for _ in range(2):  # the second time from the remembered lists
        plain, numbered = TermSpace(term_lists), TermSpace(term_lists, numbering)
        assert plain.vocabulary == numbered.vocabulary
        assert np.array_equal(plain.matrix.toarray(), numbered.matrix.toarray())
        assert np.array_equal(plain.idf, numbered.idf)
        plain_c, numbered_c = ConceptSpace(concept_lists), ConceptSpace(concept_lists, numbering)
        assert plain_c.vocabulary == numbered_c.vocabulary
        assert np.array_equal(plain_c.matrix.toarray(), numbered_c.matrix.toarray())
    numbering.forget_all_but(term_lists)
    assert len(numbering._lists) == len({id(t) for t in term_lists})


def test_watch_sees_edits_additions_removals_and_outline_changes(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": "First article.\n", "b.txt": "Second article.\n"})
    watched = Watched(outline)
    assert watched.changed()  # the first look
    assert not watched.changed()
    corpus = tmp_path / "corpus"
    (corpus / "a.txt").write_text("First article, edited at more length.\n", encoding="utf-8")
    assert watched.changed() and not watched.changed()
    (corpus / "c.txt").write_text("A third one.\n", encoding="utf-8")
    assert watched.changed()
    (corpus / "b.txt").unlink()
    assert watched.changed()
    outline.write_text(outline.read_text(encoding="utf-8") + "subtitle: Edited\n",
                       encoding="utf-8")
    assert watched.changed() and not watched.changed()
    outline.write_text("title: [broken\n", encoding="utf-8")  # does not load: watched alone
    assert watched.changed()
    (corpus / "d.txt").write_text("Not seen while the outline is broken.\n", encoding="utf-8")
    assert not watched.changed()


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)


def _wait_for(lines: queue.Queue, marker: str, seen: list[str]) -> str:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if marker in line:
            return line
    raise AssertionError(f"no line with {marker!r} in:\n{''.join(seen)}")


def test_watch_command_rebuilds_reports_bad_edits_and_stops_cleanly(tmp_path):
    outline = _demo_copy(tmp_path)
    out = tmp_path / "out" / "brief.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "watch", str(outline), "--format", "json,md",
         "-o", str(out), "--interval", "0.1", "--jobs", "1"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=tmp_path)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, "watching", seen)
        first = out.read_bytes()
        article = sorted((tmp_path / "corpus").glob("*.txt"))[2]
        article.write_text(article.read_text(encoding="utf-8") + "\n\nAnalysts said the "
                           "talks on the border would resume next month.\n", encoding="utf-8")
        assert "1 of 5 articles analysed again" in _wait_for(lines, "rebuilt in", seen)
        assert out.read_bytes() != first
        fresh = tmp_path / "fresh.json"
        build = subprocess.run(
            [sys.executable, "-m", "pipeline", "build", str(outline), "--format", "json",
             "-o", str(fresh), "--no-cache"], capture_output=True, text=True, env=env,
            cwd=tmp_path)
        assert build.returncode == 0, build.stderr
        assert out.read_bytes() == fresh.read_bytes()
        # a bad edit: one error line, the outputs stay, watching goes on
        good = outline.read_text(encoding="utf-8")
        outline.write_text(good + "themes: 3\n", encoding="utf-8")
        error = _wait_for(lines, "error", seen)
        assert str(outline) in error and "waiting for the next change" in error
        assert out.read_bytes() == fresh.read_bytes()
        outline.write_text(good, encoding="utf-8")
        _wait_for(lines, "rebuilt in", seen)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0
    assert not any("Traceback" in line for line in seen)


def _start_watch(outline: Path, out: Path, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "watch", str(outline), "--format", "json",
         "-o", str(out), "--interval", "0.1", "--jobs", "1", "--no-cache"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=tmp_path)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True).start()
    return process, lines


def test_watch_survives_a_rebuild_that_fails_for_any_reason(tmp_path):
    """An output that cannot be written (a folder took its name) is one error line;
    watching goes on, and the next change after the fix is built."""
    outline = _demo_copy(tmp_path)
    out = tmp_path / "out" / "brief.json"
    process, lines = _start_watch(outline, out, tmp_path)
    seen: list[str] = []
    try:
        _wait_for(lines, "watching", seen)
        out.unlink()
        (out / "inside").mkdir(parents=True)
        article = sorted((tmp_path / "corpus").glob("*.txt"))[0]
        article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n",
                           encoding="utf-8")
        error = _wait_for(lines, "error", seen)
        assert "is a folder" in error and "waiting for the next change" in error
        time.sleep(1)
        assert process.poll() is None
        shutil.rmtree(out)
        article.write_text(article.read_text(encoding="utf-8") + "\nAnd another.\n",
                           encoding="utf-8")
        _wait_for(lines, "rebuilt in", seen)
        assert out.is_file()
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0 and not any("Traceback" in line for line in seen)


def test_watch_waits_for_a_file_that_is_still_being_written(tmp_path):
    """An outline saved in two writes (the first half valid YAML): no brief is ever
    written from the first half."""
    outline = _demo_copy(tmp_path)
    out = tmp_path / "out" / "brief.json"
    full = outline.read_text(encoding="utf-8")
    process, lines = _start_watch(outline, out, tmp_path)
    seen: list[str] = []
    titles: list[str] = []
    try:
        _wait_for(lines, "watching", seen)
        half = "title: HALF\ncorpus: corpus\n"
        with open(outline, "w", encoding="utf-8") as handle:
            handle.write(half)
            handle.flush()
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:  # what the JSON says meanwhile
                titles.append(json.loads(out.read_text(encoding="utf-8"))["title"])
                time.sleep(0.02)
            handle.write(full[len(half):] if full.startswith(half) else "")
        outline.write_text(full.replace("title:", "title: FULL", 1)
                           if "title:" in full else full, encoding="utf-8")
        _wait_for(lines, "rebuilt in", seen)
        titles.append(json.loads(out.read_text(encoding="utf-8"))["title"])
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    assert "HALF" not in titles and titles[-1].startswith("FULL")
