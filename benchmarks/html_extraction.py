"""Web pages: the main text brief analyses, against plain trafilatura, and their speed.

    .venv/bin/python benchmarks/html_extraction.py [../shared/eval/html] [--runs 3]
                                                   [--details [N]]

Data: the 125 English pages of trafilatura's evaluation set in ../shared/eval/html,
saved as served, and its `evaldata.json`: per page, snippets that belong to the main
text (`with`) and snippets of navigation, footers, related links and other page
furniture that must stay out of it (`without`); some pages also list `comments`
snippets. The data is read from ../shared and never copied into the repository.

Systems, on the same pages:

* brief: `describe(path)` then `main_text(description)` (pipeline.ingest.describe),
  in-process: the sentences a build analyses, boilerplate left out, a paragraph a
  line (the `main_text` of `brief extract --format json`). That is trafilatura's
  `bare_extraction` as pipeline/ingest/html.py calls it (metadata on, comments,
  images and links off, tables on), written as blocks, then brief's clean stage. A
  page where `describe` raises UserError counts as an empty text.
* brief before cleaning: `description.text`, the page's text as ingest extracted
  it, before the clean stage left boilerplate out: the gap between this row and
  the one above is what the cleaning drops.
* trafilatura.bare_extraction with brief's arguments: the text trafilatura itself
  makes of the same extraction (`Document.text`): the gap between this row and the
  one above is what writing trafilatura's tree as blocks (pipeline/ingest/html.py)
  loses, the gap to the next row what brief's arguments change.
* trafilatura: `trafilatura.extract(data)` with its defaults (trafilatura 2.x:
  plain-text output, `fast=False` so its readability/jusText fallbacks run,
  `include_comments=True`, `include_tables=True`, no images, links or formatting,
  `favor_precision` and `favor_recall` off, no deduplication, no URL given).

Scores (the same for every system): a snippet is found when its whitespace-
normalised form is a substring of the whitespace-normalised text; the comparison is
case-sensitive. Reported: the share of `with` snippets found, the share of `without`
snippets kept out, their harmonic mean; beside them, as trafilatura's evaluation
counts them over snippets, precision (with found / (with found + without kept)) and
F1 with the recall (= with found). `comments` snippets are scored apart (brief asks
trafilatura to leave comments out; trafilatura's default keeps them), and are not in
the figures above.

`--details` lists the pages where brief loses `with` snippets that trafilatura
keeps (the N pages with most such snippets, default 10), each snippet with what
happened to it: dropped by the clean stage (with the boilerplate reason of the
sentences holding it), lost writing trafilatura's tree as text (in bare_extraction's
text, not in brief's text before cleaning), or never extracted; then every missing
`with` snippet counted by cause, the first N `without` snippets brief keeps, and the
N pages where brief's main text agrees least with trafilatura's (see below).

Speed, in one process, pages per second over all pages:

* brief's ingest, cold: the first `describe` pass, the import of pipeline.ingest
  and everything it imports lazily (trafilatura, NLTK) included;
* brief's ingest, warm: `describe` on every page, median of --runs passes after
  the cold one (files read from disk each time, as a build does);
* `trafilatura.extract` with defaults, and `trafilatura.bare_extraction` with the
  arguments of pipeline/ingest/html.py (metadata, date search): each the median of
  --runs passes over the page bytes, read into memory beforehand.

Agreement: `shingle_f1(extracted, gold)` compares two texts as sets of 4-gram word
shingles (words: runs of letters and digits, casefolded). There is no gold main
text for these pages, so it is reported only between brief's main text and
trafilatura's text (trafilatura's taken as the reference): it measures agreement,
not accuracy. Mean and median over the pages.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "html"
SHINGLE_WORDS = 4  # words per shingle in the agreement figure
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One page of the evaluation set and its snippets."""

    url: str
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]
    comments: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """Snippet counts of one system over all pages."""

    with_found: int
    with_total: int
    without_out: int
    without_total: int
    comments_out: int
    comments_total: int

    @property
    def kept(self) -> float:
        return self.with_found / self.with_total if self.with_total else 0.0

    @property
    def kept_out(self) -> float:
        return self.without_out / self.without_total if self.without_total else 0.0

    @property
    def harmonic(self) -> float:
        return _harmonic(self.kept, self.kept_out)

    @property
    def precision(self) -> float:
        wrong = self.without_total - self.without_out
        return self.with_found / (self.with_found + wrong) if self.with_found + wrong else 0.0

    @property
    def f1(self) -> float:
        return _harmonic(self.precision, self.kept)


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def normalised(text: str) -> str:
    """Whitespace runs collapsed to one space, ends trimmed."""
    return " ".join(text.split())


def load_pages(data: Path) -> list[Page]:
    """The pages of `evaldata.json` in `data`, in the file's order."""
    entries = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    return [Page(url, data / entry["file"], tuple(entry["with"]), tuple(entry["without"]),
                 tuple(entry.get("comments", ()))) for url, entry in entries.items()]


