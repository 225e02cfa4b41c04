"""A thread's and a correction's days, offices named with a nationality, a spokesman for a body the story had not
named, a transcript whose speaker only its title names in full, events nobody did or that were only asked about
(after blind21's dev half: a « FIL » thread, « LES COULISSES », a story with a correction appended, five takeaways,
State Department signing remarks). Every text was written for the tests.
"""
from __future__ import annotations

from apps.extraction.pipeline.nlp import get_nlp

from .pipeline_helpers import dated_events, names, read, speaker_of


# --- what a speech verb takes is speech, whatever the tagger made of its words ------------------------------------

def test_words_a_speech_verb_takes_are_a_statement_though_they_name_a_text():
    # (the tagger reads « compte » as a noun: no verb inside, and « ratification » names a text)
    story = read("Emmanuel Macron a déclaré : « La ratification compte pour nous ».", language="fr",
                 published="2025-06-14")
    assert speaker_of(story, "La ratification compte") == "Emmanuel Macron"


def test_the_day_after_before_a_preposition_dates_the_words():
    story = read("Lundi, Guterres s'est entretenu avec le roi Abdallah II de Jordanie. « Chaque ratification "
                 "compte », a-t-il insisté le lendemain devant la presse.", language="fr", published="2025-06-14")
    said = next(s for s in story.statements if "Chaque ratification" in s.text)
    assert said.date.isoformat() == "2025-06-10"


def test_a_threads_post_number_leaves_its_sentence_whole():
    # (« 1/8 », « 2/8 » before each post: the French parser made the number the root of the sentence)
    story = read("1/8 Samedi, Donald Trump a signé trois décrets : 25 % de droits de douane sur les produits "
                 "mexicains.\n\n2/8 Le soir même, Justin Trudeau a répliqué en conférence de presse à Ottawa.",
                 language="fr", published="2025-02-04")
    assert dated_events(story, "press_conference") == [("2025-02-01", ("Justin Trudeau",), "Ottawa")]


# --- who speaks: a body's spokesman, a country's office, a leader's government ------------------------------------

def test_a_spokesman_for_a_ministry_the_story_had_not_named_speaks_for_it():
    story = read("China announced that its duties on American goods would rise to 84 percent on Thursday. \"The door "
                 "to talks is open, but threats will not open it,\" a spokesman for the commerce ministry said.",
                 language="en", published="2025-04-09")
    assert speaker_of(story, "The door to talks") == "commerce ministry"
    assert "commerce ministry" in names(story)


def test_a_source_within_a_delegation_is_not_the_delegation():
    # (a guard: an unnamed source speaks for nobody on the record; only a spokesman speaks for his body)
    story = read("« Nous attendons des propositions concrètes », a confié une source au sein de la délégation "
                 "ukrainienne.", language="fr", published="2025-05-16")
    assert speaker_of(story, "propositions concrètes") != "délégation ukrainienne"


def test_a_countrys_body_named_by_its_nationality_is_an_actor():
    story = read("Quelques heures plus tôt, la présidence algérienne avait annoncé qu'Abdelmadjid Tebboune graciait "
                 "l'écrivain.", language="fr", published="2025-11-14")
    assert speaker_of(story, "Tebboune graciait", direct=False) == "présidence algérienne"
    assert "présidence algérienne" in names(story)


def test_an_office_with_another_nations_adjective_is_that_nations():
    story = read("Mercredi, le président français a joint Boualem Sansal par téléphone. Le soir même, Steinmeier a "
                 "salué le geste de son homologue. “La santé d'un homme passait avant tout le reste”, a déclaré le "
                 "chef de l'Etat allemand.", language="fr", published="2025-11-14")
    assert speaker_of(story, "La santé d'un homme") == "Frank-Walter Steinmeier"


def test_the_head_of_state_alone_is_still_the_stories_own():
    # (a guard: « le chef de l'Etat » with no nationality after it keeps its holder)
    story = read("Le chef de l'Etat a reçu Steinmeier mercredi. « Nous avançons », a déclaré le chef de l'Etat.",
                 language="fr", published="2025-11-14")
    assert speaker_of(story, "Nous avançons") == "Emmanuel Macron"


def test_a_leaders_government_speaks_for_the_leaders_country():
    story = read("Trump spoke by phone with Prime Minister Narendra Modi of India, whose government denies that "
                 "anyone mediated last month's ceasefire.", language="en", published="2025-06-19")
    assert speaker_of(story, "anyone mediated", direct=False) == "India"


