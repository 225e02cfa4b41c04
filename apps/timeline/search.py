"""What a search means: the analyst's words, widened by the topics and actors they name.

A word that names a topic ("garanties", "security guarantees") or an actor ("Poutine") also
finds that topic's or actor's events and every name the records give it, in both languages: a
French query finds the English reports of the same event and the reverse. The vocabulary is the
records' own (topic names and keyword rules, actor names and aliases), read when the search runs,
so an editor's new alias widens search too; nothing here knows a word of its own.

Then, for the page in hand, where each result matched: its title or place, the sentence that
reports it, a quote, an article, or the topic or actor the words name, with a short snippet
highlighted by <mark> (PostgreSQL's ts_headline, or a Python snippet on SQLite). The news text
in a snippet is escaped here; only the <mark> tags are ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, Case, Func, Q, TextField, Value, When
from django.db.models.functions import Cast
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from apps.ingestion.models import Article, ArticleSearchDocument
from apps.records.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    ReviewState,
    Statement,
    Topic,
    normalize_name,
    search_document,
)
from apps.timeline.charts import topic_name

# Words that say nothing about what is sought ("the ceasefire", "les garanties"): a query is
# compared with the topics' and actors' names on its other words.
STOP_WORDS = frozenset(
    "a an and at by for from in of on or the to with au aux d de des du en et l la le les un une sur pour".split()
)
# Bounds on the widening, so one query never turns into hundreds of terms.
MAX_ACTORS = 5
MAX_PHRASES = 40
SNIPPET_CHARS = 160
# ts_headline marks matches with these; the text is escaped before they become <mark> tags.
# Private-use characters, which no news text carries (and are dropped from it if one does).
START_SEL, STOP_SEL = "\ue000", "\ue001"
HEADLINE_OPTIONS = {
    "start_sel": START_SEL, "stop_sel": STOP_SEL, "max_words": 24, "min_words": 12, "short_word": 2, "max_fragments": 1,
}
CONFIG_OF_LANGUAGE = {"fr": "french", "en": "english"}


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class SearchTerms:
    """The analyst's words and what they name: phrases to find too, topics and actors whose events match."""

    text: str
    phrases: tuple[tuple[str, str], ...] = ()  # (phrase, language: "en", "fr" or "" for both)
    topics: tuple[Topic, ...] = ()
    actors: tuple[Actor, ...] = ()

    @property
    def widened(self) -> bool:
        return bool(self.topics or self.actors)

    @property
    def exact_query(self) -> str:
        """The same words, quoted: searched as written, not widened."""
        return '"' + self.text.replace('"', "") + '"'

    @property
    def needles(self) -> list[str]:
        """Every string a plain-text match looks for (SQLite, snippets): the words, then the names."""
        seen, out = set(), []
        # A substring match has no operators: quotes asking for the exact words are dropped.
        for needle in [self.text.replace('"', "").strip(), *(phrase for phrase, _lang in self.phrases)]:
            key = needle.casefold()
            if needle and key not in seen:
                seen.add(key)
                out.append(needle)
        return out


def _words(text: str) -> list[str]:
    """Folded words, an elision apart ("l'Otan": "l", "otan"), without the stop words."""
    return [word for word in normalize_name(text).replace("'", " ").split() if word not in STOP_WORDS]


def _same_word(asked: str, named: str) -> bool:
    """A word of the query against a word of a name; a rule's trailing * matches any ending."""
    if named.endswith("*"):
        return asked.startswith(named[:-1])
    # Singular and plural name the same thing: "guarantee" / "guarantees", "garantie" / "garanties".
    return asked == named or (len(asked) > 3 and asked.rstrip("sx") == named.rstrip("sx"))


def _names_it(asked: list[str], name: str) -> bool:
    """True when every word asked is a word of the name ("garanties" names "garanties de sécurité")."""
    # normalize_name would drop the rule's "*", so fold each word and keep the star.
    named = [
        folded + ("*" if word.endswith("*") else "")
        for word in name.split()
        for folded in normalize_name(word.rstrip("*")).replace("'", " ").split()
    ]
    return all(any(_same_word(word, other) for other in named) for word in asked)


