"""Word lists for the date resolver, written accent-free and lower-case (matched on folded text)."""
from __future__ import annotations

MONTHS = {
    "fr": {"janvier": 1, "janv.": 1, "fevrier": 2, "fevr.": 2, "fev.": 2, "mars": 3, "avril": 4,
           "avr.": 4, "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "aout": 8, "septembre": 9,
           "sept.": 9, "octobre": 10, "oct.": 10, "novembre": 11, "nov.": 11, "decembre": 12,
           "dec.": 12},
    "en": {"january": 1, "jan.": 1, "jan": 1, "february": 2, "feb.": 2, "feb": 2, "march": 3,
           "mar.": 3, "april": 4, "apr.": 4, "apr": 4, "may": 5, "june": 6, "jun.": 6, "july": 7,
           "jul.": 7, "august": 8, "aug.": 8, "aug": 8, "september": 9, "sept.": 9, "sep.": 9,
           "sept": 9, "october": 10, "oct.": 10, "oct": 10, "november": 11, "nov.": 11,
           "nov": 11, "december": 12, "dec.": 12, "dec": 12},
}

WEEKDAYS = {
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6, "mon.": 0, "tue.": 1, "tues.": 1, "wed.": 2, "thu.": 3,
           "thurs.": 3, "fri.": 4, "sat.": 5, "sun.": 6},
}

NUMBERS = {
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
           "quatorze": 14, "quinze": 15, "seize": 16, "dix-huit": 18, "vingt": 20, "trente": 30,
           "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
           "quelques": None, "plusieurs": None},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15, "eighteen": 18, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
           "a few": None, "few": None, "several": None, "many": None, "a couple of": None},
}

ORDINALS = {
    "fr": {"premier": 1, "1er": 1, "deuxieme": 2, "second": 2, "2e": 2, "2eme": 2,
           "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4,
           "dernier": 4},
    "en": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "final": 4, "last": 4},
}

# Units for "il y a trois semaines" / "three weeks ago": TimeML unit code.
UNITS = {
    "fr": {"jour": "D", "jours": "D", "journee": "D", "journees": "D", "semaine": "W",
           "semaines": "W", "mois": "M", "an": "Y", "ans": "Y", "annee": "Y", "annees": "Y",
           "heure": "H", "heures": "H", "minute": "MIN", "minutes": "MIN", "decennie": "DE",
           "decennies": "DE", "siecle": "CE", "siecles": "CE", "trimestre": "Q",
           "trimestres": "Q"},
    "en": {"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
           "year": "Y", "years": "Y", "hour": "H", "hours": "H", "minute": "MIN",
           "minutes": "MIN", "decade": "DE", "decades": "DE", "century": "CE",
           "centuries": "CE", "quarter": "Q", "quarters": "Q"},
}

# Relative words meaning "the previous one" / "the next one", counted from the publication date
# (deictic: "jeudi dernier", "next week").
PREVIOUS = {"dernier", "derniere", "derniers", "dernieres", "passe", "passee", "passes",
            "passees", "last", "past", "this past"}
NEXT = {"prochain", "prochaine", "prochains", "prochaines", "next", "coming", "this coming"}

# --- anaphora: expressions counted from the story's time, not from the publication date -------
# "la semaine suivante", "the previous Friday", "ce jour-là": the day or period the story is at
# when they are read ("le 12 février… la semaine suivante" is the week after the 12th). Each maps
# to the number of units away from that reference: -1 before, 0 the same, 1 after.
ANAPHORIC_RELATIONS = {
    "fr": {"suivant": 1, "suivante": 1, "suivants": 1, "suivantes": 1, "d'apres": 1,
           "precedent": -1, "precedente": -1, "precedents": -1, "precedentes": -1,
           "d'avant": -1, "-la": 0, "meme": 0},
    "en": {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1,
           "that": 0, "that same": 0, "that very": 0, "same": 0},
}

# Days named by their distance to the story's day: "le lendemain", "the day before".
ANAPHORIC_DAYS = {
    "fr": {"lendemain": 1, "surlendemain": 2, "veille": -1, "avant-veille": -2, "meme jour": 0,
           "jour meme": 0, "jour-la": 0, "meme jour-la": 0, "jour suivant": 1, "jour d'apres": 1,
           "jour precedent": -1, "jour d'avant": -1, "journee suivante": 1, "journee d'apres": 1,
           "journee precedente": -1, "plus tard dans la journee": 0,
           "plus tot dans la journee": 0},
    "en": {"the next day": 1, "the following day": 1, "the day after": 1, "the day before": -1,
           "the previous day": -1, "the preceding day": -1, "the same day": 0,
           "the very same day": 0, "that same day": 0, "that very day": 0, "that day": 0,
           "later that day": 0, "earlier that day": 0, "later in the day": 0,
           "earlier in the day": 0},
}

# "two days later", "trois jours plus tard", "deux jours auparavant": the sign of the offset.
# "before"/"after", "avant"/"après" count only at the end of a clause: "two days before the
# vote" counts from the vote, which the date package cannot see.
LATER_EARLIER = {
    "fr": {"plus tard": 1, "apres": 1, "plus tot": -1, "auparavant": -1, "avant": -1},
    "en": {"later": 1, "afterwards": 1, "afterward": 1, "after": 1, "earlier": -1,
           "before": -1},
}
CLAUSE_FINAL_ONLY = {"apres", "avant", "after", "before"}

# Vague times ahead or behind the publication date: TimeML FUTURE_REF / PAST_REF, no calendar
# date ("in the coming days" tells a reader that something is planned, not when).
VAGUE_FUTURE = {
    "fr": ["dans les prochains jours", "dans les prochaines semaines", "dans les prochains mois",
           "dans les jours qui viennent", "dans les semaines qui viennent",
           "dans les mois qui viennent", "dans les jours a venir", "dans les semaines a venir",
           "dans les mois a venir", "prochainement", "sous peu"],
    "en": ["in the coming days", "in the coming weeks", "in the coming months",
           "in the days ahead", "in the weeks ahead", "in the months ahead",
           "over the coming days", "over the coming weeks", "over the coming months",
           "in the days to come", "in the weeks to come", "in the months to come"],
}
VAGUE_PAST = {
    "fr": ["recemment", "dernierement", "ces derniers jours", "ces dernieres semaines",
           "ces derniers mois"],
    "en": ["recently", "in recent days", "in recent weeks", "in recent months", "lately"],
}

# Words after a four-digit number that show it counts things and is not a year.
COUNTED_NOUNS = (
    "personnes|habitants|euros?|francs?|dollars?|livres|metres|kilometres|km|m2|m|kg|tonnes|"
    "hectares|ha|litres|voix|emplois|salaries|eleves|spectateurs|visiteurs|exemplaires|"
    "logements|points|fois|jours|heures|minutes|morts|victimes|soldats|hommes|femmes|enfants|"
    "participants|membres|places|lits|signatures|fr|f|people|residents|troops|soldiers|miles|"
    "feet|tons|votes|jobs|workers|students|pounds|cars|units|shares|barrels|children|deaths|"
    "pages|copies|bn|million|millions|milliards?|billion|mds?|mln|kilometers|meters|acres|"
    "employees|patients|cases|calories|mph|km/h|rpm|ans|years"
)
