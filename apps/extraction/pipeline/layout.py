"""The shape of an article: paragraphs, headings, bylines and credits, quotations, sentences."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
# Quotation marks by family: a mark closes only a quotation its own family opened, so « … “ … ” … »
# and “ … ‘ … ’ … ” nest instead of ending at the inner mark.
_FAMILY = {"“": "double", "”": "double", "„": "double", '"': "double", "«": "angle", "»": "angle",
           "‘": "single", "’": "single", "'": "single"}
_MARKS = "".join(_FAMILY)
# A speaker label opening a transcript paragraph: "SECRETARY RUBIO:", "Vladimir Putin:", "Q:" (colon), or
# "The President.", "President Zelenskyy.", "Q." as The American Presidency Project writes them (period).
_LABEL_COLON = re.compile(r"(?P<label>[A-ZÀ-Ý][\w'’.\-]*(?:[^\S\n]+(?:[A-ZÀ-Ý(][\w'’.\-()]*|of|de|du|des|la|le|the|d'|l')){0,5})"
                          r"[^\S\n]*:[^\S\n]+(?=\S)")
_LABEL_PERIOD = re.compile(r"(?P<label>(?:The[^\S\n]+)?[A-Z][\w'’\-]*(?:[^\S\n]+[A-Z][\w'’\-]+){0,3})\.[^\S\n]+(?=\S)")
# A live-blog entry opens with its time alone on a line ("5:45 p.m.", "14h32", "10:40 GMT") or a rule ("___").
# …or with its time before a dash, on the line of its first words ("17:44 GMT — Asked about…", "10h48 — …").
_ENTRY_TIME = re.compile(r"^\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?\s*[—–-]\s+\S")
# …or with its time before the entry's title, on one line ("15h02 Un dîner d'Etat ce soir", "13.10 BST Deal signed").
_ENTRY_TIME_TITLE = re.compile(r"^\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4}\b)?\s+(?=\S)")
_ENTRY_MARK = re.compile(r"^\s*(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?|_{3,}|-{3,}|\*{3,})\.?\s*$")

_BYLINE_NAMES = r"(?P<names>[A-ZÀ-Ý][\w'’.\- ]+(?:\s*(?:,|et|and|und|&)\s*[A-ZÀ-Ý][\w'’.\- ]+)*)\s*$"
_BYLINE = re.compile(r"^\s*(?i:par|by|de|von)\s+" + _BYLINE_NAMES)
# a broadcast's presenter, named where a printed story has its byline: « Présentation : Marc Olivier », "Presented by
# Ann Lee", "Host: Ann Lee"; a journalist, whose own turns are no one's statements
_PRESENTER = re.compile(r"^\s*(?i:pr[ée]sentation|pr[ée]sent[ée]e?\s+par|anim[ée]e?\s+par|presented\s+by|presenter|host|"
                        r"hosted\s+by)\s*:?\s+" + _BYLINE_NAMES)
_CREDIT_WORDS = re.compile(
    r"(avec la contribution|contribution de|version française|r[ée]dig[ée] par|[ée]dit[ée] par|reporting by|"
    r"additional reporting|writing by|editing by|edited by|compiled by|correspondant|reportage|"
    r"with assistance from|contributed (?:reporting )?to this (?:report|story|article)|"
    r"\bcontributed(?: reporting)?\.?\s*$|"  # "AP writers A in Kyiv and B in Tallinn, Estonia, contributed."
    r"(?:a|ont) contribu[ée] à cet(?:te)? (?:article|dépêche)|propos recueillis par|"
    r"photo\s*:|cr[ée]dit\s*:|\bphoto\b.*/)", re.I)
# A credit inside a paragraph of the story: "… en Ukraine. Propos recueillis par Anne Roussel." Found from
# the word before the names ("par", "by", "from", "de"), then the credit words just before it: one cheap
# pass over the text instead of trying every credit phrase at every character.
_NAME = r"[A-ZÀ-Ý][\w'’\-]+(?:[^\S\n]+(?:[A-ZÀ-Ý][\w'’\-]+|de|van|von|der|le|la)){1,3}"
_CREDIT_HINT = re.compile(r"\b(?:par|by|from|de|d['’])[^\S\n]*(?=[A-ZÀ-Ý])")
_CREDIT_LEAD = re.compile(
    r"(?i:propos recueillis|entretien réalisé|interview(?:ed)?|(?:additional )?reporting|writing|editing|edited|"
    r"compiled|with assistance|avec la contribution|r[ée]dig[ée]|[ée]dit[ée])[^\S\n]+$")
_CREDIT_NAMES = re.compile(
    rf"{_NAME}(?:(?:[^\S\n]+(?:à|in)[^\S\n]+[A-ZÀ-Ý][\w'’\-]+)?[^\S\n]*(?:,|\band\b|\bet\b|&)[^\S\n]*{_NAME})*")
# « notre envoyée spéciale Julie Ferrand », "our correspondent Ann Lee": a journalist of the story's own, whose report
# (a labelled turn of a broadcast) is no one's statement
_OWN_REPORTER = re.compile(
    rf"\b(?i:notre|nos|our)[^\S\n]+(?i:envoy[ée]e?s?[^\S\n]+sp[ée]ciale?s?|correspondante?s?|correspondents?|reporters?|"
    rf"journalistes?)[^\S\n]+(?:(?:à|in|au|en)[^\S\n]+[A-ZÀ-Ý][\w'’\-]+,?[^\S\n]+)?(?P<name>{_NAME})")
# The journalist an interview is given to: « répond aux questions de Laurent Kessler », « au micro de … », "interviewed
# by …": one who asks, no actor of the story.
_INTERVIEWER = re.compile(
    rf"\b(?i:questions[^\S\n]+(?:de|d['’]|from|posées[^\S\n]+par|put[^\S\n]+by)|au[^\S\n]+micro[^\S\n]+de|"
    rf"interviewed[^\S\n]+by)[^\S\n]*(?P<name>{_NAME})")
# A broadcast script's reporter: "REPORTER: LIAM OKAFOR-HART" in its slug, « JOURNALISTE : … », and the anchor's
# hand-over to them ("Liam Okafor-Hart reports.", « Reportage de … »)
_SCRIPT_REPORTER = re.compile(
    rf"\b(?:(?:REPORTER|CORRESPONDENT|JOURNALISTE|REPORTAGE|PRESENTER|ANCHOR|PRÉSENTATEUR|PRÉSENTATRICE)[^\S\n]*:"
    rf"[^\S\n]*|(?i:reportage[^\S\n]+de)[^\S\n]+)(?P<name>{_NAME})|(?P<by>{_NAME})[^\S\n]+reports\.[^\S\n]*$")
# A photo's credit inside a caption: « (Photo Léa Fontanel) », "(Photo: Kenji Arai/Reuters)", « (Crédit photo : AFP) »
_PHOTO_CREDIT = re.compile(r"\((?i:photos?|cr[ée]dits?(?:[^\S\n]+photo)?|photographie|photograph|picture|image)"
                           r"(?:[^\S\n]*[:/\-–][^\S\n]*|[^\S\n]+)(?P<names>[^()\n]{2,80})\)")
# An article that ends with its author's name after a dash ("— Olga Stepanenko"), not after a quotation.
_SIGNATURE = re.compile(rf"^\s*(?:—|–|--)\s*(?P<name>{_NAME})\s*\.?\s*$")
# A parenthesized agency tag opening a story line, whatever the agency: "(Keystone-ATS) Les deux…", "(AFP) -"
_AGENCY_TAG = re.compile(r"^\s*\((?P<agency>[A-ZÀ-Ý][\w.&’'\-]*(?:[ /][A-ZÀ-Ý][\w.&’'\-]*){0,2})\)\s*[-–—]?\s*")
# "ISTANBUL (Parley) —", "WASHINGTON/BERLIN --": a city in capitals (an agency after it, whatever its name)
_DATELINE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'’/\-]{2,40})(?:,\s*[\w .]+){0,2}\s*(?:\((?P<agency>[^)]{1,30})\)\s*)?"
                       r"(?:--|—|–|―|-)\s+")
# "Kiev, 12 mars (AFP) -", "Paris, March 3 (Reuters) -", "WASHINGTON/BERLIN, Aug 13 (Parley) -": a city, a date
# and an agency open the story
_DATELINE_DATED = re.compile(r"^\s*([A-ZÀ-Ý][\w'’\-]+(?:[ /][A-ZÀ-Ý][\w'’\-]+)?),\s+"
                             r"(?:\d{1,2}\s+\w+|\w+\.?\s+\d{1,2})\s*"
                             r"(?:\((?P<agency>[^)]{1,30})\))?\s*(?:--|—|–|―|-)\s+")
_CAPITALIZED_RUN = re.compile(r"(?:\b[dl]['’])?\b([A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){1,2})")
# A stage direction alone on its line: "[Laughter]", "[At this point, …]", "(Laughter.)", « (Rires) ».
_STAGE_DIRECTION = re.compile(r"\[[^\[\]\n]+\]|\([^()\n]+\)\.?")
_SENT_END = re.compile(r"[.!?…]+(?:[\"”'’]|\s?»)?")


@dataclass
class Paragraph:
    start: int
    end: int
    heading: bool = False
    byline: bool = False
    credit: bool = False
    entry: int = 0  # which live-blog entry it belongs to (0 when the story has none)
    stamped: bool = False  # that entry opens with its time of day ("15h02", "17.52 BST"), not with a rule
    note: bool = False  # a stage direction of a transcript on a line of its own ("[Laughter]", "(Applause.)")


@dataclass
class Label:
    """A speaker label opening a paragraph: the name as written, and where the spoken words start."""

    start: int
    end: int
    text: str
    words_start: int
    colon: bool  # "NAME:" (a label for sure once it names someone) or "Name." (a label only if it does)


@dataclass
class Turn:
    """What one speaker says in a transcript, from a label to the next: its paragraphs, label left out."""

    label: Label
    speaker: str | None  # the actor key the label names; None for questions and unknown labels
    paragraphs: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Quote:
    """A span inside quotation marks: start/end are the quoted words, outer_* include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    continued: bool = False  # the quotation goes on in the next paragraph (opened again there, closed later)


