"""Statements: quotations with their speaker and date, and reported speech."""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from .actors import ActorTable
from .gazetteer import Gazetteer, fold, name_tokens
from .layout import Layout, Quote
from .records import Statement

_FR_STEMS = (r"lanc|felicit|rejoui|indign|insurg|alarm|inquiet|exclam|etonn|agac|moqu|emport|regrett|menac|"
             r"declar|affirm|ajout|indiqu|soulign|estim|expliqu|assur|precis|annonc|insist|martel|rappel|deplor|"
             r"comment|detaill|observ|salu|repet|tweet|plaid|denonc|fustig|ironis|exhort|tranch|resum|confi|not|"
             r"jug|confirm|dement|accus|souhait|lach|gliss|argument|temoign|interrog|rassur|avou|reconnaiss")
_FR_IRREGULAR = (r"dit|dis|disait|disent|disant|redit|promis|promet|promettant|repondu|repond|repondant|reconnu|"
                 r"reconnait|averti|avertit|previent|prevenu|ecrit|ecrivant|conclu|conclut|admis|admet|reagi|"
                 r"poursuivi|poursuit|fait savoir|faisant savoir|font savoir|selon")
SPEECH = {
    "fr": re.compile(rf"\b(?:(?:{_FR_STEMS})(?:e|es|ee|ees|ent|ait|aient|ant|er|a|era|erait)|{_FR_IRREGULAR})\b"),
    "en": re.compile(
        r"\b(?:said|says|say|saying|told|tells|telling|added|adds|adding|stated|declared|noted|stressed|warned|"
        r"insisted|explained|wrote|posted|tweeted|argued|acknowledged|admitted|asserted|claimed|continued|replied|"
        r"responded|remarked|announced|urged|cautioned|emphasi[sz]ed|suggested|observed|recalled|conceded|"
        r"promised|vowed|according to|confirmed|denied|indicated|predicted|reiterated|insists|warns|stresses)\b"),
}
_PRONOUN = {"fr": re.compile(r"(?:-t-|\b)(il|elle)\b"), "en": re.compile(r"\b(he|she)\b")}
_COMPLEMENTIZER = {"fr": re.compile(r"\s*(?:[\w'’\- ]{0,40}?\s)?(que|qu['’])"),
                   "en": re.compile(r"\s*(?:[\w'’\- ]{0,40}?\s)?(that)\b")}
_SELON = re.compile(r"\b(?:selon|according to|d'apres)\s*$")
_FEMININE = {"elle", "she"}
# A comma-delimited aside inside one pair of quotation marks: « La paix, a dit Macron, ne se décrète pas ».
_INCISE = re.compile(r",\s+([^,;:!?«»\"“”\n]{2,80}?)\s*,\s")
_NOT_INCISE = re.compile(r"(?:comme|ainsi que|as|like|que|qu'|qui|ou|where|which|who|when|quand)\b")


@dataclass
class _Said:
    """Who spoke in a sentence, for pronouns and continuations that follow."""

    pos: int
    speaker: str
    date: datetime.date | None
    explicit_date: bool


