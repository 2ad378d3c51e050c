"""Metadata without a sources.yaml: titles, dates and outlets brief reads from the
files themselves, scored against the gold of three evaluation sets.

    .venv/bin/python benchmarks/metadata.py [../shared/eval] [--split dev|train|all]
                                            [--examples N]

Every file goes through `pipeline.ingest.describe.describe` in-process (what `brief
extract` shows and a build merges), with no sources.yaml beside it, so every value
comes from the file's own metadata or its text. The data is licensed for internal
evaluation only: it is read from ../shared/eval and only ever written to a temporary
folder outside the repository.

Comparisons. A title is *exact* when it equals the gold title with whitespace
collapsed; it is *found* when their words (runs of letters and digits, casefolded)
are the same, or when the shorter of the two, of at least 3 words, starts the
longer (a title cut at 120 characters, a headline whose deck the text leaves out);
any other title is *false* (typically the first sentence of the story taken as its
headline). A date is right when it equals the gold day (YYYY-MM-DD). Outlets are
compared by name after casefolding.

* PolNeAR (`polnear/`, `--split`, default dev: the 84 articles of `dev.jsonl`; all:
  the 924 of train and dev): each article's `text` is written to a temporary folder
  as `NNNN.txt` (a neutral name: nothing is read from the article id, which holds
  the publisher and date) and described there. Gold: `metadata.tsv` (title,
  publication_date, publisher, wire). What the texts contain decides what is fair:
  the first line is the headline, to which PolNeAR's preparation added a full stop
  (so a headline ending in a quotation mark reads `'Terrifying.'` where the gold
  says `'Terrifying'`: found, not exact), and some USA Today headlines are cut at
  their `;`; no text states its publication date or its publisher, and a few wire
  stories credit the agency in their dateline ("WASHINGTON (AP) —"). So: titles are
  scored; dates are reported, none being the expected answer; the outlet is right
  when it is the publisher or, for the articles whose `wire` column names an
  agency, that agency; any other outlet is false.
* DUC 2006 (`duc2006/*/docs/*.txt`, all 1,250 articles, described where they lie):
  the body text of newswire stories (APW: Associated Press, XIE: Xinhua, NYT: the
  New York Times news service), gold headline and date in each topic's
  `meta.json`. The texts carry no headline, so a title is either the real headline
  (found, as above) or false (counted apart, not judged, where `meta.json` gives no
  headline); the outlet expected from a wire dateline is the
  agency of the DOCNO's source (APW: Associated Press, XIE: Xinhua News Agency;
  NYT stories have no agency credit, so none is expected); dates (which the texts
  do not state; brief reads them from the file names, named by their DOCNO) are
  compared with the gold day, read month first where the gold writes "08/12/1998".
  The table also counts the leads whose dateline holds a credit in
  brackets, "(AP)" or "(Xinhua)", the most a dateline reader can find.
* Web pages (`html/evaldata.json`, the pages that give a title, date or author):
  page metadata (trafilatura's), then the text. Title exact / found / false / none,
  date right, author found (the gold's names all in brief's author, casefolded).

`--examples N` prints up to N wrong values of each kind (default 5).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.errors import UserError  # noqa: E402
from pipeline.ingest.describe import describe  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval"
MIN_PREFIX_WORDS = 3  # a shorter title must have this many words to match as a prefix
DUC_AGENCIES = {"APW": "Associated Press", "XIE": "Xinhua News Agency", "NYT": ""}
# "PHOENIX (AP) --", "BEIJING, May 3 (Xinhua) --": a credit in brackets in a lead's
# first 80 characters, before the dash that ends a dateline.
DATELINE_CREDIT = re.compile(r"^[^\n]{0,80}?\((AP|Xinhua)\)\s*(?:--|_|—|-)", re.IGNORECASE)
# The agencies PolNeAR's `wire` column names, as an outlet is written out.
WIRE_NAMES = {"ap": "associated press", "upi": "united press international",
              "reuters": "reuters", "afp": "agence france-presse"}
WORD = re.compile(r"\w+")



US_GOLD_DAY = re.compile(r"(\d\d)/(\d\d)/(\d{4})")


def gold_day(value: str) -> str:
    """The gold's day as YYYY-MM-DD: DUC's meta.json writes most dates year first and
    some US style, month first ("08/12/1998 ...")."""
    if match := US_GOLD_DAY.match(value):
        month, day, year = match.groups()
        return f"{year}-{month}-{day}"
    return value[:10]

def normalised(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def title_verdict(found: str, gold: str) -> str:
    """exact, found, false or none (see the module's docstring)."""
    if not found:
        return "none"
    if normalised(found) == normalised(gold):
        return "exact"
    mine, theirs = words(found), words(gold)
    short, long = sorted((mine, theirs), key=len)
    if mine == theirs or (len(short) >= MIN_PREFIX_WORDS and long[:len(short)] == short):
        return "found"
    return "false"


@dataclass
class Tally:
    """Counts of verdicts per field, and a few examples of each wrong one."""

    limit: int
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, key: str, verdict: str, example: str = "") -> None:
        self.counts[key, verdict] += 1
        if example and len(self.examples.setdefault((key, verdict), [])) < self.limit:
            self.examples[key, verdict].append(example)

    def share(self, key: str, verdicts: Iterable[str], total: int) -> str:
        count = sum(self.counts[key, v] for v in verdicts)
        return f"{count / total:.1%} ({count})" if total else "-"

    def show_examples(self) -> None:
        for (key, verdict), shown in sorted(self.examples.items()):
            print(f"\n{key} {verdict} ({self.counts[key, verdict]}), for example:")
            for line in shown:
                print(f"- {line}")


