"""The event lexicons (events.toml, cues.toml) as typed, folded views, and the checks they must pass."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from ..gazetteer import fold
from ..lexicons import LexiconError, load
from .kinds import KINDS

# The conditions an entry may ask for; pipeline/events/mentions.py reads each one from the parse.
CONDITIONS = frozenset({
    "party-object", "actor-object", "person-object", "object", "complement", "partner", "destination",
    "reflexive", "participle", "captives", "support", "modifier", "plural", "phone", "press", "institution",
    "dated", "beside", "party-subject", "determined", "place-object", "thing-object", "person-partner",
    "institution-intent", "joint-subject", "abroad", "duration-object", "joint-authors", "joint-parties", "reciprocal",
    "phone-partner", "weapons", "joint-clause", "audience", "assembly", "policy-object", "announced-event",
    "holder", "office", "support-verb", "party-of", "at-table", "next-to", "setting", "arrangements-object",
    "literal-object", "dated-clause", "signed-text", "no-predicative", "tariff-object", "envoy-object", "finite",
})
_ENTRY_KEYS = frozenset({"kind", "needs", "needs_any", "not_with", "particles", "support", "modifiers", "by_phone", "yields_to",
                         "subject", "planned", "what", "in_person"})
ROLES = ("agent", "host", "participant", "target")  # as EventParticipant.Role reads them
_SECTIONS = {"verbs": "verb", "adjectives": "adjective", "nouns": "noun", "prepositions": "preposition"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma that names an event of some kind when its conditions hold."""

    lemma: str
    pos: str  # verb | adjective | noun | preposition
    kind: str
    needs: frozenset[str] = frozenset()
    needs_any: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    # a phrasal verb names the event only with one of these ("stepped down"; "stepped in" is no resignation)
    particles: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    modifiers: dict[str, str] = field(default_factory=dict)
    by_phone: str | None = None
    # the kind it names when its clause puts it at a place and no phone word is there ("spoke briefly in New York")
    in_person: str | None = None
    yields_to: frozenset[str] = frozenset()
    subject: str = "agent"  # the part its subject plays: "host" for "hosted", « a reçu »
    planned: bool = False  # the word itself says the event is to come ("is expected in Moscow")
    # what a title says was announced, per language, when the word names it itself ("resigned": a resignation)
    what: dict[str, str] = field(default_factory=dict)
    # the word's other senses, tried in order when this one's conditions do not hold (events.toml: a list of
    # tables; "a letter of intent" signed is an agreement, "his letter to Macron" a statement)
    senses: tuple[Trigger, ...] = ()


