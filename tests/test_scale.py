"""Analysis at scale: the cache, parallel and Dask maps give the same brief, cited
sources only, progress on stderr."""

from __future__ import annotations

import io
import sqlite3
import threading
from pathlib import Path

import pytest

from pipeline.build import BuildOptions, build_brief
from pipeline.cli import Progress, main
from pipeline.render import render

TOPICS = ["border fence", "refugee camps", "trade talks", "drone strikes", "wheat harvest",
          "cricket final", "school closures", "power cuts"]


def corpus_articles(n: int) -> dict[str, str]:
    """n small distinct articles, each on one of a few topics."""
    out = {}
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        out[f"a{i:03d}.txt"] = (
            f"Report {i} on {topic}\n\n"
            f"Officials said the {topic} dominated the week in district number {i}.\n\n"
            f"“We are watching the {topic} closely,” said Amir Rana, an analyst, on day {i}.\n\n"
            f"Residents described the {topic} as the worst in years for town {i}.\n")
    return out


OUTLINE = ("title: Scale\ncorpus: corpus\ncache: cache.sqlite\nactors: []\nthemes:\n"
           "  - {id: border, title: Border, query: border fence officials}\n"
           "  - {id: trade, title: Trade, query: trade talks residents}\n")


def _json(result) -> bytes:
    return render(result.brief, "json")


def test_scale_cache_hits_on_rebuild_and_misses_only_the_changed_article(make_corpus, tmp_path):
    outline = make_corpus(corpus_articles(12), outline=OUTLINE)
    cold = build_brief(outline)
    assert (cold.stats.hits, cold.stats.misses) == (0, 12)
    warm = build_brief(outline)
    assert (warm.stats.hits, warm.stats.misses) == (12, 0)
    assert _json(warm) == _json(cold)
    changed = tmp_path / "corpus" / "a005.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n",
                       encoding="utf-8")
    again = build_brief(outline)
    assert (again.stats.hits, again.stats.misses) == (11, 1)


def test_scale_no_cache_option_touches_no_file(make_corpus, tmp_path):
    outline = make_corpus(corpus_articles(3), outline=OUTLINE)
    result = build_brief(outline, options=BuildOptions(cache=False))
    assert result.stats.misses == 3 and not (tmp_path / "cache.sqlite").exists()


def test_scale_a_file_that_is_not_our_cache_is_left_alone(make_corpus, tmp_path, caplog):
    """Random bytes where the cache should be: not a cache this tool wrote, so it is
    never opened, moved or rewritten; the build goes on without a cache."""
    outline = make_corpus(corpus_articles(4), outline=OUTLINE)
    junk = b"this is not a database" * 100
    (tmp_path / "cache.sqlite").write_bytes(junk)
    with caplog.at_level("WARNING", logger="brief"):
        result = build_brief(outline)
    assert "not a brief cache: left alone" in caplog.text and result.stats.misses == 4
    assert build_brief(outline).stats.misses == 4
    assert (tmp_path / "cache.sqlite").read_bytes() == junk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite", "corpus",
                                                          "outline.yaml"]


