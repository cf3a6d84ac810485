"""Importing a partner's own iCalendar feed, idempotent by UID: the importer that writes.

``ical_parse.parse_feed`` reads the feed into events with their upcoming occurrences; every event
becomes a public activity of the organisation in the house, with its sessions. The event's UID
finds the activity again (``ImportedEvent``), and each imported session keeps the occurrence it
stands for (``Session.ical_recurrence_id``), so importing the same feed twice changes nothing and
a changed event updates its activity and sessions. Only sessions that have not started are
synchronised: the past stays as it was. Sessions are never deleted, only cancelled
(registrations are kept and told). Events that disappeared from a feed get their future sessions
cancelled.

Every write goes through the activities services (``activity_save``, ``sessions_sync``,
``imported_event_record``). ``ical_import`` runs in one transaction: all or nothing, a dry run
rolls back.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from huisvanhetkind.activities import services
from huisvanhetkind.activities.ical_fetch import MAX_BYTES, fetch, size_error
from huisvanhetkind.activities.ical_parse import FeedEvent, parse_feed
from huisvanhetkind.activities.models import Activity, ImportedEvent, Session
from huisvanhetkind.network.models import Organisation

__all__ = ["MAX_BYTES", "fetch", "ical_import", "parse_feed", "size_error"]


# --- The import ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What the import does (or would do) with one event of the feed."""

    number: int | None
    uid: str
    title: str
    action: str  # create, update, unchanged, cancel, skip, error
    changes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    next_start: datetime | None = None
    sessions: int = 0
    activity_id: int | None = None


