"""Behaviour identity: the code of this checkout against a baseline revision, byte for byte.

    .venv/bin/python benchmarks/identity.py [--baseline REV] [--duc-topics 10]

A refactoring must not change what `brief` says. This script exports REV (default
`HEAD`) with `git archive` into a temporary folder, then runs the same commands
with both versions of the code, each as its own process (`python -m pipeline`
with that code first on the path), on the same inputs, and compares the outputs
byte for byte:

* `brief annotate --format jsonl --no-cache` on the demo corpus, on the PolNeAR
  dev split (84 articles, written as the PolNeAR benchmark writes them; `--polnear
  dev,train` adds the 840 train articles) and on
  the first `--duc-topics` DUC 2006 topics (every sentence: boundaries,
  boilerplate flags, speaker, role, cue, actor, act);
* `brief build --format pdf,json,md --no-cache` of the demo outline;
* `brief build --format json --no-cache` of each of those DUC topics (one theme,
  as `benchmarks/duc.py` builds them: the theme selection the DUC figures score).

Identical outputs give identical attribution-gold, PolNeAR and DUC figures on
this data. Evaluation data is read from ../shared and written only to temporary
folders outside the repository. Exit 0 when everything is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "eval"
DEMO_OUTLINE = REPO / "briefs" / "pakistan-taliban.yaml"


@dataclass(frozen=True)
class Job:
    """One command whose outputs are compared: `brief ARGS`, outputs named."""

    name: str
    args: tuple[str, ...]
    outputs: tuple[str, ...]  # file names inside the job's output folder


def export(rev: str, folder: Path) -> Path:
    """The tree of `rev` (its `pipeline/` and `styles/`, what `brief` runs) in `folder`."""
    archive = folder / "baseline.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), rev,
                    "pipeline", "styles"], cwd=REPO, check=True)
    target = folder / "baseline"
    target.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def demo_outline(folder: Path) -> Path:
    """The demo outline with its corpus as an absolute path (outlines may move)."""
    text = DEMO_OUTLINE.read_text(encoding="utf-8")
    corpus = (DEMO_OUTLINE.parent / "../corpus/pakistan-taliban").resolve()
    lines = [f"corpus: {corpus}" if line.startswith("corpus:") else line
             for line in text.splitlines()]
    path = folder / "demo.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def polnear_outline(folder: Path, split: str) -> Path | None:
    """A PolNeAR split as a corpus, written the way the PolNeAR benchmark writes it."""
    data = SHARED / "polnear" / f"{split}.jsonl"
    if not data.is_file():
        return None
    corpus = folder / f"polnear-{split}"
    corpus.mkdir()
    seen: set[str] = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["article"] in seen:
            continue
        seen.add(record["article"])
        (corpus / f"{len(seen):04d}.txt").write_bytes(record["text"].encode("utf-8-sig"))
    outline = folder / f"polnear-{split}.yaml"
    outline.write_text(f"title: PolNeAR {split}\ncorpus: {corpus}\nlayout: {{key_points: 0}}\n",
                       encoding="utf-8")
    return outline


def duc_outlines(folder: Path, count: int) -> list[Path]:
    """One-theme outlines of the first `count` DUC 2006 topics, as benchmarks/duc.py
    writes them."""
    data = SHARED / "duc2006"
    if not data.is_dir():
        return []
    outlines = []
    for topic in sorted(p for p in data.iterdir() if (p / "query.txt").is_file())[:count]:
        title, narrative = (topic / "query.txt").read_text(encoding="utf-8").splitlines()[:2]
        outline = {"title": title, "corpus": str((topic / "docs").resolve()), "actors": [],
                   "layout": {"key_points": 0},
                   "themes": [{"id": "topic", "title": title, "query": f"{title}. {narrative}",
                               "max_words": 250}]}
        path = folder / f"{topic.name}.outline.json"
        path.write_text(json.dumps(outline), encoding="utf-8")
        outlines.append(path)
    return outlines


def jobs(folder: Path, duc_topics: int, polnear_splits: list[str]) -> list[Job]:
    demo = demo_outline(folder)
    found = [Job("demo annotate", ("annotate", str(demo), "--format", "jsonl", "-o",
                                   "{out}/annotate.jsonl"), ("annotate.jsonl",)),
             Job("demo build", ("build", str(demo), "--format", "pdf,json,md", "-o",
                                "{out}/brief.pdf"), ("brief.pdf", "brief.json", "brief.md"))]
    for split in polnear_splits:
        polnear = polnear_outline(folder, split)
        if polnear is not None:
            found.append(Job(f"PolNeAR {split} annotate",
                             ("annotate", str(polnear), "--format", "jsonl", "-o",
                              "{out}/annotate.jsonl"), ("annotate.jsonl",)))
    for outline in duc_outlines(folder, duc_topics):
        topic = outline.name.split(".")[0]
        found.append(Job(f"DUC {topic} annotate", ("annotate", str(outline), "--format",
                                                   "jsonl", "-o", "{out}/annotate.jsonl"),
                         ("annotate.jsonl",)))
        found.append(Job(f"DUC {topic} build", ("build", str(outline), "--format", "json",
                                                "-o", "{out}/brief.json"), ("brief.json",)))
    return found


def run(code: Path, job: Job, out: Path) -> str:
    """Run `job` with the code in `code`; '' on success, else its error output."""
    out.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "1700000000"}
    args = [a.replace("{out}", str(out)) for a in job.args]
    done = subprocess.run([sys.executable, "-m", "pipeline", *args, "-q", "--no-cache",
                           "--jobs", "1"], env=env, cwd=out, capture_output=True, text=True)
    return "" if done.returncode == 0 else done.stderr.strip()[-300:]


def first_difference(a: bytes, b: bytes) -> str:
    for number, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if x != y:
            return f"line {number}: {x[:120]!r} != {y[:120]!r}"
    return f"lengths {len(a)} and {len(b)}"


def compare(baseline: Path, job: Job, folder: Path) -> tuple[bool, str]:
    slug = job.name.replace(" ", "-")
    before, after = folder / "before" / slug, folder / "after" / slug
    errors = [e for e in (run(baseline, job, before), run(REPO, job, after)) if e]
    if errors:
        return False, f"failed: {errors[0]}"
    for name in job.outputs:
        a, b = (before / name).read_bytes(), (after / name).read_bytes()
        if a != b:
            return False, f"{name} differs: {first_difference(a, b)}"
    sizes = ", ".join(f"{name} {len((after / name).read_bytes()):,} B" for name in job.outputs)
    return True, sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare with")
    parser.add_argument("--duc-topics", type=int, default=10)
    parser.add_argument("--polnear", default="dev",
                        help="comma-separated PolNeAR splits to annotate (default: dev; "
                             "train adds 840 articles)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief-identity-") as tmp:
        folder = Path(tmp)
        baseline = export(args.baseline, folder)
        todo = jobs(folder, args.duc_topics, [s for s in args.polnear.split(",") if s])
        results = [(job, *compare(baseline, job, folder)) for job in todo]
    width = max(len(job.name) for job, _, _ in results)
    for job, same, detail in results:
        print(f"{job.name:<{width}}  {'identical' if same else 'DIFFERENT'}  {detail}")
    held = sum(same for _, same, _ in results)
    print(f"{held}/{len(results)} identical to {args.baseline}")
    return 0 if held == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
