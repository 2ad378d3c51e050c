"""Ingest: files to Articles, metadata, odd files, paths and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.ingest import ingest
from pipeline.outline import load_outline

from .conftest import DEMO_CORPUS, DEMO_OUTLINE, file_text


def _ingest(outline_path):
    loaded = load_outline(outline_path)
    return ingest(loaded.corpus_dir, loaded.folder, str(outline_path),
                  Path(loaded.outline.corpus).is_absolute())


def test_ingest_demo_reads_five_articles_with_stated_metadata():
    corpus = _ingest(DEMO_OUTLINE)
    assert len(corpus.articles) == 5 and corpus.warnings == ()
    by_doc = {a.doc: a for a in corpus.articles}
    nyt = by_doc["nyt-taliban-advance-pressure-on-pakistan"]
    assert nyt.meta.author == "Emily Schmall" and nyt.meta.date == "2021-08-13"
    assert nyt.path == "../corpus/pakistan-taliban/nyt-taliban-advance-pressure-on-pakistan.txt"
    for article in corpus.articles:
        assert article.text == file_text(DEMO_CORPUS / f"{article.doc}.txt")
        assert article.meta.url == ""  # no text states a URL


def _source_title(outline) -> str:
    from pipeline.build import build_brief, number_sources

    return number_sources(build_brief(outline).analysed)[0].title


def test_ingest_title_falls_back_to_first_line(make_corpus):
    outline = make_corpus({"a.txt": "\n\n  Border talks stall  \n\nBody text here.\n"})
    assert _ingest(outline).articles[0].meta.title == ""
    assert _source_title(outline) == "Border talks stall"


def test_ingest_metadata_title_wins(make_corpus):
    outline = make_corpus({"a.txt": "First line\n"}, metadata="a.txt: {title: Given}\n")
    assert _ingest(outline).articles[0].meta.title == "Given"


def test_ingest_bom_removed_and_crlf_kept(make_corpus):
    outline = make_corpus({"a.txt": "\ufeffLine one.\r\nLine two.\r\n".encode("utf-8")})
    article = _ingest(outline).articles[0]
    assert article.text == "Line one.\r\nLine two.\r\n"


def test_ingest_odd_files_are_skipped_or_replaced_with_a_warning(make_corpus):
    outline = make_corpus({
        "good.txt": "A good article.\n",
        "empty.txt": "",
        "blank.md": "\n \n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "latin1.txt": "Caf\xe9 talks.\n".encode("latin-1"),
        "ignored.pdf": b"%PDF",
    })
    corpus = _ingest(outline)
    assert [a.doc for a in corpus.articles] == ["good", "latin1"]
    assert corpus.articles[1].text == "Caf\ufffd talks.\n"
    joined = "\n".join(corpus.warnings)
    for name in ("empty.txt", "blank.md", "binary.txt", "latin1.txt"):
        assert name in joined
    # named .pdf but plain text: said, never silently ignored
    assert "ignored.pdf: not a PDF: its content is plain text, skipped" in joined


@pytest.mark.parametrize("articles, words", [
    (None, "not found"),
    ({}, "no readable article"),
    ({"empty.txt": ""}, "no readable article"),
])
def test_ingest_missing_or_empty_corpus_is_a_user_error(make_corpus, tmp_path, articles, words):
    outline = make_corpus(articles or {})
    if articles is None:
        (tmp_path / "corpus").rmdir()
    with pytest.raises(UserError) as info:
        _ingest(outline)
    assert words in info.value.line() and "corpus" in info.value.line()


def test_ingest_unknown_metadata_key_suggests_fix(make_corpus):
    outline = make_corpus({"a.txt": "Text.\n"}, metadata="a.txt:\n  autor: Someone\n")
    with pytest.raises(UserError) as info:
        _ingest(outline)
    assert "sources.yaml:2" in info.value.line() and "did you mean 'author'" in info.value.line()


def test_ingest_absolute_corpus_gives_absolute_paths(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": "Text.\n"},
                          outline=f"title: T\ncorpus: {tmp_path / 'corpus'}\nactors: []\n")
    assert _ingest(outline).articles[0].path == str((tmp_path / "corpus" / "a.txt").resolve())


def test_ingest_symlink_loop_does_not_hang(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": "Text.\n"})
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus")
    assert [a.doc for a in _ingest(outline).articles] == ["a"]


def test_ingest_title_skips_navigation_lines(make_corpus):
    outline = make_corpus({"a.txt": "Accessibility links\n\nBreaking News\n\n"
                                    "Pakistani Support Base Bolsters Taliban As U.S. Exits\n\n"
                                    "Hafiz Naimatullah had his life ahead of him. He was 21.\n"})
    assert _source_title(outline) == "Pakistani Support Base Bolsters Taliban As U.S. Exits"


def test_a_copy_lends_its_story_fields_but_not_its_outlet():
    from pipeline.ingest import filled_from_copies
    from pipeline.models import Copy, SourceMeta

    wire = SourceMeta(outlet="Meridian News Agency", origins=(("outlet", "text: wire dateline"),))
    page = SourceMeta(title="Kessan to cut supply", author="Kasia Lund", outlet="The Valley Times",
                      date="2026-03-03", url="https://valley.example/a",
                      origins=(("title", "page metadata"), ("author", "page metadata"),
                               ("outlet", "page metadata"), ("date", "page metadata"),
                               ("url", "page metadata")))
    filled = filled_from_copies(wire, [Copy(path="valley.html", kind="html", meta=page)])
    assert (filled.title, filled.author, filled.date) == ("Kessan to cut supply", "Kasia Lund",
                                                          "2026-03-03")
    assert (filled.outlet, filled.url) == ("Meridian News Agency", "")
    assert dict(filled.origins)["date"] == "page metadata of its copy valley.html"
    # a field the user gave empty in sources.yaml stays empty
    said_none = SourceMeta(origins=(("title", "sources.yaml"),))
    assert filled_from_copies(said_none, [Copy(path="v.html", kind="html", meta=page)]).title == ""


@pytest.mark.parametrize("value, iso", [
    ("2021-08-13", "2021-08-13"), ("2021/08/13", "2021-08-13"), ("2021.8.3", "2021-08-03"),
    ("Aug. 13, 2021", "2021-08-13"), ("13 August 2021", "2021-08-13"),
    ("Fri, 13 Aug 2021 10:00:00 +0000", "2021-08-13"), ("D:20210813120000+01'00'", "2021-08-13"),
    ("13/08/2021", "2021-08-13"),  # day first: 13 is no month
    ("06/05/1998", ""),  # day or month first: not guessed
    ("2021/08/13/story", ""), ("2021-13-01", ""),
])
def test_dates_read_to_iso_or_not_at_all(value, iso):
    from pipeline.ingest.dates import parse_date

    parsed = parse_date(value)
    assert parsed.iso == iso and bool(parsed.problem) == (iso == "")
