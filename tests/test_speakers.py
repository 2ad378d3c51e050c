"""Speakers across the corpus: one id per person or group, clean names and roles,
one actor per speaker (pipeline/speakers/)."""

from __future__ import annotations

import pytest

from pipeline.build import BuildOptions, build_brief
from pipeline.render.view import speaker_groups
from pipeline.speakers.identity import Clustering, Mention, canonical_name, canonical_role
from pipeline.speakers.names import (
    GroupLabel,
    clean_role,
    given_names_agree,
    group_label,
    person_name,
)

from .conftest import DEMO_OUTLINE

# ----------------------------------------------------------------- one mention


@pytest.mark.parametrize("raw, full, titles", [
    ("FBI Director James Comey’s", "James Comey", ("FBI", "Director")),
    ("James B. Comey", "James B. Comey", ()),
    ("House Oversight Committee Chairman Jason Chaffetz", "Jason Chaffetz",
     ("House", "Oversight", "Committee", "Chairman")),
    ("Kaine defended people", "Kaine", ()),
    ("Mr. King", "King", ("Mr.",)),
    ("Osama bin Laden", "Osama bin Laden", ()),
    ("Martin Luther King Jr.", "Martin Luther King Jr", ()),
    ("George Washington", "George Washington", ()),
])
def test_a_person_mention_loses_titles_and_trailing_words(raw, full, titles):
    person = person_name(raw)
    assert person is not None and person.full == full and person.titles == titles


@pytest.mark.parametrize("raw", ["Monday", "who told Congress when", "Chairman Rep", "Md",
                                 "The Republican", "Fellow Republicans", "Democrats", "he"])
def test_a_mention_that_names_no_person(raw):
    assert person_name(raw) is None


def test_a_common_word_opening_a_long_name_is_no_part_of_it():
    assert person_name("Rival Hillary Clinton", frozenset({"rival"})).full == "Hillary Clinton"
    # a two-word name keeps both words, whatever the article's vocabulary
    assert person_name("Bill Gates", frozenset({"bill", "gates"})).full == "Bill Gates"


@pytest.mark.parametrize("raw, one_person, label, qualifiers", [
    ("Pakistani officials", False, "Pakistani officials", ()),
    ("senior Pakistani officials", False, "Pakistani officials", ("senior",)),
    ("Pakistan officials", False, "Pakistani officials", ()),
    ("a senior Pakistani official", True, "Pakistani officials", ("senior",)),
    ("Pakistan", False, "Pakistani officials", ()),  # a country speaking: its officials
    ("Washington", False, "U.S. officials", ()),
    ("Afghans", False, "Afghans", ()),  # a people speaks for itself
    ("A chorus of prominent Republicans", False, "Republicans", ("prominent",)),
    ("a spokesman for the Taliban", True, "Taliban", ()),  # the group's voice
    ("The Peace Now group", False, "Peace Now", ()),
    ("the staunchest Quebec separatists", False, "Quebec separatists", ("staunchest",)),
    ("West Bank Palestinian officials", False, "Palestinian officials", ("West", "Bank")),
    ("a cleric close to the Afghan Taliban", True, "clerics close to the Afghan Taliban", ()),
    ("The Trump campaign", False, "Trump campaign", ()),
    ("Donald Trump’s campaign", True, "Donald Trump’s campaign", ()),  # one, owned
])
def test_group_labels_are_one_form(raw, one_person, label, qualifiers):
    found = group_label(raw, one_person=one_person)
    assert found is not None and (found.label, found.qualifiers) == (label, qualifiers)


@pytest.mark.parametrize("raw", ["they", "Some", "the letter", "The GOP’s complaint to the court",
                                 "Democratic", "Md", "In English Canada", "Latest polls",
                                 "Israeli-Palestinian peace accords", "Quebec cannot",
                                 "Protests over the closure of the mill here turned at times unruly"])
def test_group_mentions_that_name_no_one(raw):
    assert group_label(raw) is None


@pytest.mark.parametrize("raw, role", [
    ("Sen", "Senator"), ("Retired Lt. Gen", "Retired Lieutenant General"),
    ("Republican vice-presidential nominee Gov.", "Republican vice-presidential nominee"),
    ("New Jersey Gov.", "New Jersey Governor"),
    ("Oversight Committee Chairman Rep.", "Oversight Committee Chairman"),
    ("August 27 -- Canada's unity minister", None), ("infuriated by Netanyahu's pledge", None),
    ("the executive director at the Center for Rural Water and",
     "the executive director at the Center for Rural Water"),
    ("”", None), ("If", None), ("Trump and", None), ("a Bloomberg interview", None),
    ("NBC’s", None), ("Monday", None), ("both Democrats and", None), ("His predecessor", None),
])
def test_roles_are_never_truncated_dates_or_fragments(raw, role):
    assert clean_role(raw) == role