def score(pages: Sequence[Page], texts: Sequence[str]) -> Score:
    """Snippets found in and kept out of each page's text."""
    counts = [0] * 6
    for page, text in zip(pages, texts):
        flat = normalised(text)
        counts[0] += sum(normalised(s) in flat for s in page.with_)
        counts[1] += len(page.with_)
        counts[2] += sum(normalised(s) not in flat for s in page.without)
        counts[3] += len(page.without)
        counts[4] += sum(normalised(s) not in flat for s in page.comments)
        counts[5] += len(page.comments)
    return Score(*counts)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[tuple[str, ...]]:
    """The set of `size`-word shingles of `text` (words casefolded)."""
    words = WORD.findall(text.casefold())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def shingle_f1(extracted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of `extracted` against `gold` as sets of 4-gram word
    shingles; 0 for a side with no shingle (1.0 each when both have none)."""
    mine, theirs = shingles(extracted), shingles(gold)
    if not mine and not theirs:
        return 1.0, 1.0, 1.0
    common = len(mine & theirs)
    precision = common / len(mine) if mine else 0.0
    recall = common / len(theirs) if theirs else 0.0
    return precision, recall, _harmonic(precision, recall)


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = run()
    return time.perf_counter() - began, result


def describe_all(paths: Sequence[Path]) -> list[Any]:
    """`describe` of each page (imported here, so that a first call counts the imports);
    the UserError's text where it raises."""
    from pipeline.errors import UserError
    from pipeline.ingest.describe import describe

    out: list[Any] = []
    for path in paths:
        try:
            out.append(describe(path))
        except UserError as exc:
            out.append(str(exc))
    return out


def trafilatura_texts(pages: Sequence[bytes]) -> list[str]:
    import trafilatura

    return [trafilatura.extract(data) or "" for data in pages]


def bare_extractions(pages: Sequence[bytes]) -> list[Any]:
    """What pipeline/ingest/html.py asks of trafilatura (keep the two calls alike)."""
    import trafilatura

    from pipeline.ingest.html import LATEST_PAGE_DATE

    return [trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False,
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "max_date": LATEST_PAGE_DATE}) for data in pages]


