"""Press-pool shorthand, a schedule's officials named by title and surname, seats of government named as the place,
fronted participles, a clitic the parser took for a subject, a serial's swearing-in and suspension (after blind22's
dev half: White House pool reports, the State Department's public schedule, a « BILLET », « LE FEUILLETON », « LE
BAROMÈTRE »). Every text was written for the tests.
"""
from __future__ import annotations

from .pipeline_helpers import dated_events, names, read, speaker_of


# --- who is named: a pool's shorthand, a surname after a title, a seat named as the place --------------------------

def test_potus_is_the_president_of_the_day():
    story = read("POTUS called his guest \"a hard bargainer\" and said he wanted Turkey to stop buying Russian oil.",
                 language="en", published="2025-09-25")
    assert speaker_of(story, "wanted Turkey", direct=False) == "Donald Trump"


def test_a_surname_after_a_title_is_a_person_named_in_full_by_a_heading_in_capitals():
    story = read("UNDER SECRETARY FOR POLITICAL AFFAIRS ALLISON M. HOOKER\n\nUnder Secretary Hooker is on travel to "
                 "India and Sri Lanka from December 6-12, 2025.", language="en", published="2025-12-07")
    assert "Allison M. Hooker" in names(story)


def test_a_titled_surname_after_the_full_name_is_the_same_person():
    # (a guard: "Mr. Kessler" after "John Kessler" is no second actor)
    story = read("John Kessler, a trade negotiator, arrived in Geneva on Monday. Mr. Kessler met the delegation.",
                 language="en", published="2025-12-09")
    assert [name for name in names(story) if "Kessler" in name] == ["John Kessler"]


def test_a_name_that_starts_like_an_article_keeps_its_first_letters():
    # (the entity cleaner cut "La", "Le", "The" from the front of any name: "Landau" became "ndau", no actor)
    story = read("Deputy Secretary Landau met Danish Foreign Minister Lars Lokke Rasmussen on Monday.",
                 language="en", published="2025-12-08")
    assert "Christopher Landau" in names(story)


def test_another_nations_adjective_before_a_title_is_not_the_stories_own_office():
    story = read("Deputy Secretary Landau meets with Danish Permanent Secretary of State for Foreign Affairs Jeppe "
                 "Tranholm-Mikkelsen at the Department of State.", language="en", published="2025-12-07")
    assert "Marco Rubio" not in names(story)


def test_a_seat_of_government_named_as_the_place_is_still_named():
    story = read("Secretary Rubio met Australian Foreign Minister Penny Wong at the Department of State on Monday.",
                 language="en", published="2025-12-09")
    assert "State Department" in names(story)
    assert dated_events(story, "meeting") == [("2025-12-08", ("Marco Rubio", "Penny Wong"), "Washington")]


def test_the_journalist_an_interview_is_given_to_is_no_actor():
    # (a guard: before names kept their first letters, « Laurent Kessler » became « urent Kessler », no name at all)
    story = read("Clémence Moreau-Bakala, chercheuse, répond aux questions de Laurent Kessler.\n\nQuestion : Que "
                 "change cet accord ?", language="fr", published="2025-06-28")
    assert "Laurent Kessler" not in names(story)


# --- who speaks --------------------------------------------------------------------------------------------------

def test_a_clitic_before_the_verb_of_an_attribution_is_who_is_spoken_to():
    story = read("Le président indonésien a été reçu jeudi par Vladimir Poutine. « L'Indonésie est chez elle dans "
                 "les BRICS », lui a lancé le chef du Kremlin.", language="fr", published="2025-06-21")
    assert speaker_of(story, "chez elle dans les BRICS") == "Vladimir Putin"


def test_the_boss_of_the_un_is_its_secretary_general():
    story = read("« C'est la première fois depuis 2017 que quelque chose bouge », a plaidé hier le patron de l'ONU "
                 "devant les journalistes.", language="fr", published="2025-03-19")
    assert speaker_of(story, "quelque chose bouge") == "António Guterres"


def test_words_are_not_dated_by_a_deadline_to_come():
    story = read("Vendredi, le colonel Michael Randrianirina a prêté serment. « Je ne suis pas venu confisquer le "
                 "pouvoir », a-t-il déclaré, promettant des élections d'ici deux ans.", language="fr",
                 published="2025-10-18")
    said = next(s for s in story.statements if "confisquer" in s.text)
    assert said.date.isoformat() == "2025-10-17"


# --- when: a fronted participle takes the time of the clause it is set beside ------------------------------------

def test_a_fronted_participle_is_told_in_the_time_of_its_clause():
    # (the French parser made « Accueilli » the root: « lundi » looked ahead, and « le lendemain » with it)
    story = read("Accueilli lundi au pied de l'avion par Kassym-Jomart Tokaïev en personne, puis reçu en tête-à-tête "
                 "à l'Akorda, le président chinois Xi Jinping a signé le lendemain à Astana un traité de bon "
                 "voisinage.", language="fr", published="2025-06-21")
    assert dated_events(story, "meeting") == [("2025-06-16", ("Kassym-Jomart Tokayev", "Xi Jinping"), None)]
    assert dated_events(story, "agreement") == [("2025-06-17", ("Xi Jinping",), "Astana")]


