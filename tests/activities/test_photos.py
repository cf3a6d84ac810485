"""Photos of activities and news: checked, encoded again without metadata, removed from
storage when replaced, removed or deleted, and after the retention period."""

import io
import os
import struct
import time
import zlib
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from huisvanhetkind.activities import photos, services, services_news
from huisvanhetkind.activities.models import Activity, NewsItem
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import make_session
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def camera_photo(size=(2400, 1200), fmt="JPEG", mode="RGB") -> bytes:
    """A photo as a phone makes it: EXIF with the make, the orientation and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoon van Sara"
    exif[ExifTags.Base.Orientation] = 6  # turned a quarter: the camera was held upright
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 22.0, 30.0)
    buffer = io.BytesIO()
    Image.new(mode, size, "red").save(buffer, fmt, exif=exif)
    return buffer.getvalue()


def bomb() -> bytes:
    """A tiny PNG that says it is 100 000 × 100 000 pixels."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    at = data.index(b"IHDR")
    data[at + 4 : at + 12] = struct.pack(">II", 100_000, 100_000)
    data[at + 17 : at + 21] = struct.pack(">I", zlib.crc32(bytes(data[at : at + 17])))
    return bytes(data)


def upload(content: bytes, name="gezin-peeters-thuis.jpg"):
    return SimpleUploadedFile(name, content)


def post_news(client, house, organisation, item=None, **extra):
    url = (
        reverse("activities:news_edit", kwargs={"house_slug": house.slug, "pk": item.pk})
        if item
        else reverse("activities:news_new", kwargs={"house_slug": house.slug})
    )
    data = {
        "title": "Open huis",
        "body": "<p>Welkom</p>",
        "organisation": organisation.pk,
        "published_at": "2026-01-01T10:00",
        "is_published": "on",
        "image_alt": "Kinderen spelen in de tuin",
    }
    data.update(extra)
    return client.post(url, data)


def stored(field_file) -> Image.Image:
    with default_storage.open(field_file.name) as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_the_camera_photo_really_holds_a_position():
    original = Image.open(io.BytesIO(camera_photo()))

    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_an_uploaded_photo_is_encoded_again_upright_smaller_and_without_metadata(
    worker, house, organisation, fmt, on_commit
):
    with on_commit():
        response = post_news(
            logged_in(worker), house, organisation, image=upload(camera_photo(fmt=fmt))
        )

    assert response.status_code == 302
    item = NewsItem.objects.get()
    image = stored(item.image)
    assert image.format == "JPEG"
    assert image.size == (800, 1600)  # turned upright, the longest side at most 1600
    assert not image.getexif() and "exif" not in image.info
    with default_storage.open(item.image.name) as handle:
        content = handle.read()
    assert b"Exif" not in content and b"Telefoon" not in content
    assert item.image.name.startswith("news/") and "peeters" not in item.image.name


def test_a_transparent_png_stays_transparent_without_its_text(worker, house, organisation):
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Kalmthout, Kerkstraat 1")
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(buffer, "PNG", pnginfo=text)

    response = post_news(
        logged_in(worker), house, organisation, image=upload(buffer.getvalue(), "logo.png")
    )

    assert response.status_code == 302
    image = stored(NewsItem.objects.get().image)
    assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (300, 200))
    assert "Comment" not in image.info


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 geen foto", "folder.jpg", "Dit bestand is geen foto die we kunnen lezen."),
        (b"<svg onload=alert(1)></svg>", "logo.svg", "Dit bestand is geen foto"),
        (bomb(), "bom.png", "De foto heeft te veel pixels (hoogstens 50 megapixels)."),
    ],
    ids=["pdf", "svg", "decompression-bomb"],
)
def test_a_file_that_is_not_a_usable_photo_gets_a_dutch_message_and_nothing_is_saved(
    worker, house, organisation, media, content, name, message
):
    response = post_news(logged_in(worker), house, organisation, image=upload(content, name))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not NewsItem.objects.exists()
    assert not any(path.is_file() for path in media.rglob("*"))


def test_a_gif_is_refused(worker, house, organisation):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")

    response = post_news(
        logged_in(worker), house, organisation, image=upload(buffer.getvalue(), "a.gif")
    )

    assert "Kies een foto in JPEG, PNG of WebP." in response.content.decode()


def test_a_photo_over_the_size_caps_is_refused(monkeypatch):
    field = photos.PhotoFormField(required=False)
    big = upload(b"\xff\xd8" + b"0" * photos.MAX_BYTES)
    with pytest.raises(Exception, match="groter dan 10 MB"):
        field.clean(big)

    monkeypatch.setattr(photos, "MAX_PIXELS", 100)
    with pytest.raises(Exception, match="te veel pixels"):
        field.clean(upload(camera_photo(size=(20, 20))))
    monkeypatch.setattr(photos, "MAX_PIXELS", 400)
    assert field.clean(upload(camera_photo(size=(20, 20)))).name.endswith(".jpg")


