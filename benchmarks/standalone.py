"""Items that read on their own, without repeats: issue 15's measures.

    .venv/bin/python benchmarks/standalone.py [../shared/eval] [--details]

Builds four briefs in-process (no analysis cache): the demo outline, and the outlines
of `benchmarks/speakers/` on the PolNeAR dev articles and on DUC 2006 topics D0609I and
D0614E (outlines written for a new corpus from the README alone). For each brief:

* openings: the share of items (every section) whose shown text opens with
  - a discourse connective ("But", "For example,", "However,"; the list below, kept
    apart from the product's own so the check is not the rule it checks);
  - a pronoun nobody resolved: a personal, possessive or demonstrative pronoun as the
    first word, or as the first word after a fronted phrase ("Last month alone, it
    ..."), with no editorial insertion naming it;
  - a definite reference: "The <noun>" whose noun the source's previous sentence
    names ("The madrassa had operated ..." after a sentence about the madrassa), unless
    the noun is the item's own speaker's ("The settlers said", by Settler leaders);
  - a surname alone: a person speaker's surname as the first word, the given name
    neither in the text nor in an insertion.
  In actor sections a quote's "he said" is read under the speaker's heading and is not
  counted; an opening pronoun is.
* repeats: the same sentence, or a near-duplicate of it (`vectors.overlap` at the
  selector's NEAR_DUPLICATE), in two theme sections (target 0);
* near-duplicate pairs: two items of the brief, in one section or in two (themes,
  key points, actor sections, other voices), that are near-duplicates (target 0).
  Points of contention are left out: a pair may set a theme's statement beside the
  denial that answers it.

The DUC 2006 ROUGE-2 cost is measured by `benchmarks/duc.py` (target >= 10.4).
Evaluation data is read from ../shared and written only to temporary folders.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.speakers import CORPORA, Corpus, write_outline  # noqa: E402
from pipeline.build import BuildOptions, build_brief  # noqa: E402
from pipeline.models import AnalysedArticle, Brief, Item  # noqa: E402
from pipeline.select import NEAR_DUPLICATE  # noqa: E402
from pipeline.vectors import TermSpace, overlap, terms  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval"
DEMO = REPO / "briefs" / "pakistan-taliban.yaml"

# Sentence-opening connectives, from the PDTB 2.0 list of explicit connectives.
CONNECTIVES = ("but", "and", "yet", "or", "so", "however", "meanwhile", "moreover",
               "furthermore", "also", "still", "indeed", "instead", "nevertheless",
               "nonetheless", "thus", "therefore", "then", "besides", "likewise",
               "similarly", "separately", "additionally", "consequently", "otherwise",
               "for example", "for instance", "in addition", "in fact", "of course",
               "after all", "even so", "as a result", "at the same time", "in contrast",
               "by contrast", "on the other hand", "in other words", "in turn")
PRONOUNS = frozenset("he she it they we his her its their them him this these those "
                     "that such".split())
WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Result:
    name: str
    items: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)
    repeats: list[str] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)

    def count(self) -> int:
        return sum(len(v) for v in self.problems.values())


def shown_opening(item: Item) -> tuple[str, bool]:
    """The item's text and whether an insertion stands at its start."""
    return item.text, any(i.at == 0 for i in getattr(item, "insertions", ()))


def opening_problem(item: Item, by_speaker: bool, previous: str) -> str | None:
    text, named = shown_opening(item)
    low = text.casefold()
    for c in CONNECTIVES:
        if re.match(rf"{re.escape(c)}\b(?!-)", low) and (c in ("but", "and", "yet", "or")
                                                          or low[len(c):len(c) + 1] == ","):
            return "connective"
    words = WORD.findall(text[:200])
    if not words:
        return None
    first = words[0].casefold()
    if first in PRONOUNS and not named and text.startswith(words[0]):
        return "pronoun"
    comma = text.find(", ", 0, 40)
    if comma > 0 and not any(q in text[:comma] for q in "“\"”"):
        after = WORD.findall(text[comma + 2:comma + 30])
        inserted = any(comma + 2 < i.at <= comma + 12 for i in getattr(item, "insertions", ()))
        if after and after[0].casefold() in PRONOUNS - {"that", "such"} and not inserted \
                and text[comma + 2:].startswith(after[0]):
            return "pronoun"
    speaker = {w.casefold()[:5] for w in WORD.findall(item.speaker or "")}
    if first == "the" and len(words) > 1 and words[1].islower() and len(words[1]) > 3 \
            and words[1][:5].casefold() in {w.casefold()[:5] for w in WORD.findall(previous)} \
            and words[1][:5].casefold() not in speaker:  # "The settlers" of Settler leaders
        return "reference"
    if item.speaker and len(item.speaker.split()) > 1 and words[0] == item.speaker.split()[-1] \
            and not any(i.kind == "name" and i.at == 0 for i in getattr(item, "insertions", ())) \
            and not by_speaker:
        return "surname"
    return None


