"""The attributor's lexicon: data files checked on load, one row to add a verb."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.attribute import lexicon
from pipeline.attribute.lexicon import _verb
from pipeline.attribute.model import Complement, Tier, VerbFlag
from pipeline.wordlists import LexiconError, Sections

from .conftest import REPO


def test_lexicon_every_verb_row_is_consistent():
    assert len(lexicon.VERBS) > 300
    cues = {v.lemma for v in lexicon.VERBS if v.tier is not Tier.NONE}
    assert cues >= lexicon.MEANINGFUL_CUE_LEMMAS and cues >= lexicon.NON_SPEECH_CUE_LEMMAS
    assert set(lexicon.VERB_PARTICLES) == {v.lemma for v in lexicon.VERBS
                                           if v.complement is Complement.PARTICLE}
    assert lexicon.CUE_VERBS["say"] is Complement.ANY
    assert lexicon.IRREGULAR_FORMS["say"] == ("says", "said", "saying")


@pytest.mark.parametrize("row, problem", [
    ("say\tcue\tany\t-\t-", "5 columns"),
    ("say\tloud\tany\t-\t-\t-", "'loud' is not one of"),
    ("say\tcue\tsometimes\t-\t-\t-", "'sometimes' is not one of"),
    ("say\tcue\tany\tfor\t-\t-", "particles go with"),
    ("vote\tbroad\tparticle\t-\t-\t-", "particles go with"),
    ("seem\t-\t-\t-\t-\tmeaningful", "is no cue but is flagged meaningful"),
    ("seem\t-\tany\t-\t-\t-", "needs a complement, and only a cue verb has one"),
    ("want\tbroad\tany\t-\t-\tinverts", "only first-tier cues invert"),
    ("say\tcue\tany\t-\tsays said\t-", "irregular forms"),
    ("say\tcue\tany\t-\t-\tloudly", "'loudly' is not one of"),
])
def test_lexicon_a_bad_verb_row_fails_naming_its_line(row, problem):
    with pytest.raises(LexiconError) as info:
        _verb(row.split("\t"), "verbs.tsv:7")
    assert "verbs.tsv:7" in str(info.value) and problem in str(info.value)


def test_lexicon_flags_parse_to_enums():
    verb = _verb(["deny", "cue", "object", "-", "-", "meaningful"], "x")
    assert verb.flags == {VerbFlag.MEANINGFUL} and verb.complement is Complement.OBJECT


@pytest.mark.parametrize("text, problem", [
    ("[a]\nx y x\n", "'x' is listed twice in [a]"),
    ("[a]\n[b]\nx\n", "list [a] is empty"),
    ("[a]\nx\n[a]\ny\n", "list [a] is defined twice"),
    ("x y\n", "words before the first [list] header"),
    ("[a: pairs]\nx y z\n", "is not a pair"),
])
def test_lexicon_a_bad_word_file_fails_naming_file_and_line(text, problem):
    with pytest.raises(LexiconError) as info:
        Sections({"w.txt": text})
    assert "w.txt:" in str(info.value) and problem in str(info.value)


def test_lexicon_an_unused_list_fails():
    words = Sections({"w.txt": "[used]\nx\n[forgotten]\ny\n"})
    assert words.set("used") == {"x"}
    with pytest.raises(LexiconError, match="forgotten"):
        words.check_all_used()


ATTRIBUTE_ONE = """
import sys
from pipeline.attribute import attribute
from pipeline.models import Article, Sentence, SourceMeta
text = sys.argv[1]
sentence = Sentence(doc="a", index=0, start=0, end=len(text), text=text, block=0,
                    boilerplate=False)
article = Article(doc="a", path="a.txt", text=text, meta=SourceMeta())
found = attribute(article, (sentence,), ())[0]
print(f"{found.speaker}|{found.cue}|{'act' if found.act else 'statement'}")
"""


def _speaker(code: Path, text: str) -> str:
    """speaker|cue|act-or-statement of a one-sentence article, with the code in `code`."""
    done = subprocess.run([sys.executable, "-c", ATTRIBUTE_ONE, text], cwd=code,
                          env={"PYTHONPATH": str(code)}, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def test_lexicon_one_row_adds_a_reporting_verb(tmp_path):
    """A newcomer adds a reporting verb by adding its row to data/verbs.tsv."""
    shutil.copytree(REPO / "pipeline", tmp_path / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__"))
    sentence = "The minister vociferated that the border would stay closed."
    # unknown, the verb is at best an act of the minister's (the last tier)
    assert _speaker(tmp_path, sentence) == "The minister|vociferated|act"
    table = tmp_path / "pipeline" / "attribute" / "data" / "verbs.tsv"
    with table.open("a", encoding="utf-8") as handle:
        handle.write("vociferate\tcue\tclause\t-\t-\t-\n")
    assert _speaker(tmp_path, sentence) == "The minister|vociferated|statement"
