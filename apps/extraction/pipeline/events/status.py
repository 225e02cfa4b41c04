"""Whether an event named in a sentence is denied, only possible, planned, called off or done: read from the
parse (the words the event's word hangs on in its clause, its own modifiers, tense and mood), never from a
window of words."""
from __future__ import annotations

import functools

from spacy.tokens import Token

from .. import syntax
from .lexicon import Cues
from .mentions import TO_EVENT, Mention, folded, introduced, lemma, measuring, setting_verb, told_as_setting
from ..syntax import morph


def _matches(token: Token, cues: frozenset[str]) -> bool:
    """Whether a token is one of the cues; a cue of two words is a lemma and the word after it or a
    particle of it ("call off", "under way")."""
    lem = lemma(token)
    if lem in cues or folded(token.text) in cues:
        return True
    for rest in _second_words(cues).get(lem, ()):
        if (any(folded(c.text) == rest for c in token.children)
                or token.i + 1 < len(token.doc) and folded(token.doc[token.i + 1].text) == rest):
            return True
    return False


@functools.cache
def _second_words(cues: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The cues of several words by their first word: what must follow it ("call" -> ("off",)).

    Worked out once per cue set: _matches runs for every word above every event mention, and
    splitting each cue again on each call was most of its time.
    """
    found: dict[str, list[str]] = {}
    for cue in cues:
        first, _, rest = cue.partition(" ")
        if rest:
            found.setdefault(first, []).append(rest)
    return {first: tuple(rests) for first, rests in found.items()}


def _scope(mention: Mention) -> list[Token]:
    """The words that can deny, hedge or schedule a mention: those above its word and its verb in their
    clause, its verb's auxiliaries, and the words that describe its noun ("the summit [planned for…]")."""
    trig, pred = mention.trigger, mention.predicate
    # "the talks [they held last week]": the clause that describes the noun tells of it, not the verb above
    described = pred.i != trig.i and pred.head.i == trig.i
    out = [trig] + ([] if described else syntax.governors(trig))
    if pred.i != trig.i:
        out += [pred] + syntax.governors(pred)
    for head in (trig, pred):
        out += [c for c in head.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "amod", "acl",
                                                      "advmod", "neg", "det", "mark", "prt", "compound:prt",
                                                      "xcomp", "cop")]
    # "diplomats [are due] back in Istanbul next week for a second round of talks": what a copula above the event
    # says of its subject (due, set, expected) says it of the event
    out += [c for g in out if g.dep_ == "ROOT" and g.lemma_ == "be" for c in g.children if c.dep_ == "acomp"]
    # « [il devait avoir une rencontre] et a imposé des sanctions »: a verb with a tense of its own is a clause
    # of its own, though the parser hung it on the infinitive before it
    clause = pred if own_tense(pred) else syntax.clause_head(pred)
    if clause.dep_ in ("ccomp", "csubj", "csubj:pass", "xcomp") and clause.head.i != clause.i:
        out.append(clause.head)  # « il est prévu [qu'un appel soit organisé] », "it is expected [that…]"
    for acl in [c for c in trig.children if c.dep_ in ("acl", "relcl", "acl:relcl")]:
        out += [c for c in acl.children if c.dep_ in ("advcl", "xcomp", "aux", "auxpass", "aux:pass", "prt")]
    seen, unique = set(), []
    for t in out:
        if t.i not in seen:
            seen.add(t.i)
            unique.append(t)
    return unique


def own_tense(verb: Token) -> bool:
    """A verb coordinated with another that carries its own tense auxiliary (« et [a imposé] »)."""
    return verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "aux:tense") and c.pos_ == "AUX" for c in verb.children)  # (not "and [to] visit")


def absent(mention: Mention, cues: Cues) -> bool:
    """"Rubio did not attend the NATO meeting", « Rubio n'a pas assisté à la réunion », "Putin skipped the talks":
    the verb denies only its subject's part in the event its noun names, which took place all the same."""
    trig, pred = mention.trigger, mention.predicate
    if pred.i == trig.i or trig.pos_ not in ("NOUN", "PROPN") or syntax.negated(trig):
        return False
    word = lemma(pred)
    return word in cues.absence and not syntax.negated(pred) or word in cues.attendance and syntax.negated(pred)


