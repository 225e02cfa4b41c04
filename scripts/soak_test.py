#!/usr/bin/env python
"""Soak run: Parley as it will run, fed by a growing feed for ten minutes, with a worker killed and Redis restarted.

    .venv/bin/python scripts/soak_test.py                          # or: make soak
    .venv/bin/python scripts/soak_test.py --minutes 2 --articles 40 --no-docs   # a short run while developing

Bounded on purpose: the feed publishes for --minutes, then the run waits at most --drain-minutes
for the last articles to settle, and stops by itself. Everything talks to 127.0.0.0/8 only.

What runs, as in docker-compose.yml:
- PostgreSQL: this machine's cluster, a database of the run's own (parley_soak, created afresh
  and migrated each time, left behind for inspection);
- Redis: a private redis-server on a spare loopback port, with its own directory and the
  compose file's append-only log; restarted once while the feed publishes;
- gunicorn under production settings with static files collected for them, as behind a TLS
  proxy (X-Forwarded-Proto: https, TRUST_X_FORWARDED_PROTO=1);
- two Celery workers (2 processes each) and beat. They run under development settings,
  because fetching pages from loopback needs PARLEY_ALLOW_LOOPBACK_FETCH, which production
  settings refuse; they share the database and Redis with gunicorn and keep DEBUG off;
- a feed server of this script's own on three loopback addresses, which the fetcher's
  politeness (keyed by host name) sees as three hosts: 127.0.0.2 publishes the feed and most
  pages, 127.0.0.3 never answers, 127.0.0.4 answers 429.

The feed grows by one item every few seconds: articles written here from templates, in English
and French, each reporting a meeting of gazetteer actors on a date of its own (so each yields
one event), plus second reports of the same meeting in the other language, near-copies (same
text, new dateline, last paragraph cut) and broken pages (404, not HTML, empty, oversized,
undecodable). Halfway, one worker is killed with SIGKILL (its whole process group, as an
out-of-memory kill of its container would) and started again 30 s later, as compose's restart
policy would; the other keeps working alone meanwhile. Any service that exits on its own is
started again 5 s later, as that policy does, and the report names it and why.

Meanwhile an analyst, logged in through the admin login form, polls the timeline's JSON export
and the pages a browser loads with it. The report: PASS/FAIL per promise (every good article
stored once and extracted once, every bad one failed with its reason, no HTTP error from the
timeline), the time from publication in the feed to the event on the timeline (p50, p95), and
each worker's memory at the end. It is printed and written between the markers of
docs/reliability.md; the exit status is 1 when a promise fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import functools
import hashlib
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "reliability.md"
START_MARK, END_MARK = "<!-- soak:start -->", "<!-- soak:end -->"
PY = sys.executable

# The three hosts of the feed server, as the fetcher's per-host politeness sees them.
MAIN_HOST, HANGING_HOST, REFUSING_HOST = "127.0.0.2", "127.0.0.3", "127.0.0.4"
# Above the fetch size limit Parley ships with (PARLEY_FETCH_MAX_BYTES, 5 MiB).
OVERSIZED_BYTES = 6 * 1024 * 1024
# A near-copy appears this long after its original, so the original is in by then.
NEAR_COPY_DELAY = 90.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10, help="how long the feed publishes")
    parser.add_argument("--articles", type=int, default=200, help="items the feed publishes in that time")
    parser.add_argument("--drain-minutes", type=float, default=10,
                        help="longest wait after the last item for every article to settle")
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_SERVER", "postgresql://postgres@127.0.0.1:5432"))
    parser.add_argument("--database", default="parley_soak")
    parser.add_argument("--host-interval", type=int, default=2, help="PARLEY_FETCH_HOST_INTERVAL, seconds (above 0)")
    parser.add_argument("--poll-interval", type=int, default=30, help="the feed Source's poll interval, seconds")
    parser.add_argument("--redis-down", type=float, default=15, help="seconds Redis stays down when restarted")
    parser.add_argument("--worker-restart-after", type=float, default=30,
                        help="seconds before the killed worker is started again (negative: never)")
    parser.add_argument("--time-limits", default="120/180", metavar="SOFT/HARD",
                        help="CELERY_TASK_SOFT_TIME_LIMIT/CELERY_TASK_TIME_LIMIT (Parley's defaults; Redis hands "
                             "a killed worker's task on after twice the hard limit, the sweep takes rows older than it)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--logs", default="/tmp/parley-soak", help="where the services' logs go")
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/reliability.md alone")
    args = parser.parse_args(argv)
    if args.host_interval <= 0:
        parser.error("--host-interval must be above 0: the soak checks that a busy host drains politely")
    try:
        args.soft_limit, args.hard_limit = (int(v) for v in args.time_limits.split("/"))
    except ValueError:
        parser.error("--time-limits takes two whole numbers of seconds, such as 120/180")
    return args


# --- The articles --------------------------------------------------------------------------------
# Texts written for this run. Each good article reports one meeting of two gazetteer actors, on a
# date no other meeting has, in a city spelt alike in both languages (the event's key holds the
# place, so an English and a French report of one meeting must name it the same way).

PEOPLE = [
    # (English designation, French designation, surname)
    ("Ukrainian President Volodymyr Zelensky", "le président ukrainien Volodymyr Zelensky", "Zelensky"),
    ("French President Emmanuel Macron", "le président français Emmanuel Macron", "Macron"),
    ("British Prime Minister Keir Starmer", "le Premier ministre britannique Keir Starmer", "Starmer"),
    ("German Chancellor Friedrich Merz", "le chancelier allemand Friedrich Merz", "Merz"),
    ("US special envoy Steve Witkoff", "l'émissaire américain Steve Witkoff", "Witkoff"),
    ("US Secretary of State Marco Rubio", "le secrétaire d'Etat américain Marco Rubio", "Rubio"),
    ("Italian Prime Minister Giorgia Meloni", "la Première ministre italienne Giorgia Meloni", "Meloni"),
    ("Polish Prime Minister Donald Tusk", "le Premier ministre polonais Donald Tusk", "Tusk"),
    ("Finnish President Alexander Stubb", "le président finlandais Alexander Stubb", "Stubb"),
    ("Turkish Foreign Minister Hakan Fidan", "le ministre turc des Affaires étrangères Hakan Fidan", "Fidan"),
    ("Ukrainian Foreign Minister Andrii Sybiha", "le chef de la diplomatie ukrainienne, Andrii Sybiha,", "Sybiha"),
    ("US special envoy Keith Kellogg", "l'émissaire américain Keith Kellogg", "Kellogg"),
    ("French Foreign Minister Jean-Noël Barrot", "le ministre français des Affaires étrangères Jean-Noël Barrot", "Barrot"),
    ("Canadian Prime Minister Mark Carney", "le Premier ministre canadien Mark Carney", "Carney"),
    ("Danish Prime Minister Mette Frederiksen", "la Première ministre danoise Mette Frederiksen", "Frederiksen"),
]
CITIES = ["Paris", "Berlin", "Kyiv", "Istanbul", "Rome", "Washington", "Helsinki", "Madrid", "Oslo", "Ottawa",
          "Prague", "Tallinn", "Vilnius", "Riga", "Dublin", "Stockholm", "Amsterdam", "Budapest"]
TOPICS = [
    ("security guarantees for Ukraine", "les garanties de sécurité pour l'Ukraine"),
    ("a lasting ceasefire", "un cessez-le-feu durable"),
    ("the fate of prisoners of war", "le sort des prisonniers de guerre"),
    ("new sanctions on Russia", "de nouvelles sanctions contre la Russie"),
    ("air defence for Ukrainian cities", "la défense aérienne des villes ukrainiennes"),
    ("the reconstruction of Ukraine", "la reconstruction de l'Ukraine"),
    ("the protection of energy infrastructure", "la protection des infrastructures énergétiques"),
    ("grain exports through the Black Sea", "les exportations de céréales par la mer Noire"),
]
# Each form was checked against the extractor: one meeting, both participants, the right date.
OPENERS = {
    "en": [
        "{A} met {b} in {city} on {date} to discuss {topic}, officials said.",
        "{A} met {b} in {city} on {date} to review {topic}, according to a statement released later.",
        "On {date}, {a} met {b} in {city} to discuss {topic}.",
    ],
    "fr": [
        "Le {date}, {a} a rencontré {b} à {city} pour évoquer {topic}, ont indiqué des responsables.",
        "{A} a rencontré {b} le {date} à {city} ; {topic} était le principal sujet, selon un porte-parole.",
        "Le {date} à {city}, {a} a rencontré {b} pour faire le point sur {topic}, selon un communiqué publié plus tard.",
    ],
}
QUOTE_LINES = {
    "en": ['"{q}," {who} told reporters afterwards.', '"{q}," {who} said in a statement.',
           '"{q}," {who} wrote on social media.'],
    "fr": ["« {q} », a déclaré {who} à l'issue de la rencontre.", "« {q} », a affirmé {who} dans un communiqué.",
           "« {q} », a écrit {who} sur les réseaux sociaux."],
}
QUOTES = {
    "en": [
        "Peace will only last if it is backed by real guarantees",
        "We will not accept a settlement imposed over the heads of Ukrainians",
        "Every day without a ceasefire costs lives",
        "Europe must be ready to carry more of the burden",
        "Pressure on Moscow has to increase until it negotiates seriously",
        "Our support will not weaken this winter",
        "The coming weeks will be decisive for the whole continent",
        "Nobody wants a frozen conflict that flares up again in two years",
        "The release of every prisoner remains a priority for us",
        "Air defence is what keeps the lights on in Ukrainian homes",
        "Reconstruction has to start before the guns fall silent",
        "Our farmers and theirs depend on a safe Black Sea",
        "Sanctions work, and they will be tightened again",
        "Trust has to be earned step by step",
        "We are closer than we were a month ago, but not close enough",
        "Security in Europe is indivisible",
        "Diplomacy needs patience, and patience needs strength",
        "Civilians must never again be the target",
    ],
    "fr": [
        "La paix ne durera que si elle est adossée à de vraies garanties",
        "Nous n'accepterons pas un règlement imposé par-dessus la tête des Ukrainiens",
        "Chaque jour sans cessez-le-feu coûte des vies",
        "L'Europe doit être prête à porter davantage le fardeau",
        "La pression sur Moscou doit augmenter jusqu'à ce qu'elle négocie sérieusement",
        "Notre soutien ne faiblira pas cet hiver",
        "Les semaines qui viennent seront décisives pour tout le continent",
        "Personne ne veut d'un conflit gelé qui se rallume dans deux ans",
        "La libération de chaque prisonnier reste notre priorité",
        "La défense aérienne permet de garder la lumière dans les foyers ukrainiens",
        "La reconstruction doit commencer avant que les armes ne se taisent",
        "Nos agriculteurs comme les leurs ont besoin d'une mer Noire sûre",
        "Les sanctions fonctionnent, et elles seront encore renforcées",
        "La confiance se gagne pas à pas",
        "Nous sommes plus près qu'il y a un mois, mais pas assez",
        "La sécurité en Europe est indivisible",
        "La diplomatie demande de la patience, et la patience demande de la force",
        "Les civils ne doivent plus jamais être pris pour cible",
    ],
}
# Background without any meeting, call, visit or date, so each article yields exactly one event.
# The slots ({region}, {n}, {m}) take values of the article's own: two articles that draw the
# same sentence still share few word triples, and SimHash tells them apart.
REGIONS = {
    "en": ["the Kharkiv region", "the Odesa region", "the Dnipro region", "the Zaporizhzhia region", "the Sumy region",
           "the Chernihiv region", "the Poltava region", "the Mykolaiv region", "the Kherson region", "the Donetsk region",
           "the Lviv region", "the Vinnytsia region"],
    "fr": ["la région de Kharkiv", "la région d'Odessa", "la région de Dnipro", "la région de Zaporijjia",
           "la région de Soumy", "la région de Tchernihiv", "la région de Poltava", "la région de Mykolaïv",
           "la région de Kherson", "la région de Donetsk", "la région de Lviv", "la région de Vinnytsia"],
}
CONTEXT = {
    "en": [
        "Air raid alerts sounded across {region} overnight, and {n} drones were reported shot down.",
        "The war has displaced about {n} thousand people from {region} alone.",
        "Officials gave no further details about the substance of the discussions.",
        "Analysts in {region} described the mood as cautious but constructive.",
        "Gas prices in Europe rose by {m} percent on the news.",
        "Aid organisations warned that {n} thousand families in {region} face a difficult winter.",
        "The European Commission is preparing a further package of {n} million euros in support.",
        "Drone strikes on power stations have cut electricity to {n} thousand homes in {region}.",
        "Opinion polls show that {m} percent of Ukrainians reject any loss of territory.",
        "Shipping insurers have raised their premiums by {m} percent for vessels crossing the Black Sea.",
        "Parliament in Kyiv extended martial law by another {n} days.",
        "Humanitarian convoys carrying {n} tonnes of supplies reached villages in {region}.",
        "Economists expect the Ukrainian economy to grow by {m} percent despite the attacks.",
        "The International Committee of the Red Cross has asked for access to {n} detention sites.",
        "Demining teams have cleared {n} hectares of farmland in {region}.",
        "Foreign investors remain wary of committing money before the fighting stops.",
        "About {n} thousand refugees from {region} have settled in neighbouring countries.",
        "Railway workers restored a line through {region} after it was damaged by shelling.",
        "Grain prices on world markets moved by less than {m} percent.",
        "Schools in {region} have moved {n} classes underground.",
        "Hospitals in {region} reported {n} wounded civilians over the past week.",
        "The central bank kept its key rate at {m} percent.",
        "Engineers repaired {n} kilometres of power lines in {region}.",
        "Volunteers in {region} have collected {n} generators for schools and hospitals.",
        "The government says {n} apartment blocks in {region} need urgent repairs.",
        "Ukraine's state energy company imported {n} megawatts of electricity from its neighbours.",
        "Farmers in {region} expect a harvest {m} percent smaller than last year.",
    ],
    "fr": [
        "Les sirènes ont retenti dans {region} pendant la nuit, et {n} drones auraient été abattus.",
        "La guerre a déplacé environ {n} mille personnes de {region} à elle seule.",
        "Les responsables n'ont pas donné davantage de détails sur le fond des discussions.",
        "Des analystes de {region} ont décrit une ambiance prudente mais constructive.",
        "Les prix du gaz en Europe ont progressé de {m} % à cette nouvelle.",
        "Des organisations humanitaires redoutent un hiver difficile pour {n} mille familles de {region}.",
        "La Commission européenne prépare un nouveau soutien de {n} millions d'euros.",
        "Les frappes de drones sur les centrales ont privé d'électricité {n} mille foyers dans {region}.",
        "Selon les sondages, {m} % des Ukrainiens refusent toute perte de territoire.",
        "Les assureurs maritimes ont relevé de {m} % leurs primes pour les navires qui traversent la mer Noire.",
        "Le Parlement ukrainien a prolongé la loi martiale de {n} jours.",
        "Des convois humanitaires transportant {n} tonnes de vivres ont atteint des villages de {region}.",
        "Les économistes prévoient une croissance de {m} % de l'économie ukrainienne malgré les attaques.",
        "Le Comité international de la Croix-Rouge demande l'accès à {n} lieux de détention.",
        "Des équipes de déminage ont nettoyé {n} hectares de terres agricoles dans {region}.",
        "Les investisseurs étrangers restent prudents tant que les combats continuent.",
        "Environ {n} mille réfugiés de {region} se sont installés dans les pays voisins.",
        "Des cheminots ont rétabli une ligne à travers {region} après des bombardements.",
        "Les cours des céréales ont varié de moins de {m} % sur les marchés mondiaux.",
        "Les écoles de {region} ont installé {n} classes en sous-sol.",
        "Les hôpitaux de {region} ont soigné {n} civils blessés au cours de la semaine écoulée.",
        "La banque centrale a maintenu son taux directeur à {m} %.",
        "Des ingénieurs ont réparé {n} kilomètres de lignes électriques dans {region}.",
        "Des bénévoles de {region} ont collecté {n} groupes électrogènes pour les écoles et les hôpitaux.",
        "Le gouvernement estime que {n} immeubles de {region} ont besoin de réparations urgentes.",
        "La compagnie publique d'énergie a importé {n} mégawatts d'électricité de ses voisins.",
        "Les agriculteurs de {region} attendent une récolte inférieure de {m} % à celle de l'an dernier.",
    ],
}
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
FIRST_MEETING = dt.date(2025, 1, 6)

BROKEN_KINDS = ("404", "not-html", "empty", "oversized", "encoding")
# What an editor should read on each bad article: loose on purpose, any wording that says why.
EXPECTED_REASONS = {
    "broken-404": r"404",
    "broken-not-html": r"application/pdf|not an? HTML",
    "broken-empty": r"no (article )?text|empty",
    "broken-oversized": r"limit|too (large|big)",
    "broken-encoding": r"encod|decod",
    "hang": r"no answer|timed? ?out",
    "too-many": r"429",
}


@dataclass(frozen=True)
class Item:
    """One entry of the feed and the page behind it."""

    n: int
    kind: str  # good, second, near, broken-<what>, hang, too-many
    at: float  # seconds after the start of publication when it appears in the feed
    language: str = "en"
    meeting: int | None = None  # which meeting it reports (good, second, and near through its original)
    of: int | None = None  # the item a near-copy copies, or the first report a second one follows

    @property
    def host(self) -> str:
        return {"hang": HANGING_HOST, "too-many": REFUSING_HOST}.get(self.kind, MAIN_HOST)

    @property
    def path(self) -> str:
        return f"/news/{self.n:04d}.html"

    @property
    def good(self) -> bool:
        """A page that must become one extracted article."""
        return self.kind in ("good", "second")

    @property
    def bad(self) -> bool:
        """A page that must end failed, with its reason."""
        return self.kind in EXPECTED_REASONS


def mix(count: int) -> dict[str, int]:
    """How many items of each kind a feed of `count` items carries (200: 148 good ones)."""
    kinds = {"hang": max(1, round(count * 0.03)), "too-many": max(1, round(count * 0.03))}
    kinds.update({f"broken-{k}": max(1, round(count * 0.01)) for k in BROKEN_KINDS})
    kinds["near"] = max(1, round(count * 0.10))
    kinds["second"] = max(1, round(count * 0.05))
    kinds["good"] = count - sum(kinds.values())
    if kinds["good"] < kinds["near"] + kinds["second"]:
        raise ValueError(f"{count} items are too few for the mix; use 30 or more")
    return kinds


def plan(count: int, minutes: float, seed: int = 13) -> list[Item]:
    """The feed's items in publication order: originals and bad pages evenly over the run, copies later."""
    rng = random.Random(seed)
    kinds = mix(count)
    span = minutes * 60
    base = ["good"] * kinds["good"] + [k for k in kinds if k not in ("good", "near", "second") for _ in range(kinds[k])]
    rng.shuffle(base)
    step = span / len(base)
    items: list[Item] = []
    meeting = 0
    for i, kind in enumerate(base):
        if kind == "good":
            items.append(Item(i, kind, round(i * step, 2), rng.choice(["en", "en", "fr"]), meeting))
            meeting += 1
        else:
            items.append(Item(i, kind, round(i * step, 2)))
    goods = [item for item in items if item.kind == "good"]
    # Near-copies of originals that appear early enough for the copy to follow within the run.
    early = [item for item in goods if item.at + NEAR_COPY_DELAY <= span] or goods[:1]
    originals = rng.sample(early, kinds["near"]) if len(early) >= kinds["near"] else \
        [early[i % len(early)] for i in range(kinds["near"])]
    n = len(items)
    for original in originals:
        at = min(span, original.at + NEAR_COPY_DELAY + rng.uniform(0, 10))
        items.append(Item(n, "near", round(at, 2), original.language, original.meeting, original.n))
        n += 1
    # Second reports of a meeting, in the other language, published with the first: two workers
    # then extract two reports of one meeting at the same time.
    for first in rng.sample(goods, kinds["second"]):
        items.append(Item(n, "second", first.at, "fr" if first.language == "en" else "en", first.meeting, first.n))
        n += 1
    return sorted(items, key=lambda item: (item.at, item.n))


