"""Who sees the meetings' pages: the members of the group and the house's coordinator; a partner
of the house who is not a member, a worker of a partner of another house, another house's
coordinator and anonymous visitors get nothing (a 404, or the log-in page). And the yearly
partner consultation: one answer per partner and year, read by the steering group."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.steering import services_meetings
from huisvanhetkind.steering.models import PartnerFeedback
from tests.conftest import logged_in
from tests.steering.conftest import PDF, meeting_data


def url(name, house, **kwargs):
    return reverse(f"steering:{name}", kwargs={"house_slug": house.slug, **kwargs})


@pytest.fixture
def pages(house, meeting, document, steering_group, plan):
    return {
        "meetings": url("meetings", house),
        "meeting": url("meeting", house, pk=meeting.pk),
        "meeting_new": url("meeting_new", house, pk=steering_group.pk),
        "meeting_edit": url("meeting_edit", house, pk=meeting.pk),
        "meeting_ics": url("meeting_ics", house, pk=meeting.pk),
        "meeting_document": url("meeting_document", house, pk=document.pk),
    }


def test_members_and_the_coordinator_see_the_meeting_pages(pages, member, lead, coordinator):
    for user in (member, lead, coordinator):
        client = logged_in(user)
        for name in ("meetings", "meeting", "meeting_ics", "meeting_document"):
            assert client.get(pages[name]).status_code == 200, (user, name)
    for user in (lead, coordinator):
        client = logged_in(user)
        for name in ("meeting_new", "meeting_edit"):
            assert client.get(pages[name]).status_code == 200, (user, name)


def test_the_meeting_page_shows_the_group_and_its_documents(pages, member):
    body = logged_in(member).get(pages["meeting"]).content.decode()
    assert "Stuurgroep maart" in body
    assert "agenda.pdf" in body


def test_outsiders_see_nothing_of_the_meetings(
    pages, outsider, worker, far_outsider, other_coordinator
):
    # outsider: a partner of the house, no member; worker: a colleague of a member, no member.
    for user in (outsider, worker, far_outsider, other_coordinator):
        client = logged_in(user)
        for name, page in pages.items():
            assert client.get(page).status_code == 404, (user, name)
            assert client.post(page, {"form": "agenda", "agenda-title": "x"}).status_code in (
                404,
                405,
            ), (user, name)


def test_anonymous_visitors_see_nothing(pages):
    client = Client()
    for name, page in pages.items():
        response = client.get(page)
        assert response.status_code in (302, 404), name
        assert b"Stuurgroep maart" not in response.content
        assert response.content != PDF


def test_another_house_does_not_reach_a_meeting_through_its_own_address(
    meeting, document, other_house, other_coordinator
):
    client = logged_in(other_coordinator)
    for name, pk in (("meeting", meeting.pk), ("meeting_document", document.pk)):
        assert client.get(url(name, other_house, pk=pk)).status_code == 404


def test_an_unknown_or_huge_id_is_a_404(house, coordinator, meeting):
    client = logged_in(coordinator)
    assert client.get(url("meeting", house, pk=10**12)).status_code == 404
    assert client.get(url("meeting_document", house, pk=10**12)).status_code == 404


def test_a_working_group_member_does_not_see_the_steering_meetings(
    house, meeting, outsider, other_organisation
):
    group = services_meetings.Group.objects.create(
        house=house, kind="working", name="Werkgroep vorming"
    )
    services_meetings.GroupMembership.objects.create(
        group=group, user=outsider, organisation=other_organisation
    )
    client = logged_in(outsider)
    page = client.get(url("meetings", house)).content.decode()
    assert "Werkgroep vorming" in page and "Stuurgroep maart" not in page
    assert client.get(url("meeting", house, pk=meeting.pk)).status_code == 404


def test_every_change_is_audited(house, meeting, member, lead):
    services_meetings.agenda_item_add(actor=member, meeting=meeting, title="Punt")
    services_meetings.minutes_save(actor=lead, meeting=meeting, minutes="Verslag")
    actions = set(AuditEvent.objects.filter(house=house).values_list("action", flat=True))
    assert {"create", "update"} <= actions


# --- The partner consultation -----------------------------------------------------------------


def test_a_partner_answers_the_consultation_once_a_year(house, plan, year, org_admin, member):
    client = logged_in(org_admin)
    page = url("consultation", house, year=year)
    assert client.get(page).status_code == 200
    organisation = org_admin.roles.get().organisation
    data = {"organisation": organisation.pk, "going_well": "De Speelbabbels.", "to_improve": ""}
    assert client.post(page, data).status_code == 302
    data["to_improve"] = "Meer vormingen."
    assert client.post(page, data).status_code == 302
    feedback = PartnerFeedback.objects.get()
    assert feedback.to_improve == "Meer vormingen." and feedback.going_well == "De Speelbabbels."
    # The steering group reads it.
    body = logged_in(member).get(page).content.decode()
    assert "Meer vormingen." in body


def test_an_empty_consultation_answer_is_refused(house, plan, year, org_admin):
    organisation = org_admin.roles.get().organisation
    response = logged_in(org_admin).post(
        url("consultation", house, year=year), {"organisation": organisation.pk}
    )
    assert response.status_code == 400
    assert "Vul minstens één vraag in." in response.content.decode()
    assert not PartnerFeedback.objects.exists()


def test_a_partner_answers_only_for_its_own_organisation(
    house, plan, year, org_admin, other_organisation
):
    response = logged_in(org_admin).post(
        url("consultation", house, year=year),
        {"organisation": other_organisation.pk, "going_well": "x"},
    )
    assert response.status_code == 400
    assert "Kies je organisatie." in response.content.decode()
    assert not PartnerFeedback.objects.exists()


def test_a_partner_does_not_read_the_other_answers(
    house, plan, year, org_admin, outsider, other_organisation
):
    services_meetings.feedback_save(
        actor=outsider,
        house=house,
        year=year,
        organisation=other_organisation,
        data={"going_well": "Geheim antwoord van Kraamzorg"},
    )
    body = logged_in(org_admin).get(url("consultation", house, year=year)).content.decode()
    assert "Geheim antwoord van Kraamzorg" not in body


def test_outsiders_do_not_reach_the_consultation(
    house, plan, year, far_outsider, other_coordinator
):
    page = url("consultation", house, year=year)
    for user in (far_outsider, other_coordinator):
        assert logged_in(user).get(page).status_code == 404
        assert logged_in(user).post(page, {"going_well": "x"}).status_code == 404
    assert Client().get(page).status_code in (302, 404)
    assert not PartnerFeedback.objects.exists()


def test_no_consultation_without_an_annual_plan(house, org_admin, year):
    assert logged_in(org_admin).get(url("consultation", house, year=year)).status_code == 404


def test_meeting_times_stay_in_order_after_an_edit(meeting, lead):
    data = meeting_data(days=10)
    data["ends_at"] = data["starts_at"] - timedelta(minutes=1)
    with pytest.raises(Exception, match="Het einde moet na het begin liggen."):
        services_meetings.meeting_save(actor=lead, group=meeting.group, meeting=meeting, data=data)
    meeting.refresh_from_db()
    assert meeting.ends_at > meeting.starts_at
    assert meeting.starts_at > timezone.now()


def test_the_dashboard_links_to_the_meetings_and_the_consultation(house, plan, year, member):
    body = logged_in(member).get(reverse("network:dashboard")).content.decode()
    assert url("meetings", house) in body
    assert url("consultation", house, year=year) in body


def test_a_coordinator_without_groups_sees_an_empty_list(other_house, other_coordinator):
    response = logged_in(other_coordinator).get(url("meetings", other_house))
    assert response.status_code == 200
    assert "nog geen groepen" in response.content.decode()