def test_a_participle_set_beside_the_clause_is_told_in_its_time():
    # (the parse the repair leaves: « lundi » hangs on « Accueilli », set beside « reçu », set beside « a signé »;
    # without that verb's past, « lundi » looked ahead and « le lendemain » with it)
    story = read("Accueilli lundi au pied de l'avion par Kassym-Jomart Tokaïev en personne, puis reçu en tête-à-tête "
                 "à l'Akorda, le président chinois a signé le lendemain à Astana, avec les dirigeants du Kazakhstan, du "
                 "Kirghizistan, de l'Ouzbékistan, du Tadjikistan et du Turkménistan, un traité de bon voisinage.",
                 language="fr", published="2025-06-21")
    assert [(day, place) for day, _, place in dated_events(story, "agreement")] == [("2025-06-17", "Astana")]


# --- what: consulting someone, a swearing-in, a country suspended from a body --------------------------------------

def test_going_to_consult_a_leader_is_a_meeting():
    story = read("Le 8 mars, Nikos Christodoulides était allé consulter Kyriakos Mitsotakis à Athènes.", language="fr",
                 published="2025-03-19")
    assert dated_events(story, "meeting") == [("2025-03-08", ("Kyriakos Mitsotakis", "Nikos Christodoulides"),
                                               "Athens")]


def test_consulting_a_document_is_no_meeting():
    # (a guard: « consulter » needs a person for its object)
    story = read("Le 8 mars, Nikos Christodoulides a consulté le rapport de l'ONU.", language="fr",
                 published="2025-03-19")
    assert dated_events(story, "meeting") == []


def test_a_text_adopted_in_plenary_is_no_meeting_of_its_own():
    # (a guard: « en plénière » says how the text was adopted)
    story = read("Mardi, l'Assemblée mondiale de la santé a entériné l'accord en plénière.", language="fr",
                 published="2025-05-20")
    assert dated_events(story, "meeting") == []


def test_taking_the_oath_on_a_day_is_a_swearing_in():
    story = read("Vendredi, en uniforme, le colonel Michael Randrianirina a prêté serment devant la Haute Cour "
                 "constitutionnelle.", language="fr", published="2025-10-18")
    assert dated_events(story, "other") == [("2025-10-17", ("Michael Randrianirina",), None)]


def test_a_country_suspended_from_a_body_is_a_sanction():
    story = read("On Wednesday the African Union suspended Madagascar from all its activities.", language="en",
                 published="2025-10-18")
    assert dated_events(story, "sanction") == [("2025-10-15", ("African Union", "Madagascar"), None)]


def test_aid_suspended_is_still_a_pause_not_a_sanction():
    # (a guard: the first sense, a policy for object, stands)
    story = read("On Wednesday the United States suspended military aid to Ukraine.", language="en",
                 published="2025-03-06")
    assert dated_events(story, "sanction") == []


# --- a pool report's quotations and sources --------------------------------------------------------------------------

def test_a_few_words_that_open_their_sentence_before_their_speaker_are_a_quotation():
    story = read("Asked about Gaza, POTUS said he would see Benjamin Netanyahu on Monday. “We're very close,” he "
                 "said.", language="en", published="2025-09-25")
    assert speaker_of(story, "We're very close") == "Donald Trump"


def test_a_few_words_in_a_sentence_are_still_a_term():
    # (a guard: 'called him a “nasty guy,”' quotes a term)
    story = read("Trump called him a “nasty guy,” and left the room on Friday.", language="en", published="2025-09-25")
    assert [s for s in story.statements if s.direct] == []


def test_a_few_words_cut_off_by_the_attribution_still_open_one_quotation():
    # (a guard: '"My hope," he said, "is that…"' is one statement, read from its second piece)
    story = read("\"My hope,\" Starmer said, \"is that the talks will resume on Friday.\"", language="en",
                 published="2025-09-25")
    assert [s.text for s in story.statements if s.direct] == ["is that the talks will resume on Friday."]


def test_two_leaders_sitting_together_meet():
    story = read("12:14 p.m. Pool ushered into the Oval, where POTUS and Turkish President Recep Tayyip Erdogan sat "
                 "by the fireplace.", language="en", published="2025-09-25")
    assert dated_events(story, "meeting") == [("2025-09-25", ("Donald Trump", "Recep Tayyip Erdoğan"), None)]


def test_per_a_body_names_the_source():
    story = read("It is Erdogan's first White House visit since November 2019, per the White House.", language="en",
                 published="2025-09-25")
    assert speaker_of(story, "first White House visit", direct=False) == "White House"


def test_per_cent_names_no_source():
    # (a guard: "per" is a source only before "the" or a name)
    story = read("The tariff rose to 25 per cent per year on Friday.", language="en", published="2025-09-25")
    assert [s for s in story.statements if not s.direct] == []


def test_officials_sitting_in_on_anothers_meeting_make_none_of_their_own():
    # (a guard: "sat in" is attending)
    story = read("Closed press. VP Vance and Secretary Rubio sat in, a White House official told the pool.",
                 language="en", published="2025-09-25")
    assert dated_events(story, "meeting") == []



def test_a_french_elle_with_no_woman_before_it_is_the_body_named_with_its_gender():
    story = read("L'Union africaine a réagi vite : mercredi, elle a suspendu Madagascar de toutes ses instances.",
                 language="fr", published="2025-10-18")
    assert dated_events(story, "sanction") == [("2025-10-15", ("African Union", "Madagascar"), None)]


def test_a_french_elle_after_a_woman_is_still_the_woman():
    # (a guard: a person of its gender comes first)
    story = read("Kaja Kallas a réagi vite devant la Commission européenne. « Nous ne céderons pas », a-t-elle dit.",
                 language="fr", published="2025-10-18")
    assert speaker_of(story, "Nous ne céderons pas") == "Kaja Kallas"
