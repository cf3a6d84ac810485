"""Background work of the surveys (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.participation import services


@task()
def participation_retention() -> dict:
    """Erase the free-text answers of surveys that closed 12 months ago."""
    return services.participation_retention()
