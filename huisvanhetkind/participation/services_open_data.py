"""Switching a house's open data on or off (the coordinator's choice, audited)."""

from django.db import transaction
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.models import House
from huisvanhetkind.participation.models import OpenDataLicence, OpenDataSetting


def open_data_setting(house: House) -> OpenDataSetting:
    return OpenDataSetting.objects.filter(house=house).first() or OpenDataSetting(house=house)


@transaction.atomic
def set_open_data(*, house: House, enabled: bool, actor) -> OpenDataSetting:
    setting, _created = OpenDataSetting.objects.select_for_update().get_or_create(house=house)
    before = setting.enabled
    setting.enabled = enabled
    setting.licence = OpenDataLicence.CC_BY_4
    if enabled and not before:
        setting.enabled_by = actor
        setting.enabled_at = timezone.now()
    setting.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        target=setting,
        house=house,
        reason="open data aan" if enabled else "open data uit",
        changes={"enabled": [before, enabled]},
    )
    return setting