def meeting_date(meeting: int) -> dt.date:
    return FIRST_MEETING + dt.timedelta(days=meeting)


def _spelt(day: dt.date, language: str) -> str:
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def _meeting_facts(meeting: int) -> dict:
    """Who met whom, where and about what: the same for every report of the meeting."""
    rng = random.Random(f"meeting-{meeting}")
    a, b = rng.sample(range(len(PEOPLE)), 2)
    return {"a": a, "b": b, "city": rng.choice(CITIES), "topic": rng.randrange(len(TOPICS)), "date": meeting_date(meeting)}


def article_text(item: Item) -> tuple[str, list[str]]:
    """Title and paragraphs of an article page.

    A near-copy is its original as another desk ran it: under a new dateline (even items) or
    without its last sentence (odd ones).
    """
    if item.kind == "near":
        title, paragraphs = article_text(Item(item.of, "good", 0, item.language, item.meeting))
        suffix = " (updated)" if item.language == "en" else " (mis à jour)"
        if item.n % 2 == 0:
            city = random.Random(f"near-{item.n}").choice([c for c in CITIES if not paragraphs[0].startswith(c.upper())])
            return title + suffix, [f"{city.upper()} (Parley soak wire, updated) – " + paragraphs[0].split(" – ", 1)[1],
                                    *paragraphs[1:]]
        return title + suffix, [*paragraphs[:-1], paragraphs[-1].rsplit(". ", 1)[0] + "."]
    facts = _meeting_facts(item.meeting)
    language = item.language
    rng = random.Random(f"text-{item.n}")
    column = 0 if language == "en" else 1
    a, b = PEOPLE[facts["a"]], PEOPLE[facts["b"]]
    opener = rng.choice(OPENERS[language]).format(
        A=a[column][0].upper() + a[column][1:], a=a[column], b=b[column], city=facts["city"],
        date=_spelt(facts["date"], language), topic=TOPICS[facts["topic"]][column],
    )
    dateline = f"{facts['city'].upper()} (Parley soak wire) – "
    quotes = rng.sample(QUOTES[language], 3)
    lines = [rng.choice(QUOTE_LINES[language]) for _ in quotes]
    context = [
        sentence.format(region=rng.choice(REGIONS[language]), n=rng.randrange(12, 990), m=rng.randrange(2, 60))
        for sentence in rng.sample(CONTEXT[language], 8)
    ]
    paragraphs = [
        dateline + opener,
        lines[0].format(q=quotes[0], who=a[2]),
        " ".join(context[0:3]),
        lines[1].format(q=quotes[1], who=b[2]),
        " ".join(context[3:5]),
        lines[2].format(q=quotes[2], who=a[2]),
        " ".join(context[5:8]),
    ]
    if language == "en":
        title = f"{a[2]} and {b[2]} meet in {facts['city']}"
    else:
        title = f"{a[2]} et {b[2]} se retrouvent à {facts['city']}"
    return title, paragraphs


