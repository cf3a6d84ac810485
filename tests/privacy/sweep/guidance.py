"""Guidance by a bridge worker: an entry ended longer than its retention ago, with its help
questions and contacts."""

from huisvanhetkind.guidance.models import CaseloadEntry, Contact, HelpQuestion, LifeDomain
from huisvanhetkind.network.models import Role
from tests.factories import CaseloadEntryFactory, GuidanceFamilyFactory, RoleFactory, UserFactory

ENTRY = "guidance.CaseloadEntry"


def seed_caseload(sweep):
    bridge_worker = UserFactory()
    RoleFactory(
        user=bridge_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=sweep.organisation
    )
    family = GuidanceFamilyFactory(
        name=sweep.marker("families.Family"),
        email=sweep.email("families.Family"),
        phone=sweep.phone("families.Family"),
    )
    ended = sweep.date_ago()
    entry = CaseloadEntryFactory(
        house=sweep.house,
        organisation=sweep.organisation,
        bridge_worker=bridge_worker,
        family=family,
        status="ended",
        started_on=ended,
        ended_on=ended,
    )
    HelpQuestion.objects.create(
        entry=entry,
        domain=LifeDomain.FINANCES,
        text=f"Schulden van {sweep.marker('guidance.HelpQuestion')}",
    )
    Contact.objects.create(
        entry=entry,
        happened_on=ended,
        kind=Contact.Kind.VISIT,
        note=f"Huisbezoek bij {sweep.marker('guidance.Contact')}",
    )
    assert CaseloadEntry.objects.filter(pk=entry.pk, ended_on=ended).exists()


SEEDERS = {
    ENTRY: seed_caseload,
    "guidance.HelpQuestion": seed_caseload,
    "guidance.Contact": seed_caseload,
}

KEPT = {
    "guidance.PolicySignal": "kept as long as the house keeps the signal; its writer until "
    "their account is deleted (no family data)",
}