def test_given_names_agree_on_short_forms_and_small_variants_only():
    assert given_names_agree("Mosi", "Mossi") and given_names_agree("Chris", "Christopher")
    assert not given_names_agree("Bill", "Hillary") and not given_names_agree("Tim", "Bobby")


# ----------------------------------------------------------------- across articles


def _cluster(mentions: list[tuple[int, str, str | None, str, bool]], texts: list[str]):
    ms = [Mention(doc=d, sentence=i, speaker=s, role=r, kind=k, named=n)
          for i, (d, s, r, k, n) in enumerate(mentions)]
    return Clustering(texts).add_all(ms)


def _names(clusters) -> list[list[str]]:
    return sorted(sorted({m.speaker for m in c.mentions}) for c in clusters)


def test_one_person_under_all_their_forms():
    texts = ["James Comey spoke.", "FBI Director James B. Comey spoke.", "Comey spoke.",
             "Mosi Raz and Mossi Raz."]
    clusters = _cluster([(0, "James Comey", None, "person", True),
                         (1, "FBI Director James B. Comey’s", None, "person", True),
                         (2, "Comey", "FBI director", "person", True),
                         (3, "Mosi Raz", None, "person", True),
                         (3, "Mossi Raz", None, "person", True)], texts)
    assert _names(clusters) == [["Comey", "FBI Director James B. Comey’s", "James Comey"],
                                ["Mosi Raz", "Mossi Raz"]]
    comey = next(c for c in clusters if "Comey" in c.key or c.surname == "Comey")
    assert canonical_name(comey) == "James B. Comey"
    assert canonical_role(comey)[0] == "FBI Director"


def test_two_clintons_are_never_merged_by_surname_alone():
    texts = ["Hillary Clinton said so. Clinton added more.", "Bill Clinton said so.",
             "Clinton, the former president, said."]
    clusters = _cluster([(0, "Hillary Clinton", "Democratic nominee", "person", True),
                         (0, "Clinton", None, "person", True),
                         (1, "Bill Clinton", "former President", "person", True),
                         (2, "Clinton", "the former president", "person", True)], texts)
    by_key = {canonical_name(c): sorted((m.doc, m.speaker) for m in c.mentions)
              for c in clusters}
    # the article names Hillary in full; the role "former president" is Bill's
    assert by_key == {"Hillary Clinton": [(0, "Clinton"), (0, "Hillary Clinton")],
                      "Bill Clinton": [(1, "Bill Clinton"), (2, "Clinton")]}


def test_a_surname_no_context_settles_stays_apart():
    texts = ["Hillary Clinton said.", "Bill Clinton said.", "Clinton said."]
    clusters = _cluster([(0, "Hillary Clinton", None, "person", True),
                         (1, "Bill Clinton", None, "person", True),
                         (2, "Clinton", None, "person", True)], texts)
    assert sorted(canonical_name(c) for c in clusters) == ["Bill Clinton", "Clinton",
                                                           "Hillary Clinton"]


def test_a_definite_description_joins_the_one_person_it_fits():
    texts = ["Donald Trump, the Republican presidential nominee, said.",
             "The Republican presidential nominee said."]
    clusters = _cluster([(0, "Donald Trump", "the Republican presidential nominee", "person",
                          True),
                         (1, "The Republican presidential nominee", None, "person", False)],
                        texts)
    assert _names(clusters) == [["Donald Trump", "The Republican presidential nominee"]]


def test_group_mentions_of_one_group_are_one():
    texts = ["x"] * 4
    clusters = _cluster([(0, "Pakistani officials", None, "group", False),
                         (1, "senior Pakistani officials", None, "group", False),
                         (2, "a senior Pakistani official", None, "person", False),
                         (3, "Pakistan", None, "org", False)], texts)
    assert len(clusters) == 1 and canonical_name(clusters[0]) == "Pakistani officials"


# ----------------------------------------------------------------- in a build


def test_demo_actor_sections_have_one_heading_per_speaker():
    brief = build_brief(DEMO_OUTLINE, options=BuildOptions(cache=False)).brief
    seen: dict[str, str] = {}
    for section in brief.sections:
        if section.kind not in ("actor", "other_voices"):
            continue
        ids = [g.items[0].speaker_id for g in speaker_groups(section.items)]
        assert len(ids) == len(set(ids)), (section.id, ids)  # one heading per speaker
        for ident in ids:
            assert ident is not None
            assert seen.setdefault(ident, section.id) == section.id  # one actor per person
        for group in speaker_groups(section.items):
            assert group.speaker and group.speaker[0].isupper()
    pakistani = [g.speaker for s in brief.sections if s.id == "pakistani_officials"
                 for g in speaker_groups(s.items)]
    assert "Pakistan officials" not in pakistani and "senior Pakistani officials" not in pakistani


