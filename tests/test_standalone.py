"""Items that read on their own: connectives left out, pronouns and names completed in
brackets, relative dates resolved, nothing said twice (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.build import BuildOptions, build_brief
from pipeline.models import Attribution, Insertion
from pipeline.select import NEAR_DUPLICATE
from pipeline.select.standalone import connective_end, date_insertions, opening
from pipeline.vectors import TermSpace, overlap, terms

from .conftest import DEMO_OUTLINE

NONE = Attribution()


@pytest.mark.parametrize(("text", "rest"), [
    ("But the court said the vote was valid.", "the court said the vote was valid."),
    ("For example, members of the council live in the city.",
     "members of the council live in the city."),
    ("In addition, the ministry closed two crossings.", "the ministry closed two crossings."),
    ("However, officials denied it.", "officials denied it."),
    ("Meanwhile, the river kept rising.", "the river kept rising."),
    ("But, for example, the river kept rising.", "the river kept rising."),
    # no comma: these begin a phrase of the sentence, not a connective
    ("In addition to the troops, police were sent.", "In addition to the troops, police were sent."),
    ("Still more rain fell on Sunday.", "Still more rain fell on Sunday."),
    ("Butter prices rose again.", "Butter prices rose again."),
    ("“But we will not leave,” she said.", "“But we will not leave,” she said."),
])
def test_a_leading_connective_is_left_out(text, rest):
    assert text[connective_end(text):] == rest


def test_a_resolved_subject_pronoun_becomes_a_bracketed_name():
    said = Attribution(speaker="Dana Whitfield", cue="says", speaker_kind="person",
                       speaker_named=True)
    start = opening("She says the wells are safe.", said, "")
    assert start.cut == len("She ") and start.leans_on == ""
    assert start.insertions == (Insertion(0, "Dana Whitfield", "referent"),)
    # after a connective too
    start = opening("But he has long said the wells are safe.",
                    Attribution(speaker="Lee Park", cue="has said"), "")
    assert "But he has long said"[start.cut:] == "has long said"
    # a pronoun nobody resolved, a possessive, a demonstrative: the item leans on context
    assert opening("It has not spoken out against the rallies.", NONE, "").leans_on == "pronoun"
    assert opening("His campaign said so on Monday.", said, "").leans_on == "pronoun"
    assert opening("This decision angered the farmers.", NONE, "").leans_on == "pronoun"
    # a quote: who speaks is read from its cue, not from its first word
    assert opening("“We will stay,” the mayor said.", NONE, "").leans_on == ""


def test_a_pronoun_after_a_fronted_phrase():
    group = Attribution(speaker="Farmers Union", cue="claimed")
    start = opening("Last month alone, it claimed ten new members.", group, "")
    assert start.cut == 0 and start.insertions == (Insertion(20, "Farmers Union", "referent"),)
    assert opening("Last month alone, it grew.", NONE, "").leans_on == "pronoun"
    # the noun it stands for is in the fronted clause
    assert opening("If the agency agrees, it could fine the resort.", NONE, "").leans_on == ""


def test_a_definite_description_that_points_back():
    before = "A madrassa in the hills trained hundreds of students."
    assert opening("The madrassa had operated freely for decades.", NONE,
                   before).leans_on == "reference"
    assert opening("The madrassa had operated freely for decades.", NONE,
                   "Rain fell.").leans_on == ""
    assert opening("The Supreme Court ruled on the madrassa.", NONE, before).leans_on == ""
    # the description is the statement's own speaker, shown with it
    settlers = Attribution(speaker="Settler leaders", cue="said")
    assert opening("The settlers said they would return.", settlers,
                   "Settlers marched on the hill.").leans_on == ""


def test_a_surname_alone_gets_the_rest_of_the_name():
    baker = Attribution(speaker="James Baker", cue="wrote", speaker_kind="person",
                        speaker_named=True)
    assert opening("Baker wrote the letter in May.", baker, "").insertions == (
        Insertion(0, "James", "name"),)
    assert opening("Baker’s letter arrived in May.", baker, "").insertions == ()


def test_relative_dates_are_resolved_beside_the_words():
    text = "On Sunday the council met, and last month it voted."
    found = date_insertions(text, date(2021, 8, 17))  # a Tuesday
    # each after the words it resolves
    assert [(text[:i.at], i.text, i.value) for i in found] == [
        ("On Sunday", "15 August 2021", "2021-08-15"),
        ("On Sunday the council met, and last month", "July 2021", "2021-07")]
    assert date_insertions(text, None) == ()  # no publication date: nothing invented
    assert date_insertions("The treaty of 12 May 1998 stands.", date(2021, 8, 17)) == ()
    # a month the text names gets only the year it lacks: "in June [2021]"
    june = date_insertions("The envoy spoke in June, officials said.", date(2021, 8, 17))
    assert [(i.text, i.value) for i in june] == [("2021", "2021-06")]


# ----------------------------------------------------------------- in a build

NEAR = ("Water is central to the dispute between the two valleys because the farmers "
        "hope to keep the river for their fields.")
NEAR_TWIN = "Water is at the heart of the dispute between farmers in the two valleys."


def test_near_duplicates_such_as_central_and_at_the_heart():
    space = TermSpace([terms(NEAR), terms(NEAR_TWIN)])
    assert overlap(space.matrix, space.matrix)[0, 1] >= NEAR_DUPLICATE


def _corpus(make_corpus, layout: str = ""):
    articles = {
        "a.txt": "Valley farmers said the river was drying up.\n\n" + NEAR + "\n\n"
                 "But the dam authority said the reservoir held enough water for the summer.\n\n"
                 "Farmers accused the dam authority of selling river water to the city.\n",
        "b.txt": NEAR_TWIN + "\n\nThe dam authority denied selling river water to the city "
                 "and said the sales were a rumour.\n\nFarmers said the wells were running "
                 "dry in both valleys.\n",
    }
    outline = ("title: T\ncorpus: corpus\n"
               "actors:\n  - {id: farmers, title: Farmers, descriptors: [farmers, "
               "valley farmers]}\n  - {id: dam, title: Dam authority, descriptors: "
               "[dam authority]}\n"
               f"layout: {{key_points: 2, other_voices: true{layout}}}\n"
               "themes:\n  - {id: water, title: Water, query: river water dispute valleys}\n"
               "  - {id: supply, title: Supply, query: dam reservoir authority sales city}\n")
    return make_corpus(articles, outline)


def _shown(brief):
    """Every item of the sections that never repeat one another (a point of contention
    may set a theme's statement beside its denial: the pairing is the point)."""
    return [(s.kind, s.id, item) for s in brief.sections for item in s.items
            if s.kind != "contention"]


def test_nothing_is_said_twice_across_sections(make_corpus):
    brief = build_brief(_corpus(make_corpus), options=BuildOptions(cache=False)).brief
    shown = _shown(brief)
    space = TermSpace([terms(item.text) for _, _, item in shown])
    sims = overlap(space.matrix, space.matrix)
    for a in range(len(shown)):
        for b in range(a + 1, len(shown)):
            assert (shown[a][2].doc, shown[a][2].start) != (shown[b][2].doc, shown[b][2].start)
            assert sims[a, b] < NEAR_DUPLICATE, (shown[a][2].text, shown[b][2].text)
    texts = [item.text for _, _, item in shown]
    # the connective is left out; the text stays a span of its source
    assert "the dam authority said the reservoir held enough water for the summer." in texts
    assert sum(t.startswith(("Water is central", "Water is at the heart")) for t in texts) == 1


def test_key_points_restate_only_when_asked(make_corpus):
    brief = build_brief(_corpus(make_corpus, ", key_points_restate: true"),
                        options=BuildOptions(cache=False)).brief
    key = next(s for s in brief.sections if s.kind == "key_points")
    themes = [item for s in brief.sections if s.kind == "theme" for item in s.items]
    assert key.items and "restated" in key.note
    assert all(any(k.start == t.start and k.doc == t.doc for t in themes) for k in key.items)


def test_demo_items_are_verbatim_with_insertions_beside_them():
    result = build_brief(DEMO_OUTLINE, options=BuildOptions(cache=False))
    texts = {a.article.doc: a.article.text for a in result.analysed}
    items = [item for s in result.brief.sections for item in s.items]
    for item in items:
        assert texts[item.doc][item.start:item.end] == item.text
        for insertion in item.insertions:
            assert 0 <= insertion.at <= len(item.text) and insertion.text
    kinds = {i.kind for item in items for i in item.insertions}
    assert {"referent", "date"} <= kinds
    assert not any(item.text.startswith(("But ", "For example,", "In addition,"))
                   for item in items)
    dated = [i for item in items for i in item.insertions if i.kind == "date"]
    assert all(i.value[:4].isdigit() for i in dated)


def test_points_of_contention_pair_a_claim_with_its_denial(make_corpus):
    from pipeline.render import render

    result = build_brief(_corpus(make_corpus), options=BuildOptions(cache=False))
    section = next(s for s in result.brief.sections if s.kind == "contention")
    claim, answer = section.items
    assert (claim.actor, claim.stance) == ("farmers", "accuses")
    assert (answer.actor, answer.stance) == ("dam", "denies")
    assert "selling river water" in claim.text and "denied selling" in answer.text
    html = render(result.brief, "html").decode("utf-8")
    assert html.count('<div class="pair">') == 1
    md = render(result.brief, "md").decode("utf-8")
    assert "*accuses:*" in md and "*denies:*" in md
    # no pair, no section; and `contention: 0` turns it off
    off = build_brief(_corpus(make_corpus, ", contention: 0"),
                      options=BuildOptions(cache=False)).brief
    assert not any(s.kind == "contention" for s in off.sections)


def test_a_theme_in_date_order_and_dates_beside_citations(make_corpus):
    from pipeline.render import render

    articles = {"late.txt": "The river authority said on Monday that the dam gates would "
                            "open for the farmers.\n",
                "early.txt": "The river authority said last month that the dam gates had "
                             "stayed shut all spring.\n"}
    meta = ("late.txt: {title: Late, date: '2021-08-17'}\n"
            "early.txt: {title: Early, date: '2021-03-02'}\n")
    outline = make_corpus(articles, "title: T\ncorpus: corpus\nactors: []\n"
                          "layout: {key_points: 0, citation_dates: true}\nthemes:\n"
                          "  - {id: gates, title: Gates, query: river authority dam gates, "
                          "order: date}\n", meta)
    brief = build_brief(outline, options=BuildOptions(cache=False)).brief
    items = brief.sections[0].items
    assert [i.published for i in items] == ["2021-03-02", "2021-08-17"]
    assert [(i.kind, i.text, i.value) for item in items for i in item.insertions] == [
        ("date", "February 2021", "2021-02"), ("date", "16 August 2021", "2021-08-16")]
    html = render(brief, "html").decode("utf-8")
    assert '<span class="item-date">2 Mar 2021</span>' in html