@dataclass(frozen=True)
class Page:
    status: int
    headers: dict[str, str]
    body: bytes


def _html(title: str, paragraphs: list[str], language: str) -> str:
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="{language}">
<head><meta charset="utf-8"><title>{escape(title)}</title><meta name="author" content="Parley soak wire"></head>
<body>
  <header><nav><a href="/">Home</a> · <a href="/world/">World</a> · <a href="/europe/">Europe</a></nav></header>
  <main>
    <article>
      <h1>{escape(title)}</h1>
{body}
    </article>
  </main>
  <footer><p>Parley soak wire: texts written for Parley's soak test.</p></footer>
</body>
</html>
"""


@functools.cache
def _oversized_body() -> bytes:
    filler = _html("Live blog", ["Updates as they come. " * 40], "en").encode()
    return filler * (OVERSIZED_BYTES // len(filler) + 1)


def render_page(item: Item) -> Page:
    """What the page behind a feed item answers (the hanging host's items never get this far)."""
    html_type = {"Content-Type": "text/html; charset=utf-8"}
    if item.kind in ("good", "second", "near"):
        title, paragraphs = article_text(item)
        return Page(200, html_type, _html(title, paragraphs, item.language).encode("utf-8"))
    if item.kind == "broken-404":
        return Page(404, html_type, b"<!doctype html><title>Not found</title><p>This page does not exist.</p>")
    if item.kind == "broken-not-html":
        return Page(200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n")
    if item.kind == "broken-empty":
        return Page(200, html_type, b"")
    if item.kind == "broken-oversized":
        return Page(200, html_type, _oversized_body())
    if item.kind == "broken-encoding":
        # No charset anywhere, not UTF-8, and no encoding a detector can make text of.
        noise = bytes(b for b in random.Random(item.n).randbytes(6000) if b not in (0, 0x3C))
        return Page(200, {"Content-Type": "text/html"}, b"<html><body><p>" + noise + b"</p></body></html>")
    if item.kind == "too-many":
        return Page(429, {"Content-Type": "text/plain", "Retry-After": "60"}, b"Too Many Requests")
    raise ValueError(f"{item.kind} has no page")


# --- The feed server -------------------------------------------------------------------------------


class FeedSite:
    """The feed and its pages on three loopback hosts; the feed shows the items whose time has come."""

    def __init__(self, items: list[Item], *, clock=time.time):
        self.items = items
        self.by_path = {(item.host, item.path): item for item in items}
        self.clock = clock
        self.started: float | None = None  # wall time publication began
        self.ports: dict[str, int] = {}
        self.requests: list[tuple[float, str, str, int]] = []  # (time, host, path, status)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._servers: list[ThreadingHTTPServer] = []

    # The addresses and what they serve.

    def base(self, host: str) -> str:
        return f"http://{host}:{self.ports[host]}"

    def link(self, item: Item) -> str:
        return self.base(item.host) + item.path

    @property
    def feed_url(self) -> str:
        return self.base(MAIN_HOST) + "/feed.xml"

    def published_at(self, item: Item) -> float:
        """Wall time the item appeared in the feed."""
        return self.started + item.at

    def visible(self, now: float | None = None) -> list[Item]:
        if self.started is None:
            return []
        elapsed = (now if now is not None else self.clock()) - self.started
        return [item for item in self.items if item.at <= elapsed]

    def feed(self, now: float | None = None) -> tuple[bytes, str, str]:
        """The RSS document of the items published so far, newest first, with its ETag and date."""
        shown = self.visible(now)
        entries = []
        for item in sorted(shown, key=lambda i: (i.at, i.n), reverse=True):
            title = article_text(item)[0] if item.kind in ("good", "second", "near") else f"Dispatch {item.n}"
            entries.append(
                f"<item><title>{escape(title)}</title><link>{escape(self.link(item))}</link>"
                f'<guid isPermaLink="false">soak-{item.n:04d}</guid>'
                f"<pubDate>{email.utils.formatdate(self.published_at(item), usegmt=True)}</pubDate></item>"
            )
        last = email.utils.formatdate(self.published_at(shown[-1]) if shown else self.clock(), usegmt=True)
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Parley soak wire</title><link>{self.base(MAIN_HOST)}/</link>"
            "<description>Texts written for Parley's soak test</description>"
            f"<lastBuildDate>{last}</lastBuildDate>" + "".join(entries) + "</channel></rss>\n"
        ).encode("utf-8")
        return body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"', last

    def answer(self, host: str, path: str, headers: dict[str, str]) -> Page | None:
        """The response to a GET; None means hang up without answering."""
        if host == MAIN_HOST and path == "/feed.xml":
            body, etag, last = self.feed()
            if headers.get("if-none-match") == etag:
                return Page(304, {"ETag": etag, "Last-Modified": last}, b"")
            headers = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag, "Last-Modified": last}
            return Page(200, headers, body)
        item = self.by_path.get((host, path))
        if item is None or self.started is None or item.at > self.clock() - self.started:
            return Page(404, {"Content-Type": "text/html"}, b"<!doctype html><title>Not found</title>")
        if item.kind == "hang":
            return None
        return render_page(item)

    # Serving.

    def start(self) -> FeedSite:
        for host in (MAIN_HOST, HANGING_HOST, REFUSING_HOST):
            server = _QuietServer((host, 0), _handler(self, host))
            self.ports[host] = server.server_address[1]
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
            self._servers.append(server)
        return self

    def publish(self) -> None:
        """Start the clock: from now on items appear in the feed at their time."""
        self.started = self.clock()

    def stop(self) -> None:
        self.stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a fetcher that gave up on the hanging host or stopped at the size limit: expected