def _lead(description: Any) -> str:
    """The first sentence the clean stage kept as body text, shortened."""
    first = next((s.text for s in description.sentences if not s.boilerplate), "")
    return first[:90]


def _origin(meta: Any, key: str) -> str:
    return dict(meta.origins).get(key, "")


def described(path: Path) -> Any:
    """The description of a file, None when describe raises (counted apart)."""
    try:
        return describe(path)
    except UserError:
        return None


# PolNeAR -----------------------------------------------------------------------------


def polnear_articles(folder: Path, split: str) -> list[tuple[str, str]]:
    """(article id, text) of the first record of each article of the split."""
    names = ["train", "dev"] if split == "all" else [split]
    articles: dict[str, str] = {}
    for name in names:
        with (folder / f"{name}.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                articles.setdefault(record["article"], record["text"])
    return list(articles.items())


def polnear(folder: Path, split: str, limit: int) -> None:
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        gold = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    articles = polnear_articles(folder, split)
    tally = Tally(limit)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, (article, text) in enumerate(articles):
            path = Path(tmp) / f"{number:04d}.txt"
            path.write_bytes(text.encode("utf-8"))
            description = described(path)
            if description is None:
                failed += 1
                continue
            row, meta = gold[article], description.meta
            verdict = title_verdict(meta.title, row["title"])
            tally.add("title", verdict, f"{article}: {meta.title!r} (gold {row['title']!r})"
                      if verdict in ("false", "none") else "")
            date = "none" if not meta.date else (
                "right" if meta.date == row["publication_date"] else "wrong")
            tally.add("date", date, f"{article}: {meta.date}" if date == "wrong" else "")
            wire = row["wire"] if row["wire"] not in ("None", "NA", "") else ""
            tally.add("wire", "credited" if wire else "not credited")
            outlet = meta.outlet.casefold()
            if not outlet:
                verdict = "none, wire story" if wire else "none"
            elif outlet == row["publisher"].casefold().replace("-", " "):
                verdict = "publisher"
            elif wire and outlet in (wire.casefold(), WIRE_NAMES.get(wire.casefold())):
                verdict = "agency"
            else:
                verdict = "false"
            tally.add("outlet", verdict, f"{article}: {meta.outlet!r} (publisher "
                      f"{row['publisher']}, wire {row['wire']}); lead "
                      f"{_lead(description)!r}"
                      if verdict in ("false", "none, wire story") else "")
            if wire:
                tally.add("outlet of credited", verdict)
    total = len(articles) - failed
    credited = tally.counts["wire", "credited"]
    print(f"\nPolNeAR, {split} ({total} articles; describe raised on {failed})\n")
    print("| title exact | title found | false title | no title | date right | date wrong "
          "| no date | outlet found | false outlet | agency of credited wire stories |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {tally.share('title', ['exact'], total)} "
          f"| {tally.share('title', ['exact', 'found'], total)} "
          f"| {tally.share('title', ['false'], total)} | {tally.share('title', ['none'], total)} "
          f"| {tally.share('date', ['right'], total)} | {tally.share('date', ['wrong'], total)} "
          f"| {tally.share('date', ['none'], total)} "
          f"| {tally.share('outlet', ['publisher', 'agency'], total)} "
          f"| {tally.share('outlet', ['false'], total)} "
          f"| {tally.counts['outlet of credited', 'agency']}/{credited} |")
    tally.show_examples()


# DUC 2006 ----------------------------------------------------------------------------


def duc(folder: Path, limit: int) -> None:
    files = sorted(folder.glob("*/docs/*.txt"))
    tally = Tally(limit)
    per_source: Counter[tuple[str, str]] = Counter()
    failed = 0
    for path in files:
        gold = json.loads((path.parent.parent / "meta.json").read_text(encoding="utf-8"))
        entry = gold.get(path.stem, {})
        source = path.name[:3]
        description = described(path)
        if description is None:
            failed += 1
            continue
        meta = description.meta
        verdict = title_verdict(meta.title, entry.get("headline", ""))
        kind = {"exact": "headline", "found": "headline"}.get(verdict, verdict)
        if kind == "false" and not entry.get("headline"):
            kind = "unknown"  # a title where the gold gives no headline: not judged
        tally.add("title", kind, f"{path.name}: {meta.title!r} (headline "
                  f"{entry.get('headline', '')!r})" if kind == "false" else "")
        day = gold_day(entry.get("date", ""))
        date = "none" if not meta.date else ("right" if meta.date == day else "wrong")
        tally.add("date", date, f"{path.name}: {meta.date} (gold {day})"
                  if date == "wrong" else "")
        expected = DUC_AGENCIES.get(source, "")
        if not meta.outlet:
            outlet = "none"
        elif expected and meta.outlet.casefold() == expected.casefold():
            outlet = "agency"
        else:
            outlet = "other"
        lead = description.text.lstrip()[:200]
        credited = bool(DATELINE_CREDIT.match(lead))
        tally.add("outlet", "none, lead credits the agency" if outlet == "none" and credited
                  else outlet, f"{path.name}: {meta.outlet!r}; lead {lead[:90]!r}"
                  if outlet == "other" or (outlet == "none" and credited) else "")
        per_source[source, "articles"] += 1
        per_source[source, outlet] += 1
        per_source[source, "credited"] += credited
    total = len(files) - failed
    print(f"\nDUC 2006 ({total} articles; describe raised on {failed})\n")
    print("| real headline | false title | title, no gold headline | no title | date right "
          "| date wrong | no date |\n|---|---|---|---|---|---|---|")
    print(f"| {tally.share('title', ['headline'], total)} "
          f"| {tally.share('title', ['false'], total)} "
          f"| {tally.share('title', ['unknown'], total)} | {tally.share('title', ['none'], total)} "
          f"| {tally.share('date', ['right'], total)} | {tally.share('date', ['wrong'], total)} "
          f"| {tally.share('date', ['none'], total)} |")
    print("\n| source | articles | lead credits the agency | outlet = agency | other outlet "
          "| no outlet |\n|---|---|---|---|---|---|")
    for source in sorted({s for s, _ in per_source}):
        print(f"| {source} ({DUC_AGENCIES.get(source) or 'no agency credit'}) "
              f"| {per_source[source, 'articles']} | {per_source[source, 'credited']} "
              f"| {per_source[source, 'agency']} | {per_source[source, 'other']} "
              f"| {per_source[source, 'none']} |")
    tally.show_examples()


# Web pages ---------------------------------------------------------------------------


def authors_found(found: str, gold: str) -> bool:
    """Every name of the gold author (split at ";", ",", " and ") in `found`."""
    names = [n for n in re.split(r";|,| and ", gold) if n.strip()]
    have = " ".join(words(found))
    return bool(names) and all(" ".join(words(n)) in have for n in names)


def pages(folder: Path, limit: int) -> None:
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    tally = Tally(limit)
    totals: Counter[str] = Counter()
    failed = 0
    for entry in entries.values():
        golds = {k: entry.get(k) or "" for k in ("title", "date", "author")}
        if isinstance(golds["author"], list):  # some entries list the authors
            golds["author"] = "; ".join(golds["author"])
        if not any(golds.values()):
            continue
        description = described(folder / entry["file"])
        if description is None:
            failed += 1
            continue
        meta = description.meta
        if golds["title"]:
            totals["title"] += 1
            verdict = title_verdict(meta.title, golds["title"])
            tally.add("page title", verdict, f"{entry['file']}: {meta.title!r} from "
                      f"{_origin(meta, 'title')} (gold {golds['title']!r})"
                      if verdict in ("false", "none") else "")
        if golds["date"]:
            totals["date"] += 1
            date = "none" if not meta.date else (
                "right" if meta.date == golds["date"][:10] else "wrong")
            tally.add("page date", date, f"{entry['file']}: {meta.date} from "
                      f"{_origin(meta, 'date')} (gold {golds['date']})"
                      if date == "wrong" else "")
        if golds["author"]:
            totals["author"] += 1
            author = ("none" if not meta.author else
                      "found" if authors_found(meta.author, golds["author"]) else "wrong")
            tally.add("page author", author, f"{entry['file']}: {meta.author!r} from "
                      f"{_origin(meta, 'author')} (gold {golds['author']!r})"
                      if author == "wrong" else "")
    print(f"\nWeb pages ({totals['title']} with a gold title, {totals['date']} with a "
          f"date, {totals['author']} with an author; describe raised on {failed})\n")
    print("| title exact | title found | false title | no title | date right | date wrong "
          "| author found | author wrong |\n|---|---|---|---|---|---|---|---|")
    print(f"| {tally.share('page title', ['exact'], totals['title'])} "
          f"| {tally.share('page title', ['exact', 'found'], totals['title'])} "
          f"| {tally.share('page title', ['false'], totals['title'])} "
          f"| {tally.share('page title', ['none'], totals['title'])} "
          f"| {tally.share('page date', ['right'], totals['date'])} "
          f"| {tally.share('page date', ['wrong'], totals['date'])} "
          f"| {tally.share('page author', ['found'], totals['author'])} "
          f"| {tally.share('page author', ['wrong'], totals['author'])} |")
    tally.show_examples()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev",
                        help="the PolNeAR articles to describe (default dev, 84 articles)")
    parser.add_argument("--examples", type=int, default=5, metavar="N",
                        help="wrong values shown per kind (default 5)")
    args = parser.parse_args(argv)
    ran = False
    if (args.data / "polnear" / "metadata.tsv").is_file():
        polnear(args.data / "polnear", args.split, args.examples)
        ran = True
    if any((args.data / "duc2006").glob("*/meta.json")):
        duc(args.data / "duc2006", args.examples)
        ran = True
    if (args.data / "html" / "evaldata.json").is_file():
        pages(args.data / "html", args.examples)
        ran = True
    if not ran:
        print(f"no PolNeAR, DUC 2006 or web page data under {args.data}; skipping",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
