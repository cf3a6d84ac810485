"""Background work of the care paths (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.carepaths import services


@task()
def care_paths_retention() -> dict:
    """Let paths without a current consent lapse; erase paths that ended 12 months ago."""
    return services.care_paths_retention()
