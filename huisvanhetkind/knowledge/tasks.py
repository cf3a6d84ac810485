"""Background work of the knowledge app (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.knowledge import services


@task()
def knowledge_digests_send() -> dict:
    """On the first day of a month: the monthly digest to the partners of each house."""
    return {"sent": services.digests_send_if_first()}
