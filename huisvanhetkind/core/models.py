"""Fields that several apps' models share (abstract: no table of their own), and the few tables
of core itself."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PriceFields(models.Model):
    """What taking part costs: free, a normal price, and a social tariff (or UiTPAS) with its
    own price. Used by activities and by the services of the catalogue."""

    is_free = models.BooleanField(_("gratis"), default=False)
    price = models.DecimalField(
        _("normale prijs (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    social_tariff = models.BooleanField(_("sociaal tarief of UiTPAS-kansentarief"), default=False)
    social_tariff_price = models.DecimalField(
        _("sociaal tarief (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        abstract = True


class NotificationPreference(models.Model):
    """What a professional wants by e-mail: for now, their to-do list every morning."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    daily_digest = models.BooleanField(_("elke dag een e-mail met mijn takenlijst"), default=False)
    # The day the last digest went out: a job that runs twice in a day sends it once.
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self):
        return f"Meldingsvoorkeur #{self.pk}"


class JobRun(models.Model):
    """One run of a periodic job (``core.scheduler``): one per job and due slot, which is what
    keeps two scheduler processes from enqueueing the same run. No personal data: a job's name,
    times, the counts its task returned, and an error without addresses or numbers."""

    class Outcome(models.TextChoices):
        OK = "ok", _("gelukt")
        FAILED = "failed", _("mislukt")
        SKIPPED = "skipped", _("overgeslagen")

    name = models.CharField(_("taak"), max_length=100)
    due_at = models.DateTimeField(_("gepland voor"))
    enqueued_at = models.DateTimeField(_("in de wachtrij gezet"), default=timezone.now)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afgelopen"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices, blank=True)
    counts = models.JSONField(_("aantallen"), default=dict, blank=True)
    error = models.TextField(_("fout of reden"), blank=True)
    task_result_id = models.CharField(_("id van het taakresultaat"), max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "due_at"], name="core_jobrun_one_per_slot")
        ]
        ordering = ["-due_at"]
        verbose_name = _("run van een periodieke taak")
        verbose_name_plural = _("runs van periodieke taken")

    def __str__(self):
        return f"{self.name} {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def state(self) -> str:
        """The outcome, or where an unfinished run is: waiting in the queue or busy."""
        if self.outcome:
            return self.get_outcome_display()
        return _("bezig") if self.started_at else _("wachtend")


class Heartbeat(models.Model):
    """The last sign of life of a background process (``core.health``): the scheduler writes
    its own at every pass, the task worker its own when it runs the heartbeat job. ``/readyz``
    reads how old they are. One row per process kind; no personal data."""

    name = models.CharField(_("proces"), max_length=50, primary_key=True)
    beat_at = models.DateTimeField(_("laatste teken van leven"))
    # Which host and process id beat last (several schedulers or workers may share a name).
    source = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("hartslag")
        verbose_name_plural = _("hartslagen")

    def __str__(self):
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"


class ThrottleCount(models.Model):
    """A rate limit's counter kept in the database while the shared cache (Redis) cannot be
    reached (``core.throttle``): one row per limited thing and window. The key is the limit's
    name and a SHA-256 of who is counted (a client address or an e-mail address), never the
    address itself; rows are deleted once their window has passed."""

    key = models.CharField(max_length=120)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="core_throttlecount_one_per_window"
            )
        ]
        verbose_name = _("teller van een limiet")
        verbose_name_plural = _("tellers van limieten")

    def __str__(self):
        return f"{self.key} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
