"""DUC 2006 query-focused summarisation: ROUGE of the theme selector, and its speed.

    .venv/bin/python benchmarks/duc.py [../shared/eval/duc2006] [--topics N] [--timing-topics K]

For each topic, a corpus of its 25 articles and an outline with one theme
(query = title + narrative, max_words 250, no actors, no key points) go
through the same code path as `brief build --format json`. The theme section,
cut to its first 250 words (the DUC convention: the last sentence is cut), is
scored with the `rouge-score` package (Porter stemming; ROUGE-1, ROUGE-2 and
ROUGE-Lsum recall, x100), averaged over the four references of a topic, then
over topics. The table puts the peers of `../shared/eval/baselines.md` beside us.

Timing: the in-process selection time per topic (the `select` stage), and on
--timing-topics topics the whole-process time of `brief build --format json`
next to sumy's LexRank on the same articles (when sumy is installed; it is
given this project's sentence splitter, since sumy's own needs NLTK data that
is not downloaded here).

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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.cli import main as brief_main  # noqa: E402

SUMMARY_WORDS = 250
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "duc2006"


def topic_outline(topic: Path, folder: Path) -> Path:
    """Write the one-theme outline of a DUC topic into `folder`; return its path."""
    title, narrative = (topic / "query.txt").read_text(encoding="utf-8").splitlines()[:2]
    outline = {
        "title": title, "corpus": str((topic / "docs").resolve()), "actors": [],
        "layout": {"key_points": 0},
        "themes": [{"id": "topic", "title": title, "query": f"{title}. {narrative}",
                    "max_words": SUMMARY_WORDS}],
    }
    path = folder / f"{topic.name}.json"
    path.write_text(json.dumps(outline), encoding="utf-8")
    return path


def summarise(outline: Path, out_dir: Path) -> tuple[list[str], float]:
    """Run `brief build --format json` in-process; return sentences and select seconds."""
    target = out_dir / f"{outline.stem}.json"
    err = io.StringIO()
    code = brief_main(["build", str(outline), "--format", "json", "-o", str(target), "-v"],
                      stdout=io.StringIO(), stderr=err)
    if code != 0:
        raise SystemExit(f"build failed for {outline}: {err.getvalue()}")
    data = json.loads(target.read_text(encoding="utf-8"))
    section = next(s for s in data["sections"] if s["kind"] == "theme")
    timing = re.search(r"select ([0-9.]+)s", err.getvalue())
    return [i["text"] for i in section["items"]], float(timing.group(1)) if timing else 0.0


def first_words(sentences: list[str], limit: int = SUMMARY_WORDS) -> list[str]:
    """Sentences cut so that their words total at most `limit` (last one truncated)."""
    out, left = [], limit
    for sentence in sentences:
        words = sentence.split()
        if left <= 0:
            break
        out.append(" ".join(words[:left]))
        left -= len(words)
    return out


def score(summary: list[str], refs: list[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    candidate = "\n".join(summary)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for ref in refs:
        result = scorer.score(ref, candidate)
        for key in totals:
            totals[key] += result[key].recall * 100 / len(refs)
    return totals


def peers_table() -> list[tuple[str, str, str, str]]:
    """Rows of the DUC 2006 table in baselines.md, when it is there."""
    path = REPO.parent / "shared" / "eval" / "baselines.md"
    if not path.is_file():
        return []
    rows, in_table = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## DUC 2006"):
            in_table = True
        elif line.startswith("## "):
            in_table = False
        elif in_table and line.startswith("|") and not line.startswith("|--") \
                and "system" not in line:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) == 4:
                rows.append(tuple(cells))  # type: ignore[arg-type]
    return rows


def lexrank_seconds(topic: Path, sentences: int = 12) -> float | None:
    """Whole-process seconds of sumy LexRank on a topic, or None without sumy."""
    script = f"""
import sys, pathlib
sys.path.insert(0, {str(REPO)!r})
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from pipeline.sentences import sentence_spans
class Tokenizer:
    language = "english"
    def to_sentences(self, text):
        return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    def to_words(self, sentence):
        return [w for w in sentence.split() if any(c.isalnum() for c in w)]
text = "\\n\\n".join(p.read_text(encoding="utf-8")
                     for p in sorted(pathlib.Path({str(topic / 'docs')!r}).glob("*.txt")))
parser = PlaintextParser.from_string(text, Tokenizer())
LexRankSummarizer()(parser.document, {sentences})
"""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return time.perf_counter() - began


def process_seconds(outline: Path, out_dir: Path) -> float:
    began = time.perf_counter()
    subprocess.run([str(REPO / ".venv" / "bin" / "brief"), "build", str(outline), "-q",
                    "--format", "json", "-o", str(out_dir / "process.json")], check=True)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", type=int, default=0, help="only the first N topics")
    parser.add_argument("--timing-topics", type=int, default=3,
                        help="topics timed as whole processes, with sumy LexRank beside")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"DUC data not found at {args.data}; skipping", file=sys.stderr)
        return 0
    topics = sorted(p for p in args.data.iterdir() if (p / "query.txt").is_file())
    if args.topics:
        topics = topics[:args.topics]
    began = time.perf_counter()
    per_topic, select_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for topic in topics:
            outline = topic_outline(topic, folder)
            sentences, select_seconds = summarise(outline, folder)
            refs = [p.read_text(encoding="utf-8") for p in sorted((topic / "refs").glob("*.txt"))]
            per_topic.append(score(first_words(sentences), refs))
            select_times.append(select_seconds)
        total = time.perf_counter() - began
        means = {k: statistics.mean(t[k] for t in per_topic) for k in per_topic[0]}
        print(f"DUC 2006, {len(topics)} topics, 250 words, rouge-score with Porter stemming, "
              "recall x100")
        print(f"| {'system':<52} | R1 recall | R2 recall | RLsum recall |")
        print(f"|{'-' * 54}|-----------|-----------|--------------|")
        for name, r1, r2, rl in peers_table():
            print(f"| {name:<52} | {r1:>9} | {r2:>9} | {rl:>12} |")
        print(f"| {'brief (this build)':<52} | {means['rouge1']:>9.2f} | {means['rouge2']:>9.2f} "
              f"| {means['rougeLsum']:>12.2f} |")
        print(f"\nselection in-process per topic: median {statistics.median(select_times):.3f}s, "
              f"max {max(select_times):.3f}s")
        print(f"whole benchmark ({len(topics)} topics, in one process): {total:.1f}s")
        for topic in topics[:args.timing_topics]:
            outline = topic_outline(topic, folder)
            ours = process_seconds(outline, folder)
            lexrank = lexrank_seconds(topic)
            lex = f"{lexrank:.2f}s" if lexrank is not None else "n/a (sumy not installed)"
            print(f"{topic.name}: brief build --format json {ours:.2f}s; sumy LexRank {lex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
