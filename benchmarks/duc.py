"""DUC 2006 query-focused summarisation: ROUGE of the theme selector, and its speed.

    .venv/bin/python benchmarks/duc.py [../shared/eval/duc2006] [--topics N]
                                       [--timing-topics K] [--ablation]

For each topic, a corpus of its 25 articles and an outline with one theme
(query = title + narrative, max_words 250, no actors, no key points) go
through the same code path as `brief build --format json` (`pipeline.cli.main`,
in-process). The theme section, cut to its first 250 words (the DUC
convention: the last sentence is cut), is scored with the `rouge-score`
package (Porter stemming; ROUGE-1, ROUGE-2 and ROUGE-Lsum recall, x100),
averaged over the four references of a topic, then over topics. The table puts
the peers of `../shared/eval/baselines.md` beside us.

Timing: the in-process selection time per topic (the `select` stage of the
build, median and max), the wall time of the whole benchmark, and on
--timing-topics topics the whole-process time of `brief build --format json
--no-cache` next to sumy's LexRank on the same articles (when sumy is
installed: `pip install -e '.[bench]'`; it is given this project's sentence
splitter, since sumy's own needs NLTK data that is not downloaded here).

--ablation reruns the benchmark with one part of the theme selector switched
off at a time (by patching the modules of `pipeline.select` in this process) and prints what
each part is worth in ROUGE-2, next to the selector as it was before (MMR over
TF-IDF relevance).

The DUC data is licensed for internal evaluation only: it is read from
../shared and never copied into the repository.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import select  # noqa: E402
from pipeline.clean import dateline  # noqa: E402  (where without_dateline looks it up)
from pipeline.cli import main as brief_main  # noqa: E402
from pipeline.outline import Theme  # noqa: E402
from pipeline.select import candidates, greedy, selector  # noqa: E402  (patch targets)

SUMMARY_WORDS = 250
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "duc2006"
BASELINES = REPO.parent / "shared" / "eval" / "baselines.md"
METRICS = ("rouge1", "rouge2", "rougeLsum")


def topic_dirs(data: Path, names: Sequence[str] = ()) -> list[Path]:
    """The topic folders of a DUC data folder (only `names`, when given), sorted."""
    found = sorted(p for p in data.iterdir() if (p / "query.txt").is_file())
    return [p for p in found if p.name in names] if names else found


def topic_outline(topic: Path, folder: Path) -> Path:
    """Write the one-theme outline of a DUC topic into `folder`; return its path."""
    title, narrative = (topic / "query.txt").read_text(encoding="utf-8").splitlines()[:2]
    outline = {
        "title": title, "corpus": str((topic / "docs").resolve()), "actors": [],
        "layout": {"key_points": 0},
        "themes": [{"id": "topic", "title": title, "query": f"{title}. {narrative}",
                    "max_words": SUMMARY_WORDS}],
    }
    path = folder / f"{topic.name}.outline.json"  # the brief's JSON is <topic>.json
    path.write_text(json.dumps(outline), encoding="utf-8")
    return path


def summarise(outline: Path, out_dir: Path, cache: Path) -> tuple[list[str], float]:
    """Run `brief build --format json` in-process; return the theme's sentences and the
    seconds of the build's select stage."""
    target = out_dir / f"{outline.name.split('.')[0]}.json"
    err = io.StringIO()
    code = brief_main(["build", str(outline), "--format", "json", "-o", str(target), "-v",
                       "--cache", str(cache)], stdout=io.StringIO(), stderr=err)
    if code != 0:
        raise SystemExit(f"build failed for {outline}: {err.getvalue()}")
    data = json.loads(target.read_text(encoding="utf-8"))
    section = next(s for s in data["sections"] if s["kind"] == "theme")
    timing = re.search(r"\bselect ([0-9.]+)s", err.getvalue())
    if not timing:
        raise SystemExit(f"no select timing in the build log of {outline}")
    return [i["text"] for i in section["items"]], float(timing.group(1))


def first_words(sentences: Sequence[str], limit: int = SUMMARY_WORDS) -> list[str]:
    """Sentences cut so that their words total at most `limit` (last one truncated)."""
    out, left = [], limit
    for sentence in sentences:
        if left <= 0:
            break
        words = sentence.split()
        out.append(" ".join(words[:left]))
        left -= len(words)
    return out


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def score(summary: Sequence[str], refs: Sequence[str]) -> dict[str, float]:
    """ROUGE recall x100 of a summary (one sentence a line), mean over the references."""
    candidate = "\n".join(summary)
    totals = dict.fromkeys(METRICS, 0.0)
    for ref in refs:
        result = _scorer().score(ref, candidate)
        for key in METRICS:
            totals[key] += result[key].recall * 100 / len(refs)
    return totals


