"""Speech in the parse: which tokens are speech verbs (by lemma, from the lexicons) and what words they report.

The vocabulary lives in `data/lexicons/<language>/speech.toml`; this module turns it into a typed
view and answers, for one token, "is this a verb of saying, and which of its dependents hold
what was said?". The statement reader (quotes.py) decides who said it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from . import syntax
from .gazetteer import fold
from .lexicons import load

# What a speech verb may take as the words it reports, besides a quotation (see speech.toml).
CONTENT_KINDS = frozenset({"clause", "object", "infinitive", "thanks"})
# Parts of speech a speech verb can carry: French past participles are often tagged as adjectives
# ("a-t-il martelé"), never as nouns (a "report", a "claim" say nothing by themselves).
_VERB_TAGS = frozenset({"VERB", "ADJ"})
_CLAUSE_DEPS = frozenset({"ccomp"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
INFINITIVE_DEPS = frozenset({"xcomp"})
_MARKS = frozenset({"that", "que", "qu'", "qu’"})
_CLOSING_QUOTES = frozenset({"»", "”", '"', "’"})
# what opens an infinitive and is no part of what was said: "vowed [to] fight", « a proposé [de] tenir »
_TO = frozenset({"to", "de", "d'", "d’", "a"})


@dataclass(frozen=True)
class SpeechLexicon:
    """One language's speech vocabulary, folded (lower case, no accents) for lookups."""

    verbs: dict[str, frozenset[str]]  # lemma → kinds of content
    phrasal: dict[str, dict[str, frozenset[str]]]  # first lemma → {second word: kinds}
    sources: tuple[tuple[str, ...], ...]  # "according to", « selon »: folded words
    pronouns: dict[str, str]  # subject pronoun → m | f | n | self | "" | m-latter | f-latter (« celui-ci »)
    persons: frozenset[str]
    representatives: frozenset[str]
    voices: frozenset[str]
    governments: frozenset[str]
    organizations: frozenset[str]
    others: frozenset[str]  # people and documents that speak for themselves ("the announcer", « un témoin »)
    gender_words: dict[str, str]
    titles: frozenset[str]
    not_speakers: frozenset[str]
    # "GUEST:", « L'INVITÉE : »: the label of whoever the transcript introduces as its guest ("My guest is X")
    guest_labels: frozenset[str]
    speech_titles: frozenset[str]
    shared_titles: frozenset[str]  # "Joint Statement…": words put out together, no one person's speech
    courtesies: tuple[str, ...]  # folded, longest first, so "thank you very much" goes before "thank you"
    offices: dict[str, str]
    surface: dict[str, str]  # present forms the lemmatizer may miss (« estime », « note ») → lemma
    written: frozenset[str]  # the lemmas as written in the file, accents kept, for lookups without folding
    source_written: frozenset[str] = frozenset()  # first words of the source phrases as written (« à en croire »)
    # words before an office that make it another ("prime" minister, « l'ancien » ministre)
    office_ranks: frozenset[str] = frozenset()
    continuations: frozenset[str] = frozenset()  # "added", « a-t-il ajouté »: the one speaking goes on
    sources_before_names: frozenset[str] = frozenset()  # "per": a source only before "the" or a name ("per cent")

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """Every lemma that may start a speech verb, folded and as written, for a quick pre-filter of tokens."""
        return frozenset(self.verbs) | frozenset(self.phrasal) | self.written

    @functools.cached_property
    def written_surface(self) -> frozenset[str]:
        """The present forms of French -er verbs as written, accents kept (« souligne »)."""
        if not self.surface:
            return frozenset()
        return frozenset(w[:-2] + e for w in self.written if w.endswith("er") for e in ("e", "es", "ent"))

    @functools.cached_property
    def source_starts(self) -> frozenset[str]:
        """The first word of every source phrase."""
        return frozenset(words[0].strip() for words in self.sources if words) | self.source_written

    @functools.cached_property
    def sources_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The source phrases by their first word, in file order: a word is compared only with its own."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for words in self.sources:
            if words:
                found.setdefault(words[0].strip(), []).append(tuple(w.strip() for w in words))
        return {first: tuple(phrases) for first, phrases in found.items()}


