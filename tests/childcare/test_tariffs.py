"""The income-related tariff: the desk enters a year's figures (bad ones refused in Dutch,
nothing changes, outsiders see nothing) and families get an estimate of the price per day
share and per month, at the bounds, in between, with the discount for other children and the
social tariff, or a plain message when no tariff was entered."""

from decimal import Decimal

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import services_tariffs
from huisvanhetkind.childcare.models import TariffYear
from huisvanhetkind.childcare.selectors_tariffs import FULL, LONG, SHORT, estimate
from huisvanhetkind.network.models import Role
from tests.childcare.conftest import make_location
from tests.conftest import logged_in, with_second_factor
from tests.factories import DesignationFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

DESK_URL = "/beheer/huis/kalmthout/kinderopvang/tarief/"
ESTIMATE_URL = "/kalmthout/kinderopvang/kostprijs/"

# Easy figures: between the bounds a full day is 5 + (income - 2000) / 100 euro.
FIGURES = {
    "income_floor": Decimal("2000.00"),
    "income_ceiling": Decimal("6000.00"),
    "price_min": Decimal("5.00"),
    "price_max": Decimal("30.00"),
    "rate_percent": Decimal("22.000"),
    "income_divisor": 22,
    "short_day_hours": Decimal("5.00"),
    "long_day_hours": Decimal("11.00"),
    "short_day_percent": Decimal("60.00"),
    "long_day_percent": Decimal("130.00"),
    "sibling_discount_percent": Decimal("25.00"),
    "social_tariff_percent": Decimal("50.00"),
}


def this_year() -> int:
    return timezone.localdate().year


@pytest.fixture
def tariff(house):
    return services_tariffs.tariff_year_save(
        house=house, actor=None, year=this_year(), data=FIGURES
    )


def form_data(**changes) -> dict:
    data = {
        "year": str(this_year()),
        "income_floor": "2.000,00",
        "income_ceiling": "6000",
        "price_min": "5",
        "price_max": "30,00",
        "rate_percent": "22",
        "income_divisor": "22",
        "short_day_hours": "5",
        "long_day_hours": "11",
        "short_day_percent": "60",
        "long_day_percent": "130",
        "sibling_discount_percent": "25",
        "social_tariff_percent": "50",
    }
    data.update(changes)
    return data


# --- The arithmetic -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("income", "day_price"),
    [
        ("0", "5.00"),
        ("1999.99", "5.00"),
        ("2000", "5.00"),  # at the floor: the minimum
        ("2345.67", "8.46"),  # 5 + 3.4567, rounded half up to cents
        ("2345.65", "8.46"),
        ("2345.64", "8.46"),
        ("2345.49", "8.45"),
        ("4000", "25.00"),
        ("4600", "30.00"),  # below the ceiling but above the maximum price: kept at it
        ("6000", "30.00"),  # at the ceiling: the maximum
        ("100000", "30.00"),
    ],
)
def test_the_full_day_price_follows_the_income_between_the_bounds(tariff, income, day_price):
    result = estimate(tariff, Decimal(income), Decimal(9), 0)
    assert result.day_price == Decimal(day_price)
    assert result.share == FULL
    assert result.share_price == Decimal(day_price)


@pytest.mark.parametrize(
    ("hours", "share", "price"),
    [
        ("0.5", SHORT, "15.00"),
        ("4.99", SHORT, "15.00"),
        ("5", FULL, "25.00"),  # the boundaries themselves are a full day
        ("11", FULL, "25.00"),
        ("11.01", LONG, "32.50"),
        ("13", LONG, "32.50"),
    ],
)
def test_a_day_share_is_priced_by_its_hours(tariff, hours, share, price):
    result = estimate(tariff, Decimal(4000), Decimal(hours), 0)
    assert (result.share, result.share_price) == (share, Decimal(price))


def test_the_month_is_the_day_share_times_the_days(tariff):
    result = estimate(tariff, Decimal(4000), Decimal(4), 0, days_per_month=18)
    assert result.share_price == Decimal("15.00")
    assert result.per_month == Decimal("270.00")
    assert result.days == 18


@pytest.mark.parametrize(
    ("others", "price"), [(0, "25.00"), (1, "18.75"), (2, "12.50"), (4, "0.00"), (6, "0.00")]
)
def test_each_other_child_in_care_lowers_the_price(tariff, others, price):
    assert estimate(tariff, Decimal(4000), Decimal(9), others).day_price == Decimal(price)