def topic_names(topic: Topic) -> list[tuple[str, str]]:
    """A topic's names and keyword rules, each with its language ("" for either)."""
    names = [(topic.name_en, "en"), (topic.name_fr, "fr")]
    for line in topic.keywords.splitlines():
        language, sep, rule = line.partition(":")
        if sep and language.strip() in CONFIG_OF_LANGUAGE:
            names.append((rule.strip(), language.strip()))
        elif line.strip():
            names.append((line.strip(), ""))
    return [(name, language) for name, language in names if name]


def expand(text: str) -> SearchTerms:
    """The search for these words: widened by the topics and actors they name, unless asked exactly.

    Quotes, a minus or OR mean the analyst wrote a precise query: it is searched as written.
    A topic is named when every word asked is a word of one of its names or rules; an actor when
    the words are its name or one of its aliases, whole ("Poutine", "Vladimir Putin"), or a
    person's surname ("Putin"): any part of a name ("president", "Vladimir") would pull in every
    president's events.
    """
    if not text or re.search(r'["]|(^|\s)-\S|\bOR\b', text):
        return SearchTerms(text=text)
    asked = _words(text)
    if not asked:
        return SearchTerms(text=text)
    phrases: list[tuple[str, str]] = []
    topics = []
    for topic in Topic.objects.only("pk", "slug", "name_en", "name_fr", "keywords"):
        names = topic_names(topic)
        if any(_names_it(asked, name) for name, _language in names):
            topics.append(topic)
            phrases += [(name.rstrip("*"), language) for name, language in names]
    folded = normalize_name(text)
    # The alias through its unique index on `normalized`, not a join: a join with an OR would
    # compare every actor with every alias.
    whole_name = Q(name__iexact=text) | Q(pk__in=Alias.objects.filter(normalized=folded).values("actor_id"))
    if len(folded.split()) == 1:
        # A person's surname names them ("Putin", "Zelensky"), as analysts write it.
        whole_name |= Q(kind=Actor.Kind.PERSON, name__iendswith=f" {text.strip()}")
    named = (
        Actor.objects.filter(merged_into__isnull=True)
        .exclude(review_state=ReviewState.REJECTED)
        .filter(whole_name)
        .order_by("pk")
        .values("pk")[:MAX_ACTORS]
    )
    # One query for the actors and all their names (a LEFT JOIN: an actor may have no alias).
    actors: dict[int, Actor] = {}
    rows = Actor.objects.filter(pk__in=named).order_by("pk").values_list("pk", "name", "kind", "aliases__name")
    for pk, name, kind, alias in rows:
        if pk not in actors:
            actors[pk] = Actor(pk=pk, name=name, kind=kind)
            phrases.append((name, ""))
        if alias:
            phrases.append((alias, ""))
    unique, seen = [], {normalize_name(text)}
    for phrase, language in phrases:
        key = (normalize_name(phrase), language)
        if key[0] and key not in seen and key[0] not in seen:
            seen.add(key)
            unique.append((phrase, language))
    return SearchTerms(text=text, phrases=tuple(unique[:MAX_PHRASES]), topics=tuple(topics), actors=tuple(actors.values()))


# --- Matching ----------------------------------------------------------------------------------


def ts_query(terms: SearchTerms) -> SearchQuery:
    """The analyst's words as a web query, or any of the names as a phrase, in English and French."""
    query = (SearchQuery(terms.text, config="english", search_type="websearch")
             | SearchQuery(terms.text, config="french", search_type="websearch"))
    for phrase, language in terms.phrases:
        for lang in [language] if language else ["en", "fr"]:
            query |= SearchQuery(phrase, config=CONFIG_OF_LANGUAGE[lang], search_type="phrase")
    return query


def text_match(fields, terms: SearchTerms):
    """A condition on some text fields: full-text on PostgreSQL (the GIN index's document), icontains on SQLite."""
    if uses_postgres():
        return SearchVectorExact(search_document(*fields), ts_query(terms))
    condition = Q()
    for needle in terms.needles:
        for name in fields:
            condition |= Q(**{f"{name}__icontains": needle})
    return condition