def denied(mention: Mention, cues: Cues) -> bool:
    """'no talks', 'did not meet', 'the absence of talks', 'refused to meet', 'without a meeting'."""
    trig, pred = mention.trigger, mention.predicate
    if syntax.negated(trig) or pred.i != trig.i and syntax.negated(pred) and not mention.absent:
        return True
    if any(c.dep_ == "det" and folded(c.text) in cues.negation_determiners for c in trig.children):
        return True
    # "No American president had received…", "Nobody met him": nobody did it ("Neither leader attended the summit":
    # the summit took place without them)
    attended = pred.i != trig.i and lemma(pred) in cues.attendance
    for subject in (c for c in pred.children if c.dep_ in syntax.SUBJECT_DEPS and not attended):
        if folded(subject.text) in cues.negation_pronouns or any(
                c.dep_ == "det" and folded(c.text) in cues.negation_determiners for c in subject.children):
            return True
    if syntax.case_word(trig) in cues.negation_prepositions or any(
            c.dep_ in ("mark", "case") and folded(c.text) in cues.negation_prepositions for c in trig.children):
        return True  # "without a meeting", « sans annoncer »
    # "rejected the full truce during a call", « n'a rien dit lors de l'entretien »: what was refused or not done at
    # an event does not deny the event
    setting = _setting_of(mention, cues)
    for g in syntax.governors(trig) + (syntax.governors(pred) if pred.i != trig.i else []):
        if g.pos_ == "ADP" and folded(g.text) in cues.negation_prepositions:
            return True
        if g.pos_ in ("NOUN", "PROPN") and lemma(g) in cues.negation_nouns:
            return True
        if g.pos_ in ("VERB", "AUX") and (lemma(g) in cues.negation_verbs or syntax.negated(g)) and \
                not (mention.absent and g.i == pred.i) and g.i != setting:
            return True
    return False


def dropped(mention: Mention, cues: Cues, light_verbs: frozenset[str]) -> bool:
    """« sans la conférence de presse commune prévue », "without the planned joint press conference", « une
    rencontre qui n'aura pas lieu », "a meeting that was never held": an event the text tells as set, then
    says did not or will not happen, was called off; it is not denied ("no talks" names no event at all)."""
    if mention.entry.pos != "noun":
        return False
    trig = mention.trigger
    # the negation falls on an event described as planned: a participle of planning or calling off on the noun
    if denied(mention, cues) and any(c.dep_ in ("acl", "amod") and (_matches(c, cues.planned) or _matches(
            c, cues.cancelled)) for c in trig.children):
        return True
    # a relative clause of the noun (the parser may hang it on the last word of the noun's phrase) whose verb
    # is one that makes an event happen, alone or with a bare noun ("take place", « avoir lieu », « se tenir »;
    # not « qui n'a pas eu le temps »), negated
    for t in syntax.phrase(trig):
        for c in t.children:
            if c.dep_ in syntax.RELATIVE_DEPS and c.pos_ in ("VERB", "AUX") and lemma(c) in light_verbs and \
                    syntax.negated(c) and any(g.pos_ == "PRON" and "Rel" in morph(g, "PronType")
                                              and g.dep_ in syntax.SUBJECT_DEPS for g in c.children) and \
                    not any(o.dep_ in ("obj", "dobj") and any(d.dep_ == "det" for d in o.children)
                            for o in c.children):
                return True
    return False


def hedged(mention: Mention, cues: Cues) -> bool:
    """'a possible summit', 'the possibility of a meeting', 'if he meets', 'wants to meet', 'could meet'."""
    trig, pred = mention.trigger, mention.predicate
    if any(c.dep_ in ("amod", "nmod", "advmod") and lemma(c) in cues.hedge_adjectives for c in trig.children):
        return True
    if any(c.dep_ == "det" and folded(c.text) in cues.hedge_determiners for c in trig.children):
        return True  # "before any peace deal is signed"
    clause = syntax.clause_head(pred)
    if any(c.dep_ == "mark" and folded(c.text) in cues.hedge_conjunctions for c in (*pred.children, *clause.children)):
        return True
    # "asked Zelensky for explanations [in a phone call]": what was done at the event hedges nothing of it
    setting = _setting_of(mention, cues)
    for g in syntax.governors(trig) + syntax.governors(pred):
        if g.pos_ in ("NOUN", "PROPN") and lemma(g) in cues.hedge_nouns:
            return True
        if g.pos_ in ("VERB", "AUX", "ADJ") and g.i != setting and _matches(g, cues.hedge_verbs):
            return True
    if any(c.dep_ in ("aux", "aux:tense") and lemma(c) in cues.hedge_verbs for c in pred.children):
        return True  # "he could meet"
    if _subjunctive(pred):
        return True  # « on n'exclut pas qu'un ministre se rende à Alger », « pour qu'ils se rencontrent »
    # "a good chance of [meeting Putin soon]", « la possibilité de [rencontrer Poutine] »: a verb the noun of a
    # possibility takes as its complement (the climb above stops at a clause of its own)
    noun = pred.head.head if pred.dep_ == "pcomp" else pred.head if pred.dep_ == "acl" else None
    if noun is not None and noun.pos_ == "NOUN" and lemma(noun) in cues.hedge_nouns:
        return True
    if pred.dep_ == "advcl" and "Inf" in morph(pred, "VerbForm") and any(
            c.dep_ in ("aux", "mark") and c.pos_ in ("PART", "ADP", "SCONJ") for c in pred.children):
        # "[to reach a deal]", « [pour parvenir à un accord] »: a purpose, not yet done; a bare form the tagger
        # took for an infinitive ("an Oval Office clash between…") says no purpose
        return True
    verb = tense_verb(pred)
    if verb is None or not (syntax.tense(verb) == "conditional" or syntax.conditional_form(verb)):
        return False
    # "said that they would meet", « a dit qu'ils se rencontreraient »: the future seen from the saying
    reporting = syntax.clause_head(verb)
    return not (reporting.dep_ == "ccomp" and lemma(reporting.head) in cues.reporting)


