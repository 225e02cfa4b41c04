"""Entry points: one article or many in, structured extraction out."""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from apps.extraction.dates import find_timexes, resolve_expression

from . import syntax
from .actors import resolve_actors
from .events import read_events
from .gazetteer import Gazetteer, normalize, tokenize_folded
from .layout import analyse, sentence_bounds
from .nlp import detect_language, get_nlp, normalize_language, parse
from .quotes import QuoteReader, read_statements
from .records import ArticleInput, Extraction
from .topics import TopicMatcher, lemma_counts

EXTRACTOR_VERSION = "2025.1"
BATCH_SIZE = 16


def article_language(article: ArticleInput) -> str:
    """The article's declared language when supported, else the detected one."""
    return normalize_language(article.language) or detect_language(article.text)


def extract(article: ArticleInput, *, gazetteer: Gazetteer | None = None,
            topics: TopicMatcher | None = None) -> Extraction:
    """Read one article."""
    return extract_many([article], gazetteer=gazetteer, topics=topics)[0]


def extract_many(articles: Iterable[ArticleInput], *, gazetteer: Gazetteer | None = None,
                 topics: TopicMatcher | None = None) -> list[Extraction]:
    """Read many articles, one spaCy pass per article, batched per language through nlp.pipe.

    `gazetteer` and `topics` default to the shipped files; the worker passes the ones editors
    maintain in the database.
    """
    articles = list(articles)
    gaz = gazetteer or Gazetteer.from_file()
    topics = topics or TopicMatcher.from_file()
    languages = [article_language(a) for a in articles]
    results: list[Extraction | None] = [None] * len(articles)
    for language in sorted(set(languages)):
        indexes = [i for i, lang in enumerate(languages) if lang == language]
        nlp = get_nlp(language)
        docs = parse(nlp, (articles[i].text for i in indexes), batch_size=BATCH_SIZE)
        for i, doc in zip(indexes, docs):
            results[i] = _read(articles[i], doc, language, gaz, topics)
    return [r for r in results if r is not None]


def _byline_from_source(source: str | None) -> list[str]:
    m = re.search(r"byline:\s*([^,;)]+(?:\s+and\s+[^,;)]+)?)", source or "", re.I)
    return [n.strip() for n in re.split(r"\s+and\s+|\s+et\s+", m.group(1))] if m else []


def _title_day(title: str | None, published: datetime.date, language: str) -> datetime.date | None:
    """The day a page's title names in full, within a week of publication ("Public Schedule – December 8, 2025",
    « Agenda du mardi 8 avril »): the day its timed entries fall on. A weekday alone ("Tuesday's talks") or a
    day far from publication (an anniversary) is no page's day."""
    if not title:
        return None
    for t in find_timexes(title, published, language):
        if t.precision == "day" and t.date is not None and not t.anaphoric and any(ch.isdigit() for ch in t.text) \
                and abs((t.date - published).days) <= 7:
            return t.date
    return None


