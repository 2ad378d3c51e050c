"""Beyond a summary: the chronology, the who's who and the charts (issue 16)."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.build import BuildOptions, build_brief
from pipeline.render import render

from .conftest import DEMO_OUTLINE

# The demo's chronology, each entry's date checked by hand against its article (the
# article's publication date for "last month", "in June", "this month": 13 August
# 2021 for the New York Times story, the only one of the five dated). "The Taliban, who
# captured Afghanistan in 2021, are confident ..." is no entry: its year dates the
# relative clause, not what the sentence reports; nor "after the victory of the Taliban
# in 2021, the situation began to change": a date after "after" bounds the event.
DEMO_EVENTS = [
    ("said it began with a U.S.-backed program", "198", "decade"),
    ("The Pakistani Taliban, or T.T.P., a banned terrorist group", "2014", "year"),
    ("the head of the ISI-backed Haqqani network, Sirajuddin Haqqani", "2015", "year"),
    ("The former top leader of the Taliban was killed in Balochistan", "2016", "year"),
    ("Pakistani officials point to the fallout", "2020-02", "month"),
    ("In an interview with The New York Times in June", "2021-06", "month"),
    ("the U.S. secretary of state, Antony J. Blinken, said during a trip", "2021-07", "month"),
    ("last month alone, it claimed responsibility", "2021-07", "month"),
    ("When the Taliban captured the strategic border crossing", "2021-07", "month"),
    ("The Taliban \"are playing the role of a protective wall", "2021-07", "month"),
    ("The U.S. special representative for Afghanistan reconciliation", "2021-08", "month"),
    ("On Thursday the government said it was behind a July blast", "2021-08-12", "day"),
]


@pytest.fixture(scope="module")
def demo():
    return build_brief(DEMO_OUTLINE, options=BuildOptions(cache=False))


def _section(brief, kind):
    return next(s for s in brief.sections if s.kind == kind)


def test_demo_chronology_dates_are_right_at_their_precision(demo):
    events = _section(demo.brief, "chronology").items
    assert [(e.date, e.date_precision) for e in events] == [(d, p) for _, d, p in DEMO_EVENTS]
    for event, (prefix, _, _) in zip(events, DEMO_EVENTS, strict=True):
        assert event.text.startswith(prefix)
    texts = {a.article.doc: a.article.text for a in demo.analysed}
    assert all(texts[e.doc][e.start:e.end] == e.text for e in events)


def test_chronology_json_adds_the_date_and_its_precision(demo):
    data = json.loads(render(demo.brief, "json"))
    section = next(s for s in data["sections"] if s["kind"] == "chronology")
    assert section["items"][0]["date"] == "198"  # the 1980s
    assert section["items"][0]["date_precision"] == "decade"
    theme = next(s for s in data["sections"] if s["kind"] == "theme")
    assert "date" not in theme["items"][0]


def test_an_undated_corpus_has_no_invented_dates(make_corpus):
    outline = make_corpus(
        {"a.txt": "The river authority said on Monday that the dam gates would open.\n\n"
                  "Farmers said the wells ran dry in 2019 after a long drought.\n"},
        "title: T\ncorpus: corpus\nactors: []\nlayout: {chronology: true, key_points: 0}\n")
    events = _section(build_brief(outline, options=BuildOptions(cache=False)).brief,
                      "chronology").items
    # "Monday" needs a publication date, which this article has not
    assert [(e.date, e.date_precision) for e in events] == [("2019", "year")]


def test_people_are_one_row_per_speaker_with_their_sources(demo):
    people = _section(demo.brief, "people").people
    ids = [p.speaker_id for p in people]
    assert len(ids) == len(set(ids))
    quoted = {item.speaker_id for s in demo.brief.sections for item in s.items
              if item.speaker_id}
    assert set(ids) == quoted
    known = {s.n for s in demo.brief.sources}
    ghani = next(p for p in people if p.speaker == "Ashraf Ghani")
    assert ghani.actor == "afghan_officials" and ghani.in_brief >= 1
    assert ghani.statements >= ghani.in_brief and set(ghani.citations) <= known
    html = render(demo.brief, "html").decode("utf-8")
    assert '<table class="people">' in html and "Ashraf Ghani" in html
    kinds = [p.kind for p in people]
    assert kinds == sorted(kinds, key=lambda k: k != "person")  # people, then groups
    khan = next(p for p in people if p.speaker == "Imran Khan")
    assert khan.roles[0] == "Pakistani Prime Minister" and "Prime Minister" not in khan.roles


def test_a_role_inside_a_longer_one_is_shown_once():
    from pipeline.select.people import distinct_roles

    assert distinct_roles(["Pakistani Prime Minister", "Prime Minister", "party leader"]) \
        == ("Pakistani Prime Minister", "party leader")
    assert distinct_roles(["minister", "foreign minister"]) == ("minister", "foreign minister")


def test_charts_are_deterministic_accessible_svg(demo):
    charts = _section(demo.brief, "charts").charts
    assert [c.id for c in charts] == ["share-of-voice", "coverage"]
    share = charts[0]
    assert len(share.rows) == len(share.values)
    statements = {a.id: 0 for a in demo.loaded.actors}
    from pipeline.attribute.labels import is_statement

    for article in demo.analysed:
        for a in article.attributions:
            if a.actor in statements and is_statement(a):
                statements[a.actor] += 1
    titles = {a.title: a.id for a in demo.loaded.actors}
    assert {row: sum(v) for row, v in zip(share.rows, share.values, strict=True)} == {
        t: statements[i] for t, i in titles.items() if statements[i]}
    html = render(demo.brief, "html").decode("utf-8")
    svgs = re.findall(r"<svg .*?</svg>", html, re.DOTALL)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        assert "Brief Sans" in svg
    again = render(build_brief(DEMO_OUTLINE, options=BuildOptions(cache=False)).brief, "html")
    assert again == html.encode("utf-8")


def test_a_chart_escapes_what_it_shows(make_corpus):
    from pipeline.models import Chart
    from pipeline.render.charts import chart_svg

    chart = Chart("share-of-voice", "<b>T</b>", "d & <i>", ("<script>x</script>",),
                  ("[1]",), ((2,),))
    svg = chart_svg(chart, 1)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg


def test_layout_switches_and_a_bad_chronology_theme(make_corpus, tmp_path):
    from pipeline.errors import UserError

    outline = make_corpus({"a.txt": "Farmers said the wells ran dry in 2019 after a drought.\n"},
                          "title: T\ncorpus: corpus\nactors: []\n"
                          "layout: {chronology: {theme: nope}}\n")
    with pytest.raises(UserError, match=r"layout\.chronology\.theme 'nope' is no theme id"):
        build_brief(outline, options=BuildOptions(cache=False))


def test_an_event_is_dated_by_its_main_clause_and_its_reporting_verb(make_corpus):
    outline = make_corpus(
        {"river-20190304.txt":
            "The engineer who built the old bridge in 1962 said the new span was safe.\n\n"
            "Inspectors who visited the dam last month said Friday that the spillway "
            "had cracked.\n\n"
            "The council approved the repair budget in January 2019 after a long debate.\n"},
        "title: T\ncorpus: corpus\nactors: []\nlayout: {chronology: true, key_points: 0}\n")
    built = build_brief(outline, options=BuildOptions(cache=False))
    # the publication date comes from the file name (4 March 2019, a Monday)
    assert built.brief.sources[0].date == "2019-03-04"
    events = {e.text.split()[1]: (e.date, e.date_precision)
              for e in _section(built.brief, "chronology").items}
    # 1962 dates what the engineer did once (a relative clause), not this statement
    assert "engineer" not in events
    # "said Friday": the statement is the event, not the visit "last month"
    assert events["who"] == ("2019-03-01", "day")
    assert events["council"] == ("2019-01", "month")


def test_a_date_in_a_file_name_is_read_only_when_it_is_a_calendar_day():
    from pipeline.ingest.dates import name_date

    assert name_date("APW20000725.0086.txt") == "2000-07-25"
    assert name_date("2021-08-13 dawn.html") == "2021-08-13"
    assert name_date("nyt_2021_08_13.pdf") == "2021-08-13"
    assert name_date("report-20211399.txt") == ""  # no month 13
    assert name_date("id-1202108130.txt") == ""  # a longer run of digits is an id
    assert name_date("notes.txt") == ""
