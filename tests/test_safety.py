"""Lose nothing, leak nothing: the attacks of issue 11, one test each, on real files,
real processes and real signals. The cache never touches a file it did not write;
outputs change all together or not at all; workers die with their build; the corpus
walk stays inside the corpus; odd names and huge lines do not crash; output problems
are exit 2 before the build; Dask calls time out; floods of notes stay readable."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

import pipeline.cache as cache_module
import pipeline.publish as publish_module
from pipeline.build import BuildOptions, build_brief
from pipeline.cache import APPLICATION_ID, AnalysisCache, ownership
from pipeline.publish.commit import Folder, _Run

from .conftest import REPO, run_cli
from .test_hardening import ARTICLE, OUTLINE

run = run_cli
SECOND = ("Fence talks resume\n\nOfficials said talks on the border fence would resume "
          "next month, after militants crossed the border again.\n")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its digest (links not followed)."""
    return {str(p.relative_to(folder)): _digest(p) if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


def _corpus(make_corpus) -> Path:
    return make_corpus({"a.txt": ARTICLE, "b.txt": SECOND}, outline=OUTLINE)


def _cold_json(outline: Path, tmp_path: Path) -> bytes:
    target = tmp_path / "cold" / "b.json"
    code, _, err = run("build", str(outline), "-q", "--no-cache", "--format", "json",
                       "-o", str(target))
    assert code == 0, err
    return target.read_bytes()


def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root; the in-process fault tests cover this")


@pytest.fixture
def tmpfs(tmp_path):
    """Mount a small tmpfs (root only, else skip); unmounted afterwards."""
    mounted: list[Path] = []

    def mount(name: str, size: str = "2m") -> Path:
        folder = tmp_path / name
        _mount_tmpfs(folder, size)
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path) -> None:
    """Fill the file system of `folder` until a write fails with ENOSPC."""
    with open(folder / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


# ---------------------------------------------------------------- the cache


@pytest.mark.parametrize("victim", ["corpus/a.txt", "corpus", "outline.yaml"])
def test_safety_cache_option_never_touches_a_file_it_did_not_write(make_corpus, tmp_path,
                                                                    victim):
    outline = _corpus(make_corpus)
    before = _tree(tmp_path)
    code, _, err = run("build", str(outline), "--cache", str(tmp_path / victim),
                       "--format", "json", "-o", str(tmp_path.parent / "out" / "b.json"))
    assert code == 0, err
    assert "not a brief cache: left alone" in err
    assert _tree(tmp_path) == before


def test_safety_outline_cache_outside_its_folder_is_refused(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    victim = tmp_path.parent / f"{tmp_path.name}-victim" / "thesis.txt"
    victim.parent.mkdir()
    victim.write_text("My thesis.\n", encoding="utf-8")
    outline.write_text(OUTLINE + f"cache: ../{victim.parent.name}/thesis.txt\n",
                       encoding="utf-8")
    code, _, err = run("build", str(outline), "--format", "json")
    assert code == 2 and err.count("\n") == 1
    assert "outside the outline's folder" in err and f"{outline}:" in err
    assert victim.read_text(encoding="utf-8") == "My thesis.\n"
    assert [p.name for p in victim.parent.iterdir()] == ["thesis.txt"]


def test_safety_check_writes_nothing_not_even_a_cache(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    before = _tree(tmp_path)
    for cache in (tmp_path / "corpus" / "a.txt", tmp_path / "fresh.sqlite"):
        code, out, err = run("check", str(outline), "--cache", str(cache))
        assert code == 0 and "ok: 2 articles" in out, err
        assert _tree(tmp_path) == before


def test_safety_check_reads_an_existing_cache(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    cache = tmp_path.parent / f"{tmp_path.name}.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    digest = _digest(cache)
    result = build_brief(outline, options=BuildOptions(cache_path=cache,
                                                       cache_writable=False))
    assert result.stats.hits == 2 and _digest(cache) == digest


def test_safety_cache_clear_refuses_anything_but_a_cache(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    article = tmp_path / "corpus" / "a.txt"
    code, _, err = run("cache", "clear", "--cache", str(article))
    assert code == 2 and "not a brief cache: left alone" in err
    assert article.read_text(encoding="utf-8") == ARTICLE
    cache = tmp_path / "own.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    assert ownership(cache) == "ours"
    code, out, _ = run("cache", "clear", "--cache", str(cache))
    assert code == 0 and "cleared" in out and not cache.exists()


def test_safety_foreign_sqlite_database_is_not_ours(tmp_path):
    other = tmp_path / "places.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE moz_places (url TEXT)")
    assert ownership(other) == "is another program's SQLite database"
    cache = AnalysisCache(other)
    assert cache.stored(["k"]) == set()
    with sqlite3.connect(other) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["moz_places"]


def test_safety_a_cache_of_ours_carries_our_application_id(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    cache = tmp_path / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    header = cache.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\0")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_safety_locked_cache_means_building_without_it(make_corpus, tmp_path, monkeypatch,
                                                       caplog):
    outline = _corpus(make_corpus)
    cache = tmp_path / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    (tmp_path / "corpus" / "b.txt").write_text(SECOND + "\nA new line.\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", 300)
    locker = sqlite3.connect(cache, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level("WARNING", logger="brief"):
            result = build_brief(outline, options=BuildOptions(cache_path=cache))
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert "building without it" in caplog.text and "locked" in caplog.text
    assert result.stats.misses >= 1
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []
    assert ownership(cache) == "ours"


def test_safety_cache_on_a_full_disk_is_kept(make_corpus, tmp_path, tmpfs, caplog):
    outline = _corpus(make_corpus)
    disk = tmpfs("disk", "1m")
    cache = disk / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    _fill(disk)
    (tmp_path / "corpus" / "b.txt").write_text(SECOND + "\nA new line. " * 3000,
                                               encoding="utf-8")
    with caplog.at_level("WARNING", logger="brief"):
        result = build_brief(outline, options=BuildOptions(cache_path=cache))
    assert "building without it" in caplog.text and "corrupt" not in caplog.text
    assert result.stats.hits + result.stats.misses == 2
    assert not [p for p in disk.iterdir() if "corrupt" in p.name]
    assert ownership(cache) == "ours"
    (disk / "filler").unlink()
    assert build_brief(outline, options=BuildOptions(cache_path=cache)).stats.hits >= 1


def test_safety_disk_full_error_turns_the_cache_off_not_corrupt(make_corpus, tmp_path,
                                                                 monkeypatch, caplog):
    """The same as above without a tmpfs: SQLite's 'disk is full' error, injected."""
    outline = _corpus(make_corpus)
    cache = tmp_path / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    full.sqlite_errorname = "SQLITE_FULL"

    def refuse(self, doing, sql, rows):
        self._trouble(full, doing)

    monkeypatch.setattr(AnalysisCache, "_write", refuse)
    (tmp_path / "corpus" / "b.txt").write_text(SECOND + "\nChanged.\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="brief"):
        build_brief(outline, options=BuildOptions(cache_path=cache))
    assert "disk is full" in caplog.text and "corrupt" not in caplog.text
    assert ownership(cache) == "ours" and not Path(f"{cache}.corrupt").exists()


def test_safety_read_only_cache_builds_without_error(make_corpus, tmp_path, tmpfs):
    outline = _corpus(make_corpus)
    disk = tmpfs("ro", "2m")
    cache = disk / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    (tmp_path / "corpus" / "b.txt").write_text(SECOND + "\nChanged.\n", encoding="utf-8")
    code, _, err = run("build", str(outline), "--cache", str(cache), "--format", "json",
                       "-o", str(tmp_path / "out" / "b.json"))
    assert code == 0 and "internal error" not in err
    assert (tmp_path / "out" / "b.json").read_bytes() == _cold_json(outline, tmp_path)


def _bad_offsets(record: str) -> str:
    data = json.loads(record)
    data["sentences"] = [[10**9, 10**9 + 5, *row[2:]] for row in data["sentences"]]
    return json.dumps(data)


@pytest.mark.parametrize("damage", ["digest", "offsets"])
def test_safety_altered_records_and_pdfs_are_made_again(make_corpus, tmp_path, damage):
    outline = _corpus(make_corpus)
    cache = tmp_path / "c.sqlite"
    out = tmp_path / "out" / "b.pdf"
    args = ["build", str(outline), "--cache", str(cache), "--format", "pdf,json", "-o"]
    assert run(*args, str(out))[0] == 0
    cold = tmp_path / "cold" / "b.pdf"
    assert run("build", str(outline), "--no-cache", "--format", "pdf,json", "-o",
               str(cold))[0] == 0
    with sqlite3.connect(cache) as db:
        if damage == "digest":
            db.execute("UPDATE analysis SET record = '{\"blocks\": 5}'")
        else:  # a record that passes its digest but does not fit its article
            for key, record in db.execute("SELECT key, record FROM analysis").fetchall():
                if "sentences" in record:
                    text = _bad_offsets(record)
                    db.execute("UPDATE analysis SET record = ?, digest = ? WHERE key = ?",
                               (text, hashlib.sha256(text.encode()).hexdigest(), key))
        db.execute("UPDATE renders SET pdf = x'25504446'")
    code, _, err = run(*args, str(out))
    assert code == 0, err
    assert "damaged" in err
    assert out.read_bytes() == cold.read_bytes()
    assert out.with_suffix(".json").read_bytes() == cold.with_suffix(".json").read_bytes()


# ---------------------------------------------------------------- outputs


def _no_hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_safety_outputs_change_together_when_one_cannot_be_written(make_corpus, tmp_path):
    outline = _corpus(make_corpus)
    out = tmp_path / "out" / "b.pdf"
    assert run("build", str(outline), "-q", "--format", "pdf", "-o", str(out))[0] == 0
    before = _digest(out)
    (tmp_path / "out" / "b.json").mkdir()
    (tmp_path / "out" / "b.json" / "keep").write_text("x", encoding="utf-8")
    code, _, err = run("build", str(outline), "--format", "pdf,json", "-o", str(out))
    assert code == 2 and err.count("\n") == 1 and "is a folder" in err
    assert _digest(out) == before and _no_hidden(tmp_path / "out") == []


def _built_then_changed(make_corpus, tmp_path) -> tuple[Path, Path, dict[str, str]]:
    """A JSON and Markdown brief built into out/, then its outline changed: the outline,
    the JSON's path and the digests of the outputs as first built."""
    outline = _corpus(make_corpus)
    out = tmp_path / "out" / "b.json"
    assert run("build", str(outline), "-q", "--format", "json,md", "-o", str(out))[0] == 0
    digests = {p.name: _digest(p) for p in out.parent.iterdir()}
    outline.write_text(OUTLINE.replace("Border brief", "Another title"), encoding="utf-8")
    return outline, out, digests


def test_safety_a_failed_rename_puts_every_previous_output_back(make_corpus, tmp_path,
                                                                monkeypatch):
    outline, out, before = _built_then_changed(make_corpus, tmp_path)
    real, calls = Folder.replace, []

    def second_fails(self, src, dst):
        if not dst.startswith("."):  # an output, not the lock or journal
            calls.append(dst)
            if len(calls) == 2:  # the first output is in place, the second fails
                raise OSError(errno.EPERM, "Operation not permitted", dst)
        return real(self, src, dst)

    monkeypatch.setattr(Folder, "replace", second_fails)
    code, _, err = run("build", str(outline), "--format", "json,md", "-o", str(out))
    monkeypatch.undo()
    assert code == 2 and "nothing was changed" in err
    assert {p.name: _digest(p) for p in out.parent.iterdir()} == before


def test_safety_sigterm_while_renaming_is_held_and_told_truly(make_corpus, tmp_path,
                                                              monkeypatch):
    outline, out, old = _built_then_changed(make_corpus, tmp_path)
    real = Folder.replace

    def terminated_meanwhile(self, src, dst):
        if dst == out.name:
            os.kill(os.getpid(), signal.SIGTERM)  # arrives between the two renames
        return real(self, src, dst)

    monkeypatch.setattr(Folder, "replace", terminated_meanwhile)
    code, _, err = run("build", str(outline), "--format", "json,md", "-o", str(out))
    assert code == 143 and "interrupted after writing" in err
    new = {p.name: _digest(p) for p in out.parent.iterdir()}
    assert set(new) == {"b.json", "b.md"} and all(new[k] != old[k] for k in new)


KILLED_PUBLISH = """
import os, signal, sys
from pathlib import Path
from pipeline.publish import publish
from pipeline.publish.commit import Folder
real = Folder.replace
def dying(self, src, dst):
    real(self, src, dst)
    if not dst.startswith("."):  # the first output is in place: kill -9 now
        os.kill(os.getpid(), signal.SIGKILL)
Folder.replace = dying
out = Path(sys.argv[1])
publish({out / "b.json": b"new json", out / "b.md": b"new md"})
"""


def test_safety_a_commit_killed_midway_is_finished_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").write_bytes(b"old json")
    (out / "b.md").write_bytes(b"old md")
    killed = subprocess.run([sys.executable, "-c", KILLED_PUBLISH, str(out)], cwd=REPO)
    assert killed.returncode == -signal.SIGKILL
    assert (out / "b.json").read_bytes() == b"new json"  # mixed until the next run
    assert (out / "b.md").read_bytes() == b"old md"
    publish_module.sweep(out)
    assert (out / "b.md").read_bytes() == b"new md" and _no_hidden(out) == []


def test_safety_stale_temporaries_are_removed_live_ones_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".brief-0123456789ab.0.tmp"
    stale.write_bytes(b"x" * 1000)
    (out / ".brief-0123456789ab.lock").write_bytes(b"")  # its run died: no one holds it
    legacy = out / ".b.json.k33tdp_g.tmp"  # the writer before this one
    legacy.write_bytes(b"x")
    os.utime(legacy, (time.time() - 3600, time.time() - 3600))
    mine = out / ".brief-settings"  # a user's file that looks a little like ours
    mine.write_bytes(b"keep me")
    other_legacy = out / ".notes.abcdefgh.tmp"  # no output of ours is called "notes"
    other_legacy.write_bytes(b"keep me too")
    for old in (stale, out / ".brief-0123456789ab.lock", mine, other_legacy):
        os.utime(old, (time.time() - 3600, time.time() - 3600))
    (out / ".brief-assets").mkdir()
    folder = Folder(out)
    live = _Run(folder)
    (out / live.name("0.tmp")).write_bytes(b"in use")
    try:
        publish_module.publish({out / "b.json": b"{}"})
        assert not stale.exists() and not legacy.exists()
        assert (out / live.name("0.tmp")).exists()
    finally:
        live.close()
        folder.close()
    assert _no_hidden(out) == [".brief-assets", ".brief-settings", ".notes.abcdefgh.tmp"]


@pytest.mark.parametrize("target, problem", [
    ("corpus/sub/b.json", "inside the corpus folder"),
    ("outline.json", "is the outline of this brief"),
    ("notes.txt/b.json", "is a file, so no folder can be made in it"),
    ("out/" + "x" * 300 + ".json", "longer than the system's limit"),
])
def test_safety_bad_output_paths_fail_before_the_build(make_corpus, tmp_path, monkeypatch,
                                                       target, problem):
    make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    outline = tmp_path / "outline.json"
    outline.write_text(json.dumps({"title": "T", "corpus": "corpus", "actors": [],
                                   "themes": [{"id": "b", "title": "B", "query": "fence"}]}),
                       encoding="utf-8")
    (tmp_path / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    before = _tree(tmp_path)

    def no_analysis(*args, **kwargs):
        raise AssertionError("the build started before the output path was checked")

    monkeypatch.setattr("pipeline.build.analyse_corpus", no_analysis)
    code, _, err = run("build", str(outline), "--format", "json", "-o",
                       str(tmp_path / target))
    assert code == 2 and err.count("\n") == 1 and problem in err, err
    assert "internal error" not in err and _tree(tmp_path) == before


def test_safety_a_250_character_output_name_is_written(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    target = tmp_path / "out" / ("x" * 250 + ".json")
    code, _, err = run("build", str(outline), "--format", "json", "-o", str(target))
    assert code == 0, err
    assert target.is_file() and _no_hidden(target.parent) == []


def test_safety_read_only_output_folder_is_exit_2(make_corpus, tmp_path, tmpfs):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    disk = tmpfs("ro", "1m")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    code, _, err = run("build", str(outline), "--format", "json", "-o", str(disk / "b.json"))
    assert code == 2 and "cannot be written" in err and "internal error" not in err


def test_safety_full_disk_output_is_exit_2_and_keeps_the_old(make_corpus, tmp_path, tmpfs):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    disk = tmpfs("full", "1m")
    out = disk / "b.pdf"
    assert run("build", str(outline), "-q", "--format", "pdf,json", "-o", str(out))[0] == 0
    before = {p.name: _digest(p) for p in disk.iterdir()}
    _fill(disk)
    before["filler"] = _digest(disk / "filler")
    outline.write_text(OUTLINE.replace("Border brief", "Another title"), encoding="utf-8")
    code, _, err = run("build", str(outline), "--format", "pdf,json", "-o", str(out))
    assert code == 2 and "No space left" in err and "nothing was changed" in err
    assert {p.name: _digest(p) for p in disk.iterdir()} == before


def test_safety_enospc_while_writing_is_exit_2_everywhere(make_corpus, tmp_path, monkeypatch):
    """The full disk without a tmpfs: the write of the second temporary fails."""
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    out = tmp_path / "out" / "b.json"
    assert run("build", str(outline), "-q", "--format", "json,md", "-o", str(out))[0] == 0
    before = {p.name: _digest(p) for p in out.parent.iterdir()}
    real, calls = Folder.write, []

    def full(self, name, data, mode):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        real(self, name, data, mode)

    monkeypatch.setattr(Folder, "write", full)
    code, _, err = run("build", str(outline), "--format", "json,md", "-o", str(out))
    assert code == 2 and "free some disk space" in err
    assert {p.name: _digest(p) for p in out.parent.iterdir()} == before


# ---------------------------------------------------------------- processes


ORPHAN_CORPUS = 120


@pytest.mark.slow
def test_safety_workers_die_with_a_killed_build(make_corpus, tmp_path):
    words = ["border", "fence", "militants", "crossing", "officials", "said", "the", "government", "talks", "Pakistan", "Afghanistan", "trade"]
    articles = {f"a{i:03}.txt": f"Headline number {i}\n\n" + " ".join(
        f"{words[(i + k) % len(words)]} {words[(i * k) % len(words)]}."
        for k in range(900)) + "\n" for i in range(ORPHAN_CORPUS)}
    outline = make_corpus(articles, outline=OUTLINE)
    for attempt in range(3):
        build = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", str(outline), "--no-cache",
             "--jobs", "2", "--format", "json", "-o", str(tmp_path / "out" / "b.json")],
            cwd=REPO, stderr=subprocess.DEVNULL)
        children: list[int] = []
        deadline = time.monotonic() + 30
        while len(children) < 2 and time.monotonic() < deadline:
            listed = subprocess.run(["ps", "-o", "pid=", "--ppid", str(build.pid)],
                                    capture_output=True, text=True).stdout.split()
            children = [int(pid) for pid in listed]
            time.sleep(0.05)
        assert children, "the build started no worker"
        build.kill()
        build.wait()
        time.sleep(3)
        alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
        assert alive == [], f"attempt {attempt}: workers outlived their build"


def test_safety_no_pool_is_forked_with_the_cache_open(make_corpus, tmp_path, monkeypatch):
    outline = make_corpus({f"a{i}.txt": ARTICLE + f"\nNumber {i}.\n" for i in range(40)},
                          outline=OUTLINE)
    cache = tmp_path / "c.sqlite"
    build_brief(outline, options=BuildOptions(cache_path=cache))
    (tmp_path / "corpus" / "a1.txt").write_text(ARTICLE + "\nChanged.\n", encoding="utf-8")
    import concurrent.futures

    seen: list[bool] = []
    real = concurrent.futures.ProcessPoolExecutor.__init__
    caches: list[AnalysisCache] = []
    real_cache_init = AnalysisCache.__init__

    def remember(self, *args, **kwargs):
        real_cache_init(self, *args, **kwargs)
        caches.append(self)

    def pool(self, *args, **kwargs):
        seen.append(any(c._db is not None for c in caches))
        real(self, *args, **kwargs)

    monkeypatch.setattr(AnalysisCache, "__init__", remember)
    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "__init__", pool)
    result = build_brief(outline, options=BuildOptions(cache_path=cache, jobs=2))
    assert seen == [False] and result.stats.misses == 1


# ---------------------------------------------------------------- the corpus walk


def test_safety_links_out_of_the_corpus_are_skipped(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    secret = tmp_path.parent / f"{tmp_path.name}-private.txt"
    secret.write_text("SECRET-PASSPHRASE-4711 border fence militants crossing.\n",
                      encoding="utf-8")
    (tmp_path / "corpus" / "leak.txt").symlink_to(secret)
    (tmp_path / "corpus" / "root").symlink_to("/")
    began = time.monotonic()
    code, _, err = run("build", str(outline), "--format", "json,md", "-o",
                       str(tmp_path / "out" / "b.json"))
    assert code == 0 and time.monotonic() - began < 20
    assert "leak.txt: a link to" in err and "root: a link to '/'" in err
    for output in (tmp_path / "out").iterdir():
        assert b"SECRET" not in output.read_bytes()


def test_safety_links_inside_the_corpus_are_followed_once(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    (tmp_path / "corpus" / "sub").mkdir()
    (tmp_path / "corpus" / "sub" / "b.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "corpus" / "sub" / "loop").symlink_to(tmp_path / "corpus")
    result = build_brief(outline)
    assert sorted(a.article.doc for a in result.analysed) == ["a", "sub/b"]


def _nest(folder: Path, depth: int) -> None:
    """`depth` folders `d/d/d/...` under `folder` with an article at the bottom, made
    relative to folder descriptors (the full path may pass the system's limit)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            deeper = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as f:
            f.write(SECOND)
    finally:
        os.close(fd)


@pytest.fixture
def nested(tmp_path):
    """`_nest`, with the folders removed afterwards by `rm` (Python's rmtree, which
    pytest uses on old temporary folders, recurses and fails on them)."""
    yield lambda depth: _nest(tmp_path / "corpus", depth)
    subprocess.run(["rm", "-rf", str(tmp_path / "corpus" / "d")], check=False)


def test_safety_a_corpus_1200_folders_deep_builds(make_corpus, nested):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    nested(1200)
    result = build_brief(outline)
    assert len(result.analysed) == 2 and result.analysed[1].article.doc.endswith("d/deep")


def test_safety_a_path_over_the_system_limit_is_named(make_corpus, tmp_path, nested):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    nested(2100)  # 4,200 bytes and more: over PATH_MAX (4,096)
    code, _, err = run("build", str(outline), "--format", "json", "-o",
                       str(tmp_path / "out" / "b.json"))
    assert code == 0 and "RecursionError" not in err
    assert "File name too long" in err and "skipped" in err


def test_safety_odd_file_names_are_escaped_and_built(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    corpus = os.fsencode(tmp_path / "corpus")
    with open(corpus + b"/caf\xff.txt", "w", encoding="utf-8") as handle:
        handle.write(SECOND)
    with open(corpus + b"/e\x1b[31mRED\x1b[0m.txt", "w", encoding="utf-8"):
        pass  # empty: its warning names it
    code, _, err = run("build", str(outline), "--format", "pdf,json,html,md", "-o",
                       str(tmp_path / "out" / "b.pdf"))
    assert code == 0, err
    assert "\x1b" not in err and "e\\x1b[31mRED\\x1b[0m.txt: empty file" in err
    assert "caf\\xff.txt: the file name is not valid UTF-8" in err
    data = json.loads((tmp_path / "out" / "b.json").read_text(encoding="utf-8"))
    assert "caf\\xff" in json.dumps(data["sources"]) or data["sources"]


def test_safety_a_fifo_in_the_corpus_is_skipped_not_read(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    os.mkfifo(tmp_path / "corpus" / "pipe.txt")
    result = build_brief(outline)
    assert "pipe.txt: not a regular file" in "\n".join(result.warnings)


def test_safety_punkt_never_sees_more_than_a_chunk(monkeypatch):
    """A 5 MB line goes to Punkt in pieces of at most PUNKT_CHUNK_CHARS, so NLTK's
    wall-clock regex limit cannot trip on a slow machine; a stretch with nowhere to
    cut never goes to Punkt at all."""
    import pipeline.sentences as sentences

    paragraph = ("Pakistan has built a fence along the border. Officials said it would "
                 "stop militants crossing. ") * 40
    line = paragraph * (5_000_000 // len(paragraph)) + "word " * 300_000
    seen: list[int] = []
    tokenizer = sentences._tokenizer()

    class Counting:
        def span_tokenize(self, text):
            seen.append(len(text))
            return tokenizer.span_tokenize(text)

    monkeypatch.setattr(sentences, "_tokenizer", lambda: Counting())
    spans = list(sentences.sentence_spans(line, 0, len(line)))
    assert max(seen) <= sentences.PUNKT_CHUNK_CHARS
    assert spans[-1][1] - spans[-1][0] > sentences.MAX_SENTENCE_CHARS  # the word run, whole
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


# ---------------------------------------------------------------- Dask


def _serve(answer: bytes | None) -> tuple[socket.socket, str]:
    """A TCP server on 127.0.0.1 that accepts and then says `answer` (None: nothing)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def loop() -> None:
        held = []
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)
            if answer is not None:
                with contextlib.suppress(OSError):
                    conn.sendall(answer)

    threading.Thread(target=loop, daemon=True).start()
    return server, f"tcp://127.0.0.1:{server.getsockname()[1]}"


@pytest.mark.slow
@pytest.mark.parametrize("answer", [None, b"\xff\x13garbage" * 200])
def test_safety_dask_servers_that_are_not_schedulers_fail_in_time(make_corpus, monkeypatch,
                                                                  answer):
    pytest.importorskip("dask.distributed")
    import pipeline.dask_map as dask_map

    monkeypatch.setattr(dask_map, "CONNECT_SECONDS", 2.0)
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    server, address = _serve(answer)
    try:
        began = time.monotonic()
        code, _, err = run("build", str(outline), "--format", "json", "--no-cache",
                           "--engine", "dask", "--scheduler", address)
    finally:
        server.close()
    assert code == 2 and address in err and "MemoryError" not in err, err
    assert time.monotonic() - began < 20


@pytest.mark.slow
def test_safety_dask_scheduler_without_workers_fails_in_time(make_corpus, monkeypatch):
    pytest.importorskip("dask.distributed")
    import pipeline.dask_map as dask_map

    monkeypatch.setattr(dask_map, "WORKERS_SECONDS", 2.0)
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    scheduler = subprocess.Popen(
        [sys.executable, "-c", "import asyncio, sys\n"
         "from distributed import Scheduler\n"
         "async def main():\n"
         "    async with Scheduler(host='127.0.0.1', port=0, dashboard_address=None) as s:\n"
         "        print(s.address, flush=True)\n"
         "        await asyncio.sleep(120)\n"
         "asyncio.run(main())\n"], stdout=subprocess.PIPE, text=True,
        stderr=subprocess.DEVNULL)
    try:
        address = scheduler.stdout.readline().strip()
        began = time.monotonic()
        code, _, err = run("build", str(outline), "--format", "json", "--no-cache",
                           "--engine", "dask", "--scheduler", address)
    finally:
        scheduler.kill()
        scheduler.wait()
    assert code == 2 and address in err and "no worker" in err, err
    assert time.monotonic() - began < 30


# ---------------------------------------------------------------- floods


@pytest.mark.slow
def test_safety_a_flood_of_near_identical_notes_stays_readable(make_corpus, tmp_path):
    notes = {f"n{i:04}.txt": f"Border fence talks stall as officials meet, note {i}.\n"
             for i in range(1500)}
    outline = make_corpus(notes, outline=OUTLINE)
    out = tmp_path / "out" / "b.pdf"
    code, _, err = run("build", str(outline), "--format", "pdf,json", "-o", str(out))
    assert code == 0, err
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    items = [i for s in data["sections"] for i in s["items"]]
    assert items and max(len(i["citations"]) for i in items) == 20
    assert max(i["more_sources"] for i in items) > 1000
    assert len(data["sources"]) <= 20 * len(items)
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "more sources" in text


# ---------------------------------------------------------------- variants


def test_safety_deeply_nested_record_is_a_miss_not_a_crash(tmp_path):
    cache = AnalysisCache(tmp_path / "c.sqlite")
    cache.put_many([("k", {"terms": []})])
    text = "[" * 100_000 + "]" * 100_000
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        db.execute("UPDATE analysis SET record = ?, digest = ?",
                   (text, hashlib.sha256(text.encode()).hexdigest()))
    assert AnalysisCache(tmp_path / "c.sqlite").get_many(["k"]) == {}


@pytest.mark.parametrize("interval", ["nan", "inf", "0", "-1"])
def test_safety_watch_interval_must_be_a_real_number_of_seconds(make_corpus, interval):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    code, _, err = run("watch", str(outline), "--interval", interval)
    assert code == 2 and "--interval" in err


def test_safety_output_through_a_link_into_the_corpus_is_refused(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    (tmp_path / "out").symlink_to(tmp_path / "corpus")
    code, _, err = run("build", str(outline), "--format", "json", "-o",
                       str(tmp_path / "out" / "b.json"))
    assert code == 2 and "inside the corpus folder" in err
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["a.txt"]


def test_safety_a_fifo_as_cache_or_output_is_never_opened(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    os.mkfifo(tmp_path / "cache.fifo")
    os.mkfifo(tmp_path / "b.json")
    code, _, err = run("build", str(outline), "--cache", str(tmp_path / "cache.fifo"),
                       "--format", "json", "-o", str(tmp_path / "b.json"))
    assert code == 2 and "not a regular file" in err
    assert ownership(tmp_path / "cache.fifo") == "is not a regular file"


# ---------------------------------------------------------------- variants found later


SLOW_PUBLISH = """
import sys, time
from pathlib import Path
from pipeline.publish import publish
from pipeline.publish.commit import Folder
real = Folder.link
def slow(self, src, dst):  # a run descheduled in the middle of its commit
    time.sleep(float(sys.argv[3]))
    real(self, src, dst)
Folder.link = slow
out, tag = Path(sys.argv[1]), sys.argv[2].encode()
publish({out / "b.json": b"json " + tag, out / "b.md": b"md " + tag})
"""


def test_safety_two_runs_into_one_folder_commit_one_after_the_other(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").write_bytes(b"json old")
    (out / "b.md").write_bytes(b"md old")
    first = subprocess.Popen([sys.executable, "-c", SLOW_PUBLISH, str(out), "A", "1.0"],
                             cwd=REPO)
    time.sleep(0.5)
    second = subprocess.run([sys.executable, "-c", SLOW_PUBLISH, str(out), "B", "0"],
                            cwd=REPO, timeout=60)
    first.wait(timeout=60)
    assert first.returncode == 0 and second.returncode == 0
    pair = ((out / "b.json").read_bytes()[-1:], (out / "b.md").read_bytes()[-1:])
    assert pair in ((b"A", b"A"), (b"B", b"B")) and _no_hidden(out) == []


def test_safety_a_file_swapped_after_the_walk_is_not_read(make_corpus, tmp_path,
                                                          monkeypatch):
    """Swapped for a link to a private file, or for a pipe, between the corpus walk and
    the read: skipped with a warning, never read, never a hang."""
    import pipeline.ingest as ingest_module

    outline = make_corpus({"a.txt": ARTICLE, "b.txt": SECOND, "c.txt": SECOND + "More.\n"},
                          outline=OUTLINE)
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("SECRET-PASSPHRASE border fence militants.\n", encoding="utf-8")
    real_walk = ingest_module.find_corpus_files

    def walk_then_swap(corpus_dir):
        found = real_walk(corpus_dir)
        (corpus_dir / "b.txt").unlink()
        (corpus_dir / "b.txt").symlink_to(secret)
        (corpus_dir / "c.txt").unlink()
        os.mkfifo(corpus_dir / "c.txt")
        return found

    monkeypatch.setattr(ingest_module, "find_corpus_files", walk_then_swap)
    began = time.monotonic()
    result = build_brief(outline)
    warnings = "\n".join(result.warnings)
    assert time.monotonic() - began < 20
    assert "b.txt: changed while it was being read" in warnings
    assert "c.txt: not a regular file" in warnings
    assert [a.article.doc for a in result.analysed] == ["a"]


@pytest.mark.parametrize("kind", ["fifo", "device", "deep", "deep-sources"])
def test_safety_outlines_that_are_no_files_or_too_deep_are_exit_2(make_corpus, tmp_path,
                                                                  kind):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    if kind == "fifo":
        outline = tmp_path / "fifo.yaml"
        os.mkfifo(outline)
    elif kind == "device":
        outline = Path("/dev/zero")
    elif kind == "deep":
        outline.write_text("title: x\ncorpus: corpus\nthemes: " + "[" * 50_000
                           + "]" * 50_000 + "\n", encoding="utf-8")
    else:
        (tmp_path / "corpus" / "sources.yaml").write_text(
            "a.txt: " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    began = time.monotonic()
    code, _, err = run("build", str(outline), "--format", "json", "-o",
                       str(tmp_path / "out" / "b.json"))
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err, err
    assert time.monotonic() - began < 20


def test_safety_an_interruption_inside_a_finalizer_is_not_lost(capsys):
    from pipeline.cli.process import TERMINATION, _quiet_unraisable

    class Unraisable:
        exc_value = KeyboardInterrupt()

    TERMINATION.clear()
    _quiet_unraisable(Unraisable())
    assert TERMINATION.is_set() and capsys.readouterr().err == ""
    TERMINATION.clear()


def test_safety_ctrl_c_while_importing_is_one_line(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    for delay in (0.05, 0.2):
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", str(outline), "--format", "json",
             "-o", str(tmp_path / "out" / "b.json")], cwd=REPO, stderr=subprocess.PIPE,
            text=True)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err
        assert process.returncode in (0, 130, -signal.SIGINT)  # (-2: before Python started)


BROKEN_STREAMS = [
    ("annotate to a full disk", ["annotate"], {"stdout": "/dev/full"}, 2, "No space left"),
    ("annotate to a closed stdout", ["annotate"], {"stdout": None}, 2,
     "standard output: is closed"),
    ("build with stderr closed", ["build", "--format", "json"], {"stderr": None}, 0, ""),
]


@pytest.mark.parametrize("name, argv, streams, code, message", BROKEN_STREAMS,
                         ids=[case[0] for case in BROKEN_STREAMS])
def test_safety_standard_streams_that_fail(make_corpus, tmp_path, name, argv, streams, code,
                                           message):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    args = [sys.executable, "-m", "pipeline", *argv, str(outline)]
    if argv[0] == "build":
        args += ["-o", str(tmp_path / "out" / "b.json")]
    stdout = open(streams["stdout"], "w") if streams.get("stdout") else None  # noqa: SIM115
    closes = {"stdout": 1, "stderr": 2}
    closed = [closes[k] for k, v in streams.items() if v is None]

    def close_streams() -> None:
        for fd in closed:
            os.close(fd)

    try:
        done = subprocess.run(args, cwd=REPO, stdout=stdout or subprocess.PIPE,
                              stderr=subprocess.PIPE, preexec_fn=close_streams, timeout=120)
    finally:
        if stdout is not None:
            stdout.close()
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, err
    assert "internal error" not in err and "Traceback" not in err
    assert message in err


def test_safety_annotate_writes_utf8_whatever_the_locale(make_corpus):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    done = subprocess.run([sys.executable, "-m", "pipeline", "annotate", str(outline)],
                          cwd=REPO, capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "“The fence will stop".encode() in done.stdout


def test_safety_a_reader_that_goes_away_ends_quietly(make_corpus):
    outline = make_corpus({"a.txt": ARTICLE * 50}, outline=OUTLINE)
    annotate = subprocess.Popen([sys.executable, "-m", "pipeline", "annotate", str(outline)],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    annotate.stdout.close()  # the reader is gone before a line is written
    _, err = annotate.communicate(timeout=120)
    assert annotate.returncode == 141 and b"Traceback" not in err and b"error" not in err


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="running as a user with no home needs root and setpriv")
def test_safety_a_user_without_a_home_folder_can_build():
    tmp_path = Path(tempfile.mkdtemp(prefix="brief-nohome-"))  # a folder that user reaches
    shutil.copytree(REPO / "corpus" / "pakistan-taliban", tmp_path / "corpus")
    (tmp_path / "o.yaml").write_text("title: T\ncorpus: corpus\n", encoding="utf-8")
    for path in (tmp_path, *tmp_path.rglob("*")):
        os.chmod(path, 0o777 if path.is_dir() else 0o666)
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(["setpriv", "--reuid", "54321", "--regid", "54321",
                           "--clear-groups", sys.executable, "-m", "pipeline", "build",
                           "o.yaml", "--format", "json", "-o", str(tmp_path / "b.json")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    try:
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "b.json").is_file()
    finally:
        shutil.rmtree(tmp_path)


def _dies(batch, actors):
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would


def _stuck(batch, actors):
    time.sleep(30)


def test_safety_a_worker_killed_by_the_system_is_exit_2(make_corpus, tmp_path, monkeypatch):
    import pipeline.analysis as analysis

    monkeypatch.setattr(analysis, "analyse_batch", _dies)
    outline = make_corpus({f"a{i}.txt": ARTICLE + f"\nNumber {i}.\n" for i in range(40)},
                          outline=OUTLINE)
    code, _, err = run("build", str(outline), "--jobs", "2", "--no-cache", "--format",
                       "json", "-o", str(tmp_path / "out" / "b.json"))
    assert code == 2 and "a worker process died" in err, err


def test_safety_a_stuck_worker_is_given_up_on(make_corpus, tmp_path, monkeypatch):
    import pipeline.analysis as analysis

    monkeypatch.setattr(analysis, "analyse_batch", _stuck)
    monkeypatch.setattr(analysis, "NO_PROGRESS_SECONDS", 1.0)
    outline = make_corpus({f"a{i}.txt": ARTICLE + f"\nNumber {i}.\n" for i in range(40)},
                          outline=OUTLINE)
    began = time.monotonic()
    code, _, err = run("build", str(outline), "--jobs", "2", "--no-cache", "--format",
                       "json", "-o", str(tmp_path / "out" / "b.json"))
    assert code == 2 and "no worker finished a batch" in err, err
    assert time.monotonic() - began < 15  # the stuck workers are ended, not waited for


@pytest.mark.slow
def test_safety_sigterm_does_not_wait_for_a_worker(make_corpus, tmp_path):
    """An interrupted build ends its workers: it does not wait for the article they are
    analysing (the cache holds the small article, a worker takes the large one)."""
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    out = tmp_path / "out" / "b.json"
    assert run("build", str(outline), "-q", "--format", "json", "-o", str(out))[0] == 0
    (tmp_path / "corpus" / "big.txt").write_text("The border fence was built. " * 300_000,
                                                 encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(outline), "--jobs", "2", "--format",
         "json", "-o", str(out)], cwd=REPO, stderr=subprocess.PIPE, text=True)
    from .test_hardening import _wait_for_sigterm_handler

    _wait_for_sigterm_handler(process.pid)
    time.sleep(1.0)
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143 and time.monotonic() - began < 5, err


def test_safety_a_private_output_stays_private(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    out = tmp_path / "out" / "b.json"
    assert run("build", str(outline), "-q", "--format", "json", "-o", str(out))[0] == 0
    out.chmod(0o600)
    outline.write_text(OUTLINE.replace("Border brief", "Another title"), encoding="utf-8")
    assert run("build", str(outline), "-q", "--format", "json", "-o", str(out))[0] == 0
    assert out.stat().st_mode & 0o777 == 0o600 and b"Another title" in out.read_bytes()


def test_safety_dot_dot_through_the_corpus_makes_no_folder_in_it(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    target = tmp_path / "corpus" / "sub" / ".." / ".." / "out" / "b.json"
    code, _, err = run("build", str(outline), "--format", "json", "-o", str(target))
    assert code == 0, err
    assert (tmp_path / "out" / "b.json").is_file()
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["a.txt"]


def test_safety_a_bind_mount_of_the_corpus_is_inside_it(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "--bind", str(tmp_path / "corpus"), str(mirror)],
            capture_output=True).returncode != 0:
        pytest.skip("bind mounts need root")
    try:
        code, _, err = run("build", str(outline), "--format", "json", "-o",
                           str(mirror / "b.json"))
    finally:
        subprocess.run(["umount", str(mirror)], check=False)
    assert code == 2 and "inside the corpus folder" in err
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["a.txt"]


def test_safety_an_output_folder_swapped_into_the_corpus_is_refused(make_corpus, tmp_path,
                                                                   monkeypatch):
    """The output folder replaced by a link into the corpus after the checks before the
    build: `publish` checks the folder as it opened it."""
    import pipeline.cli.building as building

    outline = make_corpus({"a.txt": ARTICLE}, outline=OUTLINE)
    out = tmp_path / "out"
    out.mkdir()
    real_render = building.render

    def swap_then_render(*args, **kwargs):
        if out.is_dir() and not out.is_symlink():
            out.rmdir()
            out.symlink_to(tmp_path / "corpus")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(building, "render", swap_then_render)
    code, _, err = run("build", str(outline), "--format", "json", "-o", str(out / "b.json"))
    assert code == 2 and "inside the corpus folder" in err
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["a.txt"]