@dataclass
class ImportReport:
    source: str
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False
    saved: bool = False

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def created(self) -> int:
        return self.count("create")

    @property
    def updated(self) -> int:
        return self.count("update")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def cancelled(self) -> int:
        return self.count("cancel")

    @property
    def skipped(self) -> int:
        return self.count("skip")

    @property
    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.action == "error"]

    @property
    def has_problems(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        return _(
            "%(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, "
            "%(cancelled)d afgelast, %(skipped)d overgeslagen"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
        }

    def as_dict(self) -> dict:
        """What a background import reports (JSON): the summary and the events with errors."""
        return {
            "saved": self.saved,
            "summary": self.summary(),
            "errors": [
                {"number": o.number, "title": o.title or o.uid, "problems": o.problems}
                for o in self.errors
            ],
        }

    def lines(self) -> list[str]:
        lines = [self.summary()]
        for outcome in self.errors:
            label = _("Activiteit %(number)s (%(title)s)") % {
                "number": outcome.number,
                "title": outcome.title or outcome.uid or "?",
            }
            lines.extend(f"{label}: {problem}" for problem in outcome.problems)
        if self.has_problems:
            lines.append(_("Er is niets bewaard: verbeter eerst de fouten in de agenda."))
        elif self.dry_run:
            lines.append(_("Proefdraaien: er is niets bewaard."))
        return lines


def _session(activity: Activity, occurrence) -> Session:
    """An unsaved session for an occurrence of the feed (``services.sessions_sync`` saves it)."""
    return Session(
        activity=activity,
        starts_at=occurrence.starts_at,
        ends_at=occurrence.ends_at,
        is_cancelled=occurrence.cancelled,
        note=occurrence.note,
        ical_recurrence_id=occurrence.key,
    )


class _Importer:
    def __init__(self, *, house, organisation, source: str, actor, now: datetime):
        self.house, self.organisation, self.source = house, organisation, source
        self.actor, self.now = actor, now
        self.known = {
            item.uid: item
            for item in ImportedEvent.objects.filter(
                house=house, organisation=organisation
            ).select_related("activity")
        }

    def outcome(self, event: FeedEvent, action: str, *, changes=(), **extra) -> Outcome:
        future = [o for o in event.occurrences if not o.cancelled]
        return Outcome(
            number=event.number,
            uid=event.uid,
            title=event.title,
            action=action,
            changes=[*changes, *event.notes],
            next_start=future[0].starts_at if future else None,
            sessions=len(future),
            **extra,
        )

    def run(self, event: FeedEvent) -> Outcome:
        if event.problems:
            return self.outcome(event, "error", problems=event.problems)
        imported = self.known.get(event.uid)
        if imported is None:
            return self.create(event)
        return self.update(event, imported)

    def _validated(self, activity: Activity, event: FeedEvent) -> list[str]:
        try:
            activity.full_clean(exclude=["created_by"])
        except ValidationError as error:
            return [m for messages in error.message_dict.values() for m in messages]
        return []

    def create(self, event: FeedEvent) -> Outcome:
        if event.cancelled:
            return self.outcome(event, "skip", changes=[_("afgelast in de agenda")])
        if not any(not o.cancelled for o in event.occurrences):
            return self.outcome(event, "skip", changes=[_("geen komende momenten")])
        activity = Activity(
            house=self.house,
            status=Activity.Status.PUBLISHED,
            registration=Activity.RegistrationMode.NONE,
            **event.activity_fields(),
        )
        problems = self._validated(activity, event)
        if problems:
            return self.outcome(event, "error", problems=problems)
        services.activity_save(
            activity=activity, actor=self.actor, organisations=[self.organisation]
        )
        services.sessions_sync(
            activity=activity,
            actor=self.actor,
            source=self.source,
            add=[_session(activity, o) for o in event.occurrences],
        )
        services.imported_event_record(
            house=self.house,
            organisation=self.organisation,
            uid=event.uid,
            source=self.source,
            activity=activity,
            now=self.now,
        )
        return self.outcome(
            event,
            "create",
            activity_id=activity.pk,
            changes=[
                ngettext("%(count)d moment", "%(count)d momenten", len(event.occurrences))
                % {"count": len(event.occurrences)}
            ],
        )

    def update(self, event: FeedEvent, imported: ImportedEvent) -> Outcome:
        activity = imported.activity
        fields = event.activity_fields()
        if event.cancelled:
            fields["status"] = Activity.Status.CANCELLED
        elif activity.status == Activity.Status.CANCELLED:
            fields["status"] = Activity.Status.PUBLISHED  # back in the feed
        changed = [name for name, value in fields.items() if getattr(activity, name) != value]
        new, moved, cancelled = self._session_changes(event, activity)
        if not (changed or new or moved or cancelled):
            # The same event, perhaps now from another feed.
            services.imported_event_record(imported=imported, source=self.source)
            return self.outcome(event, "unchanged", activity_id=activity.pk)
        if changed:
            for name in changed:
                setattr(activity, name, fields[name])
            problems = self._validated(activity, event)
            if problems:
                return self.outcome(event, "error", problems=problems)
            services.activity_save(activity=activity, actor=self.actor)
        services.sessions_sync(
            activity=activity,
            actor=self.actor,
            source=self.source,
            add=new,
            change=moved,
            cancel=cancelled,
        )
        services.imported_event_record(imported=imported, source=self.source, now=self.now)
        labels = [str(Activity._meta.get_field(name).verbose_name) for name in changed]
        if new:
            labels.append(
                ngettext("%(count)d moment nieuw", "%(count)d momenten nieuw", len(new))
                % {"count": len(new)}
            )
        if moved:
            labels.append(
                ngettext("%(count)d moment gewijzigd", "%(count)d momenten gewijzigd", len(moved))
                % {"count": len(moved)}
            )
        if cancelled:
            labels.append(
                ngettext("%(count)d moment afgelast", "%(count)d momenten afgelast", len(cancelled))
                % {"count": len(cancelled)}
            )
        action = "cancel" if "status" in changed and event.cancelled else "update"
        return self.outcome(event, action, activity_id=activity.pk, changes=labels)

    def _session_changes(self, event: FeedEvent, activity: Activity):
        """Sessions to add, to change and to cancel so that the future follows the feed.

        Sessions an organiser added by hand (without ``ical_recurrence_id``) are left alone, and
        so is every session that has started.
        """
        existing = list(activity.sessions.filter(ical_recurrence_id__isnull=False))
        by_key = {s.ical_recurrence_id: s for s in existing}
        future = [s for s in existing if s.starts_at >= self.now]
        if not event.recurring and len(event.occurrences) == 1:
            # A single event that moved is still the same session (and keeps its registrations).
            wanted = event.occurrences[0]
            if wanted.key not in by_key and future:
                by_key[wanted.key] = future[0]
        new, changed, cancel, used = [], [], [], set()
        for wanted in event.occurrences:
            session = by_key.get(wanted.key)
            if session is None:
                new.append(_session(activity, wanted))
                continue
            used.add(session.pk)
            if session.starts_at < self.now:
                continue
            if wanted.cancelled and not session.is_cancelled:
                cancel.append(session)  # through the service, so that registrants are told
            elif session.is_cancelled and not wanted.cancelled:
                session.is_cancelled = False
                changed.append(session)
            before = (session.starts_at, session.ends_at, session.note, session.ical_recurrence_id)
            after = (wanted.starts_at, wanted.ends_at, wanted.note, wanted.key)
            if before != after:
                session.starts_at, session.ends_at, session.note, session.ical_recurrence_id = after
                if session not in changed:
                    changed.append(session)
        cancel.extend(s for s in future if s.pk not in used and not s.is_cancelled)
        return new, changed, cancel

    def disappeared(self, seen: set[str]) -> list[Outcome]:
        """Events of this feed that are no longer in it: their future sessions are cancelled."""
        outcomes = []
        for uid, imported in self.known.items():
            if uid in seen or imported.source != self.source:
                continue
            sessions = list(
                imported.activity.sessions.filter(
                    starts_at__gte=self.now,
                    is_cancelled=False,
                    ical_recurrence_id__isnull=False,
                )
            )
            if not sessions:
                continue
            services.sessions_sync(
                activity=imported.activity, actor=self.actor, source=self.source, cancel=sessions
            )
            outcomes.append(
                Outcome(
                    number=None,
                    uid=uid,
                    title=imported.activity.title,
                    action="cancel",
                    activity_id=imported.activity_id,
                    changes=[
                        _("staat niet meer in de agenda"),
                        ngettext(
                            "%(count)d moment afgelast",
                            "%(count)d momenten afgelast",
                            len(sessions),
                        )
                        % {"count": len(sessions)},
                    ],
                )
            )
        return outcomes


def ical_import(
    *, house, organisation, data: bytes, source: str, actor, dry_run: bool = False, now=None
) -> ImportReport:
    """Upsert the events of an iCalendar feed as public activities of ``organisation`` in
    ``house``, in one transaction: if any event has a problem nothing is saved; with
    ``dry_run`` everything is done and reported, then rolled back. ``source`` is the URL or the
    file name, to recognise the events that disappeared from the same feed.

    Raises a ValidationError (in Dutch) when the file as a whole cannot be used.
    """
    now = now or timezone.now()
    events = parse_feed(data, now=now)
    report = ImportReport(source=source[:500], dry_run=dry_run)
    with transaction.atomic():
        # Imports for one organisation wait for each other (a second click, a URL and a file at
        # once): each then sees what the other saved, and finds its events by their UID.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        importer = _Importer(
            house=house, organisation=organisation, source=report.source, actor=actor, now=now
        )
        for event in events:
            report.outcomes.append(importer.run(event))
        report.outcomes.extend(importer.disappeared({e.uid for e in events if e.uid}))
        if dry_run or report.has_problems:
            transaction.set_rollback(True)
        else:
            report.saved = True
    return report


def ical_import_url(*, house, organisation, url: str, actor) -> dict:
    """Fetch a feed and import it (the background step of the import page): a JSON-ready
    dict, ``{"error": message}`` when the feed cannot be fetched or used.

    Bounded in time: the fetch by FETCH_SECONDS, expanding its rules by PARSE_SECONDS, the
    rest by MAX_EVENTS and MAX_SESSIONS.
    """
    try:
        data = fetch(url)
        report = ical_import(
            house=house, organisation=organisation, data=data, source=url, actor=actor
        )
    except ValidationError as error:
        return {"error": " ".join(error.messages)}
    return report.as_dict()
