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
    numbers = {s.doc: s.n for s in number_sources(analysed)}
    return Selector(gather(analysed, numbers), gather(analysed, numbers, False), themes)


def test_select_theme_picks_relevant_sentences_and_corroborates():
    theme = Theme(id="border", title="Border", query="border fence militants crossing",
                  max_words=40)
    section = _selector(_analysed(ARTICLES), [theme]).theme(theme)
    texts = [i.text for i in section.items]
    assert not any("Wheat" in t or "Cricket" in t for t in texts)
    # The reworded fence sentence of the other source is not repeated: it corroborates.
    assert sum("built a fence" in t for t in texts) == 1
    fence = next(i for i in section.items if "built a fence" in i.text)
    assert sorted(fence.citations) == [1, 2]
    assert sum(len(i.text.split()) for i in section.items) <= 40
    # "The fence has done little ..." right after a sentence about the fence leans on
    # it: a theme takes it only at a discount
    selector = _selector(_analysed(ARTICLES), [theme])
    leaning = [c.sentence.text.startswith("The fence has") for c in selector.candidates]
    assert (selector.referring == leaning).all() and not selector.standalone[leaning].any()


def test_cover_prefers_the_row_that_reads_alone():
    import numpy as np
    from scipy import sparse

    from pipeline.select import cover

    concepts = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=float))
    weights, relevance = np.array([1.0, 1.0, 0.5]), np.array([0.9, 0.9, 0.5])
    costs, same = np.array([10, 10, 10]), np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], float)
    # rows 0 and 1 say the same; row 0 leans on its article
    taken = cover(concepts, weights, relevance, costs, 20, same, 0.0,
                  np.array([0.5, 1.0, 1.0]))
    assert 1 in taken and 0 not in taken
    # a leaning row that adds twice as much as the rest is still taken
    taken = cover(concepts, weights * np.array([3, 3, 0.1]), relevance, costs, 10, same, 0.0,
                  np.array([0.5, 0.1, 1.0]))
    assert taken == [0]


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
    # a statement shown in one section is in no later one
    assert selector.actor(Actor(id="afghan", title="Again")).items == ()
    fresh = _selector(_analysed(lines, speakers), [theme])
    both = fresh.statements("actor", "all", "All", 4, fresh.standalone | ~fresh.standalone)
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


# --- Theme selection: filters, concept coverage, pools --------------------------------

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402

from pipeline.clean import dateline_end  # noqa: E402
from pipeline.select import cover, quote_in_context  # noqa: E402


def test_select_wire_dateline_is_left_out_of_the_item():
    for text, dateline in [
        ("WASHINGTON (AP) -- The Senate passed the farm bill on Friday.",
         "WASHINGTON (AP) -- "),
        ("LAGOS, Nigeria, March 3 (Xinhua) -- A new port opened east of the city.",
         "LAGOS, Nigeria, March 3 (Xinhua) -- "),
        ("DENVER _ Snow closed the mountain passes for a second day.", "DENVER _ "),
        ("(AP) -- At the county fair, a farmer sold the largest pumpkin.", "(AP) -- "),
    ]:
        assert dateline_end(text) == len(dateline), text
    for text in ["The fence -- finished in 2017 -- did not stop them.",
                 "US officials said the fence was finished.",
                 "NATO -- and its allies -- left in 2021."]:
        assert dateline_end(text) == 0, text
    lead = ("WASHINGTON (AP) -- Pakistan has finished fencing its border with Afghanistan "
            "along the Durand Line, officials said.")
    analysed = _analysed({"w": [lead, ARTICLES["a"][1]]})
    theme = Theme(id="b", title="B", query="border fence Durand Line", max_words=60)
    items = _selector(analysed, [theme]).theme(theme).items
    first = next(i for i in items if "Durand" in i.text)
    assert first.text.startswith("Pakistan has finished")
    assert analysed[0].article.text[first.start:first.end] == first.text


def test_select_quotes_must_say_who_speaks():
    said = Attribution(speaker="Amir Rana", cue="said", quote=True)
    assert quote_in_context("“The fence will not stop them,” said Amir Rana, an analyst.", said)
    assert quote_in_context("``The fence will not stop them,'' Rana said.", said)
    # The reader is not told who "he" is.
    assert not quote_in_context("“The fence will not stop them,” he said.", said)
    reported = Attribution(speaker="Amir Rana", cue="said")
    assert not quote_in_context("Several were treated in Quetta hospitals, he said.", reported)
    assert quote_in_context("Several were treated in Quetta hospitals, Rana said.", reported)
    # Pieces of a quote running over several sentences.
    assert not quote_in_context("It was the end of an era,'' said Maria Lopez.", said)
    assert not quote_in_context("“Nobody expected the flood.", said)
    continued = Attribution(speaker="Amir Rana", cue=None, quote=True)
    assert not quote_in_context("``It is the busiest season in years.''", continued)
    assert quote_in_context("The fence has done little to stop fighters crossing.", Attribution())


def test_select_sentence_ending_on_a_demonstrative_does_not_stand_alone():
    assert not stands_alone("The Pakistani military played a significant role in this.")
    assert not stands_alone("Officials in Kabul have long denied that.")
    assert stands_alone("The army finished the fence that the government had planned.")


def test_select_cover_prefers_new_concepts_to_repeats():
    # Rows 0 and 1 hold the same two concepts; row 2 holds a third.
    concepts = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=float))
    weights = np.array([1.0, 1.0, 1.5])
    costs = np.array([10, 10, 10])
    chosen = cover(concepts, weights, np.ones(3), costs, 20, np.zeros((3, 3)), 0.0)
    assert sorted(chosen) in ([0, 2], [1, 2])
    # A budget is never exceeded: after row 2 (5 words) only one 15-word row fits.
    costs = np.array([15, 15, 5])
    chosen = cover(concepts, weights, np.ones(3), costs, 20, np.zeros((3, 3)), 0.0)
    assert chosen[0] == 2 and len(chosen) == 2 and costs[chosen].sum() <= 20


