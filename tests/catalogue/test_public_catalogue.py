"""The public catalogue of a house: filters with counts, pagination, detail page, JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import Municipality
from tests.conftest import logged_in
from tests.factories import OrganisationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


def catalogue_url(house):
    return reverse("catalogue:catalogue", kwargs={"house_slug": house.slug})


@pytest.fixture
def offer(house, organisation, other_organisation):
    return {
        "free": ServiceFactory(
            organisation=organisation,
            name="Gratis opvoedingsgesprek",
            is_free=True,
            languages=["nl", "fr"],
            age_groups=["0-3"],
            service_areas=["Kalmthout"],
        ),
        "social": ServiceFactory(
            organisation=other_organisation,
            name="Kraamzorg thuis",
            domains=["gezondheid"],
            price="25.00",
            social_tariff=True,
            social_tariff_price="5.00",
            languages=["nl"],
            age_groups=["aanstaand"],
        ),
        "paid": ServiceFactory(
            organisation=organisation, name="Opvoedingscursus", price="40.00", age_groups=["12-18"]
        ),
        "draft": ServiceFactory(organisation=organisation, name="Nog in opmaak", status="draft"),
        "archived": ServiceFactory(organisation=organisation, name="Oud aanbod", status="archived"),
    }


def test_only_published_services_of_the_house_partners_are_listed(
    parent_client, house, other_house, offer
):
    elsewhere = ServiceFactory(
        organisation=OrganisationFactory(houses=[other_house]), name="Elders"
    )
    content = parent_client.get(catalogue_url(house)).content.decode()
    for key in ("free", "social", "paid"):
        assert offer[key].name in content
    for name in ("Nog in opmaak", "Oud aanbod", elsewhere.name):
        assert name not in content
    assert "3 resultaten" in content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kost": "gratis"}, {"Gratis opvoedingsgesprek"}),
        ({"kost": "sociaal-tarief"}, {"Gratis opvoedingsgesprek", "Kraamzorg thuis"}),
        ({"domein": "gezondheid"}, {"Kraamzorg thuis"}),
        ({"leeftijd": "aanstaand"}, {"Kraamzorg thuis"}),
        ({"taal": "fr"}, {"Gratis opvoedingsgesprek"}),
        ({"gemeente": "11022"}, {"Gratis opvoedingsgesprek"}),
        ({"domein": "opvoedingsondersteuning", "leeftijd": "12-18"}, {"Opvoedingscursus"}),
    ],
)
def test_filters_narrow_the_list(parent_client, house, offer, params, expected):
    content = parent_client.get(catalogue_url(house), params).content.decode()
    shown = {s.name for s in Service.objects.all() if f">{s.name}</a>" in content}
    assert shown == expected


def test_each_filter_value_shows_its_count(parent_client, house, offer):
    content = parent_client.get(catalogue_url(house), {"domein": "gezondheid"}).content.decode()
    assert re.search(r'<option value="gratis"[^>]*>Gratis \(0\)</option>', content)
    assert re.search(r'<option value="gezondheid" selected>Gezondheid \(1\)</option>', content)
    # a facet is counted without its own filter: choosing another domain would show 2
    assert re.search(
        r'<option value="opvoedingsondersteuning"[^>]*>Opvoedingsondersteuning \(2\)</option>',
        content,
    )


@pytest.mark.parametrize(
    "params",
    [
        {"kost": "duur"},
        {"taal": "<script>"},
        {"gemeente": "x" * 500},
        {"pagina": "-1"},
        {"pagina": "abc"},
    ],
)
def test_nonsense_parameters_give_a_normal_page(parent_client, house, offer, params):
    response = parent_client.get(catalogue_url(house), params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert 'id="resultaten"' in response.content.decode()  # the control: the catalogue page


@pytest.mark.parametrize("value", ["²", "٣", "1" * 30, "0", "-1", "abc", "1_0", " ３"])
def test_a_bad_page_number_gets_a_dutch_message_and_the_first_page(
    parent_client, house, organisation, value
):
    for n in range(25):
        ServiceFactory(organisation=organisation, name=f"Aanbod {n:02d}")
    response = parent_client.get(catalogue_url(house), {"pagina": value})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Dat paginanummer bestaat niet. Je ziet de eerste pagina." in content
    assert response.context["page"].number == 1


def test_a_page_number_in_ascii_digits_is_followed_without_a_message(
    parent_client, house, organisation
):
    for n in range(25):
        ServiceFactory(organisation=organisation, name=f"Aanbod {n:02d}")
    response = parent_client.get(catalogue_url(house), {"pagina": "2"})
    assert response.context["page"].number == 2
    assert "Dat paginanummer bestaat niet" not in response.content.decode()


@pytest.mark.parametrize("value", ["١١٠٢٢", "²1022", "1" * 30, "kalmthout"])
def test_a_bad_municipality_code_gets_a_dutch_message_and_is_left_out(
    parent_client, house, offer, value
):
    response = parent_client.get(catalogue_url(house), {"gemeente": value})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Die gemeente kennen we niet." in content
    assert "3 resultaten" in content  # the filter is left out, not matching nothing
    good = parent_client.get(catalogue_url(house), {"gemeente": "11022"}).content.decode()
    assert "Die gemeente kennen we niet." not in good and "1 resultaat" in good


def test_pagination_keeps_the_filters(parent_client, house, organisation):
    for n in range(25):
        ServiceFactory(organisation=organisation, name=f"Aanbod {n:02d}", is_free=True)
    content = parent_client.get(catalogue_url(house), {"kost": "gratis"}).content.decode()
    assert "kost=gratis&amp;pagina=2" in content
    second = parent_client.get(
        catalogue_url(house), {"kost": "gratis", "pagina": 2}
    ).content.decode()
    assert "Aanbod 24" in second


def test_detail_page_has_what_a_parent_needs_and_json_ld(parent_client, house, offer, worker):
    service = offer["social"]
    service.application_process = "Bel ons om een afspraak te maken."
    service.phone = "03 000 00 55"
    service.referral_criteria = "Alleen na de bevalling."
    service.save()
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    content = parent_client.get(url).content.decode()
    assert "Bel ons om een afspraak te maken." in content
    assert "€ 25.00" in content or "€ 25,00" in content
    assert "Sociaal tarief:" in content
    assert "03 000 00 55" in content
    assert "Alleen na de bevalling." not in content  # referral criteria are for professionals
    assert "Alleen na de bevalling." in logged_in(worker).get(url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "Service" and data["name"] == "Kraamzorg thuis"
    assert {offer["price"] for offer in data["offers"]} == {"25.00", "5.00"}


def test_json_ld_escapes_markup_so_a_service_name_cannot_blank_the_page(
    parent_client, house, organisation
):
    service = ServiceFactory(organisation=organisation, name="Speelpret <!--<script> & co")
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    content = parent_client.get(url).content.decode()
    script = content.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    assert "\\u003C!--\\u003Cscript\\u003E \\u0026 co" in script
    # the escaped JSON still says the same, and the page goes on after the script
    assert json.loads(script)["name"] == "Speelpret <!--<script> & co"
    assert '<span aria-current="page">Speelpret &lt;!--&lt;script&gt; &amp; co</span>' in content


def test_professionals_see_when_to_refer(house, offer, worker, outsider):
    service = offer["free"]
    service.referral_criteria = "Verwijs door bij opvoedingsvragen die blijven duren."
    service.save()
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    for user in (worker, outsider):
        assert "Verwijs door bij opvoedingsvragen" in logged_in(user).get(url).content.decode()
    nobody = UserFactory()  # logged in, but no role in the network
    assert "Verwijs door bij opvoedingsvragen" not in logged_in(nobody).get(url).content.decode()


def test_drafts_and_other_houses_services_have_no_public_page(
    parent_client, house, other_house, offer
):
    draft = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": offer["draft"].pk})
    assert parent_client.get(draft).status_code == 404
    via_other_house = reverse(
        "catalogue:service", kwargs={"house_slug": other_house.slug, "pk": offer["free"].pk}
    )
    assert parent_client.get(via_other_house).status_code == 404
    # The positive control: a published service through its own house.
    own = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": offer["free"].pk})
    assert parent_client.get(own).status_code == 200


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_catalogue_query_count_does_not_grow_with_the_data(parent_client, house, organisation):
    ServiceFactory.create_batch(
        3, organisation=organisation, service_areas=["Kalmthout"], age_groups=["0-3"], is_free=True
    )
    few = _queries(parent_client, catalogue_url(house), {"kost": "gratis"})
    kalmthout = Municipality.objects.get(name="Kalmthout")
    for service in ServiceFactory.create_batch(
        30, organisation=organisation, age_groups=["0-3", "3-6"], is_free=True
    ):
        service.service_areas.set([kalmthout])
    many = _queries(parent_client, catalogue_url(house), {"kost": "gratis"})
    assert few == many


def test_detail_query_count_does_not_grow_with_related_data(parent_client, house, organisation):
    service = ServiceFactory(organisation=organisation, age_groups=["0-3"])
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    few = _queries(parent_client, url)
    service.service_areas.set(Municipality.objects.all()[:10])
    many = _queries(parent_client, url)
    assert few == many
