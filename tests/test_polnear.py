"""The PolNeAR attribution benchmark (benchmarks/attribution_polnear.py).

The scorer is checked on a hand-made split in PolNeAR's format (always run);
the floors on the real dev split run only where ../shared/eval/polnear exists
(licensed data, never copied into this repository).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import attribution_polnear

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "polnear"

# Floors at or a little below the figures measured on dev (first annotator, 84
# articles): precision 0.820, recall 0.868, F1 0.844, speaker match 0.854 (1003 of 1175;
# the floor is the target, so a regression below it fails here).
DEV_FLOORS = {"precision": 0.81, "recall": 0.86, "f1": 0.83, "speaker_match": 0.85}


def _span(text: str, part: str, after: int = 0) -> dict[str, object]:
    start = text.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


def _attribution(text: str, source: str, cue: str) -> dict[str, object]:
    return {"source": [_span(text, source)] if source else [], "cue": [_span(text, cue)],
            "content": []}


def _write_split(folder: Path) -> None:
    one = ("Senators debate the budget.\n\n"
           "Senator Jane Doe said the budget was too small. “We need more,” she added.\n\n"
           "The vote is on Friday.\n")
    two = ("\ufeffA report on schools.\r\n\r\n"
           "Officials believe enrolment will fall. The mayor cut the ribbon.\r\n")
    records = [
        {"id": "one_b", "article": "one", "annotator": "b", "text": one, "attributions": [
            _attribution(one, "Senator Jane Doe", "said"),
            _attribution(one, "she", "added"),
            _attribution(one, "", "debate"),  # no source: not gold
        ]},
        {"id": "one_a", "article": "one", "annotator": "a", "text": one, "attributions": []},
        {"id": "two_a", "article": "two", "annotator": "a", "text": two, "attributions": [
            _attribution(two, "Officials", "believe"),
            _attribution(two, "The mayor", "cut"),  # a gold attribution the system misses
        ]},
    ]
    with (folder / "dev.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_polnear_scorer_on_a_hand_made_split(tmp_path: Path) -> None:
    _write_split(tmp_path)
    result = attribution_polnear.score(tmp_path, "dev")
    # article "one" is read once, from its first record (annotator "b"; the later
    # record of annotator "a", with no attributions, would give no gold at all)
    assert result["articles"] == 2
    assert result["first_annotator_is_lowest"] is False
    assert result["unmapped"] == 0
    # gold: "Senator Jane Doe said ...", "“We need more,” she added.",
    # "Officials believe ...", "The mayor cut ..."; predicted: the first three
    assert (result["gold_attributed"], result["tp"], result["fp"], result["fn"]) == (4, 3, 0, 1)
    assert result["recall"] == pytest.approx(0.75)
    # speaker match: "Senator Jane Doe" (Jane Doe said), "The mayor" (no name: not
    # counted), "Officials" (capitalised, matched); "she" is a pronoun
    assert (result["speaker_total"], result["speaker_ok"]) == (2, 2)
    assert all(e["kind"] != "speaker" for e in result["errors"])


def test_polnear_name_words_skip_pronouns_and_function_words() -> None:
    name_words = attribution_polnear.name_words
    assert name_words("Trump’s campaign manager") == {"Trump"}
    assert name_words("The New York Post") == {"New", "York", "Post"}
    assert name_words("The New York Post", literal=True) == {"The", "New", "York", "Post"}
    assert name_words("He") == set()
    assert attribution_polnear.speaker_words("Donald J. Trump") >= {"Donald", "Trump"}


def test_polnear_refuses_to_dump_inside_the_repository(tmp_path: Path) -> None:
    _write_split(tmp_path)
    code = attribution_polnear.main([str(tmp_path), "--split", "dev",
                                     "--dump", str(ROOT / "polnear-errors.jsonl")])
    assert code == 2
    assert not (ROOT / "polnear-errors.jsonl").exists()


@pytest.mark.slow
def test_polnear_dev_floors() -> None:
    if not (DATA / "dev.jsonl").is_file():
        pytest.skip("PolNeAR is not in ../shared/eval/polnear")
    result = attribution_polnear.score(DATA, "dev")
    assert result["articles"] == 84
    assert result["first_annotator_is_lowest"] is True
    assert result["unmapped"] == 0
    for key, floor in DEV_FLOORS.items():
        assert result[key] >= floor, (key, result[key])
