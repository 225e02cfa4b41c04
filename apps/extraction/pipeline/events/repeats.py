"""One word of the text, several events: "spoke with Putin and later with Zelensky", « a eu un échange avec
Poutine, puis, le même jour, avec Zelensky », "held talks on Sunday and again on Tuesday".

A verb (or a light verb's noun) that takes two partners, or two days, each in a phrase of its own and the
second opened by a word of succession ("later", "again", « puis »), tells of two events: a call with each
partner, a round of talks on each day. The subject, and whatever the sentence says before the first of
those phrases, belong to every one of them; each phrase and what follows it, up to the next word of
succession, to one only.
"""
from __future__ import annotations

import dataclasses

from .. import syntax
from .mentions import Context, Mention, entry_for, folded, gather

# "with", « avec »: a partner of one's own; "between", « entre » join the parties of one event
_PARTNER = ("with", "avec", "aupres", "auprès")


def split_repeats(ctx: Context, local: list[Mention], timexes: list) -> list[Mention]:
    """The mentions of a sentence, each told twice over by one word split into one mention per occurrence."""
    out = []
    for m in local:
        out += _occurrences(ctx, m, local, timexes)
    return out


def _occurrences(ctx: Context, m: Mention, local: list[Mention], timexes: list) -> list[Mention]:
    succession = ctx.lexicon.cues.succession
    doc = ctx.doc
    after = max(m.predicate.i, m.trigger.i)
    others = {t.i for o in local if o is not m for t in o.triggers}
    for pieces in (_partners(ctx, m, after), _days(ctx, m, after, timexes)):
        if len(pieces) < 2:
            continue
        # a cut between two pieces: the word of succession that opens the second ("and later with…")
        cuts = []
        for (left, _), (right, _) in zip(pieces, pieces[1:]):
            between = range(left + 1, right)
            if any(i in others for i in between):
                break  # another event's word between them: its phrase, not a second occurrence of this one
            cut = next((i for i in between if folded(doc[i].text) in succession), None)
            if cut is None:
                break
            cuts.append(cut)
        else:
            return _split(ctx, m, pieces, cuts, timexes)
    return [m]


def _partners(ctx: Context, m: Mention, after: int) -> list[tuple[int, object]]:
    """The with-phrases after the event's word that name a party, as (first token, preposition)."""
    found = []
    for i in sorted(m.domain):
        t = ctx.doc[i]
        if i <= after or t.pos_ != "ADP" or folded(t.text) not in _PARTNER:
            continue
        named = t.children if t.dep_ == "prep" else [t.head] if t.dep_ == "case" else []
        if any(ctx.actor_at(w) for n in named for w in syntax.phrase(n)):
            found.append((i, t))
    return found


def _days(ctx: Context, m: Mention, after: int, timexes: list) -> list[tuple[int, object]]:
    """The dates in the event's domain after its word, as (first token with its preposition, timex)."""
    found = []
    for t in timexes:
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.i not in m.domain or span.start <= after:
            continue
        head = span.root.head
        first = head.i if head.pos_ == "ADP" and head.i < span.start else span.start
        found.append((first, t))
    return sorted(found, key=lambda p: p[0])


def _split(ctx: Context, m: Mention, pieces, cuts: list[int], timexes: list) -> list[Mention]:
    first_piece = pieces[0][0]
    bounds = [first_piece] + cuts + [max(m.domain) + 1]
    # « la rencontre entre Rubio et Lavrov du 18 février, puis les consultations de Djeddah du 11 mars », "the
    # meeting between A and B on 18 February and then the talks in Jeddah on 11 March": where a later piece names
    # the event again with a noun of its own, what the first noun's phrase says is the first event's only
    renamed = any(bounds[1] <= t.i for t in m.triggers if t.i != m.trigger.i) or any(
        (e := entry_for(ctx.doc[i], ctx.lexicon)) is not None and e.pos == "noun" and e.kind == m.kind
        for i in m.domain if i >= bounds[1] and ctx.doc[i].pos_ in ("NOUN", "PROPN"))
    edge = m.trigger.i + 1 if renamed and m.entry.pos == "noun" else first_piece
    shared = {i for i in m.domain if i < min(edge, first_piece)}
    at = {id(t): _token(ctx, t) for t in timexes}
    # a date said before the first piece ("on Wednesday spoke with A and later with B") dates them all
    said_before = m.timex if m.timex is not None and _token(ctx, m.timex) in shared else \
        next((t for t in timexes if at[id(t)] in shared), None)
    out = []
    for k in range(len(bounds) - 1):
        own = {i for i in m.domain if bounds[k] <= i < bounds[k + 1] or k == 0 and edge <= i < first_piece}
        part = shared | own
        one = dataclasses.replace(
            m, domain=part, participants={}, triggers=list(m.triggers), apart=set(),
            party_domain=None if m.party_domain is None else {i for i in m.party_domain if i in part},
            location=None, place_start=None)
        gather(ctx, one)
        # "on Wednesday with A and later with B": told on from the day of the one before, as the story is
        one.timex = next((t for t in timexes if at[id(t)] in own), None) or said_before or (
            out[-1].timex if out else None)
        out.append(one)
    for one in out:
        one.apart = {id(o) for o in out if o is not one}
    return out


def _token(ctx: Context, timex) -> int:
    span = ctx.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root.i if span is not None else -1
