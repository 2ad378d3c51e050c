"""Split: blocks -> sentences, with NLTK's Punkt and parameters shipped here.

Nothing is downloaded: the Punkt model is built from the abbreviation and
sentence-starter lists below (written for English news text), so the splitter
behaves the same offline, in CI and on every machine.

Punkt works inside one block (one line of the article) at a time, so no
sentence ever spans a paragraph break. Two repairs follow it:

* glued sentences, where a web page lost the space after a full stop
  (`Province).The Taliban`, `autonomy.Aqil Shah`): split when a sentence-final
  mark sits between a lowercase letter or closing bracket and a capital letter;
* surrounding whitespace is trimmed, so `text == article.text[start:end]`
  always holds and spans never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import nltk_setup
from .clean import sentence_boilerplate
from .models import Block, Sentence

nltk_setup.prepare()

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # noqa: E402

# Abbreviations (lowercase, without the final period) after which a period
# does not end a sentence. Titles and ranks, months, countries and bodies
# written with periods, Latin and business shorthand common in news text.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof rev gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep amb sec pres
st jr sr messrs mt ft
jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.n u.k u.s.a e.u d.c t.t.p i.s.i n.y l.a
a.m p.m e.g i.e etc vs v no nos inc corp co ltd bros dept est approx fig vol
""".split())

# Words that, capitalised after an abbreviation, start a new sentence
# ("... removes the U.S. Moreover, ..."). Pronouns, articles, conjunctive
# adverbs and common sentence-initial words in news prose.
SENTENCE_STARTERS = frozenset("""
the a an this that these those it he she they we i you his her their its our
but and however moreover meanwhile still yet so thus instead also then there
in on at for as when while after before since if although though because
some many most several
""".split())

# A sentence-final mark glued to the next sentence: "Province).The",
# "autonomy.Aqil". Before it: a lowercase letter or digit, optionally a
# closing bracket or quote; after it: an uppercase letter starting a word.
_GLUED = re.compile(r"[a-z0-9\u00df-\u024f][)\]”’\"']?[.!?](?=[A-Z\u00c0-\u024f][^\W\d_])")


# No sentence of news prose comes near this many characters (the longest in
# the 1,250 DUC 2006 articles has 734 characters): a longer span is a table, a list
# or text whose punctuation was lost. It is kept, marked boilerplate
# ("overlong"), so later stages never spend time on it.
MAX_SENTENCE_CHARS = 5000


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


def _glued_splits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split text[start:end] where a full stop is glued to the next sentence."""
    cut = start
    for match in _GLUED.finditer(text, start, end):
        if match.end() < end:
            yield cut, match.end()
            cut = match.end()
    yield cut, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A span ending in a short capitalised word with a period, maybe in brackets
# ("Wis.", "(R-Wis.)", "Neb."): an abbreviation Punkt did not know.
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,3}\.\)?$")


def _false_break(text: str, start: int, end: int, next_start: int) -> bool:
    """Whether Punkt broke after an abbreviation it did not know ("Sen. Ron Johnson
    (R-Wis.) said ...", "Omaha, Neb. officials said"): the next span opens with ")",
    or opens with a lowercase ASCII word right after such an abbreviation."""
    head = text[next_start:next_start + 1]
    if head == ")":
        return True
    return "a" <= head <= "z" and bool(_ABBREVIATION_END.search(text, start, end))


# Punkt is given at most about this many characters at a time. NLTK runs its
# regular expressions under a wall-clock limit (nltk.redos, 5 s), so one call on a
# multi-megabyte line may fail on a slow or busy machine; pieces of this size take
# milliseconds. Paragraphs of news prose are far shorter (the longest block in the
# 1,250 DUC 2006 articles has about 3,000 characters), so real text never is cut.
PUNKT_CHUNK_CHARS = 20_000
# Where a long block may be cut before Punkt: after a sentence-final mark (and
# closing quotes or brackets) and the white space that follows it.
_CUT = re.compile(r"[.!?][\"')\]”’]*\s+")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """text[start:end] in pieces of at most PUNKT_CHUNK_CHARS, cut only where a
    sentence may end, each with whether it goes to Punkt. A stretch longer than that
    with no such place inside is one span that never goes to Punkt (split() marks
    it overlong)."""
    cut = start
    while end - cut > PUNKT_CHUNK_CHARS:
        window = cut + PUNKT_CHUNK_CHARS
        place = None
        for match in _CUT.finditer(text, cut, window):
            place = match.end()
        if place is not None:
            yield cut, place, True
        else:
            found = _CUT.search(text, window, end)
            place = found.end() if found else end
            yield cut, place, False
        cut = place
    if cut < end:
        yield cut, end, True


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of text[start:end]: Punkt, then glued-sentence repair, trimmed."""
    for piece_start, piece_end, to_punkt in _pieces(text, start, end):
        if to_punkt:
            yield from _punkt_spans(text, piece_start, piece_end)
        else:
            span = _trim(text, piece_start, piece_end)
            if span[1] > span[0]:
                yield span


def _punkt_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    pending: tuple[int, int] | None = None
    for s, e in _tokenizer().span_tokenize(chunk):
        for gs, ge in _glued_splits(text, start + s, start + e):
            ts, te = _trim(text, gs, ge)
            if te <= ts:
                continue
            if pending and _false_break(text, pending[0], pending[1], ts):
                pending = (pending[0], te)
                continue
            if pending:
                yield pending
            pending = (ts, te)
    if pending:
        yield pending


def split(doc: str, text: str, blocks: tuple[Block, ...]) -> tuple[Sentence, ...]:
    """All sentences of an article, in order, with their boilerplate status."""
    sentences: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        for start, end in sentence_spans(text, block.start, block.end):
            sentence_text = text[start:end]
            if block.boilerplate:
                reason = block.reason
            elif end - start > MAX_SENTENCE_CHARS:
                reason = "overlong"
            else:
                reason = sentence_boilerplate(sentence_text)
            sentences.append(Sentence(
                doc=doc, index=len(sentences), start=start, end=end, text=sentence_text,
                block=block_index, boilerplate=block.boilerplate or bool(reason), reason=reason,
            ))
    return tuple(sentences)