def _handler(site: FeedSite, host: str):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            page = site.answer(host, path, {k.lower(): v for k, v in self.headers.items()})
            with site.lock:
                site.requests.append((time.time(), host, path, page.status if page else 0))
            if page is None:
                site.stopping.wait(600)  # a server that accepted the connection and never answers
                self.close_connection = True
                return
            self.send_response(page.status)
            for key, value in page.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            try:
                self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the fetcher stops reading at its size limit

    return Handler


# --- Reading what happened ---------------------------------------------------------------------

_RUN = re.compile(
    r"Task apps\.extraction\.tasks\.extract_articles?\[[^\]]*\] succeeded in [\d.]+s: .*?'extracted': \[([\d,\s]*)\]"
)


def extraction_runs(log_text: str) -> Counter[int]:
    """How many finished extraction runs stored each article, from the workers' INFO logs.

    A run that stored an article lists it under "extracted" in the task's result; one that found
    it already claimed or done lists it under "skipped". Killed runs never log a result, and
    their transaction never committed.
    """
    runs: Counter[int] = Counter()
    for match in _RUN.finditer(log_text):
        runs.update(int(pk) for pk in re.findall(r"\d+", match.group(1)))
    return runs


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# A run killed between its commit and its log line stored the article without saying so: at most
# one per process of the killed worker.
UNLOGGED_ALLOWANCE = 2


