"""Events in French text: constructions the parse gets wrong or that say an event was called off, and
meetings of one day kept apart. Every text is written for the test."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties as participants
from .pipeline_helpers import read


def by_kind(extraction, kind):
    return [e for e in extraction.events if e.kind == kind]


def test_a_planned_press_conference_left_without_was_called_off_that_day_with_both_parties():
    ex = read("BEYROUTH, 21 février - L'émissaire américain Steve Witkoff a quitté jeudi le palais présidentiel "
              "sans la conférence de presse commune prévue avec Emmanuel Macron.", published="2025-02-21")
    [conference] = by_kind(ex, "press_conference")
    assert (conference.status, str(conference.date)) == ("cancelled", "2025-02-20")
    assert {"Steve Witkoff", "Emmanuel Macron"} <= participants(ex, conference)


def test_leaving_without_a_press_conference_that_was_never_planned_is_no_event():
    ex = read("L'émissaire américain Steve Witkoff a quitté jeudi le palais présidentiel sans conférence de presse.",
              published="2025-02-21")
    assert by_kind(ex, "press_conference") == []


def test_a_meeting_that_will_not_take_place_is_called_off_on_the_day_of_the_trip_made_for_it():
    ex = read("Vendredi, Emmanuel Macron est arrivé à Varsovie pour une rencontre avec Donald Tusk qui n'aura pas "
              "lieu : le Premier ministre polonais a quitté la ville dès jeudi soir.", published="2025-02-21")
    [meeting] = by_kind(ex, "meeting")
    assert (meeting.status, str(meeting.date)) == ("cancelled", "2025-02-21")
    assert participants(ex, meeting) == {"Emmanuel Macron", "Donald Tusk"}


def test_seen_parsed_as_the_preposition_of_the_day_after_it_is_still_a_meeting_with_whom_was_seen():
    # « a vu jeudi le chef de la diplomatie » : the parser reads « vu » as the preposition of « jeudi »
    ex = read("L'émissaire Steve Witkoff est arrivé mercredi à Berlin. Il a aussi vu jeudi le chef de la "
              "diplomatie ukrainienne, Andriï Sybiha.", published="2025-02-21")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-02-20"
    assert participants(ex, meeting) == {"Steve Witkoff", "Andrii Sybiha"}


def test_two_tete_a_tete_of_one_leader_on_one_day_are_two_meetings():
    ex = read("Mardi, Emmanuel Macron a eu un tête-à-tête de quarante minutes avec le Premier ministre canadien, "
              "Mark Carney. Keir Starmer, qui a lui aussi vu le président français mardi, a promis de maintenir "
              "la pression.", published="2025-06-18")
    meetings = by_kind(ex, "meeting")
    assert sorted(sorted(participants(ex, m)) for m in meetings) == [
        ["Emmanuel Macron", "Keir Starmer"], ["Emmanuel Macron", "Mark Carney"]]


def test_a_trip_to_a_city_where_a_meeting_is_to_be_held_is_that_meeting_on_the_day_of_the_trip():
    ex = read("Jean-Noël Barrot est attendu jeudi à Varsovie, où il doit rencontrer Donald Tusk.",
              published="2025-03-03")
    assert by_kind(ex, "visit") == []
    [meeting] = by_kind(ex, "meeting")
    assert (meeting.status, str(meeting.date), meeting.location) == ("planned", "2025-03-06", "Warsaw")
    assert participants(ex, meeting) == {"Jean-Noël Barrot", "Donald Tusk"}


def test_a_trip_to_a_city_where_a_summit_is_held_brings_the_traveller_to_the_summit_that_week():
    ex = read("Emmanuel Macron est attendu la semaine prochaine à Bruxelles, où se tient le sommet de l'Union "
              "européenne.", published="2025-03-05")
    [summit] = by_kind(ex, "meeting")
    assert (summit.status, str(summit.date), summit.location) == ("planned", "2025-03-10", "Brussels")
    assert "Emmanuel Macron" in participants(ex, summit)


def test_a_verbless_opening_before_a_colon_is_the_meeting_the_clause_after_it_tells():
    ex = read("Trois heures d'entretien et une photo sur le perron : le chancelier Friedrich Merz a quitté mardi "
              "l'Elysée après sa visite chez Emmanuel Macron.", published="2025-05-14")
    [meeting] = by_kind(ex, "meeting")
    assert (meeting.status, str(meeting.date)) == ("occurred", "2025-05-13")
    assert "Friedrich Merz" in participants(ex, meeting)


def test_a_verbless_opening_sentence_is_the_talks_the_next_sentence_of_its_paragraph_tells():
    ex = read("Six heures de discussions dans une villa, et un texte commun. Lundi, à Genève, Marco Rubio et "
              "Andriï Iermak ont adopté une feuille de route.", published="2025-05-14")
    [talks] = by_kind(ex, "meeting") + by_kind(ex, "negotiation")
    assert (str(talks.date), talks.location) == ("2025-05-12", "Geneva")
    assert {"Marco Rubio", "Andriy Yermak"} <= participants(ex, talks)


def test_a_verbless_opening_followed_by_another_paragraph_tells_no_event():
    ex = read("Six heures de discussions dans une villa, et un texte commun.\n\nLundi, à Genève, Marco Rubio a "
              "déjeuné au bord du lac.", published="2025-05-14")
    assert by_kind(ex, "meeting") + by_kind(ex, "negotiation") == []


def test_two_leaders_who_spoke_to_each_other_by_phone_held_a_call():
    ex = read("Lundi, Friedrich Merz et Recep Tayyip Erdogan se sont parlé au téléphone pendant une heure.",
              published="2025-05-14")
    [call] = by_kind(ex, "call")
    assert str(call.date) == "2025-05-12"
    assert participants(ex, call) == {"Friedrich Merz", "Recep Tayyip Erdoğan"}


def test_a_participle_opening_the_sentence_has_the_main_clause_subject_as_traveller():
    # the parser hangs « le général Keith Kellogg » on « Arrivé » as its object
    ex = read("Arrivé mercredi à Varsovie, le général Keith Kellogg avait promis d'écouter les Polonais.",
              published="2025-02-21")
    [visit] = by_kind(ex, "visit")
    assert (str(visit.date), visit.location) == ("2025-02-19", "Warsaw")
    assert participants(ex, visit) == {"Keith Kellogg"}


def test_two_leaders_who_talked_for_hours_in_a_city_met_there():
    # « à Genève » is where they talked, not an audience they talked to
    ex = read("Emmanuel Macron et Olaf Scholz ont discuté pendant deux heures mardi à Genève.", published="2025-03-06")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-03-04"
    assert participants(ex, meeting) == {"Emmanuel Macron", "Olaf Scholz"}


def test_a_declaration_read_before_the_press_is_a_statement_of_its_readers():
    ex = read("Mercredi, Keir Starmer et Mark Rutte ont lu une courte déclaration devant la presse à Londres.",
              published="2025-03-06")
    [statement] = by_kind(ex, "statement")
    assert str(statement.date) == "2025-03-05"
    assert participants(ex, statement) == {"Keir Starmer", "Mark Rutte"}


def test_receiving_ones_guest_is_a_meeting_hosted_by_whoever_receives():
    ex = read("Jeudi, Friedrich Merz a reçu son invité à la chancellerie.", published="2025-03-06")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-03-06"
    assert [(ex.actor(p.key).name, p.role) for p in meeting.participants] == [("Friedrich Merz", "host")]


def test_delegations_the_parser_made_the_root_of_the_sentence_are_still_who_met():
    # the parser hangs « se sont retrouvées » on « délégations » as a conjunct: the verb has no subject of its own
    ex = read("Les délégations russe et ukrainienne se sont retrouvées mardi à Genève pour un troisième cycle de "
              "discussions.", published="2025-03-06")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-03-04"
    assert "Russia" in participants(ex, meeting)


def test_the_two_sides_that_agreed_are_the_heads_of_delegation_named_before():
    # « sont convenus » takes « être » and reads as a passive with no agent: its subject still names the parties
    ex = read("La délégation américaine était menée par Marco Rubio, celle de Kiev par Andriï Iermak. Mardi, les "
              "deux camps sont convenus d'un échange de prisonniers.", published="2025-03-06")
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-03-04"
    assert participants(ex, agreement) == {"Marco Rubio", "Andriy Yermak"}


def test_talks_resumed_in_the_morning_and_a_dinner_that_evening_are_two_meetings():
    ex = read("Lundi matin, Emmanuel Macron a repris la discussion avec Marco Rubio et Steve Witkoff. Lundi soir, "
              "Emmanuel Macron a réuni à dîner Keir Starmer et Friedrich Merz.", published="2025-04-22")
    meetings = by_kind(ex, "meeting")
    assert sorted(sorted(participants(ex, m)) for m in meetings) == [
        ["Emmanuel Macron", "Friedrich Merz", "Keir Starmer"], ["Emmanuel Macron", "Marco Rubio", "Steve Witkoff"]]
    assert {str(m.date) for m in meetings} == {"2025-04-21"}


def test_a_pronoun_after_a_preposition_stands_for_the_people_the_sentence_named():
    ex = read("Mardi, Andriï Sybiha a rencontré Marco Rubio et Steve Witkoff à Paris, avant de reprendre la "
              "discussion avec eux mercredi 23 avril.", published="2025-04-24")
    meetings = sorted(by_kind(ex, "meeting"), key=lambda m: str(m.date))
    assert [str(m.date) for m in meetings] == ["2025-04-22", "2025-04-23"]
    assert participants(ex, meetings[1]) >= {"Marco Rubio", "Steve Witkoff"}


def test_the_host_who_welcomed_the_delegations_took_part_in_their_talks():
    ex = read("Dimanche, Volodymyr Zelensky a discuté cinq heures avec Steve Witkoff à Berlin. Le chancelier "
              "Friedrich Merz, qui a accueilli les délégations, a ouvert la séance.", published="2025-12-16")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-12-14"
    assert participants(ex, meeting) >= {"Volodymyr Zelensky", "Steve Witkoff", "Friedrich Merz"}


def test_a_weekday_with_a_french_present_is_the_nearest_such_day_coming_or_gone():
    # published on a Tuesday: « jeudi » two days on, « lundi » the day before
    ex = read("Jeudi, Emmanuel Macron reçoit Friedrich Merz à l'Élysée.", published="2025-12-16")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.status) == ("2025-12-18", "planned")
    ex = read("Lundi, Emmanuel Macron reçoit Friedrich Merz à l'Élysée.", published="2025-12-16")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.status) == ("2025-12-15", "occurred")


def test_an_attack_with_a_nationality_and_an_indefinite_article_is_that_country_s():
    # « une attaque russe »: what the state does, though « un diplomate russe » is only someone
    ex = read("Le Kremlin n'a pas réagi. Dans la nuit de lundi à mardi, une attaque russe de drones a fait dix morts "
              "à Odessa.", published="2025-06-17")
    [strike] = by_kind(ex, "military_action")
    assert str(strike.date) == "2025-06-16"
    assert "Russia" in participants(ex, strike)


def test_two_delegations_that_talked_are_a_meeting_of_their_countries():
    ex = read("Mardi, à Genève, les délégations américaine et iranienne ont discuté pendant trois heures.",
              published="2025-03-06")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-03-04"
    assert {"United States", "Iran"} <= participants(ex, meeting)


def test_discussing_a_subject_alone_is_no_meeting():
    ex = read("Mardi, Emmanuel Macron a discuté du budget de la défense.", published="2025-03-06")
    assert by_kind(ex, "meeting") == []


def test_who_is_expected_there_for_a_visit_makes_it_to_the_place_y_stands_for():
    ex = read("Le prochain acte se jouera à Varsovie : Friedrich Merz y est attendu la semaine prochaine pour une "
              "visite de deux jours.", published="2025-07-05")
    [visit] = by_kind(ex, "visit")
    assert (str(visit.date), visit.status, visit.location) == ("2025-07-07", "planned", "Warsaw")
    assert participants(ex, visit) == {"Friedrich Merz"}


def test_the_guest_received_is_the_visitor_the_story_follows_and_the_two_governments_are_theirs():
    ex = read("Mardi, Emmanuel Macron est arrivé à Londres pour une visite d'État. Jeudi, Keir Starmer a reçu son "
              "hôte à Downing Street, et les deux gouvernements ont signé un accord sur l'immigration.",
              published="2025-07-11")
    meetings = [m for m in by_kind(ex, "meeting") if str(m.date) == "2025-07-10"]
    assert [participants(ex, m) for m in meetings] == [{"Keir Starmer", "Emmanuel Macron"}]
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-07-10"
    assert participants(ex, agreement) == {"Keir Starmer", "Emmanuel Macron"}


def test_delegations_named_by_their_countries_are_those_countries_not_the_parties_told_before():
    # written for this test: « les délégations américaine et russe » name their parties; « les délégations »
    # alone would point back to the parties just told (Zelensky, the White House)
    ex = read("Mercredi, Volodymyr Zelensky a critiqué la Maison Blanche. La veille, à Riyad, les délégations "
              "américaine et russe avaient discuté pendant quatre heures.", published="2025-02-20")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-02-18", "Riyadh")
    assert {ex.actor(p.key).name for p in meeting.participants} == {"United States", "Russia"}


@pytest.mark.parametrize(("text", "kind", "day", "who"), [
    ("Zelensky a plaidé sa cause devant les dirigeants européens lundi.", "statement", "2025-12-01",
     "Volodymyr Zelensky"),
    ("Emmanuel Macron s'est adressé au Parlement européen mardi.", "statement", "2025-12-02", "Emmanuel Macron"),
    ("La Pologne a abattu des drones russes mercredi.", "military_action", "2025-12-03", "Poland"),
    ("Moscou et Kiev ont conclu un cessez-le-feu lundi.", "agreement", "2025-12-01", "Ukraine"),
    ("Kiev a entériné le plan lundi.", "agreement", "2025-12-01", "Ukraine"),
    ("Zelensky s'est exprimé devant le Parlement mardi.", "statement", "2025-12-02", "Volodymyr Zelensky"),
    ("Vladimir Poutine et Donald Trump se sont entendus mardi sur un plan.", "agreement", "2025-12-02",
     "Vladimir Putin"),
    ("Emmanuel Macron s'est concerté avec Friedrich Merz lundi.", "meeting", "2025-12-01", "Friedrich Merz"),
    ("Steve Witkoff a débarqué jeudi à Moscou.", "visit", "2025-12-04", "Steve Witkoff"),
    ("Emmanuel Macron a passé un coup de fil à Vladimir Poutine lundi.", "call", "2025-12-01", "Emmanuel Macron"),
])
def test_a_phrase_of_diplomatic_or_war_news_names_its_event(text, kind, day, who):
    ex = read(text, published="2025-12-05")
    [event] = by_kind(ex, kind)
    assert str(event.date) == day and who in participants(ex, event)


@pytest.mark.parametrize("text", [
    "Zelensky a plaidé pour la paix lundi.",
    "Emmanuel Macron a appelé à un cessez-le-feu lundi.",
    "La France a un plan pour l'hiver.",
    "Zelensky s'est exprimé sur le sujet mardi.",
    "Zelensky a entendu les sirènes mardi.",
    "La guerre est un coup dur pour l'économie.",
])
def test_the_same_words_in_another_sense_name_no_event(text):
    ex = read(text, published="2025-12-05")
    assert not ex.events
