"""Core's one page: the platform admin's overview of the periodic jobs (read only)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from huisvanhetkind.core import scheduler


def job_runs(request, *, allowed):
    """Each registered job, its cadence, next due moment and last runs.

    ``allowed(user)`` is the platform's rule of who is a platform admin (``network.access``),
    handed over by the project's URL configuration: core knows no roles. Everyone else gets a
    404, as for any page that is not theirs."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed(request.user):
        raise Http404
    now = timezone.now()
    overview = [
        {"job": job, "next_due_at": job.next_due_at(now), "runs": runs}
        for job, runs in scheduler.job_runs_overview()
    ]
    return render(
        request,
        "core/job_runs.html",
        {"overview": overview, "per_job": scheduler.RECENT_RUNS},
    )