@dataclass
class Verdict:
    promise: str
    ok: bool
    detail: str


@dataclass
class Outcome:
    """What the database, the logs and the poller say at the end, as plain data."""

    articles: list[dict]  # url, id, status, error, duplicate_of_url
    events_by_date: dict[str, list[dict]]  # ISO date -> [{"id", "articles": [urls]}] (meetings only)
    runs: Counter[int]
    http: list[tuple[float, str, int | str]]  # (time, path, status code or error name)
    first_seen: dict[str, float] = field(default_factory=dict)  # ISO date -> wall time on the timeline


def judge(items: list[Item], links: dict[int, str], outcome: Outcome) -> list[Verdict]:
    """PASS or FAIL for each promise, with the first offenders named.

    Stored once: one row per published URL, and each near-copy linked to its original (or, when
    the copy came first, the original linked to the copy). Extracted once: each good article
    extracted, by one finished run, its meeting one event that it reports.
    """
    by_url: dict[str, list[dict]] = defaultdict(list)
    for row in outcome.articles:
        by_url[row["url"]].append(row)

    def row_of(item: Item) -> dict | None:
        rows = by_url.get(links[item.n], [])
        return rows[0] if len(rows) == 1 else None

    by_n = {item.n: item for item in items}

    def stands_for_its_original(copy: Item) -> bool:
        """A near-copy fetched before its original is, to Parley, the original: still one story."""
        mine, original = row_of(copy), row_of(by_n[copy.of])
        return bool(mine and original and mine["status"] == "extracted" and original["status"] == "duplicate"
                    and original["duplicate_of_url"] == mine["url"])

    swapped = {copy.of: copy for copy in items if copy.kind == "near" and stands_for_its_original(copy)}
    stored, extracted, failed, unlogged = [], [], [], []
    expected_urls = {links[item.n] for item in items}
    extra = [url for url in by_url if url not in expected_urls]
    if extra:
        stored.append(f"{len(extra)} rows for URLs the feed never published")
    for item in items:
        rows = by_url.get(links[item.n], [])
        if len(rows) != 1:
            (stored if not item.bad else failed).append(f"{item.path} ({item.kind}): {len(rows)} rows")
            continue
        row = rows[0]
        if item.n in swapped:
            continue  # stored as a copy of its copy, which is judged as the story's original
        if item.good or item in swapped.values():
            if row["status"] != "extracted":
                extracted.append(f"{item.path} ({item.kind}): {row['status']} {row['error'][:80]}".rstrip())
                continue
            runs = outcome.runs.get(row["id"], 0)
            date = meeting_date(item.meeting).isoformat()
            events = outcome.events_by_date.get(date, [])
            if runs == 0:
                unlogged.append(item.path)
            elif runs > 1:
                extracted.append(f"{item.path}: {runs} extraction runs stored it")
            if len(events) != 1:
                extracted.append(f"{item.path}: {len(events)} events for the meeting of {date}")
            elif links[item.n] not in events[0]["articles"]:
                extracted.append(f"{item.path}: not among the sources of the event of {date}")
        elif item.kind == "near":
            original = row_of(by_n[item.of])
            if row["status"] != "duplicate" or original is None or row["duplicate_of_url"] != original["url"]:
                stored.append(f"{item.path} (near-copy of {links[item.of].rsplit('/', 1)[-1]}): {row['status']}, "
                              f"linked to {row['duplicate_of_url'] or 'nothing'}")
            elif outcome.runs.get(row["id"], 0):
                extracted.append(f"{item.path} (near-copy): extracted {outcome.runs[row['id']]} times")
        elif item.bad:
            if row["status"] != "failed":
                failed.append(f"{item.path} ({item.kind}): {row['status']}")
            elif not re.search(EXPECTED_REASONS[item.kind], row["error"], re.IGNORECASE):
                failed.append(f"{item.path} ({item.kind}): reason {row['error'][:100]!r}")
    if len(unlogged) > UNLOGGED_ALLOWANCE:
        extracted.append(f"{len(unlogged)} extracted with no finished run in the workers' logs "
                         f"(has the task's result changed?): {', '.join(unlogged[:3])}")
    errors = [f"{status} {path}" for _when, path, status in outcome.http if status != 200]
    n_good = sum(item.good for item in items)
    n_near = sum(item.kind == "near" for item in items)
    n_bad = sum(item.bad for item in items)

    def detail(problems: list[str], fine: str) -> str:
        if not problems:
            return fine
        return f"{len(problems)} problems: " + "; ".join(problems[:6]) + (" …" if len(problems) > 6 else "")

    return [
        Verdict("every good article stored once", not stored,
                detail(stored, f"{n_good} articles one row each; {n_near} near-copies linked to their original"
                               + (f" ({len(swapped)} fetched before it, and standing for it)" if swapped else ""))),
        Verdict("every good article extracted once", not extracted,
                detail(extracted, f"{n_good} articles extracted by one finished run each, one event per meeting; "
                                  "near-copies never extracted")),
        Verdict("every bad article failed with its reason", not failed,
                detail(failed, f"{n_bad} articles failed, each with a reason that says why")),
        Verdict("0 HTTP errors from the timeline polled meanwhile", not errors and bool(outcome.http),
                detail(errors, f"{len(outcome.http)} requests, all 200") if outcome.http else "no request was made"),
    ]