@dataclass(frozen=True)
class Cues:
    """Cue lemmas of one language, folded; a cue of two words is matched as a lemma and the word after it."""

    negation_determiners: frozenset[str]
    negation_prepositions: frozenset[str]
    negation_nouns: frozenset[str]
    negation_pronouns: frozenset[str]
    negation_verbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_determiners: frozenset[str]
    hedge_nouns: frozenset[str]
    hedge_conjunctions: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_wishes: frozenset[str]
    reactions: frozenset[str]
    planned: frozenset[str]
    rescheduled: frozenset[str]
    cancelled: frozenset[str]
    ongoing: frozenset[str]
    press: frozenset[str]
    phone: frozenset[str]
    captives: frozenset[str]
    weapons: frozenset[str]
    people: frozenset[str]
    party_pronouns: frozenset[str]
    party_possessives: frozenset[str]
    party_nouns: frozenset[str]
    party_quantifiers: frozenset[str]
    party_alone: frozenset[str]
    party_alone_subject: frozenset[str]  # "The leaders agreed…": the parties only as the subject
    first_person: frozenset[str]
    question_labels: frozenset[str]
    interview_words: frozenset[str]
    reporting: frozenset[str]
    span_time: frozenset[str]
    set_for: frozenset[str]
    target: frozenset[str]
    distinct: frozenset[str]
    two_only: frozenset[str]  # "bilateral", « tête-à-tête »: a meeting of two, not one others joined
    envoys: frozenset[str]  # "ambassador", « ambassadeur »: whom a country recalls or expels
    ordinal: frozenset[str]
    during: frozenset[str]
    measure: frozenset[str]
    sequence: frozenset[str]
    purpose: frozenset[str]
    succession: frozenset[str]
    continuation: frozenset[str]
    ranks: dict[str, int]
    # a word for a part of the day → that part ("matin" → morning): optional, per language
    day_parts: dict[str, str] = field(default_factory=dict)
    place_pronouns: frozenset[str] = frozenset()  # « y »: the place named just before
    stages: frozenset[str] = frozenset()  # "stage", « étape »: a noun beside a verb that ranks its event in a series
    guests: frozenset[str] = frozenset()  # « son hôte », « son invité »: the visitor the story follows
    assemblies: frozenset[str] = frozenset()  # "parliament", « la nation »: a body one speaks to, named or not
    # "aid", « le partage de renseignements »: what a government gives and may freeze, pause or resume
    policy_objects: frozenset[str] = frozenset()
    # "tariffs", « surtaxes », « droits [de douane] »: what a government levies on imports and may suspend or freeze;
    # the words that are tariffs only with a qualifier (« droits » with « de douane »), the qualifiers, and what the
    # title says a pause in them is, per language
    tariffs: frozenset[str] = frozenset()
    tariffs_qualified: frozenset[str] = frozenset()
    tariff_qualifiers: frozenset[str] = frozenset()
    tariff_pause: dict[str, str] = field(default_factory=dict)
    arrangements: frozenset[str] = frozenset()  # "venue", « date »: a gathering's arrangements, made known
    figurative: frozenset[str] = frozenset()  # "tone", « esprits »: objects that make a verb of force a figure
    reflection: frozenset[str] = frozenset()  # "think", « réfléchir »: announcing a thought makes no policy known
    opinions: frozenset[str] = frozenset()  # "importance", « nécessité »: agreeing on one is sharing a view
    contact: frozenset[str] = frozenset()  # "touch", « contact »: agreeing to stay in it is a courtesy
    # "take effect", « entrer en vigueur »: the verb's lemma → the last words of its phrases (a measure coming into force)
    in_force: dict[str, frozenset[str]] = field(default_factory=dict)
    signing: frozenset[str] = frozenset()  # "sign", « signer »: a participle that makes its text an agreement
    agents: frozenset[str] = frozenset()  # "envoy", « émissaire »: one who acts for the person named with them
    texts: frozenset[str] = frozenset()  # "contract", « commande »: texts whose signing is an agreement
    quantities: frozenset[str] = frozenset()  # « centaine », "dozens": a count whose "of" phrase says of whom
    counterparts: frozenset[str] = frozenset()  # "his Ukrainian counterpart": the holder of one's office there
    offices: frozenset[str] = frozenset()  # "minister", « ministre »: an office one becomes (events.toml "office")
    # "since" and « depuis le retour »: a preposition of time, alone or before the noun it needs to be one
    since: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()  # "after", « après »: the sequence words that put an event before the verb's
    # « invité de la matinale », "a guest on the show": a guest on the air, and the words for a show
    broadcast_guests: frozenset[str] = frozenset()
    broadcast_shows: frozenset[str] = frozenset()
    # "spoke to reporters", « s'est exprimé devant la presse »: verbs of addressing an audience, remarks when it is the press
    addressing: frozenset[str] = frozenset()
    # "Kyiv came under attack", « Kiev a subi une attaque »: verbs whose subject is what an attack hits
    suffered: frozenset[str] = frozenset()
    # "sat down at the same table", « se sont assis à la même table »: where the parties of talks sit
    tables: frozenset[str] = frozenset()
    presence: frozenset[str] = frozenset()  # "was in Tirana for the summit", « se trouvait à … pour »: being there
    next_to: frozenset[str] = frozenset()  # "next", "close": "sitting [next] to Rutte" (events.toml "next-to")
    # "did not attend", « n'a pas assisté à »: verbs of taking part that, denied, deny only their subject's part;
    # "skipped", « a boudé »: verbs of staying away
    attendance: frozenset[str] = frozenset()
    absence: frozenset[str] = frozenset()
    simultaneous: frozenset[str] = frozenset()  # "when", « lorsque »: a clause of the same time as its verb


