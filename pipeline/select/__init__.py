"""Select: analysed articles + outline -> the brief's sections.

Theme sections answer a query within a word budget, in three steps:

1. Retrieve. Every candidate gets a relevance to the theme: TF-IDF similarity
   to the query expanded with the sentences that match it best (pseudo-
   relevance feedback), mixed with similarity to the corpus centroid. The
   theme's pool is the candidates whose similarity to the query as written
   is at least a share of the best one's, most relevant first. With several
   themes, a sentence belongs to the theme it is most relevant to, so themes
   do not repeat each other.
2. Weigh concepts. A concept is a pair of adjacent word stems. Its weight is
   the number of articles that use it in a sentence relevant to the theme,
   each article counting with that sentence's relevance: what many sources
   say about the theme matters most (Gillick & Favre 2009, with the counts
   weighted by relevance to the query).
3. Cover. Greedy budgeted maximum coverage (cost-scaled, Khuller et al.
   1999; Lin & Bilmes 2010): take the sentence that adds the most uncovered
   concept weight per word, blended with its relevance, until the budget is
   spent; never two near-duplicates. Items go back into reading order.

Actor sections take attributed statements of the actor's speakers, ranked by
how central and how on-theme they are (maximal marginal relevance, `pick`),
grouped by speaker; key points are the best items of the themes, in turn, shown
once (left out of their themes) unless the outline asks them restated. No statement
and no near-duplicate of one appears twice: each section passes over what the
sections before it showed (themes, then actors, then other voices).

Quality filters keep out sentences that cannot stand alone under a theme
heading: fragments, sentences leaning on the one before ("He said ...",
"... played a role in this."), rhetorical questions, and quotes that do not
say who is speaking. A wire dateline opening a lead sentence ("WASHINGTON
(AP) -- ") is left out of the item; the rest is still a verbatim span.

Items are never rewritten: each is a span of its source. A near-duplicate of
an item in another source adds that source to the item's citations
(corroboration) instead of appearing again.

Every quadratic step (MMR, near-duplicates inside a pool) runs on a pool of at
most POOL_SIZE candidates; everything over the whole corpus is linear.

Measured on DUC 2006 and left out (ROUGE-2 against 10.61 for the first
version of the coverage step): a lead-position prior on concept weights
(10.53-10.57); extra weight for concepts holding a query word (10.18-10.39);
an exact ILP over the best 100 candidates with scipy's HiGHS (10.48, and up to
2 s a topic); gain per word^0.5 or ^0.75 instead of per word (10.22, 10.56).
"""

from .candidates import (
    Candidate,
    Gathered,
    gather,
    quotable,
    quote_in_context,
    reading_order,
    stands_alone,
)
from .greedy import MAX_CITATIONS, NEAR_DUPLICATE, cover, pick
from .selector import QueryMatch, Selector, without_items

__all__ = ["MAX_CITATIONS", "NEAR_DUPLICATE", "Candidate", "Gathered", "QueryMatch",
           "Selector", "cover", "gather", "pick", "quotable", "quote_in_context",
           "reading_order", "stands_alone", "without_items"]
