"""The family's own page of a referral: through its signed link or the short code of a printed
slip it sees what it shared, with whom and the status, withdraws its consent (the referral
stops and what it shared is erased at once) and says whether it got help. Nothing for a
tampered link, another house's address, a wrong code or an outsider."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from huisvanhetkind.referrals import services, views_family
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.conftest import logged_in
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

S = ReferralStatus
REASON = "Mama voelt zich erg moe na de bevalling en wil hulp thuis."


def family_url(house, token) -> str:
    return reverse("referrals:family", kwargs={"house_slug": house.slug, "token": token})


def code_url(house) -> str:
    return reverse("referrals:family_code", kwargs={"house_slug": house.slug})


def move(referral, receiver, *states):
    for state in states:
        referral = services.referral_transition(
            referral=referral, to=state, actor_kind=Actor.RECEIVER, actor=receiver
        )
    return referral


def assert_private(response):
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"


# --- The page behind the link -------------------------------------------------------------------


def test_the_family_sees_what_it_shared_with_whom_and_the_status(
    parent_client, sent_referral, house, worker, receiver
):
    referral, token, _code = sent_referral
    response = parent_client.get(family_url(house, token))
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Je doorverwijzing" in html
    # With whom, by whom, for what, which data, until when.
    assert "Kraamzorg Landelijke Thuiszorg" in html and "Kraamzorg aan huis" in html
    assert "Opvoedingspunt Kalmthout" in html
    assert "Kraamzorg aan huis na de geboorte" in html
    assert "contactgegevens" in html and "de reden van de doorverwijzing" in html
    expires = referral.consent.expires_on
    assert f"{expires.day} " in html and str(expires.year) in html
    # The status in plain words, the answer's due date and the button to withdraw.
    assert "heeft ze nog niet gelezen" in html
    assert "antwoordt uiterlijk op" in html
    assert "Trek mijn toestemming in" in html
    # Not yet contacted: no outcome buttons.
    assert "Ik kreeg hulp" not in html
    # What only the receiving partner reads, and the professionals' names, are not on it.
    assert REASON not in html and "Liefst na 17 u." not in html
    assert "0470 12 34 56" not in html and "sarah.janssens@example.be" not in html
    for person in (worker, receiver):
        assert person.email not in html and escape(person.last_name) not in html


def test_the_timeline_follows_the_partner_without_naming_professionals(
    parent_client, sent_referral, house, receiver
):
    referral, token, _code = sent_referral
    move(referral, receiver, S.RECEIVED, S.ACCEPTED)
    html = parent_client.get(family_url(house, token)).content.decode()
    assert "Opvoedingspunt Kalmthout verwees je door" in html
    assert "las je doorverwijzing" in html and "aanvaardde je doorverwijzing" in html
    assert "wil je graag helpen" in html
    assert "antwoordt uiterlijk op" not in html  # answered: the clock stopped
    assert escape(receiver.last_name) not in html and receiver.email not in html


def test_a_declined_referral_says_so_with_the_reason_from_the_list(
    parent_client, sent_referral, house, receiver
):
    referral, token, _code = sent_referral
    services.referral_transition(
        referral=referral,
        to=S.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
        decline_note="Onze ploeg is deze maand onderbezet.",
    )
    html = parent_client.get(family_url(house, token)).content.decode()
    assert "kan je niet verder helpen" in html and "geen plaats of capaciteit" in html
    assert "onderbezet" not in html  # the partner's own note is not for the family
    assert "Trek mijn toestemming in" not in html  # it already ended


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[:20],
        lambda token: "onbekend",
    ],
)
def test_a_tampered_or_unknown_link_shows_nothing(parent_client, sent_referral, house, tamper):
    referral, token, _code = sent_referral
    assert parent_client.get(family_url(house, token)).status_code == 200  # positive control
    response = parent_client.get(family_url(house, tamper(token)))
    assert response.status_code == 404
    assert_private(response)
    html = response.content.decode()
    assert "Deze link werkt niet (meer)" in html
    assert "Kraamzorg" not in html and "Opvoedingspunt" not in html


def test_the_link_works_only_in_its_own_house(parent_client, sent_referral, house, other_house):
    _referral, token, _code = sent_referral
    assert parent_client.get(family_url(house, token)).status_code == 200
    response = parent_client.get(family_url(other_house, token))
    assert response.status_code == 404 and "Kraamzorg" not in response.content.decode()


def test_an_outsider_without_the_link_sees_nothing(sent_referral, house, third_party, coordinator):
    """Being logged in as a professional (a third partner, even the coordinator) opens nothing:
    the link is the only key."""
    _referral, token, _code = sent_referral
    for user in (third_party, coordinator):
        client = logged_in(user)
        assert client.get(family_url(house, token[:-2])).status_code == 404
        assert client.get(family_url(house, token)).status_code == 200  # positive control


def test_the_actions_cannot_be_posted_with_a_tampered_link(parent_client, sent_referral, house):
    referral, token, _code = sent_referral
    response = parent_client.post(family_url(house, token[:-2]), {"action": "withdraw"})
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.status == S.SENT and referral.reason == REASON


# --- Withdrawing the consent --------------------------------------------------------------------


def test_withdrawing_asks_for_confirmation_first(parent_client, sent_referral, house):
    referral, token, _code = sent_referral
    url = family_url(house, token)
    response = parent_client.get(url + "?stap=intrekken")
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Je toestemming intrekken?" in html
    assert "stopt je doorverwijzing naar Kraamzorg Landelijke Thuiszorg meteen" in html
    assert 'value="withdraw"' in html and "Ja, trek mijn toestemming in" in html
    referral.refresh_from_db()
    assert referral.status == S.SENT  # looking at the question changes nothing


def test_withdrawing_erases_what_was_shared_and_kills_the_link(
    parent_client, house, worker, organisation, receiving_organisation, receiving_service
):
    referral, token, code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"first_name": "Noor", "birth_date": date.today() - timedelta(days=200)},
    )
    assert referral.family is not None and referral.child is not None
    url = family_url(house, token)
    response = parent_client.post(url, {"action": "withdraw"})
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Je toestemming is ingetrokken" in html
    assert "Kraamzorg Landelijke Thuiszorg" in html and "Wat je deelde, is gewist" in html

    referral = Referral.objects.get(pk=referral.pk)
    assert referral.status == S.CONSENT_WITHDRAWN
    assert referral.family is None and referral.child is None
    assert referral.reason == "" and referral.contact_note == ""
    assert referral.erased_at is not None and referral.closed_at is not None
    assert referral.consent.withdrawn_at is not None
    assert list(referral.events.values_list("to_status", "actor_kind"))[-1] == (
        S.CONSENT_WITHDRAWN,
        Actor.FAMILY,
    )
    # The link and the code are dead now.
    assert parent_client.get(url).status_code == 404
    response = parent_client.post(code_url(house), {"code": code})
    assert response.status_code == 400 and "Deze code werkt niet" in response.content.decode()


def test_withdrawing_twice_is_not_possible(parent_client, sent_referral, house):
    _referral, token, _code = sent_referral
    url = family_url(house, token)
    assert parent_client.post(url, {"action": "withdraw"}).status_code == 200
    assert parent_client.post(url, {"action": "withdraw"}).status_code == 404


# --- Got help -----------------------------------------------------------------------------------


def test_got_help_only_after_the_partner_made_contact(
    parent_client, sent_referral, house, receiver
):
    referral, token, _code = sent_referral
    url = family_url(house, token)
    # Before contact: refused with a message, nothing changes.
    move(referral, receiver, S.RECEIVED, S.ACCEPTED)
    response = parent_client.post(url, {"action": "got_help"}, follow=True)
    assert "zodra de partner contact met je opnam" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED and referral.family_outcome == ""

    move(referral, receiver, S.CONTACTED)
    html = parent_client.get(url).content.decode()
    assert "Ik kreeg hulp" in html and "Ik kreeg geen hulp" in html
    response = parent_client.post(url, {"action": "got_help"})
    assert response.status_code == 302 and response["Location"] == url
    referral.refresh_from_db()
    assert referral.status == S.GOT_HELP
    assert referral.family_outcome == Referral.Outcome.GOT_HELP
    assert referral.events.last().actor_kind == Actor.FAMILY
    html = parent_client.get(url).content.decode()
    assert "Bedankt. We gaven je antwoord door." in html
    assert "weten dat je hulp kreeg" in html and "Je kreeg hulp" in html


def test_no_help_from_the_waiting_list(parent_client, sent_referral, house, receiver):
    referral, token, _code = sent_referral
    move(referral, receiver, S.ACCEPTED, S.WAITLISTED)
    html = parent_client.get(family_url(house, token)).content.decode()
    assert "Je staat op de wachtlijst" in html
    parent_client.post(family_url(house, token), {"action": "no_help"})
    referral.refresh_from_db()
    assert referral.status == S.NO_HELP and referral.family_outcome == Referral.Outcome.NO_HELP


def test_after_closing_the_family_answer_is_kept_beside_the_partner(
    parent_client, sent_referral, house, receiver
):
    referral, token, _code = sent_referral
    move(referral, receiver, S.ACCEPTED, S.CONTACTED, S.NOT_INTERESTED, S.CLOSED)
    parent_client.post(family_url(house, token), {"action": "got_help"})
    referral.refresh_from_db()
    assert referral.status == S.CLOSED and referral.family_outcome == Referral.Outcome.GOT_HELP


# --- The short code -----------------------------------------------------------------------------


def test_the_code_page_is_a_private_form(parent_client, house):
    response = parent_client.get(code_url(house))
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "De code op je briefje" in html and 'name="website_url"' in html


def test_a_code_with_spaces_and_small_letters_opens_the_page(parent_client, sent_referral, house):
    referral, _token, code = sent_referral
    typed = f" {code[:3].lower()} {code[3:7]}-{code[7:].lower()} "
    response = parent_client.post(code_url(house), {"code": typed})
    assert response.status_code == 302 and response["Location"] == code_url(house)
    response = parent_client.get(code_url(house))
    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "Kraamzorg aan huis na de geboorte" in html and "heeft ze nog niet gelezen" in html
    assert "Sluiten" in html
    assert REASON not in html
    # Another browser without the code sees only the form.
    other = Client().get(code_url(house)).content.decode()
    assert "Kraamzorg" not in other and "De code op je briefje" in other


@pytest.mark.parametrize("wrong", ["ACDEF-GHJKM", "acdef ghjkx"])
def test_a_wrong_code_is_refused_without_saying_whether_it_exists(
    parent_client, sent_referral, house, wrong
):
    _referral, _token, code = sent_referral
    response = parent_client.post(code_url(house), {"code": wrong})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze code werkt niet" in html
    assert "Kraamzorg" not in html and "Opvoedingspunt" not in html
    assert 'aria-invalid="true"' in html
    assert "Kraamzorg" not in parent_client.get(code_url(house)).content.decode()
    # Positive control: the right code opens it.
    assert parent_client.post(code_url(house), {"code": code}).status_code == 302


def test_a_malformed_code_gets_a_hint(parent_client, house):
    response = parent_client.post(code_url(house), {"code": "12345"})
    assert response.status_code == 400
    assert "Een code heeft 10 letters en cijfers" in response.content.decode()
    response = parent_client.post(code_url(house), {"code": ""})
    assert "Typ de code van je briefje." in response.content.decode()


def test_the_code_works_only_in_its_own_house(parent_client, sent_referral, other_house, house):
    _referral, _token, code = sent_referral
    response = parent_client.post(code_url(other_house), {"code": code})
    assert response.status_code == 400 and "Deze code werkt niet" in response.content.decode()
    assert parent_client.post(code_url(house), {"code": code}).status_code == 302


def test_a_filled_honeypot_opens_nothing(parent_client, sent_referral, house):
    _referral, _token, code = sent_referral
    response = parent_client.post(
        code_url(house), {"code": code, "website_url": "https://spam.example"}
    )
    assert response.status_code == 400
    assert "Kraamzorg" not in parent_client.get(code_url(house)).content.decode()


def test_too_many_codes_from_one_client_get_429(parent_client, sent_referral, house):
    _referral, _token, code = sent_referral
    for _attempt in range(views_family.CODE_CLIENT_LIMIT):
        assert parent_client.post(code_url(house), {"code": "ACDEF-GHJKM"}).status_code == 400
    response = parent_client.post(code_url(house), {"code": code})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht een uur" in html and "Kraamzorg" not in html
    # Another client is not held back.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.post(code_url(house), {"code": code}).status_code == 302


def test_a_visit_with_a_code_ends_after_half_an_hour(parent_client, sent_referral, house):
    _referral, _token, code = sent_referral
    parent_client.post(code_url(house), {"code": code})
    assert "Kraamzorg" in parent_client.get(code_url(house)).content.decode()
    session = parent_client.session
    key = views_family.CODE_SESSION_KEY.format(house=house.pk)
    session[key] = {**session[key], "until": session[key]["until"] - 31 * 60}
    session.save()
    html = parent_client.get(code_url(house)).content.decode()
    assert "Kraamzorg" not in html and "De code op je briefje" in html


def test_closing_a_visit_forgets_it(parent_client, sent_referral, house):
    _referral, _token, code = sent_referral
    parent_client.post(code_url(house), {"code": code})
    assert "Kraamzorg" in parent_client.get(code_url(house)).content.decode()
    response = parent_client.post(code_url(house), {"action": "close"})
    assert response.status_code == 302
    assert "Kraamzorg" not in parent_client.get(code_url(house)).content.decode()


def test_a_visit_with_a_code_can_answer_and_withdraw(parent_client, sent_referral, house, receiver):
    referral, _token, code = sent_referral
    move(referral, receiver, S.ACCEPTED, S.CONTACTED)
    parent_client.post(code_url(house), {"code": code})
    response = parent_client.post(code_url(house), {"action": "got_help"})
    assert response.status_code == 302 and response["Location"] == code_url(house)
    referral.refresh_from_db()
    assert referral.status == S.GOT_HELP

    html = parent_client.get(code_url(house) + "?stap=intrekken").content.decode()
    assert "Je toestemming intrekken?" in html
    response = parent_client.post(code_url(house), {"action": "withdraw"})
    assert response.status_code == 200
    assert "Je toestemming is ingetrokken" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == S.CONSENT_WITHDRAWN and referral.reason == ""
    html = parent_client.get(code_url(house)).content.decode()
    assert "De code op je briefje" in html and "Kraamzorg" not in html


def test_a_visit_does_not_carry_over_to_another_house(
    parent_client, sent_referral, house, other_house
):
    _referral, _token, code = sent_referral
    parent_client.post(code_url(house), {"code": code})
    assert "Kraamzorg" in parent_client.get(code_url(house)).content.decode()
    assert "Kraamzorg" not in parent_client.get(code_url(other_house)).content.decode()


# --- Languages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_family_pages_follow_the_language_switch(sent_referral, house, language):
    _referral, token, _code = sent_referral
    client = Client()
    assert '<html lang="nl">' in client.get(family_url(house, token)).content.decode()
    response = client.post(
        reverse("set_language"), {"language": language, "next": family_url(house, token)}
    )
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    for url in (family_url(house, token), code_url(house), family_url(house, "onbekend")):
        response = client.get(url)
        assert f'<html lang="{language}">' in response.content.decode()
        assert response["Content-Language"] == language


def test_the_family_page_opens_in_the_familys_language_until_it_picks_another(
    house, worker, organisation, receiving_organisation, receiving_service
):
    _referral, token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        family={"name": "Claire Dubois", "email": "claire@example.be", "language": "fr"},
    )
    client = Client()
    response = client.get(family_url(house, token))
    assert '<html lang="fr">' in response.content.decode()
    assert response["Content-Language"] == "fr"
    client.post(reverse("set_language"), {"language": "nl", "next": family_url(house, token)})
    assert '<html lang="nl">' in client.get(family_url(house, token)).content.decode()