@dataclass
class Layout:
    """Everything about an article's layout that later stages need."""

    text: str
    paragraphs: list[Paragraph]
    excluded: list[tuple[int, int]]  # bylines, credits, agency tags, datelines: no actors there
    authors: list[str]
    quotes: list[Quote]
    in_quote: bytearray  # 1 where a character lies inside quotation marks
    datelines: list[tuple[int, int]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)  # news agencies that tag the story ("(Parley)"): no actors

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph that holds a character offset."""
        for p in self.paragraphs:
            if p.start <= pos < p.end:
                return p
        return None

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether a span lies in a byline, a credit or an agency tag."""
        return any(s <= start < e or s < end <= e for s, e in self.excluded)

    def is_heading(self, pos: int) -> bool:
        """Whether a character offset lies in a heading line."""
        p = self.paragraph_at(pos)
        return bool(p and p.heading)

    def entry_at(self, pos: int) -> int:
        """The live-blog entry that holds a character offset (0 in a story without entries)."""
        p = self.paragraph_at(pos)
        return p.entry if p else 0

    def turns(self, resolve) -> list[Turn]:
        """Transcript turns: each accepted label opens one, and it runs until the next or a heading.

        `resolve(label)` names the speaker: an actor key opens a turn of that speaker; False opens a
        turn whose words are no actor's statements (a journalist's question, an unknown name);
        None says the words were no label at all ("Yes. Please."), so the paragraph goes on with the
        turn it is in.
        """
        by_start = {label.start: label for label in self.labels}
        turns: list[Turn] = []
        current: Turn | None = None
        for para in self.paragraphs:
            if para.note:
                continue  # "[Laughter]" between two paragraphs of an answer: the same speaker goes on
            if para.heading or para.byline or para.credit:
                current = None
                continue
            first = para.start + len(self.text[para.start:para.end]) - len(self.text[para.start:para.end].lstrip())
            label = by_start.get(first)
            speaker = resolve(label) if label else None
            if label and speaker is not None:
                current = Turn(label, speaker or None)
                turns.append(current)
                if label.words_start < para.end:
                    current.paragraphs.append((label.words_start, para.end))
            elif current is not None and not para.note:
                current.paragraphs.append((first, para.end))
        return [t for t in turns if t.paragraphs]


