"""The audit trail: who did what to which record, when and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("aangemaakt")
        READ = "read", _("ingekeken")
        UPDATE = "update", _("gewijzigd")
        DELETE = "delete", _("verwijderd")
        APPROVE = "approve", _("goedgekeurd")
        DECLINE = "decline", _("afgewezen")
        INVITE = "invite", _("uitgenodigd")
        ROLE_GRANT = "role_grant", _("rol toegekend")
        ROLE_REVOKE = "role_revoke", _("rol ingetrokken")
        ERASE = "erase", _("gewist (bewaartermijn)")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    house = models.ForeignKey(
        "network.House",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    # On behalf of which organisation a professional acted (a family can be told which
    # organisation read its data); empty for a coordinator acting for the house, or the system.
    organisation = models.ForeignKey(
        "network.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_label = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=255, blank=True)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["house", "-created_at"]),
            models.Index(fields=["target_type", "target_id"]),
        ]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("audittrail")

    def __str__(self):
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"
        )

    def save(self, *args, **kwargs):
        """The trail is append-only: an event is written once and never changed."""
        if not self._state.adding:
            raise ValueError("An audit event cannot be changed.")
        super().save(*args, **kwargs)