def latencies(items: list[Item], site_started: float, first_seen: dict[str, float]) -> tuple[list[float], int]:
    """Seconds from a meeting's first report in the feed to its event on the timeline; and how many never showed."""
    first_report: dict[int, float] = {}
    for item in items:
        if item.good:
            first_report[item.meeting] = min(first_report.get(item.meeting, item.at), item.at)
    values, missing = [], 0
    for meeting, at in first_report.items():
        seen = first_seen.get(meeting_date(meeting).isoformat())
        if seen is None:
            missing += 1
        else:
            values.append(max(0.0, seen - (site_started + at)))
    return values, missing


def process_memory(pid: int) -> dict[str, float]:
    """RSS of a process and its children, and their PSS (shared pages counted once), in MiB."""
    def read(path: str) -> str:
        try:
            return Path(path).read_text()
        except OSError:
            return ""

    def kib(text: str, key: str) -> int:
        match = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
        return int(match.group(1)) if match else 0

    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = read(f"/proc/{entry.name}/stat")
            if stat and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    main_rss = kib(read(f"/proc/{pid}/status"), "VmRSS")
    child_rss = sum(kib(read(f"/proc/{c}/status"), "VmRSS") for c in children)
    pss = sum(kib(read(f"/proc/{p}/smaps_rollup"), "Pss") for p in [pid, *children])
    return {"main_rss": main_rss / 1024, "children": len(children), "children_rss": child_rss / 1024, "pss": pss / 1024}


def render_report(*, args, items: list[Item], verdicts: list[Verdict], lat: list[float], missing: int,
                  memory: dict[str, dict], outcome: Outcome, timeline: dict, fetches: dict,
                  deaths: list[tuple[float, str, str]], started: str) -> str:
    kinds = Counter(item.kind for item in items)
    statuses = Counter(row["status"] for row in outcome.articles)
    p50, p95 = percentile(lat, 50), percentile(lat, 95)
    fmt = (lambda v: "–" if v is None else f"{v:.0f} s")
    def worker_memory(name: str, m: dict) -> str:
        again = f" (started again {m['restarted']})" if m.get("restarted") else ""
        return (f"{name}: RSS {m['main_rss']:.0f} MiB + {m['children']} pool processes {m['children_rss']:.0f} MiB, "
                f"PSS {m['pss']:.0f} MiB{again}")

    mem = "; ".join(worker_memory(name, m) for name, m in memory.items())
    exits = "; ".join(f"{name} at {at:.0f} s: {why}" for at, name, why in deaths)
    lines = [
        f"Soak run of {started}: {len(items)} articles published over {args.minutes:g} min by one feed "
        f"(host {MAIN_HOST}; {kinds['hang']} on a host that never answers, {kinds['too-many']} on one that "
        f"answers 429), per-host interval {args.host_interval} s, feed polled every "
        f"{max(60, args.poll_interval)} s (beat looks every minute); gunicorn (production settings) 3 workers, "
        f"2 Celery workers x 2 processes (task time limits {args.time_limits} s) and beat, PostgreSQL, Redis restarted once "
        f"({args.redis_down:g} s down), a worker killed with SIGKILL halfway"
        + (f" and started again {args.worker_restart_after:g} s later" if args.worker_restart_after >= 0 else "")
        + f"; {os.cpu_count()} cores.",
        "",
        "| promise | result | detail |",
        "|---|---|---|",
        *[f"| {v.promise} | {'PASS' if v.ok else 'FAIL'} | {v.detail.replace('|', '/')} |" for v in verdicts],
        "",
        "| figure | value |",
        "|---|---|",
        f"| publication in the feed → event on the timeline | p50 {fmt(p50)}, p95 {fmt(p95)}, "
        f"max {fmt(max(lat) if lat else None)} "
        f"({len(lat)} meetings{f', {missing} never shown' if missing else ''}) |",
        f"| timeline requests while it ran | {timeline['requests']} ({timeline['errors']} errors, "
        f"{timeline['server_errors']} 5xx) |",
        "| articles by status | " + ", ".join(f"{n} {s}" for s, n in statuses.most_common()) + " |",
        f"| the mix | {kinds['good']} reports, {kinds['second']} second reports of a meeting in the other language, "
        f"{kinds['near']} near-copies, {sum(kinds[f'broken-{k}'] for k in BROKEN_KINDS)} broken pages "
        f"({', '.join(BROKEN_KINDS)}), {kinds['hang']} hanging, {kinds['too-many']} answering 429 |",
        f"| page requests to {MAIN_HOST} | {fetches['requests']} ({fetches['per_minute']:.1f} a minute while publishing), "
        f"closest two {fetches['min_gap']:.2f} s apart; most requests for one page: {fetches['max_per_page']} |",
        f"| worker memory at the end | {mem} |",
        f"| services that exited on their own (started again 5 s later, as compose's restart policy does) "
        f"| {exits or 'none'} |",
        f"| took | {timeline['seconds']:.0f} s: {args.minutes:g} min publishing, then "
        + (f"{timeline['drain']:.0f} s of waiting, the cap, with articles still unsettled |" if timeline["capped"]
           else f"{timeline['drain']:.0f} s until every article had settled |"),
    ]
    return "\n".join(lines)


def write_docs(table: str, path: Path = DOCS) -> bool:
    """Put the report between the soak markers; False when the file has no markers."""
    text = path.read_text() if path.exists() else ""
    if START_MARK not in text or END_MARK not in text:
        return False
    head, rest = text.split(START_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    path.write_text(f"{head}{START_MARK}\n{table}\n{END_MARK}{tail}")
    return True


# --- Services ------------------------------------------------------------------------------------


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen | None, timeout: float = 30) -> None:
    if proc is not None and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class PrivateRedis:
    """A redis-server of the run's own on a spare loopback port, with compose's append-only log."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
             "--appendonly", "yes", "--save", "", "--logfile", str(self.directory / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        """A clean shutdown (SIGTERM): Redis writes its append-only log and exits."""
        stop(self.proc)


class Supervisor(threading.Thread):
    """Runs the services and, as compose's `restart: unless-stopped` does, starts again one that exits.

    Every such exit is recorded with the last CRITICAL line of its log: the report names it.
    """

    def __init__(self, logs: Path, *, restart_after: float = 5.0):
        super().__init__(daemon=True)
        self.logs = logs
        self.restart_after = restart_after
        self.specs: dict[str, tuple[list[str], dict[str, str]]] = {}
        self.procs: dict[str, subprocess.Popen] = {}
        self.held: set[str] = set()  # stopped on purpose: left down until resumed
        self.due: dict[str, float] = {}  # exited on its own: started again at this time
        self.deaths: list[tuple[float, str, str]] = []  # (time, name, why)
        self.restarted: dict[str, str] = {}  # name -> why it was started again
        self.lock = threading.Lock()
        self.done = threading.Event()

    def log(self, name: str) -> Path:
        return self.logs / f"{name}.log"

    def start_service(self, name: str, cmd: list[str], env: dict[str, str]) -> None:
        with self.lock:
            self.specs[name] = (cmd, env)
            self.procs[name] = start(cmd, env, self.log(name))

    def kill(self, name: str) -> None:
        """SIGKILL the service's whole process group, as an out-of-memory kill of its container would."""
        with self.lock:
            self.held.add(name)
            proc = self.procs[name]
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it had already exited
            proc.wait()

    def resume(self, name: str, why: str) -> None:
        with self.lock:
            self.held.discard(name)
            self.due.pop(name, None)
            self.procs[name] = start(*self.specs[name], self.log(name))
            self.restarted[name] = why

    def alive(self, name: str) -> subprocess.Popen | None:
        proc = self.procs.get(name)
        return proc if proc is not None and proc.poll() is None else None

    def run(self) -> None:
        while not self.done.wait(1):
            with self.lock:
                for name, proc in self.procs.items():
                    if name in self.held or name in self.due or proc.poll() is None:
                        continue
                    critical = [line for line in self.log(name).read_text(errors="replace").splitlines()
                                if " CRITICAL " in line or "Unrecoverable" in line]
                    why = critical[-1].split(": ", 1)[-1][:160] if critical else f"exit status {proc.returncode}"
                    self.deaths.append((time.time(), name, why))
                    self.due[name] = time.time() + self.restart_after
            for name, when in list(self.due.items()):
                if time.time() >= when and not self.done.is_set():
                    self.resume(name, "after it exited")

    def stop_all(self) -> None:
        self.done.set()
        with self.lock:
            for name in ("beat", "soak1", "soak2", "web"):
                stop(self.procs.get(name))


