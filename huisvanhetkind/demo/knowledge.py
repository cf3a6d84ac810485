"""The demo's partners' library, trainings for professionals and the digest, read from
``data/knowledge.toml`` and written through the services of the knowledge app: a few library
items and "who to ask about what" entries in Kalmthout, one training for professionals with a
registration. Written once: when the house's library has items, the seeder leaves the library,
the training and whatever the demo's visitors did alone."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from huisvanhetkind.activities import services as activity_services
from huisvanhetkind.activities.models import Activity, Session
from huisvanhetkind.knowledge import services
from huisvanhetkind.knowledge.models import LibraryItem
from huisvanhetkind.network.models import Domain, House

# A one-page PDF the demo's document serves (a real PDF, so that the content check accepts it).
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _user(email: str):
    return get_user_model().objects.filter(email=email).first()


def _item(row: dict, house: House, organisations: dict) -> None:
    data = {
        "kind": row["kind"],
        "title": row["title"],
        "topic": row["topic"],
        "domain": Domain.objects.filter(slug=row.get("domain", "")).first(),
        "body": row.get("body", "").strip(),
        "url": row.get("url", ""),
        "contact_name": row.get("contact_name", ""),
        "contact_organisation": organisations.get(row.get("contact_organisation", "")),
        "contact_details": row.get("contact_details", ""),
    }
    upload = (
        SimpleUploadedFile(row["file_name"], DEMO_PDF, content_type="application/pdf")
        if row["kind"] == LibraryItem.Kind.DOCUMENT
        else None
    )
    services.item_create(
        house=house,
        actor=_user(row["added_by"]),
        organisation=organisations.get(row.get("organisation", "")),
        data=data,
        upload=upload,
    )


def _training(row: dict, house: House, organisations: dict, today: date) -> None:
    activity = Activity(
        house=house,
        title=row["title"],
        summary=row["summary"],
        place=row["place"],
        audience=Activity.Audience.PROFESSIONALS,
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=row["capacity"],
        capacity_unit=Activity.CapacityUnit.PERSONS,
        status=Activity.Status.PUBLISHED,
        is_free=True,
    )
    organisation = organisations[row["organisation"]]
    activity_services.activity_save(
        activity=activity,
        actor=None,
        organisations=[organisation],
        domains=Domain.objects.filter(slug=row["domain"]),
    )
    day = today + timedelta(days=row["days_ahead"])
    starts = timezone.make_aware(datetime.combine(day, time.fromisoformat(row["start"])))
    ends = timezone.make_aware(datetime.combine(day, time.fromisoformat(row["end"])))
    session = Session.objects.create(activity=activity, starts_at=starts, ends_at=ends)
    user = _user(row["registered"])
    if user is not None:
        services.training_register(session=session, user=user, organisation=organisation)


def seed_knowledge(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the library and the training once."""
    house = houses[data["house"]]
    if LibraryItem.objects.filter(house=house).exists():
        return
    for row in data["items"]:
        _item(row, house, organisations)
    training = data["training"]
    if not Activity.objects.filter(house=house, title=training["title"]).exists():
        _training(training, house, organisations, today)