def test_scale_corrupt_cache_of_ours_is_moved_aside_once(make_corpus, tmp_path, caplog):
    """A cache of ours that SQLite finds damaged is moved aside and started afresh."""
    outline = make_corpus(corpus_articles(4), outline=OUTLINE)
    build_brief(outline)
    cache = tmp_path / "cache.sqlite"
    data = bytearray(cache.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # the header (and its application id) kept
    cache.write_bytes(bytes(data))
    for companion in ("-wal", "-shm"):
        Path(f"{cache}{companion}").unlink(missing_ok=True)
    with caplog.at_level("WARNING", logger="brief"):
        result = build_brief(outline)
    assert "cache is corrupt" in caplog.text and result.stats.misses == 4
    assert Path(f"{cache}.corrupt").read_bytes() == bytes(data)
    assert build_brief(outline).stats.hits == 4
    with sqlite3.connect(cache) as db:
        # the four articles and the two theme queries
        assert db.execute("select count(*) from analysis").fetchone()[0] == 4 + 2


def test_scale_unreadable_record_is_analysed_again(make_corpus, tmp_path, caplog):
    """A record that is stored but damaged (its digest fails, or it does not fit its
    article): that article is analysed again, and the brief is the cold one."""
    outline = make_corpus(corpus_articles(5), outline=OUTLINE)
    cold = build_brief(outline, options=BuildOptions(cache=False))
    build_brief(outline)
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        db.execute("UPDATE analysis SET record = '{not json' WHERE rowid = "
                   "(SELECT min(rowid) FROM analysis)")
    with caplog.at_level("WARNING", logger="brief"):
        again = build_brief(outline, options=BuildOptions(jobs=2))
    assert "damaged" in caplog.text
    assert again.stats.misses == 1 and _json(again) == _json(cold)


def test_scale_rebuild_reads_the_index_from_the_cache(make_corpus, tmp_path, monkeypatch):
    """A rebuild from the cache analyses no text: sentences, term and concept lists
    and the theme queries' terms all come from the cache, and selection gives the
    brief of a cold build."""
    import pipeline.analysis as analysis
    import pipeline.vectors as vectors

    outline = make_corpus(corpus_articles(6), outline=OUTLINE)
    cold = build_brief(outline, options=BuildOptions(cache=False))
    build_brief(outline)  # fills the cache

    def refuse(*_args, **_kwargs):
        raise AssertionError("text analysed on a rebuild from the cache")

    for name in ("terms", "concepts"):
        monkeypatch.setattr(vectors, name, refuse)
        monkeypatch.setattr(analysis, name, refuse)
    monkeypatch.setattr(analysis, "analyse_one", refuse)
    warm = build_brief(outline)
    assert warm.stats.hits == 6 and _json(warm) == _json(cold)
    article = warm.analysed[0]
    assert len(article.terms) == len(article.sentences) == len(article.concepts)
    body = [i for i, s in enumerate(article.sentences) if not s.boilerplate]
    assert all(article.terms[i] for i in body)
    assert all(not article.terms[i] for i, s in enumerate(article.sentences) if s.boilerplate)


def test_scale_changed_article_is_analysed_in_a_worker(make_corpus, tmp_path, monkeypatch):
    """With --jobs 2 an edited article goes to a worker process (started before the
    cache is read), and the brief equals a cold single-process build."""
    import os

    import pipeline.analysis as analysis

    outline = make_corpus(corpus_articles(8), outline=OUTLINE)
    build_brief(outline, options=BuildOptions(jobs=2))
    changed = tmp_path / "corpus" / "a003.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n",
                       encoding="utf-8")
    pids = tmp_path / "pids"
    original = analysis.analyse_one

    def recording(article, actors):
        with pids.open("a", encoding="ascii") as out:
            out.write(f"{os.getpid()}\n")
        return original(article, actors)

    monkeypatch.setattr(analysis, "analyse_one", recording)  # forked workers inherit it
    again = build_brief(outline, options=BuildOptions(jobs=2))
    monkeypatch.setattr(analysis, "analyse_one", original)
    workers = pids.read_text(encoding="ascii").split()
    assert len(workers) == 1 and int(workers[0]) != os.getpid()
    cold = build_brief(outline, options=BuildOptions(cache=False))
    assert (again.stats.hits, again.stats.misses) == (7, 1)
    assert _json(again) == _json(cold)


def test_scale_typeset_pdf_is_reused_only_for_the_same_inputs(make_corpus, tmp_path):
    """The PDF of an unchanged brief comes from the cache, byte for byte; a changed
    brief or another variant is typeset anew."""
    import pipeline.render.pdf as pdf_module

    outline = make_corpus(corpus_articles(4), outline=OUTLINE)
    out = tmp_path / "out" / "brief.pdf"
    assert main(["build", str(outline), "--format", "pdf", "-o", str(out)]) == 0
    first = out.read_bytes()
    typeset = []
    original = pdf_module._typeset

    def counting(*args, **kwargs):
        typeset.append(1)
        return original(*args, **kwargs)

    pdf_module._typeset = counting
    try:
        assert main(["build", str(outline), "--format", "pdf", "-o", str(out)]) == 0
        assert out.read_bytes() == first and typeset == []
        assert main(["build", str(outline), "--format", "pdf", "-o", str(out),
                     "--pdf-variant", "pdf/ua-1"]) == 0
        assert typeset == [1] and out.read_bytes() != first
        changed = tmp_path / "corpus" / "a001.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nMore words.\n",
                           encoding="utf-8")
        assert main(["build", str(outline), "--format", "pdf", "-o", str(out)]) == 0
        assert typeset == [1, 1] and out.read_bytes() != first
        assert main(["build", str(outline), "--format", "pdf", "-o", str(out),
                     "--no-cache"]) == 0
        assert typeset == [1, 1, 1]
    finally:
        pdf_module._typeset = original
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        assert db.execute("select count(*) from renders").fetchone()[0] == 3


