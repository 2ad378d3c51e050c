"""Scale: the 1,250 DUC 2006 articles as one corpus, 5 themes + 2 actors, PDF + JSON.

    .venv/bin/python benchmarks/scale.py [../shared/eval/duc2006] [--runs 3] [--jobs N]

Reports the four figures of issue 6, each a median over --runs whole-process
runs of `brief build` (so imports, rendering and writing are counted):

* cold build time (empty cache) and its peak memory (resident memory of the
  process and its workers, summed, sampled every 20 ms);
* the growth exponent of cold time with corpus size: the slope of log(time)
  against log(words) over 25%, 50% and 100% of the corpus;
* the rebuild time after one article changes, as a share of the cold time,
  and the cache hit rate of that rebuild. Each run's edit adds a different
  number of words, so the brief (its method note counts words) differs from
  every brief built before and must be typeset again: the stored PDFs of the
  cache are no help here;
* beside it, the rebuild with nothing changed (the stored PDF is reused);
* the same kind of edit under `brief watch`, the long-running process that
  keeps analyses and per-article work in memory: seconds from the edit to
  the rebuilt outputs (so the polling interval counts), median over --runs
  edits. It runs with --no-cache, so no stored PDF can be reused: every
  rebuild typesets the brief again.

`--engines` measures instead the analysis throughput of the map on the whole
corpus, no cache, JSON only: one process, `--jobs` local processes and a local
Dask cluster of `--jobs` workers (articles per second of the "analyse" stage,
and per worker), and checks that the three JSON outputs are byte-identical.

The corpus is a temporary folder outside the repository holding copies of the
articles in ../shared (the data is licensed for evaluation only and never copied
into the repository; links would not do: the corpus walk skips links that lead
outside the corpus folder).
"""

from __future__ import annotations

import argparse
import math
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "duc2006"
# `python -m pipeline` with this checkout first on the path: the code measured is
# the code beside this script, whatever is installed.
BRIEF = [sys.executable, "-m", "pipeline"]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
SAMPLE_SECONDS = 0.02

