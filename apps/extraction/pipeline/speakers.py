"""Who speaks: the subject of a speech verb, a pronoun, a description or a transcript label, as an actor.

A name is looked up among the article's actor mentions. A pronoun points back, with its gender,
to the subject or the last speaker of the sentences before. A description either names its
organization ("a spokeswoman for the ministry"), an office ("the Prime Minister": whoever holds
it where the document comes from, or the office holder the story is about), a person the story
is about ("the Indiana governor"), or the organization of that kind named last ("the ministry").
"""
from __future__ import annotations

import bisect
import datetime
import fnmatch
import functools
import re
import tomllib
from pathlib import Path
from urllib.parse import urlparse

from spacy.tokens import Doc, Token

from . import syntax
from .actors import PERSON_LABELS, ActorTable, MentionRef, demonym_forms, given_names
from .gazetteer import Entry, Gazetteer, find_matches, fold, normalize, tokenize_folded
from .layout import Label, Layout, Turn
from .records import Actor, ArticleInput, Mention
from .speech import SpeechLexicon, lemma, phrase_source, source_phrase_end
from .syntax import morph

SPEAKER_KINDS = ("person", "organization", "group", "country")
PUBLISHERS_FILE = Path(__file__).resolve().parent.parent / "data" / "publishers.toml"
# Dependents that end a noun phrase for the purpose of naming its speaker: what follows a comma,
# a relative clause or a coordinated phrase says something else about it.
_NP_STOP = frozenset({"relcl", "acl:relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "ccomp",
                      "dep"})
_NAME_DEPS = frozenset({"compound", "flat", "flat:name"})
# Prepositions after an office that say where or when, not whose office it is ("the crown prince at the White House")
_PLACE_OR_TIME = frozenset({"at", "in", "on", "à", "au", "aux", "en", "dans"})
# Entity types of a noun phrase that names no speaker ("52 percent of voters", "Tuesday", "10 GMT").
_NOT_DESCRIPTION_ENTS = frozenset({"DATE", "TIME", "PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL"})


@functools.cache
def _publishers() -> dict:
    return tomllib.loads(PUBLISHERS_FILE.read_text(encoding="utf-8"))


def publisher_country(article: ArticleInput | None) -> str | None:
    """The country of an official publisher, from the article's address or source (None for the press)."""
    if article is None:
        return None
    data = _publishers()
    host = (urlparse(article.url).hostname or "") if article.url else ""
    source = fold(article.source or "")
    for suffix, country in data["hosts"].items():
        if host == suffix or host.endswith("." + suffix) or suffix in source:
            return country
    for name, country in data["names"].items():
        if name in source:
            return country
    return None