# What follows the date that opens an entry of a chronology: "July 22 - Lawmakers…", « 17 juillet : la Rada… »,
# "The next day — Shmyhal…" (a dash or a colon, then the entry's words), or the day as a sentence of its own
# (« Lundi. Les Vingt-Sept ont tenu… », a weekly recap's entries).
_ENTRY_DATE_END = re.compile(r"[^\S\n]*(?:[-–—―:]|--)[^\S\n]+\S|\.[^\S\n]+[A-ZÀ-ÖØ-Þ«\"“]")
# A list's mark: a bullet or a dash, a gallery's number before it ("1/6 - ", "3 — "), or a number and a stop ("2. ")
LIST_MARK = re.compile(r"[^\S\n]*(?:(?:\d{1,2}(?:/\d{1,2})?[^\S\n]*)?[-–—•*▪·][^\S\n]+|\d{1,2}[.)][^\S\n]+)?")
# A caption's or a dispatch's place before its day: « Paris, jeudi 5 juin. Emmanuel Macron accueille… »
PLACE_BEFORE_DAY = re.compile(r"[A-ZÀ-Ý][\w'’\-]*(?:[^\S\n]+[A-ZÀ-Ý][\w'’\-]*){0,2},[^\S\n]+")


def dated_entries(layout: Layout, timexes) -> dict[int, object]:
    """The date each entry of a chronology opens with, by the start of the paragraphs it covers.

    An entry is a paragraph that opens with a date before a dash or a colon ("July 22 - …", « 17 juillet : … »,
    "The next day – …") or as a sentence of its own (« Lundi. Les Vingt-Sept… »), or the paragraphs under a
    heading that is nothing but a date; its sentences tell what happened that day though they name no day of
    their own. Ordinary paragraphs that open with a date and go on
    with a sentence ("On July 22, lawmakers…", "July 22 was…") are no entries.
    """
    text = layout.text
    by_start = {t.start: t for t in timexes}
    heads: dict[int, object] = {}
    under = None  # the date of the heading the paragraphs are under
    for para in layout.paragraphs:
        first = LIST_MARK.match(text, para.start, para.end).end()
        t = by_start.get(first)
        place = PLACE_BEFORE_DAY.match(text, first, para.end) if t is None and not para.heading else None
        if place is not None:
            t = by_start.get(place.end())
        if para.heading:
            whole = t is not None and not text[t.end:para.end].strip(" .:–—-")
            under = t if whole else None if not para.note else under
            continue
        if t is not None and t.end <= para.end and _ENTRY_DATE_END.match(text, t.end, para.end):
            heads[para.start] = t
        elif under is not None and not (para.byline or para.credit):
            heads[para.start] = under
    return heads


