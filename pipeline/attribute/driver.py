"""The article pass: every step of attribution, in order, over one article's sentences."""

from __future__ import annotations

from dataclasses import replace

from ..clean.dateline import dateline_end
from ..models import Attribution, Sentence
from ..outline import Actor
from .actors import ActorMatcher
from .acts import Acts
from .clauses import CueReader
from .continuations import assemble
from .entities import Registry
from .inflect import headline_verbs
from .model import ACCORDING_TO, Found, Quoted
from .names import Names
from .patterns import Patterns
from .phrases import Phrases, Vocabulary
from .quotes import parse_quotes
from .salience import Salience
from .sources import Sources
from .text import bare, is_cap


class Attributor:
    """Attribution of one article: one left-to-right pass that finds each sentence's own
    attribution (quotes, cues, patterns, acts), then continuations and actors."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        vocabulary = Vocabulary.of(actors)
        self.registry = Registry(actors, Phrases(vocabulary), Names(vocabulary))
        self.salience = Salience(self.registry)
        sources = Sources(self.registry, self.salience)
        self.cues = CueReader(sources)
        self.patterns = Patterns(sources)
        self.acts = Acts(sources)
        self.matcher = ActorMatcher(actors)

    def run(self, sentences: tuple[Sentence, ...]) -> tuple[Attribution, ...]:
        # words capitalised inside a sentence somewhere in the article: proper names, as
        # opposed to common words capitalised only because they open one ("Pressure")
        self.registry.proper = {bare(w) for s in sentences if not s.boilerplate
                                for w in s.text.split()[1:] if is_cap(w)}
        quoted: list[Quoted | None] = [None] * len(sentences)
        found: list[Found | None] = [None] * len(sentences)
        open_quote = False
        for i, sentence in enumerate(sentences):
            if i == 0 or sentences[i - 1].block != sentence.block:
                open_quote = False  # a quote never runs past its paragraph
            # a wire dateline ("JERUSALEM (AP) _") is no part of the lead's subject
            q = parse_quotes(sentence.text[dateline_end(sentence.text):], open_quote)
            open_quote = q.ends_open
            quoted[i] = q
            if sentence.boilerplate:
                continue
            self.registry.index = i
            found[i] = self._sentence(q)
            if found[i] is None:
                self.salience.centre(q)
        # The headline last, once the body has named everyone: it never becomes an item
        # (it is boilerplate), but who it quotes is part of what the article reports
        # ("Pat Caddell: Voters Worried ..."), and `brief annotate` shows it.
        for i, sentence in enumerate(sentences):
            title = quoted[i]
            if sentence.reason == "title" and title is not None:
                self.registry.index = i
                found[i] = self._sentence(title)
        return assemble(sentences, quoted, found, self.matcher)

    def _sentence(self, q: Quoted) -> Found | None:
        """The attribution a sentence states itself, if any: a headline colon, a cue of
        the first tier, then of the broad tier, a cue-less pattern, last an act."""
        self.registry.register_names(q.masked)
        masked = headline_verbs(q.masked)
        self.salience.begin(masked)
        found = (self.patterns.colon_head(masked)  # "Pat Caddell: Democrat Voters ..."
                 or self.cues.first(masked, broad=False)
                 or self.cues.first(masked, broad=True)
                 or self.patterns.find(masked))
        if found is None:
            found = self.acts.find(masked)
            if found is not None and q.has_quote:
                # "Obama is rolling out a new message: “It's about me.”": words, no act
                found = replace(found, act=False)
        if found is None:
            return None
        found = self.patterns.poll_for_share(found, masked)
        if found.cue != ACCORDING_TO:
            found = self.patterns.final_according_to(masked) or found
        self.salience.note(found.entity)
        return found
