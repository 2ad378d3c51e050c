"""Attribution on PolNeAR: sentence-level detection and speaker match.

    .venv/bin/python benchmarks/attribution_polnear.py [../shared/eval/polnear]
        [--split dev|train|NAME] [--errors N] [--dump FILE]

`--split NAME` reads `NAME.jsonl` from the folder, so a held-out split in the
same format is measured the same way. `--errors N` prints N errors of each
kind; `--dump FILE` writes all of them as JSON lines (refused inside the repo).

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates attribution
relations (source, cue, content character spans) in US political news of
2016, reported speech and beliefs alike. The data is licensed for internal
evaluation only: it is read from `../shared/eval/polnear` and only ever
written to a temporary folder outside the repository.

How it is scored:

* Articles. One record per article: the first record of each article in the
  file (the "first annotator"), which in the released train and dev files is
  also the record with the lowest `annotator` value (checked at load time;
  `first_annotator_is_lowest` says whether that held).
* The real code path. Every article's `text` is written to a temporary corpus
  folder as `NNNN.txt`, encoded `utf-8-sig` (a BOM is written, so decoding
  with `utf-8-sig`, as `ingest` does, gives back exactly `text`, even one that
  starts with U+FEFF; the file is opened in binary so no newline translation
  happens). Every file is read back and compared to `text` before scoring.
  An outline beside it names the folder, no themes, no key points and the
  default actors, and `brief annotate OUTLINE --format jsonl --no-cache` runs
  in-process (`pipeline.cli.main`; no analysis cache is read or written, so
  nothing derived from PolNeAR is kept anywhere). Its sentence offsets index
  the same string as PolNeAR's spans (checked for every sentence).
* Gold. A sentence is gold-attributed when an attribution with a non-empty
  source has its cue starting inside it (start <= cue start < end; the cue
  start is the first character of its first span). Attributions whose cue
  starts in no sentence (between sentences) are counted as `unmapped`.
* Prediction. A sentence is predicted attributed when its `cue` is not null:
  in the contract of `Attribution` the cue is null exactly for a sentence with
  no attribution or for the continuation of a quote whose cue is in another
  sentence, so "cue not null" is "an attribution is cued in this sentence",
  the same thing the gold counts. (With "speaker not null", every correctly
  attributed continuation sentence would count as a false positive; that F1
  is printed too.) Boilerplate sentences (a headline, a credit line) are
  never attributed by the pipeline, so a gold-attributed boilerplate sentence
  counts as a miss; `gold_boilerplate` says how many.
* Detection: precision, recall and F1 over sentences.
* Speaker match, over gold-attributed sentences whose sources (of any
  attribution cued in the sentence) contain a capitalised word that is not a
  pronoun nor a closed-class word (`The`, `A`, `This`, `Nearly`, `Only` ...
  capitalised at a sentence start name no one; `FUNCTION_WORDS`): the
  predicted speaker contains one of those words (tokens compared with
  possessive `'s` and punctuation stripped).
  Sentences predicted unattributed count as misses. The literal variant
  (only pronouns excluded) is reported too as `speaker_match_literal`.
* Error categories: missed sentences by their gold cue, extra sentences by
  the predicted cue, speaker errors by kind (unattributed, another name, a
  descriptor, an unresolved pronoun); `by_cue` has true and false positives
  per predicted cue.

`score(path, split)` returns the figures as a dict; the tests call it.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.cli import main as brief_main  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval" / "polnear"

PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves who whom whose
one someone somebody anyone anybody everyone everybody nobody
""".split())
# Closed-class words (determiners, quantifiers, conjunctions, prepositions,
# approximators) that are capitalised only because they open a sentence: "The",
# "Nearly" in "Nearly eight of 10 voters", "Only" in "Only 52 percent".
FUNCTION_WORDS = frozenset("""
the a an this that these those some many most several all both each every any no other
another such and or but of in on at by for with from to as according while when if
nearly almost about around roughly approximately only just even more less least fewer
over under
""".split())

_WORD = re.compile(r"[^\s,;:()\[\]\"“”‘’`]+")


def _norm_word(token: str) -> str:
    token = token.replace("’", "'").strip(".,;:!?'\"-")
    if token.endswith("'s"):
        token = token[:-2]
    elif token.endswith("s'"):
        token = token[:-1]
    return token


def name_words(source: str, literal: bool = False) -> set[str]:
    """Capitalised, non-pronoun words of a gold source ("Trump's aides" -> {"Trump"})."""
    out: set[str] = set()
    for token in _WORD.findall(source):
        word = _norm_word(token)
        if not word or not word[0].isupper():
            continue
        lower = word.lower()
        if lower in PRONOUNS or (not literal and lower in FUNCTION_WORDS):
            continue
        out.add(word)
    return out


def speaker_words(speaker: str | None) -> set[str]:
    if not speaker:
        return set()
    return {w for w in (_norm_word(t) for t in _WORD.findall(speaker)) if w}