def test_actors_by_affiliation_and_party_tags(make_corpus):
    outline = make_corpus({
        "a.txt": "Budget fight in the House\n\n"
                 "Rep. Bob Goodlatte (R-Va.) said the bill would pass the House this week.\n\n"
                 "Rep. Jim Clyburn (D-S.C.) said the bill would fail in the Senate soon.\n\n"
                 "Goodlatte said the vote was a test of the party's resolve on spending.\n\n"
                 "A spokesman for the Taliban said the group rejected the talks entirely.\n",
    }, outline="title: T\ncorpus: corpus\nlayout: {other_voices: true}\nactors:\n"
               "  - {id: gop, title: Republicans, affiliations: [Republican, GOP, R]}\n"
               "  - {id: dems, title: Democrats, affiliations: [Democrat, D]}\n"
               "  - {id: taliban, title: Taliban, affiliations: [Taliban]}\n")
    result = build_brief(outline, options=BuildOptions(cache=False))
    actors = {s.name: (s.actor, s.matched_by) for s in result.speakers.speakers}
    assert actors["Bob Goodlatte"] == ("gop", "affiliation")
    assert actors["Jim Clyburn"] == ("dems", "affiliation")
    assert actors["Taliban"][0] == "taliban"  # "a spokesman for the Taliban"
    goodlatte = next(s for s in result.speakers.speakers if s.name == "Bob Goodlatte")
    assert goodlatte.statements == 2 and goodlatte.role == "Representative"


def test_a_role_alone_yields_to_a_contradicting_party(make_corpus):
    outline = make_corpus({
        "a.txt": "Nominees speak\n\n"
                 "Hillary Clinton, the Democratic nominee, said the plan would cost too much.\n\n"
                 "Mike Pence, the Republican nominee for vice president, said on Monday that "
                 "the plan would work.\n",
    }, outline="title: T\ncorpus: corpus\nactors:\n"
               "  - {id: gop, title: Republican campaign, roles: [nominee],"
               " affiliations: [Republican]}\n")
    speakers = {s.name: s.actor for s in
                build_brief(outline, options=BuildOptions(cache=False)).speakers.speakers}
    assert speakers["Mike Pence"] == "gop" and speakers["Hillary Clinton"] is None


def test_a_description_fits_through_the_outlines_affiliation_forms():
    texts = ["Donald Trump, the Republican presidential candidate, spoke.",
             "The GOP candidate spoke."]
    ms = [Mention(0, 0, "Donald Trump", "the Republican presidential candidate", "person", True),
          Mention(1, 0, "The GOP candidate", None, "person", False)]
    alone = Clustering(texts).add_all(ms)
    assert len(alone) == 2  # "GOP" is no word of the role
    declared = Clustering(texts, {"republican": "republican", "gop": "republican"}).add_all(ms)
    assert _names(declared) == [["Donald Trump", "The GOP candidate"]]


def test_a_person_named_at_the_end_of_a_description():
    from pipeline.speakers.names import described_name

    common = frozenset({"of", "state", "analysis", "by"})
    assert described_name("U.S. Secretary of State Madeleine Albright", common).full == \
        "Madeleine Albright"
    assert described_name("an analysis by Lily Batchelder", common).full == "Lily Batchelder"
    assert described_name("a spokesman for Peace Now", frozenset({"peace", "now"})) is None


def test_a_government_is_named_by_its_place():
    assert group_label("the reformist government in Ontario").label == \
        group_label("the Ontario government").label == "Ontario government"
    assert group_label("the government of Pakistan").label == "Pakistani officials"
    assert group_label("the government of the United States").label == "U.S. officials"


def test_a_title_chain_with_a_body_after_a_preposition():
    from pipeline.speakers.names import described_name

    none = frozenset()
    chain = described_name("visiting Deputy Minister for Northern Water Affairs Ana Ruiz", none)
    assert chain.full == "Ana Ruiz"
    assert described_name("director of the NSA Paul M. Grant", none).full == "Paul M. Grant"
    assert described_name("Minister of Health Maria Elena Soto", none).full == \
        "Maria Elena Soto"


