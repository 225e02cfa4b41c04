"""Who took part in an event when the parser lost the sentence's subject, when the parties sit at one table,
and when a source phrase names who told of it.

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def _gatherings(ex):
    return [e for e in ex.events if e.kind in ("meeting", "negotiation")]


@pytest.mark.parametrize(("language", "text"), [
    # the parser hangs « des délégations » on the comma and « ukrainienne » on the verb: the verb has no subject
    ("fr", "Pour la première fois depuis le printemps 2022, des délégations russe et ukrainienne se sont assises "
           "vendredi à la même table, au palais de Dolmabahçe à Istanbul."),
    ("en", "Russian and Ukrainian delegations sat down at the same table in Istanbul on Friday."),
    # « les délégations russe et ukrainienne »: the second adjective, hung on the verb, qualifies the same noun
    ("fr", "Les délégations russe et ukrainienne se sont retrouvées vendredi à Istanbul."),
])
def test_two_delegations_at_one_table_meet(language, text):
    ex = read(text, language=language, published="2025-05-17")
    [talks] = _gatherings(ex)
    assert (str(talks.date), talks.location) == ("2025-05-16", "Istanbul")
    assert parties(ex, talks) == {"Russia", "Ukraine"}


def test_one_side_called_to_the_table_is_no_meeting():
    ex = read("Moscow must come to the table, Zelensky said on Friday. « Si Moscou ne veut pas s'asseoir à la table, "
              "il faut frapper son économie », a-t-il ajouté.", language="fr", published="2025-05-17")
    assert _gatherings(ex) == []


def test_who_a_source_phrase_names_told_of_the_agreement_and_is_no_party():
    ex = read("Des délégations russe et ukrainienne se sont retrouvées vendredi à Istanbul. Selon le ministre turc des "
              "Affaires étrangères, Hakan Fidan, les deux camps se sont entendus sur un échange de mille prisonniers "
              "contre mille.", language="fr", published="2025-05-17")
    [deal] = [e for e in ex.events if e.kind == "agreement"]
    assert parties(ex, deal) == {"Russia", "Ukraine"}
    # he is still the one who said it
    assert any(s.speaker and ex.actor(s.speaker).name == "Hakan Fidan" for s in ex.statements)


def test_the_source_of_a_plan_does_not_host_the_talks():
    ex = read("According to Trump, the Vatican could host the talks.", language="en", published="2025-05-20")
    assert all("Donald Trump" not in parties(ex, e) for e in ex.events)


def test_a_party_in_a_phrase_before_a_verb_without_subject_is_not_its_subject():
    # "endorsed" lost its subject to "meeting": Zelensky, in its with-phrase, did not endorse the plan
    ex = read("On Thursday the heads of state and government, meeting in Brussels with Volodymyr Zelensky in the room, "
              "endorsed the plan.", language="en", published="2025-03-07")
    assert all("Volodymyr Zelensky" not in parties(ex, e) for e in ex.events if e.kind == "agreement")


def test_a_meeting_someone_did_not_attend_took_place_without_them():
    ex = read("Marco Rubio n'a pas assisté ce mercredi à la réunion des ministres des Affaires étrangères de l'Otan à "
              "Bruxelles.", language="fr", published="2025-12-03")
    [meeting] = _gatherings(ex)
    assert (str(meeting.date), meeting.location, meeting.status) == ("2025-12-03", "Brussels", "occurred")
    assert parties(ex, meeting) == {"NATO"}


def test_a_meeting_someone_skipped_took_place_without_them():
    ex = read("He then skipped Wednesday's meeting of NATO foreign ministers in Brussels. Rubio had called the "
              "Florida session productive.", language="en", published="2025-12-04")
    [meeting] = [e for e in _gatherings(ex) if e.location == "Brussels"]
    assert "Marco Rubio" not in parties(ex, meeting)
    assert str(meeting.date) == "2025-12-03"


def test_talks_that_were_not_held_are_still_no_event():
    ex = read("Rubio did not hold talks with Lavrov on Wednesday.", language="en", published="2025-12-04")
    assert _gatherings(ex) == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Steve Witkoff met Vladimir Putin in St Petersburg on Friday. The envoy first met Putin in February."),
    ("fr", "Steve Witkoff a rencontré Vladimir Poutine vendredi à Saint-Pétersbourg. L'émissaire avait rencontré "
           "Poutine une première fois en février."),
])
def test_the_envoy_is_the_special_envoy_the_story_named_and_his_first_meeting_is_another(language, text):
    ex = read(text, language=language, published="2025-04-12")
    meetings = sorted(_gatherings(ex), key=lambda e: str(e.date))
    assert [str(e.date) for e in meetings] == ["2025-02-01", "2025-04-11"]
    assert all(parties(ex, e) == {"Steve Witkoff", "Vladimir Putin"} for e in meetings)


def test_a_first_meeting_still_to_come_is_a_step_of_the_one_planned():
    ex = read("Ushakov said on Tuesday that Putin and Trump would first meet one-on-one in Anchorage.",
              language="en", published="2025-08-12")
    assert len(_gatherings(ex)) == 1


def test_sitting_next_to_someone_is_meeting_them():
    ex = read("The day before, sitting next to NATO Secretary-General Mark Rutte in the Oval Office, Trump announced "
              "that European allies would buy American weapons.", language="en", published="2025-07-15")
    [meeting] = _gatherings(ex)
    assert (str(meeting.date), meeting.location) == ("2025-07-14", "Washington")
    assert {"Donald Trump", "Mark Rutte"} <= parties(ex, meeting)


def test_sitting_next_to_a_thing_is_no_meeting():
    ex = read("Trump, sitting next to a stack of executive orders, spoke for an hour on Monday.", language="en",
              published="2025-07-15")
    assert _gatherings(ex) == []


@pytest.mark.parametrize(("language", "text", "who"), [
    ("fr", "Le président ukrainien Volodymyr Zelensky se trouvait vendredi à Tirana pour le sommet de la Communauté "
           "politique européenne.", "Volodymyr Zelensky"),
    ("en", "Kirill Dmitriev, the head of Russia's sovereign wealth fund, flew in last week for two days of meetings in "
           "Washington.", "Kirill Dmitriev"),
])
def test_who_is_somewhere_for_a_gathering_attends_it(language, text, who):
    ex = read(text, language=language, published="2025-05-17")
    assert any(who in parties(ex, e) for e in _gatherings(ex))


def test_pressing_for_talks_is_not_attending_them():
    ex = read("Zelensky pushed on Friday for talks with Putin in Istanbul.", language="en", published="2025-05-17")
    assert all("Volodymyr Zelensky" not in parties(ex, e) or e.status == "planned" for e in _gatherings(ex))


def test_sanctions_by_two_sides_are_two_events():
    # (written for the tests) the EU's package is not Trump's sanctions told again, though both hit Russia
    ex = read("Donald Trump a imposé mercredi des sanctions aux groupes pétroliers russes Rosneft et Loukoïl.\n\nA Bruxelles, où les dirigeants "
              "des Vingt-Sept sont réunis jeudi en présence de Volodymyr Zelensky, l'Union européenne a formellement "
              "adopté son 19e paquet de sanctions contre la Russie.", language="fr", published="2025-10-23")
    sanctions = [e for e in ex.events if e.kind == "sanction"]
    assert len(sanctions) == 2
    by_eu = next(e for e in sanctions if "European Union" in parties(ex, e))
    assert "Donald Trump" not in parties(ex, by_eu) and str(by_eu.date) == "2025-10-23"


def test_sanctions_told_twice_by_one_side_are_one_event():
    # (a person and an institution of one country are one side)
    ex = read("Donald Trump imposed sanctions on Rosneft and Lukoil on Wednesday. The US Treasury imposed the sanctions "
              "on Wednesday to cut the Kremlin's oil revenue.", language="en", published="2025-10-23")
    assert len([e for e in ex.events if e.kind == "sanction"]) == 1


def test_a_meeting_held_at_a_conference_the_sentence_names_is_a_meeting_of_its_own():
    # « où Vance doit rencontrer… »: the relative clause of the conference tells of a meeting held there, with its
    # own parties (it was joined to the conference and lost them)
    ex = read("La réunion a eu lieu à Bruxelles, la veille de l'ouverture de la Conférence sur la sécurité de Munich, "
              "où le vice-président JD Vance doit rencontrer vendredi le président ukrainien.", language="fr",
              published="2025-02-13")
    [meeting] = [e for e in ex.events if parties(ex, e) == {"JD Vance", "Volodymyr Zelensky"}]
    assert (meeting.kind, str(meeting.date), meeting.status) == ("meeting", "2025-02-14", "planned")
    assert meeting.location == "Munich"  # where the conference is


def test_a_summit_where_leaders_meet_someone_is_one_event():
    # leaders meeting a guest at the summit they hold is the summit, not a meeting of its own
    ex = read("Macron organise vendredi à Paris un sommet où les dirigeants européens rencontreront Zelensky.",
              language="fr", published="2025-02-13")
    assert len([e for e in ex.events if e.kind == "meeting"]) == 1


def test_a_deal_signed_where_a_meeting_was_held_is_the_meeting_s_sides_deal_that_day():
    # "where" hangs on the day; the ministers who signed name no side
    ex = read("Keir Starmer hosted Narendra Modi at Chequers on Thursday, where ministers signed the trade agreement.",
              language="en", published="2025-07-25")
    [deal] = [e for e in ex.events if e.kind == "agreement"]
    assert (str(deal.date), deal.status) == ("2025-07-24", "occurred")
    assert parties(ex, deal) == {"Keir Starmer", "Narendra Modi"}


@pytest.mark.parametrize(("text", "kind", "expected"), [
    # the subject of "welcomed" is Macron: "him" is someone else, the guest named before
    ("Friedrich Merz travelled to Paris on Wednesday, where Emmanuel Macron welcomed him at the Elysee.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Keir Starmer spoke to Donald Trump on Monday. Later, Emmanuel Macron called him to discuss Ukraine.", "call",
     {"Emmanuel Macron", "Keir Starmer"}),
])
def test_whom_an_object_pronoun_names_is_a_party_other_than_the_doer(text, kind, expected):
    ex = read(text, language="en", published="2025-05-08")
    last = [e for e in ex.events if e.kind == kind][-1]
    assert parties(ex, last) == expected
