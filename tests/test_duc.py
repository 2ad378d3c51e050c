"""DUC 2006 benchmark (benchmarks/duc.py): a ROUGE floor on three topics, read from
../shared/eval/duc2006 (skipped when the data is absent; never copied here)."""

from __future__ import annotations

import pytest

from benchmarks import duc

TOPICS = ("D0601A", "D0602B", "D0603C")
# Measured on these three topics: ROUGE-2 recall 9.03, ROUGE-1 41.5 (the selector
# before concept coverage: ROUGE-2 6.21, ROUGE-1 38.0). The floors sit a little
# below, so a change that costs a point fails and noise from other stages does not.
R2_FLOOR = 8.5
R1_FLOOR = 40.0


def test_duc_summary_is_cut_at_the_word_limit():
    assert duc.first_words(["one two three", "four five six seven"], 5) == [
        "one two three", "four five"]
    assert duc.first_words(["one two", "three"], 10) == ["one two", "three"]


def test_duc_score_is_recall_averaged_over_references():
    pytest.importorskip("rouge_score")
    perfect = duc.score(["The fence was finished."], ["The fence was finished."])
    assert perfect == {"rouge1": 100.0, "rouge2": 100.0, "rougeLsum": 100.0}
    half = duc.score(["The fence was finished."],
                     ["The fence was finished.", "Wheat prices rose in Karachi."])
    assert half["rouge1"] == pytest.approx(50.0)


@pytest.mark.slow
def test_duc_rouge_floor_on_three_topics(tmp_path):
    pytest.importorskip("rouge_score")
    if not duc.DEFAULT_DATA.is_dir():
        pytest.skip(f"DUC 2006 data not found at {duc.DEFAULT_DATA}")
    topics = duc.topic_dirs(duc.DEFAULT_DATA, TOPICS)
    assert [t.name for t in topics] == list(TOPICS)
    result = duc.evaluate(topics, tmp_path)
    assert result.means["rouge2"] >= R2_FLOOR, result.per_topic
    assert result.means["rouge1"] >= R1_FLOOR, result.per_topic
    assert all(0 < seconds < 5 for seconds in result.select_seconds)