def ensure_postgres() -> None:
    """Start the machine's cluster if it is down (as .ci/run does)."""
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True)
        for _ in range(30):
            if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0:
                break
            time.sleep(1)


def recreate_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


# --- The analyst who watches the timeline ----------------------------------------------------------


class TimelineWatcher(threading.Thread):
    """Logs in through the admin form and polls the timeline over HTTP as a browser behind TLS would."""

    def __init__(self, base: str, username: str, password: str, *, every: float = 2.0):
        super().__init__(daemon=True)
        self.base, self.username, self.password, self.every = base, username, password, every
        self.requests: list[tuple[float, str, int | str]] = []
        self.first_seen: dict[str, float] = {}
        self.done = threading.Event()
        self.cookies: dict[str, str] = {}
        self.latest_id = 0

    def headers(self, **extra) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"X-Forwarded-Proto": "https", "Accept-Language": "en", **({"Cookie": cookie} if cookie else {}), **extra}

    def _keep_cookies(self, response) -> None:
        # Secure cookies come back over plain HTTP here (TLS ends at the imagined proxy), so
        # httpx's cookie jar would never send them: keep them by hand.
        for raw in response.headers.get_list("set-cookie"):
            name, _, value = raw.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()

    def login(self, client) -> None:
        page = client.get(f"{self.base}/admin/login/?next=/", headers=self.headers())
        self._keep_cookies(page)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        origin = "https://" + self.base.split("://", 1)[1]
        answer = client.post(
            f"{self.base}/admin/login/?next=/",
            data={"username": self.username, "password": self.password, "csrfmiddlewaretoken": token, "next": "/"},
            headers=self.headers(Origin=origin, Referer=f"{origin}/admin/login/"),
        )
        self._keep_cookies(answer)
        if answer.status_code != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"the analyst could not log in: {answer.status_code} {answer.text[:300]}")

    def get(self, client, path: str, **headers):
        try:
            response = client.get(self.base + path, headers=self.headers(**headers))
            status: int | str = response.status_code
        except Exception as exc:  # a refused or reset connection is an error the analyst sees
            response, status = None, type(exc).__name__
        self.requests.append((time.time(), path.split("?", 1)[0], status))
        return response if status == 200 else None

    def run(self) -> None:
        import httpx

        with httpx.Client(timeout=30, follow_redirects=False) as client:
            try:
                self.login(client)
            except Exception as exc:  # the report says so; the analyst never saw the timeline
                self.requests.append((time.time(), f"/admin/login/ ({exc})"[:200], type(exc).__name__))
                return
            cycle = 0
            while not self.done.is_set():
                exported = self.get(client, "/export.json")
                if exported is not None:
                    now = time.time()
                    for event in exported.json()["events"]:
                        if event["kind"] == "meeting" and event["date"]:
                            self.first_seen.setdefault(event["date"], now)
                        self.latest_id = max(self.latest_id, event["id"])
                if cycle % 5 == 0:  # what a browser on the timeline loads besides
                    page = self.get(client, "/")
                    if page is not None:
                        for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text)[:3]:
                            self.get(client, asset)
                    self.get(client, "/activity?chart=kind", **{"HX-Request": "true"})
                    self.get(client, f"/events/new?since={self.latest_id}", **{"HX-Request": "true"})
                cycle += 1
                self.done.wait(self.every)