def test_a_body_described_by_common_nouns_is_the_named_one_of_its_article():
    texts = ["The High Court of Erewhon ruled. The seven-member court said more.",
             "A farmers group said. Green Fields, a farmers group, said more.",
             "The court said, in another story."]
    mentions = [(0, "The High Court of Erewhon", None, "org", False),
                (0, "the seven-member court", None, "org", False),
                (1, "a farmers group", None, "group", False),
                (1, "Green Fields", "a farmers group", "org", False),
                (2, "The court", None, "org", False)]
    clusters = _cluster(mentions, texts)
    by_name = {canonical_name(c): sorted(m.speaker for m in c.mentions) for c in clusters}
    # the third story names no court: the one court the corpus names
    assert by_name["High Court of Erewhon"] == ["The High Court of Erewhon", "The court",
                                                "the seven-member court"]
    assert by_name["Green Fields"] == ["Green Fields", "a farmers group"]
    # with two courts named in the corpus, a court no article names stays apart
    clusters = _cluster([*mentions, (3, "The Court of Appeal", None, "org", False)],
                        [*texts, "The Court of Appeal ruled."])
    assert "Court" in {canonical_name(c) for c in clusters}


def test_a_longer_group_label_joins_the_only_shorter_one():
    texts = ["x"] * 4
    clusters = _cluster([(0, "farm union leaders", None, "group", False),
                         (1, "Dairy farm union leaders", None, "group", False),
                         (2, "Israeli officials", None, "group", False),
                         (3, "officials", None, "group", False)], texts)
    assert sorted(canonical_name(c) for c in clusters) == [
        "Farm union leaders", "Israeli officials", "Officials"]


def test_a_name_read_as_a_person_that_is_a_group_elsewhere():
    texts = ["The Green Now group said.", "Green Now said."]
    clusters = _cluster([(0, "The Green Now group", None, "group", False),
                         (1, "Green Now", None, "person", True)], texts)
    assert _names(clusters) == [["Green Now", "The Green Now group"]]


def test_an_institution_belongs_to_its_wire_datelines_country():
    texts = ["ISLAMABAD (AP) _ The army said it had moved.",
             "JERUSALEM, May 2 (Xinhua) -- The army said it had moved.",
             "The army said it had moved."]
    clusters = _cluster([(0, "The army", None, "org", False),
                         (1, "The army", None, "org", False),
                         (2, "The army", None, "org", False)], texts)
    # the third is either army: it stays apart
    assert sorted(canonical_name(c) for c in clusters) == ["Army", "Israeli army",
                                                           "Pakistani army"]


def test_a_count_or_a_superlative_never_enters_a_group_label():
    texts = ["x"] * 2
    clusters = _cluster([(0, "the staunchest farm leaders", None, "group", False),
                         (1, "the nine senior judges", None, "group", False)], texts)
    assert sorted(canonical_name(c) for c in clusters) == ["Farm leaders", "Senior judges"]


def test_a_lead_that_describes_its_speaker_then_names_them():
    texts = ["Ohio's water commissioner says the wells are safe. Dana Whitfield says she "
             "checked them. Whitfield adds more.",
             "Ohio's water commissioner says so. Lee Park, a farmer, says not.",
             "Rita Moss says one thing. The state's water commissioner says another. "
             "Ben Cole says a third."]
    clusters = _cluster([(0, "Ohio's water commissioner", None, "person", False),
                         (0, "Dana Whitfield", None, "person", True),
                         (0, "Whitfield", None, "person", True),
                         (1, "Ohio's water commissioner", None, "person", False),
                         (1, "Lee Park", "a farmer", "person", True),
                         (2, "Rita Moss", None, "person", True),
                         (2, "The state's water commissioner", None, "person", False),
                         (2, "Ben Cole", None, "person", True)], texts)
    by_name = {canonical_name(c): sorted((m.doc, m.speaker) for m in c.mentions)
               for c in clusters}
    assert by_name["Dana Whitfield"] == [(0, "Dana Whitfield"), (0, "Ohio's water commissioner"),
                                         (0, "Whitfield")]
    # named with a role of his own, Lee Park is someone else; after Rita Moss was named,
    # the description is no lead's
    assert by_name["Lee Park"] == [(1, "Lee Park")]
    assert by_name["Ben Cole"] == [(2, "Ben Cole")]


def test_a_headline_label_is_no_given_name():
    assert person_name("The Latest: Trump’s") is None


def test_a_name_with_a_lowercase_particle():
    texts = ['"It must stop," said Seyyid al-Masri, the envoy. It was wrong, al-Masri said.']
    clusters = _cluster([(0, "Seyyid al-Masri", "the envoy", "person", False),
                         (0, "al-Masri", None, "person", False)], texts)
    assert [canonical_name(c) for c in clusters] == ["Seyyid al-Masri"]
    assert group_label("the nonpartisan Commission on Presidential Debates") == \
        GroupLabel("Commission on Presidential Debates", ("nonpartisan",))