def questioned(mention: Mention, cues: Cues) -> bool:
    """"asked whether Modi could stop in Washington", « a demandé s'il pouvait passer par Washington »: an event in
    an open question, a clause that "whether" or "if" opens as the complement of the verb above (not "if they meet",
    a condition on the clause it modifies)."""
    clause = syntax.clause_head(mention.predicate)
    return clause.dep_ in ("ccomp", "obj", "dobj") and any(
        c.dep_ == "mark" and folded(c.text) in cues.hedge_conjunctions for c in clause.children)


def _subjunctive(verb: Token) -> bool:
    """A French verb in the subjunctive, which asserts nothing happened: what one wants, fears, does not rule out or
    does something for (not « bien que », a concession of what did happen)."""
    if "Sub" not in morph(verb, "Mood"):
        return False
    marks = [c for c in verb.children if c.dep_ == "mark"]
    return not any(m.i > 0 and folded(m.doc[m.i - 1].text) == "bien" or folded(m.text) == "quoique" for m in marks)


def wished(mention: Mention, cues: Cues) -> bool:
    """"wants to meet", "hoped to meet Kim again", « prêt à rencontrer Poutine »: a wish or an offer above the event."""
    return any(g.pos_ in ("VERB", "AUX", "ADJ") and _matches(g, cues.hedge_wishes)
               for g in syntax.governors(mention.trigger) + syntax.governors(mention.predicate))


def tense_verb(token: Token) -> Token | None:
    """The verb whose tense a word takes: itself, the verb above a noun, or above an infinitive
    ("will travel … to meet Trump"). A French noun a copula says something is takes the copula's (« Ce sera leur
    premier sommet »: the parse hangs « sera » on the noun)."""
    cop = next((c for c in token.children if c.dep_ == "cop"), None) if token.pos_ in ("NOUN", "PROPN") else None
    if cop is not None:
        return cop
    verb = token if token.pos_ in ("VERB", "AUX", "ADJ") else next(
        (g for g in syntax.governors(token) if g.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return verb
    tense = syntax.tense(verb)
    if tense == "nonfinite" and verb.dep_ in ("xcomp", "advcl", "acl", "ccomp"):
        return verb.head
    if tense == "present" and verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
        return verb.head  # "[when he meets Trump], the issue will be up front": the main clause's time
    return verb


def _history(mention: Mention, light_verbs: frozenset[str]) -> set[int]:
    """"signed a long-delayed agreement on Wednesday", "the planned summit was held in Washington", « a signé l'accord
    prévu »: where the verb that makes the event says it was made, what the noun's own words say of it before
    (planned, delayed) is its history, not its status. The indexes of those words, or none."""
    pred, trig = mention.predicate, mention.trigger
    if pred.i == trig.i or pred.pos_ not in ("VERB", "AUX") or (
            lemma(pred) not in light_verbs and lemma(pred) not in mention.entry.support):
        return set()
    if syntax.negated(pred) or pred.dep_ == "xcomp" or "Inf" in morph(pred, "VerbForm") or \
            any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in pred.children) or syntax.tense(pred) != "past":
        return set()  # ("was scheduled to be held", "is to be signed")
    return {c.i for c in trig.children if c.dep_ in ("amod", "acl")}


def status(mention: Mention, cues: Cues, light_verbs: frozenset[str]) -> str:
    """'cancelled', 'planned' or 'occurred', from cue words in the mention's scope and its verb's tense."""
    history = _history(mention, light_verbs)
    # ("sitting [next] to Rutte": a place beside someone, not the next week)
    scope = [t for t in _scope(mention) if t.i not in history and not (
        folded(t.text) in cues.next_to and any(c.pos_ == "ADP" for c in t.children))]
    # « a suspendu l'aide », "bombers dropped bombs on the sites": the word that names the event does not call it off;
    # nor does a verb done at it or after it (« a suspendu les droits de douane après un appel avec Sheinbaum »,
    # "suspended the aid during the call": the call took place)
    setting = _setting_of(mention, cues)
    before = _before_the_act(mention, cues)
    if mention.dropped or any(_matches(t, cues.cancelled) for t in scope
                              if t.i not in (mention.trigger.i, setting, before)):
        return "cancelled"
    if mention.hedged:
        return "planned"
    verb = tense_verb(mention.predicate)
    if verb is not None and (syntax.tense(verb) in ("future", "conditional") or syntax.conditional_form(verb)):
        return "planned"
    if verb is not None and "Inf" in morph(verb, "VerbForm") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
            "Fin" in morph(t, "VerbForm") for t in verb.sent):
        return "planned"  # a headline's "Starmer to host leaders for a call": what is to come
    if any(_matches(t, cues.ongoing) for t in scope):
        return "occurred"  # under way: it has begun ("talks were continuing"), whatever else says it is due
    # ("moved to a working lunch": the gathering one goes to is not moved to another day; "Wang moved on to Kabul [for
    # a three-way meeting]": nor is the one a trip is for)
    case = folded(syntax.case_word(mention.trigger))
    gone = setting_verb(mention.trigger) if case in TO_EVENT or case in cues.purpose else None
    if mention.entry.planned or any(_matches(t, cues.planned) or _matches(t, cues.rescheduled) and t != gone
                                    for t in scope if t.i not in (mention.trigger.i, setting, before)):
        return "planned"
    return "occurred"