# Phrase operators of a tsquery: "<->" (next word), "<N>" (N words on).
PHRASE_OPERATOR = r"<(\d+|-)>"
# What websearch_to_tsquery turns into a negation: a word with a minus before it.
NEGATION = re.compile(r"(^|\s)-\S")


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def loosely_matches(fields, terms: SearchTerms) -> Q | None:
    """Rows whose document matches the search with each phrase loosened to all its words (PostgreSQL).

    A tsquery with a phrase in it (the names `expand` adds are phrases) makes PostgreSQL re-parse
    every row its GIN index finds, because the index keeps no word positions: "prisoner exchange"
    re-parsed the titles of 7,000 events for a page of 30 (600 ms at 100k events). "a & b" holds
    wherever "a <-> b" does, so the loosened query finds a superset of the rows straight from the
    index, without re-parsing; the exact query then only checks the few rows a page reads. The
    loosening is done in SQL on constants, which the planner folds into one tsquery for the index.
    None when there is no phrase (plain words and no names: the exact query is as cheap), or when
    loosening would not give a superset (a negation: "!(a <-> b)" is not within "!(a & b)").
    """
    if not uses_postgres() or NEGATION.search(terms.text):
        return None
    if not terms.phrases and not re.search(r"[^\w\s]", terms.text):
        return None  # the parser makes phrases of quotes and of words joined by punctuation only
    loose = Func(Cast(ts_query(terms), TextField()), Value(PHRASE_OPERATOR), Value("&"), Value("g"),
                 function="regexp_replace", output_field=TextField())
    return Q(_Matches(search_document(*fields), Cast(loose, SearchQueryField())))


def article_match(terms: SearchTerms):
    """Articles whose title or text match: on PostgreSQL through the stored document (ingestion 0007)."""
    if uses_postgres():
        return SearchVectorExact(ArticleSearchDocument(), ts_query(terms))
    return text_match(("title", "text"), terms)


def named_event_ids(terms: SearchTerms) -> list:
    """Ids (as `event_id` subqueries) of the events of the named topics and of those the named actors took part in."""
    sets = []
    if terms.topics:
        sets.append(Event.topics.through.objects.filter(topic__in=[t.pk for t in terms.topics]).values("event_id"))
    if terms.actors:
        sets.append(EventParticipant.objects.filter(actor__in=[a.pk for a in terms.actors]).values("event_id"))
    return sets


def events_named(terms: SearchTerms) -> Q | None:
    """Events of the topics or with the actors the words name (None when they name none)."""
    condition = None
    for ids in named_event_ids(terms):
        condition = Q(pk__in=ids) if condition is None else condition | Q(pk__in=ids)
    return condition


def statements_named(terms: SearchTerms) -> Q | None:
    """Statements the named actors made, or about the named topics."""
    condition = None
    if terms.topics:
        about = Statement.topics.through.objects.filter(topic__in=[t.pk for t in terms.topics]).values("statement_id")
        condition = Q(pk__in=about)
    if terms.actors:
        by = Q(speaker__in=[a.pk for a in terms.actors])
        condition = by if condition is None else condition | by
    return condition


# --- Where each result matched -----------------------------------------------------------------


@dataclass
class Match:
    """Where a result matched, for its card: a label and a highlighted snippet (safe HTML)."""

    where: str
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))


def marked(text: str) -> SafeString:
    """ts_headline's output as HTML: the text escaped, its match markers turned into <mark>."""
    out, inside = [], False
    for part in re.split(f"([{START_SEL}{STOP_SEL}])", text):
        if part == START_SEL and not inside:
            out.append("<mark>")
            inside = True
        elif part == STOP_SEL and inside:
            out.append("</mark>")
            inside = False
        elif part not in (START_SEL, STOP_SEL):
            out.append(str(conditional_escape(part)))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))


def python_snippet(text: str, needles: list[str], *, width: int = SNIPPET_CHARS) -> SafeString | None:
    """The stretch of text around the first match of any needle, every match in it marked; None if none."""
    text = text.replace(START_SEL, "").replace(STOP_SEL, "")
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True) if n), re.IGNORECASE)
    first = pattern.search(text) if pattern.pattern else None
    if first is None:
        return None
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    # Cut at word boundaries, not inside a word.
    if start > 0:
        start = text.find(" ", start, first.start()) + 1 or start
    if end < len(text):
        end = text.rfind(" ", first.end(), end) if text.rfind(" ", first.end(), end) > 0 else end
    window = text[start:end]
    with_markers = pattern.sub(lambda m: f"{START_SEL}{m.group(0)}{STOP_SEL}", window)
    return marked(("… " if start > 0 else "") + with_markers + (" …" if end < len(text) else ""))