def previous_sentence(analysed: dict[str, AnalysedArticle], item: Item) -> str:
    article = analysed.get(item.doc)
    if article is None:
        return ""
    before = [s for s in article.sentences if s.end <= item.start and not s.boilerplate]
    return before[-1].text if before else ""


def measure(name: str, outline: Path) -> Result:
    result = build_brief(outline, options=BuildOptions(cache=False))
    brief: Brief = result.brief
    analysed = {a.article.doc: a for a in result.analysed}
    out = Result(name)
    for section in brief.sections:
        by_speaker = section.kind in ("actor", "other_voices")
        for item in section.items:
            out.items += 1
            problem = opening_problem(item, by_speaker, previous_sentence(analysed, item))
            if problem:
                out.problems.setdefault(problem, []).append(f"[{section.id}] {item.text[:90]}")
    # (a point of contention may restate a theme's statement beside its denial)
    placed = [(s.id, s.kind, it) for s in brief.sections for it in s.items
              if s.kind != "contention"]
    space = TermSpace([terms(it.text) for _, _, it in placed])
    sims = overlap(space.matrix, space.matrix) if placed else None
    for (a, b) in itertools.combinations(range(len(placed)), 2):
        same = (placed[a][2].doc, placed[a][2].start) == (placed[b][2].doc, placed[b][2].start)
        if not (same or sims[a, b] >= NEAR_DUPLICATE):
            continue
        line = f"[{placed[a][0]}] {placed[a][2].text[:60]!r} ~ [{placed[b][0]}] " \
               f"{placed[b][2].text[:60]!r}"
        out.pairs.append(line)
        if placed[a][1] == placed[b][1] == "theme" and placed[a][0] != placed[b][0]:
            out.repeats.append(line)
    return out


def corpora(data: Path, tmp: Path) -> list[tuple[str, Path]]:
    found = [("demo", DEMO)]
    for corpus in CORPORA:
        folder = Corpus.folder(corpus, data, tmp)
        if folder is None:
            print(f"{corpus.name}: its data is not in {data}; skipped", file=sys.stderr)
            continue
        found.append((corpus.name, write_outline(corpus, folder, tmp)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--details", action="store_true", help="list every finding")
    args = parser.parse_args(argv)
    print("| brief | items | opens leaning on context | connective | pronoun | reference "
          "| surname | repeats across themes | near-duplicate pairs |")
    print("|---|---|---|---|---|---|---|---|---|")
    results = []
    with tempfile.TemporaryDirectory(prefix="brief-standalone-") as name:
        for label, outline in corpora(args.data, Path(name)):
            r = measure(label, outline)
            results.append(r)
            share = r.count() / r.items if r.items else 0.0
            kinds = [len(r.problems.get(k, [])) for k in ("connective", "pronoun",
                                                           "reference", "surname")]
            print(f"| {label} | {r.items} | {r.count()} ({share:.1%}) | "
                  + " | ".join(map(str, kinds)) + f" | {len(r.repeats)} | {len(r.pairs)} |")
    total = sum(r.items for r in results)
    bad = sum(r.count() for r in results)
    print(f"\nall: {bad}/{total} items ({bad / max(total, 1):.1%}) open leaning on context")
    if args.details:
        for r in results:
            print(f"\n## {r.name}")
            for kind, lines in r.problems.items():
                for line in lines:
                    print(f"  {kind}: {line}")
            for line in r.pairs:
                print(f"  near-duplicate: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