def median_rate(count: int, runs: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """Median pages per second over `runs` calls of `run`, and the last call's result."""
    seconds, result = [], None
    for _ in range(runs):
        spent, result = timed(run)
        seconds.append(spent)
    return count / statistics.median(seconds), result


def _reasons(description: Any, snippet: str) -> str:
    """The boilerplate reasons of the sentences that hold (part of) `snippet`."""
    want = normalised(snippet)
    reasons = []
    for sentence in description.sentences:
        text = normalised(sentence.text)
        if text and (want in text or text in want) and sentence.boilerplate:
            reasons.append(sentence.reason or "boilerplate")
    return ", ".join(dict.fromkeys(reasons)) or "split across sentences"


def _why(description: Any, bare: str, snippet: str) -> str:
    """Why a `with` snippet is missing from brief's main text (`bare`: the text of
    trafilatura's bare_extraction with brief's arguments)."""
    if isinstance(description, str):
        return f"describe raised: {description}"
    if normalised(snippet) in normalised(description.text):
        return f"dropped by the clean stage ({_reasons(description, snippet)})"
    if normalised(snippet) in normalised(bare):
        return ("lost writing trafilatura's tree as text (in bare_extraction's text, "
                "absent before cleaning)")
    return "not extracted (absent from bare_extraction with brief's arguments)"


def details(pages: Sequence[Page], descriptions: Sequence[Any], brief: Sequence[str],
            bare: Sequence[str], theirs: Sequence[str], top: int) -> None:
    """The pages where brief loses `with` snippets that trafilatura keeps; every missing
    `with` snippet by cause; the `without` snippets brief keeps."""
    losses: list[tuple[Page, Any, str, list[str]]] = []
    kept: list[tuple[Page, str]] = []
    causes: Counter[tuple[str, bool]] = Counter()  # (cause, trafilatura keeps it)
    for page, description, mine, extracted, other in zip(pages, descriptions, brief, bare,
                                                          theirs):
        flat_mine, flat_other = normalised(mine), normalised(other)
        missing = [s for s in page.with_ if normalised(s) not in flat_mine]
        for snippet in missing:
            why = _why(description, extracted, snippet)
            cause = why if "clean stage" in why else why.split(" (")[0]
            causes[cause, normalised(snippet) in flat_other] += 1
        lost = [s for s in missing if normalised(s) in flat_other]
        if lost:
            losses.append((page, description, extracted, lost))
        kept.extend((page, s) for s in page.without if normalised(s) in flat_mine)
    losses.sort(key=lambda item: -len(item[3]))
    print(f"\npages where brief loses `with` snippets trafilatura keeps: {len(losses)} "
          f"pages, {sum(len(lost) for *_, lost in losses)} snippets; "
          f"the {min(top, len(losses))} with most:")
    for page, description, extracted, lost in losses[:top]:
        print(f"- {page.path.name} ({page.url})")
        for snippet in lost:
            print(f"    {snippet!r}: {_why(description, extracted, snippet)}")
    print(f"\nevery `with` snippet missing from brief's main text, by cause "
          f"({sum(causes.values())}):")
    for cause in sorted({cause for cause, _ in causes},
                        key=lambda c: -causes[c, True] - causes[c, False]):
        print(f"- {causes[cause, True] + causes[cause, False]} {cause} "
              f"(trafilatura keeps {causes[cause, True]})")
    print(f"\n`without` snippets in brief's main text ({len(kept)}; the first {top}):")
    for page, snippet in kept[:top]:
        print(f"- {page.path.name}: {snippet!r}")
    print(f"\nthe {top} pages where brief's main text agrees least with trafilatura's "
          f"text (shingle F1; words in brief's main text / brief before cleaning / "
          f"bare_extraction's text / trafilatura.extract's text):")
    least = sorted(zip(pages, descriptions, brief, bare, theirs),
                   key=lambda row: shingle_f1(row[2], row[4])[2])
    for page, description, mine, extracted, other in least[:top]:
        before = "" if isinstance(description, str) else description.text
        print(f"- {page.path.name}: {shingle_f1(mine, other)[2]:.3f}; "
              f"{' / '.join(str(len(t.split())) for t in (mine, before, extracted, other))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3, help="timed passes per system")
    parser.add_argument("--details", nargs="?", type=int, const=10, default=0, metavar="N",
                        help="list the N pages (default 10) where brief loses snippets "
                             "that trafilatura keeps")
    args = parser.parse_args()
    if not (args.data / "evaldata.json").is_file():
        print(f"no evaldata.json under {args.data}; skipping", file=sys.stderr)
        return 0
    pages = load_pages(args.data)
    paths = [page.path for page in pages]
    print(f"{len(pages)} pages, {sum(len(p.with_) for p in pages)} `with` and "
          f"{sum(len(p.without) for p in pages)} `without` snippets", file=sys.stderr)

    cold, descriptions = timed(lambda: describe_all(paths))  # imports counted here
    warm, _ = median_rate(len(paths), args.runs, lambda: describe_all(paths))
    data = [path.read_bytes() for path in paths]
    extract_rate, theirs = median_rate(len(data), args.runs, lambda: trafilatura_texts(data))
    bare_rate, documents = median_rate(len(data), args.runs, lambda: bare_extractions(data))

    from pipeline.ingest.describe import main_text

    failed = [(p, d) for p, d in zip(pages, descriptions) if isinstance(d, str)]
    brief = ["" if isinstance(d, str) else main_text(d) for d in descriptions]
    before = ["" if isinstance(d, str) else d.text for d in descriptions]
    bare = [(d.text or "") if d is not None else "" for d in documents]
    rows = [("brief (main text)", score(pages, brief)),
            ("brief before cleaning", score(pages, before)),
            ("trafilatura.bare_extraction, brief's arguments", score(pages, bare)),
            ("trafilatura.extract, defaults", score(pages, theirs))]
    print("\n| system | with found | without kept out | harmonic mean | precision | F1 "
          "| comments kept out |\n|---|---|---|---|---|---|---|")
    for name, result in rows:
        print(f"| {name} | {result.kept:.3f} ({result.with_found}/{result.with_total}) "
              f"| {result.kept_out:.3f} ({result.without_out}/{result.without_total}) "
              f"| {result.harmonic:.3f} | {result.precision:.3f} | {result.f1:.3f} "
              f"| {result.comments_out}/{result.comments_total} |")
    print(f"\npages where describe raised (counted as empty): {len(failed)}")
    for page, problem in failed:
        print(f"- {page.path.name}: {problem}")
    empty = sum(not text.strip() for text in theirs)
    print(f"pages where trafilatura.extract returned nothing: {empty}")

    agreement = [shingle_f1(mine, other) for mine, other in zip(brief, theirs)]
    f1s = [f for _, _, f in agreement]
    print(f"\nagreement of brief's main text with trafilatura's text (4-gram word "
          f"shingles, not accuracy): precision {statistics.mean(p for p, _, _ in agreement):.3f}"
          f", recall {statistics.mean(r for _, r, _ in agreement):.3f}, F1 mean "
          f"{statistics.mean(f1s):.3f}, median {statistics.median(f1s):.3f}; "
          f"pages with F1 < 0.5: {sum(f < 0.5 for f in f1s)}")

    print(f"\n| speed ({len(paths)} pages, one process) | pages/s |\n|---|---|")
    print(f"| brief ingest (describe), cold: first pass incl. imports ({cold:.1f} s) "
          f"| {len(paths) / cold:.1f} |")
    print(f"| brief ingest (describe), warm, median of {args.runs} | {warm:.1f} |")
    print(f"| trafilatura.extract, defaults, median of {args.runs} | {extract_rate:.1f} |")
    print(f"| trafilatura.bare_extraction as brief calls it, median of {args.runs} "
          f"| {bare_rate:.1f} |")
    if args.details:
        details(pages, descriptions, brief, bare, theirs, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
