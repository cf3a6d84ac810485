"""Each process keeps the houses' offer in memory (catalogue.offer) and searches a house's own
postings (SearchHousePosting): every write must show on the next page, a rolled back one never."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.catalogue import offer, selectors
from huisvanhetkind.catalogue.search.models import SearchHousePosting, SearchPosting
from huisvanhetkind.catalogue.search.services import index_service, rebuild_index
from huisvanhetkind.network.models import AgeGroup, Domain, Partnership
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def names(house, **filters):
    ids, _facets, house_offer = selectors.search_catalogue(
        house, selectors.CatalogueFilters(**filters)
    )
    return [card.name for card in selectors.result_cards(house_offer, ids)]


def counts(house, facet):
    _ids, facets, _offer = selectors.search_catalogue(house, selectors.CatalogueFilters())
    options = next(f.options for f in facets if f.name == facet)
    return {value: count for value, _label, count, _selected in options}


def house_postings():
    return set(
        SearchHousePosting.objects.values_list("house_id", "term_id", "service_id", "weight")
    )


@pytest.fixture
def services(organisation, other_organisation):
    made = [
        ServiceFactory(organisation=organisation, name="Babymassage", age_groups=["0-3"]),
        ServiceFactory(organisation=organisation, name="Slaapworkshop voor ouders", is_free=True),
        ServiceFactory(organisation=other_organisation, name="Zwemles voor peuters"),
    ]
    rebuild_index()
    return made


def test_the_offer_is_listed_by_name_and_read_once_per_process(
    house, services, django_assert_num_queries
):
    assert names(house) == ["Babymassage", "Slaapworkshop voor ouders", "Zwemles voor peuters"]
    offer.house_offer(house)
    with django_assert_num_queries(1):  # only the state row: the copy is still valid
        offer.house_offer(house)


def test_a_changed_service_shows_on_the_next_page(house, services):
    assert counts(house, "kost")["gratis"] == 1
    massage = services[0]
    massage.is_free = True
    massage.save()
    massage.age_groups.add(AgeGroup.objects.get(slug="3-6"))
    assert counts(house, "kost")["gratis"] == 2
    assert counts(house, "leeftijd")["3-6"] == 1


def test_a_service_taken_offline_disappears_at_once(house, services):
    assert names(house, query="slaapworkshop") == ["Slaapworkshop voor ouders"]
    services[1].status = "archived"
    services[1].save()
    assert "Slaapworkshop voor ouders" not in names(house)
    assert names(house, query="slaapworkshop") == []


def test_a_paused_partnership_hides_the_partners_offer(house, services, other_organisation):
    assert names(house, query="zwemles") == ["Zwemles voor peuters"]
    partnership = Partnership.objects.get(organisation=other_organisation, house=house)
    partnership.status = Partnership.Status.PAUSED
    partnership.save()
    assert names(house) == ["Babymassage", "Slaapworkshop voor ouders"]
    assert names(house, query="zwemles") == []


def test_a_rolled_back_change_is_not_kept(house, services):
    names(house)
    with pytest.raises(RuntimeError), transaction.atomic():
        services[0].status = "draft"
        services[0].save()
        assert "Babymassage" not in names(house)  # read inside the transaction
        raise RuntimeError
    assert "Babymassage" in names(house)


def test_a_new_partner_is_found_in_the_house_and_a_former_one_no_longer(
    house, other_house, services
):
    elsewhere = OrganisationFactory(name="Zwemclub De Dolfijn", houses=[other_house])
    ServiceFactory(organisation=elsewhere, name="Watergewenning voor kleuters")
    rebuild_index()
    assert names(house, query="watergewenning") == []
    assert names(other_house, query="watergewenning") == ["Watergewenning voor kleuters"]

    partnership = Partnership.objects.create(organisation=elsewhere, house=house)
    assert names(house, query="watergewenning") == ["Watergewenning voor kleuters"]
    partnership.delete()
    assert names(house, query="watergewenning") == []
    assert not SearchHousePosting.objects.filter(house=house, service__organisation=elsewhere)


def test_house_postings_copy_the_postings_for_every_partnership(house, other_house, services):
    shared = services[0].organisation  # partner of the house only
    Partnership.objects.create(organisation=shared, house=other_house)
    services[0].name = "Babymassage en babyyoga"
    services[0].save()
    index_service(services[0])
    incremental = house_postings()
    rebuild_index()
    assert house_postings() == incremental
    expected = {
        (house_id, term, service, weight)
        for term, service, weight, organisation in SearchPosting.objects.values_list(
            "term_id", "service_id", "weight", "service__organisation_id"
        )
        for house_id in Partnership.objects.filter(organisation_id=organisation).values_list(
            "house_id", flat=True
        )
    }
    assert incremental == expected


def test_a_search_in_one_house_never_returns_another_houses_offer(house, other_house, services):
    ServiceFactory(
        organisation=OrganisationFactory(houses=[other_house]), name="Babymassage in Brecht"
    )
    rebuild_index()
    assert names(house, query="babymassage") == ["Babymassage"]
    assert names(other_house, query="babymassage") == ["Babymassage in Brecht"]


def test_the_catalogue_page_answers_from_the_copy_after_a_write(parent_client, house, services):
    url = reverse("catalogue:catalogue", kwargs={"house_slug": house.slug})
    assert "3 resultaten" in parent_client.get(url).content.decode()
    ServiceFactory(organisation=services[0].organisation, name="Peuterturnen")
    assert "4 resultaten" in parent_client.get(url).content.decode()


def kept(*houses) -> list[bool]:
    """Per house, whether this process's copy of its offer is still valid (one query: the
    stamps) or had to be read again."""
    result = []
    for house in houses:
        with CaptureQueriesContext(connection) as captured:
            offer.house_offer(house)
        result.append(len(captured) == 1)
    return result


@pytest.fixture
def elsewhere(other_house):
    organisation = OrganisationFactory(name="Zwemclub De Dolfijn", houses=[other_house])
    ServiceFactory(organisation=organisation, name="Watergewenning voor kleuters")
    return organisation


def test_a_change_in_one_house_keeps_the_other_houses_copies(
    house, other_house, services, elsewhere
):
    kept(house, other_house)  # both read
    services[0].is_free = True
    services[0].save()
    assert kept(house, other_house) == [False, True]
    elsewhere.services.get().age_groups.add(AgeGroup.objects.get(slug="3-6"))
    assert kept(house, other_house) == [True, False]
    Partnership.objects.filter(house=other_house).get().delete()
    assert kept(house, other_house) == [True, False]
    other_house.municipalities.remove(other_house.municipalities.first())
    assert kept(house, other_house) == [True, False]


def test_a_partner_of_two_houses_changes_both(house, other_house, services, elsewhere):
    Partnership.objects.create(organisation=services[0].organisation, house=other_house)
    kept(house, other_house)
    services[0].name = "Babymassage en babyyoga"
    services[0].save()
    assert kept(house, other_house) == [False, False]
    # From the other side of the link: an age group given to the service.
    kept(house, other_house)
    AgeGroup.objects.get(slug="3-6").services.add(services[0])
    assert kept(house, other_house) == [False, False]


def test_a_service_that_moves_to_another_partner_changes_both_houses(
    house, other_house, services, elsewhere
):
    kept(house, other_house)
    services[0].organisation = elsewhere
    services[0].save()
    assert kept(house, other_house) == [False, False]
    assert "Babymassage" not in names(house)
    assert "Babymassage" in names(other_house)


def test_a_changed_domain_changes_every_house(house, other_house, services, elsewhere):
    kept(house, other_house)
    domain = Domain.objects.get(slug="gezondheid")
    domain.name = "Gezondheid en welzijn"
    domain.save()
    assert kept(house, other_house) == [False, False]
    assert kept(house, other_house) == [True, True]
