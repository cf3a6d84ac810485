"""When a bridge worker leaves their organisation, the families they guide move to a colleague
bridge worker of the same organisation (``core.handover``, through the network's role_revoke);
without such a colleague nothing changes."""

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.core import handover
from huisvanhetkind.guidance import services
from huisvanhetkind.network.models import Role
from huisvanhetkind.network.services_people import role_revoke
from tests.conftest import logged_in
from tests.guidance.conftest import family_data, start

pytestmark = pytest.mark.django_db


def worker_role(user, organisation):
    return Role.objects.get(
        user=user, organisation=organisation, kind=Role.Kind.ORGANISATION_WORKER
    )


@pytest.fixture
def caseload(house, bridge_worker):
    running = start(house, bridge_worker)
    ended = start(house, bridge_worker, family=family_data(email="tweede@example.be"))
    services.caseload_end(entry=ended, actor=bridge_worker, reason="done")
    return running, ended


def test_the_caseload_is_what_a_leaving_bridge_worker_holds(
    organisation, bridge_worker, colleague, caseload
):
    lines = handover.holdings(bridge_worker, organisation)
    assert [(line.provider, line.count) for line in lines] == [("guidance.caseload", 2)]
    assert handover.holdings(colleague, organisation) == []


def test_the_caseload_moves_to_a_colleague_bridge_worker(
    organisation, bridge_worker, colleague, org_admin, caseload
):
    running, ended = caseload
    role_revoke(actor=org_admin, role=worker_role(bridge_worker, organisation), successor=colleague)
    for entry in caseload:
        entry.refresh_from_db()
        assert entry.bridge_worker == colleague
    assert not Role.objects.filter(user=bridge_worker, organisation=organisation).exists()
    assert handover.holdings(bridge_worker, organisation) == []
    # The colleague guides the family now; the one who left sees nothing.
    assert logged_in(colleague).get(f"/beheer/brugfiguur/gezin/{running.pk}/").status_code == 200
    assert logged_in(bridge_worker).get(f"/beheer/brugfiguur/gezin/{running.pk}/").status_code in (
        302,
        404,
    )


def test_without_a_colleague_bridge_worker_nothing_changes(
    organisation, bridge_worker, worker, org_admin, caseload
):
    with pytest.raises(ValidationError) as error:
        role_revoke(
            actor=org_admin, role=worker_role(bridge_worker, organisation), successor=worker
        )
    assert "brugfiguur is voor" in " ".join(error.value.messages)
    running, ended = caseload
    running.refresh_from_db()
    ended.refresh_from_db()
    assert running.bridge_worker == bridge_worker and ended.bridge_worker == bridge_worker
    assert Role.objects.filter(user=bridge_worker, kind=Role.Kind.BRIDGE_WORKER).exists()
    assert worker_role(bridge_worker, organisation)


def test_a_bridge_worker_of_another_organisation_cannot_take_over(
    organisation, bridge_worker, other_bridge_worker, caseload
):
    running, _ended = caseload
    with pytest.raises(ValidationError):
        services.caseloads_hand_over(
            actor=None,
            from_user=bridge_worker,
            to_user=other_bridge_worker,
            organisation=organisation,
        )
    running.refresh_from_db()
    assert running.bridge_worker == bridge_worker
