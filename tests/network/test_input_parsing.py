"""Digits that are not ASCII and integers too large for the database never give an error page:
the apply form refuses them with a Dutch message, the partner directory says the filter does not
exist, and ids in the address give a 404."""

import pytest
from django.urls import reverse

from huisvanhetkind.network.models import Domain, PartnerApplication
from tests.conftest import logged_in
from tests.factories import PartnerApplicationFactory
from tests.network.test_onboarding import application_data, apply_url

pytestmark = pytest.mark.django_db

HUGE = "1" * 30


def test_the_well_formed_application_is_stored(parent_client, house):
    """The positive control of the refusals below."""
    response = parent_client.post(apply_url(house), application_data())
    assert response.status_code == 200
    assert PartnerApplication.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("domains", [HUGE], "Selecteer een geldige keuze"),
        ("municipalities", [HUGE], "Selecteer een geldige keuze"),
        ("domains", ["²"], "Selecteer een geldige keuze"),
        ("domains", ["٣"], "Selecteer een geldige keuze"),
        ("municipalities", ["٣"], "Selecteer een geldige keuze"),
        ("enterprise_number", "٠٢٠٧٤٣٧٤٦٨", "10 cijfers"),
        ("enterprise_number", "0٢٠٧.٤٣٧.٤٦٨", "10 cijfers"),
        ("enterprise_number", "²" * 10, "10 cijfers"),
        ("enterprise_number", HUGE, "10 cijfers"),
    ],
)
def test_non_ascii_digits_and_huge_numbers_in_the_apply_form_are_refused_in_dutch(
    parent_client, house, field, value, message
):
    response = parent_client.post(apply_url(house), application_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PartnerApplication.objects.count() == 0


def test_an_arabic_indic_digit_does_not_select_the_domain_with_that_number(parent_client, house):
    """``int("٣") == 3`` in Python: the form must not read it as domain 3."""
    domain = Domain.objects.order_by("pk")[2]
    assert domain.pk == 3
    parent_client.post(apply_url(house), application_data(domains=["٣"]))
    assert not PartnerApplication.objects.filter(domains=domain).exists()
    # The positive control: the ASCII digit selects it.
    parent_client.post(apply_url(house), application_data(domains=["3"]))
    assert PartnerApplication.objects.filter(domains=domain).exists()


def directory_url(house):
    return reverse("web:partners", kwargs={"house_slug": house.slug})


def test_the_directory_filters_still_find_the_partner(parent_client, house, organisation):
    """The positive control: a well-formed filter finds the partner."""
    content = parent_client.get(
        directory_url(house), {"domein": "opvoedingsondersteuning", "pagina": "1"}
    ).content.decode()
    assert organisation.name in content
    assert "bestaat niet" not in content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"domein": "²"}, "Dit domein bestaat niet"),
        ({"domein": HUGE + "-" * 60}, "Dit domein bestaat niet"),
        ({"gemeente": "٣٣٣٣٣"}, "Deze gemeente bestaat niet"),
        ({"gemeente": HUGE}, "Deze gemeente bestaat niet"),
    ],
)
def test_malformed_directory_filters_get_a_dutch_message_not_an_error(
    parent_client, house, organisation, params, message
):
    response = parent_client.get(directory_url(house), params)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert organisation.name not in content


@pytest.mark.parametrize("page", ["²", "٣", HUGE, "-3", ""])
def test_a_malformed_page_number_shows_the_first_page(parent_client, house, organisation, page):
    response = parent_client.get(directory_url(house), {"pagina": page})
    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_huge_ids_in_network_addresses_are_not_found(
    parent_client, house, coordinator, org_admin, organisation
):
    assert parent_client.get(f"/{house.slug}/partners/{HUGE}/").status_code == 404
    for user in (coordinator, org_admin):
        client = logged_in(user)
        assert client.get(f"/beheer/huis/{house.slug}/aanvragen/{HUGE}/").status_code == 404
        assert client.get(f"/beheer/organisatie/{HUGE}/team/").status_code == 404
        assert client.get(f"/beheer/organisatie/{HUGE}/profiel/").status_code == 404
        assert (
            client.post(f"/beheer/organisatie/{organisation.pk}/team/{HUGE}/intrekken/").status_code
            == 404
        )
    # The positive control: the same addresses with real ids are found.
    application = PartnerApplicationFactory(house=house)
    assert parent_client.get(f"/{house.slug}/partners/{organisation.pk}/").status_code == 200
    client = logged_in(coordinator)
    assert client.get(f"/beheer/huis/{house.slug}/aanvragen/{application.pk}/").status_code == 200
    assert client.get(f"/beheer/organisatie/{organisation.pk}/team/").status_code == 200
    assert client.get(f"/beheer/organisatie/{organisation.pk}/profiel/").status_code == 200
