"""Select: query-focused themes, budgets, redundancy, corroboration, actor grouping."""

from __future__ import annotations

from pipeline.build import number_sources
from pipeline.models import AnalysedArticle, Article, Attribution, Block, SourceMeta
from pipeline.outline import Theme
from pipeline.select import Selector, gather, quotable, stands_alone
from pipeline.sentences import split

FENCE = "Pakistan has built a fence along the border with Afghanistan to stop militants crossing."
ARTICLES = {
    "a": [FENCE,
          "The fence has done little to stop fighters crossing the border at night.",
          "Wheat prices rose sharply in the markets of Karachi this spring.",
          "Officials said the harvest was the worst in a decade for farmers."],
    "b": ["Pakistan has built a fence along the border with Afghanistan to stop militants from crossing.",
          "Cricket fans filled the stadium in Lahore for the final match of the season."],
}


def _analysed(articles: dict[str, list[str]],
              speakers: dict[tuple[str, int], Attribution] | None = None):
    out = []
    for doc, lines in articles.items():
        text = "\n\n".join(lines) + "\n"
        blocks, pos = [], 0
        for line in lines:
            start = text.index(line, pos)
            blocks.append(Block(start, start + len(line), False))
            pos = start + len(line)
        sentences = split(doc, text, tuple(blocks))
        attributions = tuple((speakers or {}).get((doc, s.index), Attribution())
                             for s in sentences)
        article = Article(doc=doc, path=f"{doc}.txt", text=text, meta=SourceMeta(title=doc))
        out.append(AnalysedArticle(article, tuple(blocks), sentences, attributions))
    return out


def _selector(analysed, themes):
    numbers = {s.doc: s.n for s in number_sources([a.article for a in analysed])}
    return Selector(gather(analysed, numbers), gather(analysed, numbers, False), themes)


def test_select_theme_picks_relevant_sentences_and_corroborates():
    theme = Theme(id="border", title="Border", query="border fence militants crossing",
                  max_words=40)
    section = _selector(_analysed(ARTICLES), [theme]).theme(theme)
    texts = [i.text for i in section.items]
    assert FENCE in texts
    assert not any("Wheat" in t or "Cricket" in t for t in texts)
    # The reworded fence sentence of source 2 is not repeated: it corroborates.
    assert sum("built a fence" in t for t in texts) == 1
    fence = next(i for i in section.items if "built a fence" in i.text)
    assert fence.citations == (1, 2)
    assert sum(len(i.text.split()) for i in section.items) <= 40


def test_select_theme_with_no_matching_material_says_so():
    theme = Theme(id="space", title="Space", query="lunar rover telescope orbit")
    section = _selector(_analysed(ARTICLES), [theme]).theme(theme)
    assert section.items == () and "No sentence" in section.note


def test_select_budget_is_never_exceeded():
    theme = Theme(id="b", title="B", query="border fence crossing militants fighters",
                  max_words=20)
    section = _selector(_analysed(ARTICLES), [theme]).theme(theme)
    assert 0 < sum(len(i.text.split()) for i in section.items) <= 20


def test_select_items_are_verbatim_source_spans():
    analysed = _analysed(ARTICLES)
    texts = {a.article.doc: a.article.text for a in analysed}
    theme = Theme(id="b", title="B", query="border fence prices harvest cricket")
    for item in _selector(analysed, [theme]).theme(theme).items:
        assert texts[item.doc][item.start:item.end] == item.text


def test_select_actor_statements_grouped_by_speaker():
    lines = {"a": ["Ghani said the fence along the border would not stop the fighters crossing.",
                   "Qureshi said the border fence was nearly complete and would stop militants.",
                   "Ghani said Pakistan operates an organized system of support for militants.",
                   "Qureshi said nobody would buy the blame game about militants anymore."]}
    ghani = Attribution(speaker="Ashraf Ghani", actor="afghan", cue="said")
    qureshi = Attribution(speaker="Shah Mahmood Qureshi", actor="pak", cue="said")
    speakers = {("a", 0): ghani, ("a", 1): qureshi, ("a", 2): ghani, ("a", 3): qureshi}
    theme = Theme(id="b", title="B", query="border fence militants")
    selector = _selector(_analysed(lines, speakers), [theme])
    from pipeline.outline import Actor
    section = selector.actor(Actor(id="afghan", title="Afghan officials"))
    assert [i.speaker for i in section.items] == ["Ashraf Ghani", "Ashraf Ghani"]
    assert all(i.actor == "afghan" for i in section.items)
    both = selector.statements("actor", "all", "All", 4,
                               selector.standalone | ~selector.standalone)
    speakers_in_order = [i.speaker for i in both.items]
    # grouped: each speaker's statements are consecutive
    assert speakers_in_order in (["Ashraf Ghani"] * 2 + ["Shah Mahmood Qureshi"] * 2,
                                 ["Shah Mahmood Qureshi"] * 2 + ["Ashraf Ghani"] * 2)


def test_select_quotable_and_standalone_filters():
    assert not quotable("Aug. 11, 2021")
    assert not quotable("security umbrella that they believe New Delhi was using to expand.")
    assert quotable("“We are fencing this border to regulate all movement,” he said.")
    assert not stands_alone("He said the security forces are on high alert.")
    assert not stands_alone("How much influence does Pakistan wield over the Taliban?")
    assert stands_alone("Langove denied that fighters are crossing the border.")
