"""Earlier events of a series the text counts: "It was Witkoff's fourth meeting with Putin. The first, in February,
came with…; the second, on March 13, followed…; the third took place in St Petersburg on April 11", "met for
their third round of talks … The first two rounds, on May 16 and June 2, produced…".

Once an event is told with its rank in a series ("fourth meeting", "third round of talks"), an ordinal below
that rank standing for a noun of its own ("the second"), or counting the series' noun ("the first two rounds"),
names an earlier event of the same series: the same kind between the same parties, on the day and at the place
its own clause gives. A member the text does not date is left out: it adds nothing a reader could place.
"""
from __future__ import annotations

import dataclasses

from .. import syntax
from .mentions import Context, Mention, governing_verb, lemma, place_in
from .status import hedged, status
from ..syntax import morph

_NOUN_HEADS = ("ADJ", "NOUN", "NUM", "PRON")


@dataclasses.dataclass
class Series:
    """The last event told with its rank: the mention, its rank and the noun that counts it."""

    head: Mention
    rank: int
    noun: str
    beside: list[Mention] = dataclasses.field(default_factory=list)  # the mentions of the head's sentence

    @property
    def parties(self) -> dict[str, str]:
        """The head's parties, or those of the event whose phrase holds it ("met in Istanbul for their third
        round of talks")."""
        if self.head.participants:
            return self.head.participants
        verb = governing_verb(self.head.trigger)
        holder = next((o for o in self.beside if o is not self.head and o.participants and (
            self.head.trigger.i in o.domain or verb is not None and verb.i in (o.trigger.i, o.predicate.i))), None)
        return holder.participants if holder is not None else {}


def counted(m: Mention, local: list[Mention], cues) -> Series | None:
    """The series an event is told as a member of: the ordinal on its noun ("fourth meeting"), or on the
    noun that measures it ("met for their third round of talks")."""
    for trigger in m.triggers:
        if trigger.pos_ != "NOUN":
            continue
        nouns = [trigger]
        above = trigger.head
        if above.pos_ == "ADP" and above.head.pos_ == "NOUN":
            above = above.head  # "round [of] talks"
        if above.i < trigger.i and above.pos_ == "NOUN" and lemma(above) in cues.measure:
            nouns.append(above)
        for noun in nouns:
            rank = _rank_of(noun, cues)
            if rank:
                return Series(m, rank, lemma(noun), local)
    # "Russia and Ukraine swapped 300 soldiers each on Saturday, [the second stage] of the exchange", "exchanged
    # prisoners in [the second phase] of the deal", « ont échangé 150 prisonniers, [deuxième étape] de l'accord »:
    # the verb's event told as a stage of a series, in a noun its clause holds
    verb = m.predicate
    if verb.pos_ in ("VERB", "AUX") and m.entry.pos == "verb":
        for noun in verb.subtree:
            if lemma(noun) not in cues.stages or noun.pos_ != "NOUN":
                continue
            up = next((g for g in syntax.governors(noun, 3) if g.pos_ in ("VERB", "AUX")), None)
            if up is None or up.i != verb.i:
                continue  # the stage of another clause's event
            rank = _rank_of(noun, cues)
            if rank:
                return Series(m, rank, lemma(noun), local)
    return None


def _rank_of(noun, cues) -> int | None:
    """The rank an ordinal before a noun gives it in its series ("fourth [meeting]", « deuxième [étape] »), if
    past the first."""
    for c in noun.children:
        rank = cues.ranks.get(lemma(c)) if c.dep_ == "amod" and c.i < noun.i else None
        if rank and rank > 1:
            return rank
    return None


def members(ctx: Context, series: Series, sentence: tuple[int, int], timexes: list,
            others: list[Mention]) -> list[Mention]:
    """The earlier members of a series a segment names, each dated by its own clause."""
    ranks = ctx.lexicon.cues.ranks
    span = ctx.doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if span is None or not series.parties:
        return []
    found = []
    for t in span:
        rank = ranks.get(lemma(t))
        if not rank or rank == series.rank:
            continue
        if rank > series.rank:
            # "a third stage is expected on Sunday": a later member names the series' own noun
            if t.dep_ == "amod" and lemma(t.head) == series.noun and t.head.i != series.head.trigger.i:
                found.append((t.head, rank, False))
            continue
        if not _definite(t):
            continue
        if t.dep_ != "amod" and t.pos_ in _NOUN_HEADS:
            noun = t  # "the second, on March 13, followed…"
        elif t.dep_ == "amod" and lemma(t.head) == series.noun and t.head.i != series.head.trigger.i:
            noun = t.head  # "the first two rounds"
        else:
            continue
        # "the first two rounds, on May 16 and June 2": as many members as the dates its clause gives
        several = noun is not t and "Plur" in morph(noun, "Number") and any(
            c.dep_ == "nummod" for c in noun.children)
        found.append((noun, rank, several))
    out = []
    taken = {t.i for noun, _, _ in found for t in noun.subtree}
    triggers = {t.i for o in others for t in o.triggers}
    for noun, rank, several in found:
        verb = noun.head if noun.dep_ in syntax.SUBJECT_DEPS else None
        area = {t.i for t in noun.subtree}
        if verb is not None:
            area.add(verb.i)
            for c in verb.children:
                inner = {t.i for t in c.subtree}
                if c.i in taken or inner & triggers or inner & (taken - area) or \
                        c.dep_ in syntax.CLAUSE_DEPS and syntax.subjects(c) or c.dep_ in ("conj", "parataxis"):
                    continue  # another member's clause, or an event of its own ("followed the Jeddah talks")
                area |= inner
        dates = [x for x in timexes if _root(ctx, x) in area and x.date is not None]
        if not dates or len(dates) > 1 and not several or rank < series.rank <= rank + len(dates) - 1:
            continue  # undated, dates that cannot be told apart, or more members than came before
        place = place_in(ctx, [ctx.doc[i] for i in sorted(area)])
        for timex in dates:
            one = dataclasses.replace(
                series.head, trigger=noun, predicate=verb or noun, basis="noun", sentence=sentence,
                domain=set(area), party_domain=set(), participants=dict(series.parties),
                location=place[1] if place else None, place_start=place[0] if place else None,
                timex=timex, status="occurred", hedged=False, anaphoric=False, needs_date=False, triggers=[noun],
                determiner="", rescheduled=False, was_planned=False, dropped=False, distinct=True,
                weak_location=False, apart=set())
            if rank > series.rank:
                # "a third stage is expected on Sunday": to come
                one.status = status(one, ctx.lexicon.cues, ctx.lexicon.light_verbs)
                one.hedged = one.status == "planned" and hedged(one, ctx.lexicon.cues)
            out.append(one)
    # each member is another event than the one counted and than the others; so is an event its clause
    # places it beside ("the second followed the Jeddah talks")
    verbs = {one.predicate.i for one in out}
    beside = [o for o in others if any(syntax.clause_head(t).i in verbs for t in o.triggers)]
    for one in out:
        one.apart = {id(o) for o in out + [series.head] + beside if o is not one}
    series.head.apart |= {id(o) for o in out + beside}
    for o in beside:
        o.apart |= {id(one) for one in out} | {id(series.head)}
    return out


def _definite(token) -> bool:
    """"the second", "the first two rounds", "yesterday's first stage"; not "first met Putin in February"."""
    noun = token if token.dep_ != "amod" else token.head
    return syntax.definite(noun) or any(c.dep_ in ("poss", "nmod:poss") for c in noun.children)


def _root(ctx: Context, timex) -> int:
    span = ctx.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root.i if span is not None else -1