class QuoteReader:
    """Reads the statements of one article, sentence by sentence, in order."""

    def __init__(self, text: str, language: str, layout: Layout, table: ActorTable, gaz: Gazetteer,
                 sentences: list[tuple[int, int]], timexes: list, published: datetime.date, resolve_expression):
        self.text, self.lang, self.layout, self.table, self.gaz = text, language, layout, table, gaz
        self.folded = fold(text)
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.timexes = timexes
        self.published = published
        self.resolve_expression = resolve_expression
        self.said: list[_Said] = []
        self.statements: list[Statement] = []
        self.speech = SPEECH[language]
        self.pronoun = _PRONOUN[language]

    # --- helpers -------------------------------------------------------------------------------
    def _sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _gender_ok(self, key: str, pronoun: str | None) -> bool:
        if pronoun is None:
            return True
        gender = self.table.genders.get(key)
        return gender is None or (gender == "f") == (pronoun.lower() in _FEMININE)

    def resolve_pronoun(self, pos: int, pronoun: str | None) -> str | None:
        """The person a pronoun at pos points back to: the last speaker, else the first person of a recent sentence."""
        current = self._sentence_index(pos)
        for si in range(current, max(-1, current - 4), -1):
            start, end = self.sentences[si]
            if self.layout.is_heading(start):
                continue
            limit = min(pos, end) if si == current else end
            spoken = [s for s in self.said if start <= s.pos < limit and self._gender_ok(s.speaker, pronoun)
                      and self.table.kind(s.speaker) == "person"]
            if spoken:
                return spoken[-1].speaker
            persons = [m for m in self.table.between(start, limit, self.layout)
                       if self.table.kind(m.key) == "person" and self._gender_ok(m.key, pronoun)]
            if persons:
                return persons[0].key
        return None

    def _date_in(self, start: int, end: int) -> tuple[datetime.date | None, str] | None:
        for t in self.timexes:
            if start <= t.start and t.end <= end and t.date and not self.layout.in_quote[t.start]:
                resolved = self.resolve_expression(t.text, self.published, self.lang, tense="past") or t
                return resolved.date, resolved.precision
        return None

    def _date_for(self, speaker: str | None, windows: list[tuple[int, int]]) -> tuple[datetime.date | None, str, bool]:
        for start, end in windows:
            found = self._date_in(start, end)
            if found:
                return found[0], found[1], False
        if speaker:
            earlier = [s for s in self.said if s.speaker == speaker and s.explicit_date and s.date]
            if earlier:
                return earlier[-1].date, "day", True
        return self.published, "day", True  # news reports what was said by the day it went out

    def _first_mention_after(self, start: int, end: int) -> str | None:
        """The speaker named after a verb or 'selon': a person first ("Kremlin spokesman Dmitry Peskov")."""
        found = [m for m in self.table.between(start, end, self.layout)
                 if self.table.kind(m.key) in ("person", "organization", "group", "country")]
        if not found:
            return None
        head = [m for m in found if m.start < found[0].end + 3]  # the same noun phrase ("Kremlin spokesman X")
        persons = [m for m in head if self.table.kind(m.key) == "person"]
        return (persons or found)[0].key

    def _last_mention_before(self, start: int, end: int) -> str | None:
        found = [m for m in self.table.between(start, end, self.layout)
                 if self.table.kind(m.key) in ("person", "organization", "group", "country")]
        persons = [m for m in found if self.table.kind(m.key) == "person"]
        pick = (persons or found)
        return pick[-1].key if pick else None

    def _subject_before(self, start: int, verb_start: int) -> str | None:
        """The speaker named before a speech verb: a name, or a pronoun resolved."""
        head = self.folded[start:verb_start]
        pron = re.search(rf"(?:-t-|\b)(il|elle|he|she)\b[\w\s'’,-]{{0,25}}$", head)
        key = self._last_mention_before(start, verb_start)
        if pron and (key is None or self._mention_end_before(start, verb_start) < start + pron.start()):
            return self.resolve_pronoun(start + pron.start(), pron.group(1))
        return key

    def _mention_end_before(self, start: int, end: int) -> int:
        found = self.table.between(start, end, self.layout)
        return found[-1].end if found else -1

    # --- quotations ----------------------------------------------------------------------------
    def is_term(self, q: Quote) -> bool:
        """Quoted names and terms ("coalition des volontaires", "State of the Union") are not speech."""
        words = self.text[q.start:q.end].split()
        if self.layout.is_heading(q.start):
            return True
        if name_tokens(self.text[q.start:q.end]) in self.gaz.index:
            return True
        letters = [c for c in self.text[q.start:q.end] if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            return True
        long_words = [w for w in words if len(w) > 3]
        return len(words) <= 6 and bool(long_words) and all(w[:1].isupper() for w in long_words)

    def read_quote(self, q: Quote, sent: tuple[int, int], prev_end: int, next_start: int) -> None:
        """Attribute one quotation and record it as a direct statement (or skip it as a term)."""
        if self.is_term(q):
            return
        s, e = sent
        quoted = self.text[q.start:q.end]
        n_words = len(quoted.split())
        after_start, after_end = q.outer_end, min(next_start, e)
        after = self.folded[after_start:after_end]
        glued = bool(re.match(r"^\s*[,;:—–-]", after)) or quoted.rstrip()[-1:] in ",.!?…"
        speaker, confidence, windows = None, 0.5, []
        verb = self.speech.search(after[:90]) if glued else None
        inside = self._speaker_inside(q)
        if inside:
            speaker, confidence, windows = inside[0], 0.85, [inside[1]]
        elif verb and len(after[:verb.start()].split()) <= 6:
            v0, v1 = after_start + verb.start(), after_start + verb.end()
            windows = [(after_start, after_end)]
            between = self.folded[after_start:v0]
            pron = self.pronoun.search(self.folded[after_start:min(v1 + 6, after_end)])
            named_before = self._last_mention_before(after_start, v0)
            if named_before:
                speaker, confidence = named_before, 0.9
            elif pron and (pron.start() <= len(between) + (v1 - v0) + 5):
                speaker, confidence = self.resolve_pronoun(q.outer_start, pron.group(1)), 0.75
            else:
                speaker, confidence = self._first_mention_after(v1, min(v1 + 70, after_end)), 0.85
        else:
            before = self.folded[prev_end:q.outer_start]
            verbs = [m for m in self.speech.finditer(before) if not self.layout.in_quote[prev_end + m.start()]]
            rest = self.text[prev_end:q.outer_start].strip(" ,.;:—–-\n")
            tail = self.text[q.outer_end:after_end].strip(" ,.;:—–-\n")
            if verbs:
                v = verbs[-1]
                v0, v1 = prev_end + v.start(), prev_end + v.end()
                windows = [(prev_end, q.outer_start)]
                if _SELON.search(self.folded[prev_end:v1]) or v.group().startswith(("selon", "according")):
                    pron = re.match(r"\s+(lui|elle|him|her)\b", self.folded[v1:v1 + 8])
                    if pron:  # "selon lui": the last person speaking
                        speaker = self.resolve_pronoun(v0, "elle" if pron.group(1) in ("elle", "her") else "il")
                    else:
                        speaker = self._first_mention_after(v1, q.outer_start)
                else:
                    speaker = self._subject_before(max(s, prev_end), v0)
                confidence = 0.8
            elif not rest and not tail:
                # a quotation standing alone continues the last speaker's words
                last = self.said[-1] if self.said else None
                if last and last.pos >= self._paragraph_start(q.outer_start, back=2):
                    speaker, confidence = last.speaker, 0.6
            elif n_words < 5:
                return  # a short quoted phrase inside a sentence is a term or a fragment
            else:
                speaker, confidence = self._last_mention_before(s, q.outer_start), 0.5
                windows = [(s, e)]
        date, precision, inferred = self._date_for(speaker, windows)
        self.statements.append(Statement(
            speaker=speaker, text=quoted, start=q.start, end=q.end, direct=True, date=date,
            date_precision=precision, date_inferred=inferred, confidence=confidence,
            sentence_start=s, sentence_end=e))
        if speaker:
            self.said.append(_Said(q.start, speaker, date, not inferred))

    def _speaker_inside(self, q: Quote) -> tuple[str, tuple[int, int]] | None:
        """The speaker named in an aside within the quotation itself, and the aside's span.

        French press often cuts one quotation with its attribution: « La paix, a dit Emmanuel
        Macron après l'appel, ne se décrète pas », « Nous sommes prêts, a-t-elle ajouté, à
        signer ». "Comme l'a dit X" inside a quotation quotes X; it does not attribute it.
        """
        for m in _INCISE.finditer(self.folded, q.start, q.end):
            start, end = m.start(1), m.end(1)
            segment = m.group(1)
            verb = self.speech.search(segment)
            if (len(segment.split()) > 8 or _NOT_INCISE.match(segment) or not verb
                    or len(segment[:verb.start()].split()) > 3 or verb.group().startswith(("selon", "according"))):
                continue
            named = [r for r in self.table.between(start, end)
                     if self.table.kind(r.key) in ("person", "organization", "group", "country")]
            persons = [r for r in named if self.table.kind(r.key) == "person"]
            key = (persons or named)[0].key if named else None
            if key is None:
                pron = self.pronoun.search(segment)
                key = self.resolve_pronoun(q.outer_start, pron.group(1)) if pron else None
            if key:
                return key, (start, end)
        return None

    def _attributes_quote(self, sentence_start: int, verb_start: int) -> bool:
        """Whether a speech verb right after a closing quotation attributes it."""
        before = [q for q in self.layout.quotes if sentence_start <= q.outer_end <= verb_start]
        if not before:
            return False
        q = before[-1]
        gap = self.text[q.outer_end:verb_start]
        glued = gap.lstrip()[:1] in (",", ";", ":") or self.text[q.start:q.end].rstrip()[-1:] in ",.!?…"
        return glued and len(gap.split()) <= 6 and "--" not in gap and "—" not in gap

    def _paragraph_start(self, pos: int, back: int) -> int:
        paras = [p for p in self.layout.paragraphs if not p.heading]
        idx = next((i for i, p in enumerate(paras) if p.start <= pos < p.end), len(paras) - 1)
        return paras[max(0, idx - back + 1)].start if paras else 0

    # --- reported speech -----------------------------------------------------------------------
    def read_reported(self, sent: tuple[int, int]) -> None:
        """'X a déclaré que …', 'X said (that) …', '…, a fait savoir X': indirect statements."""
        s, e = sent
        folded = self.folded
        for v in self.speech.finditer(folded, s, e):
            if self.layout.in_quote[v.start()] or v.group() in ("selon", "according to"):
                continue
            if self._attributes_quote(s, v.start()):
                continue  # the attribution of a quotation ("…», a déclaré X"), not reported speech
            comp = _COMPLEMENTIZER[self.lang].match(folded, v.end(), min(e, v.end() + 60))
            content_start = content_end = None
            speaker = None
            if comp:
                content_start, content_end = comp.end(), e
                speaker = self._subject_before(s, v.start())
                if speaker is None:
                    speaker = self._first_mention_after(v.end(), comp.start(1))
            elif self.lang == "fr" and re.match(r"\s+(?:s['’])?\w+(?:er|ir|re)\b", folded[v.end():v.end() + 25]) \
                    and v.group() in ("dit", "affirme", "estime", "assure", "declare"):
                content_start, content_end = v.end(), e  # "a dit s'attendre à …"
                speaker = self._subject_before(s, v.start())
            elif re.match(r"\s*,?\s*$", folded[s:v.start()][-12:]) is None and \
                    re.search(r",\s*(?:ont|a|avait|avaient)(?:\s+\w+)?\s*$", folded[s:v.start()]):
                content_start = s  # "Il est prévu que …, a fait savoir l'Elysée"
                content_end = folded.rfind(",", s, v.start())
                speaker = self._first_mention_after(v.end(), min(e, v.end() + 60))
            elif self.lang == "en" and v.group() in ("said", "says") and re.match(r"\s+[a-z]", folded[v.end():v.end() + 3]):
                # "Starmer said a coalition was needed", "Peskov said on Wednesday the Kremlin was open"
                when = re.match(r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                                r"yesterday|today|last week|this week)\b,?", folded[v.end():v.end() + 24])
                skip = when.end() if when else 0
                if re.match(r"\s+(?:on|in|at|during|after|before|last|this|to|of|with)\b", folded[v.end() + skip:v.end() + skip + 8]):
                    continue
                content_start, content_end = v.end() + skip + 1, e
                speaker = self._subject_before(s, v.start())
            if content_start is None or content_end is None or content_end - content_start < 12:
                continue
            body = self.text[content_start:content_end].strip(" ,.;:\n")
            if not body or self.layout.in_quote[content_start] and len(body.split()) < 4:
                continue
            start = self.text.find(body, content_start)
            date_windows = [(s, content_start)] if content_start > s else [(content_end, e)]
            date, precision, inferred = self._date_for(speaker, date_windows)
            self.statements.append(Statement(
                speaker=speaker, text=body, start=start, end=start + len(body), direct=False, date=date,
                date_precision=precision, date_inferred=inferred, confidence=0.6 if speaker else 0.3,
                sentence_start=s, sentence_end=e))
            if speaker:
                self.said.append(_Said(v.start(), speaker, date, not inferred))
            break  # one reported statement per sentence: the main speech verb


def read_statements(text: str, language: str, layout: Layout, table: ActorTable, gaz: Gazetteer,
                    sentences: list[tuple[int, int]], timexes: list, published: datetime.date,
                    resolve_expression, reader: QuoteReader | None = None) -> list[Statement]:
    """Direct quotations and reported speech of an article, in text order, with speakers and dates."""
    reader = reader or QuoteReader(text, language, layout, table, gaz, sentences, timexes, published,
                                   resolve_expression)
    quotes = sorted(layout.quotes, key=lambda q: q.outer_start)
    qi = 0
    for sent in sentences:
        s, e = sent
        para = layout.paragraph_at(s)
        if para is None or para.heading or para.byline or para.credit:
            while qi < len(quotes) and quotes[qi].outer_start < e:
                qi += 1
            continue
        inside = []
        while qi < len(quotes) and quotes[qi].outer_start < e:
            if quotes[qi].outer_start >= s:
                inside.append(quotes[qi])
            qi += 1
        reader.read_reported(sent)
        for i, q in enumerate(inside):
            prev_end = inside[i - 1].outer_end if i else s
            next_start = inside[i + 1].outer_start if i + 1 < len(inside) else e
            reader.read_quote(q, sent, prev_end, next_start)
    reader.statements.sort(key=lambda st: (st.start, not st.direct))
    return reader.statements