@dataclass(frozen=True)
class EventLexicon:
    """Everything the event reader knows of a language's words."""

    language: str
    verbs: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    nouns: dict[str, Trigger]
    prepositions: dict[str, Trigger]
    light_verbs: frozenset[str]
    cues: Cues

    @functools.cached_property
    def lemmas(self) -> frozenset[str]:
        """Every lemma a token must have for the reader to look at it: a cheap filter before the parse."""
        return (frozenset(self.verbs) | frozenset(self.adjectives) | frozenset(self.nouns)
                | frozenset(self.prepositions) | self.cues.reporting | self.cues.broadcast_guests
                | self.cues.addressing)

    def names_agreement(self, lemma: str) -> bool:
        """Whether a noun (its folded lemma) names an agreement in one of its senses ("accord", "treaty", "deal")."""
        entry = self.nouns.get(lemma)
        return entry is not None and any(sense.kind == "agreement" for sense in (entry, *entry.senses))

    def support_verbs(self) -> frozenset[str]:
        """Verbs that support some event noun ("signed", "imposed") besides the light verbs."""
        return frozenset(v for t in self.nouns.values() for v in t.support) | self.light_verbs


def _folded(values) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


def _first_and_last(phrases) -> dict[str, frozenset[str]]:
    """"take effect", "come into force" → {"take": {"effect"}, "come": {"force"}}: a verb and the word that ends it."""
    ends: dict[str, set[str]] = {}
    for phrase in phrases:
        first, *_, last = fold(phrase).split()
        ends.setdefault(first, set()).add(last)
    return {first: frozenset(last) for first, last in ends.items()}


def _words(table: dict, section: str, key: str = "words") -> list[str]:
    try:
        return list(table[section][key])
    except KeyError as exc:
        raise LexiconError(f"lexicon section [{section}] has no {key!r}") from exc


def _trigger(lemma: str, pos: str, raw: dict | list[dict]) -> Trigger:
    if isinstance(raw, list):
        first, *others = raw
        return replace(_trigger(lemma, pos, first), senses=tuple(_trigger(lemma, pos, other) for other in others))
    return Trigger(lemma=fold(lemma), pos=pos, kind=raw["kind"], needs=frozenset(raw.get("needs", ())),
                   needs_any=frozenset(raw.get("needs_any", ())), not_with=_folded(raw.get("not_with", ())),
                   particles=_folded(raw.get("particles", ())),
                   support=_folded(raw.get("support", ())),
                   modifiers={fold(k): v for k, v in raw.get("modifiers", {}).items()},
                   by_phone=raw.get("by_phone"), in_person=raw.get("in_person"),
                   yields_to=frozenset(raw.get("yields_to", ())),
                   subject=raw.get("subject", "agent"), planned=bool(raw.get("planned", False)),
                   what=dict(raw.get("what", {})))