@functools.cache
def speech_lexicon(language: str) -> SpeechLexicon:
    """The speech vocabulary of a language, read once per process."""
    data = load(language, "speech")
    verbs: dict[str, frozenset[str]] = {}
    phrasal: dict[str, dict[str, frozenset[str]]] = {}
    for entry, kinds in data["verbs"].items():
        words = fold(entry).split()
        if len(words) == 1:
            verbs[words[0]] = frozenset(kinds)
        else:
            phrasal.setdefault(words[0], {})[" ".join(words[1:])] = frozenset(kinds)
    descriptions = data.get("descriptions", {})
    transcript = data.get("transcript", {})
    return SpeechLexicon(
        verbs=verbs, phrasal=phrasal,
        sources=tuple(tuple(fold(p).replace("'", "' ").split()) for p in data.get("sources", {}).get("phrases", [])),
        pronouns={fold(k): v for k, v in data.get("pronouns", {}).items()},
        persons=frozenset(fold(w) for w in descriptions.get("persons", [])),
        representatives=frozenset(fold(w) for w in descriptions.get("representatives", [])),
        voices=frozenset(fold(w) for w in descriptions.get("voices", [])),
        governments=frozenset(fold(w) for w in descriptions.get("governments", [])),
        organizations=frozenset(fold(w) for w in descriptions.get("organizations", [])),
        others=frozenset(fold(w) for w in descriptions.get("others", [])),
        gender_words={fold(k): v for k, v in data.get("gender_words", {}).items()},
        titles=frozenset(fold(w) for w in data.get("titles", {}).get("words", [])),
        not_speakers=frozenset(fold(w) for w in transcript.get("not_speakers", [])),
        guest_labels=frozenset(fold(w) for w in transcript.get("guest_labels", [])),
        speech_titles=frozenset(fold(w) for w in transcript.get("speech_titles", [])),
        shared_titles=frozenset(fold(w) for w in transcript.get("shared_titles", [])),
        courtesies=tuple(sorted({fold(w) for w in transcript.get("courtesies", [])}, key=len, reverse=True)),
        offices={fold(k): fold(v) for k, v in data.get("offices", {}).items()},
        surface=_present_forms(language, verbs, phrasal),
        written=frozenset(entry.split()[0].lower() for entry in data["verbs"]),
        source_written=frozenset(p.split()[0].lower() for p in data.get("sources", {}).get("phrases", []) if p.split()),
        office_ranks=frozenset(fold(w) for w in descriptions.get("ranks", [])),
        continuations=frozenset(fold(w) for w in data.get("continuations", {}).get("verbs", [])),
        sources_before_names=frozenset(fold(w) for w in data.get("sources", {}).get("before_names", [])),
    )


def speech_tokens(doc, lex: SpeechLexicon) -> tuple[dict[int, frozenset[str]], set[int]]:
    """One pass over a parse: the speech verbs (token index → kinds) and the tokens that start a source phrase.

    The pre-filter compares spaCy's string hashes (lemma, lower-case form) with the lexicon's, so the
    per-token work is an integer lookup; only the few tokens that pass are read further.
    """
    lemmas, forms, starts = _hashes(doc.vocab.strings, lex)
    verbs: dict[int, frozenset[str]] = {}
    sources: set[int] = set()
    if not len(doc):
        return verbs, sources
    # the hashes of every token from one array: a Token object for each of them cost more than the test
    for i, (lemma_hash, lower_hash) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
        if lemma_hash in lemmas or lower_hash in forms:
            kinds = speech_kinds(doc[i], lex)
            if kinds is not None:
                verbs[i] = kinds
        if lower_hash in starts and source_phrase(doc[i], lex):
            sources.add(i)
    return verbs, sources