def load_records(path: Path, split: str) -> tuple[list[dict[str, Any]], bool]:
    """The first record of each article; and whether it is the lowest annotator every time."""
    first: dict[str, dict[str, Any]] = {}
    lowest: dict[str, str] = {}
    with (path / f"{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            article = record["article"]
            first.setdefault(article, record)
            if article not in lowest or record["annotator"] < lowest[article]:
                lowest[article] = record["annotator"]
    agrees = all(first[a]["annotator"] == lowest[a] for a in first)
    return list(first.values()), agrees


def write_corpus(records: list[dict[str, Any]], folder: Path) -> tuple[Path, dict[str, int]]:
    """Article files and the outline; returns the outline path and doc -> record index."""
    corpus = folder / "corpus"
    corpus.mkdir()
    docs: dict[str, int] = {}
    for k, record in enumerate(records):
        doc = f"{k:04d}"
        target = corpus / f"{doc}.txt"
        target.write_bytes(record["text"].encode("utf-8-sig"))
        if target.read_bytes().decode("utf-8-sig") != record["text"]:
            raise SystemExit(f"{record['article']}: the written file does not decode to text")
        docs[doc] = k
    outline = folder / "outline.json"
    outline.write_text(json.dumps({
        "title": "PolNeAR", "corpus": str(corpus), "themes": [],
        "layout": {"key_points": 0},
    }), encoding="utf-8")
    return outline, docs


def annotate(outline: Path) -> list[dict[str, Any]]:
    """`brief annotate OUTLINE --format jsonl`, in-process."""
    out, err = io.StringIO(), io.StringIO()
    code = brief_main(["annotate", str(outline), "--format", "jsonl", "--no-cache", "-q"],
                      stdout=out, stderr=err)
    if code != 0:
        raise SystemExit(f"brief annotate failed ({code}): {err.getvalue()}")
    rows = [json.loads(line) for line in out.getvalue().splitlines() if line]
    # PolNeAR marks the source span the sentence writes, so the attributor's words are
    # scored (`speaker_text`), not the corpus-wide canonical name ("Barack Obama" for
    # "the president", "Pakistani officials" for "Pakistan"), which is right more often
    # than its words overlap the span
    for row in rows:
        row["canonical_speaker"] = row["speaker"]
        row["speaker"] = row.get("speaker_text") or row["speaker"]
    return rows


def _cue_key(cue: str | None) -> str:
    """A short category for a cue: its first two words, lowercased."""
    if not cue:
        return "(none)"
    words = re.findall(r"[^\s]+", cue.lower())
    return " ".join(words[:2]) if words else cue.lower()


def score(path: Path | str = DEFAULT_DATA, split: str = "dev") -> dict[str, Any]:
    """Run the benchmark on one split; return the figures and the errors."""
    path = Path(path)
    records, agrees = load_records(path, split)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="polnear-") as tmp:
        outline, docs = write_corpus(records, Path(tmp))
        rows = annotate(outline)
    seconds = time.perf_counter() - began

    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)

    tp = fp = fn = 0
    gold_boilerplate = unmapped = 0
    speaker_total = speaker_ok = literal_total = literal_ok = 0
    missed_cues: collections.Counter[str] = collections.Counter()
    extra_cues: collections.Counter[str] = collections.Counter()
    speaker_kinds: collections.Counter[str] = collections.Counter()
    errors: list[dict[str, Any]] = []
    speaker_counts: collections.Counter[tuple[bool, bool]] = collections.Counter()
    by_cue: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])  # cue -> [tp, fp]
    sentences = 0
    for doc, k in docs.items():
        record = records[k]
        text = record["text"]
        doc_rows = sorted(by_doc.get(doc, []), key=lambda r: r["start"])
        sentences += len(doc_rows)
        for row in doc_rows:
            assert text[row["start"]:row["end"]] == row["text"], (record["article"], row)
        starts = [r["start"] for r in doc_rows]
        gold: dict[int, list[dict[str, Any]]] = collections.defaultdict(list)
        for attribution in record["attributions"]:
            source = " ".join(s["text"] for s in attribution["source"] if s["text"].strip())
            cues = sorted(attribution["cue"], key=lambda s: s["start"])
            if not source or not cues:
                continue
            at = cues[0]["start"]
            i = bisect.bisect_right(starts, at) - 1
            if i < 0 or not (doc_rows[i]["start"] <= at < doc_rows[i]["end"]):
                unmapped += 1
                continue
            gold[i].append({"source": source, "cue": " ".join(c["text"] for c in cues)})
        for i, row in enumerate(doc_rows):
            predicted = row["cue"] is not None
            by_speaker = row["speaker"] is not None
            attributions = gold.get(i, [])
            speaker_counts[(bool(attributions), by_speaker)] += 1
            if attributions and row["boilerplate"]:
                gold_boilerplate += 1
            if predicted:
                by_cue[_cue_key(row["cue"])][0 if attributions else 1] += 1
            if attributions and predicted:
                tp += 1
            elif attributions:
                fn += 1
                for a in attributions:
                    missed_cues[_cue_key(a["cue"])] += 1
                errors.append({"kind": "missed", "article": record["article"],
                               "start": row["start"], "text": row["text"],
                               "boilerplate": row["boilerplate"], "speaker": row["speaker"],
                               "gold": [(a["source"], a["cue"]) for a in attributions]})
            elif predicted:
                fp += 1
                extra_cues[_cue_key(row["cue"])] += 1
                errors.append({"kind": "extra", "article": record["article"],
                               "start": row["start"], "text": row["text"],
                               "speaker": row["speaker"], "cue": row["cue"]})
            if not attributions:
                continue
            words = set().union(*(name_words(a["source"]) for a in attributions))
            literal = set().union(*(name_words(a["source"], True) for a in attributions))
            got = speaker_words(row["speaker"])
            if literal:
                literal_total += 1
                literal_ok += bool(got & literal)
            if not words:
                continue
            speaker_total += 1
            if got & words:
                speaker_ok += 1
                continue
            if not predicted:
                kind = "unattributed"
            elif row["speaker"].lower() in PRONOUNS:
                kind = "unresolved pronoun"
            elif any(w[:1].isupper() for w in got - {"The", "A", "An"}):
                kind = "other name"
            else:
                kind = "descriptor"
            speaker_kinds[kind] += 1
            if predicted:
                errors.append({"kind": "speaker", "article": record["article"],
                               "start": row["start"], "text": row["text"],
                               "speaker": row["speaker"], "cue": row["cue"],
                               "gold": [(a["source"], a["cue"]) for a in attributions]})

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    # the same with "speaker not null" as the prediction (continuations count)
    sp_tp, sp_fp = speaker_counts[(True, True)], speaker_counts[(False, True)]
    sp_p, sp_r = ratio(sp_tp, sp_tp + sp_fp), ratio(sp_tp, tp + fn)
    return {
        "split": split,
        "articles": len(records),
        "first_annotator_is_lowest": agrees,
        "sentences": sentences,
        "gold_attributed": tp + fn,
        "predicted_attributed": tp + fp,
        "tp": tp, "fp": fp, "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": ratio(2 * precision * recall, precision + recall),
        "f1_speaker_not_null": ratio(2 * sp_p * sp_r, sp_p + sp_r),
        "continuations": sum(v for (g, s), v in speaker_counts.items() if s) - tp - fp,
        "gold_boilerplate": gold_boilerplate,
        "unmapped": unmapped,
        "speaker_total": speaker_total,
        "speaker_ok": speaker_ok,
        "speaker_match": ratio(speaker_ok, speaker_total),
        "speaker_match_literal": ratio(literal_ok, literal_total),
        "speaker_errors": dict(speaker_kinds.most_common()),
        "missed_cues": dict(missed_cues.most_common(25)),
        "extra_cues": dict(extra_cues.most_common(25)),
        "by_cue": dict(by_cue),
        "seconds": seconds,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev",
                        help="split name: reads NAME.jsonl from PATH (default: dev)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per kind")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write every error as JSON lines to this file (outside the repo)")
    args = parser.parse_args(argv)
    if not (args.path / f"{args.split}.jsonl").is_file():
        print(f"no {args.split}.jsonl in {args.path}", file=sys.stderr)
        return 2
    r = score(args.path, args.split)
    print(f"PolNeAR {r['split']}: {r['articles']} articles (first annotator"
          f"{', = lowest id' if r['first_annotator_is_lowest'] else ''}), "
          f"{r['sentences']} sentences, {r['seconds']:.1f} s")
    print(f"gold attributed {r['gold_attributed']} (boilerplate {r['gold_boilerplate']}, "
          f"unmapped cues {r['unmapped']}), predicted {r['predicted_attributed']}")
    print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  "
          f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
    print(f"  (speaker not null as the prediction, continuations included: "
          f"F1 {r['f1_speaker_not_null']:.3f}; {r['continuations']} continuation sentences)")
    print(f"speaker match {r['speaker_match']:.3f} ({r['speaker_ok']}/{r['speaker_total']}); "
          f"literal definition {r['speaker_match_literal']:.3f}")
    print(f"speaker errors: {r['speaker_errors']}")
    print(f"missed, by gold cue: {r['missed_cues']}")
    print(f"extra, by predicted cue: {r['extra_cues']}")
    if args.errors:
        for kind in ("missed", "extra", "speaker"):
            shown = [e for e in r["errors"] if e["kind"] == kind][:args.errors]
            print(f"--- {kind} ({sum(e['kind'] == kind for e in r['errors'])})")
            for e in shown:
                detail = {k: v for k, v in e.items() if k not in ("kind", "article", "text",
                                                                  "start")}
                print(f"  {e['text'][:160]!r}\n      {detail}")
    if args.dump is not None:
        if args.dump.resolve().is_relative_to(REPO):
            print("refusing to write PolNeAR text inside the repository", file=sys.stderr)
            return 2
        with args.dump.open("w", encoding="utf-8") as handle:
            for e in r["errors"]:
                handle.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