def _is_heading(line: str) -> bool:
    stripped = line.strip().strip('"“”«»\'’ ')
    if not stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(stripped.split()) <= 8:
        return True  # CLARTÉ, "PAIX ILLUSOIRE"
    # a short line without a final stop is a section title ("Force conjointe", "Défilé de dirigeants"), and so is
    # one that ends on a quotation with no stop of its own (a live blog's "Starmer: 'the first rung, not the top of
    # the ladder'"), where a sentence would close with one
    end = line.strip()
    return len(stripped.split()) <= 12 and (not re.search(r"[.!?…:;,»”\"']\s*$", end)
                                            or re.search(r"[\w)]\s*[»”\"'’]\s*$", end) is not None)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\bet\b|\band\b|\bund\b|&|;)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .") and p.strip()[0].isupper()]


def analyse(text: str, title: str | None = None) -> Layout:
    """Paragraphs, headings, bylines, credits, quotations and speaker labels of an article text."""
    paragraphs: list[Paragraph] = []
    excluded: list[tuple[int, int]] = []
    authors: list[str] = []
    datelines: list[tuple[int, int]] = []
    labels: list[Label] = []
    agencies: list[str] = []
    lines = list(re.finditer(r"[^\n]+", text))
    entry, stamped = 0, False
    cut_turns: list[tuple[Paragraph, Label]] = []
    for index, m in enumerate(lines):
        line = m.group()
        para = Paragraph(m.start(), m.end())
        if _ENTRY_MARK.match(line):
            entry, stamped = entry + 1, line.strip()[:1].isdigit()
            para.heading = True  # a time or a rule between entries says nothing
        elif _ENTRY_TIME.match(line):
            entry, stamped = entry + 1, True
        elif (opening := _ENTRY_TIME_TITLE.match(line)) and _is_heading(line[opening.end():]):
            entry, stamped = entry + 1, True  # (then a heading, as any short line without a final stop)
        elif opening and line[opening.end():][:1].isupper():
            entry, stamped = entry + 1, True  # a schedule's item: "9:00 a.m. Secretary Rubio meets with…"
        para.entry, para.stamped = entry, stamped
        stripped = line.strip()
        para.note = bool(_STAGE_DIRECTION.fullmatch(stripped))
        byline = _BYLINE.match(line) or _PRESENTER.match(line)
        # a byline opens the story, after the headings that may come first ("THE CLOSER / How … / By X")
        preamble = index <= 2 or all(p.heading or p.byline or p.credit for p in paragraphs)
        if byline and len(line.split()) <= 12 and preamble:
            para.byline = True
            authors += _split_names(byline.group("names"))
            excluded.append((m.start(), m.end()))
        elif (line.strip().startswith("(") and line.strip().endswith(")") and
              (_CREDIT_WORDS.search(line) or re.match(r"\(\s*(?:avec|with|source|sources)\b", line.strip(), re.I))) or \
                (index >= len(lines) - 2 and _CREDIT_WORDS.search(line) and len(line.split()) <= 30
                 and not re.search(r"[«“\"]", line)):
            para.credit = True
            excluded.append((m.start(), m.end()))
            for name in _CAPITALIZED_RUN.finditer(_CREDIT_WORDS.sub(",", line)):
                authors.append(name.group(1))
        elif index == len(lines) - 1 and index > 0 and _SIGNATURE.match(line) and \
                not re.search(r"[”»\"][.,]?\s*$", lines[index - 1].group()):
            para.credit = True  # "— Olga Stepanenko" closing the story; after a quotation it signs the quotation
            excluded.append((m.start(), m.end()))
            authors.append(_SIGNATURE.match(line).group("name"))
        elif _is_heading(line) or index == 0 and title and _same_words(line, title):
            para.heading = True  # the headline repeated as the first line is no sentence of the story
            label = _label(line, m.start()) if not para.note else None
            if label and label.words_start < m.end():
                cut_turns.append((para, label))  # "President Zelenskyy. ——and our partners": a turn, if the label recurs
        else:
            label = _label(line, m.start())
            if label:
                labels.append(label)
        if not (para.byline or para.credit):
            for hint in _CREDIT_HINT.finditer(line):
                lead = _CREDIT_LEAD.search(line, max(0, hint.start() - 30), hint.start())
                names = _CREDIT_NAMES.match(line, hint.end()) if lead else None
                if names:  # "Propos recueillis par Anne Roussel." inside a paragraph of the story
                    authors += [re.sub(r"\s+(?:à|in)\s+[A-ZÀ-Ý][\w'’\-]+$", "", n) for n in _split_names(names.group())]
                    excluded.append((m.start() + lead.start(), m.start() + names.end()))
        authors += [reporter.group("name") for reporter in _OWN_REPORTER.finditer(line)]
        authors += [asker.group("name") for asker in _INTERVIEWER.finditer(line)]
        authors += [found.group("name") or found.group("by") for found in _SCRIPT_REPORTER.finditer(line)]
        for credit in _PHOTO_CREDIT.finditer(line):
            # the photographer is a journalist of the story, no actor in the scene the caption tells
            excluded.append((m.start() + credit.start(), m.start() + credit.end()))
            authors += [name.group() for name in re.finditer(_NAME, credit.group("names"))]
        tag = _AGENCY_TAG.match(line) if preamble or index <= 3 else None
        if tag:
            excluded.append((m.start(), m.start() + tag.end()))
            agencies.append(tag.group("agency"))
        dateline = _DATELINE.match(line) or _DATELINE_DATED.match(line)
        if dateline and index <= 2:
            datelines.append((m.start() + dateline.start(1), m.start() + dateline.end(1)))
            excluded.append((m.start() + dateline.start(1), m.start() + dateline.end()))  # "KYIV (Reuters) -"
            if dateline.group("agency"):
                agencies.append(dateline.group("agency").strip())  # whatever its name: the story's agency
        paragraphs.append(para)
    # A turn cut off mid-sentence has no final stop and looks like a section title; its label says otherwise
    # when the same label opens other paragraphs of the text (a transcript names each speaker again and again).
    recurring = Counter(label.text for label in labels)
    for para, label in cut_turns:
        if recurring[label.text]:
            para.heading = False
            labels.append(label)
    labels.sort(key=lambda label: label.start)
    quotes = find_quotes(text, paragraphs)
    in_quote = bytearray(len(text))
    for q in quotes:
        in_quote[q.outer_start:q.outer_end] = b"\x01" * (q.outer_end - q.outer_start)
    # a label inside quotation marks opens a quoted transcript turn ('"PENCE: Well, …'), read there
    labels = [label for label in labels if not in_quote[label.start] or
              any(q.start == label.start for q in quotes)]
    return Layout(text, paragraphs, excluded, _dedupe(authors), quotes, in_quote, datelines, labels,
                  _dedupe(agencies))


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _label(line: str, offset: int) -> Label | None:
    """A speaker label at the start of a line, if the line has the shape of one."""
    lead = len(line) - len(line.lstrip())
    if line[lead:lead + 1] in _FAMILY:  # '"PENCE: Well, look…' quotes a transcript turn
        lead += 1
    body = line[lead:]
    for pattern, colon in ((_LABEL_COLON, True), (_LABEL_PERIOD, False)):
        m = pattern.match(body)
        if m and not any(c.isdigit() for c in m.group("label")):
            start = offset + lead
            return Label(start, start + m.end("label"), m.group("label"), start + m.end(), colon)
    return None


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return out


