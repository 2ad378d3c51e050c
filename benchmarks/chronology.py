"""The chronology on dated newswire: DUC 2006 topics D0609I and D0614E (issue 16).

    .venv/bin/python benchmarks/chronology.py [../shared/eval] [--entries 15] [--list]

Each topic's articles are copied to a temporary folder with a `sources.yaml` giving
each its publication date, read from the DUC document id as a user would write it
(`NYT19981122.0106` -> 1998-11-22); the outline is the topic's outline of
`benchmarks/speakers/` with `layout.chronology: {entries: N}`. Reported per topic: the
sentences of the corpus that name a date the chronology could use, the entries, and the
entries judged by hand (`benchmarks/chronology/judged.yaml`: per entry, a digest of its
text, the date it was given and whether that date is the one the sentence's event
happened at, at the stated precision; the texts themselves stay in ../shared). Entries
not yet judged are listed with `--list` for judging.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.build import BuildOptions, build_brief, number_sources  # noqa: E402
from pipeline.select import gather  # noqa: E402
from pipeline.select.chronology import event_date  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval"
TOPICS = ("d0609i", "d0614e")
JUDGED = REPO / "benchmarks" / "chronology" / "judged.yaml"
DOC_DATE = re.compile(r"^[A-Z]{3}(\d{4})(\d{2})(\d{2})\.")


def digest(text: str) -> str:
    return "h:" + hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def corpus_with_dates(docs: Path, target: Path) -> Path:
    target.mkdir()
    entries = {}
    for path in sorted(docs.glob("*.txt")):
        shutil.copy(path, target / path.name)
        found = DOC_DATE.match(path.name)
        if found:
            entries[path.name] = {"date": "-".join(found.groups())}
    (target / "sources.yaml").write_text(yaml.safe_dump(entries), encoding="utf-8")
    return target


def outline_for(topic: str, corpus: Path, tmp: Path, entries: int) -> Path:
    data = yaml.safe_load((REPO / "benchmarks" / "speakers" / f"{topic}.yaml")
                          .read_text(encoding="utf-8"))
    data["corpus"] = str(corpus)
    data["layout"] = {**data.get("layout", {}), "chronology": {"entries": entries}}
    path = tmp / f"{topic}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--entries", type=int, default=15)
    parser.add_argument("--list", action="store_true", help="print the entries to judge")
    args = parser.parse_args(argv)
    judged = yaml.safe_load(JUDGED.read_text(encoding="utf-8")) if JUDGED.is_file() else {}
    judged = judged or {}
    print("| topic | articles | sentences naming a usable date | entries | judged | right |")
    print("|---|---|---|---|---|---|")
    totals = [0, 0]
    with tempfile.TemporaryDirectory(prefix="brief-chronology-") as name:
        tmp = Path(name)
        for topic in TOPICS:
            docs = args.data / "duc2006" / topic.upper() / "docs"
            if not docs.is_dir():
                print(f"{topic}: its data is not in {args.data}; skipped", file=sys.stderr)
                continue
            corpus = corpus_with_dates(docs, tmp / topic)
            result = build_brief(outline_for(topic, corpus, tmp, args.entries),
                                 options=BuildOptions(cache=False))
            numbers = {s.doc: s.n for s in number_sources(result.analysed)}
            dated = sum(1 for c in gather(result.analysed, numbers)
                        if c.standalone and event_date(c) is not None)
            events = next(s for s in result.brief.sections if s.kind == "chronology").items
            verdicts = [judged.get(digest(e.text), {}) for e in events]
            seen = [v for v, e in zip(verdicts, events, strict=True)
                    if v.get("date") == e.date]
            right = sum(1 for v in seen if v.get("right"))
            totals[0] += len(seen)
            totals[1] += right
            print(f"| {topic.upper()} | {len(result.analysed)} | {dated} | {len(events)} | "
                  f"{len(seen)} | {right} |")
            if args.list:
                for e, v in zip(events, verdicts, strict=True):
                    if v.get("date") != e.date:
                        print(f"  {digest(e.text)} {e.date} ({e.date_precision}) "
                              f"published {e.published}: {e.text}")
    print(f"\njudged {totals[0]}, right {totals[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
