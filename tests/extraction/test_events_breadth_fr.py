"""Breadth of the French event words: the ways French news names meetings, calls, visits, press
conferences, statements, negotiations, agreements, sanctions, military actions, prisoner exchanges and acts
of government, each with a look-alike of another sense that must tell no such event. Every text is written for
the test."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read

PUBLISHED = "2025-03-05"  # a Wednesday: « mardi » is 2025-03-04


def kinds(text: str) -> list[str]:
    return sorted(e.kind for e in read(text, published=PUBLISHED).events)


def the_one(text: str, kind: str):
    ex = read(text, published=PUBLISHED)
    [event] = [e for e in ex.events if e.kind == kind]
    return ex, event


# --- meetings, calls, visits, press, statements, negotiations --------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, Emmanuel Macron a conversé avec Friedrich Merz en marge du sommet.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Mardi, Emmanuel Macron a croisé Donald Trump à Rome.", "meeting", {"Emmanuel Macron", "Donald Trump"}),
    ("Mardi, Emmanuel Macron a eu un aparté avec Donald Trump à Rome.", "meeting",
     {"Emmanuel Macron", "Donald Trump"}),
    ("Mardi, Keir Starmer a tenu une bilatérale avec Emmanuel Macron à Rome.", "meeting",
     {"Keir Starmer", "Emmanuel Macron"}),
    ("Le face-à-face entre Donald Trump et Volodymyr Zelensky a eu lieu mardi à la Maison Blanche.", "meeting",
     {"Donald Trump", "Volodymyr Zelensky"}),
    ("Mardi, Emmanuel Macron a partagé un petit-déjeuner de travail avec Friedrich Merz à Berlin.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Les retrouvailles entre Emmanuel Macron et Donald Trump ont eu lieu mardi.", "meeting",
     {"Emmanuel Macron", "Donald Trump"}),
    ("Emmanuel Macron a téléphoné mardi à Vladimir Poutine.", "call", {"Emmanuel Macron", "Vladimir Putin"}),
    ("La venue de Volodymyr Zelensky à Paris mardi a été confirmée par l'Élysée.", "visit", {"Volodymyr Zelensky"}),
    ("Lors de son briefing quotidien mardi, Dmitri Peskov a déclaré que la Russie restait ouverte.",
     "press_conference", {"Dmitry Peskov"}),
    ("Mardi, Emmanuel Macron a prononcé un message à la nation.", "statement", {"Emmanuel Macron"}),
    ("Les tractations entre Washington et Moscou ont repris mardi à Riyad.", "negotiation",
     {"United States", "Russia"}),
])
def test_french_words_for_meetings_calls_visits_and_speeches_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert str(event.date) == "2025-03-04"
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Les négociateurs croisent les doigts depuis lundi.", "meeting"),
    ("Il l'a dit en aparté à ses conseillers mardi.", "meeting"),
    ("Il a pris son petit-déjeuner mardi à l'hôtel.", "meeting"),
    ("Le téléphone de Volodymyr Zelensky a sonné mardi.", "call"),
    ("Le passage à l'offensive a surpris les Russes.", "visit"),
    ("La venue de réfugiés en Pologne s'est accélérée mardi.", "visit"),
    ("Le séjour des soldats en Pologne a été prolongé mardi.", "visit"),
    ("Le président a reçu un briefing des services de renseignement mardi.", "press_conference"),
    ("Volodymyr Zelensky a envoyé mardi un message à ses partisans.", "statement"),
    ("La France exclut toute intervention militaire en Ukraine.", "statement"),
    ("Selon un communiqué commun publié par la Maison Blanche, les deux parties sont convenues de poursuivre.",
     "statement"),
])
def test_their_look_alikes_of_another_sense_tell_none(text, kind):
    assert kind not in kinds(text)


def test_a_joint_communique_published_is_a_statement_of_its_authors():
    ex, event = the_one("Washington et Kiev ont publié mardi un communiqué commun.", "statement")
    assert str(event.date) == "2025-03-04"


def test_a_call_told_as_following_the_scene_takes_the_scenes_day():
    # « a téléphoné » is tagged a noun with its auxiliary; « dans la foulée » goes on with Tuesday's scene
    ex = read("Donald Trump a révélé mardi s'être entretenu au téléphone avec Vladimir Poutine. Dans la foulée, "
              "il a téléphoné à Volodymyr Zelensky.", published="2025-03-06")
    calls = {frozenset(parties(ex, e)): str(e.date) for e in ex.events if e.kind == "call"}
    assert calls[frozenset({"Donald Trump", "Volodymyr Zelensky"})] == "2025-03-04"


# --- agreements and sanctions ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, Kiev et Washington ont paraphé le texte de l'accord sur les minerais.", "agreement",
     {"Ukraine", "United States"}),
    ("La Rada a ratifié mardi le mémorandum avec les États-Unis.", "agreement", {"Verkhovna Rada"}),
    ("Mardi, Emmanuel Macron et Friedrich Merz sont tombés d'accord sur un plan de paix.", "agreement",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Mardi, l'Ukraine et les États-Unis ont finalisé un accord sur les minerais.", "agreement",
     {"Ukraine", "United States"}),
    ("Mardi, la Russie et l'Ukraine ont signé un protocole d'accord à Istanbul.", "agreement", {"Ukraine"}),
    ("Mardi, Kiev a signé un contrat de 3 milliards avec Paris.", "agreement", {"Ukraine"}),
    ("Mardi, Kiev a approuvé le plan américain de cessez-le-feu.", "agreement", {"Ukraine"}),
    ("Mardi, l'UE a décrété un embargo sur les armes à destination de la Russie.", "sanction", {"European Union"}),
    ("Mardi, Londres a décrété l'interdiction des importations de pétrole russe.", "sanction", {"United Kingdom"}),
    ("Mardi, l'UE a adopté des mesures restrictives contre la Russie.", "sanction", {"European Union", "Russia"}),
    ("Mardi, Washington a imposé des tarifs douaniers à l'Inde.", "sanction", {"United States"}),
    ("Mardi, l'UE a annoncé le gel des avoirs de la banque centrale russe.", "sanction", {"European Union"}),
    ("Mardi, l'UE a étendu les sanctions contre la Russie.", "sanction", {"European Union", "Russia"}),
])
def test_french_words_for_agreements_and_sanctions_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert (event.status, str(event.date)) == ("occurred", "2025-03-04")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Le drone est tombé d'une hauteur de cent mètres mardi.", "agreement"),
    ("Le protocole de l'Élysée prévoit une haie d'honneur pour Volodymyr Zelensky.", "agreement"),
    ("La Convention de Genève protège les prisonniers de guerre, rappelle Kiev.", "agreement"),
    ("Kiev devra faire des compromis douloureux, a estimé Emmanuel Macron.", "agreement"),
    ("Le chemin de la paix passe par une feuille de route claire, selon Kiev.", "agreement"),
    ("Nous avons un plan, a dit Volodymyr Zelensky.", "agreement"),
    ("Le plan de Kiev est sur la table depuis des semaines.", "agreement"),
    ("Dans le cadre de ces discussions, Kiev a fait des concessions.", "agreement"),
    ("L'interdiction de fumer a été décidée mardi par la mairie de Kiev.", "sanction"),
    ("Il faut des mesures fortes contre Moscou, a dit Emmanuel Macron mardi.", "sanction"),
])
def test_look_alikes_of_agreements_and_sanctions_tell_none(text, kind):
    assert kind not in kinds(text)


# --- military actions and prisoners ---------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, l'armée ukrainienne a neutralisé 80 missiles russes.", "military_action", {"Ukraine"}),
    ("Dans la nuit de lundi à mardi, la défense antiaérienne ukrainienne a détruit 50 drones russes au-dessus de "
     "Kiev.", "military_action", set()),
    ("L'interception de 80 drones russes au-dessus de Kiev mardi a été annoncée par l'armée de l'air.",
     "military_action", set()),
    ("Mardi, l'Ukraine a lancé une incursion dans la région de Koursk.", "military_action", {"Ukraine"}),
    ("Mardi, l'Ukraine a mené une incursion en Russie.", "military_action", {"Ukraine"}),
    ("La contre-offensive de l'Ukraine a commencé mardi près de Zaporijjia.", "military_action", {"Ukraine"}),
    ("Un attentat a frappé Moscou mardi, selon le Kremlin.", "military_action", set()),
    ("La libération de 150 prisonniers ukrainiens par la Russie a eu lieu mardi.", "other", {"Russia"}),
    ("Mardi, la Russie et l'Ukraine ont procédé à la restitution des corps de 900 soldats.", "other", {"Ukraine"}),
])
def test_french_words_for_military_actions_and_prisoners_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert str(event.date) in ("2025-03-03", "2025-03-04")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Poutine veut détruire l'économie ukrainienne, a dit Volodymyr Zelensky mardi.", "military_action"),
    ("Un essaim d'abeilles a perturbé la cérémonie mardi à Kiev.", "military_action"),
    ("Un déluge de critiques s'est abattu mardi sur Emmanuel Macron.", "military_action"),
    ("Il faut rectifier le tir, a dit Emmanuel Macron mardi.", "military_action"),
    ("La contre-offensive de l'Ukraine reste un échec, selon Moscou.", "military_action"),
    ("La libération de Kherson en novembre 2022 reste un symbole pour Kiev.", "other"),
])
def test_look_alikes_of_military_actions_and_prisoners_tell_none(text, kind):
    assert kind not in kinds(text)


# --- acts of government and announcements ----------------------------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, la Rada a destitué Denys Chmyhal.", "other", {"Denys Shmyhal"}),
    ("Mardi, Volodymyr Zelensky a démis Valeri Zaloujny de ses fonctions.", "other", {"Valerii Zaluzhnyi"}),
    ("Donald Trump a été investi président mardi.", "other", {"Donald Trump"}),
    ("La nomination de Ioulia Svyrydenko mardi a été saluée à Kiev.", "other", {"Yulia Svyrydenko"}),
    ("Le limogeage de Valeri Zaloujny mardi a surpris l'Ukraine.", "other", {"Valerii Zaluzhnyi"}),
    ("Mardi, Volodymyr Zelensky a signé un décret sur les sanctions.", "other", {"Volodymyr Zelensky"}),
    ("Mardi, le Conseil de sécurité de l'ONU a adopté une résolution sur l'Ukraine.", "other",
     {"UN Security Council"}),
    ("Mardi, les députés français ont voté une motion de censure contre François Bayrou.", "other",
     {"François Bayrou"}),
    ("Mardi, la Rada a adopté le projet de loi sur la mobilisation.", "other", {"Verkhovna Rada"}),
    ("La ratification de l'accord par la Rada mardi a été saluée à Washington.", "agreement", {"Verkhovna Rada"}),
    ("Mardi, Volodymyr Zelensky a officialisé sa candidature.", "announcement", {"Volodymyr Zelensky"}),
    ("Mardi, Vladimir Poutine a décrété la mobilisation partielle.", "announcement", {"Vladimir Putin"}),
    ("Mardi, Vladimir Poutine a décrété une trêve de trois jours.", "agreement", {"Vladimir Putin"}),
])
def test_french_words_for_acts_of_government_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert (event.status, str(event.date)) == ("occurred", "2025-03-04")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Mardi, la France a investi deux milliards dans la défense.", "other"),
    ("Depuis sa nomination en 2023, Rustem Umerov multiplie les déplacements.", "other"),
    ("Par décret, Volodymyr Zelensky peut imposer des sanctions.", "other"),
    ("La résolution 2231 reste en vigueur, rappelle Paris.", "other"),
])
def test_look_alikes_of_acts_of_government_tell_none(text, kind):
    assert kind not in kinds(text)


def test_a_decreed_truce_is_the_truce_not_a_second_announcement():
    assert kinds("Mardi, Vladimir Poutine a décrété une trêve de trois jours.") == ["agreement"]


# --- gatherings, talks by phone, being somewhere, speaking before a house ----------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, Emmanuel Macron a rassemblé les dirigeants européens à l'Élysée.", "meeting", {"Emmanuel Macron"}),
    ("Mardi, Emmanuel Macron a tenu une visio avec Volodymyr Zelensky.", "meeting",
     {"Emmanuel Macron", "Volodymyr Zelensky"}),
    ("Le dialogue avec Moscou a repris mardi, a dit Marco Rubio.", "negotiation", {"Russia"}),
    ("Mardi, les dirigeants du G7 ont adopté une déclaration finale à Charlevoix.", "statement", {"G7"}),
    ("Mardi, Emmanuel Macron a échangé par téléphone avec Volodymyr Zelensky.", "call",
     {"Emmanuel Macron", "Volodymyr Zelensky"}),
    ("Mardi, la Russie et l'Ukraine ont échangé 150 prisonniers.", "other", {"Ukraine"}),
    ("Mardi, Emmanuel Macron se trouvait à Kiev.", "visit", {"Emmanuel Macron"}),
    ("Mardi, Volodymyr Zelensky a pris la parole devant le Bundestag.", "statement", {"Volodymyr Zelensky"}),
])
def test_french_words_for_gatherings_and_speaking_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert (event.status, str(event.date)) == ("occurred", "2025-03-04")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Mardi, Kiev a rassemblé des preuves contre Moscou.", "meeting"),
    ("Le dialogue est la seule voie, a dit Emmanuel Macron mardi.", "negotiation"),
    ("Donald Trump veut faire la paix, a dit Vladimir Poutine.", "agreement"),
    ("La destruction du barrage de Kakhovka en 2023 reste dans les mémoires.", "military_action"),
    ("Mardi, Emmanuel Macron et Friedrich Merz ont échangé leurs vues sur l'Ukraine.", "other"),
    ("Mardi, Emmanuel Macron et Friedrich Merz ont échangé leurs vues sur l'Ukraine.", "call"),
    ("Emmanuel Macron se trouve en difficulté, selon les sondages publiés mardi.", "visit"),
    ("Vladimir Poutine n'a pas tenu parole, a dit Volodymyr Zelensky mardi.", "statement"),
])
def test_look_alikes_of_gatherings_and_speaking_tell_none(text, kind):
    assert kind not in kinds(text)


def test_finding_an_agreement_is_no_visit():
    assert kinds("Mardi, Kiev et Washington ont trouvé un accord à Djeddah.") == ["agreement"]


# --- truces, deadlines -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, Moscou et Kiev ont conclu un moratoire sur les frappes contre les infrastructures énergétiques.",
     "agreement", {"Ukraine"}),
    ("Mardi, Donald Trump a lancé un ultimatum à Vladimir Poutine.", "announcement",
     {"Donald Trump", "Vladimir Putin"}),
    ("Mardi, Kiev et Washington ont signé un accord-cadre.", "agreement", {"Ukraine", "United States"}),
])
def test_french_words_for_truces_and_deadlines_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert (event.status, str(event.date)) == ("occurred", "2025-03-04")
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("L'ultimatum de Donald Trump expire vendredi, selon Kiev.", "announcement"),
    ("Mardi, Volodymyr Zelensky a dénoncé le sabotage des négociations par Moscou.", "military_action"),
])
def test_look_alikes_of_truces_and_deadlines_tell_none(text, kind):
    assert kind not in kinds(text)


@pytest.mark.parametrize("text", [
    "Le Bundestag a élu mardi Friedrich Merz chancelier.",
    "Friedrich Merz a été élu mardi chancelier par le Bundestag.",
])
def test_an_election_to_an_office_on_a_day_is_an_event(text):
    # (written for the tests)
    ex = read(text, language="fr", published="2025-05-08")
    [election] = [e for e in ex.events if e.kind == "other"]
    assert str(election.date) == "2025-05-06" and "Friedrich Merz" in parties(ex, election)