@functools.cache
def event_lexicon(language: str) -> EventLexicon:
    """The event lexicon of a language, read once per process."""
    events, cues = load(language, "events"), load(language, "cues")
    sections = {name: {fold(lemma): _trigger(lemma, pos, raw) for lemma, raw in events.get(name, {}).items()}
                for name, pos in _SECTIONS.items()}
    reporting = _folded(_words(cues, "reporting"))
    try:  # the speech lexicon, where there is one, is the list of verbs of saying
        reporting |= _folded(v.split()[0] for v in load(language, "speech").get("verbs", {}))
    except LexiconError:
        pass
    return EventLexicon(
        language=language, verbs=sections["verbs"], adjectives=sections["adjectives"], nouns=sections["nouns"],
        prepositions=sections["prepositions"],
        light_verbs=_folded(_words(events, "light_verbs")),
        cues=Cues(
            negation_determiners=_folded(_words(cues, "negation", "determiners")),
            negation_prepositions=_folded(_words(cues, "negation", "prepositions")),
            negation_nouns=_folded(_words(cues, "negation", "nouns")),
            negation_pronouns=_folded(_words(cues, "negation", "pronouns")),
            negation_verbs=_folded(_words(cues, "negation", "verbs")),
            hedge_adjectives=_folded(_words(cues, "hedge", "adjectives")),
            hedge_determiners=_folded(_words(cues, "hedge", "determiners")),
            hedge_nouns=_folded(_words(cues, "hedge", "nouns")),
            hedge_conjunctions=_folded(_words(cues, "hedge", "conjunctions")),
            hedge_verbs=_folded(_words(cues, "hedge", "verbs")),
            hedge_wishes=_folded(_words(cues, "hedge", "wishes")),
            reactions=_folded(_words(cues, "reactions")),
            planned=_folded(_words(cues, "planned")),
            rescheduled=_folded(_words(cues, "rescheduled")),
            cancelled=_folded(_words(cues, "cancelled")),
            ongoing=_folded(_words(cues, "ongoing")),
            press=_folded(_words(cues, "press")),
            phone=_folded(_words(cues, "phone")),
            captives=_folded(_words(cues, "captives")),
            weapons=_folded(_words(cues, "weapons")),
            people=_folded(_words(cues, "people")),
            party_pronouns=_folded(_words(cues, "parties", "pronouns")),
            party_possessives=_folded(_words(cues, "parties", "possessives")),
            party_nouns=_folded(_words(cues, "parties", "nouns")),
            party_quantifiers=_folded(_words(cues, "parties", "quantifiers")),
            party_alone=_folded(_words(cues, "parties", "alone")),
            party_alone_subject=_folded(_words(cues, "parties", "alone_as_subject")),
            first_person=_folded(_words(cues, "first_person")),
            question_labels=_folded(_words(cues, "transcript", "question_labels")),
            interview_words=_folded(_words(cues, "transcript", "interview_words")),
            reporting=reporting,
            span_time=_folded(_words(cues, "span_time")),
            set_for=_folded(_words(cues, "set_for")),
            target=_folded(_words(cues, "target")),
            distinct=_folded(_words(cues, "distinct")),
            two_only=_folded(_words(cues, "two_only")),
            envoys=_folded(_words(cues, "envoys")),
            ordinal=_folded(_words(cues, "ordinal")),
            during=_folded(_words(cues, "during")),
            measure=_folded(_words(cues, "measure")),
            sequence=_folded(_words(cues, "sequence")),
            purpose=_folded(_words(cues, "purpose")),
            succession=_folded(_words(cues, "succession")),
            continuation=_folded(_words(cues, "continuation")),
            ranks={fold(word): rank for rank, word in enumerate(_words(cues, "ranks"), start=1)},
            day_parts={fold(w): part for part, words in cues.get("day_parts", {}).items() for w in words},
            place_pronouns=_folded(cues.get("place_pronouns", {}).get("words", ())),
            stages=_folded(cues.get("stages", {}).get("words", ())),
            guests=_folded(cues.get("guests", {}).get("words", ())),
            assemblies=_folded(cues.get("assemblies", {}).get("words", ())),
            policy_objects=_folded(cues.get("policy_objects", {}).get("words", ())),
            tariffs=_folded(cues.get("tariffs", {}).get("words", ())),
            tariffs_qualified=_folded(cues.get("tariffs", {}).get("qualified", ())),
            tariff_qualifiers=_folded(cues.get("tariffs", {}).get("qualifiers", ())),
            tariff_pause=dict(cues.get("tariffs", {}).get("paused", {})),
            arrangements=_folded(cues.get("arrangements", {}).get("words", ())),
            figurative=_folded(cues.get("figurative", {}).get("words", ())),
            reflection=_folded(cues.get("reflection", {}).get("words", ())),
            opinions=_folded(cues.get("opinions", {}).get("words", ())),
            contact=_folded(cues.get("contact", {}).get("words", ())),
            in_force=_first_and_last(cues.get("in_force", {}).get("phrases", ())),
            signing=_folded(cues.get("signing", {}).get("words", ())),
            agents=_folded(cues.get("agents", {}).get("words", ())),
            texts=_folded(cues.get("texts", {}).get("words", ())),
            quantities=_folded(cues.get("quantities", {}).get("words", ())),
            counterparts=_folded(cues.get("counterparts", {}).get("words", ())),
            offices=_folded(cues.get("offices", {}).get("words", ())),
            after=_folded(cues.get("after", {}).get("words", ())),
            since=_folded(cues.get("since", {}).get("words", ())),
            broadcast_guests=_folded(cues.get("broadcast", {}).get("guests", ())),
            broadcast_shows=_folded(cues.get("broadcast", {}).get("shows", ())),
            addressing=_folded(cues.get("addressing", {}).get("words", ())),
            suffered=_folded(cues.get("suffered", {}).get("words", ())),
            tables=_folded(cues.get("tables", {}).get("words", ())),
            next_to=_folded(cues.get("tables", {}).get("next_to", ())),
            presence=_folded(cues.get("presence", {}).get("words", ())),
            attendance=_folded(cues.get("attendance", {}).get("words", ())),
            simultaneous=_folded(cues.get("simultaneous", {}).get("words", ())),
            absence=_folded(cues.get("attendance", {}).get("absence", ())),
        ))