def _hashes(strings, lex: SpeechLexicon) -> tuple[set[int], set[int], set[int]]:
    cache = lex.__dict__.setdefault("_hashes", {})
    key = id(strings)
    if key not in cache:
        cache[key] = ({strings.add(w) for w in lex.first_words},
                      {strings.add(w) for w in lex.surface} | {strings.add(w) for w in lex.written_surface},
                      {strings.add(w) for w in lex.source_starts})
    return cache[key]


def _present_forms(language: str, verbs: dict, phrasal: dict) -> dict[str, str]:
    """French -er verbs in the present ("il estime", "ils notent"): the lemmatizer takes some for nouns."""
    if language != "fr":
        return {}
    lemmas = [*verbs, *phrasal]
    return {lemma[:-2] + ending: lemma for lemma in lemmas if lemma.endswith("er") for ending in ("e", "es", "ent")}


def lemma(token: Token) -> str:
    """A token's lemma, folded."""
    return fold(token.lemma_.lower())


def speech_kinds(token: Token, lex: SpeechLexicon) -> frozenset[str] | None:
    """The kinds of content a speech verb takes, or None when the token is no speech verb."""
    first = lemma(token)
    if token.dep_ == "amod":
        return None  # « d'autres droits, [dits] réciproques », "the so-[called] deal": a word that qualifies a noun
    if first not in lex.verbs and first not in lex.phrasal:
        first = _by_surface(token, lex)
    elif token.pos_ not in _VERB_TAGS:
        return None
    if first is None:
        return None
    second = lex.phrasal.get(first)
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    if particle is not None:
        # "had called off a trip … for the parade", "ruled out talks": a verb with a particle of its own is another
        # verb than the bare one, a speech verb only where the lexicon names the pair ("point out", "fire back");
        # the preposition after it ("for the parade") does not make it "call for"
        pairs = second or {}
        kinds = pairs.get(lemma(particle))
        return kinds if kinds is not None else pairs.get(fold(particle.lower_))
    if second:
        for child in _partners(token):
            kinds = _completes(child, second)
            if kinds is not None:
                return kinds
        kinds = _words_after(token, second)
        if kinds is not None:
            return kinds
    return lex.verbs.get(first)


def partner_above(token: Token, lex: SpeechLexicon) -> Token | None:
    """The second word of a two-word speech verb when the parser made it the head (« a fait savoir que … », parsed
    with "savoir" above "fait" and the clause on it): where the verb's content hangs."""
    head = token.head
    second = lex.phrasal.get(lemma(token))
    if head.i == token.i or not second:
        return None
    return head if _completes(head, second) is not None else None


