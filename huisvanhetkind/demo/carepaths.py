"""The demo's care paths (zorgpaden) in Kalmthout, with the first-1000-days template, read from
``data/carepaths.toml`` and written through the care path services, dated with their ``now``:
the template "Eerste 1000 dagen" (written from the house's strategic note, see the data file)
and one fictitious family in the middle of it, with steps done, one handed over to the
Kraamzorg, one offered to the Opvoedingspunt and the perinatal depression screening overdue.

Written once: the template when the house has no template of that name, the family's path when
the house has no care path; after that the seeder leaves them and whatever the demo's visitors
did with them alone.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from huisvanhetkind.carepaths import services
from huisvanhetkind.carepaths.models import CarePath, PathTemplate
from huisvanhetkind.carepaths.workflow import StepStatus
from huisvanhetkind.families.services import family_for_contact
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals.models import Consent
from huisvanhetkind.referrals.services import consent_record

# The hour of the day the demo's steps happen.
AT = time(10, 0)


def _moment(today: date, days_ago: int) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), AT))


def _template(data: dict, house: House) -> PathTemplate:
    row = data["template"]
    template = PathTemplate.objects.current().filter(house=house, name=row["name"]).first()
    if template is not None:
        return template
    template = services.template_create(
        actor=None,
        house=house,
        data={
            "name": row["name"],
            "description": row["description"].strip(),
            "reference_kind": row["reference_kind"],
        },
    )
    for step in row["steps"]:
        services.step_template_save(
            actor=None,
            template=template,
            data={
                "title": step["title"],
                "track": step["track"],
                "partner_kind": step["partner"],
                "offset_days": step["weeks"] * 7,
                "window_days": step["window"] * 7,
                "checklist": step["checklist"],
            },
        )
    return template


def _organisation(organisations: dict, name: str) -> Organisation:
    return organisations.get(name) or Organisation.objects.get(name=name)


def _path(data: dict, house: House, template: PathTemplate, organisations: dict, today: date):
    row = data["family"]
    users = get_user_model().objects.in_bulk(list(data["accounts"].values()), field_name="username")

    def account(name):
        return users.get(data["accounts"].get(name, ""))

    started = _moment(today, row["started_days_ago"])
    starter = _organisation(organisations, row["started_by"])
    family, _created = family_for_contact(
        name=row["name"], email=row["email"], phone=row["phone"], reason="demo"
    )

    def consent(organisation, requested_by):
        return consent_record(
            actor=account(requested_by.name),
            house=house,
            family=family,
            recipient=organisation,
            requested_by=requested_by,
            given_by=Consent.GivenBy.PARENT,
            obtained_via=Consent.ObtainedVia.IN_PERSON,
            purpose="deelnemen aan het zorgpad “Eerste 1000 dagen”",
            data_categories=[Consent.DataCategory.CONTACT, Consent.DataCategory.CHILD],
            expires_on=started.date() + timedelta(days=365),
            now=started,
        )

    first = consent(starter, starter)
    for name in row["consents"]:
        consent(_organisation(organisations, name), starter)
    path = services.path_start(
        actor=account(starter.name),
        template=template,
        consent=first,
        reference_date=today - timedelta(days=row["due_days_ago"]),
        organisation=starter,
        now=started,
    )
    steps = {step.title: step for step in path.steps.all()}
    for step_row in row["steps"]:
        step = steps[step_row["title"]]
        if "handed_to" in step_row:
            receiver = _organisation(organisations, step_row["handed_to"])
            moment = _moment(today, step_row["handed_days_ago"])
            handover = services.handover_offer(
                actor=account(starter.name), step=step, to_organisation=receiver, now=moment
            )
            services.handover_answer(
                actor=account(receiver.name), handover=handover, accept=True, now=moment
            )
            step.refresh_from_db()
        if "offered_to" in step_row:
            services.handover_offer(
                actor=account(step.organisation.name),
                step=step,
                to_organisation=_organisation(organisations, step_row["offered_to"]),
                note="Mama zou graag andere ouders ontmoeten.",
                now=_moment(today, step_row["offered_days_ago"]),
            )
        if "done_days_ago" in step_row:
            moment = _moment(today, step_row["done_days_ago"])
            actor = account(step.organisation.name)
            services.step_tick(
                actor=actor,
                step=step,
                ticked=list(range(len(step.checklist))),
                today=moment.date(),
            )
            services.step_transition(actor=actor, step=step, to=StepStatus.DONE, now=moment)
    return path


def seed_care_paths(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the template and the family's path once."""
    house = houses[data["house"]]
    template = _template(data, house)
    if CarePath.objects.filter(house=house).exists():
        return
    _path(data, house, template, organisations, today)
