"""Shared fixtures: the repository's paths, the demo build, small corpora made by hand."""

from __future__ import annotations

import io
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO_OUTLINE = REPO / "briefs" / "pakistan-taliban.yaml"
DEMO_CORPUS = REPO / "corpus" / "pakistan-taliban"
SHARED = REPO.parent / "shared"

# Tests never read or write the user's analysis cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="brief-test-cache-")


@pytest.fixture(scope="session")
def demo_result():
    """The demo brief, built once per test session (no rendering)."""
    from pipeline.build import build_brief

    return build_brief(DEMO_OUTLINE)


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`brief ARGV` in-process: exit code, stdout, stderr."""
    from pipeline.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def file_text(path: Path) -> str:
    """A corpus file as the JSON contract defines it: UTF-8, leading BOM removed."""
    return path.read_bytes().decode("utf-8-sig")


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write articles and an outline into tmp_path; return the outline path."""

    def make(articles: dict[str, str | bytes], outline: str | None = None,
             metadata: str | None = None) -> Path:
        corpus = tmp_path / "corpus"
        corpus.mkdir(exist_ok=True)
        for name, body in articles.items():
            data = body if isinstance(body, bytes) else body.encode("utf-8")
            (corpus / name).write_bytes(data)
        if metadata is not None:
            (corpus / "sources.yaml").write_text(metadata, encoding="utf-8")
        path = tmp_path / "outline.yaml"
        path.write_text(outline if outline is not None else
                        "title: Test brief\ncorpus: corpus\nactors: []\n", encoding="utf-8")
        return path

    return make


@pytest.fixture(autouse=True)
def _quiet_brief_logger():
    """Tests read warnings from results, not from the console."""
    logger = logging.getLogger("brief")
    before = logger.handlers[:], logger.propagate
    yield
    logger.handlers, logger.propagate = before