@dataclass(frozen=True)
class Evaluation:
    means: dict[str, float]  # metric -> mean over topics of the mean over references
    per_topic: dict[str, dict[str, float]]  # topic -> metric -> score
    select_seconds: list[float]  # the build's select stage, per topic
    seconds: float  # wall time of the whole evaluation


def evaluate(topics: Sequence[Path], folder: Path) -> Evaluation:
    """Summarise and score every topic (analysis cached in `folder` across calls)."""
    cache = folder / "analysis.sqlite"
    per_topic, select_times = [], []
    began = time.perf_counter()
    for topic in topics:
        sentences, select_seconds = summarise(topic_outline(topic, folder), folder, cache)
        refs = [p.read_text(encoding="utf-8") for p in sorted((topic / "refs").glob("*.txt"))]
        per_topic.append(score(first_words(sentences), refs))
        select_times.append(select_seconds)
    return Evaluation(
        means={k: statistics.mean(t[k] for t in per_topic) for k in METRICS},
        per_topic=dict(zip((t.name for t in topics), per_topic)),
        select_seconds=select_times,
        seconds=time.perf_counter() - began,
    )


def peers_table() -> list[tuple[str, str, str, str]]:
    """Rows of the DUC 2006 table in baselines.md, when it is there."""
    if not BASELINES.is_file():
        return []
    rows, in_table = [], False
    for line in BASELINES.read_text(encoding="utf-8").splitlines():
        if line.startswith("## DUC 2006"):
            in_table = True
        elif line.startswith("## "):
            in_table = False
        elif in_table and line.startswith("|") and not line.startswith("|--") \
                and not line.startswith("| system"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4:
                rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


LEXRANK_SCRIPT = """
import pathlib, sys
sys.path.insert(0, {repo!r})
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from pipeline.sentences import sentence_spans

class Tokenizer:
    language = "english"
    def to_sentences(self, text):
        return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    def to_words(self, sentence):
        return [w for w in sentence.split() if any(c.isalnum() for c in w)]

text = "\\n\\n".join(p.read_text(encoding="utf-8")
                     for p in sorted(pathlib.Path({docs!r}).glob("*.txt")))
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
summary = summarizer(PlaintextParser.from_string(text, Tokenizer()).document, 12)
assert summary
"""


def lexrank_seconds(topic: Path) -> float | None:
    """Whole-process seconds of sumy LexRank on a topic's articles, or None without sumy."""
    script = LEXRANK_SCRIPT.format(repo=str(REPO), docs=str(topic / "docs"))
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return time.perf_counter() - began


def process_seconds(outline: Path, out_dir: Path) -> float:
    """Whole-process seconds of `brief build --format json`, with no analysis cache."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "build", str(outline), "-q", "--no-cache",
                    "--format", "json", "-o", str(out_dir / "process.json")],
                   check=True, cwd=REPO)
    return time.perf_counter() - began


# --- Ablation ---------------------------------------------------------------------

def _mmr_cover(concepts: object, weights: np.ndarray, relevance: np.ndarray,
               costs: np.ndarray, budget: int, similarity: np.ndarray,
               share: float) -> list[int]:
    """`select.cover` replaced by greedy MMR over relevance (the selector before)."""
    alive = np.ones(len(relevance), dtype=bool)
    max_sim = np.zeros(len(relevance))
    taken: list[int] = []
    spent = 0
    while alive.any():
        mmr = greedy.MMR_LAMBDA * relevance - (1 - greedy.MMR_LAMBDA) * max_sim
        best = int(np.argmax(np.where(alive, mmr, -np.inf)))
        alive[best] = False
        if spent + costs[best] > budget:
            continue
        taken.append(best)
        spent += costs[best]
        max_sim = np.maximum(max_sim, similarity[best])
        alive &= similarity[best] < greedy.NEAR_DUPLICATE
    return taken


def _two_query_words_pool(self: select.Selector, theme: Theme) -> np.ndarray:
    """`Selector.theme_pool` as before: sentences sharing two query terms, best first."""
    match = self.matches[theme.id]
    ranked = np.argsort(-match.relevance, kind="stable")
    return ranked[(match.eligible & self.standalone)[ranked]][:greedy.POOL_SIZE]


def _unweighted_concepts(original: Callable[[select.Selector, np.ndarray], np.ndarray]
                         ) -> Callable[[select.Selector, np.ndarray], np.ndarray]:
    """`Selector.concept_weights` counting articles only (every relevance 1: ICSI's df)."""
    def weights(self: select.Selector, relevance: np.ndarray) -> np.ndarray:
        return original(self, np.ones_like(relevance))
    return weights


@contextmanager
def _patched(*patches: Any) -> Iterator[None]:
    """Start `mock.patch` objects for the duration of a with-block."""
    for p in patches:
        p.start()
    try:
        yield
    finally:
        for p in reversed(patches):
            p.stop()


def _ablations() -> dict[str, Callable[[], list[Any]]]:
    """Name -> the patches of `pipeline.select` that switch one part off (each name
    patched in the module that looks it up)."""
    S = selector.Selector
    return {
        "concept coverage -> greedy MMR over relevance": lambda: [
            mock.patch.object(selector, "cover", _mmr_cover)],
        "relevance-weighted concepts -> article counts only": lambda: [
            mock.patch.object(S, "concept_weights", _unweighted_concepts(S.concept_weights))],
        "relevance blend in the greedy step (PRIOR_ARTICLES=0)": lambda: [
            mock.patch.object(selector, "PRIOR_ARTICLES", 0.0)],
        "similarity-share gate (MIN_QUERY_SIMILARITY_SHARE=0)": lambda: [
            mock.patch.object(selector, "MIN_QUERY_SIMILARITY_SHARE", 0.0)],
        "gate -> two shared query words (the gate before)": lambda: [
            mock.patch.object(S, "theme_pool", _two_query_words_pool)],
        "dateline trimming": lambda: [
            mock.patch.object(dateline, "dateline_end", lambda text: 0)],
        "quotes without context filter": lambda: [
            mock.patch.object(candidates, "quote_in_context", lambda text, attribution: True)],
        "dangling-end filter": lambda: [
            mock.patch.object(candidates, "DANGLING_END", re.compile(r"(?!)"))],
        "the selector before (MMR, old gate, no new filters)": lambda: [
            mock.patch.object(selector, "cover", _mmr_cover),
            mock.patch.object(S, "theme_pool", _two_query_words_pool),
            mock.patch.object(dateline, "dateline_end", lambda text: 0),
            mock.patch.object(candidates, "quote_in_context", lambda text, attribution: True),
            mock.patch.object(candidates, "DANGLING_END", re.compile(r"(?!)"))],
    }


# --- Report -------------------------------------------------------------------------

def _table(means: dict[str, float], topics: int) -> str:
    lines = [f"DUC 2006, {topics} topics, 250 words, rouge-score with Porter stemming, "
             "recall x100",
             f"| {'system':<52} | R1 recall | R2 recall | RLsum recall |",
             f"|{'-' * 54}|-----------|-----------|--------------|"]
    for name, r1, r2, rl in peers_table():
        lines.append(f"| {name:<52} | {r1:>9} | {r2:>9} | {rl:>12} |")
    lines.append(f"| {'brief (this build)':<52} | {means['rouge1']:>9.2f} | "
                 f"{means['rouge2']:>9.2f} | {means['rougeLsum']:>12.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", type=int, default=0, help="only the first N topics")
    parser.add_argument("--timing-topics", type=int, default=3,
                        help="topics timed as whole processes, with sumy LexRank beside")
    parser.add_argument("--ablation", action="store_true",
                        help="also score the selector with one part switched off at a time")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"DUC data not found at {args.data}; skipping", file=sys.stderr)
        return 0
    topics = topic_dirs(args.data)[:args.topics or None]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result = evaluate(topics, folder)
        times = result.select_seconds
        print(_table(result.means, len(topics)))
        print(f"\nselection in-process per topic: median {statistics.median(times):.3f}s, "
              f"max {max(times):.3f}s")
        print(f"whole benchmark ({len(topics)} topics, one process, analysis not cached): "
              f"{result.seconds:.1f}s")
        if args.timing_topics:
            ours, lexrank = [], []
            for topic in topics[:args.timing_topics]:
                ours.append(process_seconds(topic_outline(topic, folder), folder))
                lexrank.append(lexrank_seconds(topic))
                lex = f"{lexrank[-1]:.2f}s" if lexrank[-1] is not None else "n/a (no sumy)"
                print(f"{topic.name}: brief build --format json {ours[-1]:.2f}s; "
                      f"sumy LexRank {lex}")
            done = [s for s in lexrank if s is not None]
            print(f"median whole process per topic: brief {statistics.median(ours):.2f}s"
                  + (f", sumy LexRank {statistics.median(done):.2f}s "
                     f"({statistics.median(done) / statistics.median(ours):.0f}x)"
                     if done else ""))
        if args.ablation:
            base = result.means["rouge2"]
            print(f"\nablation (ROUGE-2 recall; full selector {base:.2f})")
            print(f"| {'switched off':<55} | R2 recall | change |")
            print(f"|{'-' * 57}|-----------|--------|")
            for k, (name, patches) in enumerate(_ablations().items()):
                # a cache of its own: the analysis (datelines, term lists) may differ
                own = folder / f"ablation-{k}"
                own.mkdir()
                with _patched(*patches()):
                    r2 = evaluate(topics, own).means["rouge2"]
                print(f"| {name:<55} | {r2:>9.2f} | {r2 - base:>+6.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