# --- The run ---------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    items = plan(args.articles, args.minutes, args.seed)
    logs = Path(args.logs)
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir(parents=True)

    ensure_postgres()
    recreate_database(args.server, args.database)
    redis = PrivateRedis(logs / "redis")
    redis.start()
    site = FeedSite(items).start()

    common = {
        **os.environ,
        "DATABASE_URL": f"{args.server}/{args.database}",
        "REDIS_URL": redis.url,
        "PARLEY_FETCH_HOST_INTERVAL": str(args.host_interval),
        "CELERY_TASK_SOFT_TIME_LIMIT": str(args.soft_limit),
        "CELERY_TASK_TIME_LIMIT": str(args.hard_limit),
        "PYTHONUNBUFFERED": "1",
    }
    workers_env = {**common, "PARLEY_ENV": "development", "DEBUG": "0", "PARLEY_ALLOW_LOOPBACK_FETCH": "1",
                   "LOG_LEVEL": "INFO"}
    port = free_port()
    web_env = {
        **common, "PARLEY_ENV": "production", "SECRET_KEY": secrets.token_urlsafe(48), "ALLOWED_HOSTS": "127.0.0.1",
        "TRUST_X_FORWARDED_PROTO": "1", "PARLEY_PUBLIC_TIMELINE": "0", "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(logs / "static"),
    }
    # The script runs `python`: this interpreter's, whichever virtualenv it belongs to.
    collect_env = {**web_env, "PATH": f"{Path(PY).parent}{os.pathsep}{os.environ.get('PATH', '')}"}

    # This process reads the results through the ORM, on the same database and Redis as the workers.
    os.environ.update({k: workers_env[k] for k in ("DATABASE_URL", "REDIS_URL", "PARLEY_ENV", "DEBUG")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # the analyst's every request, otherwise
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from apps.accounts.models import User
    from apps.ingestion.models import Article, Source
    from apps.records.models import EventEvidence

    call_command("migrate", verbosity=0)
    # As the image collects them (the Dockerfile runs the same script), into a folder of the run's
    # own: gunicorn serves what production would, and the project's staticfiles/ is left alone.
    subprocess.run(["sh", "scripts/collect_static.sh"], cwd=ROOT, env=collect_env, check=True,
                   stdout=subprocess.DEVNULL)
    password = secrets.token_urlsafe(16)
    analyst = User.objects.create_user(username="soak-analyst", password=password, is_staff=True)
    analyst.groups.add(Group.objects.get(name="Analysts"))
    Source.objects.create(name="Parley soak wire", feed_url=site.feed_url,
                          poll_interval=dt.timedelta(seconds=args.poll_interval))

    worker_cmd = [PY, "-m", "celery", "-A", "config", "worker", "-Q", "default,ingestion,extraction",
                  "--concurrency", "2", "--loglevel", "INFO"]
    services = Supervisor(logs)
    watcher = None
    exit_code = 1
    try:
        services.start_service("web", [PY, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
                                       "--workers", "3", "--timeout", "30", "--access-logfile", "-"], web_env)
        for name in ("soak1", "soak2"):
            services.start_service(name, [*worker_cmd, "-n", f"{name}@%h"], workers_env)
        deadline = time.monotonic() + 180
        while not all(" ready." in services.log(n).read_text(errors="replace") for n in ("soak1", "soak2")):
            if time.monotonic() > deadline or not all(services.alive(n) for n in ("web", "soak1", "soak2")):
                raise SystemExit(f"the workers or gunicorn did not start; see {logs}")
            time.sleep(1)
        services.start_service("beat", [PY, "-m", "celery", "-A", "config", "beat", "--loglevel", "INFO",
                                        "--schedule", str(logs / "celerybeat-schedule")], workers_env)
        services.start()

        site.publish()
        t0 = time.time()
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(t0))
        watcher = TimelineWatcher(f"http://127.0.0.1:{port}", "soak-analyst", password)
        watcher.start()
        span = args.minutes * 60
        faults = [(0.35 * span, "redis"), (0.5 * span, "kill")]
        if args.worker_restart_after >= 0:
            faults.append((0.5 * span + args.worker_restart_after, "restart"))
        print(f"publishing {len(items)} items over {args.minutes:g} min from {site.feed_url}; logs in {logs}", flush=True)
        for at, fault in sorted(faults):
            time.sleep(max(0.0, t0 + at - time.time()))
            if fault == "redis":
                print(f"{time.time() - t0:6.0f} s  Redis stops for {args.redis_down:g} s", flush=True)
                redis.stop()
                time.sleep(args.redis_down)
                redis.start()
            elif fault == "kill":
                print(f"{time.time() - t0:6.0f} s  worker soak1 killed (SIGKILL to its process group)", flush=True)
                services.kill("soak1")
            else:
                print(f"{time.time() - t0:6.0f} s  worker soak1 started again", flush=True)
                services.resume("soak1", "after the kill")
        time.sleep(max(0.0, t0 + span - time.time()))
        print(f"{time.time() - t0:6.0f} s  the feed is complete; waiting for the articles to settle", flush=True)

        waiting = [Article.Status.PENDING, Article.Status.FETCHED, Article.Status.EXTRACTING]
        meetings = {meeting_date(i.meeting).isoformat() for i in items if i.good}
        drain_started = time.time()
        capped = True
        while time.time() - drain_started < args.drain_minutes * 60:
            stored = Article.objects.count()
            if (stored >= len(items) and not Article.objects.filter(status__in=waiting).exists()
                    and meetings <= set(watcher.first_seen)):
                capped = False
                break
            time.sleep(5)
        time.sleep(3)  # one more poll of the timeline after the last change
        watcher.done.set()
        watcher.join(60)
        drain = time.time() - drain_started

        memory = {}
        for name in ("soak1", "soak2"):
            proc = services.alive(name)
            if proc is not None:
                memory[name] = {**process_memory(proc.pid), "restarted": services.restarted.get(name, "")}
        deaths = [(when - t0, name, why) for when, name, why in services.deaths]

        links = {item.n: site.link(item) for item in items}
        rows = list(Article.objects.values("id", "url", "status", "error", "duplicate_of__url"))
        articles = [{**r, "duplicate_of_url": r.pop("duplicate_of__url")} for r in rows]
        by_url = {row["id"]: row["url"] for row in articles}
        events_by_date: dict[str, list[dict]] = defaultdict(list)
        evidence = defaultdict(set)
        meeting_evidence = EventEvidence.objects.filter(event__kind="meeting")
        for event_id, article_id in meeting_evidence.values_list("event_id", "article_id"):
            evidence[event_id].add(by_url.get(article_id))
        from apps.records.models import Event

        for event in Event.objects.visible().filter(kind="meeting").values("id", "date"):
            if event["date"]:
                events_by_date[event["date"].isoformat()].append({"id": event["id"], "articles": evidence[event["id"]]})
        log_text = "\n".join((logs / f"{n}.log").read_text(errors="replace") for n in ("soak1", "soak2"))
        outcome = Outcome(articles=articles, events_by_date=dict(events_by_date), runs=extraction_runs(log_text),
                          http=watcher.requests, first_seen=watcher.first_seen)
        verdicts = judge(items, links, outcome)
        lat, missing = latencies(items, site.started, watcher.first_seen)

        page_requests = [(when, path) for when, host, path, _status in site.requests
                         if host == MAIN_HOST and path != "/feed.xml"]
        times = sorted(when for when, _p in page_requests)
        gaps = [b - a for a, b in zip(times, times[1:])]
        during = [w for w in times if w <= t0 + span]
        fetches = {
            "requests": len(page_requests),
            "per_minute": len(during) / (span / 60) if span else 0.0,
            "min_gap": min(gaps) if gaps else 0.0,
            "max_per_page": max(Counter(p for _w, p in page_requests).values(), default=0),
        }
        http_errors = [s for _w, _p, s in watcher.requests if s != 200]
        timeline = {
            "requests": len(watcher.requests), "errors": len(http_errors),
            "server_errors": sum(isinstance(s, int) and s >= 500 for s in http_errors),
            "seconds": time.time() - t0, "drain": drain, "capped": capped,
        }
        table = render_report(args=args, items=items, verdicts=verdicts, lat=lat, missing=missing, memory=memory,
                              outcome=outcome, timeline=timeline, fetches=fetches, deaths=deaths, started=started)
        print()
        print(table)
        if http_errors:
            print("timeline errors:", *[f"{time.strftime('%H:%M:%S', time.gmtime(w))} {s} {p}"
                                        for w, p, s in watcher.requests if s != 200][:15], sep="\n  ")
        reasons = Counter(row["error"][:120] for row in articles if row["status"] == "failed")
        print("failure reasons:", *[f"{n} x {r}" for r, n in reasons.most_common()], sep="\n  ")
        if not args.no_docs and not write_docs(table):
            print(f"no {START_MARK} … {END_MARK} markers in {DOCS}: figures not written")
        exit_code = 0 if all(v.ok for v in verdicts) else 1
    finally:
        if watcher is not None:
            watcher.done.set()
        services.stop_all()
        redis.stop()
        site.stop()
    print(f"database {args.database} left for inspection; logs in {logs}")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
