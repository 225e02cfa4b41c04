"""Fill the database with synthetic talks at scale, for benchmarks and load tests.

    manage.py generate_synthetic                       # 100k events, 500k statements, 50k articles, 5k actors
    manage.py generate_synthetic --events 1000 --statements 5000 --articles 500 --actors 50 --seed 7
    manage.py generate_synthetic --delete              # remove every synthetic row again

The shapes follow the real data: two years of dates that thicken as the talks intensify, a
few actors (Zelensky, Putin, Trump…) in a large share of events and a long tail seen once or
twice, French and English articles whose text really contains the evidence sentences and the
quotes at the recorded character offsets, so search and provenance behave as on real data.

Every synthetic row is marked so it can be told apart and removed: articles belong to the
Source named "synthetic", actors have a gazetteer_key starting "synthetic:", and events,
statements, evidence and mentions carry extractor_version "synthetic".

Speed: rows are built in memory from one seeded random generator (same seed, same data) and
written with PostgreSQL COPY (about a minute for the full size); other databases get
bulk_create in batches. Row histories (django-simple-history) are deliberately not written:
nobody edited these rows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from bisect import bisect_left
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, models, transaction

from apps.ingestion.models import Article, Source, content_hash
from apps.records import kinds as event_kinds
from apps.records.models import (
    Actor,
    Alias,
    DatePrecision,
    Event,
    EventEvidence,
    EventParticipant,
    Mention,
    ReviewState,
    Statement,
    Topic,
    normalize_name,
)

MARK = "synthetic"
SOURCE_NAME = "synthetic"
ACTOR_KEY_PREFIX = "synthetic:"
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 731  # two years: 2024-01-01 to 2025-12-31

# The head of the actor distribution: who really fills the news about the talks.
# (name, kind, country, role, aliases)
HEAD_ACTORS = [
    ("Volodymyr Zelensky", "person", "UA", "President of Ukraine", ["Zelensky", "Zelenskyy", "Volodymyr Zelenskyy"]),
    ("Vladimir Putin", "person", "RU", "President of Russia", ["Putin", "Poutine", "Vladimir Poutine"]),
    ("Donald Trump", "person", "US", "President of the United States", ["Trump"]),
    ("Emmanuel Macron", "person", "FR", "President of France", ["Macron"]),
    ("Ukraine", "country", "UA", "", ["Kyiv", "Kiev"]),
    ("Russia", "country", "RU", "", ["Russie", "Moscow", "Moscou"]),
    ("United States", "country", "US", "", ["USA", "États-Unis", "Washington"]),
    ("Steve Witkoff", "person", "US", "US special envoy", ["Witkoff"]),
    ("Sergei Lavrov", "person", "RU", "Foreign Minister of Russia", ["Lavrov", "Sergueï Lavrov"]),
    ("Keir Starmer", "person", "GB", "Prime Minister of the United Kingdom", ["Starmer"]),
    ("Marco Rubio", "person", "US", "US Secretary of State", ["Rubio"]),
    ("NATO", "organization", "", "", ["OTAN", "North Atlantic Treaty Organization"]),
    ("European Union", "organization", "", "", ["EU", "UE", "Union européenne"]),
    ("Friedrich Merz", "person", "DE", "Chancellor of Germany", ["Merz"]),
    ("Andrii Yermak", "person", "UA", "Head of the Presidential Office of Ukraine", ["Yermak", "Iermak"]),
    ("Dmitry Peskov", "person", "RU", "Kremlin spokesman", ["Peskov", "Dmitri Peskov"]),
    ("Rustem Umerov", "person", "UA", "Secretary of Ukraine's Security Council", ["Umerov", "Oumerov"]),
    ("Keith Kellogg", "person", "US", "US envoy for Ukraine", ["Kellogg"]),
    ("Recep Tayyip Erdoğan", "person", "TR", "President of Turkey", ["Erdogan", "Erdoğan"]),
    ("Mark Rutte", "person", "NL", "NATO Secretary General", ["Rutte"]),
    ("Ursula von der Leyen", "person", "DE", "President of the European Commission", ["von der Leyen"]),
    ("Giorgia Meloni", "person", "IT", "Prime Minister of Italy", ["Meloni"]),
    ("Kirill Dmitriev", "person", "RU", "Russian investment envoy", ["Dmitriev", "Kirill Dmitriev"]),
    ("Yuri Ushakov", "person", "RU", "Kremlin foreign policy aide", ["Ushakov", "Iouri Ouchakov"]),
    ("JD Vance", "person", "US", "Vice President of the United States", ["Vance"]),
    ("Kaja Kallas", "person", "EE", "EU foreign policy chief", ["Kallas"]),
    ("Alexander Stubb", "person", "FI", "President of Finland", ["Stubb"]),
    ("Donald Tusk", "person", "PL", "Prime Minister of Poland", ["Tusk"]),
    ("Mohammed bin Salman", "person", "SA", "Crown Prince of Saudi Arabia", ["MBS"]),
    ("Coalition of the Willing", "group", "", "", ["coalition des volontaires"]),
    ("France", "country", "FR", "", ["Paris"]),
    ("United Kingdom", "country", "GB", "", ["UK", "Royaume-Uni", "London", "Londres"]),
    ("Germany", "country", "DE", "", ["Allemagne", "Berlin"]),
    ("Turkey", "country", "TR", "", ["Turquie", "Ankara"]),
    ("Saudi Arabia", "country", "SA", "", ["Arabie saoudite", "Riyadh", "Riyad"]),
    ("United Nations", "organization", "", "", ["UN", "ONU", "Nations unies"]),
    ("IAEA", "organization", "", "", ["AIEA", "Rafael Grossi's agency"]),
    ("G7", "group", "", "", []),
]

FIRST_NAMES = [
    "Anna", "Olena", "Iryna", "Mykola", "Taras", "Oksana", "Dmytro", "Sergei", "Elena", "Pavel", "Olga",
    "Igor", "Marie", "Camille", "Jean", "Claire", "Pierre", "Sophie", "James", "Emily", "Thomas", "Laura",
    "Michael", "Sarah", "Lukas", "Katrin", "Jan", "Agnieszka", "Piotr", "Marta", "Mehmet", "Ayşe", "Giulia",
    "Marco", "Ingrid", "Mikko", "Liis", "Andrius", "Ahmed", "Fatima", "Hans", "Nadia", "Viktor", "Yulia",
]
LAST_NAMES = [
    "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Ivanov", "Smirnov", "Volkov", "Petrov",
    "Sokolova", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Smith", "Johnson", "Brown", "Walker",
    "Hughes", "Müller", "Schmidt", "Becker", "Nowak", "Kowalski", "Wiśniewska", "Yılmaz", "Demir", "Rossi",
    "Bianchi", "Larsen", "Virtanen", "Tamm", "Kazlauskas", "Al-Rashid", "Haddad", "Novak", "Horvat",
]
COUNTRIES = ["UA", "RU", "US", "FR", "GB", "DE", "PL", "TR", "IT", "FI", "EE", "LT", "SA", "NL", "BE", "CH", "HU", "SK", "CN", "IN"]
ROLES = [
    "Deputy Foreign Minister", "Ambassador", "Member of Parliament", "Military spokesman", "Negotiator",
    "National Security Adviser", "Defence Minister", "Governor", "Analyst", "Envoy", "Chief of Staff",
]
ORG_WORDS = ["Council", "Agency", "Committee", "Institute", "Mission", "Fund", "Directorate", "Delegation"]

# (slug, English name, French name, as an English sentence says it, as a French one does);
# the first are the most common.
TOPICS = [
    ("ceasefire", "Ceasefire", "Cessez-le-feu", "a ceasefire", "un cessez-le-feu"),
    ("security-guarantees", "Security guarantees", "Garanties de sécurité", "security guarantees", "les garanties de sécurité"),
    ("territory", "Territorial questions", "Questions territoriales", "the occupied territories", "les territoires occupés"),
    ("prisoner-exchange", "Prisoner exchanges", "Échanges de prisonniers", "a prisoner exchange", "un échange de prisonniers"),
    ("sanctions", "Sanctions", "Sanctions", "new sanctions", "de nouvelles sanctions"),
    ("energy", "Energy infrastructure", "Infrastructures énergétiques", "energy infrastructure", "les infrastructures énergétiques"),
    ("nuclear-safety", "Nuclear safety", "Sûreté nucléaire", "the Zaporizhzhia nuclear plant", "la centrale nucléaire de Zaporijjia"),
    ("reassurance-force", "Reassurance force", "Force de réassurance", "a reassurance force", "une force de réassurance"),
    ("black-sea", "Black Sea shipping", "Navigation en mer Noire", "Black Sea shipping", "la navigation en mer Noire"),
    ("frozen-assets", "Frozen Russian assets", "Avoirs russes gelés", "frozen Russian assets", "les avoirs russes gelés"),
    ("humanitarian", "Humanitarian aid", "Aide humanitaire", "humanitarian aid", "l'aide humanitaire"),
    ("nato-membership", "NATO membership", "Adhésion à l'OTAN", "NATO membership", "l'adhésion à l'OTAN"),
    ("elections", "Elections in Ukraine", "Élections en Ukraine", "elections in Ukraine", "des élections en Ukraine"),
    ("reconstruction", "Reconstruction", "Reconstruction", "reconstruction", "la reconstruction"),
]

CITIES = [
    ("Kyiv", "Kyiv"), ("Moscow", "Moscou"), ("Washington", "Washington"), ("Paris", "Paris"), ("London", "Londres"),
    ("Riyadh", "Riyad"), ("Istanbul", "Istanbul"), ("Geneva", "Genève"), ("Brussels", "Bruxelles"),
    ("Berlin", "Berlin"), ("Rome", "Rome"), ("Warsaw", "Varsovie"), ("Jeddah", "Djeddah"), ("Abu Dhabi", "Abou Dhabi"),
    ("Anchorage", "Anchorage"), ("Helsinki", "Helsinki"), ("The Hague", "La Haye"), ("Miami", "Miami"),
]

# Kind weights and title templates; {a} and {b} are participants, {c} a city, {t} a topic.
KINDS = {
    "meeting": (24, "{a} meets {b} in {c} for talks on {t}", "{a} rencontre {b} à {c} pour des discussions sur {t}"),
    "call": (15, "{a} and {b} discuss {t} by phone", "Entretien téléphonique entre {a} et {b} sur {t}"),
    "statement": (14, "{a} comments on {t}", "{a} s'exprime sur {t}"),
    "negotiation": (9, "Delegations of {a} and {b} negotiate on {t} in {c}", "Les délégations de {a} et {b} négocient sur {t} à {c}"),
    "visit": (8, "{a} visits {c}", "{a} en visite à {c}"),
    "press_conference": (8, "{a} holds a press conference on {t} in {c}", "Conférence de presse de {a} sur {t} à {c}"),
    "announcement": (8, "{a} announces a new plan on {t}", "{a} annonce un nouveau plan sur {t}"),
    "military_action": (6, "Strikes reported near {c} despite talks on {t}", "Frappes signalées près de {c} malgré les discussions sur {t}"),
    "sanction": (4, "{a} announces sanctions against {b}", "{a} annonce des sanctions contre {b}"),
    "agreement": (2, "{a} and {b} sign an agreement on {t}", "{a} et {b} signent un accord sur {t}"),
    "other": (2, "{a} and {b}: developments on {t}", "{a} et {b} : nouveaux développements sur {t}"),
}
PLOVER = event_kinds.PLOVER  # the kinds table's, as the extraction stores them

QUOTE_PARTS = {
    "en": (
        ["We are ready to", "We will not", "It is time to", "Nobody should", "We must", "Our partners agreed to",
         "The other side refuses to", "We are working to", "There is a real chance to", "We cannot accept a deal that fails to"],
        ["discuss", "guarantee", "secure", "negotiate on", "settle", "protect", "move forward on", "talk about"],
        ["a lasting peace", "the front line", "our sovereignty", "the interests of our people", "a fair settlement",
         "European security", "the next round of talks", "the safety of civilians"],
    ),
    "fr": (
        ["Nous sommes prêts à", "Nous n'allons pas", "Il est temps de", "Personne ne doit", "Nous devons",
         "Nos partenaires ont accepté de", "L'autre partie refuse de", "Nous travaillons à", "Il existe une vraie chance de",
         "Nous ne pouvons accepter un accord qui ne permet pas de"],
        ["discuter", "garantir", "sécuriser", "négocier", "régler", "protéger", "avancer sur", "parler de"],
        ["une paix durable", "la ligne de front", "notre souveraineté", "les intérêts de notre peuple",
         "un règlement juste", "la sécurité européenne", "le prochain cycle de négociations", "la sécurité des civils"],
    ),
}
SAID = {"en": ("{s} said: “{q}.”", "According to {s}, {q}."), "fr": ("{s} a déclaré : « {q}. »", "Selon {s}, {q}.")}
PARTNERS = {"en": "its partners", "fr": "ses partenaires"}
# The last line makes every text unique (articles are unique by content hash).
SIGNATURES = {"en": "Reporting by the synthetic desk, story {n}.", "fr": "Rédaction synthétique, dépêche {n}."}
LEADS = {
    "en": ["Diplomatic efforts to end the war continued on {d}.", "Officials gave new details about the talks on {d}.",
           "The following was reported on {d}."],
    "fr": ["Les efforts diplomatiques pour mettre fin à la guerre se sont poursuivis le {d}.",
           "Des responsables ont donné de nouveaux détails sur les négociations le {d}.",
           "Voici ce qui a été rapporté le {d}."],
}


def zipf_cum_weights(n: int, exponent: float) -> list[float]:
    """Cumulative weights for rank-frequency sampling: rank 1 is drawn far more than rank n."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