def problems(language: str) -> list[str]:
    """What is wrong with a language's event lexicons: unknown kinds or conditions, duplicates."""
    events, cues = load(language, "events"), load(language, "cues")
    found = []
    seen: dict[tuple[str, str], str] = {}
    for section, pos in _SECTIONS.items():
        for lemma, raw in events.get(section, {}).items():
            where = f"{language}/events.toml [{section}] {lemma}"
            if (pos, fold(lemma)) in seen:
                found.append(f"{where}: the same folded lemma as {seen[pos, fold(lemma)]!r}")
            seen[pos, fold(lemma)] = lemma
            senses = raw if isinstance(raw, list) and len(raw) > 1 else [raw]
            if not all(isinstance(sense, dict) for sense in senses):
                found.append(f"{where}: an entry is a table {{ kind = … }}, or a list of two tables or more (its senses)")
                continue
            for sense in senses:
                found += _sense_problems(where, sense)
    found += _duplicates(f"{language}/events.toml [light_verbs]", _words(events, "light_verbs"))
    for section, values in cues.items():
        for key, words in (values.items() if isinstance(values, dict) else ()):
            found += _duplicates(f"{language}/cues.toml [{section}] {key}", words)
    return found


def _sense_problems(where: str, raw: dict) -> list[str]:
    """What is wrong with one sense of an entry."""
    found = [f"{where}: unknown key {k!r}" for k in set(raw) - _ENTRY_KEYS]
    kinds = [raw.get("kind"), raw.get("by_phone"), raw.get("in_person"), *raw.get("modifiers", {}).values()]
    found += [f"{where}: unknown kind {k!r}" for k in kinds if k is not None and k not in KINDS]
    if set(raw.get("what", {})) - {"en", "fr"}:
        found.append(f"{where}: what is given per language (en, fr)")
    if raw.get("subject", "agent") not in ROLES:
        found.append(f"{where}: unknown subject role {raw['subject']!r}")
    found += [f"{where}: unknown kind {k!r} in yields_to" for k in raw.get("yields_to", ()) if k != "*" and k not in KINDS]
    conditions = [*raw.get("needs", ()), *raw.get("needs_any", ())]
    found += [f"{where}: unknown condition {c!r}" for c in conditions if c not in CONDITIONS]
    if "modifier" in conditions and not raw.get("modifiers"):
        found.append(f"{where}: needs a modifier but lists none")
    for key in ("needs", "needs_any", "not_with", "particles", "support", "yields_to"):
        found += _duplicates(f"{where} {key}", raw.get(key, ()))
    return found


def _duplicates(where: str, values) -> list[str]:
    folded = [fold(v) for v in values]
    return [f"{where}: {v!r} twice" for v in sorted({v for v in folded if folded.count(v) > 1})]
