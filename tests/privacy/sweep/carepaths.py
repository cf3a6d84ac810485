"""Care paths: a path stopped longer than its retention ago, with a skipped step and a
handover between partners."""

from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.carepaths import services
from huisvanhetkind.carepaths.models import CarePath, PathStep, StepHandover
from huisvanhetkind.referrals.models import Consent
from tests.carepaths.conftest import step_data
from tests.factories import OrganisationFactory

PATH = "carepaths.CarePath"


def seed_care_path(sweep):
    template = services.template_create(
        actor=None,
        house=sweep.house,
        data={"name": f"Pad {sweep.token}", "description": "", "reference_kind": "birth_date"},
    )
    services.step_template_save(actor=None, template=template, data=step_data())
    consent = services.family_consent_record(
        actor=sweep.worker,
        house=sweep.house,
        organisation=sweep.organisation,
        name=sweep.marker("families.Family"),
        email=sweep.email("families.Family"),
        phone=sweep.phone("families.Family"),
        obtained_via=Consent.ObtainedVia.IN_PERSON,
        expires_on=timezone.localdate() + timedelta(days=200),
        purpose="Zorgpad",
    )
    path = services.path_start(
        actor=sweep.worker,
        template=template,
        consent=consent,
        reference_date=timezone.localdate(),
        organisation=sweep.organisation,
    )
    step = path.steps.first()
    PathStep.objects.filter(pk=step.pk).update(
        skip_reason=f"{sweep.marker('carepaths.PathStep')} verhuisde"
    )
    StepHandover.objects.create(
        step=step,
        from_organisation=sweep.organisation,
        to_organisation=OrganisationFactory(houses=[sweep.house], domains=[]),
        offered_by=sweep.worker,
        note=f"Over {sweep.marker('carepaths.StepHandover')}",
    )
    services.path_stop(actor=sweep.worker, path=path, reason=f"{sweep.marker(PATH)} verhuisde")
    CarePath.objects.filter(pk=path.pk).update(ended_at=sweep.days_ago())


SEEDERS = {
    PATH: seed_care_path,
    "carepaths.PathStep": seed_care_path,
    "carepaths.StepHandover": seed_care_path,
}

KEPT = {
    "carepaths.PathEvent": "no text of its own: statuses and links, deleted with the path "
    "(seeded with it)",
}