def test_scale_concurrent_builds_share_one_cache(make_corpus):
    outline = make_corpus(corpus_articles(10), outline=OUTLINE)
    results, errors = [], []

    def run() -> None:
        try:
            results.append(_json(build_brief(outline)))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(results)) == 1


def test_scale_cache_clear_command(make_corpus, tmp_path):
    outline = make_corpus(corpus_articles(2), outline=OUTLINE)
    build_brief(outline)
    cache = tmp_path / "cache.sqlite"
    assert cache.exists()
    out = io.StringIO()
    assert main(["cache", "clear", "--cache", str(cache)], stdout=out,
                stderr=io.StringIO()) == 0
    assert not cache.exists() and "cleared" in out.getvalue()


def test_scale_jobs_give_identical_output(make_corpus):
    outline = make_corpus(corpus_articles(80), outline=OUTLINE)
    one = build_brief(outline, options=BuildOptions(jobs=1, cache=False))
    two = build_brief(outline, options=BuildOptions(jobs=2, cache=False))
    assert _json(one) == _json(two) and two.stats.misses == 80


def test_scale_only_cited_sources_are_listed_in_citation_order(make_corpus):
    outline = make_corpus(corpus_articles(16), outline=OUTLINE)
    brief = build_brief(outline).brief
    cited = [n for s in brief.sections for i in s.items for n in i.citations]
    assert sorted(set(cited)) == [s.n for s in brief.sources] == \
        list(range(1, len(brief.sources) + 1))
    assert len(brief.sources) < 16
    firsts = list(dict.fromkeys(cited))
    assert firsts == sorted(firsts)


def test_scale_progress_lines_when_not_a_terminal():
    import logging

    stream = io.StringIO()
    logger = logging.getLogger("brief")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        progress = Progress(stream)
        for done in range(1, 451):
            progress(done, 450)
    finally:
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert lines == ["analysed 200/450 articles", "analysed 400/450 articles",
                     "analysed 450/450 articles"]


@pytest.mark.slow
def test_scale_dask_local_cluster_matches_single_process(make_corpus):
    pytest.importorskip("dask.distributed")
    outline = make_corpus(corpus_articles(70), outline=OUTLINE)
    single = build_brief(outline, options=BuildOptions(jobs=1, cache=False))
    dask = build_brief(outline, options=BuildOptions(jobs=2, engine="dask", cache=False))
    assert _json(dask) == _json(single)
    assert render(dask.brief, "pdf") == render(single.brief, "pdf")


def test_scale_cache_key_covers_every_file_of_the_analysing_code(tmp_path):
    """An edit to a word list, a new data file, a moved module or a removed package
    changes the code fingerprint (or fails loudly): never a stale analysis."""
    import shutil

    from pipeline.cache import code_fingerprint

    root = tmp_path / "pipeline"
    shutil.copytree(Path(__file__).resolve().parent.parent / "pipeline", root,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = code_fingerprint(root)
    assert code_fingerprint(root) == before
    data = root / "attribute" / "data" / "grammar.txt"
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = code_fingerprint(root)
    assert edited != before
    (root / "attribute" / "data" / "extra.txt").write_text("x\n", encoding="utf-8")
    added = code_fingerprint(root)
    assert added != edited
    (root / "attribute" / "data" / "extra.txt").rename(root / "attribute" / "extra.txt")
    assert code_fingerprint(root) != added  # the same bytes under another path
    shutil.rmtree(root / "attribute")
    with pytest.raises(RuntimeError, match="attribute"):
        code_fingerprint(root)