def test_a_replaced_or_removed_photo_leaves_storage(worker, house, organisation, on_commit):
    client = logged_in(worker)
    with on_commit():
        post_news(client, house, organisation, image=upload(camera_photo()))
    item = NewsItem.objects.get()
    first = item.image.name

    with on_commit():
        post_news(client, house, organisation, item=item, title="Zonder nieuwe foto")
    assert default_storage.exists(first)  # saved without a new photo: kept

    with on_commit():
        post_news(client, house, organisation, item=item, image=upload(camera_photo()))
    item.refresh_from_db()
    second = item.image.name
    assert second != first
    assert default_storage.exists(second) and not default_storage.exists(first)

    with on_commit():
        post_news(client, house, organisation, item=item, **{"image-clear": "on"})
    item.refresh_from_db()
    assert not item.image and not default_storage.exists(second)


def test_a_replaced_activity_photo_leaves_storage(activity, worker, on_commit):
    activity.image.save("a.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    first = activity.image.name

    with on_commit():
        activity.image = photos.reencode(upload(camera_photo(size=(30, 30))))
        services.activity_save(activity=activity, actor=worker)

    assert default_storage.exists(activity.image.name) and not default_storage.exists(first)


def test_deleting_an_activity_or_a_news_item_deletes_its_photo(
    activity, house, organisation, on_commit
):
    activity.image.save("a.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    item = NewsItem.objects.create(house=house, title="Nieuws", body="x")
    item.image.save("n.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    names = [activity.image.name, item.image.name]
    assert all(default_storage.exists(name) for name in names)

    with on_commit():
        activity.delete()
        item.delete()

    assert not any(default_storage.exists(name) for name in names)


def test_deleting_a_house_deletes_the_photos_of_its_activities_and_news(house, activity, on_commit):
    item = NewsItem.objects.create(house=house, title="Nieuws", body="x")
    item.image.save("n.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    activity.image.save("a.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)

    with on_commit():
        house.delete()

    assert not default_storage.exists(activity.image.name)

    assert not default_storage.exists(item.image.name)


def age(path, days):
    moment = time.time() - days * 86400
    os.utime(path, (moment, moment))


def test_retention_removes_photos_of_long_ended_activities_and_unused_files(
    activity, house, organisation, media, settings, on_commit
):
    settings.ACTIVITY_PHOTO_RETENTION_DAYS = 30
    old = make_session(activity, days=-40)
    assert old.ends_at < timezone.now() - timedelta(days=30)
    activity.image.save("oud.jpg", ContentFile(camera_photo(size=(20, 20))), save=False)
    activity.image_alt = "Een oude foto"
    activity.save()
    recent = Activity.objects.create(
        house=house, title="Recent", place="Bib", is_free=True, status=Activity.Status.PUBLISHED
    )
    make_session(recent, days=-5)
    recent.image.save("recent.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    news = NewsItem.objects.create(house=house, title="Nieuws", body="x")
    news.image.save("nieuws.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    for name in ("activities/verweesd.jpg", "news/verweesd.jpg", "news/net-geladen.jpg"):
        default_storage.save(name, ContentFile(b"x"))
    age(media / "activities" / "verweesd.jpg", 3)
    age(media / "news" / "verweesd.jpg", 3)
    old_photo = activity.image.name

    with on_commit():
        call_command("erase_expired_photos")

    activity.refresh_from_db()
    assert not activity.image and activity.image_alt == ""
    assert not default_storage.exists(old_photo)
    assert default_storage.exists(recent.image.name) and default_storage.exists(news.image.name)
    assert not default_storage.exists("activities/verweesd.jpg")
    assert not default_storage.exists("news/verweesd.jpg")
    assert default_storage.exists("news/net-geladen.jpg")  # perhaps being saved right now
    event = AuditEvent.objects.get(action=AuditEvent.Action.ERASE)
    # The audit says there was a photo, not its name or its description.
    assert event.changes["image"] == ["<present>", None]
    assert old_photo not in str(event.changes)
    assert services_news.photos_erase_expired() == {"activities": 0, "orphans": 0}


def test_photo_retention_default_is_a_year(settings):
    del settings.ACTIVITY_PHOTO_RETENTION_DAYS

    assert services_news.photo_retention_days() == 365


def test_a_photo_replaced_in_the_admin_leaves_storage_and_the_change_is_audited(
    activity, coordinator, on_commit
):
    from django.contrib import admin
    from django.test import RequestFactory

    activity.image.save("a.jpg", ContentFile(camera_photo(size=(20, 20))), save=True)
    first = activity.image.name
    request = RequestFactory().post("/admin/")
    request.user = coordinator

    with on_commit():
        activity.image = photos.reencode(upload(camera_photo(size=(30, 30))))
        admin.site._registry[Activity].save_model(request, activity, None, True)

    assert not default_storage.exists(first)
    assert AuditEvent.objects.filter(actor=coordinator, action=AuditEvent.Action.UPDATE).exists()


def test_the_forms_ask_for_a_photo_and_say_what_happens_to_it(worker, house, activity):
    client = logged_in(worker)
    pages = [
        client.get(reverse("activities:activity_edit", kwargs={"pk": activity.pk})),
        client.get(reverse("activities:news_new", kwargs={"house_slug": house.slug})),
    ]

    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert 'accept="image/jpeg,image/png,image/webp"' in html
        assert "niet waar of wanneer ze genomen is" in html
