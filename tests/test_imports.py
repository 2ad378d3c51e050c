"""What a build imports (issue 18): NLTK's tokenizer and stemmer without the rest of
NLTK; nothing breaks when the process imported the whole of NLTK first."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO

SPLIT_AND_STEM = (
    "from pipeline.sentences import sentence_spans\n"
    "from pipeline.vectors import stem\n"
    "text = 'Mr. Khan spoke on Monday. The Taliban denied it.'\n"
    "print([text[s:e] for s, e in sentence_spans(text, 0, len(text))], stem('running'))\n"
)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, check=True, timeout=120)
    return done.stdout


def test_splitting_and_stemming_import_two_parts_of_nltk_only():
    out = _run(SPLIT_AND_STEM + "import sys\n"
               "print(sorted(m for m in ('nltk.corpus', 'nltk.tag', 'scipy.stats') "
               "if m in sys.modules))\n")
    lines = out.splitlines()
    assert lines[0] == "['Mr. Khan spoke on Monday.', 'The Taliban denied it.'] run"
    assert lines[1] == "[]"


def test_a_process_that_imported_all_of_nltk_first_still_splits_and_stems():
    out = _run("import nltk\n" + SPLIT_AND_STEM + "print(hasattr(nltk, 'word_tokenize'))\n")
    assert out.splitlines() == ["['Mr. Khan spoke on Monday.', 'The Taliban denied it.'] run",
                                "True"]


def test_a_plain_text_corpus_imports_no_reader_of_other_formats(make_corpus, tmp_path):
    outline = make_corpus({"a.txt": "The minister said the bridge would reopen in May.\n"})
    out = _run(
        "import io, sys\n"
        "from pipeline.cli import main\n"
        f"code = main(['build', {str(outline)!r}, '--format', 'json', '-o', "
        f"{str(tmp_path / 'b.json')!r}, '--no-cache', '-q'], stdout=io.StringIO())\n"
        "print(code, sorted(m for m in ('trafilatura', 'pdfminer', 'docx', 'weasyprint') "
        "if m in sys.modules))\n")
    assert out.strip() == "0 []"
