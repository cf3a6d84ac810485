"""Two runs of one task at once, made deterministic: the other run (a task requeued while its
first worker still ran) does all its work after this run read what is due and before this run
writes. A task is idempotent when the two together have the effect of one."""

from django.db import transaction as real_transaction


class _TransactionWithAnotherRun:
    """Stands in for ``django.db.transaction`` in a task's module: the first ``atomic()`` this
    run opens (after its read, before its first write) first lets ``other_run`` do its work."""

    def __init__(self, other_run):
        self.other_run = other_run
        self.ran = False

    def __getattr__(self, name):
        return getattr(real_transaction, name)

    def atomic(self, *args, **kwargs):
        if not self.ran:
            self.ran = True
            self.other_run()
        return real_transaction.atomic(*args, **kwargs)


def another_run_before_the_first_write(monkeypatch, module, other_run):
    """Patch ``module.transaction`` so that ``other_run`` runs before this run's first
    transaction; returns the stand-in (``.ran`` says whether it happened)."""
    shim = _TransactionWithAnotherRun(other_run)
    monkeypatch.setattr(module, "transaction", shim)
    return shim


def another_run_before_the_first_call(monkeypatch, owner, name, other_run):
    """Patch ``owner.name`` (the per-item step of a task's loop) so that ``other_run`` runs
    before this run's first step; returns a dict whose ``ran`` says whether it happened."""
    real = getattr(owner, name)
    state = {"ran": False}

    def step(*args, **kwargs):
        if not state["ran"]:
            state["ran"] = True
            other_run()
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, step)
    return state