class Writer:
    """Insert rows as plain tuples: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self, batch_size: int):
        self.batch_size = batch_size
        self.copy = connection.vendor == "postgresql"

    def write(self, model, attnames: list[str], rows) -> int:
        count = 0
        if self.copy:
            # Fields the caller leaves out get their Python default, so a column added by a later
            # migration (with a default) does not break the generator.
            fields = [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]
            given = set(attnames)
            missing = [f for f in fields if f.attname not in given and not (f.primary_key and "id" not in given)]
            extra = tuple(f.get_db_prep_save(f.get_default(), connection) for f in missing)
            columns = ", ".join(connection.ops.quote_name(f.column) for f in
                                [model._meta.get_field(a) for a in attnames] + missing)
            sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
            with connection.cursor() as cursor, cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row + extra if extra else row)
                    count += 1
        else:
            batch = []
            for row in rows:
                batch.append(model(**dict(zip(attnames, row))))
                if len(batch) >= self.batch_size:
                    model.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            model.objects.bulk_create(batch)
            count += len(batch)
        return count


def next_id(model) -> int:
    return (model.objects.aggregate(top=models.Max("id"))["top"] or 0) + 1


class Command(BaseCommand):
    help = "Generate synthetic actors, articles, events and statements at scale (seeded, removable)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=100_000)
        parser.add_argument("--statements", type=int, default=500_000)
        parser.add_argument("--articles", type=int, default=50_000)
        parser.add_argument("--actors", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument("--append", action="store_true", help="Add to a database that already has data.")
        parser.add_argument("--delete", action="store_true", help="Remove every synthetic row and stop.")
        parser.add_argument("--batch-size", type=int, default=2000, help="bulk_create batch (non-PostgreSQL).")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["delete"]:
            with transaction.atomic():
                counts = delete_synthetic()
            self.stdout.write("Deleted " + ", ".join(f"{n} {name}" for name, n in counts.items()))
            return
        sizes = {k: options[k] for k in ("events", "statements", "articles", "actors")}
        if any(n < 0 for n in sizes.values()):
            raise CommandError("Sizes must be zero or more.")
        if sizes["articles"] < 1 or sizes["actors"] < 1:
            raise CommandError("Synthetic data needs at least one article and one actor.")
        if not options["append"] and _has_data():
            raise CommandError(
                "The database already holds events, statements, articles or actors. "
                "Use --append to add synthetic rows to it anyway (remove them later with --delete)."
            )
        started = time.monotonic()
        generator = Generator(seed=options["seed"], writer=Writer(options["batch_size"]), log=self._log, **sizes)
        with transaction.atomic():
            counts = generator.run()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner guesses on a table it believes is empty.
            tables = [m._meta.db_table for m in (Actor, Alias, Article, Article.topics.through, Event,
                      Event.topics.through, EventParticipant, EventEvidence, Statement,
                      Statement.topics.through, Mention)]
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated {summary} in {time.monotonic() - started:.1f}s."))

    def _log(self, message: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(message)


def _has_data() -> bool:
    return any(model.objects.exists() for model in (Event, Statement, Article, Actor))


class Generator:
    """Build and write one seeded synthetic dataset."""

    def __init__(self, *, seed: int, writer: Writer, log, events: int, statements: int, articles: int, actors: int):
        self.rnd = random.Random(seed)
        self.writer = writer
        self.log = log
        self.n_events, self.n_statements, self.n_articles, self.n_actors = events, statements, articles, actors
        self.counts: dict[str, int] = {}

    def run(self) -> dict[str, int]:
        self.day_cum = self._day_weights()
        self._topics()
        self._actors()
        self._articles_skeleton()
        self._events()
        self._statements()
        self._write_articles()
        self._write_rest()
        self._reset_sequences()
        return self.counts

    # --- Distributions ---------------------------------------------------------------------

    def _day_weights(self) -> list[float]:
        """Day intensity over two years: slow at first, thicker in 2025, with summit spikes."""
        weights = [1.0 + 4.0 * (d / DAYS) ** 2 for d in range(DAYS)]
        for _ in range(12):
            spike = self.rnd.randrange(DAYS)
            for d in range(spike, min(DAYS, spike + 3)):
                weights[d] *= 4.0
        return list(itertools.accumulate(weights))

    def _random_day(self) -> int:
        return bisect_left(self.day_cum, self.rnd.random() * self.day_cum[-1])

    def _now(self, day: int) -> dt.datetime:
        date = FIRST_DAY + dt.timedelta(days=day)
        return dt.datetime(date.year, date.month, date.day, self.rnd.randrange(5, 23), self.rnd.randrange(60),
                           tzinfo=dt.timezone.utc)

    # --- Topics and actors -----------------------------------------------------------------

    def _topics(self) -> None:
        # Topics are shared reference data (the extractor's rules): reuse existing slugs.
        self.topic_ids, self.topic_words = [], []
        for slug, name_en, name_fr, phrase_en, phrase_fr in TOPICS:
            topic, _ = Topic.objects.get_or_create(
                slug=slug, defaults={"name_en": name_en, "name_fr": name_fr, "keywords": f"{phrase_en}\n{phrase_fr}"}
            )
            self.topic_ids.append(topic.pk)
            self.topic_words.append({"en": phrase_en, "fr": phrase_fr})
        self.topic_cum = zipf_cum_weights(len(self.topic_ids), 0.8)

    def _pick_topics(self, k_max: int) -> list[int]:
        k = self.rnd.choice((1, 1, 1, 2, 2, 3))
        picked = self.rnd.choices(range(len(self.topic_ids)), cum_weights=self.topic_cum, k=min(k, k_max))
        return sorted(set(picked))

    def _actors(self) -> None:
        rnd = self.rnd
        start = next_id(Actor)
        taken = set(Alias.objects.values_list("normalized", flat=True)) if Alias.objects.exists() else set()
        actors, aliases = [], []
        self.actor_names: list[str] = []
        self.actor_kind: list[str] = []
        stamp = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
        for i in range(self.n_actors):
            if i < len(HEAD_ACTORS):
                name, kind, country, role, alias_names = HEAD_ACTORS[i]
            else:
                roll = rnd.random()
                country = rnd.choice(COUNTRIES)
                if roll < 0.85:
                    kind = "person"
                    name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
                    role = rnd.choice(ROLES)
                    alias_names = [name.split(" ", 1)[1]] if rnd.random() < 0.3 else []
                else:
                    kind = "organization" if roll < 0.97 else "group"
                    name = f"{country} {rnd.choice(ORG_WORDS)} {i}"
                    role = ""
                    alias_names = []
            actor_id = start + i
            review = ReviewState.VERIFIED if i < len(HEAD_ACTORS) else rnd.choice(
                (ReviewState.UNREVIEWED,) * 8 + (ReviewState.VERIFIED,) * 2)
            actors.append((actor_id, name, kind, country, role, f"{ACTOR_KEY_PREFIX}{actor_id}", MARK,
                           1.0 if review == ReviewState.VERIFIED else round(rnd.uniform(0.5, 0.99), 2),
                           review, stamp, stamp))
            self.actor_names.append(name)
            self.actor_kind.append(kind)
            for alias in [name, *alias_names]:
                key = normalize_name(alias)
                if key and key not in taken:
                    taken.add(key)
                    language = "fr" if alias != name and any(ch in alias for ch in "éèêçÉ") else ""
                    aliases.append((actor_id, alias, key, language, "machine", stamp))
        self.actor_start = start
        # A few actors are in a large share of events: Zipf over the actors in list order.
        self.actor_cum = zipf_cum_weights(self.n_actors, 1.05)
        persons = [i for i, k in enumerate(self.actor_kind) if k == "person"] or list(range(self.n_actors))
        self.speakers = persons
        self.speaker_cum = zipf_cum_weights(len(persons), 1.0)
        self.counts["actors"] = self.writer.write(
            Actor,
            ["id", "name", "kind", "country", "role", "gazetteer_key", "extractor_version", "confidence",
             "review_state", "created_at", "updated_at"],
            actors,
        )
        self.counts["aliases"] = self.writer.write(
            Alias, ["actor_id", "name", "normalized", "language", "origin", "created_at"], aliases)
        self.log(f"actors: {len(actors)}, aliases: {len(aliases)}")

    def _pick_actors(self, k: int) -> list[int]:
        """k distinct actor indexes, popular ones far more often."""
        chosen: list[int] = []
        for index in self.rnd.choices(range(self.n_actors), cum_weights=self.actor_cum, k=k * 3):
            if index not in chosen:
                chosen.append(index)
                if len(chosen) == k:
                    break
        return chosen

    # --- Articles: dates and languages first, text once everything that quotes them is known ----

    def _articles_skeleton(self) -> None:
        rnd = self.rnd
        self.article_start = next_id(Article)
        self.article_day = sorted(self._random_day() for _ in range(self.n_articles))
        self.article_lang = [("en" if rnd.random() < 0.55 else "fr") for _ in range(self.n_articles)]
        self.article_sentences: list[list[tuple]] = [[] for _ in range(self.n_articles)]
        self.articles_by_day: dict[int, list[int]] = defaultdict(list)
        for index, day in enumerate(self.article_day):
            self.articles_by_day[day].append(index)
        self.article_days_sorted = sorted(self.articles_by_day)

    def _article_near(self, day: int) -> int:
        """An article published on that day, or on the nearest day that has one."""
        days = self.article_days_sorted
        pos = bisect_left(days, day)
        if pos == len(days) or (pos > 0 and day - days[pos - 1] < days[pos] - day):
            pos -= 1
        return self.rnd.choice(self.articles_by_day[days[pos]])

    # --- Events ----------------------------------------------------------------------------

    def _events(self) -> None:
        rnd = self.rnd
        start = next_id(Event)
        kinds = list(KINDS)
        kind_cum = list(itertools.accumulate(KINDS[k][0] for k in kinds))
        events, participants, event_topics = [], [], []
        self.evidence: list[tuple] = []  # (event_id, article_index, sentence_index)
        self.article_events: dict[int, list[int]] = defaultdict(list)
        for i in range(self.n_events):
            event_id = start + i
            kind = rnd.choices(kinds, cum_weights=kind_cum)[0]
            day = self._random_day()
            status = "occurred"
            roll = rnd.random()
            if roll < 0.10:
                status = "planned"
            elif roll < 0.13:
                status = "cancelled"
            precision = rnd.choices(("day", "week", "month", "year", "unknown"), cum_weights=(88, 92, 97, 98, 100))[0]
            date = FIRST_DAY + dt.timedelta(days=day)
            if precision == "week":
                date -= dt.timedelta(days=date.weekday())
            elif precision == "month":
                date = date.replace(day=1)
            elif precision == "year":
                date = date.replace(month=1, day=1)
            elif precision == "unknown" and rnd.random() < 0.5:
                date = None
            actor_indexes = self._pick_actors(rnd.choice((1, 2, 2, 2, 3, 3, 4)) if kind != "visit" else 1)
            topic_indexes = self._pick_topics(2)
            city_en, city_fr = rnd.choice(CITIES)
            language = "en" if rnd.random() < 0.55 else "fr"
            names = [self.actor_names[a] for a in actor_indexes] + [PARTNERS[language]]
            template = KINDS[kind][1 if language == "en" else 2]
            title = template.format(a=names[0], b=names[1], c=city_en if language == "en" else city_fr,
                                    t=self.topic_words[topic_indexes[0]][language])
            review = rnd.choices(("unreviewed", "verified", "rejected", "locked"), cum_weights=(70, 95, 98, 100))[0]
            confidence = 1.0 if review in ("verified", "locked") else round(rnd.uniform(0.4, 0.99), 2)
            stamp = self._now(day)
            events.append((event_id, title[:300], kind, PLOVER[kind], date, precision, status,
                           city_en if kind not in ("call", "statement", "announcement") else "",
                           f"{MARK}:{event_id}", MARK, confidence, review,
                           stamp if review != "unreviewed" else None, stamp, stamp))
            for position, a in enumerate(actor_indexes):
                role = "participant"
                if position == 0 and kind in ("meeting", "visit"):
                    role = "host" if kind == "meeting" else "participant"
                elif position == 0 and kind in ("call", "sanction", "announcement"):
                    role = "initiator"
                elif position == 1 and kind == "sanction":
                    role = "target"
                participants.append((event_id, self.actor_start + a, role, review if review != "locked" else "verified"))
            for t in topic_indexes:
                event_topics.append((event_id, self.topic_ids[t]))
            # Sources: most events are reported once or twice, big ones by many outlets.
            n_sources = rnd.choices((1, 2, 3, 4, 6, 10), cum_weights=(45, 72, 85, 93, 98, 100))[0]
            report_day = day - rnd.randrange(1, 15) if status == "planned" else day
            used = set()
            for _ in range(n_sources):
                article = self._article_near(report_day + rnd.randrange(0, 3))
                if article in used:
                    continue
                used.add(article)
                lang = self.article_lang[article]
                sentence = self._event_sentence(kind, lang, actor_indexes, city_en, city_fr, topic_indexes[0])
                self.article_sentences[article].append(sentence)
                self.evidence.append((event_id, article, len(self.article_sentences[article]) - 1))
                self.article_events[article].append(event_id)
        self.counts["events"] = self.writer.write(
            Event,
            ["id", "title", "kind", "plover_category", "date", "date_precision", "status", "location", "dedup_key",
             "extractor_version", "confidence", "review_state", "reviewed_at", "created_at", "updated_at"],
            events,
        )
        self.counts["participants"] = self.writer.write(
            EventParticipant, ["event_id", "actor_id", "role", "review_state"], participants)
        self.counts["event topics"] = self.writer.write(Event.topics.through, ["event_id", "topic_id"], event_topics)
        self.log(f"events: {len(events)}")

    def _event_sentence(self, kind, lang, actor_indexes, city_en, city_fr, topic) -> tuple:
        """(text, [(actor_index, offset, length)]) reporting an event, naming its participants."""
        names = [self.actor_names[a] for a in actor_indexes]
        template = KINDS[kind][1 if lang == "en" else 2]
        parts = {"a": names[0], "b": names[1] if len(names) > 1 else PARTNERS[lang],
                 "c": city_en if lang == "en" else city_fr, "t": self.topic_words[topic][lang]}
        text = template.format(**parts) + "."
        spans = []
        for key, actor in zip("ab", actor_indexes):
            offset = text.find(parts[key])
            if offset >= 0 and not any(s[1] == offset for s in spans):
                spans.append((actor, offset, len(parts[key])))
        return (text, spans)

    # --- Statements ------------------------------------------------------------------------

    def _statements(self) -> None:
        rnd = self.rnd
        start = next_id(Statement)
        self.statements: list[list] = []
        self.statement_topics: list[tuple] = []
        speakers = rnd.choices(self.speakers, cum_weights=self.speaker_cum, k=self.n_statements)
        for i in range(self.n_statements):
            statement_id = start + i
            article = rnd.randrange(self.n_articles)
            lang = self.article_lang[article]
            speaker = speakers[i] if rnd.random() > 0.02 else None
            openers, verbs, objects = QUOTE_PARTS[lang]
            topic_indexes = self._pick_topics(2) if rnd.random() < 0.8 else []
            about = f" {'on' if lang == 'en' else 'sur'} {self.topic_words[topic_indexes[0]][lang]}" if topic_indexes else ""
            quote = f"{rnd.choice(openers)} {rnd.choice(verbs)} {rnd.choice(objects)}{about}"
            direct = rnd.random() < 0.75
            name = self.actor_names[speaker] if speaker is not None else ("an official" if lang == "en" else "un responsable")
            if not direct:
                quote = quote[0].lower() + quote[1:]
            template = SAID[lang][0 if direct else 1]
            text = template.format(s=name, q=quote)
            spans = [(speaker, text.find(name), len(name))] if speaker is not None else []
            self.article_sentences[article].append((text, spans, text.find(quote), len(quote)))
            events_here = self.article_events.get(article)
            event_id = rnd.choice(events_here) if events_here and rnd.random() < 0.4 else None
            day = self.article_day[article] - (1 if rnd.random() < 0.15 else 0)
            review = rnd.choices(("unreviewed", "verified", "rejected", "locked"), cum_weights=(75, 96, 99, 100))[0]
            self.statements.append([statement_id, speaker, quote, direct, FIRST_DAY + dt.timedelta(days=day),
                                    article, len(self.article_sentences[article]) - 1, event_id, review])
            for t in topic_indexes:
                self.statement_topics.append((statement_id, self.topic_ids[t]))
        self.log(f"statements: {len(self.statements)}")

    # --- Article text with exact offsets ---------------------------------------------------

    def _write_articles(self) -> None:
        rnd = self.rnd
        source, _ = Source.objects.get_or_create(
            name=SOURCE_NAME, defaults={"kind": Source.Kind.MANUAL, "active": False, "licence": "Synthetic test data"}
        )
        self.sentence_offset: dict[tuple[int, int], int] = {}
        articles, article_topics = [], []
        for index in range(self.n_articles):
            article_id = self.article_start + index
            lang = self.article_lang[index]
            day = self.article_day[index]
            date = FIRST_DAY + dt.timedelta(days=day)
            lead = rnd.choice(LEADS[lang]).format(d=date.isoformat())
            text = lead
            sentences = self.article_sentences[index]
            for position, sentence in enumerate(sentences):
                text += " " if position % 3 else "\n\n"
                self.sentence_offset[(index, position)] = len(text)
                text += sentence[0]
            text += "\n\n" + SIGNATURES[lang].format(n=article_id)
            # Near-duplicates: a rewrite of an earlier article of the same day (another outlet's copy).
            status, duplicate_of, error = "extracted", None, ""
            roll = rnd.random()
            same_day = self.articles_by_day[day]
            if roll < 0.03 and same_day[0] < index:
                status, duplicate_of = "duplicate", self.article_start + same_day[0]
            elif roll < 0.05:
                status, error = "failed", "Extraction timed out (synthetic)."
            elif roll < 0.07:
                status = "irrelevant"
            title = sentences[0][0].rstrip(".") if sentences else lead.rstrip(".")
            published = self._now(day)
            topic_indexes = self._pick_topics(3)
            articles.append((article_id, source.pk, "import", f"{MARK}-{article_id}",
                             f"https://{MARK}.parley.invalid/{lang}/{date:%Y/%m/%d}/{article_id}",
                             title[:500], "", published, lang, text, content_hash(text), duplicate_of, status,
                             published, error, 1, MARK, published, published, published))
            for t in topic_indexes:
                article_topics.append((article_id, self.topic_ids[t]))
        self.counts["articles"] = self.writer.write(
            Article,
            ["id", "source_id", "via", "external_id", "url", "title", "byline", "published_at", "language", "text",
             "content_hash", "duplicate_of_id", "status", "status_changed_at", "error", "attempts",
             "extractor_version", "extracted_at", "created_at", "updated_at"],
            articles,
        )
        self.counts["article topics"] = self.writer.write(Article.topics.through, ["article_id", "topic_id"], article_topics)
        self.log(f"articles: {len(articles)}")

    def _write_rest(self) -> None:
        article_start, offset_of = self.article_start, self.sentence_offset
        stamp = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
        evidence, mentions = [], []
        for event_id, article, position in self.evidence:
            text, spans = self.article_sentences[article][position]
            base = offset_of[(article, position)]
            evidence.append((event_id, article_start + article, text, base, base + len(text), MARK, 0.9, stamp))
            for actor, offset, length in spans:
                mentions.append((article_start + article, self.actor_start + actor, base + offset,
                                 base + offset + length, self.actor_names[actor][:300], MARK, 0.9, "unreviewed"))
        statements = []
        for statement_id, speaker, quote, direct, said_on, article, position, event_id, review in self.statements:
            text, spans, quote_offset, quote_length = self.article_sentences[article][position]
            base = offset_of[(article, position)]
            stamp = dt.datetime(said_on.year, said_on.month, said_on.day, 12, tzinfo=dt.timezone.utc)
            statements.append((statement_id, None if speaker is None else self.actor_start + speaker, quote, direct,
                               said_on, "day", article_start + article, base + quote_offset,
                               base + quote_offset + quote_length, event_id, MARK,
                               1.0 if review in ("verified", "locked") else 0.8, review, stamp, stamp))
            for actor, offset, length in spans:
                mentions.append((article_start + article, self.actor_start + actor, base + offset,
                                 base + offset + length, self.actor_names[actor][:300], MARK, 0.9, "unreviewed"))
        self.counts["evidence"] = self.writer.write(
            EventEvidence,
            ["event_id", "article_id", "sentence", "start", "end", "extractor_version", "confidence", "created_at"],
            evidence,
        )
        self.counts["statements"] = self.writer.write(
            Statement,
            ["id", "speaker_id", "text", "direct", "said_on", "said_on_precision", "article_id", "start", "end",
             "event_id", "extractor_version", "confidence", "review_state", "created_at", "updated_at"],
            statements,
        )
        self.counts["statement topics"] = self.writer.write(
            Statement.topics.through, ["statement_id", "topic_id"], self.statement_topics)
        self.counts["mentions"] = self.writer.write(
            Mention,
            ["article_id", "actor_id", "start", "end", "text", "extractor_version", "confidence", "review_state"],
            mentions,
        )

    def _reset_sequences(self) -> None:
        """Rows came with explicit ids: move the id sequences past them."""
        statements = connection.ops.sequence_reset_sql(no_style(), [Actor, Article, Event, Statement])
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def delete_synthetic() -> dict[str, int]:
    """Remove every synthetic row with plain SQL.

    Deleting through the ORM would load every row and write a django-simple-history record for
    each of the millions deleted; these rows never had a history, so none is written.
    """
    qn = connection.ops.quote_name
    table = lambda model: qn(model._meta.db_table)  # noqa: E731
    source = Source.objects.filter(name=SOURCE_NAME).first()
    articles = f"SELECT id FROM {table(Article)} WHERE source_id = %s"
    actors = f"SELECT id FROM {table(Actor)} WHERE gazetteer_key LIKE %s"
    events = f"SELECT id FROM {table(Event)} WHERE extractor_version = %s"
    statements = f"SELECT id FROM {table(Statement)} WHERE extractor_version = %s"
    source_id = source.pk if source else -1
    key = ACTOR_KEY_PREFIX + "%"
    steps = [
        # Real rows that point at synthetic ones lose the link, as on_delete=SET_NULL would do.
        (None, f"UPDATE {table(Actor)} SET first_seen_in_id = NULL WHERE first_seen_in_id IN ({articles})", [source_id]),
        (None, f"UPDATE {table(Statement)} SET event_id = NULL WHERE event_id IN ({events})", [MARK]),
        (None, f"UPDATE {table(Event)} SET merged_into_id = NULL WHERE merged_into_id IN ({events})", [MARK]),
        (None, f"UPDATE {table(Actor)} SET merged_into_id = NULL WHERE merged_into_id IN ({actors})", [key]),
        (None, f"UPDATE {table(Statement)} SET speaker_id = NULL WHERE speaker_id IN ({actors})", [key]),
        ("mentions", f"DELETE FROM {table(Mention)} WHERE article_id IN ({articles}) OR actor_id IN ({actors})",
         [source_id, key]),
        ("statement topics", f"DELETE FROM {table(Statement.topics.through)} WHERE statement_id IN ({statements})",
         [MARK]),
        ("statements", f"DELETE FROM {table(Statement)} WHERE extractor_version = %s OR article_id IN ({articles})",
         [MARK, source_id]),
        ("evidence", f"DELETE FROM {table(EventEvidence)} WHERE event_id IN ({events}) OR article_id IN ({articles})",
         [MARK, source_id]),
        ("event topics", f"DELETE FROM {table(Event.topics.through)} WHERE event_id IN ({events})", [MARK]),
        ("participants", f"DELETE FROM {table(EventParticipant)} WHERE event_id IN ({events}) OR actor_id IN ({actors})",
         [MARK, key]),
        ("events", f"DELETE FROM {table(Event)} WHERE extractor_version = %s", [MARK]),
        ("article topics", f"DELETE FROM {table(Article.topics.through)} WHERE article_id IN ({articles})", [source_id]),
        (None, f"UPDATE {table(Article)} SET duplicate_of_id = NULL WHERE duplicate_of_id IN ({articles})", [source_id]),
        ("articles", f"DELETE FROM {table(Article)} WHERE source_id = %s", [source_id]),
        ("aliases", f"DELETE FROM {table(Alias)} WHERE actor_id IN ({actors})", [key]),
        ("actors", f"DELETE FROM {table(Actor)} WHERE gazetteer_key LIKE %s", [key]),
    ]
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for name, sql, params in steps:
            cursor.execute(sql, params)
            if name:
                counts[name] = cursor.rowcount
    if source:
        source.delete()
    return counts
