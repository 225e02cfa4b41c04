"""Editors correct actors in the admin: edit, add aliases, merge (and undo), split; analysts cannot."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from apps.records.models import Actor, Alias, MergeRecord, Mention, ReviewState, Statement
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:records_actor_changelist")


@pytest.fixture
def two_putins():
    text = make.article()
    putin, poutine = make.actor("Vladimir Putin"), make.actor("Poutine")
    make.alias(poutine, "Путин")
    make.mention(text, putin, "Vladimir Putin")
    make.mention(text, poutine, "Poutine")
    quote = make.statement(text, poutine, "We are ready to talk")
    return putin, poutine, quote


def merge_post(putin, poutine, **extra):
    return {"action": "merge_actors", "_selected_action": [putin.pk, poutine.pk], **extra}


def test_merging_asks_which_actor_to_keep_and_shows_what_each_has(client, editor, two_putins):
    putin, poutine, _ = two_putins
    client.force_login(editor)

    response = client.post(CHANGELIST, merge_post(putin, poutine))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Pick the actor to keep" in page
    assert f'name="keep" value="{poutine.pk}"' in page
    assert Actor.objects.get(pk=poutine.pk).merged_into is None  # nothing happened yet


def test_merging_proposes_to_keep_the_verified_actor_with_the_most_mentions(client, editor):
    text = make.article("Volodymyr Zelensky spoke. Volodymyr Zelensky met Volodymyr Zelensky's aides. Volodymyr left.")
    junk = make.actor("Volodymyr", review_state=ReviewState.UNREVIEWED)  # first by name
    zelensky = make.actor("Volodymyr Zelensky", review_state=ReviewState.VERIFIED)
    make.mention(text, junk, "Volodymyr left")
    for nth in range(3):
        make.mention(text, zelensky, "Volodymyr Zelensky", nth=nth)
    client.force_login(editor)

    # From the list of all actors: the verified one is not in the unreviewed queue.
    page = client.post(CHANGELIST + "?state=all", merge_post(junk, zelensky)).content.decode()

    checked = re.findall(r'<input type="radio" name="keep" value="(\d+)"[^>]* checked', page)
    assert checked == [str(zelensky.pk)]


def test_an_editor_merges_two_actors_and_lands_on_the_kept_one(client, editor, two_putins):
    putin, poutine, quote = two_putins
    client.force_login(editor)

    response = client.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:records_actor_change", args=[putin.pk])
    assert "Merged 1 actor into “Vladimir Putin”" in response.content.decode()
    assert Actor.objects.get(pk=poutine.pk).merged_into == putin
    assert Statement.objects.get(pk=quote.pk).speaker == putin
    assert set(Mention.objects.values_list("actor_id", flat=True)) == {putin.pk}
    assert MergeRecord.objects.get().performed_by == editor
    entry = LogEntry.objects.get()  # listed under "Recent actions" on the admin home
    assert (entry.user, entry.object_repr, entry.get_change_message()) == (
        editor, "Vladimir Putin", f"Merged “Poutine” into it (merge #{MergeRecord.objects.get().pk})"
    )


def test_an_editor_undoes_a_merge_from_its_record(client, editor, two_putins):
    putin, poutine, quote = two_putins
    client.force_login(editor)
    client.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk))
    record = MergeRecord.objects.get()
    record_page = client.get(reverse("admin:records_mergerecord_change", args=[record.pk])).content.decode()
    assert "Undo this merge" in record_page
    assert "Merged “Poutine” into “Vladimir Putin”" in client.get(
        reverse("admin:records_actor_history", args=[poutine.pk])
    ).content.decode()

    response = client.post(reverse("admin:records_mergerecord_undo", args=[record.pk]), follow=True)

    assert "Undid the merge" in response.content.decode()
    assert Actor.objects.get(pk=poutine.pk).merged_into is None
    assert Statement.objects.get(pk=quote.pk).speaker == poutine
    assert Alias.objects.get(name="Путин").actor == poutine


def test_the_undo_action_on_the_merge_list_also_works(client, editor, two_putins):
    putin, poutine, _ = two_putins
    client.force_login(editor)
    client.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk))
    record = MergeRecord.objects.get()

    client.post(reverse("admin:records_mergerecord_changelist"),
                {"action": "undo_merges", "_selected_action": [record.pk]})

    assert MergeRecord.objects.get().is_undone
    assert Actor.objects.get(pk=poutine.pk).merged_into is None


def test_an_editor_splits_an_alias_off_into_its_own_actor(client, editor):
    text = make.article()
    putin = make.actor("Vladimir Putin")
    wrong = make.alias(putin, "Poutine")
    make.mention(text, putin, "Poutine")
    client.force_login(editor)
    url = reverse("admin:records_alias_split", args=[wrong.pk])
    assert "becomes an actor of its own" in client.get(url).content.decode()

    response = client.post(url, {"kind": "organization"})

    new = Actor.objects.get(name="Poutine")
    assert response.url == reverse("admin:records_actor_change", args=[new.pk])
    assert (new.kind, new.review_state) == ("organization", ReviewState.LOCKED)
    assert Mention.objects.get(text="Poutine").actor == new


def test_editing_an_actor_locks_it_and_an_added_alias_is_marked_as_the_editors(client, editor):
    putin = make.actor("Vladimir Putin", confidence=0.4)
    url = reverse("admin:records_actor_change", args=[putin.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data.update({"country": "RU", "role": "President of Russia", "wikidata_id": "Q7747",
                 "aliases-0-name": "Poutine", "aliases-0-language": "fr"})

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    putin.refresh_from_db()
    assert (putin.country, putin.role, putin.wikidata_id) == ("RU", "President of Russia", "Q7747")
    assert (putin.review_state, putin.reviewed_by) == (ReviewState.LOCKED, editor)
    assert Alias.objects.get(name="Poutine").origin == Alias.Origin.EDITOR
    assert putin.history.latest().history_change_reason.startswith("Corrected: country")


def test_adding_only_an_alias_still_locks_the_actor(client, editor):
    putin = make.actor("Vladimir Putin")
    url = reverse("admin:records_actor_change", args=[putin.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data.update({"aliases-0-name": "Poutine"})

    client.post(url, data)

    putin.refresh_from_db()
    assert putin.review_state == ReviewState.LOCKED
    assert putin.aliases.get().origin == Alias.Origin.EDITOR


def test_a_wikidata_id_must_look_like_one(client, editor):
    putin = make.actor("Vladimir Putin")
    url = reverse("admin:records_actor_change", args=[putin.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data["wikidata_id"] = "7747"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "A Wikidata ID looks like Q12345." in response.content.decode()


def test_rejecting_an_actor_from_the_list_stamps_the_editor(client, editor):
    bogus = make.actor("Thursday")
    client.force_login(editor)

    client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [bogus.pk]})

    bogus.refresh_from_db()
    assert (bogus.review_state, bogus.reviewed_by) == (ReviewState.REJECTED, editor)


# --- Refusals ------------------------------------------------------------------------------------


def test_an_analyst_sees_actors_but_no_merge_or_review_actions(client, analyst, two_putins):
    client.force_login(analyst)

    response = client.get(CHANGELIST + "?state=all")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vladimir Putin" in page
    assert "merge_actors" not in page and "reject_selected" not in page


def test_an_analyst_cannot_merge_by_posting_the_action(client, analyst, two_putins):
    putin, poutine, _ = two_putins
    client.force_login(analyst)

    client.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk))

    assert Actor.objects.get(pk=poutine.pk).merged_into is None
    assert not MergeRecord.objects.exists()


def test_an_analyst_cannot_save_an_actor(client, analyst, editor):
    putin = make.actor("Vladimir Putin")
    url = reverse("admin:records_actor_change", args=[putin.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    client.force_login(analyst)

    response = client.post(url, {**data, "role": "Tsar"})

    assert response.status_code == 403
    putin.refresh_from_db()
    assert putin.role == "" and putin.review_state == ReviewState.UNREVIEWED


def test_an_analyst_cannot_split_an_alias_or_undo_a_merge(client, analyst, editor, two_putins):
    putin, poutine, _ = two_putins
    alias = Alias.objects.get(name="Путин")
    client.force_login(editor)
    client.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk))
    record = MergeRecord.objects.get()
    client.force_login(analyst)

    assert client.post(reverse("admin:records_alias_split", args=[alias.pk])).status_code == 403
    assert client.post(reverse("admin:records_mergerecord_undo", args=[record.pk])).status_code == 403
    assert not MergeRecord.objects.get().is_undone
    assert Alias.objects.get(pk=alias.pk).actor == putin


def test_someone_outside_the_staff_is_sent_to_the_login_page(client, outsider, two_putins):
    client.force_login(outsider)
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and reverse("admin:login") in response.url


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, two_putins):
    response = client.post(CHANGELIST, merge_post(*two_putins[:2], post="yes", keep=two_putins[0].pk))
    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert not MergeRecord.objects.exists()


def test_respelling_a_machine_alias_makes_it_the_editors_and_keeps_the_old_spelling_in_history(client, editor):
    putin = make.actor("Vladimir Putin")
    typo = make.alias(putin, "Vladimir Poutin")
    url = reverse("admin:records_actor_change", args=[putin.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))

    client.post(url, {**data, "aliases-0-name": "Vladimir Poutine"})

    typo.refresh_from_db()
    assert (typo.name, typo.origin) == ("Vladimir Poutine", Alias.Origin.EDITOR)
    assert list(typo.history.order_by("history_date").values_list("name", flat=True)) == [
        "Vladimir Poutin", "Vladimir Poutine",
    ]


def test_the_review_buttons_refuse_a_post_without_the_csrf_token(editor, two_putins):
    from django.test import Client

    putin, poutine, _ = two_putins
    wary = Client(enforce_csrf_checks=True)
    wary.force_login(editor)
    alias = Alias.objects.get(name="Путин")

    assert wary.post(reverse("admin:records_alias_split", args=[alias.pk])).status_code == 403
    assert wary.post(CHANGELIST, merge_post(putin, poutine, post="yes", keep=putin.pk)).status_code == 403
    assert Alias.objects.get(pk=alias.pk).actor == poutine
    assert not MergeRecord.objects.exists()
