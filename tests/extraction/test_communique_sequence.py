"""A presidency's communiqué tells a day out of order: the summit, the call at its end, the talks before it, the
dinner the evening before. Each is its own event, on its own day, with the parties "the two heads of state" stand
for. After blind15's dev half (an Élysée-style communiqué of the Cairo summit); every text was written for the tests.
"""
from __future__ import annotations

from .pipeline_helpers import parties, read

COMMUNIQUE = (
    "Le Président de la République, Emmanuel Macron, a participé ce lundi 7 avril 2025 au Caire, au palais "
    "présidentiel, à un sommet trilatéral consacré à Gaza avec le Président Abdel Fattah al-Sissi et le Roi "
    "Abdallah II de Jordanie.\n\n"
    "À l'issue du sommet, les trois dirigeants se sont entretenus par téléphone avec le Président des États-Unis, "
    "M. Donald Trump.\n\n"
    "Auparavant, le Président de la République avait eu un entretien bilatéral avec le Président al-Sissi. Les deux "
    "chefs d'État ont signé une déclaration de partenariat stratégique, puis ont tenu une conférence de presse "
    "conjointe.\n\n"
    "La veille au soir, le chef de l'État avait dîné au Caire avec son homologue égyptien. Samedi, les deux "
    "présidents s'étaient entretenus au téléphone pour préparer cette visite."
)


def _by_kind(story):
    return sorted((e.kind, e.date.isoformat() if e.date else None, tuple(sorted(parties(story, e))))
                  for e in story.events)


def test_a_communique_s_day_told_out_of_order_keeps_each_event_on_its_day():
    story = read(COMMUNIQUE, language="fr", published="2025-04-07")
    events = _by_kind(story)
    macron_sisi = ("Abdel Fattah al-Sisi", "Emmanuel Macron")
    # the call at the end of the summit is on the summit's day, not the Saturday call's
    assert ("call", "2025-04-07", tuple(sorted(macron_sisi + ("Donald Trump", "King Abdullah II")))) in events
    assert ("call", "2025-04-05", macron_sisi) in events
    # the bilateral talks "before" are that day's, not the dinner of the evening before
    assert ("meeting", "2025-04-07", macron_sisi) in events
    assert ("meeting", "2025-04-06", macron_sisi) in events
    # "the two heads of state" signed a declaration and held a press conference
    assert ("press_conference", "2025-04-07", macron_sisi) in events
    assert any(kind == "agreement" and day == "2025-04-07" and set(macron_sisi) <= set(who)
               for kind, day, who in events)


def test_the_two_heads_of_state_are_the_parties_of_the_talks_just_told():
    text = ("CAIRO, April 7 (Reuters) - On Monday, Emmanuel Macron held bilateral talks with President Abdel Fattah "
            "al-Sisi. The two heads of state then held a joint press conference.")
    story = read(text, language="en", published="2025-04-07")
    [conference] = [e for e in story.events if e.kind == "press_conference"]
    assert parties(story, conference) == {"Emmanuel Macron", "Abdel Fattah al-Sisi"}


def test_a_declaration_quoted_as_a_source_is_no_agreement():
    text = ("LE CAIRE, 7 avril (AFP) - Selon une déclaration de l'Elysée publiée lundi, aucun passage à Rafah n'est "
            "prévu.")
    story = read(text, language="fr", published="2025-04-07")
    assert not [e for e in story.events if e.kind == "agreement"]


def test_a_next_meeting_and_its_summit_stay_one_event():
    text = ("PARIS, 19 avril (AFP) - Prochain rendez-vous : le Premier ministre Li Qiang est attendu fin mai à Kuala "
            "Lumpur pour un sommet réunissant l'Asean et la Chine.")
    story = read(text, language="fr", published="2025-04-19")
    assert len([e for e in story.events if e.kind == "meeting"]) == 1


def test_a_foreign_name_s_last_word_read_as_a_verb_is_still_the_name():
    text = ("PARIS, 19 avril (AFP) - La tournée du président chinois Xi Jinping s'est achevée vendredi à Phnom Penh. "
            "La veille, le roi Norodom Sihamoni l'avait accueilli au palais royal.")
    story = read(text, language="fr", published="2025-04-19")
    assert [(e.kind, e.date.isoformat()) for e in story.events if "Norodom Sihamoni" in parties(story, e)] == [
        ("meeting", "2025-04-17")]