def test_select_cover_keeps_the_best_single_sentence_when_it_beats_the_greedy_set():
    # Greedy takes the cheap row 0 first (1 per word), then row 1 no longer fits;
    # row 1 alone covers ten times more (Khuller et al.'s fix of the greedy).
    concepts = sparse.csr_matrix(np.array([[1, 0], [0, 1]], dtype=float))
    chosen = cover(concepts, np.array([1.0, 10.0]), np.ones(2), np.array([1, 20]), 20,
                   np.zeros((2, 2)), 0.0)
    assert chosen == [1]


def test_select_cover_skips_near_duplicates():
    concepts = sparse.csr_matrix(np.array([[1, 0], [0, 1]], dtype=float))
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    chosen = cover(concepts, np.array([1.0, 1.0]), np.ones(2), np.array([5, 5]), 20,
                   similarity, 0.0)
    assert len(chosen) == 1


TWO_THEMES = {
    "a": ["The new fence along the Durand Line has not stopped fighters crossing into Afghanistan.",
          "Clerics in Quetta madrassas recruit students to fight for the Taliban in Afghanistan.",
          "Students from a madrassa near the border fence crossed the Durand Line to fight."],
    "b": ["Guards on the Durand Line say the fence is breached by fighters every night.",
          "A madrassa near Peshawar sent dozens of students to fight and die in Afghanistan.",
          "Pakistan's economy grew slowly this year while trade at the border stayed calm and "
          "prices rose in the cities."],
}
BORDER = Theme(id="border", title="Border", max_words=200,
               query="the border fence on the Durand Line, fighters crossing the border")
RECRUITMENT = Theme(id="recruitment", title="Recruitment", max_words=200,
                    query="madrassa students recruited by clerics to fight")


def test_select_a_sentence_serves_only_the_theme_it_fits_best():
    selector = _selector(_analysed(TWO_THEMES), [BORDER, RECRUITMENT])
    border = [i.text for i in selector.theme(BORDER).items]
    recruitment = [i.text for i in selector.theme(RECRUITMENT).items]
    both = TWO_THEMES["a"][2]  # madrassa students crossing the Durand Line
    assert both in border and both not in recruitment
    assert not set(border) & set(recruitment)
    assert any("Quetta madrassas" in t for t in recruitment)


def test_select_theme_leaves_out_sentences_matching_only_a_common_query_word():
    selector = _selector(_analysed(TWO_THEMES), [BORDER, RECRUITMENT])
    border = [i.text for i in selector.theme(BORDER).items]
    # "border" alone, in a long sentence about the economy: far below the best match.
    assert not any("economy" in t for t in border)
    assert sum("Durand Line" in t for t in border) >= 2


def test_select_concept_weight_counts_articles_weighted_by_relevance():
    # Three articles: enough to count concepts per article (MIN_ARTICLES_TO_COUNT).
    analysed = _analysed({**TWO_THEMES, "c": ARTICLES["a"][2:]})
    selector = _selector(analysed, [BORDER])
    column = selector.concept_space.vocabulary
    ones = selector.concept_weights(np.ones(len(selector.candidates)))
    # In three sentences of two articles: counted once per article.
    assert ones[column["durand line"]] == 2
    assert ones[column["guard on"]] == 0  # one article's wording only
    relevance = np.linspace(0.1, 0.9, len(selector.candidates))
    weights = selector.concept_weights(relevance)
    holders = [i for i, c in enumerate(selector.candidates) if "Durand Line" in c.sentence.text]
    best_per_article = {}
    for i in holders:
        doc = selector.candidates[i].sentence.doc
        best_per_article[doc] = max(best_per_article.get(doc, 0.0), relevance[i])
    assert np.isclose(weights[column["durand line"]], sum(best_per_article.values()))
    # With two articles, article counts say little: concepts count per sentence.
    two = _selector(_analysed(TWO_THEMES), [BORDER])
    per_sentence = two.concept_weights(np.ones(len(two.candidates)))
    assert per_sentence[two.concept_space.vocabulary["durand line"]] == 3


def test_select_single_article_corpus_counts_concepts_per_sentence():
    lines = {"only": [FENCE, ARTICLES["a"][1],
                      "Fighters crossing the border at night avoid the fence and the guards.",
                      ARTICLES["a"][2]]}
    theme = Theme(id="b", title="B", query="border fence fighters crossing", max_words=40)
    section = _selector(_analysed(lines), [theme]).theme(theme)
    assert section.items and sum(len(i.text.split()) for i in section.items) <= 40
    assert not any("Wheat" in i.text for i in section.items)


def test_stop_words_are_the_shipped_list_and_reporting_verbs():
    # scikit-learn's ENGLISH_STOP_WORDS, shipped as a data file (checked equal to
    # scikit-learn 1.9.1's list when it replaced that dependency)
    from importlib.resources import files

    from pipeline.vectors import REPORTING_WORDS, stop_words, terms

    text = files("pipeline").joinpath("data").joinpath("stop_words.txt").read_text("utf-8")
    words = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(words) == len(set(words)) == 318
    assert {"a", "about", "amoungst", "the", "whereas", "yourselves"} <= set(words)
    assert "scikit-learn" in text and "Glasgow" in text and "BSD 3-Clause" in text
    assert stop_words() == frozenset(words) | REPORTING_WORDS
    assert terms("The officials said they would return to the talks") == \
        ["offici", "return", "talk"]