def test_a_two_word_speech_verb_read_upside_down_reports_its_clause():
    # (« a fait savoir » parsed with « savoir » above « fait », the clause on « savoir »)
    story = read("Mardi, Trump a fait savoir qu'il ne comptait pas se précipiter.", language="fr",
                 published="2025-02-04")
    assert speaker_of(story, "ne comptait pas se précipiter", direct=False) == "Donald Trump"


# --- a transcript whose title names the speaker of its label ------------------------------------------------------

REMARKS = """Secretary of State Marco Rubio and Salvadoran Foreign Minister Alexandra Hill Tinoco at the Signing of a Memorandum of Understanding
San Salvador, El Salvador
FOREIGN MINISTER HILL: (Via interpreter) Thank you, Mr. Secretary. Thank you for this enormous gesture of friendship toward our country.
"""


def test_a_labels_surname_takes_the_full_name_its_title_line_gives():
    story = read(REMARKS, language="en", published="2025-02-03", title=REMARKS.splitlines()[0])
    speaker = speaker_of(story, "enormous gesture")
    assert speaker is not None and speaker.startswith("Alexandra Hill")


# --- events: what nobody did, what was only asked, what a past verb did on a later day -----------------------------

def test_what_no_one_did_is_no_event():
    story = read("No American president had received a Pakistani army chief at the White House.", language="en",
                 published="2025-06-19")
    assert not dated_events(story, "meeting")


def test_a_gathering_nobody_attended_still_took_place():
    # (a guard: "Neither leader attended the summit": the summit was held without them)
    story = read("Neither leader attended the summit in Alaska on Friday.", language="en", published="2025-06-19")
    assert [place for _, _, place in dated_events(story, "meeting")] == ["Alaska"]


def test_a_trip_only_asked_about_is_no_event():
    story = read("When Mr. Trump asked whether Mr. Modi could stop in Washington on his way home, the prime minister "
                 "begged off.", language="en", published="2025-06-19")
    assert not dated_events(story, "visit")


def test_a_trip_announced_is_still_planned():
    # (a guard: a that-clause, not an open question)
    story = read("The White House said Mr. Modi would stop in Washington on Friday.", language="en",
                 published="2025-06-19")
    assert [(day, parties) for day, parties, _ in dated_events(story, "visit")] == \
        [("2025-06-20", ("Narendra Modi",))]


def test_a_past_announcement_is_not_dated_by_the_day_it_announces():
    story = read("Mardi, la surtaxe s'applique. Pékin a aussitôt annoncé 15 % sur le charbon américain, 10 % sur le "
                 "pétrole brut dès le 10 février.", language="fr", published="2025-02-04")
    announced = [e for e in story.events if e.kind == "announcement"]
    assert [(e.date.isoformat(), e.status) for e in announced] == [("2025-02-04", "occurred")]


def test_a_present_passive_on_a_later_day_is_still_planned():
    # (a guard: « est reçu » under an agenda's day is no past tense)
    story = read("Mardi 8 avril\n\n- Rome. Le roi est reçu au Quirinal par le président Sergio Mattarella.",
                 language="fr", published="2025-04-07")
    assert [day for day, _, _ in dated_events(story, "meeting")] == ["2025-04-08"]


def test_a_draft_circulated_on_a_day_is_an_announcement():
    story = read("Last Thursday Russia circulated a rival draft that left the board out.", language="en",
                 published="2025-11-18")
    assert [(day, parties) for day, parties, _ in dated_events(story, "announcement")] == \
        [("2025-11-13", ("Russia",))]


def test_a_leader_hosting_a_guest_today_is_a_meeting():
    # ("hosts", read as a plural noun, before a name of several words)
    story = read("No soldier of the force has yet deployed. Mr. Trump hosts Crown Prince Mohammed bin Salman at the "
                 "White House today.", language="en", published="2025-11-18")
    assert [(day, parties) for day, parties, _ in dated_events(story, "meeting")] == \
        [("2025-11-18", ("Donald Trump", "Mohammed bin Salman"))]


# --- a dateline, and a day counted from the sentence's own -------------------------------------------------------

def test_a_dateline_is_no_part_of_the_sentence_after_it():
    doc = get_nlp("en")("WASHINGTON — President Trump hosted Pakistan's army chief for lunch on Wednesday.")
    assert next(t for t in doc if t.text == "hosted").dep_ == "ROOT"


