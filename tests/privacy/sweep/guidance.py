"""Guidance by a bridge worker: guidance started, noted and ended through the services (so
their audit events are searched too), ended longer than its retention ago."""

from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.guidance import services
from huisvanhetkind.guidance.models import CaseloadEntry, Contact, LifeDomain
from tests.guidance.conftest import consent_data, make_bridge_worker
from tests.privacy.sweep.referrals import family_data

ENTRY = "guidance.CaseloadEntry"


def seed_caseload(sweep):
    bridge_worker = make_bridge_worker(
        f"brug{sweep.token}@opvoedingspunt.example.be", sweep.organisation, sweep.house
    )
    entry = services.caseload_start(
        actor=bridge_worker,
        house=sweep.house,
        family=family_data(sweep),
        consent=consent_data(),
        next_contact_on=timezone.localdate() + timedelta(days=3),
    )
    services.help_question_add(
        entry=entry,
        actor=bridge_worker,
        domain=LifeDomain.FINANCES,
        text=f"Schulden van {sweep.marker('guidance.HelpQuestion')}",
    )
    services.contact_add(
        entry=entry,
        actor=bridge_worker,
        happened_on=timezone.localdate(),
        kind=Contact.Kind.VISIT,
        note=f"Huisbezoek bij {sweep.marker('guidance.Contact')}",
    )
    services.caseload_end(entry=entry, actor=bridge_worker, reason=CaseloadEntry.EndReason.DONE)
    ended = sweep.date_ago()
    CaseloadEntry.objects.filter(pk=entry.pk).update(started_on=ended, ended_on=ended)


SEEDERS = {
    ENTRY: seed_caseload,
    "guidance.HelpQuestion": seed_caseload,
    "guidance.Contact": seed_caseload,
}

KEPT = {
    "guidance.PolicySignal": "kept as long as the house keeps the signal; its writer until "
    "their account is deleted (no family data)",
}