def _completes(word: Token, second: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """The kinds of a two-word speech verb that `word` completes (by its lemma, else as written), or None."""
    return second.get(lemma(word)) or second.get(fold(word.lower_))


def _words_after(token: Token, second: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A verb of three words or more (« mettre en garde », « mettre en avant »): the words right after the verb."""
    doc = token.doc
    for words, kinds in second.items():
        parts = words.split()
        if len(parts) < 2:
            continue
        span = doc[token.i + 1:token.i + 1 + len(parts)]
        if len(span) == len(parts) and all(fold(t.lower_) == w or lemma(t) == w for t, w in zip(span, parts)):
            return kinds
    return None


def _by_surface(token: Token, lex: SpeechLexicon) -> str | None:
    """A present form the lemmatizer left as it is, read as a verb only where it governs a subject or a clause."""
    found = lex.surface.get(fold(token.lower_))
    if found and token.pos_ in ("VERB", "NOUN", "ADJ") and any(c.dep_ in ("nsubj", "ccomp", "xcomp") for c in token.children):
        return found
    # « « … », estime l'économiste Camille Oster »: right after a quotation and its comma, the speaker after the verb,
    # which the parser takes for its object (or, « juge » read as a noun, for a noun in apposition)
    doc = token.doc
    # (« », analyse Aïcha Mbaye, chercheuse… »: the parser may also leave the name after it a root of its own)
    if found and token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].text in _CLOSING_QUOTES and (any(
            c.dep_ in ("obj", "dobj", "appos") and c.i > token.i for c in token.children)
            or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].dep_ == "ROOT"):
        return found
    return None


def _partners(token: Token) -> list[Token]:
    """The words that can complete a two-word verb: its particle, preposition or infinitive, or the next word."""
    out = [c for c in token.children if c.dep_ in ("prt", "prep", "compound:prt", "xcomp", "obj", "fixed", "conj", "dep")]
    if token.i + 1 < len(token.doc):
        out.append(token.doc[token.i + 1])
    if token.head.i != token.i:
        out.append(token.head)  # « a fait savoir » parsed with "savoir" above "fait"
    return out


def heads(token: Token) -> list[Token]:
    """The speech verb and the second word of a two-word verb, whose dependents hold the content."""
    out = [token]
    for child in token.children:
        if child.dep_ in ("xcomp", "prt", "compound:prt") and child.pos_ in ("VERB", "ADP", "ADV", "PART"):
            out.append(child)
    return out


def source_phrase(token: Token, lex: SpeechLexicon) -> bool:
    """Whether a token starts a source phrase ("according to", « selon », « d'après »)."""
    return source_phrase_end(token, lex) is not None


def source_phrase_end(token: Token, lex: SpeechLexicon) -> Token | None:
    """The last word of the source phrase a token starts ("of" in "in the view of"), or None."""
    phrases = lex.sources_by_first.get(fold(token.lower_).strip())
    if not phrases:
        return None
    doc = token.doc
    for words in phrases:
        if token.i + len(words) <= len(doc) and all(
                fold(doc[i].lower_).strip() == w for i, w in enumerate(words[1:], token.i + 1)):
            after = token.i + len(words)
            if words[0] in lex.sources_before_names and (after >= len(doc) or doc[after].pos_ not in ("DET", "PROPN")):
                continue  # "25 per cent", "per year": no one named
            return doc[token.i + len(words) - 1]
    return None


def phrase_source(last: Token) -> Token | None:
    """The noun phrase the last word of a source phrase introduces: X in "in the view of X", « à en croire X »."""
    if last.dep_ == "case" and last.head.i > last.i:
        return last.head
    return next((c for c in last.children if c.dep_ in ("pobj", "obj") and c.i > last.i), None)


def _clause_of_noun(token: Token) -> Token | None:
    """'said in a statement that …', 'wrote on Thursday that …': a that-clause the parser hung lower down.

    The clause counts when no other verb stands between it and the speech verb.
    """
    for mark in token.subtree:
        if mark.dep_ != "mark" or fold(mark.lower_) not in _MARKS:
            continue
        clause, above = mark.head, mark.head.head
        while above.i != token.i and above.pos_ not in ("VERB", "AUX") and above.head.i != above.i:
            above = above.head
        if above.i == token.i and clause.i != token.i:
            return clause
    return None


# what opens an infinitive of purpose or time, never what was said: « engagés [pour] garantir », "[in order] to"
_PURPOSE = frozenset({"pour", "afin", "sans", "avant", "apres", "par", "order"})


def _purpose(infinitive: Token) -> bool:
    return any(c.dep_ in ("mark", "case") and c.i < infinitive.i and fold(c.lower_) in _PURPOSE
               for c in infinitive.children)


# what a verb of thanks says the thanks are for: "thanked Ishiba [for] Japan's support", "congratulated Merz [on]
# his election", « a remercié Macron [pour] son soutien », « l'a félicité [de] sa victoire »
_FOR = frozenset({"for", "on", "pour", "de", "d'", "d’"})


def _thanks(token: Token) -> tuple[Token, Token] | None:
    """What a verb of thanks or good wishes reports: whom it thanks and for what, "thanked [Prime Minister
    Ishiba for Japan's support]", "wished [Ishiba success for the launch]", "thanked [Washington, Riyadh and
    Ankara]".

    A readout's "The Prime Minister thanked…" is what the Prime Minister said on the call. Its object must
    be a name or come with what the thanks are for: "praised the bloc's backing" alone says nothing.
    """
    after = [c for c in token.children if c.i > token.i]
    objects = [c for c in after if c.dep_ in _OBJECT_DEPS | {"dative", "iobj"} and c.pos_ in ("NOUN", "PROPN")]
    # (the parser may hang the for-phrase on the object: "wished Ishiba [success [for the launch]]")
    reasons = [c for c in after + [k for o in objects for k in o.children] if _reason(c)]
    if not objects or not (reasons or any(o.pos_ == "PROPN" for o in objects)):
        return None
    return min(o.left_edge for o in objects), max(c.right_edge for c in objects + reasons)


def _reason(phrase: Token) -> bool:
    """A for/on phrase (« pour », « de »), and not of time: "thanked him on Monday" says when, not what for."""
    if phrase.dep_ == "prep":
        opens = fold(phrase.lower_) in _FOR
    else:
        opens = phrase.dep_.startswith("obl") and fold(syntax.case_word(phrase)) in _FOR
    return opens and not any(k.ent_type_ in ("DATE", "TIME") for k in (phrase, *phrase.children) if k.dep_ != "case")


def _clause_after_time(token: Token) -> Token | None:
    """"Bessent told reporters [the same day] that the president was rewarding…": the parser may read the clause
    after a time phrase of the speech verb as a relative clause of its noun; a clause that opens with "that" there,
    beside a verb of saying, is what was said."""
    for child in token.children:
        if child.dep_ not in ("npadvmod", "tmod", "obl:mod") or child.ent_type_ not in ("DATE", "TIME"):
            continue
        clause = next((c for c in child.children if c.dep_ in ("relcl", "acl:relcl") and c.i > child.i), None)
        if clause is not None and fold(clause.left_edge.lower_) in _MARKS and \
                clause.left_edge.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj"):
            return clause
    return None


def content(token: Token, kinds: frozenset[str]) -> tuple[int, int] | None:
    """The character span of what a speech verb reports (its clause, object or infinitive), or None."""
    if "thanks" in kinds:
        ends = _thanks(token)
        if ends is not None:
            left, right = ends
            while right.i > left.i and (right.is_punct or right.is_space or right.dep_ == "cc"):
                right = right.doc[right.i - 1]
            return left.idx, right.idx + len(right.text)
    best = None
    for head in heads(token):
        for child in head.children:
            dep = child.dep_
            if "clause" in kinds and dep in _CLAUSE_DEPS:
                best = best or child
            elif "object" in kinds and dep in _OBJECT_DEPS and child.pos_ in ("NOUN", "PROPN") \
                    and child.right_edge.i - child.left_edge.i >= 2:
                best = best or child
            elif "infinitive" in kinds and dep in INFINITIVE_DEPS and child.pos_ in ("VERB", "AUX", "ADJ") \
                    and child.i > token.i and not _purpose(child):
                best = best or child  # "vowed to fight", « a dit espérer… », « s'est dit prêt à… »
            elif "infinitive" in kinds and dep == "advcl" and "Inf" in child.morph.get("VerbForm") and \
                    child.i > token.i and not any(c.dep_ in ("mark", "case", "aux") for c in child.children):
                # « assure, dans un entretien au WSJ, n'avoir rien promis »: the parser hangs the infinitive after an
                # aside as a clause of circumstance; one with no word before it (« pour », « avant de », "to") is what
                # is said
                best = best or child
    if best is None and "clause" in kinds:
        best = _clause_of_noun(token) or _clause_after_time(token)
    if best is None:
        return None
    left, right = best.left_edge, best.right_edge
    while left.i < right.i and (fold(left.lower_) in _MARKS or left.is_punct or left.is_space
                                or (left.head.i == best.i and left.i < best.i and fold(left.lower_) in _TO)):
        left = left.doc[left.i + 1]
    while right.i > left.i and (right.is_punct or right.is_space):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)