def _setting_of(mention: Mention, cues: Cues) -> int | None:
    """"officials agreed on Tuesday to restore staff…, in the first such meeting since…": a verb told as done (in
    the past, or the present of a chronology) whose setting the event noun is (in, at, during it) says the event
    took place; its own cue ("agree" schedules what was agreed) is not the noun's. The index of that verb, or
    None."""
    trig = mention.trigger
    # (« lors d'un appel »: the French compound preposition, on whose first word the parser hangs the noun)
    if mention.entry.pos != "noun" or not told_as_setting(trig, cues):
        return None
    verb = setting_verb(trig)
    # (or in the present of a chronology's entry or a headline: "July 23 - von der Leyen asks … in a phone call")
    # (« a plaidé … en conférence de presse »: a French past is a participle with its auxiliary)
    if verb is None or syntax.tense(verb) not in ("past", "present") or "Fin" not in morph(verb, "VerbForm") and \
            not any(c.dep_ in ("aux", "aux:tense") for c in verb.children):
        return None
    return verb.i


def _before_the_act(mention: Mention, cues: Cues) -> int | None:
    """« Après huit heures de discussions, l'Ukraine a accepté la proposition », "following talks, Kyiv agreed to…": an
    event told as what came before a verb done in the past is not scheduled by that verb's cue (accepting or agreeing
    schedules what is accepted). The index of that verb, or None."""
    stand = introduced(measuring(mention.trigger))  # (« après un appel avec Sheinbaum [puis deux entretiens] »)
    if mention.entry.pos != "noun" or folded(syntax.case_word(stand)) not in cues.after:
        return None
    verb = setting_verb(stand)
    if verb is not None and folded(verb.text) in cues.after and verb.head.i != verb.i:
        verb = verb.head  # "Following eight hours of talks, Ukraine agreed…": the participle is the preposition
    if verb is None or syntax.tense(verb) != "past" or "Fin" not in morph(verb, "VerbForm") and not any(
            c.dep_ in ("aux", "aux:tense") for c in verb.children):
        return None
    return verb.i


def set_for_later(mention: Mention, cues: Cues) -> bool:
    """"the meeting planned for Tuesday was called off", « la rencontre, prévue mardi, a été annulée »: a day
    said of a called-off event is the day it was to happen."""
    return any(_matches(t, cues.planned) for t in _scope(mention) if t.i != mention.trigger.i)


def rescheduled(mention: Mention, cues: Cues, light_verbs: frozenset[str]) -> bool:
    """"postponed the trip to March 10", « a reporté ce déplacement au 10 mars »: moved to another day (not "signed
    the long-delayed deal": see `_history`)."""
    history = _history(mention, light_verbs)
    return any(_matches(t, cues.rescheduled) for t in _scope(mention) if t.i not in history)
