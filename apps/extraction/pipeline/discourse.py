"""The story's running time: which day the narration is at, for words said without a date of their own.

A wire tells its scene once ("agreed in Riyadh on Tuesday") and quotes from it paragraphs later
("'Today was a first step,' Rubio told reporters afterwards"): the quotation was said that day,
not on the day the story went out. The reference time moves with each time expression the
narration asserts as the time of what it tells, read from the parse:

- an expression inside what someone said, expects or plans ("said the talks would resume on
  Friday", « sans préciser s'il irait à Washington d'ici à la fin du mois », "a visit that had been
  planned for Wednesday") places that content, not the scene, and is passed over;
- a day after publication is a plan, not a scene;
- an anaphoric expression ("the day before", « le lendemain ») counts from the scene before it,
  not from whatever day the text named last ("within 50 days" in a reported threat).

Only day-precise expressions set a scene: "last week" or "in February" say too little to date
words by. A live page's entries are separate stories: the scene never crosses an entry.
"""
from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..dates import counted_again
from . import syntax
from .layout import Layout
from .syntax import morph

# Below these, a clause holds what someone said, wants or plans: a time in it is not attached to the verb above.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "csubj:pass", "csubjpass"})
# A relative or participial clause on the subject sets the scene ("Zelensky, who was in Ankara on
# Tuesday, …"); on any other noun it describes that thing ("a visit planned for Wednesday").
_RELATIVE_DEPS = frozenset({"relcl", "acl:relcl", "acl"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
# A condition or an open question ("if", « si », "whether") is no time when something happened; a time
# counted from ("since becoming chancellor on Tuesday", « après avoir reçu … samedi ») is background.
_NOT_THE_SCENE = frozenset({"if", "whether", "unless", "si", "s'", "since", "after", "before", "until",
                            "depuis", "après", "avant", "jusqu'"})
_VERBAL = frozenset({"VERB", "AUX"})


def _tells(verb: Token, background: bool = False) -> bool:
    """Whether a clause tells what happened: not a plan (future, conditional, infinitive) nor a pluperfect's background."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")]
    if syntax.tense(verb) in ("future", "conditional"):
        return False
    if "Inf" in morph(verb, "VerbForm") and not auxes:
        return False  # « pour rencontrer », « se rendre »: an aim ("did not go" has its auxiliary)
    if background:
        return True
    # "had met", « avait rencontré », « s'était dit »: told as what came before the story's time (« était accueilli »,
    # a passive in the imperfect, is the narration's own time)
    return not any(a.lower_ == "had" or (a.lemma_ in ("avoir", "être") and "Imp" in morph(a, "Tense")
                                         and a.dep_ not in ("aux:pass", "auxpass"))
                   for a in auxes)


@dataclass(frozen=True)
class Scene:
    """From `pos` on, the story is at `date`."""

    pos: int
    date: datetime.date
    entry: int
    lead: bool  # set in the first paragraph (of the story or its live entry) that sets one: the main time


class StoryTime:
    """The scenes of one article, in text order, and the day a statement without its own date took place."""

    def __init__(self, *, doc: Doc, layout: Layout, sentences: list[tuple[int, int]], timexes: list,
                 published: datetime.date, language: str, resolve_expression):
        self.doc, self.layout, self.published, self.lang = doc, layout, published, language
        # Doc.text joins every token's text on each call (a tenth of a millisecond an article): the layout
        # holds the same text (the parse keeps it unchanged), as the event reader takes it
        self.text = layout.text
        self.sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self.resolve_expression = resolve_expression
        self.scenes: list[Scene] = []
        self._positions: list[int] = []
        self._leads: dict[int, int] = {}  # live entry → where its main time was set
        for t in sorted(timexes, key=lambda x: x.start):
            para = layout.paragraph_at(t.start)
            if para is None or para.byline or para.credit or layout.in_quote[t.start]:
                continue
            # a heading is no scene, unless it is a date and nothing else: a chronology's entry (« 31 octobre 2025 »)
            # tells what happened that day
            dated_entry = para.heading and not self.text[para.start:t.start].strip() and \
                not self.text[t.end:para.end].strip(" \n.:-–—")
            if not dated_entry and (para.heading or not self.places_scene(t.start, t.end)):
                continue
            day, precision = self.resolve(t) or (None, "")
            if day is None or precision != "day" or day > published:
                continue
            # the main time is told in the past ("agreed on Tuesday"), not "here's what matters today"
            told = self._clause_verb(t.start, t.end)
            if told is None or syntax.tense(told) == "past":
                self._leads.setdefault(para.entry, para.start)
            lead = self._leads.get(para.entry) == para.start
            self.scenes.append(Scene(t.start, day, para.entry, lead))
            self._positions.append(t.start)

    def resolve(self, timex, tense: str | None = None) -> tuple[datetime.date, str] | None:
        """A time expression's day, an anaphoric one counted from the scene before it.

        `tense` re-reads a deictic one in that direction ("past": the day words were said);
        without it the finder's own reading of the clause's tense stands (« à partir de lundi » ahead).
        """
        if not timex.anaphoric and tense is None:
            return (timex.date, timex.precision) if timex.date else None
        reference = timex.reference
        if timex.anaphoric:
            before = self.scene_before(timex.start)
            reference = before.date if before else self.published
        found = self.resolve_expression(timex.text, self.published, self.lang, tense=tense, reference=reference)
        found = found or (counted_again(timex, reference) if timex.anaphoric else None) or timex
        return (found.date, found.precision) if found.date else None

    def scene_before(self, pos: int) -> Scene | None:
        """The scene the story is in at pos: the last one of this paragraph or the one before, else the main time.

        The main time is the lead's: the first paragraph that tells a day in the past. A news story is
        not told in order: a scene carries into the next paragraph ("The day before, … Trump announced
        …" then his quotation), not further; later words go back to the main time. Background never sets
        a scene (« La veille, il avait rencontré Erdogan », "after hosting Zelensky on Saturday"). A live
        page's entries are stories of their own.
        """
        i = bisect.bisect_left(self._positions, pos)
        para = self.layout.paragraph_at(pos)
        if i and para is not None and self.scenes[i - 1].pos >= self._previous_paragraph_start(para):
            return self.scenes[i - 1]
        entry = para.entry if para else 0
        lead = [s for s in self.scenes[:i] if s.entry == entry and s.lead]
        return lead[-1] if lead else None

    def main_time_of(self, paragraph_start: int) -> Scene | None:
        """The story's main time when this paragraph is where it is told (the lead), else None."""
        return next((s for s in self.scenes if s.lead and self._leads.get(s.entry) == paragraph_start), None)

    def places_scene(self, start: int, end: int, *, background: bool = False) -> bool:
        """Whether a time expression dates what the narration tells rather than a plan, a condition or background.

        `background=True` accepts a pluperfect's time ("who had spoken to Trump before the call"): it
        dates that event, though it does not move the story.
        """
        lo, hi = self._sentence_of(start)
        if not self.text[lo:start].strip(" \n,;:-–—"):
            # "On Wednesday afternoon …", « Mardi, à Djeddah, … »: a fronted time frames the sentence, unless
            # the sentence is background (« La veille, il avait rencontré … ») or a plan
            verb = self._clause_verb(start, end)
            return verb is None or _tells(verb, background)
        token = self._root_of(start, end)
        if token is None:
            return True  # no parse there: the surface reading stands
        before = False
        for _ in range(40):
            head = token.head
            if token.pos_ in _VERBAL and not _tells(token, background):
                return False  # "plans to meet on Friday": a plan; "had spent Monday in Berlin": background
            # the layout's sentence, not the parser's: spaCy sometimes hangs one sentence on the one before
            if head.i == token.i or not lo <= head.idx < hi:
                return True
            if token.dep_ == "xcomp":
                return False  # "proposed holding talks on Thursday": a plan
            if token.dep_ in _RELATIVE_DEPS and head.dep_ not in _SUBJECT_DEPS:
                return False
            if any(c.dep_ == "mark" and c.lower_ in _NOT_THE_SCENE for c in token.children) or (
                    token.dep_ == "pcomp" and head.lower_ in _NOT_THE_SCENE):
                return False
            # "Lee, who flew in from Tokyo after talks with Ishiba on Saturday, urged…": what came before the
            # relative clause's own time is no scene (« Après huit heures de discussions mardi, l'Ukraine a accepté »
            # frames the sentence it opens)
            before = before or token.dep_ in ("pobj", "obl", "obl:mod", "nmod") and (
                head.lower_ in _NOT_THE_SCENE or any(c.dep_ == "case" and c.lower_ in _NOT_THE_SCENE
                                                     for c in token.children))
            if before and token.dep_ in _RELATIVE_DEPS:
                return False
            token = head
        return True

    def attached_to(self, start: int, end: int, verbs: set[int]) -> bool:
        """Whether the parse hangs a time expression on one of these verbs (token indexes) within its clause."""
        token = self._root_of(start, end)
        lo, hi = self._sentence_of(start)
        for _ in range(40):
            if token is None or not lo <= token.idx < hi:
                return False
            if token.i in verbs:
                return True
            if token.head.i == token.i or token.dep_ in _CONTENT_DEPS or token.dep_ in ("relcl", "acl:relcl"):
                # (a relative clause's date is its own: "Lee, who flew in on Saturday, urged…"; not a participle's,
                # "said in an interview aired on Sunday")
                return False
            if token.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ in ("that", "que", "qu'", "qu’")
                                           for c in token.children):
                return False  # "rejecting reports [that he would step down by the end of August]": the noun's content
            token = token.head
        return False

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 else (0, len(self.text))

    def _previous_paragraph_start(self, para) -> int:
        """Where the paragraph of text before this one starts (this one's start if none): a scene carries over one."""
        before = [p for p in self.layout.paragraphs if p.end <= para.start and p.entry == para.entry
                  and not (p.heading or p.byline or p.credit)]
        return before[-1].start if before else para.start

    def _clause_verb(self, start: int, end: int) -> Token | None:
        token = self._root_of(start, end)
        for _ in range(40):
            if token is None or token.pos_ in _VERBAL:
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _root_of(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return span.root
