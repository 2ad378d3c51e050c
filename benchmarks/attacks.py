"""Hostile-environment attacks against the real `brief` command.

Each case builds a throw-away folder (a small corpus and outline, sometimes a tmpfs
or bind mount, a locked cache, a fake Dask scheduler, a FIFO, a file swapped under
the build, ...), runs `brief` as a separate process with a timeout, and checks what
a user would check afterwards: exit code, stderr lines, input files' bytes (sha256)
before and after, stray or hidden temporary files, outputs equal to a `--no-cache`
build, file permissions. A case HELD when every one of its checks held, else it
FAILED; a case that needs a mount, a tool or root this machine refuses is SKIPPED.
This is a report, not a test: the exit code is 0 unless `--strict` is given, then 1
when any case failed.

    .venv/bin/python benchmarks/attacks.py                # every case
    .venv/bin/python benchmarks/attacks.py --list         # ids and one-line descriptions
    .venv/bin/python benchmarks/attacks.py --only cache-locked,orphans
    .venv/bin/python benchmarks/attacks.py --strict       # exit 1 when any case failed

Cases 1-33 are the first red-team pass; 34-48 the variants a second pass found
(user files beside the outputs, two builds committing into one folder, inputs
swapped for links or FIFOs while read, outlines that are FIFOs, devices or deeply
nested YAML, Ctrl-C to the whole process group, broken standard streams, no home
folder, killed or stopped workers, private outputs, `..` and bind mounts through
the corpus).

Every run of `brief` gets its own XDG_CACHE_HOME inside the case's folder (the
user's cache is never touched; no-home unsets it) and its own process group (killed
on a timeout, so a hang is a FAILED case and never hangs this script; Ctrl-C cases
signal that group, as a terminal does). Mounts are tmpfs or bind mounts under
`/tmp/brief-attack-*` and are unmounted when the case ends; several cases need root
for them, and no-home needs root to run `brief` as another user. Python 3.11 stdlib
only, plus pypdf (from the project's venv; else pdftotext) to read PDF text and page
counts, strace (concurrent-same-outputs: it slows one build's commit by delaying its
link() calls) and setpriv (no-home) when installed: a case whose tool is missing is
SKIPPED.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import itertools
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
BRIEF = ROOT / ".venv" / "bin" / "brief"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else sys.executable)

# ----------------------------------------------------------------- test material

OUTLINE = (
    "title: {title}\ncorpus: corpus\nactors: []\n{extra}themes:\n"
    "  - {{id: border, title: Border, query: border fence crossings militants}}\n"
)

ARTICLES = {
    "a.txt": (
        "Border talks stall\n\n"
        "Pakistan has built a fence along the border with Afghanistan to stop militants "
        "crossing.\n\n"
        "\u201cThe fence will stop illegal crossings,\u201d said Mir Ziaullah Langove, the "
        "Balochistan home minister.\n\n"
        "Analysts say the fence has done little to stop fighters crossing the border at night.\n"
    ),
    "b.txt": (
        "Traders protest closure of Torkham crossing\n\n"
        "Hundreds of traders gathered at the Torkham border crossing on Monday after "
        "officials closed the gate for a third day.\n\n"
        "\u201cWe lose money every hour the border stays shut,\u201d said Haji Gul, a fruit "
        "trader from Jalalabad.\n\n"
        "Officials in Islamabad said the closure followed an attack on a border post by "
        "militants from across the fence.\n"
    ),
    "c.txt": (
        "Militants attack checkpoint near Chaman\n\n"
        "Militants attacked a security checkpoint near the Chaman crossing late on Tuesday, "
        "killing two soldiers, the army said.\n\n"
        "The military said the attackers had crossed the border from Afghanistan through a "
        "gap in the fence.\n\n"
        "Afghan officials denied that the fighters came from their side of the border.\n"
    ),
    "d.txt": (
        "Analysts doubt the fence will end cross-border raids\n\n"
        "The fence stretches more than 2,600 kilometres across mountains and deserts.\n\n"
        "Security analysts said militants still use smuggling routes that the fence does not "
        "cover.\n\n"
        "\u201cA fence cannot replace a political settlement,\u201d said Ayesha Siddiqa, a "
        "defence analyst in London.\n"
    ),
    "e.txt": (
        "Elders call for reopening of border markets\n\n"
        "Tribal elders on both sides of the border asked the two governments to reopen the "
        "markets that were closed when the fence went up.\n\n"
        "Families divided by the fence now need passports to visit relatives a few "
        "kilometres away.\n\n"
        "Officials said crossings would be allowed only at formal border posts.\n"
    ),
}

NEW_SENTENCE = "\nOfficials said a new gate in the fence would open to traders next month.\n"

SUBJECTS = ("Officials in Islamabad", "Afghan border guards", "Local traders", "Tribal elders",
            "Security analysts", "Police in Peshawar", "The interior ministry",
            "Residents of Chaman", "A military spokesman", "Diplomats in Kabul")
VERBS = ("said", "reported", "warned", "confirmed", "denied", "told reporters")
CLAUSES = ("militants crossed the border fence at night",
           "the Torkham crossing would reopen next week",
           "smugglers were using a gap in the fence near the river",
           "two soldiers were wounded in an attack on a border post",
           "traders had lost millions while the crossing stayed closed",
           "talks between the two governments had stalled again",
           "new patrols would watch the mountain passes",
           "families were stranded on both sides of the border",
           "fighters had fled across the frontier after the raid",
           "the fence had cut off villages from their markets")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def generated_articles(count: int, sentences: int = 12, seed: int = 7) -> dict[str, str]:
    """`count` distinct news-like articles about the border (seeded, so reproducible)."""
    rng = random.Random(seed)
    articles = {}
    for i in range(count):
        lines = [f"Border report {i}: {rng.choice(CLAUSES).capitalize()}", ""]
        for _ in range(sentences):
            lines.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} on "
                         f"{rng.choice(DAYS)} that {rng.choice(CLAUSES)}, "
                         f"{rng.randint(2, 90)} kilometres from the nearest post.")
            lines.append("")
        articles[f"gen{i:04d}.txt"] = "\n".join(lines)
    return articles


def outline_text(title: str = "T", extra: str = "") -> str:
    return OUTLINE.format(title=title, extra=extra)


# ----------------------------------------------------------------- small helpers


class Skip(Exception):
    """The case cannot run on this machine (no mount, no root)."""


def sha256(path: Path) -> str | None:
    """sha256 of a file's bytes; None when it is missing or not a regular file."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 (files), "<dir>" or "<link>" for everything under folder
    (symlinks are not followed). A missing folder gives {"": "<missing>"}."""
    folder = Path(folder)
    if not folder.is_dir():
        return {"": "<missing>" if not folder.exists() else "<not a folder>"}
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            rel = os.fsdecode(path.relative_to(folder))
            if path.is_symlink():
                found[rel] = "<link>"
            elif path.is_dir():
                found[rel] = "<dir>"
            else:
                found[rel] = sha256(path) or "<unreadable>"
    return found


def tree_diff(before: dict[str, str], after: dict[str, str]) -> str:
    """'' when equal, else a short description of what changed."""
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    parts = [f"{label} {', '.join(repr(n) for n in names[:3])}"
             + (f" (+{len(names) - 3})" if len(names) > 3 else "")
             for label, names in (("new", added), ("gone", removed), ("changed", changed))
             if names]
    return "; ".join(parts)


def hidden_files(folder: Path) -> list[str]:
    """Names in folder that look like temporary files: hidden or ending in .tmp."""
    try:
        return sorted(n for n in os.listdir(folder) if n.startswith(".") or n.endswith(".tmp"))
    except OSError:
        return []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kill_group(pid: int) -> None:
    """SIGKILL the process group led by pid (a process this script started)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def make_nested(base: Path, folders: Iterable[str | bytes], name: str | bytes, data: bytes
                ) -> None:
    """Create base/f1/f2/.../name through directory fds (no path is ever longer than one
    component, so neither PATH_MAX nor Python's recursion limit gets in the way)."""
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for folder in folders:
            os.mkdir(folder, dir_fd=fd)
            child = os.open(folder, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = child
        out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=fd)
        with os.fdopen(out, "wb") as handle:
            handle.write(data)
    finally:
        os.close(fd)


def fill_disk(folder: Path) -> int:
    """Write folder/filler until the file system says ENOSPC; return the bytes written."""
    written = 0
    with open(Path(folder) / "filler", "wb", buffering=0) as handle:
        for size in (1 << 16, 4096, 512, 1):
            block = b"\0" * size
            while True:
                try:
                    n = handle.write(block)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
                if not n:
                    break
                written += n
    return written


def pdf_text(path: Path) -> str:
    """The PDF's text (pypdf, else pdftotext), else its raw bytes decoded as latin-1."""
    try:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except ImportError:
        pass
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, timeout=60)
        return done.stdout.decode("utf-8", "replace")
    return Path(path).read_bytes().decode("latin-1")


def pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader

        return len(PdfReader(path).pages)
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page[^s]", Path(path).read_bytes()))


# ----------------------------------------------------------------- running brief


@dataclass
class Run:
    """One finished (or timed-out) process."""

    code: int | None  # None: timed out and killed
    out: str
    errb: bytes
    seconds: float

    @property
    def err(self) -> str:
        return self.errb.decode("utf-8", "replace")

    @property
    def timed_out(self) -> bool:
        return self.code is None

    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def errors(self) -> list[str]:
        return [line for line in self.lines() if "error:" in line]

    def warnings(self) -> list[str]:
        return [line for line in self.lines() if "warning:" in line]

    def warned(self, needle: str) -> bool:
        return any(needle in line for line in self.warnings())

    def one_line_error(self) -> bool:
        """Exactly one error line, no traceback, and not an internal error."""
        return (len(self.errors()) == 1 and "Traceback" not in self.err
                and "internal error" not in self.err)

    def summary(self) -> str:
        if self.timed_out:
            return f"timed out after {self.seconds:.0f}s"
        first = (self.errors() or self.warnings() or [""])[0]
        return f"exit {self.code}" + (f": {short(first, 90)}" if first else "")


