"""The demo's bridge worker at work in Kalmthout, read from ``data/guidance.toml`` and written
through the guidance services: families guided with their consent (``caseload_start``), help
questions per life domain (``help_question_add``, ``help_question_answer``), a timeline of
contacts with the next one planned (``contact_add``), and signals to policy
(``policy_signal_record``), each dated with its ``now``.

Written once: when the house has a caseload or a signal, the seeder leaves them and whatever the
demo's visitors did with them alone.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from huisvanhetkind.guidance import services as guidance_services
from huisvanhetkind.guidance.models import CaseloadEntry, PolicySignal
from huisvanhetkind.network.models import AgeGroup, Domain, House
from huisvanhetkind.referrals.models import Consent

# Days a consent runs when the data says nothing else.
CONSENT_DAYS = 300
# The hour of the day the bridge worker writes things down.
WRITTEN_AT = time(14, 0)


class _GuidanceSeeder:
    def __init__(self, *, house: House, bridge_worker, today: date):
        self.house = house
        self.bridge_worker = bridge_worker
        self.today = today

    def at(self, day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, WRITTEN_AT))

    def family(self, row: dict) -> CaseloadEntry:
        started_on = self.today - timedelta(days=row["started"])
        family = row["family"]
        entry = guidance_services.caseload_start(
            actor=self.bridge_worker,
            house=self.house,
            family={
                "name": family["name"],
                "email": family.get("email", ""),
                "phone": family.get("phone", ""),
                "language": family.get("language", "nl"),
            },
            consent={
                "given_by": Consent.GivenBy.PARENT,
                "obtained_via": Consent.ObtainedVia.IN_PERSON,
                "data_categories": [Consent.DataCategory.CONTACT, Consent.DataCategory.SITUATION],
                "expires_on": started_on + timedelta(days=row.get("consent_days", CONSENT_DAYS)),
            },
            now=self.at(started_on),
        )
        # Questions, their answers and contacts in the order they happened.
        steps = []
        for domain, text, asked, *answered in row["questions"]:
            steps.append((asked, 0, "ask", (domain, text)))
            if answered:
                steps.append((answered[0], 1, "answer", text))
        last = max(day for day, _kind, _note in row["contacts"])
        for day, kind, note in row["contacts"]:
            steps.append((day, 2, "contact", (kind, note, day == last)))
        questions = {}
        for day, _order, step, value in sorted(steps, key=lambda s: (s[0], s[1])):
            now = self.at(started_on + timedelta(days=day))
            if now > timezone.now():
                raise ValueError(f"Demo guidance of {family['name']}: a step lies in the future.")
            if step == "ask":
                domain, text = value
                questions[text] = guidance_services.help_question_add(
                    entry=entry, actor=self.bridge_worker, domain=domain, text=text, now=now
                )
            elif step == "answer":
                guidance_services.help_question_answer(
                    question=questions[value], actor=self.bridge_worker, now=now
                )
            else:
                kind, note, plans = value
                guidance_services.contact_add(
                    entry=entry,
                    actor=self.bridge_worker,
                    happened_on=now.date(),
                    kind=kind,
                    note=note,
                    next_contact_on=(
                        self.today + timedelta(days=row["next_contact"]) if plans else None
                    ),
                    now=now,
                )
        return entry

    def signal(self, row: dict) -> PolicySignal:
        observed_on = self.today - timedelta(days=row["days_ago"])
        return guidance_services.policy_signal_record(
            actor=self.bridge_worker,
            house=self.house,
            domain=Domain.objects.get(slug=row["domain"]),
            age_group=AgeGroup.objects.get(slug=row["age_group"]),
            municipality=self.house.municipalities.get(name=row["municipality"]),
            text=row["text"],
            observed_on=observed_on,
            now=self.at(observed_on),
        )


def seed_guidance(*, data: dict, houses: dict[str, House], today: date) -> None:
    """Write the bridge worker's caseload and signals once."""
    house = houses[data["house"]]
    if (
        CaseloadEntry.objects.filter(house=house).exists()
        or PolicySignal.objects.filter(house=house).exists()
    ):
        return
    seeder = _GuidanceSeeder(
        house=house,
        bridge_worker=get_user_model().objects.get(username=data["bridge_worker"]),
        today=today,
    )
    for row in data["families"]:
        seeder.family(row)
    for row in data["signals"]:
        seeder.signal(row)