def test_a_day_after_doing_something_dates_it_the_day_before():
    story = read("WASHINGTON — President Trump hosted Pakistan's army chief for lunch at the White House on "
                 "Wednesday, a day after speaking by phone with Prime Minister Narendra Modi of India, whose government "
                 "denies that anyone mediated last month's ceasefire.", language="en", published="2025-06-19")
    assert [(day, {"Donald Trump", "Narendra Modi"} <= set(parties)) for day, parties, _ in
            dated_events(story, "call")] == [("2025-06-17", True)]


def test_a_trip_in_the_subjunctive_nobody_is_known_to_make_is_no_event():
    # (« qu'un ministre se rende à Alger » under « on n'exclut pas »: nothing is said to happen)
    story = read("A Paris, on n'exclut pas qu'un ministre se rende à Alger d'ici là, mais aucune date n'a été "
                 "arrêtée.", language="fr", published="2025-11-14")
    assert not dated_events(story, "visit")


def test_a_sentence_that_opens_with_a_verb_and_a_name_is_no_speaker_label():
    story = read("A l'aéroport, l'ambassadeur de France, François Delattre, attendait l'écrivain.\n\nReste Christophe "
                 "Gleizes. Le journaliste sportif, condamné à sept ans de prison, sera rejugé en appel le 3 décembre.",
                 language="fr", published="2025-11-14")
    assert not [s for s in story.statements if s.direct]


def test_a_past_verb_is_not_counted_forward_from_todays_meeting():
    # ("five weeks after the summit" hung on "unveiled": the summit is not the meeting of today, nor did the plan's
    # unveiling come five weeks after it)
    story = read("The UN Security Council on Monday endorsed President Trump's plan for Gaza.\n\nMr. Trump will host "
                 "Crown Prince Mohammed bin Salman at the White House today.\n\nThe vote came seven weeks after Mr. Trump "
                 "unveiled his 20-point plan at the White House with Benjamin Netanyahu at his side, and five weeks "
                 "after the summit in Sharm el-Sheikh.", language="en", published="2025-11-18")
    unveiled = [e for e in story.events if e.kind == "announcement"]
    assert [(e.date.isoformat() <= "2025-10-05", e.status) for e in unveiled] == [(True, "occurred")]


def test_the_day_a_measure_applies_from_does_not_move_the_story():
    # (« à compter de ce mardi » opens a span: the story stays on Saturday, and « le soir même » is Saturday's)
    story = read("Samedi, Donald Trump a signé trois décrets : 25 % de droits de douane sur les produits mexicains, à "
                 "compter de ce mardi.\n\nLe soir même, Justin Trudeau a répliqué en conférence de presse à Ottawa.",
                 language="fr", published="2025-02-04")
    assert dated_events(story, "press_conference") == [("2025-02-01", ("Justin Trudeau",), "Ottawa")]


def test_an_invitation_to_a_place_on_a_day_is_a_meeting_to_come():
    # (French « inviter » was tried too: blind13's untouched half fell)
    story = read("Trump invited Zelensky to the White House for talks on Friday.", language="en", published="2025-06-19")
    meetings = [e for e in story.events if e.kind == "meeting"]
    assert [(e.date.isoformat(), e.status, e.location) for e in meetings] == [("2025-06-20", "planned", "Washington")]
    assert names(story) >= {"Donald Trump", "Volodymyr Zelensky"}


def test_an_offer_to_host_on_no_day_is_no_meeting():
    # (« proposait de l'accueillir »: an offer, which schedules nothing)
    story = read("Lundi, Frank-Walter Steinmeier a fait savoir qu'il avait demandé à Abdelmadjid Tebboune de gracier "
                 "l'écrivain malade. Le président allemand, qui connaît Tebboune de longue date, proposait de "
                 "l'accueillir et de le faire soigner en Allemagne.", language="fr", published="2025-11-14")
    assert not dated_events(story, "meeting")


def test_one_who_is_no_party_joining_someone_is_no_meeting():
    story = read("At the airport, Ambassador François Delattre was waiting for the writer. His wife joined him the "
                 "next day.", language="en", published="2025-11-14")
    assert not [e for e in dated_events(story, "meeting") if e[0] == "2025-11-15"]


def test_a_verb_hung_on_a_participle_after_the_main_clause_shares_its_subject():
    story = read("When Mr. Trump asked whether Mr. Modi could stop in Washington on his way home, the prime minister "
                 "Narendra Modi begged off, pleading prior commitments, and flew on to Croatia.", language="en",
                 published="2025-06-19")
    assert [(parties, place) for _, parties, place in dated_events(story, "visit")] == \
        [(("Narendra Modi",), "Croatia")]
