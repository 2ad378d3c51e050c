"""`brief init` on corpora it has never seen (issue 17).

    .venv/bin/python benchmarks/init.py [../shared/eval] [--topics D0614E D0631D]

* Demo: `brief init` on `corpus/pakistan-taliban`, built unchanged, against the
  hand-written demo outline: the share of the hand brief's theme items that the
  drafted themes select too, each hand theme's closest drafted theme (items shared),
  and whether the drafted actors hold the members the hand outline lists (contained:
  a member of some drafted actor; together: in the drafted actor that holds most of
  its hand actor's members).
* DUC 2006 topics: ROUGE-2 recall (benchmarks/duc.py: 250 words, four references) of
  a one-theme brief whose query is the topic's own (title and narrative), against the
  same brief with the drafted queries unchanged: the largest drafted theme's query,
  and all drafted queries joined.

The DUC data is read from ../shared and never copied into the repository.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.duc import SUMMARY_WORDS, first_words, score, summarise  # noqa: E402
from pipeline.cli import main as brief_main  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval"
DEMO_OUTLINE = REPO / "briefs" / "pakistan-taliban.yaml"
DEFAULT_TOPICS = ("D0614E", "D0631D")


def run(*argv: str) -> None:
    err = io.StringIO()
    if brief_main(list(argv), stdout=io.StringIO(), stderr=err) != 0:
        raise SystemExit(f"brief {' '.join(argv)} failed: {err.getvalue()}")


def drafted(corpus: Path, folder: Path) -> dict:
    outline = folder / "brief.yaml"
    run("init", str(corpus), "-o", str(outline), "--force", "-q")
    return {"path": outline, "data": yaml.safe_load(outline.read_text(encoding="utf-8"))}


def theme_items(brief_json: Path) -> dict[str, set[tuple[str, int]]]:
    data = json.loads(brief_json.read_text(encoding="utf-8"))
    return {s["id"]: {(i["doc"], i["start"]) for i in s["items"]}
            for s in data["sections"] if s["kind"] in ("theme", "key_points")}


def demo(folder: Path) -> None:
    draft = drafted(REPO / "corpus" / "pakistan-taliban", folder)
    mine, hand = folder / "drafted.json", folder / "hand.json"
    run("build", str(draft["path"]), "--format", "json", "-o", str(mine), "-q")
    run("build", str(DEMO_OUTLINE), "--format", "json", "-o", str(hand), "-q")
    drafted_items, hand_items = theme_items(mine), theme_items(hand)
    every_drafted = set().union(*drafted_items.values())
    every_hand = set().union(*hand_items.values())
    shared = every_hand & every_drafted
    print(f"demo: {len(draft['data']['themes'])} drafted themes; hand brief theme and key "
          f"point items also in the drafted brief: {len(shared)}/{len(every_hand)} "
          f"({len(shared) / len(every_hand):.0%})")
    titles = {t["id"]: t["title"] for t in draft["data"]["themes"]}
    for hand_id, items in hand_items.items():
        if hand_id == "key_points":
            continue
        best = max(drafted_items, key=lambda d: (len(items & drafted_items[d]), d))
        print(f"  {hand_id:<12} {len(items & every_drafted)}/{len(items)} in the drafted "
              f"brief; closest drafted theme '{titles.get(best, best)}' "
              f"({len(items & drafted_items[best])} items)")
    _members(draft["data"])


def _members(data: dict) -> None:
    hand = yaml.safe_load(DEMO_OUTLINE.read_text(encoding="utf-8"))
    placed = {m["name"]: a["id"] for a in data["actors"] for m in a.get("members", [])}
    contained = together = total = 0
    for actor in hand["actors"]:
        names = [m["name"] for m in actor.get("members", [])]
        homes = Counter(placed[n] for n in names if n in placed)
        home = homes.most_common(1)[0][0] if homes else None
        total += len(names)
        contained += sum(n in placed for n in names)
        together += sum(placed.get(n) == home for n in names if home)
        missing = [n for n in names if n not in placed]
        print(f"  actor {actor['id']:<20} members {len(names)}: in a drafted actor "
              f"{sum(n in placed for n in names)}, in '{home}' {homes[home] if home else 0}"
              + (f"; missing {missing}" if missing else ""))
    print(f"demo members: contained {contained}/{total}, together with their hand actor's "
          f"majority {together}/{total}")


def duc(data: Path, topics: Sequence[str], folder: Path) -> None:
    print("\n| topic | own query | largest drafted theme | all drafted queries |")
    print("|---|---|---|---|")
    cache = folder / "analysis.sqlite"
    for name in topics:
        topic = data / "duc2006" / name
        if not (topic / "docs").is_dir():
            print(f"| {name} | (absent) | | |")
            continue
        title, narrative = (topic / "query.txt").read_text(encoding="utf-8").splitlines()[:2]
        draft = drafted(topic / "docs", folder / name)
        queries = [t["query"] for t in draft["data"]["themes"]]
        refs = [p.read_text(encoding="utf-8") for p in sorted((topic / "refs").glob("*.txt"))]
        scores = [_rouge2(topic, query, folder, cache, refs)
                  for query in (f"{title}. {narrative}", queries[0], " ".join(queries))]
        print(f"| {name} | {scores[0]:.2f} | {scores[1]:.2f} | {scores[2]:.2f} |")


def _rouge2(topic: Path, query: str, folder: Path, cache: Path, refs: list[str]) -> float:
    outline = {"title": topic.name, "corpus": str((topic / "docs").resolve()), "actors": [],
               "layout": {"key_points": 0},
               "themes": [{"id": "topic", "title": topic.name, "query": query,
                           "max_words": SUMMARY_WORDS}]}
    path = folder / f"{topic.name}.q.json"
    path.write_text(json.dumps(outline), encoding="utf-8")
    sentences, _ = summarise(path, folder, cache)
    return score(first_words(sentences), refs)["rouge2"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--topics", nargs="+", default=list(DEFAULT_TOPICS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        demo(Path(tmp))
        if (args.data / "duc2006").is_dir():
            duc(args.data, args.topics, Path(tmp))
        else:
            print(f"\n{args.data / 'duc2006'} absent: DUC topics skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
