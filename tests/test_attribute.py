"""Attribution stage: who said what, on small hand-made texts and on the gold.

The hand-made texts are cases in tests/cases/attribution.yaml (its header gives the
schema), all run by `test_attribute_case`. They are split by a small splitter here (one
block per line), so these tests depend only on `pipeline.attribute`, `pipeline.models`
and `pipeline.outline`, not on the clean stage being written alongside.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks import attribution_gold
from pipeline.attribute import attribute, cue_carries_meaning, is_statement, reports_speech
from pipeline.models import NO_ATTRIBUTION, Article, Attribution, Sentence, SourceMeta
from pipeline.outline import DEFAULT_ACTORS, Actor, load_outline

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "briefs" / "pakistan-taliban.yaml"
GOLD = ROOT / "tests" / "gold" / "attribution.yaml"
CASES = ROOT / "tests" / "cases" / "attribution.yaml"

# Tokens ending in "." that do not end a sentence in these texts.
_NO_BREAK = re.compile(r"(?:Mr|Ms|Mrs|Dr|Gen|Lt|St|[A-Z])\.$|(?:[A-Z]\.){2,}$")


def _split(text: str, boilerplate_lines: frozenset[int] = frozenset()) -> tuple[Sentence, ...]:
    """Sentences of `text`: one block per line, a break after . ! ? (and a closing quote)."""
    sentences: list[Sentence] = []

    def add(block: int, start: int, end: int) -> None:
        marked = block in boilerplate_lines
        sentences.append(Sentence("t", len(sentences), start, end, text[start:end], block,
                                  marked, "caption" if marked else ""))

    offset = 0
    for block, line in enumerate(text.split("\n")):
        start = None
        for m in re.finditer(r"\S+", line):
            if start is None:
                start = m.start()
            token = m.group()
            if re.search(r"[.!?](?:[”\"]|'')?$", token) and not _NO_BREAK.search(token):
                add(block, offset + start, offset + m.end())
                start = None
        if start is not None:
            add(block, offset + start, offset + len(line.rstrip()))
        offset += len(line) + 1
    return tuple(sentences)


def _run(text: str, actors: tuple[Actor, ...] | None = None,
         boilerplate_lines: frozenset[int] = frozenset()) -> list[tuple[str, Attribution]]:
    sentences = _split(text, boilerplate_lines)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    article = Article(doc="t", path="t.txt", text=text, meta=SourceMeta())
    result = attribute(article, sentences, actors if actors is not None else _demo_actors())
    assert len(result) == len(sentences)
    return [(s.text, a) for s, a in zip(sentences, result)]


def _demo_actors() -> tuple[Actor, ...]:
    return load_outline(OUTLINE).actors


def _find(rows: list[tuple[str, Attribution]], needle: str) -> Attribution:
    """The attribution of the one sentence containing `needle` ("": the only sentence)."""
    hits = [a for text, a in rows if needle in text]
    assert len(hits) == 1, f"{needle!r} matches {len(hits)} of {[text for text, _ in rows]}"
    return hits[0]


# --------------------------------------------------------------------------- cases

# The actor sets a case may name (`actors:`); "demo" when it names none.
ACTOR_SETS: dict[str, Callable[[], tuple[Actor, ...]]] = {
    "demo": _demo_actors,
    "DEFAULT_ACTORS": lambda: DEFAULT_ACTORS,
}
CASE_KEYS = frozenset({"name", "why", "text", "actors", "boilerplate_lines", "sentences",
                       "every_sentence", "expect"})
TEXT_FIELDS = ("speaker", "speaker_role", "cue", "actor")
# Fields compared with `is`: the attribution's flags, is_statement(), and whether the
# attribution differs from NO_ATTRIBUTION.
FLAG_FIELDS = ("quote", "act", "statement", "attributed")
NOT_CHECKS = frozenset({"sentence", "why"})


def _load_cases() -> list[Any]:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["name"]) for case in cases]


def _check_kind(key: str, want: object) -> tuple[str, str]:
    """The field a check `key: want` reads and how it compares: is, ==, contains, startswith.

    Raises ValueError for a key that is no check or a value of the wrong type.
    """
    for how in ("contains", "startswith"):
        field = key.removesuffix("_" + how)
        if field != key and field in TEXT_FIELDS:
            if not isinstance(want, str):
                raise ValueError(f"{key}: expected a string, got {want!r}")
            return field, how
    if key in TEXT_FIELDS:
        if want is not None and not isinstance(want, str):
            raise ValueError(f"{key}: expected a string or null, got {want!r}")
        return key, "is" if want is None else "=="
    if key in FLAG_FIELDS:
        if not isinstance(want, bool):
            raise ValueError(f"{key}: expected true or false, got {want!r}")
        return key, "is"
    raise ValueError(f"unknown check {key!r}; known: {TEXT_FIELDS + FLAG_FIELDS}, "
                     "and <text field>_contains / _startswith")


def _failures(a: Attribution, checks: dict[str, Any]) -> list[str]:
    """The checks of an expectation that `a` fails, each saying what it got."""
    failed = []
    for key, want in checks.items():
        if key in NOT_CHECKS:
            continue
        field, how = _check_kind(key, want)
        if field == "statement":  # its truth, as `not is_statement(a)` read it
            got: Any = bool(is_statement(a))
        elif field == "attributed":
            got = a != NO_ATTRIBUTION
        else:
            got = getattr(a, field)
        if how == "is":
            ok = got is want
        elif how == "==":
            ok = got == want
        elif how == "contains":
            ok = want in (got or "")
        else:
            ok = (got or "").startswith(want)
        if not ok:
            failed.append(f"{key}: expected {want!r}, got {got!r}")
    return failed


@pytest.mark.parametrize("case", _load_cases())
def test_attribute_case(case: dict[str, Any]) -> None:
    """One case of tests/cases/attribution.yaml: every check of every sentence named."""
    names = case.get("actors", "demo")
    failures: list[str] = []
    for name in [names] if isinstance(names, str) else names:
        rows = _run(case["text"], ACTOR_SETS[name](),
                    frozenset(case.get("boilerplate_lines", ())))
        where = "" if isinstance(names, str) else f"[actors {name}] "
        if "sentences" in case and len(rows) != case["sentences"]:
            failures.append(f"{where}{len(rows)} sentences, expected {case['sentences']}")
        for text, a in rows:
            failures += [f"{where}{text!r}: {failure}"
                         for failure in _failures(a, case.get("every_sentence", {}))]
        for expect in case["expect"]:
            needle = expect.get("sentence", "")
            why = f" ({expect['why']})" if "why" in expect else ""
            failures += [f"{where}{needle or 'the sentence'!r}: {failure}{why}"
                         for failure in _failures(_find(rows, needle), expect)]
    assert not failures, "\n".join([f"{case['name']}: {case['why']}", *failures])


def test_attribute_cases_are_well_formed() -> None:
    """Every case has a unique name, a why, a text, known keys and actor sets, and checks."""
    names: set[str] = set()
    for param in _load_cases():
        case = param.values[0]
        assert case["name"] not in names, f"two cases named {case['name']!r}"
        names.add(case["name"])
        assert not set(case) - CASE_KEYS, (case["name"], set(case) - CASE_KEYS)
        assert case["why"] and case["text"] and case["expect"], case["name"]
        actors = case.get("actors", "demo")
        assert set([actors] if isinstance(actors, str) else actors) <= set(ACTOR_SETS), case
        every = [case["every_sentence"]] if "every_sentence" in case else []
        for checks in [*every, *case["expect"]]:
            kinds = [_check_kind(key, want) for key, want in checks.items()
                     if key not in NOT_CHECKS]
            assert kinds, (case["name"], checks)


def test_attribute_empty_and_aligned() -> None:
    article = Article(doc="t", path="t.txt", text="", meta=SourceMeta())
    assert attribute(article, (), DEFAULT_ACTORS) == ()
    rows = _run("One. Two said nothing. “Three,” he said.")
    assert len(rows) == 3


def test_attribute_runs_in_linear_time() -> None:
    paragraph = (
        "Balochistan Home Minister Mir Ziaullah Langove says he has seen no reports. "
        "“No one has reported this,” he told Radio Mashaal. The border is long. "
        "Pakistani officials deny that.\n"
    )
    small, large = paragraph * 50, paragraph * 400

    def timed(text: str) -> float:
        sentences = _split(text)
        article = Article(doc="t", path="t.txt", text=text, meta=SourceMeta())
        start = time.perf_counter()
        attribute(article, sentences, DEFAULT_ACTORS)
        return time.perf_counter() - start

    timed(paragraph)  # warm the lexicon caches
    t_small, t_large = timed(small), timed(large)
    assert t_large < 2.0
    assert t_large < 8 * 3 * max(t_small, 1e-3)  # 8x the text, far from quadratic (64x)


# --------------------------------------------------------------------------- cue labels


@pytest.mark.parametrize("cue, meaningful", [
    ("denied", True), ("has denied", True), ("accused", True), ("warned", True),
    ("claimed", True), ("insisted", True), ("admitted", True), ("called", True),
    ("are confident that", True), ("made it clear", True), ("criticism", True),
    ("said", False), ("says", False), ("told Radio Mashaal", False), ("added", False),
    ("noted", False), ("wrote", False), ("according to", False), (":", False),
    ("—", False), (None, False), ("", False),
])
def test_attribute_cue_carries_meaning(cue: str | None, meaningful: bool) -> None:
    assert cue_carries_meaning(cue) is meaningful


@pytest.mark.parametrize("cue, speech", [
    ("said", True), ("denied", True), ("endorsed", True), ("a poll found", True),
    (None, True), ("decided", False), ("wants", False), ("supported", False),
    ("voted", False), ("declined", False),
])
def test_attribute_reports_speech(cue: str | None, speech: bool) -> None:
    assert reports_speech(cue) is speech


# --------------------------------------------------------------------------- gold


# Floors a little below the figures measured on the gold (tests/gold/attribution.yaml):
# with pipeline.clean: recall 0.994, precision 0.933 (speech precision 0.962),
# actor 1.000, named 1.000; with the stand-in clean stage (no boilerplate marked)
# precision is 0.905 (speech 0.933). Precision fell from 0.994 with the second
# tier of cues (stances and intentions PolNeAR counts as attribution: "Islamabad
# decided to support", "The United States and others want"), which the gold,
# speech and belief only, does not.
GOLD_FLOORS = {"recall": 0.97, "actor_accuracy": 0.96, "named_speaker_accuracy": 0.97}
PRECISION_FLOOR = {"pipeline.clean": 0.91, "stub": 0.88}
SPEECH_PRECISION_FLOOR = {"pipeline.clean": 0.94, "stub": 0.91}


def test_attribute_gold_score_floors() -> None:
    result = attribution_gold.score(GOLD, OUTLINE)
    assert result["gold_entries"] >= 60
    assert not [e for e in result["errors"] if e["kind"] == "gold-key"]
    for key, floor in GOLD_FLOORS.items():
        assert result[key] >= floor, (key, result[key], result["errors"])
    assert result["precision"] >= PRECISION_FLOOR[result["clean"]], result["errors"]
    assert result["speech_precision"] >= SPEECH_PRECISION_FLOOR[result["clean"]], result["errors"]


def test_attribute_gold_file_keys_are_valid() -> None:
    entries = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["entries"]
    actors = {a.id for a in _demo_actors()} | {None}
    corpus = ROOT / "corpus" / "pakistan-taliban"
    for e in entries:
        text = (corpus / f"{e['doc']}.txt").read_bytes().decode("utf-8-sig")
        assert len(e["text"]) >= 25, e
        assert text.count(e["text"]) == 1, e
        assert e["actor"] in actors, e
        assert isinstance(e["named"], bool) and e["speaker"], e


@pytest.mark.parametrize("bad", ["recall", "precision"])
def test_attribute_gold_score_can_fail(bad: str, tmp_path: Path) -> None:
    """The scorer notices a wrong gold: a removed cue-less entry or a fake one."""
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    if bad == "recall":
        data["entries"].append({
            "doc": "nyt-taliban-advance-pressure-on-pakistan",
            "text": "The Taliban are claiming towns and territories across Afghanistan.",
            "speaker": "The Taliban", "named": False, "actor": "taliban"})
    else:
        data["entries"] = [e for e in data["entries"] if e["named"]]
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = attribution_gold.score(path, OUTLINE)
    if bad == "recall":
        assert result["recall"] < 1.0
        assert any(e["kind"] == "missed" and "claiming towns" in e["text"]
                   for e in result["errors"])
    else:
        assert result["precision"] < 0.6
