"""Attribution stage: who said what, on small hand-made texts and on the gold.

The hand-made texts are split by a small splitter here (one block per line),
so these tests depend only on `pipeline.attribute`, `pipeline.models` and
`pipeline.outline`, not on the clean stage being written alongside.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path

import pytest

from pipeline.attribute import attribute, cue_carries_meaning, is_statement, reports_speech
from pipeline.models import NO_ATTRIBUTION, Article, Attribution, Sentence, SourceMeta
from pipeline.outline import DEFAULT_ACTORS, Actor, load_outline

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "briefs" / "pakistan-taliban.yaml"
GOLD = ROOT / "tests" / "gold" / "attribution.yaml"

# Tokens ending in "." that do not end a sentence in these texts.
_NO_BREAK = re.compile(r"(?:Mr|Ms|Mrs|Dr|Gen|Lt|St|[A-Z])\.$|(?:[A-Z]\.){2,}$")


def _split(text: str, boilerplate_lines: frozenset[int] = frozenset()) -> tuple[Sentence, ...]:
    """Sentences of `text`: one block per line, a break after . ! ? (and a closing quote)."""
    sentences: list[Sentence] = []
    offset = 0
    for block, line in enumerate(text.split("\n")):
        start = None
        for m in re.finditer(r"\S+", line):
            if start is None:
                start = m.start()
            token = m.group()
            if re.search(r"[.!?](?:[”\"]|'')?$", token) and not _NO_BREAK.search(token):
                s, e = offset + start, offset + m.end()
                sentences.append(Sentence("t", len(sentences), s, e, text[s:e], block,
                                          block in boilerplate_lines,
                                          "caption" if block in boilerplate_lines else ""))
                start = None
        if start is not None:
            s, e = offset + start, offset + len(line.rstrip())
            sentences.append(Sentence("t", len(sentences), s, e, text[s:e], block,
                                      block in boilerplate_lines,
                                      "caption" if block in boilerplate_lines else ""))
        offset += len(line) + 1
    return tuple(sentences)


def _run(text: str, actors: tuple[Actor, ...] | None = None,
         boilerplate_lines: frozenset[int] = frozenset()) -> list[tuple[str, Attribution]]:
    sentences = _split(text, boilerplate_lines)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    article = Article(doc="t", path="t.txt", text=text, meta=SourceMeta())
    result = attribute(article, sentences, actors if actors is not None else _demo_actors())
    assert len(result) == len(sentences)
    return [(s.text, a) for s, a in zip(sentences, result)]


def _demo_actors() -> tuple[Actor, ...]:
    return load_outline(OUTLINE).actors


def _find(rows: list[tuple[str, Attribution]], needle: str) -> Attribution:
    hits = [a for text, a in rows if needle in text]
    assert len(hits) == 1, f"{needle!r} matches {len(hits)} sentences"
    return hits[0]


# --------------------------------------------------------------------------- behaviours


def test_attribute_he_said_resolves_to_most_recent_speaker() -> None:
    rows = _run(
        "A doctor in Chaman told the AP that he treated dozens of wounded fighters. "
        "Several were moved to Quetta, he said. The doctor spoke on condition of anonymity.\n"
        "Amir Rana, executive director of the Pakistan Institute of Peace Studies, said that "
        "jihad must stop. “Justifying it has to stop,” he said."
    )
    assert _find(rows, "Several were moved").speaker == "A doctor in Chaman"
    assert _find(rows, "Several were moved").cue == "said"
    rana = _find(rows, "Justifying it")
    assert rana.speaker == "Amir Rana"
    assert rana.speaker_role == "executive director of the Pakistan Institute of Peace Studies"
    assert rana.actor == "analysts"
    assert rana.quote is True
    # an act of the doctor, not a statement: kept out of "who said what"
    anonymity = _find(rows, "spoke on condition")
    assert anonymity.speaker == "A doctor in Chaman"
    assert anonymity.act is True and not is_statement(anonymity)


@pytest.mark.parametrize("text, speaker, cue", [
    ("Mr. Obama brought the leaders of China and India into the climate talks.",
     "Obama", "brought"),
    ("Trump didn’t apologize for his past statements.", "Trump", "didn’t apologize"),
    ("Donald Trump is raising questions about his microphone.", "Donald Trump", "is raising"),
    ("Tom Clarke, a nursing home owner, concocted a strategy to cut emissions.",
     "Tom Clarke", "concocted"),
    ("Senator Tiegen was also troubled by the handling of classified material.",
     "Tiegen", "was also troubled"),
    ("Mr. Trump, it turned out, knew their voters better than they did.", "Trump", "knew"),
    ("Trump last week invited Russia to look for the emails.", "Trump", "invited"),
])
def test_attribute_act_of_named_subject(text: str, speaker: str, cue: str) -> None:
    # (a lone surname is a name when the article capitalises it inside a sentence too)
    attribution = _find(_run(f"The rally was for Trump in Ohio.\n{text}"), text[:20])
    assert speaker in (attribution.speaker or "")
    assert attribution.cue == cue
    assert attribution.act is True and not is_statement(attribution)


@pytest.mark.parametrize("text", [
    "Zach Carter is a co-host of the podcast.",  # a description, not an act
    "Senator Bernie Sanders is scheduled to be in Arizona Monday.",  # a passive
    "Clinton won both states.",  # an outcome
    "It is important to act before the winter.",  # a pronoun with no antecedent
    "Pressure is mounting on Islamabad to act.",  # capitalised only as the first word
    "Both campaigns are using the failed bill.",  # "campaigns" is a noun, not a verb
    "That's something that worries Republican officials.",  # a clause, not a subject
])
def test_attribute_no_act_without_an_agent(text: str) -> None:
    assert _find(_run(text), text[:20]).speaker is None


@pytest.mark.parametrize("text, speaker, cue", [
    ("Wells Fargo was fined, including a record penalty imposed by the Consumer Financial "
     "Protection Bureau.", "Consumer Financial Protection Bureau", "imposed by"),
    ("Of the 10 judges, six were appointed by Democratic presidents.",
     "Democratic presidents", "appointed by"),
])
def test_attribute_act_of_a_passive_agent(text: str, speaker: str, cue: str) -> None:
    attribution = _find(_run(text), text[:20])
    assert (attribution.speaker, attribution.cue, attribution.act) == (speaker, cue, True)


def test_attribute_statement_noun_with_its_content() -> None:
    # "X's response was that ..." reports X's words; "X's response time" does not
    rows = _run("Rubio’s response was that the tax code is unfair to families.\n"
                "Rubio’s response time was slow on the night.")
    said = _find(rows, "was that")
    assert (said.speaker, said.cue, said.act) == ("Rubio", "response", False)
    assert _find(rows, "response time").speaker is None


def test_attribute_act_of_a_known_surname_read_as_a_name() -> None:
    # "likes" could be a plural noun, so the noun phrase reading fails; the surname of
    # a person named earlier opens the sentence, and the act is theirs
    rows = _run("Larry Wilmore hosted the dinner.\n"
                "Wilmore also likes to make fun of Washington.")
    act = _find(rows, "also likes")
    assert (act.speaker, act.cue, act.act) == ("Larry Wilmore", "likes", True)


def test_attribute_act_with_a_quote_is_a_statement() -> None:
    text = "President Obama is rolling out a new campaign message: “It's about me.”"
    attribution = _find(_run(text), "rolling out")
    assert "Obama" in (attribution.speaker or "")
    assert attribution.act is False and is_statement(attribution)


@pytest.mark.parametrize("text, speaker", [
    # an inverted cue closing the sentence, after a clause of its own
    ("Cruz lacks support in Congress, whom he has alienated, said Larry Sabato, director "
     "of the Center for Politics.", "Larry Sabato"),
    # an adverbial clause between subject and cue
    ("Clinton, after the scandal broke in March, initially said that there was no "
     "classified material.", "Clinton"),
    # a relative clause and a time between subject and cue
    ("New Jersey Governor Chris Christie, who is chairing the transition team, on Sunday "
     "defended the nominee's remarks.", "Chris Christie"),
    # coordinated verbs share the subject of the first, past an "as" inside the clause
    ("In his speech, Obama positioned Clinton as the most qualified person ever to run "
     "and said she was ready.", "Obama"),
])
def test_attribute_subject_across_intervening_phrases(text: str, speaker: str) -> None:
    attribution = _find(_run(text), text[:20])
    assert attribution.speaker == speaker
    assert attribution.act is False


def test_attribute_two_khans_resolve_by_mention_and_role() -> None:
    rows = _run(
        "Ismail Khan, a powerful warlord in Herat, told local media that the war was "
        "Pakistan's fault.\n"
        "Pakistani Prime Minister Imran Khan has told every forum that Pakistan wants peace.\n"
        "In a speech to lawmakers, Khan, the prime minister, called Osama bin Laden a martyr.\n"
        "Mr. Khan said Pakistan had used the \"maximum leverage it could.\""
    )
    ismail = _find(rows, "powerful warlord")
    assert (ismail.speaker, ismail.actor) == ("Ismail Khan", "afghan_officials")
    assert _find(rows, "every forum").speaker == "Imran Khan"
    assert _find(rows, "every forum").speaker_role == "Pakistani Prime Minister"
    # the apposition picks the prime minister, not the more recent warlord
    called = _find(rows, "called Osama")
    assert (called.speaker, called.actor, called.cue) == (
        "Imran Khan", "pakistani_officials", "called")
    assert _find(rows, "Mr. Khan said").speaker == "Imran Khan"


def test_attribute_two_khans_warlord_when_most_recent() -> None:
    rows = _run(
        "Pakistani Prime Minister Imran Khan has told every forum that Pakistan wants peace.\n"
        "Ismail Khan, a warlord allied with the government, told local media that the war "
        "was Pakistan's.\n"
        "Mr. Khan said the Taliban were Pakistan's servants."
    )
    assert _find(rows, "Mr. Khan said").speaker == "Ismail Khan"
    assert _find(rows, "Mr. Khan said").actor == "afghan_officials"


def test_attribute_mr_ms_and_surname_resolve_to_full_names() -> None:
    rows = _run(
        "\"Pakistan is really in a bind,\" said Elizabeth Threlkeld, a South Asia expert at "
        "the Stimson Center.\n"
        "Khan Nazar, an Afghan refugee in Karachi, said that his family had fled.\n"
        "Balochistan Home Minister Mir Ziaullah Langove says he has seen no reports.\n"
        "\"It seems it will be difficult,\" Mr. Nazar said.\n"
        "Still, said Ms. Threlkeld of the Stimson Center, Pakistan may accept the opprobrium.\n"
        "Langove, however, denied Taliban fighters are crossing into Afghanistan."
    )
    assert _find(rows, "It seems").speaker == "Khan Nazar"
    assert _find(rows, "It seems").actor is None
    ms = _find(rows, "Still, said")
    assert (ms.speaker, ms.actor) == ("Elizabeth Threlkeld", "analysts")
    langove = _find(rows, "Langove, however")
    assert langove.speaker == "Mir Ziaullah Langove"
    assert langove.speaker_role == "Balochistan Home Minister"  # from the earlier title
    assert langove.cue == "denied"
    assert langove.actor == "pakistani_officials"


def test_attribute_quote_split_over_sentences() -> None:
    rows = _run(
        "A surgeon in Quetta told Radio Mashaal that private hospitals treat fighters.\n"
        "“Most fighters hide their identity details. And we do not know their names,” he added."
        " “Their monthly payments are settled by a Taliban representative.”"
    )
    first = _find(rows, "Most fighters hide")
    second = _find(rows, "And we do not know")
    assert first.speaker == second.speaker == "A surgeon in Quetta"
    assert second.cue == "added"
    assert first.quote and second.quote
    assert _find(rows, "monthly payments").speaker == "A surgeon in Quetta"


def test_attribute_quote_split_takes_the_later_cue_not_the_previous_speaker() -> None:
    rows = _run(
        "Afghan officials say the Taliban recruit in mosques.\n"
        "“I can say openly that this war is not an Afghan war. It is Pakistan’s war against "
        "the Afghan nation,” said Ismail Khan, a warlord in Herat."
    )
    first = _find(rows, "I can say openly")
    assert (first.speaker, first.actor, first.cue) == ("Ismail Khan", "afghan_officials", None)
    assert _find(rows, "Pakistan’s war").cue == "said"


def test_attribute_continuation_without_cue() -> None:
    rows = _run(
        "One journalist who requested anonymity said he attended a Taliban funeral.\n"
        "“It was a strange affair,” he said of the “fatiha.” "
        "“Clerics were trying to encourage other relatives to follow his path.”\n"
        "“For the Taliban, the calculus is simple: Why quit when you’re ahead?”"
    )
    continuation = _find(rows, "Clerics were trying")
    assert continuation.speaker == "One journalist"
    assert continuation.cue is None
    assert continuation.quote is True
    # a quote paragraph right after the speaker's paragraph continues it
    assert _find(rows, "calculus is simple").speaker == "One journalist"


def test_attribute_continuation_needs_an_attributed_neighbour() -> None:
    rows = _run(
        "The border is long and porous.\n"
        "“The Taliban mostly cross the fence at night.”"
    )
    assert _find(rows, "cross the fence").speaker is None


def test_attribute_according_to() -> None:
    rows = _run(
        "The army chief walked out of meetings with the Taliban, according to senior security "
        "officials familiar with the meetings.\n"
        "According to analysts, students are inspired to wage jihad."
    )
    a = _find(rows, "walked out")
    assert a.cue == "according to"
    assert a.speaker == "senior security officials familiar with the meetings"
    assert a.actor == "pakistani_officials"
    b = _find(rows, "students are inspired")
    assert (b.speaker, b.actor) == ("analysts", "analysts")


def test_attribute_backtick_and_archive_quotes() -> None:
    rows = _run(
        "``The Pakistan-U.S. relationship is passing through a rough patch,'' said Asif "
        "Durrani, a former Pakistani diplomat.\n"
        "''Islamabad does wield extensive leverage,'' said Michael Kugelman, deputy director "
        "of the Asia Program at the Wilson Center.\n"
        "``But the Taliban have the luxury of resisting.''"
    )
    durrani = _find(rows, "rough patch")
    assert (durrani.speaker, durrani.quote, durrani.cue) == ("Asif Durrani", True, "said")
    kugelman = _find(rows, "extensive leverage")
    assert kugelman.speaker == "Michael Kugelman"
    assert kugelman.speaker_role == (
        "deputy director of the Asia Program at the Wilson Center")
    assert kugelman.actor == "analysts"
    assert _find(rows, "luxury of resisting").speaker == "Michael Kugelman"


def test_attribute_group_descriptors_and_they() -> None:
    rows = _run(
        "Two security officials denied that jihadi groups received official help. They said "
        "a fence would stop the smuggling of fighters.\n"
        "Afghan officials say that the Taliban find rich recruiting grounds in mosques. "
        "Pakistani officials deny that.\n"
        "Pakistani security officials say India stages covert attacks. In the last six "
        "months, they say more than 200 soldiers have been killed."
    )
    assert _find(rows, "Two security").actor == "pakistani_officials"
    assert _find(rows, "They said a fence").speaker == "Two security officials"
    assert _find(rows, "Afghan officials say").actor == "afghan_officials"
    deny = _find(rows, "deny that.")
    assert (deny.speaker, deny.cue, deny.actor) == (
        "Pakistani officials", "deny", "pakistani_officials")
    assert _find(rows, "In the last six").speaker == "Pakistani security officials"


def test_attribute_members_win_over_nationality_rules() -> None:
    text = (
        "\"I don't think the euphoria is reflective of the mood,\" said Asif Durrani, a former "
        "Pakistani diplomat.\n"
        "\"It is the beginning,\" said Aftab Khan Sherpao, a former Pakistani interior minister "
        "who survived three T.T.P. suicide attacks.\n"
        "In response to a request for comment, a senior Pakistani security official "
        "acknowledged that sympathies for extremists exist.\n"
        "Ghulam Mustafa, a retired lieutenant general and defense commentator, described the "
        "insurgency as \"a struggle of epic proportions.\""
    )
    rows = _run(text)
    # Durrani is an outline member of analysts: members win
    assert _find(rows, "euphoria").actor == "analysts"
    # a former minister, no member: speaks as a commentator now -> analysts
    sherpao = _find(rows, "It is the beginning")
    assert sherpao.speaker_role == "a former Pakistani interior minister"
    assert sherpao.actor == "analysts"
    assert _find(rows, "sympathies").speaker == "a senior Pakistani security official"
    assert _find(rows, "sympathies").actor == "pakistani_officials"
    assert _find(rows, "epic proportions").actor == "analysts"
    # without member lists the nationality + role rule decides
    default = _run(text, DEFAULT_ACTORS)
    assert _find(default, "sympathies").actor == "pakistani_officials"
    assert _find(default, "It is the beginning").actor == "analysts"


def test_attribute_stanikzai_is_taliban() -> None:
    text = (
        "Sher Mohammad Abbas Stanikzai, Deputy Minister of Foreign Affairs of the Islamic "
        "Emirate, has confirmed that ISIS operates training centers in Pakistan. "
        "“We have sufficient evidence on this matter. The confessions demonstrate it,” "
        "he stated."
    )
    for actors in (_demo_actors(), DEFAULT_ACTORS):  # member, then nationality + role
        rows = _run(text, actors)
        first = _find(rows, "has confirmed")
        assert first.speaker == "Sher Mohammad Abbas Stanikzai"
        assert first.speaker_role == (
            "Deputy Minister of Foreign Affairs of the Islamic Emirate")
        assert first.actor == "taliban"
        assert _find(rows, "sufficient evidence").actor == "taliban"
        assert _find(rows, "he stated").cue == "stated"


def test_attribute_nearest_nationality_decides() -> None:
    rows = _run(
        "The Afghan Taliban spokesman Zabihullah Mujahid said the group wants peace.\n"
        "An Afghan government spokesman said Kabul would hold the city.",
        DEFAULT_ACTORS,
    )
    assert _find(rows, "wants peace").actor == "taliban"
    assert _find(rows, "hold the city").actor == "afghan_officials"


def test_attribute_documents_and_media_office() -> None:
    rows = _run(
        "“Senior clerics will talk about jihad,” read a poster inviting friends to a memorial. "
        "“A vocalist will offer chants,” the poster added.\n"
        "“A peaceful Afghanistan means a peaceful region,” a statement by the Pakistani "
        "military’s media office noted on May 10."
    )
    poster = _find(rows, "vocalist")
    assert poster.speaker == "a poster inviting friends to a memorial"
    assert poster.actor is None
    statement = _find(rows, "peaceful region")
    assert statement.speaker == "a statement by the Pakistani military’s media office"
    assert statement.cue == "noted"
    assert statement.actor == "pakistani_officials"


def test_attribute_descriptor_coreference() -> None:
    rows = _run(
        "“His father did not mourn,” a cleric close to the Afghan Taliban in Quetta, "
        "Balochistan’s capital, told Radio Mashaal.\n"
        "The cleric, who requested anonymity, said dozens of volunteers have been killed.\n"
        "A surgeon in Quetta told Radio Mashaal that hospitals treat wounded fighters.\n"
        "The doctor said fighters are rushed to Karachi."
    )
    cleric = _find(rows, "His father")
    assert cleric.speaker == "a cleric close to the Afghan Taliban in Quetta"
    assert cleric.cue == "told Radio Mashaal"
    assert cleric.actor is None  # close to the Taliban is not the Taliban
    assert _find(rows, "The cleric, who").speaker == cleric.speaker
    assert _find(rows, "The doctor said").speaker == "A surgeon in Quetta"


def test_attribute_country_speaks_for_its_officials() -> None:
    rows = _run(
        "Pakistan has tried to convince Afghans that it wants peace. It says that the days of "
        "strategic depth are over.\n"
        "Its archrival, India, says that support for the Taliban comes from Pakistan."
    )
    says = _find(rows, "It says")
    assert (says.speaker, says.actor) == ("Pakistan", "pakistani_officials")
    assert not is_statement(_find(rows, "convince Afghans"))  # an act at most
    assert _find(rows, "archrival").speaker == "India"
    assert _find(rows, "archrival").actor is None


def test_attribute_unattributed_narrative_sentences_stay_none() -> None:
    narrative = (
        "The Taliban are claiming towns and territories across Afghanistan.\n"
        "In general, it can be said that the Taliban would not have existed.\n"
        "It is important to acknowledge that Afghans are the primary casualties.\n"
        "Afghan officials have tried to persuade Pakistani authorities to deny the Taliban "
        "its sanctuaries.\n"
        "Radio Mashaal verified the details of the fighters mentioned in this story.\n"
        "The officials spoke to the AP on condition of anonymity.\n"
        "Their recruitment goes on, interrupted when police reports from the border arrive.\n"
        "RFE/RL has been declared an \"undesirable organization\" by the Russian government.\n"
        "Virtually no one buys Pakistani denials about the country’s links to the Taliban.\n"
        "The fence is being built along the border, as the line is called after a British "
        "official.\n"
        "If you are in Russia, please note that you could face fines."
    )
    rows = _run(narrative)
    for text, a in rows:
        assert not is_statement(a), (text, a)
    # the acts of subjects that can take a position; nothing for the others
    acts = {text[:22]: a.speaker for text, a in rows if a.act}
    assert acts == {"The Taliban are claimi": "The Taliban",
                    "Afghan officials have ": "Afghan officials",
                    "Radio Mashaal verified": "Radio Mashaal",
                    "The officials spoke to": "Afghan officials"}, rows
    assert all(a == NO_ATTRIBUTION for _text, a in rows if not a.act), rows


def test_attribute_boilerplate_gets_no_attribution() -> None:
    rows = _run(
        "Pakistan says it has pressed for a negotiated settlement in Afghanistan.\n"
        "Afghan officials say the Taliban recruit in mosques.",
        boilerplate_lines=frozenset({0}),
    )
    assert rows[0][1] is NO_ATTRIBUTION or rows[0][1] == NO_ATTRIBUTION
    assert rows[1][1].actor == "afghan_officials"


def test_attribute_empty_and_aligned() -> None:
    article = Article(doc="t", path="t.txt", text="", meta=SourceMeta())
    assert attribute(article, (), DEFAULT_ACTORS) == ()
    rows = _run("One. Two said nothing. “Three,” he said.")
    assert len(rows) == 3


def test_attribute_runs_in_linear_time() -> None:
    paragraph = (
        "Balochistan Home Minister Mir Ziaullah Langove says he has seen no reports. "
        "“No one has reported this,” he told Radio Mashaal. The border is long. "
        "Pakistani officials deny that.\n"
    )
    small, large = paragraph * 50, paragraph * 400

    def timed(text: str) -> float:
        sentences = _split(text)
        article = Article(doc="t", path="t.txt", text=text, meta=SourceMeta())
        start = time.perf_counter()
        attribute(article, sentences, DEFAULT_ACTORS)
        return time.perf_counter() - start

    timed(paragraph)  # warm the lexicon caches
    t_small, t_large = timed(small), timed(large)
    assert t_large < 2.0
    assert t_large < 8 * 3 * max(t_small, 1e-3)  # 8x the text, far from quadratic (64x)


# --------------------------------------------------------------------------- second tier


def test_attribute_stance_and_intention_verbs_are_attributed() -> None:
    rows = _run(
        "Senator Bernie Sanders wants a ban on fracking.\n"
        "Governor Chris Christie endorsed Donald Trump on Friday.\n"
        "A Quinnipiac University poll found that Clinton leads by six points.\n"
        "The Clinton campaign declined to comment on the report.\n"
        "The border is long and porous.",
        DEFAULT_ACTORS,
    )
    assert (_find(rows, "wants a ban").speaker, _find(rows, "wants a ban").cue) == (
        "Bernie Sanders", "wants")
    assert _find(rows, "endorsed Donald").speaker == "Chris Christie"
    assert _find(rows, "poll found").speaker == "A Quinnipiac University poll"
    assert _find(rows, "declined to").speaker == "The Clinton campaign"
    assert _find(rows, "long and porous").speaker is None


def test_attribute_second_tier_needs_a_holder_and_no_negation() -> None:
    rows = _run(
        "The death toll of Pakistani volunteers highlights a sticking point of the conflict.\n"
        "A sustained crackdown by Pakistan pushed the group into Afghanistan.\n"
        "It also hasn't condemned reported Taliban atrocities.\n"
        "Pakistan has tried to convince Afghans that it doesn't want a Taliban government.",
        DEFAULT_ACTORS,
    )
    for text, a in rows:
        assert not is_statement(a), (text, a)
    # no one who can take a position acts in the first two; "it" and "Pakistan" do
    assert rows[0][1] == NO_ATTRIBUTION and rows[1][1] == NO_ATTRIBUTION, rows


def test_attribute_subject_relative_takes_its_antecedent() -> None:
    rows = _run(
        "The loss was steep for Bernie Sanders, who said he intended to take a day off.\n"
        "Republicans who expect a close race have raised money.",
        DEFAULT_ACTORS,
    )
    a = _find(rows, "who said")
    assert (a.speaker, a.cue) == ("Bernie Sanders", "said")
    assert _find(rows, "who expect").speaker == "Republicans"


def test_attribute_object_relative_and_comparison_subjects() -> None:
    rows = _run(
        "The governor vetoed a bill, which critics said was discriminatory.\n"
        "Obama got less credit than aides say he deserves.",
        DEFAULT_ACTORS,
    )
    assert _find(rows, "critics said").speaker == "critics"
    assert _find(rows, "aides say").speaker == "aides"


def test_attribute_title_case_headline_verbs() -> None:
    rows = _run("Trump Says He Will Win New Hampshire\nSanders Slams Clinton On Trade",
                DEFAULT_ACTORS)
    assert (_find(rows, "Trump Says").speaker, _find(rows, "Trump Says").cue) == (
        "Trump", "says")
    assert _find(rows, "Sanders Slams").speaker == "Sanders"


def test_attribute_colon_heads_and_labels() -> None:
    rows = _run("Clinton: Time for a new strategy against ISIL.\n"
                "Q: Did the immigration service take care of you?\n"
                "Update: The story was corrected on Monday.", DEFAULT_ACTORS)
    assert (_find(rows, "Time for").speaker, _find(rows, "Time for").cue) == ("Clinton", ":")
    assert _find(rows, "Did the immigration").speaker == "Q"
    assert _find(rows, "Update:").speaker is None


def test_attribute_dash_credit_gives_the_quotation_its_speaker() -> None:
    rows = _run("Readers wrote in.\n"
                "“Trump is a disgrace. He represents our greatest shame.” ― Jane Doe\n"
                "The wall is long — Trump.", DEFAULT_ACTORS)
    credit = _find(rows, "― Jane Doe")
    assert (credit.speaker, credit.cue) == ("Jane Doe", "—")
    assert _find(rows, "Trump is a disgrace").speaker == "Jane Doe"
    assert _find(rows, "The wall is long").speaker is None


def test_attribute_name_and_verb_closing_a_quote() -> None:
    rows = _run("“Jeb wants to be a tough guy tonight,” Trump shot back.\n"
                "“Gun owners should leave their weapons at home,” opined Cleveland's Plain "
                "Dealer.",
                DEFAULT_ACTORS)
    assert (_find(rows, "tough guy").speaker, _find(rows, "tough guy").cue) == ("Trump", "shot")
    assert _find(rows, "Gun owners").speaker == "Plain Dealer"  # the possessive is no name


def test_attribute_passive_with_an_agent() -> None:
    rows = _run("The immigration bill, opposed by House Republicans, never became law.\n"
                "The bill was passed by a wide margin.", DEFAULT_ACTORS)
    a = _find(rows, "opposed by")
    assert (a.speaker, a.cue) == ("House Republicans", "opposed by")
    assert _find(rows, "wide margin").speaker is None


def test_attribute_participles_of_documents_people_and_gerunds() -> None:
    rows = _run(
        "On Saturday, Donald Trump issued a statement saying that Scalia was remarkable.\n"
        "The share of GOP primary voters saying they want a ban is high.\n"
        "Hillary Clinton clearly erred in saying that the figure came from the FBI.",
        DEFAULT_ACTORS,
    )
    assert _find(rows, "statement saying").speaker == "Donald Trump"
    assert _find(rows, "voters saying").speaker == "The share of GOP primary voters"
    assert _find(rows, "erred in saying").speaker == "Hillary Clinton"


def test_attribute_controlled_infinitive_cue() -> None:
    rows = _run("Senator Ted Cruz refused to say whether he would back Trump.\n"
                "Afghan officials have tried unsuccessfully to persuade Pakistani authorities "
                "to deny the Taliban its sanctuaries.", DEFAULT_ACTORS)
    assert _find(rows, "refused to say").speaker == "Ted Cruz"
    assert not is_statement(_find(rows, "to persuade"))


def test_attribute_possessive_statement_noun() -> None:
    rows = _run("Other Republicans joined Mike Pence's call for a special prosecutor.\n"
                "Bernie Sanders spoke in Iowa. His criticism of Wall Street was sharp.\n"
                "The United Nations rebuffed Pakistan’s request to address a meeting.",
                DEFAULT_ACTORS)
    assert (_find(rows, "call for").speaker, _find(rows, "call for").cue) == ("Mike Pence", "call")
    assert _find(rows, "His criticism").speaker == "Bernie Sanders"
    assert _find(rows, "rebuffed").speaker == "The United Nations"  # not Pakistan


def test_attribute_poll_is_the_source_of_its_figures() -> None:
    rows = _run("Sixty-seven percent of Americans said they disliked Trump in a Washington "
                "Post-ABC News poll this month.\n"
                "Trump led Cruz among evangelicals in a Des Moines Register poll last month.",
                DEFAULT_ACTORS)
    assert _find(rows, "Sixty-seven").speaker == "a Washington Post-ABC News poll"
    a = _find(rows, "Des Moines")
    assert (a.speaker, a.cue) == ("a Des Moines Register poll", "in")


def test_attribute_quantified_and_ratio_subjects() -> None:
    rows = _run("Some say they hear echoes of a painful past.\n"
                "About one in five say they would not vote.\n"
                "Two-thirds support reducing prison sentences.", DEFAULT_ACTORS)
    assert _find(rows, "echoes").speaker == "Some"
    assert _find(rows, "one in five").speaker == "About one in five"
    assert _find(rows, "Two-thirds").cue == "support"


def test_attribute_stance_adjectives_and_made_clear() -> None:
    rows = _run("Senator Lindsey Graham is critical of the deal.\n"
                "President Barack Obama made clear that the visit mattered.\n"
                "But independent observers remain skeptical.", DEFAULT_ACTORS)
    assert _find(rows, "critical of").speaker == "Lindsey Graham"
    assert _find(rows, "made clear").speaker == "Barack Obama"
    assert not is_statement(_find(rows, "remain skeptical"))  # a stance with no content


def test_attribute_names_that_look_like_adverbs_or_auxiliaries() -> None:
    rows = _run("“Elections matter,” Kelly said.\n"
                "Polk County GOP Chairman Will Rogers, for example, said the visit helped.",
                DEFAULT_ACTORS)
    assert _find(rows, "Elections matter").speaker == "Kelly"
    assert _find(rows, "Will Rogers").speaker == "Will Rogers"


def test_attribute_parentheticals_between_subject_and_cue() -> None:
    rows = _run(
        "Powell’s office, when contacted by Reuters, said the diplomat could not recall it.\n"
        "U.S. officials have, in fact, praised the Saudis for their help.\n"
        "Donald Trump, while being interviewed on Fox on Monday, called again for Obama to "
        "resign.",
        DEFAULT_ACTORS,
    )
    assert _find(rows, "when contacted").speaker == "Powell’s office"
    assert _find(rows, "in fact").speaker == "U.S. officials"
    assert _find(rows, "called again").speaker == "Donald Trump"


def test_attribute_scare_quote_is_narrative() -> None:
    rows = _run("In a memo on Tuesday, Noah Oppenheim, the executive in charge of ''Today,'' "
                "reminded his staff about the rules.\n"
                "This is a \"raw time,\" said David Axelrod, a Democratic strategist.",
                DEFAULT_ACTORS)
    assert _find(rows, "reminded his staff").speaker == "Noah Oppenheim"
    assert _find(rows, "raw time").speaker == "David Axelrod"


def test_attribute_main_clause_cue_wins_over_subordinate() -> None:
    rows = _run("While critics argue that the swaps encourage kidnapping, President Obama "
                "said the releases were a fair trade.", DEFAULT_ACTORS)
    a = _find(rows, "critics argue")
    assert (a.speaker, a.speaker_role, a.cue) == ("Obama", "President", "said")


def test_attribute_they_resolves_to_a_plural_people_subject() -> None:
    rows = _run("The Taliban said the war was over.\n"
                "The central authorities were afraid of Pashtun separatism. They decided to "
                "support the madrassas.", DEFAULT_ACTORS)
    assert _find(rows, "They decided").speaker == "The central authorities"


def test_attribute_descriptor_with_a_new_name_is_another_source() -> None:
    rows = _run("A new poll shows Clinton ahead.\n"
                "The PPIC poll shows the race breaking along familiar lines.", DEFAULT_ACTORS)
    assert _find(rows, "A new poll").speaker == "A new poll"
    assert _find(rows, "PPIC").speaker == "The PPIC poll"


def test_attribute_purpose_infinitive_and_coordinated_participle() -> None:
    rows = _run("Retired neurosurgeon Ben Carson went on ABC's This Week to defend his staff.\n"
                "Melania Trump is breaking her silence and praising his candidacy.\n"
                "Mrs. Clinton has since said she would support a wage increase.\n"
                "It is important to acknowledge that Afghans are the primary casualties.",
                DEFAULT_ACTORS)
    carson = _find(rows, "to defend")
    assert (carson.speaker, carson.cue) == ("Ben Carson", "defend")
    assert _find(rows, "praising").speaker == "Melania Trump"
    assert (_find(rows, "since said").speaker, _find(rows, "since said").cue) == (
        "Clinton", "said")
    assert _find(rows, "important to").speaker is None


# --------------------------------------------------------------------------- cue labels


@pytest.mark.parametrize("cue, meaningful", [
    ("denied", True), ("has denied", True), ("accused", True), ("warned", True),
    ("claimed", True), ("insisted", True), ("admitted", True), ("called", True),
    ("are confident that", True), ("made it clear", True), ("criticism", True),
    ("said", False), ("says", False), ("told Radio Mashaal", False), ("added", False),
    ("noted", False), ("wrote", False), ("according to", False), (":", False),
    ("—", False), (None, False), ("", False),
])
def test_attribute_cue_carries_meaning(cue: str | None, meaningful: bool) -> None:
    assert cue_carries_meaning(cue) is meaningful


@pytest.mark.parametrize("cue, speech", [
    ("said", True), ("denied", True), ("endorsed", True), ("a poll found", True),
    (None, True), ("decided", False), ("wants", False), ("supported", False),
    ("voted", False), ("declined", False),
])
def test_attribute_reports_speech(cue: str | None, speech: bool) -> None:
    assert reports_speech(cue) is speech


# --------------------------------------------------------------------------- gold


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "attribution_gold", ROOT / "benchmarks" / "attribution_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("attribution_gold", module)
    spec.loader.exec_module(module)
    return module


# Floors a little below the figures measured on the gold (tests/gold/attribution.yaml):
# with pipeline.clean: recall 0.994, precision 0.933 (speech precision 0.962),
# actor 1.000, named 1.000; with the stand-in clean stage (no boilerplate marked)
# precision is 0.905 (speech 0.933). Precision fell from 0.994 with the second
# tier of cues (stances and intentions PolNeAR counts as attribution: "Islamabad
# decided to support", "The United States and others want"), which the gold,
# speech and belief only, does not.
GOLD_FLOORS = {"recall": 0.97, "actor_accuracy": 0.96, "named_speaker_accuracy": 0.97}
PRECISION_FLOOR = {"pipeline.clean": 0.91, "stub": 0.88}
SPEECH_PRECISION_FLOOR = {"pipeline.clean": 0.94, "stub": 0.91}


def test_attribute_gold_score_floors() -> None:
    result = _benchmark().score(GOLD, OUTLINE)
    assert result["gold_entries"] >= 60
    assert not [e for e in result["errors"] if e["kind"] == "gold-key"]
    for key, floor in GOLD_FLOORS.items():
        assert result[key] >= floor, (key, result[key], result["errors"])
    assert result["precision"] >= PRECISION_FLOOR[result["clean"]], result["errors"]
    assert result["speech_precision"] >= SPEECH_PRECISION_FLOOR[result["clean"]], result["errors"]


def test_attribute_gold_file_keys_are_valid() -> None:
    import yaml

    entries = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["entries"]
    actors = {a.id for a in _demo_actors()} | {None}
    corpus = ROOT / "corpus" / "pakistan-taliban"
    for e in entries:
        text = (corpus / f"{e['doc']}.txt").read_bytes().decode("utf-8-sig")
        assert len(e["text"]) >= 25, e
        assert text.count(e["text"]) == 1, e
        assert e["actor"] in actors, e
        assert isinstance(e["named"], bool) and e["speaker"], e


@pytest.mark.parametrize("bad", ["recall", "precision"])
def test_attribute_gold_score_can_fail(bad: str, tmp_path: Path) -> None:
    """The scorer notices a wrong gold: a removed cue-less entry or a fake one."""
    import yaml

    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    if bad == "recall":
        data["entries"].append({
            "doc": "nyt-taliban-advance-pressure-on-pakistan",
            "text": "The Taliban are claiming towns and territories across Afghanistan.",
            "speaker": "The Taliban", "named": False, "actor": "taliban"})
    else:
        data["entries"] = [e for e in data["entries"] if e["named"]]
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = _benchmark().score(path, OUTLINE)
    if bad == "recall":
        assert result["recall"] < 1.0
        assert any(e["kind"] == "missed" and "claiming towns" in e["text"]
                   for e in result["errors"])
    else:
        assert result["precision"] < 0.6


def test_attribute_named_subject_wins_over_earlier_speaker_for_pronoun() -> None:
    # "he" later in a sentence opened by a named subject is that subject, even when other
    # names follow it in the clause and it was not registered before
    rows = _run(
        "Harry Reid said the Senate would not act.\n"
        "Senator Ted Cruz is highlighting his win over Donald Trump in Iowa as he urges "
        "conservatives to unite."
    )
    assert _find(rows, "Harry Reid said").speaker == "Harry Reid"
    urges = _find(rows, "as he urges")
    assert (urges.speaker, urges.cue) == ("Ted Cruz", "urges")


def test_attribute_coordinated_verb_after_as_phrase_keeps_clause_subject() -> None:
    # "as unqualified" has no verb of its own: "accused" shares the subject of "has cast"
    # and across a number's comma, with a verb-like word inside the name ("State")
    rows = _run("Bernie Sanders has cast Hillary Clinton as unqualified and accused her of "
                "making racist remarks.\n"
                "The State Department has deemed about 1,500 of those pages purely personal and "
                "says it does not plan to release them.")
    accused = _find(rows, "accused her")
    assert (accused.speaker, accused.cue) == ("Bernie Sanders", "accused")
    says = _find(rows, "State Department")
    assert (says.speaker, says.cue) == ("The State Department", "says")


def test_attribute_cue_in_fronted_prepositional_phrase_yields_to_main_clause() -> None:
    # "In her statement condemning the test," opens the sentence: the main clause's cue wins
    rows = _run("In her statement condemning the test, Hillary Clinton defended her record as "
                "secretary of state.")
    defended = _find(rows, "defended her record")
    assert (defended.speaker, defended.cue) == ("Hillary Clinton", "defended")


def test_attribute_they_binds_to_sentence_plural_subject() -> None:
    # "they" in a sentence opened by a plural subject is that subject, not the last group
    rows = _run(
        "Officials were quiet about the plan.\n"
        "Democrats also focused on what they said was the need to remain tolerant.\n"
        "Trump and other Republicans pointed at what they called a failure."
    )
    said = _find(rows, "what they said")
    assert (said.speaker, said.cue) == ("Democrats", "said")
    assert _find(rows, "what they called").speaker == "Trump and other Republicans"


def test_attribute_fronted_place_and_dateline_are_not_the_subject() -> None:
    # the state closing "in Ames, Iowa," and a "City (AFP) –" dateline name no source;
    # "also" after the subject is not part of it
    rows = _run(
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her "
        "earlier statement, saying that the United States should lead.\n"
        "New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail, accusing "
        "Donald Trump of endangering troops.\n"
        "At an event in St. Clairsville, Ohio, Brenda Johnson also railed against immigrants, "
        "and explained how much it upset her.\n"
        "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling "
        "him a total stiff."
    )
    assert _find(rows, "in Salem").speaker == "Trump"
    assert _find(rows, "in Ames").speaker == "Clinton"
    assert (_find(rows, "(AFP)").speaker, _find(rows, "(AFP)").cue) == ("Joe Biden", "accusing")
    assert _find(rows, "St. Clairsville").speaker == "Brenda Johnson"


def test_attribute_shouted_label_before_colon_is_no_speaker() -> None:
    # an all-caps head with a function word or "BYLINE" labels; a single name speaks
    rows = _run(
        "STAT OF THE WEEK: $43 million was spent on the relocation of the offices.\n"
        "BYLINE: Amber Phillips.\n"
        "TRUMP: We will build the wall and it will be great."
    )
    assert _find(rows, "STAT OF").cue is None
    assert _find(rows, "BYLINE").cue is None
    assert (_find(rows, "TRUMP:").speaker, _find(rows, "TRUMP:").cue) == ("TRUMP", ":")


def test_attribute_name_colon_then_quotation_is_the_name_speaking() -> None:
    # "Bush: “...”": the quotation after the head is what the head said
    rows = _run(
        "Hillary Clinton said the plan was weak.\n"
        "Bush: \"The mission is to destroy ISIS -- not to contain it.\""
    )
    bush = _find(rows, "The mission")
    assert (bush.speaker, bush.cue) == ("Bush", ":")


def test_attribute_fronted_time_phrase_is_not_the_subject() -> None:
    # "Hours later," / "a few days later," set the time; the subject follows
    rows = _run(
        "Hours later, Trump returned the compliment to Adelson, telling Reuters that they "
        "had been friends for a long time.\n"
        "But a few days later, Trump reversed himself yet again, telling CBS that the laws on "
        "abortion are set."
    )
    assert _find(rows, "Hours later").speaker == "Trump"
    assert _find(rows, "a few days later").speaker == "Trump"


def test_attribute_final_according_to_is_the_outer_source() -> None:
    # a closing "according to X" reports the whole sentence; a quotation keeps its speaker
    rows = _run(
        "The White House is now considering a proposal to keep a base in Afghanistan, "
        "according to American military officials.\n"
        "“We will not leave,” Sanders said, according to CNN."
    )
    outer = _find(rows, "considering a proposal")
    assert (outer.speaker, outer.cue) == ("American military officials", "according to")
    assert _find(rows, "We will not leave").speaker == "Sanders"


def test_attribute_numbers_and_days_are_not_names() -> None:
    # "Six in 10 Republican voters" is a group, not a person "Six"; a day after a name is
    # when it was said ("Broaddrick Sunday night recounted"), not part of the name
    rows = _run(
        "Six in 10 Republican voters said the candidate with the most delegates should win.\n"
        "More than half of respondents in the Suffolk poll said the nation needs more parties.\n"
        "Priebus later Thursday told Fox News that they would meet.\n"
        "A court document filed Thursday says that he will not be prosecuted."
    )
    assert _find(rows, "Six in 10").speaker == "Six in 10 Republican voters"
    assert _find(rows, "More than half").speaker.startswith("More than half of respondents")
    assert _find(rows, "Priebus").speaker == "Priebus"
    assert _find(rows, "court document").speaker == "A court document filed Thursday"


def test_attribute_he_binds_to_main_subject_after_fronted_phrase() -> None:
    # the sentence's own subject follows a fronted phrase: "he" later in it is that subject
    rows = _run(
        "Bill Smith said the vote was close.\n"
        "In his Sunday interviews, Ben Carson again criticized the news media, though he added "
        "that the coverage has helped his campaign."
    )
    added = _find(rows, "he added")
    assert (added.speaker, added.cue) == ("Ben Carson", "added")


def test_attribute_withheld_reply_is_attributed() -> None:
    # "did not respond to a request for comment" is a position of the source; "didn't
    # return to banking" is no reply
    rows = _run(
        "The Cruz campaign did not immediately respond to a request for comment.\n"
        "A spokeswoman for Mr. Trump did not return a message for comment.\n"
        "Rahm Emanuel didn’t return to investment banking after leaving the White House."
    )
    cruz = _find(rows, "Cruz campaign")
    assert (cruz.speaker, cruz.cue) == ("The Cruz campaign", "did not immediately respond")
    assert _find(rows, "spokeswoman").speaker == "A spokeswoman for Mr. Trump"
    assert not is_statement(_find(rows, "investment banking"))  # an act, not a reply


def test_attribute_reported_on_a_day_is_a_report() -> None:
    # "reported on Wednesday" / "in 2014" is when; "reported on the war" is a reporter's beat
    rows = _run(
        "Multiple outlets reported on Wednesday the Secret Service had spoken with Trump.\n"
        "It effectively disbanded after the 2008 election, Politico reported in 2014.\n"
        "John Smith reported on the war for the Times."
    )
    assert _find(rows, "Multiple outlets").speaker == "Multiple outlets"
    assert _find(rows, "Politico reported").speaker == "Politico"
    assert not is_statement(_find(rows, "John Smith"))  # his beat, not a report


def test_attribute_time_between_subject_and_verb_is_skipped() -> None:
    # "Reince Priebus, the GOP chairman, this past week announced": the time is no subject
    rows = _run("Reince Priebus, the GOP chairman, this past week announced the creation of a "
                "website to explain the process.")
    announced = _find(rows, "Reince Priebus")
    assert (announced.speaker, announced.cue) == ("Reince Priebus", "announced")