class Workspace:
    """A case's temporary folder, its mounts and helper processes; close() undoes all."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="brief-attack-"))
        (self.root / "xdg").mkdir()
        self.mounts: list[Path] = []
        self.helpers: list[subprocess.Popen] = []

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, XDG_CACHE_HOME=str(self.root / "xdg"))

    def corpus(self, articles: Mapping[str, str | bytes] | None = None, outline: str | None = None,
               name: str = "o.yaml", folder: Path | None = None) -> Path:
        """Write articles into <folder>/corpus and the outline beside it; return its path."""
        base = folder or self.root
        corpus = base / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for file, body in (ARTICLES if articles is None else articles).items():
            (corpus / file).write_bytes(body if isinstance(body, bytes) else body.encode())
        path = base / name
        path.write_text(outline if outline is not None else outline_text(), encoding="utf-8")
        return path

    # ---- processes

    def run(self, argv: list[str], timeout: float = 120, cwd: Path | None = None,
            env: Mapping[str, str | None] | None = None,
            stdout: int | IO[bytes] | None = subprocess.PIPE,
            preexec_fn: Callable[[], object] | None = None) -> Run:
        """Run argv in its own process group; on timeout kill the whole group. `env`:
        variables to set on top of self.env (None: unset it); `stdout`: where standard
        output goes (a file, DEVNULL; not captured then); `preexec_fn`: run in the
        child before exec (close a standard stream, set the umask)."""
        began = time.perf_counter()
        variables = self.env
        for key, value in (env or {}).items():
            if value is None:
                variables.pop(key, None)
            else:
                variables[key] = value
        process = subprocess.Popen(argv, cwd=cwd or self.root, env=variables,
                                   stdin=subprocess.DEVNULL, stdout=stdout,
                                   stderr=subprocess.PIPE, start_new_session=True,
                                   preexec_fn=preexec_fn)
        try:
            out, err = process.communicate(timeout=timeout)
            code: int | None = process.returncode
        except subprocess.TimeoutExpired:
            kill_group(process.pid)
            out, err = process.communicate()
            code = None
        finally:
            kill_group(process.pid)  # anything it left behind in its group
        return Run(code, (out or b"").decode("utf-8", "replace"), err or b"",
                   time.perf_counter() - began)

    def brief(self, *args: str, timeout: float = 120, cwd: Path | None = None,
              **kwargs) -> Run:
        """`brief ARGS...` through run() (same keyword arguments)."""
        return self.run([str(BRIEF), *args], timeout=timeout, cwd=cwd, **kwargs)

    def start(self, argv: list[str], **kwargs) -> subprocess.Popen:
        """A background process (own process group), killed by close()."""
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(argv, cwd=self.root, env=self.env, start_new_session=True,
                                   **kwargs)
        self.helpers.append(process)
        return process

    def start_brief(self, *args: str, **kwargs) -> subprocess.Popen:
        return self.start([str(BRIEF), *args], **kwargs)

    # ---- mounts

    def tmpfs(self, name: str, size: str) -> Path:
        """A fresh tmpfs at <root>/<name> (the root's name holds "brief-attack")."""
        point = self.root / name
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                               str(point)], capture_output=True, text=True)
        if done.returncode != 0:
            raise Skip(f"needs root/mount: {short(done.stderr, 60)}")
        self.mounts.append(point)
        return point

    def bind(self, source: Path, name: str) -> Path:
        """`mount --bind source <root>/<name>`, unmounted by close() (or unmount())."""
        point = self.root / name
        point.mkdir()
        done = subprocess.run(["mount", "--bind", str(source), str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise Skip(f"needs root/mount --bind: {short(done.stderr, 60)}")
        self.mounts.append(point)
        return point

    def read_only(self, point: Path) -> None:
        done = subprocess.run(["mount", "-o", "remount,ro", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise Skip(f"needs root/mount: {short(done.stderr, 60)}")

    def unmount(self, point: Path) -> None:
        if point not in self.mounts:
            return
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)
        self.mounts.remove(point)

    # ---- cleanup

    def close(self) -> None:
        for process in self.helpers:
            kill_group(process.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        for point in reversed(list(self.mounts)):
            self.unmount(point)
        # rm copes with 1,200-deep folders and paths over PATH_MAX; never crosses a mount
        subprocess.run(["rm", "-rf", "--one-file-system", "--", str(self.root)],
                       capture_output=True)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Checks:
    """Collects failed checks and notes; result() is the case's (held, detail)."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.notes: list[str] = []

    def __call__(self, ok: bool, failure: str) -> bool:
        if not ok:
            self.failed.append(failure)
        return ok

    def note(self, text: str) -> None:
        self.notes.append(text)

    def result(self) -> tuple[bool, str]:
        """Failures first, then the notes that do not repeat one of them."""
        parts = list(self.failed)
        parts += [n for n in self.notes if not any(n in p or p in n for p in parts)]
        return not self.failed, "; ".join(dict.fromkeys(parts))


def tally(problems: list[str], tries: int) -> str:
    """'k/N tries failed, first: ...' for problems met over repeated tries."""
    return f"{len(problems)}/{tries} tries failed, first: {problems[0]}"


def json_build(ws: Workspace, outline: Path, target: Path, *extra: str) -> Run:
    """`brief build OUTLINE -o TARGET --format json --jobs 1 EXTRA...`."""
    return ws.brief("build", str(outline), "-o", str(target), "--format", "json",
                    "--jobs", "1", *extra)


def reference_json(ws: Workspace, outline: Path, *extra: str) -> bytes | None:
    """The JSON of a --no-cache build of the same inputs."""
    target = ws.root / "reference" / "ref.json"
    run = json_build(ws, outline, target, "--no-cache", *extra)
    return target.read_bytes() if run.code == 0 and target.exists() else None


def append(path: Path, text: str = NEW_SENTENCE) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


# ----------------------------------------------------------------- registry


@dataclass
class Case:
    id: str
    description: str
    run: Callable[[Workspace], tuple[bool, str]]


CASES: list[Case] = []


def case(case_id: str, description: str) -> Callable:
    def register(function: Callable[[Workspace], tuple[bool, str]]):
        CASES.append(Case(case_id, description, function))
        return function
    return register


# ================================================================= cache

@case("cache-on-article", "--cache naming an existing article: warn, leave it untouched")
def cache_on_article(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    article = ws.root / "corpus" / "a.txt"
    before = tree(ws.root / "corpus")
    run = json_build(ws, outline, ws.root / "out" / "b.json", "--cache", "corpus/a.txt")
    c(run.code == 0, run.summary())
    c(run.warned("a.txt"), "no warning naming corpus/a.txt")
    c(sha256(article) == before["a.txt"], "a.txt bytes changed or file gone")
    diff = tree_diff(before, tree(ws.root / "corpus"))
    c(not diff, f"corpus changed: {diff}")
    if not c.failed:
        c.note(short(run.warnings()[0] if run.warnings() else run.summary(), 80))
    return c.result()


@case("cache-outline-escape", "outline `cache: ../victim/thesis.txt`: exit 2, victim untouched")
def cache_outline_escape(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    victim = ws.root / "victim"
    victim.mkdir()
    (victim / "thesis.txt").write_text("Chapter one. My thesis, four years of work.\n")
    folder = ws.root / "brief"
    outline = ws.corpus(folder=folder,
                        outline=outline_text(extra="cache: ../victim/thesis.txt\n"))
    before = tree(victim)
    run = json_build(ws, outline, ws.root / "out" / "b.json")
    c(run.code == 2, run.summary())
    c(len(run.errors()) == 1 and "cache" in run.errors()[0],
      "not exactly one error line mentioning `cache`")
    diff = tree_diff(before, tree(victim))
    c(not diff, f"victim folder changed: {diff}")
    c.note(run.summary())
    return c.result()


@case("cache-on-folder", "--cache naming the corpus folder: warn, folder untouched")
def cache_on_folder(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    before = tree(ws.root / "corpus")
    listing = sorted(os.listdir(ws.root))
    run = json_build(ws, outline, ws.root / "out" / "b.json", "--cache", "corpus")
    c(run.code == 0, run.summary())
    c(run.warned("corpus"), "no warning naming the corpus folder")
    diff = tree_diff(before, tree(ws.root / "corpus"))
    c(not diff, f"corpus changed: {diff}")
    strays = sorted(set(os.listdir(ws.root)) - set(listing) - {"out"})
    c(not strays, f"new files beside the corpus: {strays}")
    if not c.failed:
        c.note(run.summary())
    return c.result()


@case("check-writes-nothing", "`brief check --cache corpus/a.txt`: exit 0, nothing written")
def check_writes_nothing(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    before = tree(ws.root)
    run = ws.brief("check", str(outline), "--jobs", "1", "--cache", "corpus/a.txt")
    c(run.code == 0, run.summary())
    diff = tree_diff(before, tree(ws.root))
    c(not diff, f"temp folder changed: {diff}")
    c.note(short(run.out or run.summary(), 80))
    return c.result()


@case("cache-clear-foreign", "`brief cache clear --cache corpus/a.txt`: exit 2, article kept")
def cache_clear_foreign(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    ws.corpus()
    article = ws.root / "corpus" / "a.txt"
    before = sha256(article)
    run = ws.brief("cache", "clear", "--cache", "corpus/a.txt")
    c(run.code == 2, run.summary() + (f" / {short(run.out, 60)}" if run.out else ""))
    c(sha256(article) == before, "a.txt deleted or changed")
    if not c.failed:
        c.note(run.summary())
    return c.result()


LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def filled_cache(ws: Workspace, c: Checks, outline: Path, cache: Path) -> bool:
    """A first build that creates and fills `cache`; False (a failed check) if not."""
    first = json_build(ws, outline, ws.root / "out0" / "b.json", "--cache", str(cache))
    return c(first.code == 0 and cache.exists(), f"first build: {first.summary()}")


@case("cache-locked", "cache held by BEGIN EXCLUSIVE in another process: build still finishes")
def cache_locked(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    cache = ws.root / "c.sqlite"
    if not filled_cache(ws, c, outline, cache):
        return c.result()
    # an edited article, so that the build has something to store under the lock
    append(ws.root / "corpus" / "a.txt")
    locker = ws.start([PYTHON, "-c", LOCKER, str(cache), "40"], stdout=subprocess.PIPE)
    ready = locker.stdout.readline().decode().strip() if locker.stdout else ""
    if not c(ready == "locked", "the locker could not lock the cache"):
        return c.result()
    time.sleep(1)
    target = ws.root / "out" / "b.json"
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "json", "--jobs", "1",
                   "--cache", str(cache), timeout=90)
    still_locked = locker.poll() is None
    kill_group(locker.pid)
    locker.wait()
    c(run.code == 0, run.summary())
    c(still_locked, "the locker ended before the build did (lock not held throughout)")
    c(bool(run.warnings()), "no warning about the locked cache")
    c(cache.exists(), "c.sqlite is gone")
    corrupt = sorted(n for n in os.listdir(ws.root) if ".corrupt" in n)
    c(not corrupt, f"cache moved aside: {corrupt}")
    reference = reference_json(ws, outline)
    c(target.exists() and target.read_bytes() == reference, "JSON differs from a --no-cache build")
    c.note(f"build took {run.seconds:.1f}s")
    return c.result()


@case("cache-disk-full", "cache on a full tmpfs, an article changed: build, no .corrupt files")
def cache_disk_full(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    disk = ws.tmpfs("cachefs", "2m")
    cache = disk / "c.sqlite"
    if not filled_cache(ws, c, outline, cache):
        return c.result()
    fill_disk(disk)
    append(ws.root / "corpus" / "a.txt")
    target = ws.root / "out" / "b.json"
    run = json_build(ws, outline, target, "--cache", str(cache))
    c(run.code == 0, run.summary())
    c(bool(run.warnings()), "no warning that the cache could not store")
    c(cache.exists(), "c.sqlite renamed or gone")
    corrupt = sorted(n for n in os.listdir(disk) if ".corrupt" in n)
    c(not corrupt, f"cache moved aside: {corrupt}")
    c(target.exists() and target.read_bytes() == reference_json(ws, outline),
      "JSON differs from a --no-cache build")
    if not c.failed:
        c.note(run.summary())
    return c.result()


@case("cache-read-only", "cache on a read-only tmpfs, an article changed: build, no internal error")
def cache_read_only(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    disk = ws.tmpfs("cachefs", "4m")
    cache = disk / "c.sqlite"
    if not filled_cache(ws, c, outline, cache):
        return c.result()
    ws.read_only(disk)
    append(ws.root / "corpus" / "a.txt")
    target = ws.root / "out" / "b.json"
    run = json_build(ws, outline, target, "--cache", str(cache))
    c(run.code == 0, run.summary())
    c("internal error" not in run.err, "internal error")
    c(target.exists() and target.read_bytes() == reference_json(ws, outline),
      "JSON differs from a --no-cache build")
    if not c.failed:
        c.note(run.summary())
    return c.result()


def _alter_offsets(record: str) -> str:
    data = json.loads(record)
    for sentence in data.get("sentences", []):
        sentence[0] = sentence[1] = 10 ** 9
    return json.dumps(data)


@case("cache-altered-rows", "cache rows overwritten (bad JSON, offsets, a 4-byte PDF): same output")
def cache_altered_rows(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    reference = ws.root / "reference" / "b.pdf"
    ref = ws.brief("build", str(outline), "-o", str(reference), "--format", "pdf,json",
                   "--jobs", "1", "--no-cache")
    if not c(ref.code == 0, f"reference build: {ref.summary()}"):
        return c.result()
    ref_pdf, ref_json = reference.read_bytes(), reference.with_suffix(".json").read_bytes()
    variants = {
        "bad records": lambda db: db.execute("""UPDATE analysis SET record = '{"blocks": 5}'"""),
        "offsets 10**9": lambda db: db.executemany(
            "UPDATE analysis SET record = ? WHERE key = ?",
            [(_alter_offsets(r), k) for k, r in db.execute("SELECT key, record FROM analysis")]),
    }
    for number, (name, alter) in enumerate(variants.items()):
        cache = ws.root / f"c-{number}.sqlite"
        args = ("--format", "pdf,json", "--jobs", "1", "--cache", str(cache))
        first = ws.brief("build", str(outline), "-o", str(ws.root / "out0" / "b.pdf"), *args)
        if not c(first.code == 0, f"{name}: first build: {first.summary()}"):
            continue
        with sqlite3.connect(cache) as db:
            alter(db)
            db.execute("UPDATE renders SET pdf = x'25504446'")
        db.close()
        target = ws.root / f"out-{number}" / "b.pdf"
        run = ws.brief("build", str(outline), "-o", str(target), *args)
        pdf = target.read_bytes() if target.exists() else b""
        json_out = target.with_suffix(".json")
        c(run.code == 0, f"{name}: {run.summary()}")
        c(pdf.startswith(b"%PDF-") and len(pdf) > 10_000, f"{name}: PDF is {len(pdf)} bytes")
        c(pdf == ref_pdf, f"{name}: PDF differs from a --no-cache build")
        c(json_out.exists() and json_out.read_bytes() == ref_json,
          f"{name}: JSON differs from a --no-cache build")
        c.note(f"{name}: {run.summary()}")
    return c.result()


# ================================================================= outputs

@case("json-not-replaceable", "out/b.json is a non-empty folder: exit 2, out/b.pdf unchanged")
def json_not_replaceable(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(outline=outline_text("Old brief"))
    out = ws.root / "out"
    args = ("-o", str(out / "b.pdf"), "--format", "pdf,json", "--jobs", "1", "--no-cache")
    first = ws.brief("build", str(outline), *args)
    if not c(first.code == 0, f"first build: {first.summary()}"):
        return c.result()
    (out / "b.json").unlink()
    (out / "b.json").mkdir()
    (out / "b.json" / "keep.txt").write_text("keep me\n")
    pdf_before = sha256(out / "b.pdf")
    outline.write_text(outline_text("New brief"))
    run = ws.brief("build", str(outline), *args)
    c(run.code == 2, run.summary())
    c(run.one_line_error(), "not one plain error line")
    c(sha256(out / "b.pdf") == pdf_before, "out/b.pdf was replaced")
    c(not hidden_files(out), f"temporary files left: {hidden_files(out)}")
    c.note(run.summary())
    return c.result()


def _old_and_new(ws: Workspace) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes], float]:
    """An outline built once as "Old brief" into out/ and once as "New brief" into ref/:
    (outline, out, old bytes, new bytes, seconds of the new build)."""
    outline = ws.corpus(outline=outline_text("Old brief"))
    out, ref = ws.root / "out", ws.root / "ref"
    runs = []
    for folder, title in ((out, "Old brief"), (ref, "New brief")):
        outline.write_text(outline_text(title))
        runs.append(ws.brief("build", str(outline), "-o", str(folder / "b.pdf"), "--format",
                             "pdf,json", "--jobs", "1", "--no-cache"))
        if runs[-1].code != 0:
            raise RuntimeError(f"setup build failed: {runs[-1].summary()}")
    read = lambda folder: {n: (folder / n).read_bytes() for n in ("b.pdf", "b.json")}  # noqa
    return outline, out, read(out), read(ref), runs[-1].seconds


def _restore(out: Path, old: dict[str, bytes]) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    for name, data in old.items():
        (out / name).write_bytes(data)


def _state(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> tuple[str, str]:
    """('old'|'new'|'missing'|'other') for b.pdf and b.json."""
    states = []
    for name in ("b.pdf", "b.json"):
        path = out / name
        data = path.read_bytes() if path.is_file() else None
        states.append("missing" if data is None else "old" if data == old[name]
                      else "new" if data == new[name] else "other")
    return states[0], states[1]


def _whole(state: tuple[str, str]) -> bool:
    return state in (("old", "old"), ("new", "new"))


@case("sigterm-during-write", "SIGTERM at 20 moments of a PDF+JSON build: never a mixed set")
def sigterm_during_write(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline, out, old, new, seconds = _old_and_new(ws)
    rng = random.Random(11)
    tries = 20
    delays = [seconds * (0.15 + 0.95 * (i + rng.random()) / tries) for i in range(tries)]
    seen: dict[tuple[str, str], int] = {}
    codes: dict[int | None, int] = {}
    problems: list[str] = []
    for delay in delays:
        _restore(out, old)
        process = ws.start_brief("build", str(outline), "-o", str(out / "b.pdf"), "--format",
                                 "pdf,json", "--jobs", "1", "--no-cache",
                                 stderr=subprocess.PIPE)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            _, errb = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            kill_group(process.pid)
            _, errb = process.communicate()
        kill_group(process.pid)
        err = errb.decode("utf-8", "replace")
        state = _state(out, old, new)
        seen[state] = seen.get(state, 0) + 1
        codes[process.returncode] = codes.get(process.returncode, 0) + 1
        if not _whole(state):
            problems.append(f"after {delay:.2f}s: mixed, pdf {state[0]}, json {state[1]}")
        if hidden_files(out):
            problems.append(f"after {delay:.2f}s: left {hidden_files(out)}")
        if "left as they were" in err and state != ("old", "old"):
            problems.append(f"after {delay:.2f}s: says 'left as they were' but pdf {state[0]}, "
                            f"json {state[1]}")
    c(not problems, tally(problems, tries) if problems else "")
    c.note(f"{tries} tries (build {seconds:.1f}s): "
           + ", ".join(f"{p}/{j} x{n}" for (p, j), n in sorted(seen.items()))
           + "; exits " + ", ".join(f"{k} x{n}" for k, n in sorted(codes.items(), key=str)))
    return c.result()


@case("kill9-mixed", "SIGKILL once a temp file appears (15 tries): the next run repairs all")
def kill9_mixed(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline, out, old, new, _ = _old_and_new(ws)
    args = ("build", str(outline), "-o", str(out / "b.pdf"), "--format", "pdf,json",
            "--jobs", "1", "--no-cache")
    mixed_after_kill = missed = 0
    problems: list[str] = []
    tries, launches = 15, 0
    attempt = 0
    while attempt < tries and launches < 3 * tries:
        _restore(out, old)
        process = ws.start_brief(*args)
        launches += 1
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if any(n.startswith(".") for n in os.listdir(out)):
                process.kill()
                break
            time.sleep(0.005)
        else:  # the temp files came and went between two looks: not a try, launch again
            if process.poll() is None:
                problems.append(f"launch {launches}: still running after 60s")
            missed += 1
            kill_group(process.pid)
            process.wait()
            continue
        kill_group(process.pid)
        process.wait()
        attempt += 1
        mixed_after_kill += not _whole(_state(out, old, new))
        after = ws.brief(*args)
        state = _state(out, old, new)
        if after.code != 0:
            problems.append(f"try {attempt}: next run {after.summary()}")
        elif state != ("new", "new"):
            problems.append(f"try {attempt}: after the next run pdf {state[0]}, json {state[1]}")
        elif hidden_files(out):
            problems.append(f"try {attempt}: temp files left after the next run "
                            f"{hidden_files(out)}")
    c(attempt > 0, "no run was caught with a temporary file")
    c(not problems, tally(problems, attempt) if problems else "")
    c.note(f"mixed right after the kill {mixed_after_kill}/{attempt}; {attempt} kills in "
           f"{launches} launches ({missed} finished before a temp file was seen)")
    return c.result()


# ================================================================= processes

def _children(pid: int) -> dict[int, str]:
    """Direct children of pid: pid -> start time (field 22 of /proc/PID/stat)."""
    done = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                          text=True)
    found = {}
    for word in done.stdout.split():
        start = _start_time(int(word))
        if start:
            found[int(word)] = start
    return found


def _start_time(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return None if fields[0] == "Z" else fields[19]  # state, ..., starttime


@case("orphans", "SIGKILL a --jobs 2 build of 300 articles (20 tries): no worker survives")
def orphans(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(articles=generated_articles(300, sentences=30))
    rng = random.Random(13)
    with_children = survivors = 0
    problems: list[str] = []
    for attempt in range(20):
        process = ws.start_brief("build", str(outline), "-o", str(ws.root / "out" / "b.json"),
                                 "--format", "json", "--jobs", "2", "--no-cache")
        time.sleep(rng.uniform(0.5, 1.5))
        children = _children(process.pid)
        process.kill()
        process.wait()
        time.sleep(3)
        alive = [pid for pid, start in children.items() if _start_time(pid) == start]
        with_children += bool(children)
        survivors += len(alive)
        if alive:
            problems.append(f"try {attempt}: {len(alive)} of {len(children)} children alive "
                            "3s later")
        kill_group(process.pid)  # tidy up whatever survived
    c(not problems, tally(problems, 20) if problems else "")
    c(with_children > 0, "no try caught the build with worker processes")
    c.note(f"{with_children}/20 tries had children; {survivors} survived")
    return c.result()


# ================================================================= corpus reading

SECRET = "SECRET-PASSPHRASE-4711 border fence militants"


@case("symlink-outside-file", "corpus/leak.txt -> a file outside the corpus: warned, not read")
def symlink_outside_file(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    outside = ws.root / "private" / "notes.txt"
    outside.parent.mkdir()
    outside.write_text(f"Private notes\n\n{SECRET} crossing the border fence at night.\n")
    (ws.root / "corpus" / "leak.txt").symlink_to(outside)
    target = ws.root / "out" / "b.pdf"
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "pdf,json",
                   "--jobs", "1")
    c(run.code == 0, run.summary())
    c(run.warned("leak.txt"), "no warning naming leak.txt")
    for path in (target, target.with_suffix(".json")):
        if path.exists():
            text = pdf_text(path) if path.suffix == ".pdf" else path.read_text()
            c("PASSPHRASE" not in text and "4711" not in text, f"{path.name} holds the secret")
        else:
            c(False, f"{path.name} not written")
    if not c.failed:
        c.note(short(next(w for w in run.warnings() if "leak.txt" in w), 80))
    return c.result()


@case("symlink-root", "corpus/root -> / : finishes within 20 s with a warning")
def symlink_root(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    (ws.root / "corpus" / "root").symlink_to("/")
    run = ws.brief("build", str(outline), "-o", str(ws.root / "out" / "b.json"), "--format",
                   "json", "--jobs", "1", timeout=20)
    c(run.code == 0, run.summary())
    c(run.warned("root"), "no warning naming corpus/root")
    if not run.timed_out:
        c.note(f"{run.summary()} in {run.seconds:.1f}s")
    return c.result()


@case("out-over-article", "-o into the corpus (a.txt) or onto a JSON outline: exit 2, untouched")
def out_over_article(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    corpus = ws.root / "corpus"
    before = tree(corpus)
    run = ws.brief("build", str(outline), "-o", "corpus/a.txt", "--format", "json",
                   "--jobs", "1")
    c(run.code == 2, f"-o corpus/a.txt: {run.summary()}")
    diff = tree_diff(before, tree(corpus))
    c(not diff, f"corpus changed: {diff}")
    json_outline = ws.root / "o.json"
    json_outline.write_text(json.dumps({
        "title": "T", "corpus": "corpus", "actors": [],
        "themes": [{"id": "border", "title": "Border", "query": "border fence militants"}]}))
    outline_before = sha256(json_outline)
    run2 = ws.brief("build", "o.json", "-o", "o.json", "--format", "json", "--jobs", "1")
    c(run2.code == 2, f"-o o.json (the outline): {run2.summary()}")
    c(sha256(json_outline) == outline_before, "the outline o.json was overwritten")
    c.note(f"a.txt: {run.summary()}; o.json: {run2.summary()}")
    return c.result()


@case("out-inside-corpus", "-o corpus/sub/b.json: exit 2, nothing created in the corpus")
def out_inside_corpus(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    before = tree(ws.root / "corpus")
    run = ws.brief("build", str(outline), "-o", "corpus/sub/b.json", "--format", "json",
                   "--jobs", "1")
    c(run.code == 2, run.summary())
    diff = tree_diff(before, tree(ws.root / "corpus"))
    c(not diff, f"corpus changed: {diff}")
    c.note(run.summary())
    return c.result()


@case("non-utf8-name", "an article named b'caf\\xff.txt': warned, every format written")
def non_utf8_name(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    name = os.fsencode(ws.root / "corpus") + b"/caf\xff.txt"
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.write(fd, b"Cafe talk\n\nTraders at the border cafe said the fence hurt business.\n")
    os.close(fd)
    target = ws.root / "out" / "b.pdf"
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "pdf,json,html,md",
                   "--jobs", "1")
    c(run.code == 0, run.summary())
    c(run.warned("caf"), "no warning naming caf?.txt")
    missing = [s for s in ("pdf", "json", "html", "md") if not target.with_suffix(f".{s}").exists()]
    c(not missing, f"not written: {missing}")
    if not c.failed:
        c.note(short(next(w for w in run.warnings() if "caf" in w), 80))
    return c.result()


@case("five-mb-line", "a 5 MB one-line article while both CPUs are busy: builds within 300 s")
def five_mb_line(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    paragraph = ("Pakistan has built a fence along the border with Afghanistan to stop militants "
                 "crossing. Officials in Islamabad said the barrier had cut attacks by half. "
                 "Analysts said fighters still crossed at night through the mountain passes. ")
    line = (paragraph * (5_000_000 // len(paragraph) + 1))[:5_000_000].rsplit(". ", 1)[0] + ".\n"
    outline = ws.corpus(articles={"a.txt": ARTICLES["a.txt"], "big.txt": line})
    burners = [ws.start([PYTHON, "-c", "while 1: pass"]) for _ in range(2)]
    try:
        run = ws.brief("build", str(outline), "-o", str(ws.root / "out" / "b.json"),
                       "--format", "json", "--jobs", "1", "--no-cache", timeout=300)
    finally:
        for burner in burners:
            kill_group(burner.pid)
    c(run.code == 0, run.summary())
    c.note(f"{run.seconds:.1f}s")
    return c.result()


@case("deep-corpus", "1,200 nested folders with an article at the bottom: no RecursionError")
def deep_corpus(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(articles={"a.txt": ARTICLES["a.txt"]})
    make_nested(ws.root / "corpus", ["a"] * 1200, "deep.txt", ARTICLES["b.txt"].encode())
    run = json_build(ws, outline, ws.root / "out" / "b.json")
    c(run.code == 0, run.summary())
    c("RecursionError" not in run.err, "RecursionError in stderr")
    c.note(f"{run.summary()} ({run.seconds:.1f}s)")
    return c.result()


@case("long-path", "an article whose path exceeds 4,096 bytes: skipped with a warning")
def long_path(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    name = "long-article-7731.txt"
    make_nested(ws.root / "corpus", ["d" * 200] * 21, name, ARTICLES["c.txt"].encode())
    run = json_build(ws, outline, ws.root / "out" / "b.json")
    c(run.code == 0, run.summary())
    c(any("long-article" in w or "too long" in w for w in run.warnings()),
      "no warning naming the skipped file")
    c.note(run.summary())
    return c.result()


@case("escape-in-name", "an empty article named with a terminal escape: no raw ESC on stderr")
def escape_in_name(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    (ws.root / "corpus" / "a\x1b[31mRED\x1b[0m.txt").write_bytes(b"")
    run = json_build(ws, outline, ws.root / "out" / "b.json")
    c(b"\x1b" not in run.errb, "raw ESC byte on stderr")
    c(run.warned("RED"), "no warning naming the file")
    c.note(run.summary().replace("\x1b", "<ESC>"))
    return c.result()


@case("out-readonly-folder", "-o on a read-only tmpfs, 300 articles: exit 2 in < 2 s, one line")
def out_readonly_folder(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(articles=generated_articles(300))
    disk = ws.tmpfs("ro", "1m")
    ws.read_only(disk)
    run = ws.brief("build", str(outline), "-o", "ro/b.json", "--format", "json", "--no-cache",
                   "--jobs", "1", timeout=120)
    c(run.code == 2, run.summary())
    c(run.one_line_error(), "not one plain error line")
    c(run.seconds < 2, f"took {run.seconds:.1f}s (not before the analysis)")
    c.note(f"{run.summary()} in {run.seconds:.1f}s")
    return c.result()


@case("out-onto-folder", "-o out/b.json where out/b.json is a folder: exit 2, one line")
def out_onto_folder(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    (ws.root / "out" / "b.json").mkdir(parents=True)
    (ws.root / "out" / "b.json" / "keep.txt").write_text("keep\n")
    run = json_build(ws, outline, ws.root / "out" / "b.json")
    c(run.code == 2, run.summary())
    c(run.one_line_error(), "not one plain error line")
    c(not hidden_files(ws.root / "out"), f"left {hidden_files(ws.root / 'out')}")
    c.note(run.summary())
    return c.result()


@case("out-under-file", "-o notes.txt/b.json where notes.txt is a file: exit 2, one line")
def out_under_file(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    (ws.root / "notes.txt").write_text("my notes\n")
    run = json_build(ws, outline, ws.root / "notes.txt" / "b.json")
    c(run.code == 2, run.summary())
    c(run.one_line_error(), "not one plain error line")
    c((ws.root / "notes.txt").read_text() == "my notes\n", "notes.txt changed")
    c.note(run.summary())
    return c.result()


@case("out-disk-full", "outputs on a full tmpfs: exit 2 naming space, old outputs kept")
def out_disk_full(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(outline=outline_text("Old brief"))
    disk = ws.tmpfs("outfs", "1m")
    args = ("-o", str(disk / "b.pdf"), "--format", "pdf,json", "--jobs", "1")
    first = ws.brief("build", str(outline), *args)
    if not c(first.code == 0, f"first build: {first.summary()}"):
        return c.result()
    before = {n: sha256(disk / n) for n in ("b.pdf", "b.json")}
    outline.write_text(outline_text("New brief"))
    fill_disk(disk)
    run = ws.brief("build", str(outline), *args)
    c(run.code == 2, run.summary())
    c(run.one_line_error() and "space" in run.errors()[0].lower(),
      "not one error line mentioning space")
    c({n: sha256(disk / n) for n in before} == before, "old outputs changed")
    extra = sorted(set(os.listdir(disk)) - {"b.pdf", "b.json", "filler"})
    c(not extra, f"left {extra}")
    c.note(run.summary())
    return c.result()


@case("long-output-name", "-o out/<250 x>.json writes; a 300-character name: exit 2, one line")
def long_output_name(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    fits = ws.root / "out" / ("x" * 250 + ".json")
    run = json_build(ws, outline, fits)
    c(run.code == 0 and fits.exists(), f"250: {run.summary()}")
    run2 = json_build(ws, outline, ws.root / "out" / ("y" * 300 + ".json"))
    c(run2.code == 2, f"300: {run2.summary()}")
    c(run2.one_line_error(), "300: not one plain error line")
    c.note(f"250: {run.summary()}; 300: {run2.summary()}")
    return c.result()


# ================================================================= watch

class Watch:
    """A running `brief watch` whose stderr lines are collected by a thread."""

    def __init__(self, ws: Workspace, *args: str) -> None:
        self.process = ws.start_brief("watch", *args, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def wait_for(self, needle: str, after: int = 0, timeout: float = 60) -> str | None:
        """The first line from index `after` on that contains needle, waiting up to timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if needle in line:
                    return line
            if self.process.poll() is not None and not self.reader.is_alive():
                return None
            time.sleep(0.05)
        return None

    def stop(self, timeout: float = 20) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(self.process.pid)
            self.process.wait()
            return None
        finally:
            self.reader.join(timeout=5)


@case("watch-survives", "watch: a rebuild that cannot write prints an error and watching goes on")
def watch_survives(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    target = ws.root / "out" / "b.json"
    watch = Watch(ws, str(outline), "-o", str(target), "--format", "json", "--interval", "0.2",
                  "--jobs", "1")
    error, alive = None, False
    try:
        if not c(watch.wait_for("wrote") is not None, "no first 'wrote' line"):
            return c.result()
        target.unlink()
        target.mkdir()
        (target / "keep.txt").write_text("keep\n")
        mark = len(watch.lines)
        append(ws.root / "corpus" / "a.txt")
        error = watch.wait_for("error", after=mark, timeout=30)
        c(error is not None, "no error line for the failed rebuild")
        time.sleep(3)
        alive = watch.process.poll() is None
        c(alive, f"watch ended (exit {watch.process.returncode}): "
                 f"{short(error or '', 70)}")
        if alive:
            shutil.rmtree(target)
            mark = len(watch.lines)
            append(ws.root / "corpus" / "b.txt")
            c(watch.wait_for("wrote", after=mark, timeout=30) is not None,
              "no 'wrote' line after the fix")
    finally:
        code = watch.stop()
    if alive:  # a watch that already died has no SIGTERM exit code to judge
        c(code == 0, f"SIGTERM: exit {code}")
    if not c.failed:
        c.note(short(error or "", 90))
    return c.result()


@case("watch-half-saved", "watch: an outline saved in two writes 0.3 s apart never builds the half")
def watch_half_saved(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(outline=outline_text("START"))
    target = ws.root / "out" / "b.json"
    watch = Watch(ws, str(outline), "-o", str(target), "--format", "json", "--interval", "0.2",
                  "--jobs", "1")
    titles: list[str] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            try:
                title = json.loads(target.read_bytes())["title"]
                if not titles or titles[-1] != title:
                    titles.append(title)
            except (OSError, ValueError, KeyError, TypeError):
                pass
            time.sleep(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    try:
        if not c(watch.wait_for("wrote") is not None, "no first 'wrote' line"):
            return c.result()
        poller.start()
        with open(outline, "w", encoding="utf-8") as handle:  # truncate, first half
            handle.write("title: HALF\ncorpus: corpus\n")
        time.sleep(0.3)
        outline.write_text(outline_text("FULL"), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "FULL" not in titles and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # a late build of the half would show now
    finally:
        stop.set()
        if poller.is_alive():
            poller.join(timeout=5)
        watch.stop()
    c(bool(titles) and titles[-1] == "FULL", f"final title {titles[-1] if titles else None!r}")
    c("HALF" not in titles, "a brief titled HALF was written")
    c.note("titles seen: " + " -> ".join(titles))
    return c.result()


# ================================================================= dask

SCHEDULER = """
import asyncio, sys
from distributed import Scheduler
async def main():
    async with Scheduler(host="127.0.0.1", port=int(sys.argv[1]), dashboard=False,
                         dashboard_address=None):
        await asyncio.sleep(3600)
asyncio.run(main())
"""


def _wait_for_port(port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def _dask_build(ws: Workspace, address: str, timeout: float) -> Run:
    outline = ws.corpus()
    return ws.brief("build", str(outline), "-o", str(ws.root / "out" / "b.json"), "--format",
                    "json", "--no-cache", "--engine", "dask", "--scheduler", address,
                    timeout=timeout)


@case("dask-no-workers", "a Dask scheduler without workers: exit 2 within 60 s naming it")
def dask_no_workers(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    port = free_port()
    ws.start([PYTHON, "-c", SCHEDULER, str(port)])
    if not c(_wait_for_port(port, 60), "the scheduler did not start"):
        return c.result()
    address = f"tcp://127.0.0.1:{port}"
    run = _dask_build(ws, address, timeout=60)
    c(run.code == 2, run.summary())
    c(any(f"127.0.0.1:{port}" in e for e in run.errors()), "error does not name the scheduler")
    c.note(f"{run.summary()} ({run.seconds:.1f}s)")
    return c.result()


class FakeServer:
    """A TCP server on 127.0.0.1 that never answers ("silent") or answers every
    connection with the same 64 random bytes over and over ("garbage")."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.block = random.Random(32).randbytes(64) * 1024  # 64 KiB of the 64 bytes
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stopped = threading.Event()
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            if self.mode == "garbage":
                threading.Thread(target=self._babble, args=(conn,), daemon=True).start()

    def _babble(self, conn: socket.socket) -> None:
        sent = 0
        try:
            while not self.stopped.is_set() and sent < 64 << 20:
                conn.sendall(self.block)
                sent += len(self.block)
        except OSError:
            pass

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        for conn in self.connections:
            with contextlib.suppress(OSError):
                conn.close()


def _fake_scheduler_case(ws: Workspace, mode: str) -> tuple[bool, str]:
    c = Checks()
    server = FakeServer(mode)
    try:
        run = _dask_build(ws, f"tcp://127.0.0.1:{server.port}", timeout=30)
    finally:
        server.close()
    c(run.code == 2, run.summary())
    c(any(f"127.0.0.1:{server.port}" in e for e in run.errors()),
      "error does not name the address")
    c("MemoryError" not in run.err, "MemoryError in stderr")
    c.note(f"{run.summary()} ({run.seconds:.1f}s)")
    return c.result()


@case("dask-silent-server", "--scheduler at a TCP server that never answers: exit 2 within 30 s")
def dask_silent_server(ws: Workspace) -> tuple[bool, str]:
    return _fake_scheduler_case(ws, "silent")


@case("dask-garbage-server", "--scheduler at a server sending random bytes: exit 2, no MemoryError")
def dask_garbage_server(ws: Workspace) -> tuple[bool, str]:
    return _fake_scheduler_case(ws, "garbage")


# ================================================================= floods

NOTE_SLOTS = (
    ("Border", "Frontier", "Fence", "Crossing", "Checkpoint"),
    ("talks", "work", "patrols", "trade", "repairs"),
    ("stall", "resume", "slow", "continue", "halt"),
    ("as", "while", "after", "before", "when"),
    ("officials", "elders", "traders", "troops", "envoys"),
    ("meet", "return", "protest", "wait", "argue"),
    ("today", "again", "overnight", "quietly", "briefly", "there"),
)


@case("notes-flood", "20,000 near-identical one-line notes: at most 20 citations an item")
def notes_flood(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    combos = list(itertools.product(*NOTE_SLOTS))
    rng = random.Random(33)
    notes = {f"note{i:05d}.txt": " ".join(words) + ".\n"
             for i, words in enumerate(rng.sample(combos, 20_000))}
    outline = ws.corpus(articles=notes, outline=(
        "title: Notes\ncorpus: corpus\nactors: []\nthemes:\n"
        "  - {id: border, title: Border, query: border fence talks officials}\n"))
    target = ws.root / "out" / "b.pdf"
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "pdf,json",
                   "--jobs", "2", timeout=600)
    c(run.code == 0, run.summary())
    pages = pdf_pages(target) if run.code == 0 and target.exists() else 0
    json_path = target.with_suffix(".json")
    if run.code == 0 and json_path.exists():
        data = json.loads(json_path.read_text())
        items = [i for s in data["sections"] for i in s["items"]]
        most = max((len(i["citations"]) for i in items), default=0)
        c(bool(items), "no items (the flood did not reach selection)")
        c(most <= 20, f"an item has {most} citations")
        c(len(data["sources"]) <= 20 * len(items),
          f"{len(data['sources'])} sources for {len(items)} items")
        c.note(f"{len(items)} items, max {most} citations, {len(data['sources'])} sources")
    c.note(f"{run.seconds:.0f}s wall, {pages} PDF pages")
    return c.result()


# ================================================================= variants (second pass)
# The red team's second pass found these variants of the attacks above; each is fixed
# in the code, and each case below re-runs one against the real command.

USER_FILES = (".brief-settings", ".notes.abcdefgh.tmp", ".brief-assets", ".brief-cache.sqlite")


def _snapshot(folder: Path, names: Iterable[str]) -> dict[str, tuple[str, int]]:
    """name -> (its sha256, "<dir>: " and its tree as JSON, or "<missing>"; its mtime
    in ns) for each name in folder; links are not followed."""
    found = {}
    for name in names:
        path = folder / name
        try:
            mtime = os.stat(path, follow_symlinks=False).st_mtime_ns
        except OSError:
            found[name] = ("<missing>", 0)
            continue
        if path.is_dir() and not path.is_symlink():
            found[name] = ("<dir>: " + json.dumps(tree(path), sort_keys=True), mtime)
        else:
            found[name] = (sha256(path) or "<not a file>", mtime)
    return found


@case("sweep-spares-user-files",
      "user files named .brief-* and .notes.*.tmp in out/, 2 h old: a build keeps all four")
def sweep_spares_user_files(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    out = ws.root / "out"
    out.mkdir()
    (out / ".brief-settings").write_text("style: dark\nlogo: .brief-assets/logo.svg\n")
    (out / ".notes.abcdefgh.tmp").write_text("Notes for the next brief, half written.\n")
    (out / ".brief-assets").mkdir()
    (out / ".brief-assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    with contextlib.closing(sqlite3.connect(out / ".brief-cache.sqlite")) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('my own cache, not brief''s')")
        db.commit()
    old = time.time() - 2 * 3600
    for path in (out / ".brief-assets" / "logo.svg",
                 *(out / name for name in USER_FILES)):
        os.utime(path, (old, old))
    before = _snapshot(out, USER_FILES)
    run = ws.brief("build", str(outline), "-o", str(out / "b.pdf"), "--format", "pdf,json",
                   "--jobs", "1")
    c(run.code == 0, run.summary())
    after = _snapshot(out, USER_FILES)
    gone = [n for n in USER_FILES if after[n][0] == "<missing>"]
    changed = [n for n in USER_FILES if n not in gone and after[n] != before[n]]
    c(not gone, f"removed: {gone}")
    c(not changed, f"changed: {changed}")
    c(not [n for n in hidden_files(out) if n not in USER_FILES],
      f"left {[n for n in hidden_files(out) if n not in USER_FILES]}")
    if not c.failed:
        c.note(f"{run.summary()}; all four kept, bytes and mtimes")
    return c.result()


SLOW_LINKS = ("strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=link,linkat",
              "-e", "inject=link,linkat:delay_enter=1000000")
RUN_LOCK = re.compile(r"\.brief-([0-9a-f]+)\.lock")


def _title_pair(out: Path) -> tuple[str | None, str]:
    """(the title in out/b.json, the whitespace-normalised text of out/b.pdf)."""
    try:
        title = json.loads((out / "b.json").read_bytes())["title"]
    except (OSError, ValueError, KeyError, TypeError):
        title = None
    try:
        text = " ".join(pdf_text(out / "b.pdf").split())
    except Exception:  # noqa: BLE001 - an unreadable PDF is a mismatch, told below
        text = ""
    return title, text


class RunLocks:
    """A thread listing a folder every 2 ms: the run locks (`.brief-<run>.lock`) seen,
    in the order they appeared, and the most seen at one moment."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.order: list[str] = []
        self.most = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _poll(self) -> None:
        while not self.stopped.is_set():
            try:
                names = os.listdir(self.folder)
            except OSError:
                names = []
            tokens = [m.group(1) for m in map(RUN_LOCK.fullmatch, names) if m]
            self.order += [t for t in tokens if t not in self.order]
            self.most = max(self.most, len(tokens))
            time.sleep(0.002)

    def wait_first(self, timeout: float, alive: Callable[[], bool]) -> bool:
        deadline = time.monotonic() + timeout
        while not self.order and alive() and time.monotonic() < deadline:
            time.sleep(0.002)
        return bool(self.order)

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)


@case("concurrent-same-outputs",
      "two builds into one out/b.pdf+json, one slowed in its commit (5 rounds): a matching pair")
def concurrent_same_outputs(ws: Workspace) -> tuple[bool, str]:
    """The first build ("Run AAA") runs under strace, which delays each link() by 1 s:
    its commit (a backup link, then a rename, per output) takes 2 s. The second ("Run
    BBB") is started so that it reaches its own commit about 1.5 s after the first
    began publishing (its run lock appeared), in the middle of that slowed commit: a
    fixed 1.5 s after the first's start lands before its commit on a fast machine."""
    if not shutil.which("strace"):
        raise Skip("needs strace")
    c = Checks()
    slow_outline = ws.corpus(outline=outline_text("Run AAA"), name="a.yaml")
    fast_outline = ws.root / "b.yaml"
    fast_outline.write_text(outline_text("Run BBB"), encoding="utf-8")
    out = ws.root / "out"
    args = ("-o", str(out / "b.pdf"), "--format", "pdf,json", "--jobs", "1")
    probe = ws.run([*SLOW_LINKS, "true"], timeout=30)
    if probe.code != 0:
        raise Skip(f"strace cannot trace here: {short(probe.err, 60)}")
    # outputs that exist already, so that the commit links each to a backup; the second
    # setup build (cache warm) times the second build up to its commit
    for _ in range(2):
        setup = ws.brief("build", str(fast_outline), *args)
        if not c(setup.code == 0, f"setup build: {setup.summary()}"):
            return c.result()
    lead = max(0.0, 1.5 - setup.seconds)
    problems: list[str] = []
    winners: dict[str, int] = {}
    overlapped = 0
    rounds = 5
    for number in range(1, rounds + 1):
        locks = RunLocks(out)
        slow = ws.start([*SLOW_LINKS, str(BRIEF), "build", str(slow_outline), *args],
                        stderr=subprocess.PIPE)
        try:
            if locks.wait_first(120, lambda: slow.poll() is None):  # noqa: B023 - used at once
                time.sleep(lead)
            else:
                problems.append(f"round {number}: the slowed build never began publishing")
            fast = ws.brief("build", str(fast_outline), *args, timeout=180)
            try:
                _, slow_err = slow.communicate(timeout=180)
                slow_code: int | None = slow.returncode
            except subprocess.TimeoutExpired:
                kill_group(slow.pid)
                _, slow_err = slow.communicate()
                slow_code = None
        finally:
            kill_group(slow.pid)
            locks.stop()
        overlapped += locks.most >= 2
        title, text = _title_pair(out)
        other = {"Run AAA": "Run BBB", "Run BBB": "Run AAA"}.get(title or "")
        winners[str(title)] = winners.get(str(title), 0) + 1
        if slow_code != 0:
            first = next((line for line in slow_err.decode("utf-8", "replace").splitlines()
                          if "error" in line), "")
            problems.append(f"round {number}: slowed build "
                            + ("timed out" if slow_code is None else f"exit {slow_code}")
                            + (f": {short(first, 60)}" if first else ""))
        if fast.code != 0:
            problems.append(f"round {number}: second build {fast.summary()}")
        if other is None:
            problems.append(f"round {number}: b.json title {title!r}")
        elif title is None or title not in text or other in text:
            problems.append(f"round {number}: b.json says {title!r}, b.pdf "
                            + (f"says {other!r}" if other in text else "has neither title"))
        left = [n for n in os.listdir(out) if n.startswith(".brief-")]
        if left:
            problems.append(f"round {number}: left {left}")
    c(not problems, tally(problems, rounds) if problems else "")
    c.note(f"{rounds} rounds, final pair from "
           + ", ".join(f"{t} x{n}" for t, n in sorted(winners.items()))
           + f"; both runs publishing at once in {overlapped}/{rounds}"
           + f" (second started {lead:.2f}s after the first's run lock)")
    return c.result()


ZZ_ARTICLE = ("Quiet day at the crossing\n\nZZREGULAR Officials said the border fence "
              "crossing stayed calm on Friday.\n")
LEAK = ("Private diary\n\nSECRETLEAK the militants crossing the border fence at night are "
        "paid by my cousin.\n\nSECRETLEAK password hunter2.\n")


def _swap_case(ws: Workspace, make_other: Callable[[Path, Path], None], timeout: float
               ) -> tuple[bool, str]:
    """15 `brief annotate` runs while a thread flips corpus/zz.txt (atomically, by
    rename) between a regular file and what make_other(path, secret) makes."""
    c = Checks()
    outline = ws.corpus()
    secret = ws.root / "private" / "diary.txt"
    secret.parent.mkdir()
    secret.write_text(LEAK, encoding="utf-8")
    target = ws.root / "corpus" / "zz.txt"
    target.write_text(ZZ_ARTICLE, encoding="utf-8")
    stage = ws.root / "stage"
    stage.mkdir()
    stop = threading.Event()
    flips = [0]
    failures: list[str] = []

    def flip() -> None:
        while not stop.is_set():
            staged = stage / "next"
            try:
                with contextlib.suppress(FileNotFoundError):
                    staged.unlink()
                if flips[0] % 2:
                    staged.write_text(ZZ_ARTICLE, encoding="utf-8")
                else:
                    make_other(staged, secret)
                os.replace(staged, target)
            except OSError as exc:
                failures.append(f"{type(exc).__name__}: {exc}")
                return
            flips[0] += 1
            time.sleep(0.001)

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    runs: list[Run] = []
    problems: list[str] = []
    tries = 15
    try:
        for attempt in range(1, tries + 1):
            run = ws.brief("annotate", str(outline), "--format", "jsonl", timeout=timeout)
            runs.append(run)
            if run.timed_out:
                problems.append(f"run {attempt}: hung, killed after {timeout:.0f}s")
            elif run.code != 0:
                problems.append(f"run {attempt}: {run.summary()}")
            if "SECRETLEAK" in run.out or "SECRETLEAK" in run.err:
                problems.append(f"run {attempt}: SECRETLEAK in the output")
    finally:
        stop.set()
        flipper.join(timeout=10)
    c(not failures, f"the flipping thread failed: {failures[0] if failures else ''}")
    c(not problems, tally(problems, tries) if problems else "")
    read = sum("ZZREGULAR" in run.out for run in runs)
    warned = sum(any("zz.txt" in w for w in run.warnings()) for run in runs)
    slowest = max((run.seconds for run in runs), default=0)
    c.note(f"{tries} runs, {flips[0]} flips: zz.txt read {read}x, warned about {warned}x; "
           f"slowest {slowest:.1f}s")
    return c.result()


@case("swap-to-outside-link",
      "corpus/zz.txt flipped with a link to a secret outside (15 annotates): never read, exit 0")
def swap_to_outside_link(ws: Workspace) -> tuple[bool, str]:
    return _swap_case(ws, lambda path, secret: path.symlink_to(secret), timeout=60)


@case("swap-to-fifo",
      "corpus/zz.txt flipped with a FIFO (15 annotates): none hangs (30 s), exit 0")
def swap_to_fifo(ws: Workspace) -> tuple[bool, str]:
    return _swap_case(ws, lambda path, secret: os.mkfifo(path), timeout=30)


@case("outline-fifo", "outline a FIFO, or /dev/zero: exit 2 within 10 s, one line, no MemoryError")
def outline_fifo(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    ws.corpus()
    os.mkfifo(ws.root / "f.yaml")
    notes = []
    for label, outline in (("f.yaml", "f.yaml"), ("/dev/zero", "/dev/zero")):
        run = ws.brief("build", outline, timeout=10)
        c(run.code == 2, f"{label}: {run.summary()}")
        c(run.timed_out or run.one_line_error(), f"{label}: not one plain error line")
        c("MemoryError" not in run.err, f"{label}: MemoryError")
        notes.append(f"{label}: {run.summary()} ({run.seconds:.1f}s)")
    c.note("; ".join(notes))
    return c.result()


@case("deep-yaml",
      "outline nested 100,000 deep, sources.yaml 900 deep: exit 2, one line, no internal error")
def deep_yaml(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    deep = ws.corpus(outline="title: x\ncorpus: corpus\nthemes: " + "[" * 100_000
                     + "]" * 100_000 + "\n")
    sources = ws.corpus(folder=ws.root / "sources")
    (ws.root / "sources" / "corpus" / "sources.yaml").write_text(
        "a.txt: " + "[" * 900 + "]" * 900 + "\n", encoding="utf-8")
    notes = []
    for label, outline in (("outline", deep), ("sources.yaml", sources)):
        run = json_build(ws, outline, outline.parent / "out" / "b.json")
        c(run.code == 2, f"{label}: {run.summary()}")
        c(len(run.lines()) == 1 and run.one_line_error(),
          f"{label}: not one plain error line ({len(run.lines())} lines)")
        notes.append(f"{label}: {run.summary()} ({run.seconds:.1f}s)")
    c.note("; ".join(notes))
    return c.result()


@case("watch-sigint-group",
      "Ctrl-C to watch's group 0.1-1.5 s after an edit (10 tries): ends, exit 0/130, no traceback")
def watch_sigint_group(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    articles = generated_articles(150)
    outline = ws.corpus(articles=articles)
    names = sorted(articles)
    rng = random.Random(40)
    tries = 10
    problems: list[str] = []
    codes: dict[int | None, int] = {}
    stopped = 0
    for attempt in range(1, tries + 1):
        # the default format, PDF: its rendering leaves objects with finalizers, where a
        # Ctrl-C used to be lost (a JSON-only watch seldom showed it)
        watch = Watch(ws, str(outline), "-o", str(ws.root / "out" / "b.pdf"),
                      "--jobs", "2", "--no-cache", "--interval", "0.2")
        try:
            if watch.wait_for("wrote", timeout=120) is None:
                problems.append(f"try {attempt}: no first 'wrote' line "
                                f"(exit {watch.process.poll()})")
                continue
            append(ws.root / "corpus" / names[attempt])
            delay = rng.uniform(0.1, 1.5)
            time.sleep(delay)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(watch.process.pid, signal.SIGINT)
            try:
                code: int | None = watch.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                code = None
            watch.reader.join(timeout=5)
            err = "\n".join(watch.lines)
            codes[code] = codes.get(code, 0) + 1
            stopped += "stopped watching" in err
            if code is None:
                problems.append(f"try {attempt} (SIGINT after {delay:.2f}s): still running "
                                "30 s later")
            elif code not in (0, 130):
                problems.append(f"try {attempt} (after {delay:.2f}s): exit {code}")
            if "Traceback" in err:
                problems.append(f"try {attempt} (after {delay:.2f}s): a traceback on stderr")
        finally:
            kill_group(watch.process.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                watch.process.wait(timeout=10)
            watch.reader.join(timeout=5)
    c(not problems, tally(problems, tries) if problems else "")
    c.note("exits " + ", ".join(f"{k} x{n}" for k, n in sorted(codes.items(), key=str))
           + f"; 'stopped watching' {stopped}x")
    return c.result()


@case("early-ctrl-c",
      "Ctrl-C to a build's group 0.05-0.6 s after start (10 tries): exit 0/130/-2, no traceback")
def early_ctrl_c(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    rng = random.Random(41)
    tries = 10
    delays = [0.05 + 0.55 * (i + rng.random()) / tries for i in range(tries)]
    problems: list[str] = []
    codes: dict[int | None, int] = {}
    for delay in delays:
        process = ws.start_brief("build", str(outline), "-o", str(ws.root / "out" / "b.json"),
                                 "--format", "json", "--jobs", "1", stderr=subprocess.PIPE)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            _, errb = process.communicate(timeout=60)
            code: int | None = process.returncode
        except subprocess.TimeoutExpired:
            kill_group(process.pid)
            _, errb = process.communicate()
            code = None
        kill_group(process.pid)
        codes[code] = codes.get(code, 0) + 1
        err = errb.decode("utf-8", "replace")
        if code not in (0, 130, -signal.SIGINT):
            problems.append(f"after {delay:.2f}s: "
                            + ("still running 60 s later" if code is None else f"exit {code}"))
        if "Traceback" in err:
            problems.append(f"after {delay:.2f}s: a traceback on stderr")
    c(not problems, tally(problems, tries) if problems else "")
    c.note("exits " + ", ".join(f"{k} x{n}" for k, n in sorted(codes.items(), key=str)))
    return c.result()


def _close_fd(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


PROGRESS = re.compile(r"brief: analysed \d+/\d+ articles")


@case("broken-stdout",
      "stdout full, closed or a closed pipe; stderr closed; ASCII locale: one line, right exit")
def broken_stdout(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    annotate = ("annotate", str(outline), "--format", "jsonl")
    notes = []
    # stdout on a full disk
    with open("/dev/full", "wb") as full:
        run = ws.brief(*annotate, stdout=full)
    c(run.code == 2, f"> /dev/full: {run.summary()}")
    c(run.one_line_error() and "No space left" in run.errors()[0],
      "> /dev/full: not one error line mentioning 'No space left'")
    notes.append(f"/dev/full: {run.summary()}")
    # stdout closed
    run = ws.brief(*annotate, stdout=subprocess.DEVNULL, preexec_fn=_close_fd(1))
    c(run.code == 2, f">&-: {run.summary()}")
    c(run.one_line_error() and "standard output" in run.errors()[0],
      ">&-: not one error line naming standard output")
    notes.append(f">&-: {run.summary()}")
    # stderr closed
    target = ws.root / "out" / "b.json"
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "json", "--jobs", "1",
                   preexec_fn=_close_fd(2))
    c(run.code == 0 and target.is_file(), f"2>&-: {run.summary()}, "
                                          f"b.json {'written' if target.is_file() else 'missing'}")
    notes.append(f"2>&-: exit {run.code}")
    # an ASCII locale: JSON lines are UTF-8 all the same
    run = ws.brief(*annotate, env={"PYTHONIOENCODING": "ascii"})
    c(run.code == 0, f"PYTHONIOENCODING=ascii: {run.summary()}")
    c("\u201cThe fence will stop" in run.out, "PYTHONIOENCODING=ascii: no UTF-8 quote in stdout")
    notes.append(f"ascii: exit {run.code}")
    # `brief check o.yaml | head -c 0`: the reader is gone before a byte is written
    process = ws.start_brief("check", str(outline), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()
    try:
        _, errb = process.communicate(timeout=120)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        kill_group(process.pid)
        _, errb = process.communicate()
        code = None
    kill_group(process.pid)
    extra = [line for line in errb.decode("utf-8", "replace").splitlines()
             if line.strip() and not PROGRESS.fullmatch(line.strip())]
    c(code == 141, f"| head -c 0: exit {code}")
    c(not extra, f"| head -c 0: stderr has {short(extra[0] if extra else '', 60)!r}")
    notes.append(f"| head -c 0: exit {code}")
    c.note("; ".join(notes))
    return c.result()


@case("no-home",
      "no HOME, no XDG_CACHE_HOME, a uid without a passwd entry (setpriv): build exits 0")
def no_home(ws: Workspace) -> tuple[bool, str]:
    if not shutil.which("setpriv"):
        raise Skip("needs setpriv")
    if os.geteuid() != 0:
        raise Skip("needs root to change user")
    c = Checks()
    ws.corpus()
    # with no home, the cache goes to the temporary folder: this case's, not /tmp
    (ws.root / "tmp").mkdir()
    for path in (ws.root, *ws.root.rglob("*")):  # the root is a mkdtemp: 0700 until now
        os.chmod(path, 0o777 if path.is_dir() else 0o666)
    run = ws.run(["setpriv", "--reuid", "54321", "--regid", "54321", "--clear-groups",
                  str(BRIEF), "build", "o.yaml"], timeout=300,
                 env={"HOME": None, "XDG_CACHE_HOME": None, "TMPDIR": str(ws.root / "tmp")})
    c(run.code == 0, run.summary())
    c("internal error" not in run.err, "internal error")
    written = sorted(ws.root.glob("out/*"))
    owners = {p.stat().st_uid for p in written}
    c(run.code != 0 or bool(written), "nothing written under out/")
    c(run.code != 0 or owners == {54321}, f"outputs owned by uid {sorted(owners)}, not 54321")
    c.note(f"{run.summary()} ({run.seconds:.1f}s), wrote "
           + (", ".join(os.fsdecode(p.relative_to(ws.root)) for p in written) or "nothing")
           + (f" as uid {min(owners)}" if len(owners) == 1 else ""))
    return c.result()


def _workers(pid: int) -> dict[int, str]:
    """Children of pid that are forks of it (same command line): its pool workers."""
    try:
        own = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return {}
    found = {}
    for child, start in _children(pid).items():
        with contextlib.suppress(OSError):
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                found[child] = start
    return found


def _worker_attack(ws: Workspace, attack: Callable[[int], None], launches: int = 3
                   ) -> tuple[Run | None, float, str]:
    """A --jobs 2 --no-cache build of 300 articles; 0.5 s after its workers appear,
    attack(pid of one worker). (the build's Run, seconds from the attack to its end,
    a note); Run None when no launch could be attacked while it was analysing."""
    outline = ws.corpus(articles=generated_articles(300, sentences=30))
    missed = []
    for launch in range(1, launches + 1):
        began = time.perf_counter()
        process = ws.start_brief("build", str(outline), "-o",
                                 str(ws.root / "out" / "b.json"), "--format", "json",
                                 "--jobs", "2", "--no-cache", stderr=subprocess.PIPE)
        try:
            workers: dict[int, str] = {}
            deadline = time.monotonic() + 60
            while not workers and process.poll() is None and time.monotonic() < deadline:
                workers = _workers(process.pid)
                time.sleep(0.02)
            time.sleep(0.5)
            alive = sorted(p for p, start in _workers(process.pid).items()
                           if workers.get(p) == start)
            if not alive or process.poll() is not None:
                missed.append(f"launch {launch}: " + ("no worker seen" if not workers else
                                                      "the workers ended before the attack"))
                continue
            attacked = time.perf_counter()
            attack(alive[0])
            try:
                _, errb = process.communicate(timeout=300)
                code: int | None = process.returncode
            except subprocess.TimeoutExpired:
                kill_group(process.pid)
                _, errb = process.communicate()
                code = None
            ended = time.perf_counter()
            return (Run(code, "", errb, ended - began), ended - attacked,
                    f"worker {alive[0]} of {len(workers)}"
                    + (f" ({'; '.join(missed)})" if missed else ""))
        finally:
            kill_group(process.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
    return None, 0.0, "; ".join(missed)


@case("worker-killed",
      "SIGKILL a worker of a --jobs 2 build: exit 2 'a worker process died', no internal error")
def worker_killed(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    run, after, note = _worker_attack(ws, lambda pid: os.kill(pid, signal.SIGKILL))
    if not c(run is not None, f"never attacked a worker: {note}") or run is None:
        return c.result()
    c(run.code == 2, run.summary())
    c(any("a worker process died" in e for e in run.errors()), "no 'a worker process died'")
    c("internal error" not in run.err and "Traceback" not in run.err,
      "internal error or traceback")
    c.note(f"{run.summary()} {after:.1f}s after killing {note}")
    return c.result()


@case("worker-stopped",
      "SIGSTOP a worker of a --jobs 2 build, SIGCONT 3 s later: the build finishes, exit 0")
def worker_stopped(ws: Workspace) -> tuple[bool, str]:
    c = Checks()

    def stop_then_continue(pid: int) -> None:
        os.kill(pid, signal.SIGSTOP)
        try:
            time.sleep(3)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)

    run, after, note = _worker_attack(ws, stop_then_continue)
    if not c(run is not None, f"never attacked a worker: {note}") or run is None:
        return c.result()
    c(run.code == 0, run.summary())
    c("Traceback" not in run.err, "a traceback on stderr")
    c.note(f"{run.summary()}: {run.seconds:.1f}s in all, {after - 3:.1f}s after SIGCONT "
           f"({note}); a worker never continued is given up on after NO_PROGRESS_SECONDS "
           "= 600 s, too long here: tests/test_safety.py tests it with a 1 s limit")
    return c.result()


def stat_mode(path: Path) -> int | None:
    """The permission bits of path; None when it is missing."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return None


@case("private-output", "out/b.json chmod 600, rebuilt under umask 022: still 0600")
def private_output(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus(outline=outline_text("Old brief"))
    target = ws.root / "out" / "b.json"
    first = json_build(ws, outline, target)
    if not c(first.code == 0, f"first build: {first.summary()}"):
        return c.result()
    os.chmod(target, 0o600)
    outline.write_text(outline_text("New brief"), encoding="utf-8")
    run = ws.brief("build", str(outline), "-o", str(target), "--format", "json", "--jobs", "1",
                   preexec_fn=lambda: os.umask(0o022))
    c(run.code == 0, run.summary())
    mode = stat_mode(target)
    c(mode == 0o600, f"b.json is now {mode:o}" if mode is not None else "b.json is gone")
    c(b"New brief" in (target.read_bytes() if target.is_file() else b""),
      "b.json was not rebuilt (no 'New brief')")
    c.note(f"{run.summary()}; mode {mode:o}" if mode is not None else run.summary())
    return c.result()


@case("dotdot-through-corpus",
      "-o corpus/sub/../../out/b.pdf --format json: exit 0, out/b.json, no corpus/sub")
def dotdot_through_corpus(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    before = tree(ws.root / "corpus")
    run = ws.brief("build", str(outline), "-o", "corpus/sub/../../out/b.pdf", "--format", "json",
                   "--jobs", "1")
    c(run.code == 0, run.summary())
    c((ws.root / "out" / "b.json").is_file(), "out/b.json not written")
    c(not (ws.root / "corpus" / "sub").exists(), "corpus/sub was created")
    diff = tree_diff(before, tree(ws.root / "corpus"))
    c(not diff, f"corpus changed: {diff}")
    c.note(run.summary())
    return c.result()


@case("bind-mount-corpus",
      "-o into a bind mount of the corpus: exit 2 'inside the corpus folder', corpus unchanged")
def bind_mount_corpus(ws: Workspace) -> tuple[bool, str]:
    c = Checks()
    outline = ws.corpus()
    corpus = ws.root / "corpus"
    before = tree(corpus)
    mirror = ws.bind(corpus, "out2")
    try:
        run = ws.brief("build", str(outline), "-o", "out2/b.pdf", "--format", "json,md",
                       "--jobs", "1")
    finally:
        ws.unmount(mirror)
    c(run.code == 2, run.summary())
    c(run.one_line_error() and "inside the corpus folder" in run.errors()[0],
      "not one error line saying 'inside the corpus folder'")
    diff = tree_diff(before, tree(corpus))
    c(not diff, f"corpus changed: {diff}")
    c.note(run.summary())
    return c.result()


# ----------------------------------------------------------------- runner


def run_case(item: Case) -> tuple[str, str, float]:
    """(HELD|FAILED|SKIPPED|ERROR, detail, seconds)."""
    began = time.perf_counter()
    try:
        with Workspace() as ws:
            held, detail = item.run(ws)
        status = "HELD" if held else "FAILED"
    except Skip as skip:
        status, detail = "SKIPPED", str(skip)
    except Exception as exc:  # noqa: BLE001 - a broken case is reported, the rest still run
        status, detail = "ERROR", f"script error: {type(exc).__name__}: {short(str(exc), 90)}"
    return status, detail, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", metavar="ID[,ID]",
                        help="run these cases only (ids or numbers from --list)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any case failed (default: always 0)")
    args = parser.parse_args(argv)
    numbered = list(enumerate(CASES, 1))
    if args.list:
        for number, item in numbered:
            print(f"{number:>2}  {item.id:<23} {item.description}")
        return 0
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        known = {item.id for item in CASES} | {str(n) for n, _ in numbered}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            parser.error(f"unknown case {', '.join(unknown)}; see --list")
        numbered = [(n, item) for n, item in numbered if item.id in wanted or str(n) in wanted]
    if not BRIEF.exists():
        print(f"{BRIEF} not found: run `make -C {ROOT} brief` first", file=sys.stderr)
        return 2
    print(f"{'#':>2}  {'case':<23} {'result':<8} {'time':>7}  detail", flush=True)
    counts: dict[str, int] = {}
    began = time.perf_counter()
    for number, item in numbered:
        status, detail, seconds = run_case(item)
        counts[status] = counts.get(status, 0) + 1
        print(f"{number:>2}  {item.id:<23} {status:<8} {seconds:>6.1f}s  {short(detail, 300)}",
              flush=True)
    held = counts.get("HELD", 0)
    ran = len(numbered) - counts.get("SKIPPED", 0)
    extra = [f"{counts[s]} {s.lower()}" for s in ("SKIPPED", "ERROR") if counts.get(s)]
    print(f"{held}/{ran} held" + (f" ({', '.join(extra)})" if extra else "")
          + f" in {time.perf_counter() - began:.0f}s", flush=True)
    failed = counts.get("FAILED", 0) + counts.get("ERROR", 0)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
