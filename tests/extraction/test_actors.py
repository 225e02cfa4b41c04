"""Actors: one record per real-world actor, under its canonical name, journalists and headings left out."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import Gazetteer

from .pipeline_helpers import fixture_article, names, read
from apps.extraction.pipeline import extract


@pytest.fixture(scope="session")
def seed():
    return extract(fixture_article("seed-reuters-fr-2025-09-04"))


def test_bylines_and_credits_are_journalists_not_actors(seed):
    assert {"John Irish", "Andrew Gray", "Tom Balmforth", "Jean Terzian"} <= set(seed.authors)
    assert not {"John Irish", "Andrew Gray", "Tom Balmforth", "Jean Terzian"} & names(seed)


def test_the_seed_story_names_its_thirteen_actors_once_each(seed):
    expected = {"Volodymyr Zelensky", "Emmanuel Macron", "Donald Trump", "Vladimir Putin", "Mark Rutte",
                "Steve Witkoff", "John Foreman", "NATO", "Coalition of the willing", "Élysée", "Ukraine",
                "Russia", "United States"}
    found = [a.name for a in seed.actors if a.kind != "place"]
    assert expected <= set(found)
    assert len(found) == len(set(found)), "an actor was recorded twice"


def test_every_mention_points_at_its_words_in_the_text(seed):
    text = fixture_article("seed-reuters-fr-2025-09-04").text
    for actor in seed.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def test_heading_in_capitals_is_not_a_name(seed):
    assert not any("CLART" in a.name or "ILLUSOIRE" in a.name for a in seed.actors)


def test_a_capital_as_subject_is_its_country_and_after_a_preposition_a_place():
    ex = read("Moscou a rejeté la proposition. Le sommet se tiendra à Londres.", published="2025-05-02")
    assert "Russia" in names(ex)
    assert "United Kingdom" not in names(ex)


def test_a_title_points_at_the_person_named_right_after_it():
    ex = read("Le président ukrainien Volodymyr Zelensky est arrivé.")
    zelensky = next(a for a in ex.actors if a.name == "Volodymyr Zelensky")
    assert {"président ukrainien", "Volodymyr Zelensky"} <= {m.text for m in zelensky.mentions}


@pytest.mark.parametrize(("published", "chancellor"), [("2024-06-01", "Olaf Scholz"), ("2025-09-01", "Friedrich Merz")])
def test_a_title_alone_means_whoever_held_it_that_day(published, chancellor):
    ex = read("Le chancelier allemand a appelé à la prudence.", published=published)
    assert chancellor in names(ex)


def test_spelling_variants_are_the_same_person():
    ex = read("Volodymyr Zelenskyi a rencontré Volodimir Zelensky. Zelenskiy a parlé.", published="2025-05-02")
    assert [a.name for a in ex.actors if a.kind == "person"] == ["Volodymyr Zelensky"]


def test_an_unknown_person_becomes_a_new_actor_and_the_surname_later_links_to_it():
    ex = read("Marie Lefebvre, analyste à Paris, a souligné que la trêve était fragile. Lefebvre a ajouté qu'il fallait attendre.")
    lefebvre = next(a for a in ex.actors if a.name == "Marie Lefebvre")
    assert lefebvre.is_new and lefebvre.key == "new:marie lefebvre"
    assert [m.text for m in lefebvre.mentions] == ["Marie Lefebvre", "Lefebvre"]


def test_a_name_editors_rejected_never_becomes_an_actor():
    gaz = Gazetteer.from_file()
    rejecting = Gazetteer([e for e in _raw_entries()], rejected_names=["Marie Lefebvre"])
    text = "Marie Lefebvre, analyste, a souligné que la trêve était fragile."
    assert "Marie Lefebvre" in names(read(text, gazetteer=gaz))
    assert "Marie Lefebvre" not in names(read(text, gazetteer=rejecting))


def test_an_alias_editors_added_is_matched_in_the_next_article():
    entries = _raw_entries() + [{"key": "db:7", "name": "Oleksandr Merezhko", "kind": "person", "country": "UA",
                                 "aliases": [{"name": "Merejko", "language": "fr"}]}]
    ex = read("Merejko a estimé que la paix était lointaine.", gazetteer=Gazetteer(entries))
    assert "Oleksandr Merezhko" in names(ex)


def _raw_entries() -> list[dict]:
    import json

    from apps.extraction.pipeline.gazetteer import DATA_FILE

    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["entries"]


def test_a_group_written_as_a_common_noun_is_still_found():
    # written for the tests: the gazetteer spells it "Coalition of the willing" and "coalition of the willing"
    ex = read("Macron said after a summit of the coalition of the willing on Thursday that 26 countries had "
              "pledged to take part.", language="en")
    assert "Coalition of the willing" in names(ex)


# --- names that only look like actors (sentences written for the tests) -------------------------

def test_an_organization_that_only_qualifies_a_title_is_no_actor():
    ex = read("Maritime Secretary Ola Brandt told the committee that the convoy would sail on Monday.",
              language="en", published="2025-05-02")
    assert "Maritime" not in names(ex) and "Ola Brandt" in names(ex)


def test_an_organization_in_a_persons_designation_is_no_actor():
    ex = read("Le secrétaire à l'Armée de terre Dan Driscoll a rencontré les négociateurs.", published="2025-11-24")
    assert "Armée de terre" not in names(ex)


def test_a_time_zone_is_no_actor():
    ex = read("Live coverage by our desk in Kyiv. All times GMT.\n\nThe call ended at 10:40 GMT, a Kremlin aide said.",
              language="en", published="2025-05-02")
    assert "GMT" not in names(ex)


def test_the_platform_where_words_were_posted_is_no_actor():
    en = read("The foreign minister wrote on Telegram that the talks had failed.", language="en",
              published="2025-05-02")
    fr = read("Le ministre a écrit sur son réseau Truth Social que les pourparlers avaient échoué.",
              published="2025-05-02")
    assert "Telegram" not in names(en) and "Truth Social" not in names(fr)


def test_a_room_or_a_plane_where_something_happens_is_no_actor():
    en = read("Reporters waited in the Cabinet Room while the two leaders spoke.", language="en",
              published="2025-05-02")
    fr = read("Le président a quitté le sommet à bord d'Air Force One mardi soir.", published="2025-05-02")
    assert "Cabinet Room" not in names(en) and "Air Force One" not in names(fr)


def test_an_organization_that_is_acted_on_or_speaks_is_an_actor():
    ex = read("Washington announced sanctions against Rosneft and Lukoil on Wednesday. "
              "A spokesman for Nordgas said the pipeline would reopen.", language="en", published="2025-05-02")
    assert {"Rosneft", "Lukoil", "Nordgas"} <= names(ex)


@pytest.mark.parametrize("text", [
    "Anna Berg, a senior fellow at the Nordic Policy Institute, said the deal was fragile.",
    "The mayor acted under pressure from Greenpeace and the dockers.",
    "Anna Berg of Greenpeace said the talks were over.",
    "The unions, including the Dockers Federation and Greenpeace, backed the deal.",
])
def test_an_organization_someone_works_for_or_that_presses_others_is_an_actor(text):
    found = names(read(text, language="en", published="2025-05-02"))
    assert "Greenpeace" in found or "Nordic Policy Institute" in found
    assert not any(n.endswith(" and") for n in found)


def test_an_institution_is_an_actor_wherever_it_is_named():
    ex = read("The figures were discussed at a Baltic Energy Agency meeting in Riga.", language="en",
              published="2025-05-02")
    assert any("Baltic Energy Agency" in n for n in names(ex))


def test_the_short_name_of_an_organization_named_before_is_the_same_actor():
    ex = read("The European Commission proposed new sanctions on Monday. The Commission said the package would pass.",
              language="en", published="2025-05-02")
    commission = [a for a in ex.actors if "Commission" in a.name]
    assert [a.name for a in commission] == ["European Commission"]
    assert [m.text for m in commission[0].mentions] == ["European Commission", "Commission"]


# --- capitals: the government or the city --------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "country", "acts"), [
    ("Rome a annoncé lundi un nouveau paquet d'aide.", "fr", "Italy", True),
    ("La conférence de Rome sur la reconstruction s'ouvre jeudi.", "fr", "Italy", False),
    ("Riyadh rejected the plan on Monday.", "en", "Saudi Arabia", True),
    ("The Riyadh talks ended on Monday without a deal.", "en", "Saudi Arabia", False),
    ("Les pourparlers techniques de Riyad ont duré deux jours.", "fr", "Saudi Arabia", False),
    ("Rubio left Paris on Friday for Brussels.", "en", "France", False),
    ("Les dernières informations (heure de Paris).", "fr", "France", False),
    # after a meeting noun, "between", "with" or "without" put the capital on a side of the table
    ("Talks between Washington and Moscow took place in Riyadh.", "en", "Russia", True),
    ("The talks with Kyiv resumed in Geneva.", "en", "Ukraine", True),
    ("Les discussions entre Washington et Moscou se sont tenues à Riyad.", "fr", "Russia", True),
    ("Les pourparlers sans Kiev ont duré quatre heures.", "fr", "Ukraine", True),
    ("A Paris, on préfère voir le verre à moitié plein.", "fr", "France", False),
])
def test_a_capital_is_its_government_only_where_it_acts(text, language, country, acts):
    assert (country in names(read(text, language=language, published="2025-05-02"))) is acts


@pytest.mark.parametrize("text", [
    "The Washington Post reported the plan on Sunday.",
    "A statue of George Washington stands in the square.",
    "Washington lobbyists were hired to push the deal.",
])
def test_a_capital_inside_another_name_or_qualifying_a_trade_is_not_its_government(text):
    assert "United States" not in names(read(text, language="en", published="2025-05-02"))


def test_two_capitals_that_act_together_are_both_governments():
    ex = read("Washington et Moscou ont renoué le dialogue mardi.", published="2025-02-18")
    assert {"United States", "Russia"} <= names(ex)


def test_according_to_a_seat_of_government_names_it_as_a_source():
    ex = read("According to the Elysee, the leaders backed a three-way meeting.", language="en", published="2025-08-13")
    assert "Élysée" in names(ex)


def test_a_continent_after_a_preposition_is_a_place_and_in_a_ministers_title_a_portfolio():
    ex = read("La suite se jouera en Europe. Jean-Noël Barrot, ministre de l'Europe et des Affaires étrangères, "
              "a reçu son homologue.", published="2025-07-16")
    assert "Europe" not in names(ex) and "Jean-Noël Barrot" in names(ex)


def test_a_name_in_a_heading_in_capitals_is_read_in_the_body_not_there():
    ex = read("L'EUROPE CHERCHE SA PLACE\n\nRéunis lundi à Paris, les dirigeants ont discuté des garanties.",
              published="2025-02-18")
    assert "Europe" not in names(ex)


def test_the_west_wing_is_a_place_not_the_west():
    ex = read("Zelensky arrived at the West Wing on Monday.", language="en", published="2025-08-18")
    assert "Western countries" not in names(ex)


# --- nationality adjectives ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "country"), [
    ("Our Turkish counterparts will be in the room, Rubio said.", "en", "Turkey"),
    ("A monument honours the Russian pilots who died there.", "en", "Russia"),
    ("La délégation russe est arrivée vendredi à Istanbul.", "fr", "Russia"),
    ("Les négociateurs américains et ukrainiens se sont retrouvés dimanche.", "fr", "Ukraine"),
])
def test_a_nationality_adjective_makes_its_country_an_actor_where_those_who_act_for_it_do(text, language, country):
    ex = read(text, language=language, published="2025-05-16")
    assert country in names(ex)
    actor = next(a for a in ex.actors if a.name == country)
    assert all(m.text == text[m.start:m.end] for m in actor.mentions)


def test_a_plural_nationality_noun_names_the_nation_as_it_acts():
    ex = read("Une réunion a eu lieu ce matin entre Américains, Ukrainiens et Turcs.", published="2025-05-16")
    assert {"United States", "Ukraine", "Turkey"} <= names(ex)


@pytest.mark.parametrize(("text", "language", "country"), [
    ("He visited the Russian city of Murmansk on Friday.", "en", "Russia"),
    ("Le président a exclu l'envoi de soldats polonais en Ukraine.", "fr", "Poland"),
    ("Ils ont choisi de coller à la position américaine.", "fr", "United States"),
    ("Un représentant français a refusé de commenter le plan.", "fr", "France"),
    ("An American official declined to comment on the plan.", "en", "United States"),
])
def test_a_nationality_adjective_on_a_thing_or_on_people_who_do_not_act_names_no_actor(text, language, country):
    assert country not in names(read(text, language=language, published="2025-05-16"))


def test_a_nationality_adjective_is_a_mention_the_events_can_read_as_a_participant():
    ex = read("Russian negotiators met Ukrainian officials in Istanbul on Friday.", language="en",
              published="2025-05-16")
    russia = next(a for a in ex.actors if a.name == "Russia")
    assert [m.text for m in russia.mentions] == ["Russian"]


# --- titles: who holds the office on the day of the story ----------------------------------------

@pytest.mark.parametrize(("text", "holder"), [
    ("Le chancelier allemand a appelé à la prudence.", "Olaf Scholz"),
    ("Le futur chancelier allemand a appelé à la prudence.", "Friedrich Merz"),
    ("Le chancelier allemand désigné a appelé à la prudence.", "Friedrich Merz"),
])
def test_a_title_for_the_next_holder_names_the_successor(text, holder):
    assert holder in names(read(text, published="2025-04-18"))


@pytest.mark.parametrize(("published", "adviser"), [("2025-03-01", "Mike Waltz"), ("2025-06-01", "Marco Rubio")])
def test_the_us_national_security_adviser_is_whoever_held_it_that_day(published, adviser):
    assert adviser in names(read("The National Security Adviser urged caution.", language="en", published=published))


def test_the_gazetteer_tries_each_word_at_the_lengths_of_its_own_forms_longest_first():
    from apps.extraction.pipeline.gazetteer import Gazetteer, find_matches, tokenize_folded

    gaz = Gazetteer([
        {"key": "council", "name": "European Council", "kind": "organization"},
        {"key": "council-president", "name": "European Council President", "kind": "person"},
        {"key": "eu", "name": "European Union", "kind": "organization", "aliases": ["Europe"]},
        {"key": "long-form", "name": "Office of the High Representative of the Union", "kind": "organization"},
    ])
    text = "The European Council President met the European Union and the European Council; Europe waited."
    _, tokens = tokenize_folded(text)
    found = [(text[m.start:m.end], m.aliases[0].key) for m in find_matches(gaz, text, tokens)]
    assert found == [("European Council President", "council-president"), ("European Union", "eu"),
                     ("European Council", "council"), ("Europe", "eu")]