def _mark_role(text: str, i: int) -> str:
    """Whether the quotation mark at i opens or closes a quotation ("" when it can be neither)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "‘'’":
        # single marks are apostrophes too ("don't", "l'Ukraine", "leaders’"): a quotation opens only
        # after a space or an opening bracket and before a letter, and closes only before a non-letter
        if ch != "’" and (before.isspace() or before in "([{“«\"—–-") and after.isalpha():
            return "open"
        if ch != "‘" and not before.isspace() and not after.isalnum():
            return "close"
        return ""
    if ch in OPENING:
        # "“" glued after a word and followed by a space acts as a closing mark in sloppy copy
        return "close" if (before.isalnum() and after.isspace()) else "open"
    if ch in CLOSING:
        # "d' »assurer" : a closing guillemet used as an opening one
        return "open" if (before.isspace() or before in "'’(") and after.isalnum() else "close"
    if before.isspace() or before in "([{—–-'’:" or i == 0:
        return "open"
    return "close"


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quotations in double, single or angle quotation marks, nested ones inside their outer quotation.

    A quotation still open at the end of a paragraph either goes on in the next paragraph (which
    opens again with a mark, the English convention for a quote of several paragraphs) or closes
    there after a line break that cut it; otherwise it is dropped.
    """
    quotes: list[Quote] = []
    carried: tuple[str, int] | None = None
    for index, para in enumerate(paragraphs):
        stack: list[tuple[str, int]] = [carried] if carried else []
        carried = None
        for i in range(para.start, para.end):
            ch = text[i]
            if ch not in _FAMILY:
                continue
            role = _mark_role(text, i)
            family = _FAMILY[ch]
            if ch == STRAIGHT and stack and stack[-1][0] == family and not text[i - 1].isspace():
                role = "close"  # '…this,'" he said': a straight mark after a word closes the open one
            if stack and stack[-1][0] == family and role == "close":
                _, opened = stack.pop()
                if not stack:
                    _add_quote(quotes, text, opened, i)
            elif role == "open" and (family != "single" or not stack or stack[-1][0] != "single"):
                stack.append((family, i))
        if not stack:
            continue
        family, opened = stack[0]
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        head = text[nxt.start:nxt.end].lstrip()[:1] if nxt else ""
        if head and _FAMILY.get(head) == family and _mark_role(text, nxt.start + text[nxt.start:nxt.end].index(head)) == "open":
            _add_quote(quotes, text, opened, para.end, continued=True)
        elif nxt and family != "single" and _closes_first(text, nxt, family):
            carried = (family, opened)
    return _closed_chains(quotes, text)