class SpeakerResolver:
    """Resolves the speakers of one article to actor keys (adding an actor the gazetteer knows when needed)."""

    def __init__(self, text: str, language: str, layout: Layout, table: ActorTable, gaz: Gazetteer,
                 sentences: list[tuple[int, int]], doc: Doc, published: datetime.date,
                 article: ArticleInput | None, lex: SpeechLexicon, said: list):
        self.text, self.lang, self.layout, self.table, self.gaz = text, language, layout, table, gaz
        self.folded = fold(text)
        self.sentences, self.starts = sentences, [s for s, _ in sentences]
        self.doc, self.published, self.article, self.lex = doc, published, article, lex
        self.said = said  # the reader's list of who spoke where, shared
        self.turns: list[Turn] = []
        self.country = publisher_country(article) or self._country_from_letterhead()
        self.mention_starts = [m.start for m in table.mentions]
        self.genders = self._genders()
        self.countries = gaz.countries_by_code
        self.described: set[str] = set()  # actors named only by a description ("a spokeswoman")

    def _country_from_letterhead(self) -> str | None:
        """An official document names its publisher in the headings that open it ("THE WHITE HOUSE")."""
        names = _publishers()["names"]
        for para in self.layout.paragraphs[:4]:
            if not para.heading:
                break
            line = normalize(self.text[para.start:para.end])
            for name, country in names.items():
                if line == name or line == "the " + name:
                    return country
        return None

    # --- mentions ------------------------------------------------------------------------------
    def mention_at(self, pos: int) -> MentionRef | None:
        """The actor mention that covers a character offset."""
        i = bisect.bisect_right(self.mention_starts, pos) - 1
        for m in self.table.mentions[max(0, i - 2):i + 1][::-1]:
            if m.start <= pos < m.end:
                return m
        return None

    def add_mention(self, key: str, start: int, end: int, via: str = "title") -> None:
        """Record a speaker the text names only by a label or an office, so the extraction lists it."""
        actor = self.table.actors.get(key)
        if actor is None:
            entry = self.gaz.get(key)
            if entry is None:
                return
            actor = _actor_from(entry)
            self.table.actors[key] = actor
            self.table.genders[key] = entry.gender
            self.genders[key] = entry.gender
        if start < end and not any(m.start == start and m.key == key for m in self.table.mentions):
            actor.mentions.append(Mention(start, end, self.text[start:end]))
            actor.mentions.sort(key=lambda m: m.start)
            ref = MentionRef(start, end, key, via)
            i = bisect.bisect_left(self.mention_starts, start)
            self.table.mentions.insert(i, ref)
            self.mention_starts.insert(i, start)

    def _sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _is_subject(self, m: MentionRef) -> bool:
        head = self._head_token(m.start, m.end)
        if head is not None and head.dep_ in ("appos", "flat", "flat:name") and head.head.i != head.i:
            head = head.head  # "the Canadian prime minister, Mark Carney, was…": the name stands for the subject
            if head.dep_ == "appos" and head.head.i != head.i:
                head = head.head
        return bool(head is not None and head.dep_ in syntax.SUBJECT_DEPS)

    def _head_token(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    # --- gender --------------------------------------------------------------------------------
    def _genders(self) -> dict[str, str | None]:
        """Gazetteer genders, and for new people the words around their names ("Mr. X", "X said she…")."""
        genders = dict(self.table.genders)
        unknown = {k for k, a in self.table.actors.items() if a.kind == "person" and not genders.get(k)}
        if not unknown or not self.lex.gender_words:
            return genders
        votes: dict[str, list[int]] = {k: [0, 0] for k in unknown}
        persons = [m for m in self.table.mentions if self.table.kind(m.key) == "person"]
        for n, m in enumerate(persons):
            if m.key not in unknown:
                continue
            # a given name weighs as a title does: "Hillary Clinton" is a woman wherever she is named
            given = self._given_name_gender(m.start, m.end)
            if given:
                votes[m.key][given == "f"] += 3
            if self.layout.in_quote[m.start]:
                continue
            before = re.search(r"([\w]+)\.?\s*$", self.folded[max(0, m.start - 8):m.start])
            word = self.lex.gender_words.get(before.group(1)) if before else None
            if word in ("m", "f"):
                votes[m.key][word == "f"] += 3
            if not self._is_subject(m):
                continue  # "X said she…", "X arrived. She…": only a subject is what the next pronoun points at
            si = self._sentence_index(m.start)
            _, e = self.sentences[si]
            others = [p.start for p in persons[n + 1:] if p.key != m.key and p.start < e]
            window = self.folded[m.end:min([e] + others)]
            if not others and si + 1 < len(self.sentences):
                s2, e2 = self.sentences[si + 1]
                window += " " + self.folded[s2:min(e2, s2 + 12)]
            for w in re.finditer(r"\w+", window):
                g = self.lex.pronouns.get(w.group())
                if g in ("m", "f"):
                    votes[m.key][g == "f"] += 1
                    break
        for key, (male, female) in votes.items():
            if male != female:
                genders[key] = "m" if male > female else "f"
        return genders

    def _given_name_gender(self, start: int, end: int) -> str | None:
        """The gender a mention's given name tells ("Sen. Elizabeth Warren"), if it opens a full name.

        A lone word is left alone: "Warren" alone is her surname, not the man's given name.
        """
        words = re.findall(r"[\w'-]+", self.folded[start:end])
        while words and words[0] in self.lex.titles:
            words.pop(0)
        if len(words) < 2:
            return None
        return given_names().get(words[0])

    def _gender_ok(self, key: str, gender: str | None) -> bool:
        if gender not in ("m", "f"):
            return True
        known = self.genders.get(key)
        return known is None or known == gender

    # --- pronouns ------------------------------------------------------------------------------
    def pronoun_gender(self, pronoun: str | None) -> str | None:
        """m, f, n (it), self (I, we), "" (they), m-latter or f-latter (« celui-ci », the last one named) or None
        for a word that is no pronoun of a speaker."""
        if pronoun is None:
            return None
        word = fold(pronoun).strip("-")
        word = word[2:] if word.startswith("t-") else word
        if word in self.lex.pronouns:
            return self.lex.pronouns[word]
        found = self.lex.gender_words.get(word)
        return found if found in ("m", "f") else None

    def resolve_pronoun(self, pos: int, pronoun: str | None, *, country: str | None = None,
                        exclude: frozenset[str] = frozenset()) -> str | None:
        """The actor a pronoun at pos points back to; pronoun=None resolves a description of a person.

        `country` (a country's code): the description says whose it is (« le Premier ministre arménien »),
        so a person the gazetteer gives another country is not the one meant. `exclude`: actors the pronoun
        cannot be, such as the subject of its own clause for an object ("Macron welcomed him").

        A subject before it in its own sentence comes first ("Trump says he…"); then, sentence by
        sentence going back, the last speaker or the subject; only then the first one named. The
        search crosses live-blog entries: "17:36 — He went further" goes on with the entry before.
        A live-blog entry or a heading ends the search.
        """
        gender = self.pronoun_gender(pronoun)
        if gender == "self":
            return self.turn_speaker(pos)
        latter = gender is not None and gender.endswith("-latter")
        if latter:
            gender = gender.split("-")[0]
        speaking = self.turn_speaker(pos) if gender in ("m", "f", "n") or pronoun is None else None
        if speaking is not None:
            # « Nadia Sfeir-Morel : Oui, la veille, il a laissé entendre… »: who speaks in a transcript's turn says
            # « je »; « il », "he" in her answer is someone else, and so is « l'ambassadeur américain » she describes
            exclude = exclude | {speaking}
        if pronoun is not None and gender is None:
            return None
        if gender == "":
            return None  # "they", « on »: several speakers or anyone, never one actor for sure
        kinds = ("organization", "country", "group") if gender == "n" else ("person",)

        def fits(key: str) -> bool:
            # "one questioner asked… he said": a speaker known only by a description is seldom the "he" after
            # unless its words give the same gender ("a spokeswoman said… she added")
            return self.table.kind(key) in kinds and self._gender_ok(key, gender) and \
                (key not in self.described or gender in ("m", "f") and self.genders.get(key) == gender) and \
                (country is None or (entry := self.gaz.get(key)) is None or entry.country in (None, country)) and \
                key not in exclude

        current = self._sentence_index(pos)
        window = []
        for si in range(current, max(-1, current - 5), -1):
            start, end = self.sentences[si]
            if not self.layout.is_heading(start):
                window.append((si, start, min(pos, end) if si == current else end))
        named_by_sentence = []
        para = self.layout.paragraph_at(pos)
        for si, start, limit in window:
            if para is not None and start < para.start <= pos:
                # leaving the pronoun's paragraph: one it named comes before the speakers of the paragraphs
                # above ('For Mr. Trump, the calculation may be simpler. "…," he told reporters')
                near = next((named[0] for (sj, _, _), named in zip(window, named_by_sentence)
                             if named and (sj != current or pronoun is not None)), None)
                if near is not None:
                    return near.key
                para = None
            spoken = [s.speaker for s in self.said if start <= s.pos < limit and fits(s.speaker)]
            named = [m for m in self.table.between(start, limit, self.layout) if fits(m.key)]
            if latter and named:
                return named[-1].key  # « celui-ci »: the last one named before it
            if si == current:
                named = [m for m in named if not self._in_reported_clause(m, pos)]
            subjects = [m for m in named if self._is_subject(m)] or \
                self._leading_name(named, start, limit, pos if si == current else None)
            if not subjects and pronoun is not None and (new := self._new_subject(start, limit)) is not None \
                    and fits(new.key):
                subjects, named = [new], [new, *named]
            if not subjects and pronoun is not None:
                described = self._described_subject(start, limit)
                if described is not None and fits(described.key):
                    # 'The German chancellor … did most of the talking. At a news conference with
                    # Zelensky he said…': the sentence's subject is a person the story named before
                    subjects, named = [described], [described, *named]
            named_by_sentence.append(named)
            if si == current:
                if subjects:
                    return subjects[-1].key
                if spoken:
                    return spoken[-1]
                continue
            if spoken:
                return spoken[-1]
            if subjects:
                return subjects[0].key
        # no speaker and no subject nearby: the first one named, nearest sentence first
        # ("urged Trump to … when he meets Putin" names Trump in the pronoun's own sentence)
        for (si, _, _), named in zip(window, named_by_sentence):
            if named and (si != current or pronoun is not None):
                return named[0].key
        if self.lang == "fr" and pronoun is not None and gender in ("m", "f"):
            return self._body_of_gender(pos, gender, exclude)
        return None

    def _body_of_gender(self, pos: int, gender: str, exclude: frozenset[str]) -> str | None:
        """« L'Union africaine a réagi vite : mercredi, elle a suspendu Madagascar »: with no person of its gender
        before it, a French « il » or « elle » is the body or country last named in its sentence or the one before
        whose name has that gender (« l'Union » is « elle », « le Kremlin » « il »)."""
        current = self._sentence_index(pos)
        for si in range(current, max(-1, current - 2), -1):
            start, end = self.sentences[si]
            named = [m for m in self.table.between(start, min(pos, end), self.layout)
                     if self.table.kind(m.key) in ("organization", "country", "group") and m.key not in exclude]
            for m in reversed(named):
                token = self._head_token(m.start, m.end)
                if token is None or token.pos_ not in ("NOUN", "PROPN"):
                    continue
                # (« l'Union africaine »: the elided article says nothing, its adjective does)
                found = self._grammatical_gender(token) or next(
                    (g for c in token.children if c.dep_ == "amod" and (g := self._grammatical_gender(c))), None)
                if found == gender:
                    return m.key
        return None

    def _new_subject(self, start: int, limit: int) -> MentionRef | None:
        """A person the recognizer names as the main subject of a sentence but no actor stands for yet.

        'Bob met with Stevens on Monday. "…," he said': "Bob" alone is too weak a name to make an actor of
        anywhere, but as the subject the next "he" points back to, it is the one who speaks.
        """
        span = self.doc.char_span(start, limit, alignment_mode="contract")
        for token in span or []:
            if token.dep_ in syntax.SUBJECT_DEPS and token.head.dep_ == "ROOT" and token.ent_type_ in ("PERSON", "PER") \
                    and _looks_like_name(token) and self.mention_at(token.idx) is None \
                    and not self.layout.in_quote[token.idx]:
                key = self._name_not_yet_known(self._np_tokens(token), token)
                if key:
                    m = self.mention_at(token.idx)
                    return m if m is not None and m.key == key else None
        return None

    def _in_reported_clause(self, m: MentionRef, pos: int) -> bool:
        """Whether a mention is inside the clause that the pronoun's speech verb reports as an aside.

        "Putin, he said, was bluffing", "If Putin did not agree, he warned, there would be…": "he
        said" is set inside the words it reports, and who they are about is not who says them.
        """
        pronoun = self._head_token(pos, pos + 1)
        verb = pronoun.head if pronoun is not None else None
        # (« Macron doit s'entretenir mercredi avec Zelensky, a-t-il ajouté »: a verb that goes on with what someone
        # was saying, with its subject inverted, is an aside whatever the parser called it; « Zelensky a rencontré
        # Kellogg, "un échange utile", a-t-il écrit » is the clause's own subject speaking)
        aside = verb is not None and (verb.dep_ == "parataxis" or verb.dep_ == "advcl" and pronoun.text.startswith("-")
                                      and lemma(verb) in self.lex.continuations)
        if not aside or verb.head.i == verb.i:
            return False
        token, below = self._head_token(m.start, m.end), None
        while token is not None and token.i not in (verb.i, verb.head.i) and token.head.i != token.i:
            token, below = token.head, token
        if token is None:
            return False
        # up to the reported clause; or to the aside through a clause the parser hung on it ("If Putin…, he warned")
        return token.i == verb.head.i or token.i == verb.i and below is not None and below.dep_ in syntax.CLAUSE_DEPS

    def _described_subject(self, start: int, limit: int) -> MentionRef | None:
        """The person a sentence's subject describes ("The German chancellor", "the senator"), as a mention.

        Only a definite description whose head is a word for a person (the descriptions lexicon)
        counts, and it is read as the person the story named before (actor_of_np).
        """
        span = self.doc.char_span(start, limit, alignment_mode="contract")
        for token in span or []:
            if token.dep_ not in syntax.SUBJECT_DEPS or token.pos_ != "NOUN" or self.layout.in_quote[token.idx] \
                    or lemma(token) not in self.lex.persons or token.head.dep_ not in ("ROOT", "conj"):
                continue
            if self.mention_at(token.idx) is not None:
                continue
            key, basis = self.actor_of_np(token)
            if key and basis == "description":
                return MentionRef(token.idx, token.idx + len(token.text), key, "description")
        return None

    def _leading_name(self, named: list[MentionRef], start: int, limit: int,
                      pronoun_at: int | None = None) -> list[MentionRef]:
        """The name that opens a sentence whose parse gave no subject at all: it is the subject.

        « Ce dimanche, le Premier ministre canadien, Mark Carney, était à Kiev »: the French parse
        can hang the whole sentence on a comma; the first name before the first verb still leads it.
        A pronoun that is itself the subject leads its own sentence ("At a news conference with
        Zelensky he said…": Zelensky leads nothing).
        """
        span = self.doc.char_span(start, limit, alignment_mode="contract") if named else None
        tokens = list(span) if span is not None else []
        if tokens and pronoun_at is not None and (pronoun := self._head_token(pronoun_at, pronoun_at + 1)) is not None:
            tokens.append(pronoun)
        if not tokens or any(t.dep_ in syntax.SUBJECT_DEPS for t in tokens):
            return []
        first_verb = next((t.idx for t in tokens if t.pos_ in ("VERB", "AUX")), limit)
        return [named[0]] if named[0].end <= first_verb and self.table.kind(named[0].key) == "person" else []

    def turn_speaker(self, pos: int) -> str | None:
        """Who is speaking in the transcript turn that holds pos ("I", "we" in it are the speaker)."""
        for turn in self.turns:
            if any(s <= pos < e for s, e in turn.paragraphs):
                return turn.speaker
        return None

    # --- subjects and noun phrases -------------------------------------------------------------
    def speaker_of_verb(self, verb: Token, *, describe: bool = True) -> tuple[str | None, str]:
        """The subject of a speech verb as an actor, and how it was found.

        basis "" means the parse gives the verb no subject (the caller reads the surface);
        "unresolved" a subject that names no known actor; "narrator" a first person outside any
        transcript turn (the journalist).
        """
        def outside(tokens: list[Token]) -> list[Token]:
            # "Nous" of the quotation speaks not, nor a time the parser took for a subject ("11:02 GMT: …"), nor
            # the dateline's city ("WASHINGTON, Aug 25 (Reuters) - U.S. President Donald Trump … told reporters…")
            return [t for t in tokens if not self.layout.in_quote[t.idx] and not _is_time(t)
                    and not self.layout.is_excluded(t.idx, t.idx + len(t.text))]

        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return inverted
        subjects = outside(syntax.subjects(verb))
        if not subjects:
            # '“Very good reporter,” Trump, the frontrunner, said': the parser made the quotation the
            # subject and the name its apposition; the name outside the quotation is who speaks
            subjects = outside([c for t in syntax.subjects(verb) if self.layout.in_quote[t.idx]
                                for c in t.children if c.dep_ == "appos" and _looks_like_name(c)])
        climb = verb
        for _ in range(2):
            # ", adding that…", "…, saying": a participle takes the subject of the verb it hangs on,
            # unless that verb is in the quotation the speech verb attributes
            if climb.dep_ == "pcomp" and climb.head.dep_ == "prep" and climb.head.head.i != climb.head.i \
                    and not subjects and not self.layout.in_quote[climb.head.head.idx]:
                climb = climb.head.head  # "drew boos upon saying", "after telling reporters": the verb the phrase is on
                subjects = outside(syntax.subjects(climb))
                continue
            if subjects or climb.dep_ not in ("advcl", "conj", "xcomp", "acl", "dep") or climb.head.i == climb.i \
                    or self.layout.in_quote[climb.head.idx]:
                break
            climb = climb.head
            subjects = outside(syntax.subjects(climb))
        if not subjects:
            # « Keir Starmer a garanti que… » parsed with the name hung on the auxiliary « a »: its subject
            subjects = outside([c for aux in verb.children if aux.dep_ in ("aux", "aux:tense") and aux.i < verb.i
                                for c in aux.children if c.dep_ in syntax.SUBJECT_DEPS])
        if not subjects:
            subjects = outside(syntax.passive_agent(verb))
        if not subjects:
            return None, ""
        found = self.actor_of_np(self._named_apposition(subjects), describe=describe)
        clause = verb.head
        if found[0] is None and verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.i != clause.i \
                and not any(c.dep_ in syntax.SUBJECT_DEPS for c in verb.children) \
                and not self.layout.in_quote[clause.head.idx]:
            # "The ministry said that aircraft had caught fire and insisted that…": the parser hangs the second
            # speech verb on the reported clause's verb; whoever cannot speak there leaves it to the first
            # speech verb's subject
            outer = outside(syntax.subjects(clause.head))
            if outer:
                again = self.actor_of_np(self._named_apposition(outer), describe=describe)
                if again[0] is not None:
                    return again
        return found

    def _inverted_subject(self, verb: Token) -> tuple[str | None, str] | None:
        """« …, a confié une source au sein du SBU : »: an incise whose subject follows the verb, which the
        parser reads as its object (and hangs the verb on the clause before as a conjunct).

        Only an incise (a comma just before the verb and its auxiliaries, no subject of its own) and only a
        speaker word of the descriptions lexicon: « a confié un secret » has no such object. A representative's
        organization may be hung on the verb instead of the noun (« au sein du SBU »): the words that follow
        the noun up to a punctuation mark are read with it.
        """
        if any(c.dep_ in syntax.SUBJECT_DEPS for c in verb.children):
            return None
        if not syntax.after_comma(verb):
            return None
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i), None)
        if obj is None or obj.pos_ != "NOUN" or self.layout.in_quote[obj.idx] or not self._describes(lemma(obj)) \
                or not (_indefinite(obj) or lemma(obj) in self.lex.representatives):
            # « a déclaré le chef de la délégation, Vladimir Medinski »: a definite person is read as before
            return None
        tail = verb.doc[obj.i:min(len(verb.doc), obj.i + 12)]
        stop = next((t.i for t in tail if t.text in (".", ":", ";", "«", "»", "\"")), tail.end)
        last_tok = verb.doc[max(obj.i, stop - 1)]
        if any(self.table.kind(r.key) == "person"
               for r in self.table.between(obj.idx, last_tok.idx + len(last_tok.text), self.layout)):
            return None  # « un conseiller du Kremlin, Iouri Ouchakov »: the person named after it, read as before
        if lemma(obj) in self.lex.representatives:
            end = obj.right_edge.i
            while end + 1 < len(verb.doc) and not verb.doc[end + 1].is_punct and end - obj.i < 6:
                end += 1
            last = verb.doc[end]
            bodies = [r for r in self.table.between(obj.idx, last.idx + len(last.text), self.layout)
                      if self.table.kind(r.key) == "organization"]
            if bodies:
                return bodies[0].key, "description"
        found = self.actor_of_np(self._named_apposition([obj]), describe=True)
        return found if found[0] is not None else None

    def _named_apposition(self, subjects: list[Token]) -> Token:
        """The subject to read: a name the parser made a second subject beside its description comes first.

        « Le secrétaire au Trésor, Scott Bessent, a expliqué »: the French parse gives the verb two
        subjects, "secrétaire" and "Scott"; the name after the comma is an apposition, and it says who.
        """
        first = subjects[0]
        if self.mention_at(first.idx):
            return first
        for other in subjects[1:]:
            m = self.mention_at(other.idx)
            if m and self.table.kind(m.key) == "person" and first.i < other.i \
                    and self.text[first.idx:m.start].rstrip().endswith(","):
                return other
        for other in subjects[1:]:
            # « Côté russe, la porte-parole de la diplomatie, Maria Zakharova, a estimé »: the parser took the
            # opening « Côté russe » for a subject too; the subject with a person in apposition says who
            if any(c.dep_ == "appos" and (m := self.mention_at(c.idx)) and self.table.kind(m.key) == "person"
                   for c in other.children):
                return other
        return first

    def actor_of_np(self, token: Token, *, describe: bool = False) -> tuple[str | None, str]:
        """The actor a noun phrase (given by its head) names, and how: a name, a pronoun or a description.

        With `describe`, a description that points at no actor of the story becomes an actor of its
        own ("the announcer", basis "described"): the phrase is the subject of a speech verb.
        """
        m = self.mention_at(token.idx)
        if m and self.table.kind(m.key) in SPEAKER_KINDS:
            if m.via == "description":
                return m.key, "description"  # read before as a description of that actor (_describes_actor)
            return m.key, "described" if m.key in self.described else "subject-of-verb"
        word = fold(token.lower_).strip("-")
        if word == "t":  # « a-t-il » : "-t" carries the pronoun, as its fixed part or the next token
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
            word = next((fold(c.lower_).strip("-") for c in token.children if c.dep_ == "fixed"),
                        fold(nxt.lower_).strip("-"))
        gender = self.pronoun_gender(word) if token.pos_ == "PRON" or word in self.lex.pronouns else None
        if gender is not None:
            if gender == "self":
                key = self.turn_speaker(token.idx)
                if key is None:
                    return None, "narrator"
                titled = any(t.label.end == 0 for t in self.turns)
                return key, "speech-title" if titled else "transcript-label"
            key = self.resolve_pronoun(token.idx, word)
            return (key, "pronoun") if key else (None, "unresolved")
        if token.pos_ == "PRON":
            return None, "unresolved"
        # (the parser may hang the apposition on a word of the phrase rather than on its head)
        for appos in (c for c in token.subtree if c.dep_ == "appos" and c.head.dep_ not in syntax.CLAUSE_DEPS):
            # « le ministre Jean-Noël Barrot », "the spokesman, Dmitry Peskov,": the name in apposition
            named = self.mention_at(appos.idx) or self.mention_at(appos.left_edge.idx)
            if not (named and self.table.kind(named.key) in SPEAKER_KINDS):
                # « le chef de la délégation, le ministre de la Défense Roustem Oumerov »: a person deeper in it
                end = appos.right_edge.idx + len(appos.right_edge.text)
                named = next((r for r in self.table.between(appos.left_edge.idx, end, self.layout)
                              if self.table.kind(r.key) == "person"), None)
            if named and self.table.kind(named.key) in SPEAKER_KINDS:
                return named.key, "subject-of-verb"
        if lemma(token) in self.lex.governments:
            country = self._government_of(token)
            if country is not None:
                return country, "description"
        phrase = self._np_tokens(token)
        lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        named = [r for r in self.table.between(lo, hi, self.layout) if self.table.kind(r.key) in SPEAKER_KINDS]
        head = lemma(token)
        if named:
            if head in self.lex.representatives:
                # "a spokeswoman for the ministry": the ministry; "a source within Ukraine's SBU": the body, not
                # the country it belongs to
                bodies = [r for r in named if self.table.kind(r.key) == "organization"]
                return (bodies or named)[0].key, "description"
            persons = [r for r in named if self.table.kind(r.key) == "person"]
            return (persons or named)[0].key, "subject-of-verb"
        key = self._office(phrase, token, lo, hi)
        if key:
            return key, "description"
        if _looks_like_name(token):
            key = self._name_not_yet_known(phrase, token, speaking=describe)
            if key:
                return key, "subject-of-verb"
        if head in self.lex.representatives:
            # "a spokeswoman for the ministry": the organization of that kind the story named
            for part in phrase:
                # (the English tagger may call a lower-case "ministry" a proper noun inside an ORG entity)
                if part.i != token.i and lemma(part) in self.lex.organizations and (
                        part.pos_ == "NOUN" or part.pos_ == "PROPN" and part.is_lower):
                    key = self._last_organization(lemma(part), token.idx)
                    if key is None and describe and head in self.lex.voices:
                        # "a spokesman for the commerce ministry" the story had not named before: the ministry, an
                        # actor of its own as the text names it (it speaks through him, as a named one would)
                        key = self._described(self._np_tokens(part), part, bare=True)
                    if key:
                        return key, "description"
            # "an Indian official told us", « selon un diplomate italien »: one who speaks unnamed for a country
            # speaks for its government (as "a U.S. official" does), not "a European diplomat" for no state
            found = self._country_named_by(phrase, token)
            if found is not None:
                key, adjective = found
                self.add_mention(key, adjective.idx, adjective.idx + len(adjective.text), "description")
                return key, "description"
        indefinite = _indefinite(token)
        if not indefinite and token.pos_ == "NOUN" and self._describes(head):
            key = self._named_as(head, token)
            if key:
                # 'Jane Roe, a spokeswoman for the campaign, … “…,” the spokeswoman said': the person
                # the story gave that description before
                self._describes_actor(key, phrase)
                return key, "description"
        if head in self.lex.persons and not indefinite:
            key = self.resolve_pronoun(token.idx, None, country=self._country_of_phrase(phrase, token))
            if key:
                self._describes_actor(key, phrase)
                return key, "description"
        elif head in self.lex.organizations and not indefinite:
            key = self._last_organization(head, token.idx)
            if key:
                self._describes_actor(key, phrase)
                return key, "description"
        key = self._described(phrase, token) if describe else None
        return (key, "described") if key else (None, "unresolved")

    def _government_of(self, token: Token) -> str | None:
        """"Modi's government", "his government", "Narendra Modi of India, whose government denies…", « son
        gouvernement »: the country of the person who leads it, as an actor."""
        owner = next((c for c in token.children if c.dep_ in ("poss", "nmod:poss")
                      or c.dep_ == "det" and "Yes" in morph(c, "Poss")), None)
        if owner is None:
            return None
        word = fold(owner.lower_)
        if word == "whose":
            verb = token.head
            antecedent = verb.head if verb.dep_ == "relcl" and token.dep_ in syntax.SUBJECT_DEPS else None
            found = self.mention_at(antecedent.idx) if antecedent is not None else None
            person = found.key if found is not None else None
        elif owner.pos_ == "PRON" or "Yes" in morph(owner, "Poss"):
            person = self.resolve_pronoun(owner.idx, word)
        else:
            found = self.mention_at(owner.idx)
            person = found.key if found is not None else None
        entry = self.gaz.get(person) if person and self.table.kind(person) == "person" else None
        country = self.gaz.countries_by_code.get(entry.country) if entry is not None and entry.country else None
        if country is None:
            return None
        self.add_mention(country.key, owner.idx, token.idx + len(token.text))
        return country.key

    def _country_of_phrase(self, phrase: list[Token], head: Token) -> str | None:
        """The country a nationality adjective of the phrase names ("the Armenian prime minister"), by its code."""
        forms = demonym_forms(self.gaz)
        words = [fold(t.lower_) for t in phrase]
        for i, t in enumerate(phrase):
            if t.i == head.i:
                continue
            key = (i and forms.get(tuple(words[i - 1:i + 1]))) or forms.get((words[i],))  # "North Korean"
            if key and (entry := self.gaz.get(key)) is not None and entry.country:
                return entry.country
        return None

    def _country_named_by(self, phrase: list[Token], head: Token) -> tuple[str, Token] | None:
        """The country whose nationality adjective qualifies the phrase's head ("an Indian official", « un diplomate
        italien »), with that adjective; only a country's (« européen » names no state)."""
        forms = demonym_forms(self.gaz)
        if any(t.i != head.i and t.pos_ in ("NOUN", "PROPN") for t in phrase):
            return None  # « une source au sein de la délégation ukrainienne »: the body it is in, if any, not the state
        for t in phrase:
            if t.i == head.i or t.pos_ != "ADJ" or self.layout.in_quote[t.idx]:
                continue
            key = forms.get((fold(t.lower_),))
            entry = self.gaz.get(key) if key else None
            if entry is not None and entry.kind == "country":
                return key, t
        return None

    def _named_as(self, head: str, token: Token) -> str | None:
        """The person an earlier sentence named with this description beside the name, the latest first.

        "Jane Roe, a spokeswoman for X" (apposition) or "spokeswoman Jane Roe" (compound) ties the
        description to the name; "the spokeswoman" later means her, not whoever was named last.
        """
        rank = self._office_rank(token)
        for earlier in reversed(token.doc[max(0, token.i - 1500):token.i]):
            # (a title before a name counts: "Senator Paul Roe" is "the senator")
            if earlier.pos_ not in ("NOUN", "PROPN") or head not in (lemma(earlier), fold(earlier.lower_)) \
                    or self.layout.in_quote[earlier.idx]:
                continue
            if self._office_rank(earlier) != rank:
                continue  # « le ministre » is not « le Premier ministre britannique Keir Starmer » told before
            linked = [earlier.head] if earlier.dep_ in ("appos", "compound") else []
            linked += [c for c in earlier.children if c.dep_ in ("appos", "compound", "flat")]
            for t in linked:
                m = self.mention_at(t.idx)
                if m is not None and self.table.kind(m.key) == "person" and m.key not in self.described:
                    return m.key
        return None

    def _office_rank(self, token: Token) -> frozenset[str]:
        """The words before a noun of office that make it another office ("prime", « Premier », "former")."""
        return frozenset(w for c in token.children if c.i < token.i and c.dep_ in ("amod", "compound", "nmod")
                         and (w := fold(c.lower_)) in self.lex.office_ranks)

    def _describes_actor(self, key: str, phrase: list[Token]) -> None:
        """A definite description resolved to an actor is one of its mentions ("the Vermont senator" is Sanders).

        The actor then lists it, as it lists "the Prime Minister" resolved by office: an analyst sees
        which words of the text stand for that actor.
        """
        words = [t for t in phrase if not t.is_punct and not self.layout.in_quote[t.idx]]
        if words and len(words) <= 8:
            self.add_mention(key, words[0].idx, words[-1].idx + len(words[-1].text), "description")

    def _described(self, phrase: list[Token], token: Token, *, bare: bool = False) -> str | None:
        """A speaker the text names only by what it is ("a spokeswoman", "the announcer", « un diplomate »).

        It is an actor of its own, named as the text names it: the analyst sees who spoke as the
        article says, rather than nobody. Its head must be a word of the descriptions lexicon (a
        person, a representative, an organization, a witness or a document): "la voie diplomatique",
        a time or a quantity never speaks. `bare`: named without its article ("the commerce ministry" is the
        commerce ministry), as an organization is named.
        """
        head = lemma(token)
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _NOT_DESCRIPTION_ENTS \
                or self.layout.in_quote[token.idx] \
                or not (self._describes(head) or self._describes(fold(token.lower_))):
            return None
        inside = {t.i for t in phrase}
        words = [token]
        while words[0].i > 0 and ((prev := token.doc[words[0].i - 1]).i in inside and not prev.is_punct
                                  or prev.text == "-" and not prev.whitespace_):
            words.insert(0, prev)  # "a 52-count complaint": a hyphen inside a word
        while words[-1].i + 1 in inside and words[-1].i - token.i < 4 and not token.doc[words[-1].i + 1].is_punct:
            words.append(token.doc[words[-1].i + 1])  # one unbroken run of words: « un diplomate européen, la… »
        while words and (words[-1].is_punct or words[-1].pos_ in ("ADP", "DET", "CCONJ")):
            words.pop()
        while words and (words[0].is_punct or words[0].pos_ in ("ADP", "CCONJ") or words[0].dep_ == "case"):
            words.pop(0)  # « selon le texte »: the source phrase's preposition is no part of the name
        # « la présidence algérienne », "the Chinese foreign ministry": a country's body, which a reader can tell
        bare = bare or "Plur" not in morph(token, "Number") and head in self.lex.organizations and \
            not _indefinite(token) and self._country_of_phrase(phrase, token) is not None
        while bare and words and words[0].dep_ == "det" and words[0].pos_ == "DET":
            words.pop(0)
        if not words or len(words) > 8 or any(t.ent_type_ in ("DATE", "TIME") for t in words):
            return None
        if bare and len(words) < 2:
            return None  # « la porte-parole du gouvernement »: a bare « gouvernement » would say less than she does
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if self.layout.is_excluded(start, end):
            return None
        if "Plur" in morph(token, "Number"):
            kind = "group"
        else:
            kind = "organization" if head in self.lex.organizations else "person"
        known = set(self.table.actors)
        key = self.new_actor(start, end, kind)
        if bare:
            return key  # "the commerce ministry", « le ministère chinois du Commerce »: a body a reader can tell
        if key and (key not in known or key in self.described):
            self.described.add(key)
            self.table.actors[key].described = True
            self.genders[key] = self.lex.gender_words.get(head) or self._grammatical_gender(token)
        return key

    def _describes(self, word: str) -> bool:
        """Whether a word is the head of a description in the lexicon (spokeswoman, porte-parole, ministry…)."""
        return any(word in words for words in (self.lex.persons, self.lex.representatives, self.lex.organizations,
                                                 self.lex.others))

    @staticmethod
    def _grammatical_gender(token: Token) -> str | None:
        """« la porte-parole »: the gender the noun or its determiner carries (French), else None."""
        for t in (token, *(c for c in token.children if c.dep_ == "det")):
            found = morph(t, "Gender")
            if found in (["Fem"], ["Masc"]):
                return "f" if found == ["Fem"] else "m"
        return None

    def _np_tokens(self, token: Token) -> list[Token]:
        """The tokens of a noun phrase up to its first comma, relative clause or coordination."""
        out = [token]
        stack = [c for c in token.children if c.dep_ not in _NP_STOP]
        while stack:
            t = stack.pop()
            out.append(t)
            stack += [c for c in t.children if c.dep_ not in _NP_STOP]
        return sorted(out, key=lambda t: t.i)

    def office_of(self, token: Token) -> str | None:
        """Who a noun phrase that names an office stands for ("The Prime Minister spoke to…" in a gov.uk readout),
        recorded as a mention of that actor: the events' reader asks it of the doer of an event."""
        phrase = self._np_tokens(token)
        key = self._office(phrase, token, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        if key is None and phrase[-1].i > token.i and token.nbor().lower_ in _PLACE_OR_TIME:
            # "greeted the crown prince [at the White House]": the office is the words up to its noun ("the president
            # [of the Commission]" is another office)
            phrase = [t for t in phrase if t.i <= token.i]
            key = self._office(phrase, token, phrase[0].idx, token.idx + len(token.text))
        return key

    def _office(self, phrase: list[Token], head: Token, lo: int, hi: int) -> str | None:
        words = [fold(t.lower_) for t in phrase if not t.is_punct]
        whole, rest = " ".join(words).replace("' ", "'"), " ".join(words[1:]).replace("' ", "'")
        office, country = self.lex.offices.get(whole) or self.lex.offices.get(rest), None
        if not office and len(words) > 2 and (demonym := demonym_forms(self.gaz).get((words[-1],))):
            # « le chef de l'Etat allemand »: an office of the lexicon, then the nationality of its holder
            entry = self.gaz.get(demonym)
            office = self.lex.offices.get(whole.rsplit(" ", 1)[0]) or self.lex.offices.get(rest.rsplit(" ", 1)[0])
            country = entry.country if office and entry is not None else None
        if not office and (core := self._office_core(phrase, head)):
            # « le nouveau chancelier », "the Armenian prime minister": the office, qualified by adjectives only
            office, country = self.lex.offices.get(core), self._country_of_phrase(phrase, head)
        if not office and len(words) == 2 and phrase[0].dep_ == "det" and words[1] in self.lex.titles:
            # « le roi » after « le roi Abdallah II de Jordanie », "the king" after "King Charles": whom the story
            # named with that title before his name
            key = self._titled_before(words[1], head.idx)
            if key:
                self.add_mention(key, lo, hi)
            return key
        if not office:
            return None
        key = self.office_holder(office, head.idx, country=country)
        if key:
            self.add_mention(key, lo, hi)
        return key

    def _titled_before(self, title: str, pos: int) -> str | None:
        """The person the text last named right after this title word (folded) before pos."""
        for m in reversed([m for m in self.table.mentions if m.start < pos]):
            if self.table.kind(m.key) != "person":
                continue
            before = self.text[max(0, m.start - 40):m.start].split()
            if before and fold(before[-1].lower()).rstrip(".") == title:
                return m.key
        return None

    def _office_core(self, phrase: list[Token], head: Token) -> str | None:
        """The office a phrase names when its other words are determiners and adjectives: its ranks and its noun.

        « le nouveau chancelier » is the chancellor and "the Armenian prime minister" the prime minister (of
        Armenia); « le président de la Commission » is not the president, nor is "the president-elect" (a rank).
        """
        core = []
        for t in phrase:
            if t.i == head.i or t.head.i == head.i and fold(t.lower_) in self.lex.office_ranks:
                core.append(fold(t.lower_))
            elif not (t.is_punct or t.dep_ == "det" or t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.i == head.i):
                return None
        return " ".join(core)

    def office_holder(self, office: str, pos: int, *, country: str | None = None) -> str | None:
        """Who holds an office: where the document comes from, else the holder the story named last.

        `country`: the office is that country's ("the Armenian prime minister"), wherever the document comes from.
        """
        home = country or self.country
        if home and (sole := self._sole_holder(office, home)) is not None:
            return sole
        named = [m for m in self.table.mentions if m.start < pos and self.table.kind(m.key) == "person"
                 and (e := self.gaz.get(m.key)) is not None and self._holds(e, office)
                 and country in (None, e.country)]
        return named[-1].key if named else None

    def counterpart(self, person: str, country: str, token: Token) -> str | None:
        """« son homologue ukrainien », "his Ukrainian counterpart": who holds, in that country (an actor key), the
        office the person holds, when one person does (recorded as a mention of the counterpart's phrase); None
        otherwise."""
        entry, land = self.gaz.get(person), self.gaz.get(country)
        if entry is None or land is None or not land.country or land.country == entry.country:
            return None
        for office in sorted(set(self.lex.offices.values())):
            if self._holds(entry, office) and (sole := self._sole_holder(office, land.country)) is not None:
                phrase = self._np_tokens(token)
                self.add_mention(sole, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
                return sole
        return None

    def _sole_holder(self, office: str, country: str) -> str | None:
        """The one person of the gazetteer who holds this office in this country (a code), or None."""
        holders = [e for e in self.gaz.persons_by_country.get(country, ()) if self._holds(e, office)]
        return holders[0].key if len(holders) == 1 else None

    def _holds(self, entry: Entry, office: str) -> bool:
        """Whether a person's role is this office (not "Vice President", "Former Prime Minister") on the story's date."""
        role = normalize(entry.role)
        country = self.countries.get(entry.country)
        if country:
            for form in [country.name, *country.aliases]:
                prefix = normalize(form) + " "
                if role.startswith(prefix):
                    role = role[len(prefix):]
        if "*" in office:
            # an office the gazetteer words several ways: "minister*foreign affairs*|federal minister*foreign affairs*"
            if not any(fnmatch.fnmatchcase(role, pattern) for pattern in office.split("|")):
                return False
        elif not (role == office or role.startswith(office + " ")):
            return False
        return not entry.titles or any(t.valid_on(self.published) for t in entry.titles)

    def named_in_aside(self, tokens: list[Token]) -> str | None:
        """The person an aside inside a quotation names and the story had not (« …, estime Claire Nguyen-Lasserre,
        … »): a new actor, as the subject of a speech verb would be outside the quotation marks."""
        names = [t for t in tokens if t.ent_type_ in ("PER", "PERSON") and t.pos_ == "PROPN"]
        if not names:
            return None
        first = names[0]
        run = [t for t in tokens if t.i >= first.i and t.ent_iob_ != "O" and all(
            u.ent_iob_ == "I" for u in tokens if first.i < u.i <= t.i)]
        if len([t for t in run if _looks_like_name(t)]) < 2:
            return None  # one capitalized word in an aside may be anything
        # (« …, poursuit M. Nguyen-Lasserre, … » after her full name)
        return self._person_by_surname(run[-1]) or self.new_actor(run[0].idx, run[-1].idx + len(run[-1].text),
                                                                  "person")

    def _person_by_surname(self, token: Token) -> str | None:
        """The person of the table whose name ends with this word."""
        last = fold(token.text)
        return next((key for key, actor in self.table.actors.items()
                     if actor.kind == "person" and normalize(actor.name).split()[-1:] == [last]), None)

    def _name_not_yet_known(self, phrase: list[Token], token: Token, *, speaking: bool = False) -> str | None:
        """A name spaCy did not tag: a surname of an actor already named, or a new person.

        A new person needs two names ("Melanie Austin"), a title before one ("President Obama",
        "Sen. Warren") or spaCy's word that the one is a person or an organization ("Obama said",
        "PolitiFact announced"): a lone capitalized word may be anything else, except where it
        speaks right after the words it said ('"…," Hale said.': `speaking`, the subject of a speech
        verb, inside its sentence).
        """
        names = [t for t in phrase if _looks_like_name(t) and (t.i == token.i or t.dep_ in _NAME_DEPS)
                 and t.i <= token.i]
        titled = False
        while names and fold(names[0].text).rstrip(".") in self.lex.titles:
            names, titled = names[1:], True
        titled = titled or any(fold(t.text).rstrip(".") in self.lex.titles for t in phrase if t.i < token.i)
        if not names or any(not t.text[:1].isupper() for t in names) or \
                self.layout.is_excluded(names[0].idx, token.idx + 1) or self.layout.in_quote[token.idx]:
            return None
        if self._describes(fold(token.text)) or \
                any(t.pos_ == "DET" or fold(t.text) in self.lex.pronouns for t in names):
            return None  # "La Porte-Parole", "The Spokesman" in a title-cased line: a description, not a name
        if any(_is_time(t) for t in names):
            return None  # "11:02 GMT", « 10h15 HEC »: a time zone after a time is no one
        key = self._person_by_surname(token)
        if key is not None:
            self.add_mention_new(key, token.idx, token.idx + len(token.text))
            return key
        kind = "person"
        if len(names) < 2 and not titled:
            attribution = speaking and not token.ent_type_ and not token.is_sent_start and \
                token.i > 0 and token.doc[token.i - 1].is_quote
            if token.ent_type_ not in ("PERSON", "PER", "ORG") and not attribution:
                return None
            kind = "organization" if token.ent_type_ == "ORG" else "person"
        return self.new_actor(names[0].idx, names[-1].idx + len(names[-1].text), kind)

    def new_actor(self, start: int, end: int, kind: str = "person", name: str | None = None) -> str | None:
        """An actor the gazetteer does not know, named in the text at [start, end) (or by `name`)."""
        name = name or self.text[start:end]
        if self.gaz.is_rejected(name) or normalize(name) in {normalize(a) for a in self.layout.authors} \
                or kind == "person" and not any(c.islower() for c in name) or not normalize(name):
            return None  # editors said it is no actor; journalists never are; "CNN" is no person
        key = "new:" + normalize(name)
        if key not in self.table.actors:
            self.table.actors[key] = Actor(key=key, name=name, kind=kind, is_new=True, confidence=0.5)
            self.table.genders[key] = None
        self.add_mention_new(key, start, end)
        return key

    def signature(self, start: int, end: int) -> str | None:
        """The name that signs a quotation after a dash ("— Keir Starmer", "― Steve Quinlan.")."""
        key = self.first_mention_after(start, min(end, start + 60))
        if key:
            return key
        m = re.match(r"((?:[A-ZÀ-Ý][\w'’\-]*\.?)(?:[^\S\n]+[A-ZÀ-Ý][\w'’\-]*\.?){1,3})[\s.,;]*(?:\(|$)",
                     self.text[start:end])
        return self.new_actor(start, start + len(m.group(1).rstrip(".")), "person") if m else None

    def discover_speakers(self, tokens) -> None:
        """Make actors of the names that are subjects of speech verbs but that actor resolution missed.

        Runs before genders are read and pronouns resolved, so "President Obama condemned… He said…"
        finds Obama for "He".
        """
        for token in tokens:
            for subject in syntax.subjects(token):
                if _looks_like_name(subject) and self.mention_at(subject.idx) is None \
                        and not self.layout.in_quote[subject.idx]:
                    self._name_not_yet_known(self._np_tokens(subject), subject, speaking=True)
        self.genders = self._genders()

    def official_offices(self) -> None:
        """In an official readout, "The Prime Minister spoke to…" names the publisher's own office holder.

        Only for a document the publisher table places in a country: in the press "the Prime Minister"
        may be anyone's. The subject of any verb counts, not only of speech ("spoke to", "met", "welcomed").
        """
        if not self.country or not len(self.doc):
            return
        for token in self.doc:
            if token.dep_ not in syntax.SUBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN") or \
                    self.layout.in_quote[token.idx] or self.mention_at(token.idx) is not None:
                continue
            self.office_of(token)

    def add_mention_new(self, key: str, start: int, end: int) -> None:
        """A mention of an actor already in the table (found or made by the statement reader)."""
        actor = self.table.actors[key]
        if any(m.start == start for m in actor.mentions):
            return
        actor.mentions.append(Mention(start, end, self.text[start:end]))
        actor.mentions.sort(key=lambda m: m.start)
        i = bisect.bisect_left(self.mention_starts, start)
        self.table.mentions.insert(i, MentionRef(start, end, key, "surname"))
        self.mention_starts.insert(i, start)

    def _last_organization(self, head: str, pos: int) -> str | None:
        """'the ministry': the last organization named before whose name has that word, or whose role in the
        gazetteer does ("Gazprom … the company said": "Russian state gas company")."""
        def called(key: str) -> bool:
            entry = self.gaz.get(key)
            return head in normalize(self.table.actors[key].name).split() or \
                bool(entry and head in normalize(entry.role or "").split())
        found = [m for m in self.table.mentions if m.start < pos and self.table.kind(m.key) in ("organization", "group")
                 and called(m.key)]
        return found[-1].key if found else None

    def source_of_phrase(self, token: Token) -> str | None:
        """The actor an "according to X" or « selon X » names, when the token starts such a phrase."""
        last = source_phrase_end(token, self.lex)
        if last is None:
            return None
        # "in the view of X", « de l'avis de X »: the source is what the phrase's last word introduces
        np = phrase_source(last) if last.i != token.i else None
        if np is None:
            np = token.head if token.dep_ == "case" else \
                next((t for t in token.subtree if t.dep_ in ("pobj", "obj", "obl")), None)
        if np is not None and np.i != token.i:
            key, _ = self.actor_of_np(np, describe=True)
            return key
        end = token.idx + len(token.text)
        return self.first_mention_after(end, min(len(self.text), end + 60))

    # --- the surface, where the parse gives nothing --------------------------------------------
    def first_mention_after(self, start: int, end: int) -> str | None:
        """The speaker named after a verb or 'selon': a person first ("Kremlin spokesman Dmitry Peskov")."""
        found = [m for m in self.table.between(start, end, self.layout) if self.table.kind(m.key) in SPEAKER_KINDS]
        if not found:
            return None
        head = [m for m in found if m.start < found[0].end + 3]  # the same noun phrase
        persons = [m for m in head if self.table.kind(m.key) == "person"]
        return (persons or found)[0].key

    def last_mention_before(self, start: int, end: int) -> str | None:
        """The last actor named in a stretch of text, a person first."""
        found = [m for m in self.table.between(start, end, self.layout) if self.table.kind(m.key) in SPEAKER_KINDS]
        persons = [m for m in found if self.table.kind(m.key) == "person"]
        pick = persons or found
        return pick[-1].key if pick else None

    def pronoun_near(self, start: int, end: int, *, in_quote: bool = False) -> str | None:
        """The first third-person pronoun of a stretch of text (outside quotations unless told)."""
        for w in re.finditer(r"(?:-t-|\b)(\w+)\b", self.folded[start:end]):
            if self.lex.pronouns.get(w.group(1)) in ("m", "f") and (in_quote or not self.layout.in_quote[start + w.start(1)]):
                return w.group(1)
        return None

    def subject_before(self, start: int, verb_start: int) -> str | None:
        """The speaker named before a speech verb: a name, or a pronoun resolved."""
        key = self.last_mention_before(start, verb_start)
        mentions = self.table.between(start, verb_start, self.layout)
        last_end = mentions[-1].end if mentions else -1
        for w in reversed(list(re.finditer(r"(?:-t-|\b)(\w+)\b", self.folded[max(start, verb_start - 30):verb_start]))):
            pos = max(start, verb_start - 30) + w.start(1)
            if self.lex.pronouns.get(w.group(1)) in ("m", "f") and pos > last_end:
                return self.resolve_pronoun(pos, w.group(1))
        return key

    # --- transcripts ---------------------------------------------------------------------------
    def resolve_label(self, label: Label) -> str | bool | None:
        """The actor a speaker label names; False for a question or an unknown name; None for no label."""
        words = normalize(label.text)
        if words in self.lex.not_speakers:
            return False
        if words in self.lex.guest_labels:
            return self._introduced_guest or False
        if not label.colon and (first := self._head_token(label.start, label.start + 1)) is not None and \
                first.pos_ in ("VERB", "AUX"):
            return None  # « Reste Christophe Gleizes. Le journaliste… »: a sentence, not "The President."
        named = [m for m in self.table.between(label.start, label.end) if self.table.kind(m.key) in SPEAKER_KINDS]
        persons = [m for m in named if self.table.kind(m.key) == "person"]
        if persons:
            return persons[-1].key  # "SECRETARY RUBIO": the name, not the office
        office = self.lex.offices.get(words)
        if office:
            key = self.office_holder(office, label.start)
            if key:
                self.add_mention(key, label.start, label.end)
                return key
        if not label.colon:
            return None
        name = [w for w in words.split() if w not in self.lex.titles]
        if 1 <= len(name) <= 3 and not named:
            for key, actor in list(self.table.actors.items()):
                if actor.kind == "person" and normalize(actor.name).split()[-len(name):] == name:
                    self.add_mention_new(key, label.start, label.end)
                    return key  # "PENCE:" after "Mike Pence"
            heading = self._person_in_headings(name[-1:])  # (a title the lexicon lacks may stand before it)
            if heading is not None:
                key = self.new_actor(heading.start_char, heading.end_char, "person")
                if key:
                    self.add_mention_new(key, label.start, label.end)
                    return key
            if sum(normalize(other.text) == words for other in self.layout.labels) >= 2:
                # a speaker of several turns whom the story names nowhere else ("WALLACE:")
                start = label.start + len(label.text) - len(label.text.split()[-1]) if len(name) == 1 else label.start
                return self.new_actor(start, label.end, "person", self.text[start:label.end].title()) or False
        return False

    def _person_in_headings(self, name: list[str]):
        """The person a heading names with a label's words ("FOREIGN MINISTER HILL:" under the title line "… and
        Salvadoran Foreign Minister Alexandra Hill Tinoco at the Signing…"), as the model found it there. Headings
        give no actors of their own (their capitals mislead the model); a label that repeats the name vouches for it."""
        for ent in self.doc.ents:
            if ent.label_ not in PERSON_LABELS or not self.layout.is_heading(ent.start_char):
                continue
            words = normalize(ent.text).split()
            if len(words) > len(name) and any(words[i:i + len(name)] == name for i in range(1, len(words))):
                return ent
        return None

    @functools.cached_property
    def _introduced_guest(self) -> str | None:
        """The person a transcript introduces as its guest ("My guest is Nadia Kerrigan, who…", « Notre invitée ce
        matin, Hélène Marchand »): the first person named in the first sentence, outside quotations, that says the word
        of a guest label; None when no sentence does. Read once: every GUEST: turn asks it."""
        for start, end in self.sentences:
            words = set(normalize(self.text[start:end]).split())
            if not words & self.lex.guest_labels or any(start <= label.start < end for label in self.layout.labels
                                                         if normalize(label.text) in self.lex.guest_labels):
                continue
            persons = [m for m in self.table.between(start, end, self.layout)
                       if self.table.kind(m.key) == "person" and not self.layout.in_quote[m.start]]
            if persons:
                return persons[0].key
        return None

    def speech_by_title(self) -> list[Turn]:
        """A text that is one person's speech, named in its title ("PM statement at press conference…").

        Official sites publish speeches and remarks without speaker labels: the title says whose
        they are and the text speaks in the first person. Every paragraph is then that person's.
        """
        title = (self.article.title if self.article else None) or ""
        folded_title = fold(title)
        words = set(re.findall(r"[\w'-]+", folded_title))
        if not words & self.lex.speech_titles or words & self.lex.shared_titles:
            return []
        first_person = sum(1 for w in re.finditer(r"\b(\w+)\b", self.folded)
                           if self.lex.pronouns.get(w.group(1)) == "self" and not self.layout.in_quote[w.start()])
        if first_person < 2:
            return []
        _, tokens = tokenize_folded(title)
        keys = set()
        for match in find_matches(self.gaz, title, tokens):
            for alias in match.aliases:
                entry = self.gaz.get(alias.key)
                if entry and entry.kind == "person" and (not alias.is_title or alias.title.valid_on(self.published)):
                    keys.add(entry.key)
        if not keys:
            for phrase, office in self.lex.offices.items():
                if re.search(rf"\b{re.escape(phrase)}\b", folded_title):
                    key = self.office_holder(office, 0)
                    if key:
                        keys.add(key)
        if len(keys) != 1:
            return []
        key = keys.pop()
        self.add_mention(key, 0, 0)
        turn = Turn(Label(0, 0, title, 0, False), key)
        for para in self.layout.paragraphs:
            if not (para.heading or para.byline or para.credit or para.note):
                turn.paragraphs.append((para.start, para.end))
        return [turn]


# Words that open an indefinite noun phrase beside the article: "one New Hampshire Democrat", "another
# strategist", "some officials" speak as someone new, never as the person the story is about.
_INDEFINITE_WORDS = frozenset({"one", "another", "some", "several", "many", "two", "three", "a", "an", "un", "une",
                               "des", "plusieurs", "certains", "certaines", "d'autres"})


def _indefinite(token: Token) -> bool:
    """Whether a noun phrase's head takes an indefinite determiner or a number ("a", "one", "another")."""
    return any("Ind" in morph(c, "Definite") or fold(c.lower_) in _INDEFINITE_WORDS
               for c in token.children if c.dep_ in ("det", "nummod", "det:nummod", "amod") and c.i < token.i)


def _looks_like_name(token: Token) -> bool:
    """A proper noun, or a capitalized word the tagger took for a common noun but the recognizer for a person
    ("Sanders said": NOUN, PERSON) or that follows a closing quotation mark ('“…,” O’Donnell said')."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and (
        token.ent_type_ in ("PERSON", "PER") or token.i > 0 and token.doc[token.i - 1].is_quote
        and not token.is_sent_start)


_CLOCK = re.compile(r"\d{1,2}[:h.]\d{2}")


def _is_time(token: Token) -> bool:
    """A time or a date, or a word that a clock time qualifies ("11:02 GMT", « 10h15 HEC »): never a speaker."""
    if token.ent_type_ in ("TIME", "DATE"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and bool(_CLOCK.fullmatch(before.text))


def _actor_from(entry: Entry) -> Actor:
    return Actor(key=entry.key, name=entry.name, kind=entry.kind, country=entry.country, role=entry.role,
                 wikidata=entry.wikidata, is_new=False, confidence=1.0, media=entry.media)
