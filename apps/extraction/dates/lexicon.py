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

# Relative words meaning "the previous one" / "the next one" / "the current one".
PREVIOUS = {"dernier", "derniere", "derniers", "dernieres", "passe", "passee", "passes",
            "passees", "precedent", "precedente", "last", "past", "previous", "this past"}
NEXT = {"prochain", "prochaine", "prochains", "prochaines", "suivant", "suivante", "next",
        "coming", "this coming", "following"}

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
