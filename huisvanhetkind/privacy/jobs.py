"""Periodic jobs of privacy (see core.scheduler): the retention rules of the libraries' records.

The other retention rules of the register run as their own app's jobs (questions, activities,
network); a test checks that every rule's task is enqueued by exactly one job.
"""

from datetime import timedelta

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.privacy import tasks

register(
    "privacy.erase_expired_sessions",
    every=timedelta(days=1),
    task=tasks.erase_expired_sessions,
    description="Delete expired log-in sessions.",
)
register(
    "privacy.erase_expired_task_results",
    every=timedelta(days=1),
    task=tasks.erase_expired_task_results,
    description="Delete the results of background tasks finished more than 30 days ago.",
)
register(
    "privacy.erase_answered_requests",
    every=timedelta(days=1),
    task=tasks.erase_answered_requests,
    description="Delete the requests of the log answered more than five years ago.",
)