def _headline(expression: str, terms: SearchTerms, language_field: str | None):
    """ts_headline of a field, parsed in its article's language (English when none is known)."""
    query = ts_query(terms)
    english = SearchHeadline(expression, query, config="english", **HEADLINE_OPTIONS)
    if language_field is None:
        return english
    french = SearchHeadline(expression, query, config="french", **HEADLINE_OPTIONS)
    return Case(When(**{language_field: "fr"}, then=french), default=english)


def _snippet_rows(queryset, text_field: str, terms: SearchTerms, *, language_field: str | None, values: tuple):
    """(values…, snippet) for each row: ts_headline on PostgreSQL, a Python snippet elsewhere."""
    if uses_postgres():
        rows = queryset.annotate(headline=_headline(text_field, terms, language_field)).values_list(*values, "headline")
        for *row, headline in rows:
            snippet = marked(headline) if START_SEL in headline else None
            yield (*row, snippet)
        return
    needles = terms.needles
    for *row, text in queryset.values_list(*values, text_field):
        yield (*row, python_snippet(text, needles))


def explain(events: list, terms: SearchTerms) -> None:
    """Set `event.match` on each event of a search page: where its words were found, with a snippet.

    A fixed number of queries whatever the page's length: one per place a lower tier can match
    (titles, sentences, quotes, articles), each for the page's events only.
    """
    left = {event.pk: event for event in events}

    def found(pk, where, snippet):
        event = left.pop(pk, None)
        if event is not None and snippet is not None:
            event.match = Match(where=where, snippet=snippet)
        elif event is not None:
            left[pk] = event

    tier = {event.pk: getattr(event, "relevance", 0) for event in events}
    own = [pk for pk in left if tier[pk] == 2]
    if own:
        titles = Event.objects.filter(pk__in=own)
        for pk, snippet in _snippet_rows(titles, "title", terms, language_field=None, values=("pk",)):
            found(pk, _("Title"), snippet)
        unexplained = [pk for pk in own if pk in left]
        if unexplained:
            places = Event.objects.filter(pk__in=unexplained).exclude(location="")
            for pk, snippet in _snippet_rows(places, "location", terms, language_field=None, values=("pk",)):
                found(pk, _("Place"), snippet)
    reported = [pk for pk in left if tier[pk] >= 1]
    if reported:
        sentences = EventEvidence.objects.filter(
            Q(text_match(("sentence",), terms)), event__in=reported
        ).order_by("event_id", "pk")
        for pk, snippet in _snippet_rows(sentences, "sentence", terms, language_field="article__language",
                                         values=("event_id",)):
            found(pk, _("Reported"), snippet)
    for event in [e for e in left.values() if tier[e.pk] >= 1]:
        # Found by what it is about or who took part: the card's own chips say which.
        topic = next((t for t in event.topics.all() if t.pk in {n.pk for n in terms.topics}), None)
        person = next((p.actor for p in event.participants.all() if p.actor_id in {a.pk for a in terms.actors}), None)
        if topic is not None:
            event.match = Match(where=_("Topic"), snippet=conditional_escape(_topic_label(topic)))
        elif person is not None:
            event.match = Match(where=_("Took part"), snippet=conditional_escape(person.name))
        if topic is not None or person is not None:
            left.pop(event.pk)
    if not left:
        return
    quotes = Statement.objects.visible().filter(Q(text_match(("text",), terms)), event__in=list(left)).order_by("event_id", "pk")
    for pk, snippet in _snippet_rows(quotes, "text", terms, language_field="article__language", values=("event_id",)):
        found(pk, _("Quote"), snippet)
    if not left:
        return
    articles = (
        EventEvidence.objects.filter(event__in=list(left), article__in=Article.objects.filter(article_match(terms)).values("pk"))
        .order_by("event_id", "article_id")
    )
    rows = _snippet_rows(articles, "article__text", terms, language_field="article__language",
                         values=("event_id", "article__title"))
    for pk, title, snippet in rows:
        if pk in left:
            found(pk, _("Article: %(title)s") % {"title": title}, snippet or python_snippet(title, terms.needles))


def _topic_label(topic: Topic) -> str:
    return topic_name(topic)