def _closed_chains(quotes: list[Quote], text: str) -> list[Quote]:
    """Keep a quotation that goes on in the next paragraph only if the chain closes at last.

    A long excerpt whose paragraphs each open a mark that never closes (copied prose) is no
    quotation of anyone.
    """
    by_outer_start = {q.outer_start: q for q in quotes}
    closed: dict[int, bool] = {}
    for q in sorted(quotes, key=lambda x: x.outer_start, reverse=True):
        if not q.continued:
            closed[q.outer_start] = True
            continue
        rest = text[q.outer_end:]
        nxt = by_outer_start.get(q.outer_end + len(rest) - len(rest.lstrip()))
        closed[q.outer_start] = bool(nxt) and closed.get(nxt.outer_start, False)
    return [q for q in quotes if closed[q.outer_start]]


def _add_quote(quotes: list[Quote], text: str, opened: int, closed: int, continued: bool = False) -> None:
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        quotes.append(Quote(start, end, opened, closed if continued else closed + 1, continued))


def _closes_first(text: str, para: Paragraph, family: str) -> bool:
    """Whether a paragraph closes a quotation of this family before it opens one (a line break cut it)."""
    for i in range(para.start, para.end):
        if _FAMILY.get(text[i]) == family:
            return _mark_role(text, i) == "close"
    return False


