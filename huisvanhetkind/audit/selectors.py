from huisvanhetkind.audit.models import AuditEvent


def audit_events_for_house(*, house, limit: int = 200):
    return AuditEvent.objects.filter(house=house).select_related("actor")[:limit]