def _read(article: ArticleInput, doc, language: str, gaz: Gazetteer, topics: TopicMatcher) -> Extraction:
    text = article.text
    published = article.published
    layout = analyse(text, article.title)
    for name in _byline_from_source(article.source):
        if normalize(name) not in {normalize(a) for a in layout.authors}:
            layout.authors.append(name)
    _, tokens = tokenize_folded(text)
    table = resolve_actors(text, doc, tokens, gaz, layout, published)
    # journalists are never actors, even when the gazetteer or spaCy saw their names elsewhere
    author_forms = {normalize(a) for a in layout.authors}
    for key in [k for k, a in table.actors.items() if normalize(a.name) in author_forms]:
        del table.actors[key]
    table.mentions = [m for m in table.mentions if m.key in table.actors]
    # a date inside a name is no date: "Jean-Noël Barrot" says nothing of Christmas
    spans = [(m.start, m.end) for m in table.mentions]
    timexes = [t for t in find_timexes(text, published, language, clause_tense=syntax.directions_in(doc))
               if not any(s < t.end and t.start < e for s, e in spans)]
    sentences = sentence_bounds(text, layout)
    # one reader: after the statements it knows who spoke where, which resolves pronouns in events
    reader = QuoteReader(text, language, layout, table, gaz, sentences, timexes, published, resolve_expression,
                         doc=doc, article=article)
    statements = read_statements(text, language, layout, table, gaz, sentences, timexes, published,
                                 resolve_expression, reader=reader)
    events = read_events(doc, text, language, layout, table, timexes, published, resolve_expression,
                         reader.resolve_pronoun, statements, reader.story, resolve_office=reader.speakers.office_of,
                         counterpart=reader.speakers.counterpart, sourced=reader.sourced_words(),
                         turns=reader.turns, page_day=_title_day(article.title, published, language))
    _date_statements_by_events(statements, events, reader.story)
    with_lemmas = any(topics.lemmas.values())  # lemma rules are rare: count lemmas only if needed
    for st in statements:
        st.topics = topics.topics(st.text, language, _span_lemmas(doc, st.start, st.end) if with_lemmas else None)
    for ev in events:
        ev.topics = topics.topics(ev.evidence_text, language,
                                  _span_lemmas(doc, ev.evidence_start, ev.evidence_end) if with_lemmas else None)
    # a speaker named only by a document's title ("PM statement…") has no mention, but speaks
    speakers = {st.speaker for st in statements}
    actors = [a for a in table.actors.values() if a.mentions or a.key in speakers]
    return Extraction(article_id=article.id, language=language, extractor_version=EXTRACTOR_VERSION,
                      authors=list(layout.authors), actors=actors, statements=statements, events=events,
                      topics=topics.article_topics(article.title, text, language,
                                                   lemma_counts(doc) if with_lemmas else None))


def _span_lemmas(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return lemma_counts(span) if span is not None else None


def _date_statements_by_events(statements, events, story) -> None:
    """'a déclaré X lors de cette réunion', 'said after the meeting': words said at a dated event take its date.

    Only an event the sentence tells, not one planned or supposed in it: « a-t-il
    dit, sans préciser s'il pourrait se rendre à Washington d'ici à la fin du mois » was not said at that
    visit.
    """
    for st in statements:
        if not st.date_inferred:
            continue
        # (an event after a semicolon is the narrator's next clause: "stressed that…; in the spring he had called
        # off a trip to Moscow for the parade on May 9")
        semicolon = story.text.find(";", st.end, st.sentence_end)
        end = st.sentence_end if semicolon < 0 else semicolon
        outside = [o for o in _event_mentions(events) if st.sentence_start <= o[0] < end
                   and not (st.start <= o[0] < st.end)]
        dated = [ev for offset, ev in outside if ev.date and not ev.date_inferred and story.places_scene(offset, offset + 1, background=True)]
        if dated:
            st.date, st.date_precision, st.date_inferred = dated[0].date, dated[0].precision, False


def _event_mentions(events):
    """(offset, event) for every place the text names an event."""
    return [(offset, ev) for ev in events for offset in ev.trigger_offsets]


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def to_contract_json(extraction: Extraction) -> dict:
    """The JSON of the evaluation contract (see shared/eval/README.md)."""
    names = {a.key: a.name for a in extraction.actors}
    actors = []
    for a in extraction.actors:
        if a.described:
            continue  # "a senior official" speaks, but the gold lists only actors one can identify
        surfaces: list[str] = []
        for m in a.mentions:
            if m.text not in surfaces:
                surfaces.append(m.text)
        actors.append({"name": a.name, "kind": a.kind, "mentions": surfaces})
    statements = [{"speaker": names.get(s.speaker) if s.speaker else None, "text": s.text, "direct": s.direct,
                   "date": _iso(s.date)} for s in extraction.statements]
    events = [{"title": e.title, "kind": e.kind, "date": _iso(e.date),
               "date_precision": e.precision if e.date else "unknown", "status": e.status,
               "location": e.location, "participants": [names[p.key] for p in e.participants if p.key in names]}
              for e in extraction.events]
    return {"language": extraction.language, "actors": actors, "statements": statements, "events": events}