def sentence_bounds(text: str, layout: Layout) -> list[tuple[int, int]]:
    """Sentences that never break inside a quotation (so a multi-sentence quote stays in one sentence)."""
    bounds: list[tuple[int, int]] = []
    for para in layout.paragraphs:
        start = para.start
        for m in _SENT_END.finditer(text, para.start, para.end):
            end = m.end()
            closes = m.group()[-1] in '"”»\'’'
            if layout.in_quote[m.start()] and not (closes and not layout.in_quote[min(end, len(text) - 1)]
                                                   and end < para.end):
                continue  # a full stop inside a quotation, unless the quotation ends the sentence there
            nxt = text[end:end + 2]
            # single marks open a quotation too ("… said the envoy. 'But the direction is right.'")
            if end >= para.end or (nxt[:1].isspace() and (nxt[1:2].isupper() or nxt[1:2] in '"“«\'‘')):
                # "U.S. officials": an abbreviation does not end a sentence, nor a title before a name
                # ("Vermont Sen. Bernie Sanders", "Navy Capt. Jeff Davis")
                word = text[max(start, m.start() - 5):m.start() + 1]
                if re.search(r"(?:\b[A-Z]\.?[A-Z]|\bM|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bSen|\bRep|\bGov|\bLt"
                             r"|\bCol|\bCapt|\bSgt|\bAdm|\bCmdr|\bMaj|\bProf|\bRev|\bGens|\bSens|\bReps)\.$", word):
                    continue
                bounds.append((start, end))
                start = end
                while start < para.end and text[start].isspace():
                    start += 1
        if start < para.end:
            bounds.append((start, para.end))
    return bounds