OUTLINE = """\
title: Scale benchmark
corpus: corpus
cache: cache.sqlite
themes:
  - {id: health, title: Health, query: "disease outbreak vaccine hospital patients health care"}
  - {id: economy, title: Economy, query: "economy inflation unemployment trade deficit growth"}
  - {id: conflict, title: Conflict, query: "war troops attack military ceasefire rebels"}
  - {id: environment, title: Environment, query: "pollution climate warming emissions environment"}
  - {id: justice, title: Justice, query: "court trial judge prosecutors verdict sentence"}
actors:
  - id: officials
    title: U.S. officials
    nationality: [American, U.S., Washington]
    roles: [official, secretary, president, senator, spokesman]
  - id: experts
    title: Experts
    roles: [analyst, expert, professor, economist, researcher, scientist]
"""


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as kids:
                    stack.extend(int(k) for k in kids.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def timed_build(folder: Path, jobs: int) -> tuple[float, int, str]:
    """Seconds, peak tree RSS and stderr of one `brief build` in `folder`."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [*BRIEF, "build", "outline.yaml", "-v", "--jobs", str(jobs), "--format", "pdf,json",
         "-o", "out/brief.pdf"], cwd=folder, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
        text=True, env=ENV)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        raise SystemExit(f"brief build failed:\n{err}")
    return seconds, peak, err


WATCH_INTERVAL = 0.1  # seconds between looks for changes in the watch measurement


def _lines(stream, out: queue.Queue[tuple[float, str]]) -> None:
    for line in stream:
        out.put((time.perf_counter(), line))


def watch_rebuilds(folder: Path, jobs: int, runs: int, victim: Path, original: Path
                   ) -> list[float]:
    """Seconds from an edit of `victim` to `brief watch` having written the brief again."""
    shutil.copyfile(original, victim)
    process = subprocess.Popen(
        # --no-cache: no typeset PDF can be reused from the cache, every rebuild sets
        # the brief again (the process's memory is the only thing kept)
        [*BRIEF, "watch", "outline.yaml", "--jobs", str(jobs), "--format", "pdf,json", "-o",
         "out/brief.pdf", "--interval", str(WATCH_INTERVAL), "--no-cache"], cwd=folder,
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=ENV)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stderr, lines), daemon=True).start()

    def wait_for(marker: str) -> float:
        while True:
            at, line = lines.get(timeout=600)
            if marker in line:
                return at
            if "error" in line:
                raise SystemExit(f"brief watch failed: {line}")

    seconds = []
    try:
        wait_for("watching")
        for run in range(runs):
            time.sleep(1.0)  # a quiet moment, as between an analyst's edits
            text = original.read_text(encoding="utf-8")
            edited = text + "\nThe desk added a late update." * (run + 10) + "\n"
            began = time.perf_counter()
            victim.write_text(edited, encoding="utf-8")
            seconds.append(wait_for("rebuilt in") - began)
    finally:
        process.terminate()
        process.wait(timeout=60)
    return seconds


def make_corpus(folder: Path, files: list[Path]) -> None:
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    for file in files:
        shutil.copyfile(file, corpus / f"{file.parent.parent.name}-{file.name}")
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")


def words_in(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)


def cold(folder: Path, jobs: int, runs: int) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        for name in ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm"):
            (folder / name).unlink(missing_ok=True)
        seconds, peak, _ = timed_build(folder, jobs)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def analyse_rate(folder: Path, extra: list[str]) -> tuple[float, bytes]:
    """Articles per second of the analyse stage of one uncached build, and its JSON."""
    out = folder / "out" / "engine.json"
    process = subprocess.run(
        [*BRIEF, "build", "outline.yaml", "-v", "--no-cache", "--format", "json", "-o",
         str(out), *extra], cwd=folder, capture_output=True, text=True, env=ENV, check=True)
    seconds = float(process.stderr.split("analyse ")[1].split("s")[0])
    articles = int(process.stderr.rsplit("analysed ", 1)[1].split("/")[0])  # the last count
    return articles / seconds, out.read_bytes()


def engines(files: list[Path], jobs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, files)
        runs = [("one process", ["--jobs", "1"], 1),
                (f"{jobs} local processes", ["--jobs", str(jobs)], jobs),
                (f"local Dask cluster, {jobs} workers", ["--engine", "dask", "--jobs",
                                                         str(jobs)], jobs)]
        outputs = set()
        for name, extra, workers in runs:
            rate, output = analyse_rate(folder, extra)
            outputs.add(output)
            print(f"{name}: {rate:.0f} articles/s ({rate / workers:.0f} per worker)",
                  flush=True)
        print("same JSON bytes from all three" if len(outputs) == 1 else "JSON DIFFERS")
        return 0 if len(outputs) == 1 else 1


def watch_only(files: list[Path], args: argparse.Namespace) -> int:
    """The watch figure alone (with the cache of an earlier run when `--keep` is reused)."""
    folder = args.keep or Path(tempfile.mkdtemp())
    if not (folder / "outline.yaml").exists():
        make_corpus(folder, files)
    victim = sorted((folder / "corpus").iterdir())[len(files) // 2]
    original = next(f for f in files if f"{f.parent.parent.name}-{f.name}" == victim.name)
    watched = watch_rebuilds(folder, args.jobs, args.runs, victim, original)
    print(f"`brief watch` rebuild after one article changed: median "
          f"{statistics.median(watched):.2f}s; runs {', '.join(f'{s:.2f}' for s in watched)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--watch-only", action="store_true",
                        help="only the `brief watch` rebuild, in a corpus folder kept "
                             "between runs (`--keep FOLDER`)")
    parser.add_argument("--keep", type=Path, default=None, metavar="FOLDER",
                        help="with --watch-only: the folder to build in and keep")
    parser.add_argument("--engines", action="store_true",
                        help="measure analysis throughput per engine instead")
    args = parser.parse_args()
    files = sorted(args.data.glob("*/docs/*.txt"))
    if not files:
        print(f"no DUC articles under {args.data}; skipping", file=sys.stderr)
        return 0
    if args.engines:
        return engines(files, args.jobs)
    if args.watch_only:
        return watch_only(files, args)
    with tempfile.TemporaryDirectory() as tmp:
        sizes = []
        for share in (0.25, 0.5, 1.0):
            subset = files[: max(1, round(len(files) * share))]
            folder = Path(tmp) / f"share-{share}"
            make_corpus(folder, subset)
            seconds, peak = cold(folder, args.jobs, args.runs)
            sizes.append((share, len(subset), words_in(subset), seconds, peak))
            print(f"cold build, {share:>4.0%} of the corpus: {len(subset)} articles, "
                  f"{sizes[-1][2]:,} words: {seconds:.2f}s, peak memory "
                  f"{peak / 2**20:.0f} MiB", flush=True)
        xs = [math.log(words) for _, _, words, _, _ in sizes]
        ys = [math.log(seconds) for _, _, _, seconds, _ in sizes]
        mean_x, mean_y = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / \
            sum((x - mean_x) ** 2 for x in xs)
        full = Path(tmp) / "share-1.0"
        cold_seconds = sizes[-1][3]
        # Rebuild after one article changes: an edited copy of its original text.
        rebuilds, hit_rates = [], []
        victim = sorted((full / "corpus").iterdir())[len(files) // 2]
        original = Path(tmp) / "victim-original.txt"
        shutil.copyfile(victim, original)
        unchanged = []
        for run in range(args.runs):
            timed_build(full, args.jobs)  # make sure the cache is warm
            unchanged.append(timed_build(full, args.jobs)[0])
            victim.unlink()
            shutil.copyfile(original, victim)
            with victim.open("a", encoding="utf-8") as handle:
                handle.write("\nThe editor added a correction." * (run + 1) + "\n")
            seconds, _, err = timed_build(full, args.jobs)
            rebuilds.append(seconds)
            line = next((ln for ln in err.splitlines() if "analysis cache:" in ln), "")
            numbers = [int(w) for w in line.replace(",", " ").split() if w.isdigit()]
            if len(numbers) == 2:
                hit_rates.append(numbers[0] / sum(numbers))
        watched = watch_rebuilds(full, args.jobs, args.runs, victim, original)
        rebuild = statistics.median(rebuilds)
        print(f"\ncold build (100%): {cold_seconds:.2f}s (target <= 20 s)")
        print(f"peak memory (100%): {sizes[-1][4] / 2**20:.0f} MiB (target <= 1024 MiB)")
        print(f"growth exponent 25% -> 100%: {slope:.2f} (target <= 1.15)")
        print(f"rebuild after one article changed: {rebuild:.2f}s = "
              f"{rebuild / cold_seconds:.1%} of cold (target <= 15%)")
        if hit_rates:
            print(f"cache hit rate on the rebuild: {statistics.median(hit_rates):.2%}")
        print(f"rebuild with nothing changed: {statistics.median(unchanged):.2f}s = "
              f"{statistics.median(unchanged) / cold_seconds:.1%} of cold")
        print(f"`brief watch` rebuild after one article changed (edit to outputs): "
              f"{statistics.median(watched):.2f}s = "
              f"{statistics.median(watched) / cold_seconds:.1%} of cold (target <= 15%); "
              f"runs {', '.join(f'{s:.2f}' for s in watched)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