def test_the_social_tariff_is_a_share_of_the_minimum_price(tariff):
    social = estimate(tariff, Decimal(100000), Decimal(9), 0, social_tariff=True)
    assert social.day_price == Decimal("2.50")
    assert social.social_tariff
    # with one other child in care: 2.50 less 25 % is 1.875, half up 1.88
    assert estimate(tariff, Decimal(0), Decimal(9), 1, social_tariff=True).day_price == Decimal(
        "1.88"
    )
    # a short day of the social tariff
    assert estimate(tariff, Decimal(0), Decimal(3), 0, social_tariff=True).share_price == Decimal(
        "1.50"
    )


def test_the_steps_explain_the_estimate_in_plain_dutch(tariff):
    result = estimate(tariff, Decimal(4000), Decimal(4), 1, days_per_month=10)
    text = " ".join(result.steps)
    assert "tussen € 2.000,00 en € 6.000,00" in text
    assert "25 % korting" in text
    assert "is een halve dag" in text
    assert "10 dagen per maand: € 112,50 per maand" in text  # 18.75 * 60 % = 11.25


def test_an_input_no_form_lets_through_is_refused(tariff):
    for args in (
        (Decimal(-1), Decimal(9), 0),
        (Decimal(1), Decimal(0), 0),
        (Decimal(1), Decimal(9), -1),
    ):
        with pytest.raises(ValueError):
            estimate(tariff, *args)


# --- The public estimate page ---------------------------------------------------------------


def test_a_family_gets_an_estimate_without_javascript(client, tariff):
    response = client.get(
        ESTIMATE_URL,
        {"inkomen": "4.000", "uren": "9", "dagen": "18", "andere_kinderen": "0"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ongeveer € 25,00 per dag (een volle dag)" in page
    assert "Ongeveer € 450,00 per maand voor 18 dagen" in page
    assert "de opvang berekent het echte bedrag" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_the_social_tariff_box_gives_the_social_tariff(client, tariff):
    response = client.get(
        ESTIMATE_URL, {"inkomen": "1500", "uren": "9,5", "dagen": "10", "sociaal": "on"}
    )
    page = response.content.decode()
    assert "Ongeveer € 2,50 per dag" in page
    assert "Sociaal tarief: 50 % van de minimumprijs" in page


def test_with_the_social_tariff_the_income_may_stay_empty(client, tariff):
    response = client.get(ESTIMATE_URL, {"inkomen": "", "uren": "4", "dagen": "8", "sociaal": "on"})
    assert response.status_code == 200
    assert "Ongeveer € 1,50 per dag" in response.content.decode()


def test_the_empty_form_shows_no_estimate_and_no_error(client, tariff):
    response = client.get(ESTIMATE_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jouw schatting" not in page
    assert "Controleer je invoer" not in page
    assert 'name="inkomen"' in page


def test_without_a_tariff_of_this_year_the_family_is_told_plainly(client, house):
    services_tariffs.tariff_year_save(house=house, actor=None, year=this_year() - 1, data=FIGURES)
    response = client.get(ESTIMATE_URL, {"inkomen": "3000", "uren": "9", "dagen": "18"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "nog niet ingevuld" in page
    assert "Jouw schatting" not in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"uren": "9", "dagen": "18"},
            "Vul het netto inkomen per maand in, of vink het sociaal tarief aan.",
        ),
        ({"inkomen": "3000", "dagen": "18"}, "Vul dit in."),
        ({"inkomen": "veel", "uren": "9", "dagen": "18"}, "Geef een getal, bijvoorbeeld 12,50."),
        ({"inkomen": "-5", "uren": "9", "dagen": "18"}, "Geef een getal van minstens 0."),
        ({"inkomen": "3000", "uren": "0", "dagen": "18"}, "Geef minstens een half uur."),
        ({"inkomen": "3000", "uren": "25", "dagen": "18"}, "Een dag heeft hoogstens 24 uur."),
        ({"inkomen": "3000", "uren": "9", "dagen": "0"}, "Geef minstens 1 dag."),
        ({"inkomen": "3000", "uren": "9", "dagen": "32"}, "Een maand heeft hoogstens 31 dagen."),
        ({"inkomen": "3000", "uren": "9", "dagen": "1,5"}, "Geef een geheel getal"),
        (
            {"inkomen": "3000", "uren": "9", "dagen": "18", "andere_kinderen": "-1"},
            "Het aantal kan niet negatief zijn.",
        ),
        (
            {"inkomen": "3000", "uren": "9", "dagen": "18", "andere_kinderen": "11"},
            "Geef hoogstens 10.",
        ),
    ],
)
def test_bad_input_on_the_estimate_form_is_named_in_dutch(client, tariff, params, message):
    response = client.get(ESTIMATE_URL, params)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Controleer je invoer" in page
    assert message in page
    assert "Jouw schatting" not in page


def test_the_location_page_of_an_income_related_location_links_to_the_estimate(
    client, house, provider
):
    income = make_location(house=house, organisation=provider, dossier_number="900011")
    own = make_location(
        house=house,
        organisation=provider,
        name="Gezinsopvang Het Nestje",
        dossier_number="900012",
        price_model="vrije-prijs",
    )
    page = client.get(f"/kalmthout/kinderopvang/{income.pk}/").content.decode()
    assert ESTIMATE_URL in page
    assert ESTIMATE_URL not in client.get(f"/kalmthout/kinderopvang/{own.pk}/").content.decode()


def test_the_estimate_uses_only_the_house_s_own_tariff(client, house, other_house):
    services_tariffs.tariff_year_save(house=other_house, actor=None, year=this_year(), data=FIGURES)
    page = client.get(ESTIMATE_URL, {"inkomen": "3000", "uren": "9", "dagen": "18"})
    assert "nog niet ingevuld" in page.content.decode()
    slug = other_house.slug
    other = client.get(
        f"/{slug}/kinderopvang/kostprijs/", {"inkomen": "4000", "uren": "9", "dagen": "1"}
    )
    assert "Ongeveer € 25,00 per dag" in other.content.decode()


# --- The desk's page ------------------------------------------------------------------------


def test_the_desk_enters_a_year_and_it_is_audited(desk_worker, house):
    client = logged_in(desk_worker)
    assert client.get(DESK_URL).status_code == 200
    response = client.post(DESK_URL, form_data())
    assert response.status_code == 302
    tariff = TariffYear.objects.get(house=house, year=this_year())
    assert tariff.income_floor == Decimal("2000.00")
    assert tariff.price_max == Decimal("30.00")
    assert tariff.updated_by == desk_worker
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, target_id=str(tariff.pk))
    assert event.changes["price_min"] == [None, "5.00"]
    assert event.house == house


