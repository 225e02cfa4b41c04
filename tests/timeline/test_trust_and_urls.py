"""Issue 16, analysts' items 2, 8 and 11: trust shown on every page, country names, clean URLs."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def _country_options(html: str) -> list[str]:
    select = html.split('id="id_country"')[1].split("</select>")[0]
    return re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]*)</option>', select)


@pytest.mark.parametrize("page", ["timeline:index", "timeline:statements"])
def test_the_country_filter_names_countries_in_the_interface_language(client, page):
    for code in ("AR", "AT", "RU", "EU"):
        make_event(f"Talks {code}", actors=[make_actor(f"Envoy {code}", country=code)])
    english = _country_options(client.get(reverse(page), HTTP_ACCEPT_LANGUAGE="en").content.decode())
    french = _country_options(client.get(reverse(page), HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    assert english == ["Argentina", "Austria", "European Union", "Russia"]
    assert french == ["Argentine", "Autriche", "Russie", "Union européenne"]
