"""Property tests over arbitrary Unicode text: the stages never raise, every span is
verbatim, spans are ordered and disjoint, and selection keeps its budget."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.attribute import attribute
from pipeline.clean import classify_blocks, sentence_boilerplate
from pipeline.models import AnalysedArticle, Article, SourceMeta
from pipeline.outline import DEFAULT_ACTORS, Theme
from pipeline.select import Selector, gather
from pipeline.sentences import split

# Text that looks enough like news to exercise every rule: words, punctuation
# and quote marks of every style, line breaks of every kind, plus any Unicode.
NEWSY = st.lists(st.one_of(
    st.sampled_from(["Pakistan", "Taliban", "Mr.", "Khan", "said", "he", "U.S.", "border",
                     "“", "”", '"', "``", "''", "‘", "’", ".", ",", "?", "!", "\n", "\r\n",
                     "\n\n", " ", "  ", "\t", "(", ")", "—", "Aug. 11, 2021", "By",
                     "Sign up", "\ufeff", "\u2028", "\x00", "Īqil", "According to"]),
    st.text(min_size=1, max_size=12),
), max_size=120).map("".join)

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def analyse(text: str, doc: str = "d") -> AnalysedArticle:
    article = Article(doc=doc, path=f"{doc}.txt", text=text, meta=SourceMeta())
    blocks = classify_blocks(text)
    sentences = split(doc, text, blocks)
    return AnalysedArticle(article, blocks, sentences, attribute(article, sentences,
                                                                 DEFAULT_ACTORS))


@SETTINGS
@given(NEWSY)
def test_properties_blocks_and_sentences_are_verbatim_ordered_disjoint(text):
    blocks = classify_blocks(text)
    previous = 0
    for block in blocks:
        assert previous <= block.start < block.end <= len(text)
        assert text[block.start:block.end].strip() == text[block.start:block.end]
        previous = block.end
    previous = 0
    for i, sentence in enumerate(split("d", text, blocks)):
        assert sentence.index == i
        assert sentence.text == text[sentence.start:sentence.end]
        assert previous <= sentence.start < sentence.end
        previous = sentence.end


@SETTINGS
@given(NEWSY)
def test_properties_attribution_is_aligned_and_never_raises(text):
    analysed = analyse(text)
    assert len(analysed.attributions) == len(analysed.sentences)
    for sentence, attribution in zip(analysed.sentences, analysed.attributions):
        if sentence.boilerplate and sentence.reason != "title":  # a headline keeps its own
            assert attribution.speaker is None
        sentence_boilerplate(sentence.text)


# Sentences long enough to be candidates, so that selection has work to do.
PROSE = st.lists(st.sampled_from([
    "Pakistan has built a fence along the border with Afghanistan to stop militants.",
    "The Taliban said the fence would not stop fighters crossing at night.",
    "“We will not take the blame,” Mr. Khan said of the talks in Washington.",
    "Officials in Islamabad deny helping the group, according to the report.",
    "He said the border was closed for three days after the attack.",
]), min_size=1, max_size=8).map(" ".join)
QUERIES = st.one_of(st.text(min_size=1, max_size=40), st.lists(st.sampled_from(
    ["border", "fence", "Taliban", "blame", "talks", "Islamabad", "night"]),
    min_size=1, max_size=5).map(" ".join))


@SETTINGS
@given(st.lists(st.one_of(NEWSY, PROSE), min_size=1, max_size=3),
       st.integers(min_value=20, max_value=120), QUERIES)
def test_properties_selection_is_verbatim_and_within_budget(texts, budget, query):
    analysed = [analyse(t, f"d{i}") for i, t in enumerate(texts)]
    numbers = {a.article.doc: n for n, a in enumerate(analysed, 1)}
    theme = Theme(id="t", title="T", query=query, max_words=budget)
    selector = Selector(gather(analysed, numbers), gather(analysed, numbers, False), [theme])
    section = selector.theme(theme)
    texts_by_doc = {a.article.doc: a.article.text for a in analysed}
    assert sum(len(i.text.split()) for i in section.items) <= budget
    for item in section.items:
        assert texts_by_doc[item.doc][item.start:item.end] == item.text
        assert item.citations[0] == numbers[item.doc]