def test_the_desk_changes_a_year_and_only_the_change_is_audited(desk_worker, tariff):
    client = logged_in(desk_worker)
    page = client.get(DESK_URL, {"jaar": this_year()}).content.decode()
    assert "wijzigen" in page
    response = client.post(DESK_URL, form_data(price_max="31,50"))
    assert response.status_code == 302
    tariff.refresh_from_db()
    assert tariff.price_max == Decimal("31.50")
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, target_id=str(tariff.pk))
    assert event.changes == {"price_max": ["30.00", "31.50"]}


def test_the_coordinator_may_enter_the_tariff_too(coordinator, house):
    response = logged_in(coordinator).post(DESK_URL, form_data())
    assert response.status_code == 302
    assert TariffYear.objects.filter(house=house).exists()


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        (
            {"income_ceiling": "2000"},
            "De bovengrens van het inkomen moet hoger zijn dan de ondergrens.",
        ),
        (
            {"income_ceiling": "1500"},
            "De bovengrens van het inkomen moet hoger zijn dan de ondergrens.",
        ),
        (
            {"price_max": "4,99"},
            "De maximumprijs moet hoger zijn dan of gelijk aan de minimumprijs.",
        ),
        ({"rate_percent": "101"}, "Een percentage ligt tussen 0 en 100."),
        ({"short_day_percent": "-1"}, "Een percentage ligt tussen 0 en 100."),
        ({"sibling_discount_percent": "100,5"}, "Een percentage ligt tussen 0 en 100."),
        ({"social_tariff_percent": "250"}, "Een percentage ligt tussen 0 en 100."),
        ({"long_day_percent": "99"}, "Een lange dag kost 100 tot 200 % van de dagprijs."),
        ({"long_day_percent": "201"}, "Een lange dag kost 100 tot 200 % van de dagprijs."),
        (
            {"long_day_hours": "5"},
            "Het aantal uren van een lange dag moet hoger zijn dan dat van een korte dag.",
        ),
        (
            {"long_day_hours": "4"},
            "Het aantal uren van een lange dag moet hoger zijn dan dat van een korte dag.",
        ),
        ({"short_day_hours": "0"}, "Een aantal uren ligt tussen 0 en 24."),
        ({"long_day_hours": "25"}, "Een aantal uren ligt tussen 0 en 24."),
        ({"price_min": "-1"}, "Een bedrag kan niet negatief zijn."),
        ({"income_divisor": "0"}, "Deel door 1 tot 31 dagen."),
        ({"income_divisor": "22,5"}, "Geef een geheel getal, bijvoorbeeld 22."),
        ({"price_min": "vijf"}, "Geef een getal, bijvoorbeeld 12,50."),
        ({"price_min": "5,123"}, "Geef hoogstens 2 cijfers na de komma."),
        ({"price_min": ""}, "Vul dit in."),
        ({"year": "1999"}, "Geef een jaar van 2000 of later."),
        ({"year": "twee"}, "Geef een jaar, bijvoorbeeld 2027."),
    ],
)
def test_bad_figures_are_refused_in_dutch_and_nothing_changes(
    desk_worker, tariff, changes, field_message
):
    before = {name: getattr(tariff, name) for name in services_tariffs.FIELDS}
    events = AuditEvent.objects.count()
    response = logged_in(desk_worker).post(DESK_URL, form_data(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Controleer je invoer" in page
    assert field_message in page
    tariff.refresh_from_db()
    assert {name: getattr(tariff, name) for name in services_tariffs.FIELDS} == before
    assert TariffYear.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_the_service_refuses_bad_figures_as_well(house, tariff):
    with pytest.raises(Exception) as caught:
        services_tariffs.tariff_year_save(
            house=house, actor=None, year=this_year(), data={"price_max": Decimal(1)}
        )
    assert "maximumprijs" in str(caught.value)
    with pytest.raises(Exception) as caught:
        services_tariffs.tariff_year_save(
            house=house, actor=None, year=this_year() + 1, data={"price_max": Decimal(1)}
        )
    assert "Vul dit in." in str(caught.value)
    tariff.refresh_from_db()
    assert tariff.price_max == Decimal("30.00")


@pytest.fixture
def other_desk_worker(other_house):
    organisation = OrganisationFactory(
        name="Lokaal Loket Kinderopvang Zoersel", houses=[other_house], domains=["kinderopvang"]
    )
    DesignationFactory(house=other_house, organisation=organisation)
    user = with_second_factor(UserFactory(email="loket@zoersel.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def test_outsiders_cannot_see_or_change_the_tariff(
    client, desk_worker, other_desk_worker, other_coordinator, outsider, provider_worker, tariff
):
    for person in (other_desk_worker, other_coordinator, outsider, provider_worker):
        someone = logged_in(person)
        assert someone.get(DESK_URL).status_code == 404
        assert someone.post(DESK_URL, form_data(price_max="99")).status_code == 404
    anonymous = client.post(DESK_URL, form_data(price_max="99"))
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    tariff.refresh_from_db()
    assert tariff.price_max == Decimal("30.00")
    # the positive control
    assert logged_in(desk_worker).get(DESK_URL).status_code == 200


def test_another_house_s_desk_keeps_its_own_tariff(other_desk_worker, other_house, tariff):
    url = f"/beheer/huis/{other_house.slug}/kinderopvang/tarief/"
    response = logged_in(other_desk_worker).post(url, form_data(price_max="40"))
    assert response.status_code == 302
    assert TariffYear.objects.get(house=other_house).price_max == Decimal("40.00")
    tariff.refresh_from_db()
    assert tariff.price_max == Decimal("30.00")


def test_the_desk_page_links_the_tariff_and_the_figures(desk_worker):
    page = logged_in(desk_worker).get("/beheer/huis/kalmthout/kinderopvang/").content.decode()
    assert DESK_URL in page
    assert "/beheer/huis/kalmthout/kinderopvang/cijfers/" in page
