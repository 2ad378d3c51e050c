"""Split: Punkt with shipped parameters, glued sentences, verbatim offsets."""

from __future__ import annotations

from pipeline.clean import classify_blocks
from pipeline.models import Block
from pipeline.sentences import split

from .conftest import DEMO_CORPUS, file_text


def _sentences(text: str) -> list[str]:
    blocks = (Block(0, len(text), False),)
    return [s.text for s in split("d", text, blocks)]


def test_sentences_abbreviations_do_not_end_sentences():
    text = ("Mr. Khan met Lt. Gen. Faiz Hameed in the U.S. capital on Aug. 11, 2021. "
            "Dr. Rana said the U.N. was late. It was not.")
    assert _sentences(text) == [
        "Mr. Khan met Lt. Gen. Faiz Hameed in the U.S. capital on Aug. 11, 2021.",
        "Dr. Rana said the U.N. was late.",
        "It was not."]


def test_sentences_abbreviation_before_a_sentence_starter_ends_the_sentence():
    assert _sentences("It removes the U.S. Moreover, the Taliban gained.") == [
        "It removes the U.S.", "Moreover, the Taliban gained."]


def test_sentences_glued_sentences_are_split():
    text = "They reside in Pakistan (including in Quetta in Balochistan Province).The Taliban can move."
    assert _sentences(text) == [
        "They reside in Pakistan (including in Quetta in Balochistan Province).",
        "The Taliban can move."]
    assert _sentences("It ended in autonomy.Āqil Shah is a scholar.") == [
        "It ended in autonomy.", "Āqil Shah is a scholar."]


def test_sentences_do_not_split_inside_initialisms_or_domains():
    assert _sentences("The T.T.P.'s chief spoke to example.com readers. Then left.") == [
        "The T.T.P.'s chief spoke to example.com readers.", "Then left."]


def test_sentences_quotes_and_backticks_stay_with_their_sentence():
    text = "``We will fight,'' he said. “It is the beginning,” he added."
    assert _sentences(text) == ["``We will fight,'' he said.", "“It is the beginning,” he added."]


def test_sentences_demo_corpus_spans_are_verbatim_ordered_and_disjoint():
    for path in sorted(DEMO_CORPUS.glob("*.txt")):
        text = file_text(path)
        sentences = split(path.stem, text, classify_blocks(text))
        assert len(sentences) > 10
        previous_end = 0
        for i, s in enumerate(sentences):
            assert s.index == i
            assert s.text == text[s.start:s.end]
            assert s.text == s.text.strip() and s.text
            assert s.start >= previous_end
            previous_end = s.end


def test_sentences_never_cross_a_line_break():
    text = "A heading without a stop\nThe body starts here. And continues.\n"
    blocks = classify_blocks(text)
    texts = [s.text for s in split("d", text, blocks)]
    assert "A heading without a stop" in texts
    assert all("\n" not in t for t in texts)


def test_sentences_do_not_break_inside_a_parenthesised_party_tag():
    text = "Sen. Ron Johnson (R-Wis.) said the plan would fail. Others disagreed."
    assert _sentences(text) == ["Sen. Ron Johnson (R-Wis.) said the plan would fail.",
                                "Others disagreed."]
