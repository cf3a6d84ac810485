"""Background work of activities (run by `huisvanhetkind db_worker`, queued from cron)."""

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from huisvanhetkind.activities import access, ical_import, services_news, services_registrations
from huisvanhetkind.network.models import House


@task()
def send_activity_reminders() -> int:
    """E-mail everyone registered for a session that starts tomorrow."""
    return services_registrations.registrations_send_reminders()


@task()
def erase_expired_registrations() -> int:
    """Erase personal data of registrations REGISTRATION_RETENTION_DAYS after their session."""
    return services_registrations.registrations_erase_expired()


@task()
def erase_expired_photos() -> dict:
    """Remove activities' photos ACTIVITY_PHOTO_RETENTION_DAYS after their last session, and
    photo files that no activity or news item uses any more."""
    return services_news.photos_erase_expired()


@task()
def import_ical_url(
    *, house_id: int, organisation_id: int, user_id: int, url: str, language: str
) -> dict:
    """Fetch a partner's iCalendar feed and import it, for the person who confirmed the
    preview (see ``views_import.confirm``); the result is shown on the import's status page.

    The arguments are stored in plain text with the task: ids, the feed's URL and a language.
    The person's right to import for the organisation is checked again here.
    """
    with translation.override(language):
        house = House.objects.filter(pk=house_id).first()
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        organisation = (
            access.importable_organisations(user, house).filter(pk=organisation_id).first()
            if house is not None and user is not None
            else None
        )
        if organisation is None:
            return {"error": _("Je mag de agenda van deze organisatie niet (meer) importeren.")}
        return ical_import.ical_import_url(
            house=house, organisation=organisation, url=url, actor=user
        )
