"""Events: kind, date, status, place and parties read from the sentence; one record per real event."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import extract
from apps.extraction.pipeline.events import KINDS, PLOVER, make_title

from .pipeline_helpers import fixture_article, read
from .pipeline_helpers import parties as participants


def by_kind(extraction, kind):
    return [e for e in extraction.events if e.kind == kind]


def test_a_visit_announced_for_monday_is_planned_for_next_monday_in_kyiv():
    ex = read("Le ministre français des Affaires étrangères, Jean-Noël Barrot, se rendra lundi à Kyiv.",
              published="2025-06-05")
    [visit] = by_kind(ex, "visit")
    assert (visit.status, str(visit.date), visit.location) == ("planned", "2025-06-09", "Kyiv")
    assert "Jean-Noël Barrot" in participants(ex, visit)


def test_a_phone_conversation_is_a_call_between_both_leaders():
    ex = read("Emmanuel Macron s'est entretenu mercredi par téléphone avec Volodymyr Zelensky.",
              published="2025-06-05")
    [call] = by_kind(ex, "call")
    assert str(call.date) == "2025-06-04" and call.status == "occurred"
    assert participants(ex, call) == {"Emmanuel Macron", "Volodymyr Zelensky"}


def test_a_first_name_the_tagger_reads_as_a_verb_does_not_turn_the_meeting_date_into_a_saying_date():
    # « Mette » is tagged as a form of « mettre », and « mettre en garde » is a reporting verb
    ex = read("BERLIN (Parley soak wire) – L'émissaire américain Steve Witkoff a rencontré la Première ministre "
              "danoise Mette Frederiksen le 16 janvier 2025 à Berlin ; le sort des prisonniers de guerre était le "
              "principal sujet, selon un porte-parole.",
              published="2026-12-04")
    [meeting] = by_kind(ex, "meeting")
    assert str(meeting.date) == "2025-01-16"


def test_the_date_of_the_announcement_does_not_date_the_meeting_it_announces():
    # written for the tests; a parse of this sentence hangs "vendredi" on "annoncé"
    ex = read("Emmanuel Macron et le Premier ministre britannique Keir Starmer coprésideront vendredi à "
              "Londres une réunion de la coalition des volontaires consacrée aux garanties de sécurité, "
              "a annoncé mardi l'Élysée.", published="2025-09-16")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.status, meeting.location) == ("2025-09-19", "planned", "London")
    assert {"Emmanuel Macron", "Keir Starmer"} <= participants(ex, meeting)


# The sentences below were written for the tests.
@pytest.mark.parametrize(("text", "language", "day"), [
    ("Russia and Ukraine exchanged 146 prisoners of war each on Sunday in a swap brokered by the United Arab "
     "Emirates.", "en", "2025-09-07"),
    ("L'Ukraine et la Russie ont procédé dimanche à un échange de 146 prisonniers de guerre.", "fr", "2025-09-07"),
])
def test_a_prisoner_exchange_is_an_event_of_its_own(text, language, day):
    ex = read(text, language=language, published="2025-09-08")
    [swap] = by_kind(ex, "other")
    assert (str(swap.date), swap.plover) == (day, "RETREAT")
    assert {"Russia", "Ukraine"} <= participants(ex, swap)
    assert swap.titles["en"].startswith("Prisoner exchange between")
    assert swap.titles["fr"].startswith("Échange de prisonniers entre")


def test_an_exchange_of_views_is_no_prisoner_exchange():
    ex = read("Macron and Zelensky had a frank exchange of views on Sunday in Paris.", language="en",
              published="2025-09-08")
    assert by_kind(ex, "other") == []


def test_the_dateline_does_not_date_what_the_story_reports():
    ex = read("HELSINKI, 8 September (Parley) – Russia and Ukraine swapped 146 prisoners of war in a deal "
              "brokered by the United Arab Emirates, officials said.", language="en", published="2025-09-08")
    [swap] = by_kind(ex, "other")
    assert swap.date_inferred  # no date in the sentence: taken as of publication, and flagged


def test_a_call_first_reported_as_the_video_call_is_still_a_call():
    ex = read("German Chancellor Friedrich Merz hosted the video call in Berlin alongside Ukrainian President "
              "Volodymyr Zelensky.", language="en", published="2025-08-13")
    [call] = by_kind(ex, "call")
    assert call.location == "Berlin"
    assert {"Friedrich Merz", "Volodymyr Zelensky"} <= participants(ex, call)


def test_a_call_for_a_truce_is_no_phone_call():
    # written for the tests
    ex = read("Emmanuel Macron a lancé mardi à Paris un appel en faveur d'une trêve avec Volodymyr Zelensky.",
              published="2025-09-16")
    assert by_kind(ex, "call") == []
    ex = read("Emmanuel Macron a eu mardi un appel en visioconférence avec Volodymyr Zelensky.", published="2025-09-16")
    assert len(by_kind(ex, "call")) == 1


@pytest.mark.parametrize(("text", "language"), [
    ("La Commission européenne a présenté vendredi un dix-neuvième paquet de sanctions contre la Russie.", "fr"),
    ("Earlier this month, Trump imposed an extra 25% tariff on Indian goods to punish New Delhi.", "en"),
])
def test_sanctions_presented_or_tariffs_imposed_are_sanctions(text, language):
    ex = read(text, language=language, published="2025-09-19")
    [sanction] = by_kind(ex, "sanction")
    assert sanction.plover == "SANCTION"


def test_a_called_off_visit_keeps_the_month_it_was_set_for():
    # written for the tests
    ex = read("La visite à Moscou de l'émissaire américain Steve Witkoff, un temps annoncée pour début octobre, "
              "a été annulée.", published="2025-09-16")
    [visit] = by_kind(ex, "visit")
    assert (visit.status, str(visit.date), visit.precision) == ("cancelled", "2025-10-01", "month")


def test_the_guest_named_before_qu_il_avait_recu_was_received():
    # written for the tests
    ex = read("Le président français s'est entretenu mardi par téléphone avec Volodymyr Zelensky, qu'il avait "
              "reçu le 3 septembre à Paris.", published="2025-09-16")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.location) == ("2025-09-03", "Paris")


def test_a_negation_in_another_clause_does_not_cancel_the_meeting():
    # written for the tests: "any" belongs to "discussing", not to "meets"
    ex = read("European leaders urged U.S. President Donald Trump on Wednesday to secure a ceasefire before "
              "discussing any territorial concessions when he meets Russian President Vladimir Putin in "
              "Anchorage, Alaska, on Aug. 15.", language="en", published="2025-08-13")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.status) == ("2025-08-15", "planned")
    assert {"Donald Trump", "Vladimir Putin"} <= participants(ex, meeting)


def test_a_cancelled_meeting_says_so():
    ex = extract(fixture_article("fr_parley-tests_sanctions-ue-annulation"))
    [meeting] = by_kind(ex, "meeting")
    assert meeting.status == "cancelled" and meeting.location == "Geneva"
    assert meeting.titles["en"].endswith("called off") and meeting.title.endswith("annulée")


def test_announced_sanctions_are_one_sanction_event_with_plover_sanction():
    ex = extract(fixture_article("en_parley-tests_sanctions-summit-off"))
    [sanction] = by_kind(ex, "sanction")
    assert sanction.plover == "SANCTION" and str(sanction.date) == "2025-10-22"
    assert not by_kind(ex, "announcement")


def test_the_same_meeting_reported_twice_is_one_event():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    on_the_day = [e for e in by_kind(ex, "meeting") if str(e.date) == "2025-09-04" and e.location == "Paris"]
    assert len(on_the_day) == 1
    keys = [e.dedup_key for e in ex.events]
    assert len(keys) == len(set(keys))


def test_talks_that_did_not_happen_are_not_events():
    ex = read("Cela mettrait en exergue l'absence de négociations directes entre Volodymyr Zelensky et "
              "Vladimir Poutine.")
    assert not ex.events


def test_evidence_is_the_sentence_that_reports_the_event():
    art = fixture_article("fr_parley-tests_barrot-kyiv")
    for event in extract(art).events:
        assert art.text[event.evidence_start:event.evidence_end] == event.evidence_text


def test_every_event_kind_has_a_plover_mapping_and_a_readable_title():
    assert set(PLOVER) == set(KINDS)
    assert make_title("meeting", "occurred", ["Macron", "Zelensky"], "Paris") == "Macron and Zelensky meet in Paris"
    assert make_title("visit", "planned", ["Witkoff"], "Paris") == "Witkoff to visit Paris"


def test_a_group_that_travels_takes_the_plural_in_either_language():
    # « Dirigeants européens se rend à Kyiv » read as a typo to every French analyst
    assert make_title("visit", "occurred", ["Dirigeants européens"], "Kyiv", language="fr") \
        == "Dirigeants européens se rendent à Kyiv"
    assert make_title("visit", "planned", ["Dirigeants européens", "Zelensky"], "Kyiv", language="fr") \
        == "Dirigeants européens doivent se rendre à Kyiv"
    assert make_title("visit", "occurred", ["European leaders"], "Kyiv") == "European leaders visit Kyiv"
    assert make_title("visit", "occurred", ["Macron"], "Kyiv", language="fr") == "Macron se rend à Kyiv"


def test_french_titles_elide_and_contract_as_french_does():
    assert make_title("statement", "occurred", ["le Kremlin"], None, language="fr") == "Déclaration du Kremlin"
    assert make_title("agreement", "occurred", ["Zelensky"], None, language="fr", what="un accord gazier") \
        == "Zelensky convient d'un accord gazier"


def test_french_titles_name_an_organization_with_its_article_and_a_name_starting_with_a_vowel_elided():
    # written for the tests
    ex = read("Rustem Oumerov a donné lundi une conférence de presse à Kyiv. "
              "L'Union européenne a adopté lundi de nouvelles sanctions contre la Russie.", language="fr")
    titles = {e.kind: e.titles["fr"] for e in ex.events}
    assert titles["press_conference"] == "Conférence de presse d'Oumerov à Kyiv"
    assert titles["sanction"] == "Sanctions de l'Union européenne"


def test_what_a_title_says_was_announced_does_not_end_on_the_clause_s_comma():
    assert make_title("announcement", "occurred", ["United Kingdom"], None, what="100 new designations,") \
        == "United Kingdom announces 100 new designations"


def test_two_calls_the_same_day_with_other_people_on_the_line_are_two_calls():
    # written for the tests: a leader makes many calls a day; a party and a day in common do not make them one
    ex = read("Ukrainian President Volodymyr Zelensky, who spoke with Donald Trump on Tuesday evening, said the war "
              "had to end. Donald Trump briefed European leaders in a call later that day, according to his office.",
              language="en", published="2025-08-13")
    calls = by_kind(ex, "call")
    assert sorted(sorted(participants(ex, c)) for c in calls) == [
        ["Donald Trump", "European leaders"], ["Donald Trump", "Volodymyr Zelensky"]]
    assert {str(c.date) for c in calls} == {"2025-08-12"}


def test_a_call_told_again_with_one_of_its_parties_is_the_same_call():
    ex = read("Donald Trump spoke with Volodymyr Zelensky and Emmanuel Macron on Tuesday. "
              "Zelensky spoke with Trump for an hour on Tuesday, his office said.",
              language="en", published="2025-08-13")
    assert len(by_kind(ex, "call")) == 1


def test_new_designations_announced_by_a_government_are_sanctions():
    # written for the tests: the UK's word for the people and ships it lists
    ex = read("On Monday the government announced 40 new designations targeting Russia's shadow fleet.",
              language="en", published="2025-06-03")
    [sanction] = by_kind(ex, "sanction")
    assert str(sanction.date) == "2025-06-02"


def test_a_nightly_video_address_is_a_statement_of_its_own_not_the_remarks_told_before():
    # written for the tests: the possessive names who spoke, another speaker than the one before
    ex = read("Kremlin aide Yuri Ushakov told reporters on Tuesday that the talks had been useful. "
              "Ukrainian President Volodymyr Zelensky said in his nightly video address on Tuesday that Europe must "
              "be at the table.", language="en", published="2025-06-04")
    [statement] = by_kind(ex, "statement")
    assert participants(ex, statement) == {"Volodymyr Zelensky"}
    assert str(statement.date) == "2025-06-03"


def test_being_ready_to_meet_is_an_offer_not_a_meeting_that_took_place():
    # written for the tests
    ex = read("On Sunday, Volodymyr Zelensky said he was ready to meet Vladimir Putin after a ceasefire.",
              language="en", published="2025-05-12")
    assert [(m.status, m.date) for m in by_kind(ex, "meeting")] in ([], [("planned", None)])


def test_a_meeting_in_which_officials_agreed_took_place_it_is_not_planned():
    # written for the tests: "agreed" schedules what was agreed, not the meeting it was agreed in
    ex = read("American and Russian diplomats agreed in Geneva on Tuesday to reopen consulates, according to both "
              "sides, in the first such meeting since the war began.", language="en", published="2025-03-06")
    assert [(m.status, str(m.date)) for m in by_kind(ex, "meeting")] == [("occurred", "2025-03-04")]


def test_a_readout_s_prime_minister_is_the_head_of_government_of_the_publisher_on_the_call():
    # written for the tests, in the form of a Downing Street readout
    ex = read("The Prime Minister spoke to President Emmanuel Macron of France this evening.", language="en",
              published="2025-05-05", source="10 Downing Street")
    [call] = by_kind(ex, "call")
    assert {"Keir Starmer", "Emmanuel Macron"} <= participants(ex, call)


def test_the_earlier_members_of_a_counted_series_are_meetings_of_the_same_parties_on_their_own_days():
    ex = read("Marco Rubio met Sergei Lavrov in Geneva on Tuesday. It was Rubio's third meeting with Lavrov this "
              "year. The first, in February, came after weeks of silence; the second took place in Vienna on "
              "May 20.", published="2025-06-12", language="en")
    meetings = {(str(e.date), e.precision, e.location): participants(ex, e) for e in by_kind(ex, "meeting")}
    assert meetings[("2025-02-01", "month", None)] == {"Marco Rubio", "Sergei Lavrov"}
    assert meetings[("2025-05-20", "day", "Vienna")] == {"Marco Rubio", "Sergei Lavrov"}
    # the count runs over the year: the third meeting is Tuesday's, not one dated 2025
    assert ("2025-06-10", "day", "Geneva") in meetings and not any(p == "year" for _, p, _ in meetings)


def test_the_first_two_rounds_of_a_counted_series_are_two_rounds_between_the_same_delegations():
    ex = read("Ukrainian and Russian negotiators met in Geneva on Monday for their third round of direct talks. "
              "The first two rounds, on March 3 and April 14, ended without a ceasefire.",
              published="2025-06-12", language="en")
    dates = {str(e.date): participants(ex, e) for e in by_kind(ex, "meeting")}
    assert dates["2025-03-03"] == dates["2025-04-14"] == {"Ukraine", "Russia"}


def test_an_ordinal_with_no_series_counted_before_it_is_no_event():
    ex = read("The first, in February, came after weeks of silence; the second took place in Vienna on May 20.",
              published="2025-06-12", language="en")
    assert ex.events == []


def test_two_people_who_talk_together_meet_and_over_the_phone_they_call():
    ex = read("On Friday Marco Rubio was driven to the Kremlin, where he and Vladimir Putin talked for three hours.",
              published="2025-06-14", language="en")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), participants(ex, meeting)) == ("2025-06-13", {"Marco Rubio", "Vladimir Putin"})
    ex = read("Marco Rubio and Vladimir Putin talked by phone for an hour on Friday.", published="2025-06-14",
              language="en")
    [call] = by_kind(ex, "call")
    assert participants(ex, call) == {"Marco Rubio", "Vladimir Putin"} and not by_kind(ex, "meeting")


def test_drones_launched_at_cities_on_a_given_night_are_a_military_action_and_launched_talks_are_not():
    ex = read("Russia launched more than 80 drones at Ukrainian cities on Sunday night, officials said.",
              published="2025-06-12", language="en")
    [attack] = by_kind(ex, "military_action")
    assert str(attack.date) == "2025-06-08" and "Russia" in participants(ex, attack)
    ex = read("Russia launched a new round of contacts with Washington on Sunday.", published="2025-06-12",
              language="en")
    assert not by_kind(ex, "military_action")


def test_a_joint_statement_that_could_follow_is_a_possibility_not_a_statement():
    ex = read("Sergei Lavrov told state television the talks had been useful, adding that a joint statement could "
              "follow once both sides had consulted their capitals.", published="2025-06-12", language="en")
    assert not by_kind(ex, "statement")


def test_a_prisoner_exchange_agreed_with_no_day_of_its_own_is_what_was_agreed_not_a_second_event():
    ex = read("Ukrainian and Russian negotiators met in Geneva on Monday. Rustem Umerov told reporters afterwards "
              "that the two sides had agreed to exchange 500 prisoners of war each.",
              published="2025-06-12", language="en")
    assert by_kind(ex, "agreement") and not by_kind(ex, "other")


def test_accepting_the_other_side_s_proposal_on_a_given_day_is_an_agreement_between_them():
    ex = read("On Tuesday, Ukraine accepted a U.S. proposal for a 30-day ceasefire.", published="2025-03-13",
              language="en")
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-03-11" and {"Ukraine", "United States"} <= participants(ex, agreement)


def test_two_leaders_who_agree_that_something_will_happen_reach_an_agreement_one_who_agrees_that_only_speaks():
    ex = read("Donald Trump and Vladimir Putin spoke by phone on Tuesday. The two leaders agreed that work on a "
              "maritime ceasefire in the Black Sea will begin at once.", published="2025-03-20", language="en")
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-03-18"
    assert {"Donald Trump", "Vladimir Putin"} <= participants(ex, agreement)
    ex = read("Donald Trump agreed that Europe should pay more for its defence.", published="2025-03-20",
              language="en")
    assert not by_kind(ex, "agreement")


def test_who_signs_an_order_imposing_a_tariff_imposes_it():
    ex = read("On Wednesday, Donald Trump signed an order imposing an additional tariff on imports from India.",
              published="2025-08-07", language="en")
    [sanction] = by_kind(ex, "sanction")
    assert str(sanction.date) == "2025-08-06" and "Donald Trump" in participants(ex, sanction)


def test_both_leaders_who_agree_are_both_parties_and_one_agreement_across_the_readout():
    # (what they agreed will be done; "agreed this war needs to end" alone is a view they share: no agreement)
    ex = read("Today, President Trump and President Putin spoke by phone about the war. Both leaders agreed this war "
              "needs to end with a lasting peace.\n\nThe leaders spoke about the Middle East. The two leaders agreed "
              "that the movement to peace will begin with an energy ceasefire.", published="2025-03-18",
              language="en", source="The White House")
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-03-18"
    assert {"Donald Trump", "Vladimir Putin"} <= participants(ex, agreement)


def test_some_thirty_countries_are_new_parties_not_those_of_the_meeting_just_told():
    # written for this test: "the four leaders" points back to parties told; "some thirty countries" does not
    ex = read("On Thursday Kaja Kallas received Volodymyr Zelensky in Brussels. Military chiefs from some thirty "
              "countries will gather in Paris on Tuesday to discuss a reassurance force.", published="2025-03-07",
              language="en")
    meetings = sorted(by_kind(ex, "meeting"), key=lambda e: str(e.date))
    assert [(str(e.date), e.status) for e in meetings][0] == ("2025-03-06", "occurred")
    assert participants(ex, meetings[0]) == {"Kaja Kallas", "Volodymyr Zelensky"}
    assert all("Volodymyr Zelensky" not in participants(ex, e) for e in meetings if e.status == "planned")


# The language of diplomatic and war news beyond the first words (CAMEO/PLOVER verb classes): each sense that
# names an event, and the neighbouring sense that names none. Every sentence is written for the test.
@pytest.mark.parametrize(("text", "kind", "day", "who"), [
    ("Yermak stepped down on Friday.", "announcement", "2025-12-05", "Andriy Yermak"),
    ("Rubio sat across from the Russian delegation in Riyadh on Tuesday.", "meeting", "2025-12-02", "Marco Rubio"),
    ("Polish jets shot down drones over Poland on Wednesday.", "military_action", "2025-12-03", "Poland"),
    ("Zelensky addressed the European Parliament on Thursday.", "statement", "2025-12-04", "Volodymyr Zelensky"),
    ("Zelensky testified before Congress on Monday.", "statement", "2025-12-01", "Volodymyr Zelensky"),
    ("Kyiv endorsed the plan on Monday.", "agreement", "2025-12-01", "Ukraine"),
    ("Russia and Ukraine signed a ceasefire on Monday.", "agreement", "2025-12-01", "Russia"),
    ("Witkoff landed in Moscow on Thursday.", "visit", "2025-12-04", "Steve Witkoff"),
    ("Zelensky addressed parliament on Tuesday.", "statement", "2025-12-02", "Volodymyr Zelensky"),
    ("Russian forces pounded Kharkiv on Sunday.", "military_action", "2025-11-30", "Russia"),
    ("Zelensky consulted with European leaders on Monday.", "meeting", "2025-12-01", "Volodymyr Zelensky"),
    ("Macron stopped in Warsaw on Monday.", "visit", "2025-12-01", "Emmanuel Macron"),
    ("Trump signed off on the plan on Wednesday.", "agreement", "2025-12-03", "Donald Trump"),
    ("The United States blacklisted two Russian oil firms on Wednesday.", "sanction", "2025-12-03", "United States"),
    ("EU leaders convened in Brussels on Thursday.", "meeting", "2025-12-04", "European Union"),
    ("In his address to parliament on Tuesday, Zelensky thanked the allies.", "statement", "2025-12-02",
     "Volodymyr Zelensky"),
])
def test_a_phrase_of_diplomatic_or_war_news_names_its_event(text, kind, day, who):
    ex = read(text, published="2025-12-05", language="en")
    [event] = by_kind(ex, kind)
    assert str(event.date) == day and who in participants(ex, event)


@pytest.mark.parametrize("text", [
    "Washington stepped up pressure on Friday.",
    "Polish television shot a video on Wednesday.",
    "Zelensky addressed the issue on Thursday.",
    "Trump's plan was published on Monday.",
    "Macron called for a ceasefire on Monday.",
    "Macron urged Trump on Monday to secure a ceasefire.",
    "Europe has a plan for the winter.",
    "Russia stopped the offensive near the border.",
])
def test_the_same_words_in_another_sense_name_no_event(text):
    ex = read(text, published="2025-12-05", language="en")
    assert not ex.events


def test_the_signing_of_a_deal_is_the_agreement_on_its_day():
    ex = read("Zelensky and Trump attended the signing of the minerals deal at the White House on Friday.",
              published="2025-12-05", language="en")
    [agreement] = by_kind(ex, "agreement")
    assert str(agreement.date) == "2025-12-05"


def test_the_americans_across_the_table_are_the_united_states_not_a_place():
    # written for this test: "from the Americans" names a nation's people, who take part; "from Warsaw" a place
    ex = read("Rustem Umerov sat across from the Americans in Jeddah on March 11. He had flown in from Warsaw.",
              published="2025-11-30", language="en")
    [meeting] = by_kind(ex, "meeting")
    assert (str(meeting.date), meeting.location) == ("2025-03-11", "Jeddah")
    assert participants(ex, meeting) == {"Rustem Umerov", "United States"}


# Written for the tests: whom talks went on without is no party to them ("talks without Kyiv").
@pytest.mark.parametrize(("text", "language", "parties"), [
    ("American and Russian officials met in Riyadh on Tuesday without Ukraine.", "en",
     {"United States", "Russia"}),
    ("Marco Rubio met Sergei Lavrov in Riyadh on Tuesday, without any Ukrainian or European representative.", "en",
     {"Marco Rubio", "Sergei Lavrov"}),
    ("Les délégations américaine et russe se sont réunies mardi à Riyad sans les Ukrainiens.", "fr",
     {"United States", "Russia"}),
    ("Les Américains et les Russes ont négocié mardi à Riyad, sans l'Ukraine ni les Européens.", "fr",
     {"United States", "Russia"}),
])
def test_whom_talks_went_on_without_is_no_party_to_them(text, language, parties):
    ex = read(text, published="2025-02-19", language=language)
    [event] = [e for e in ex.events if e.kind in ("meeting", "negotiation")]
    assert participants(ex, event) == parties
    assert (str(event.date), event.status, event.location) == ("2025-02-18", "occurred", "Riyadh")


def test_a_press_conference_left_without_is_still_the_one_called_off():
    ex = read("Kellogg a quitté Kiev jeudi sans la conférence de presse prévue avec Zelensky.",
              published="2025-02-19", language="fr")
    [conference] = by_kind(ex, "press_conference")
    assert conference.status == "cancelled"
    assert participants(ex, conference) == {"Keith Kellogg", "Volodymyr Zelensky"}


# written for the tests: a government's decision on the aid it gives, as news (i14-evann)
@pytest.mark.parametrize(("text", "language", "day", "who"), [
    ("Germany froze its military aid to Moldova on Tuesday, the defence ministry said.", "en", "2025-06-10", "Germany"),
    ("On Monday the Dutch government suspended arms deliveries to Israel.", "en", "2025-06-09", "Netherlands"),
    ("Canada resumed its financial assistance to Kenya last week.", "en", "2025-06-02", "Canada"),
    ("Berlin a gelé mardi son aide militaire à la Moldavie, a indiqué le ministère.", "fr", "2025-06-10", "Germany"),
    ("Les Pays-Bas ont suspendu lundi les livraisons d'armes à Israël.", "fr", "2025-06-09", "Netherlands"),
    ("Le Canada a débloqué la semaine dernière son aide financière au Kenya.", "fr", "2025-06-02", "Canada"),
])
def test_aid_frozen_suspended_or_resumed_is_an_announced_decision_that_took_place(text, language, day, who):
    ex = read(text, language=language, published="2025-06-11")
    [decision] = by_kind(ex, "announcement")
    assert decision.date.isoformat() == day and decision.status == "occurred"
    assert who in participants(ex, decision)


@pytest.mark.parametrize(("text", "language"), [
    ("The central bank froze the oligarch's assets on Tuesday.", "en"),
    ("She paused on Tuesday to think about the offer.", "en"),
    ("Britain has often suspended aid in the past.", "en"),
    ("La banque centrale a gelé mardi les avoirs de l'oligarque.", "fr"),
    ("Le déploiement reste suspendu depuis mardi à un soutien américain.", "fr"),
    ("Les chefs ont arrêté lundi les plans, mais leur déploiement reste suspendu à un soutien américain.", "fr"),
])
def test_freezing_assets_pausing_to_think_or_an_undated_habit_is_no_decision_on_aid(text, language):
    ex = read(text, language=language, published="2025-06-11")
    assert by_kind(ex, "announcement") == []


@pytest.mark.parametrize(("text", "language", "kind"), [
    ("Emmanuel Macron announced on Monday that he would travel to Beijing in May.", "en", "visit"),
    ("The Elysee confirmed on Tuesday that Xi Jinping would meet Macron in Paris next month.", "en", "meeting"),
    ("Olaf Scholz a annoncé lundi qu'il se rendrait à Varsovie en mai.", "fr", "visit"),
    ("Le Kremlin a confirmé mardi que Lavrov devrait rencontrer Wang Yi à Pékin.", "fr", "meeting"),
])
def test_a_meeting_or_visit_to_come_announced_is_an_announcement_besides_the_event(text, language, kind):
    ex = read(text, language=language, published="2025-06-11")
    [announcement] = by_kind(ex, "announcement")
    assert announcement.status == "occurred"
    [event] = by_kind(ex, kind)
    assert event.status == "planned"


@pytest.mark.parametrize(("text", "language"), [
    ("Macron announced on Monday that he would think about it.", "en"),
    ("Scholz confirmed on Tuesday that he was tired.", "en"),
    ("The Elysee confirmed on Tuesday that Macron had met Xi in Paris.", "en"),
    ("Scholz a annoncé lundi qu'il allait y réfléchir.", "fr"),
    ("Le chancelier a confirmé mardi qu'il était fatigué.", "fr"),
])
def test_announcing_a_thought_a_state_or_a_meeting_past_is_no_announcement(text, language):
    ex = read(text, language=language, published="2025-06-11")
    assert by_kind(ex, "announcement") == []


def test_a_call_that_took_place_confirmed_is_no_announcement():
    # written for the tests
    ex = read("L'Élysée a confirmé l'appel. Emmanuel Macron a parlé mardi au téléphone avec Xi Jinping.",
              published="2025-06-11")
    assert by_kind(ex, "announcement") == []
