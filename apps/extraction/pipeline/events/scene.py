"""The day an event the text does not date took place, when the narration goes on with a scene it told.

"Yesterday, at Villacoublay, Macron and Zelensky signed a letter of intent. ¶ The two presidents had
earlier had an hour-long meeting… ¶ (quotations) ¶ In the afternoon, the two men went to Mont-Valérien":
the meeting and the visit took place yesterday, not on the day the story went out. Running the story's
day across paragraphs for every event dates background and analysis by the wrong scene (it cost the
blind dev events 0.824 → 0.807), so only a mention the parse gives as told in the past and as going on
with the scene (a word of continuation on its verb, or the parties of the event just told as its
subject) takes it, and so does one in the paragraph that tells the story's main time; remarks to the press
take the scene the statements are dated by. A plan never does:
it is not called for mentions that are not told as done.
"""
from __future__ import annotations

import datetime

from .. import syntax
from ..discourse import StoryTime
from .mentions import Context, Mention, party_reference, folded, lemma
from ..syntax import morph


def running_day(m: Mention, story: StoryTime | None, ctx: Context,
                told: set[tuple[int, str]] = frozenset()) -> datetime.date | None:
    """The day of the scene a mention told in the past goes on with, or None when the text does not say it goes on.

    `told`: (paragraph start, event group) of every mention read, to see what the lead told."""
    if story is None:
        return None
    if m.group == "say":
        # remarks to the press answer the scene the narration is at, as the statements' dates do; not the
        # background it told in the pluperfect (« avait passé dimanche… ») nor a plan
        scene = story.scene_before(m.trigger.idx)
        return scene.date if scene is not None else None
    verb = _verb(m)
    if verb is None or not _told_as_past(verb):
        return None
    lead = story.main_time_of(m.paragraph)
    if lead is not None:
        # "Witkoff's meeting with Putin lasted four hours… It ended on Friday evening": the paragraph that tells
        # the story's main time tells of that day, before or after the mention
        return lead.date
    scene = story.scene_before(m.trigger.idx)
    if scene is None:
        return None
    goes_on = _goes_on(verb, ctx)
    if goes_on == _NEXT_TO_AN_EVENT and not scene.lead:
        # ("Hours after the summit, Korean Air agreed…" after a paragraph at July 30: the summit was not that day)
        goes_on = False
    if not goes_on and not _tells_more_of_the_lead(m, scene, story, told):
        return None
    return scene.date


def _tells_more_of_the_lead(m: Mention, scene, story: StoryTime, told: set[tuple[int, str]]) -> bool:
    """"Senior U.S. and Russian officials agreed in Riyadh on Tuesday…, in the first such meeting… ¶ Rubio, Waltz
    and Witkoff spent four and a half hours at Diriyah Palace with Lavrov": a paragraph after the lead that tells,
    in the past, an event of the kind the lead told goes on telling the lead's day. Another kind of event
    ("Zelensky went to Madrid") may be any day."""
    if not scene.lead or scene.pos >= m.paragraph:
        return False
    para = story.layout.paragraph_at(scene.pos)
    return para is not None and (para.start, m.group) in told


def _verb(m: Mention):
    """The verb that tells the mention: its own, or the one its noun hangs on (« avaient eu un tête-à-tête »)."""
    if m.predicate.pos_ in ("VERB", "AUX") or any(c.dep_ in ("aux", "aux:tense") for c in m.predicate.children):
        return m.predicate  # (« il a téléphoné à Zelensky »: a participle with its auxiliary, tagged a noun)
    return next((g for g in syntax.governors(m.predicate) if g.pos_ in ("VERB", "AUX")), None)


def _told_as_past(verb) -> bool:
    """Past, pluperfect, passé composé; not the English present perfect, which tells of the day the story went out."""
    if syntax.tense(verb) != "past":
        return False
    return not any(lemma(a) == "have" and "Pres" in morph(a, "Tense")
                   for a in verb.children if a.dep_ in ("aux", "aux:tense"))


def _goes_on(verb, ctx: Context) -> bool | str:
    """Whether the clause continues the scene told before: a word of continuation hangs on its verb ("later",
    « auparavant », « l'après-midi »), or its subject is the parties just told ("the two men", « ils »)."""
    cues = ctx.lexicon.cues
    for c in verb.children:
        if c.dep_ in syntax.SUBJECT_DEPS and party_reference(ctx, c):
            return True
        if c.dep_ not in syntax.SUBJECT_DEPS and (lemma(c) in cues.continuation or folded(c.text) in cues.continuation):
            return True
        # (English hangs the noun on its preposition, French the preposition on its noun)
        noun = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" else c
        if noun is not None and noun.pos_ == "NOUN" and c.dep_ not in syntax.SUBJECT_DEPS and _definite(noun) and \
                folded(syntax.case_word(noun)) in cues.sequence - {phrase.split()[0] for phrase in cues.since}:
            # « Avant la cérémonie, Trump avait reçu… », "after the talks": timed by the event just told, when that
            # event is the story's main one (not "since the invasion", « depuis la guerre »: the words that open a span,
            # the first of the lexicon's `since` phrases)
            return _NEXT_TO_AN_EVENT
    return False


_NEXT_TO_AN_EVENT = "next to an event"


def _definite(noun) -> bool:
    """Whether a noun has a definite or demonstrative determiner ("the ceremony", « la cérémonie », "this meeting")."""
    return any(c.dep_ == "det" and ("Def" in morph(c, "Definite") or "Dem" in morph(c, "PronType")) for c in noun.children)
