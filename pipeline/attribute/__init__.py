"""Attribute: sentences -> who said them (speaker, role, cue, actor, quote).

One `Attribution` per sentence, aligned with the input. A sentence is attributed when
it reports what a source said, claimed, denied, believes or told someone, or the
position a source takes (wants, decided, endorsed, voted for: attribution as PolNeAR
annotates it), or when it is (part of) a quotation of a source. `cue` is None only for
the continuation of a quote whose cue is in another sentence. Two helpers label cues
for the brief (labels.py): `cue_carries_meaning(cue)` (a denial, accusation, warning
... worth showing) and `reports_speech(cue)` (words or beliefs, not a position taken
by an act); `is_statement` combines the latter with `Attribution.act`.

Measured with `benchmarks/attribution_polnear.py` (PolNeAR, sentence level) and
`benchmarks/attribution_gold.py` (the demo gold).

How it works, per article, in one left-to-right pass plus a short second pass; each
step is a module of this package:

1. quotes.py: quotation marks tracked across a paragraph; quoted text masked.
2. Cues. cues.py finds cue words (data/verbs.tsv, inflected by inflect.py);
   clauses.py reads each in its clause, checking what follows it with
   complements.py; a first tier of reporting verbs, then a broad tier of stance,
   support and cognition verbs; patterns.py has the attributions with no cue verb
   (credit lines, headline colons, "To Sharp, ...", polls); acts.py, last, the act
   of the main clause's subject ("Trump didn't apologize").
3. sources.py: the source noun phrase left or right of the cue (phrases.py reads
   the shallow syntax, names.py what a phrase names).
4. Coreference: entities.py keeps the article's registry of speakers (surnames,
   titles, appositions, descriptors); salience.py resolves pronouns.
5. continuations.py: sentences of a quote whose cue is elsewhere.
6. actors.py: the outline actor of each speaker.

Vocabulary is data (data/*.txt, data/verbs.tsv, loaded and checked by lexicon.py);
thresholds are in limits.py. No model, no download; every step looks at a bounded
window around a cue, so the stage is linear in the article.
"""

from __future__ import annotations

from ..models import Article, Attribution, Sentence
from ..outline import Actor
from .labels import cue_carries_meaning, is_statement, reports_speech

__all__ = ["attribute", "cue_carries_meaning", "is_statement", "reports_speech"]


def attribute(article: Article, sentences: tuple[Sentence, ...],
              actors: tuple[Actor, ...]) -> tuple[Attribution, ...]:
    """One Attribution per sentence (aligned); boilerplate gets NO_ATTRIBUTION, except a
    headline, which keeps its own."""
    from .driver import Attributor  # here: selection and rendering need only the labels

    del article  # the sentences carry the text; kept for the stage interface
    return Attributor(actors).run(sentences)
