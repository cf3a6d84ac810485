"""Run every retention rule of the register of personal data now, or list what each would erase."""

from huisvanhetkind.core.commands import DescribedCommand
from huisvanhetkind.privacy.services import retention_run


class Command(DescribedCommand):
    help = """Run every retention rule of the register of personal data now (the scheduler runs
each of them daily as a job; this runs them all by hand).

With --dry-run, print each rule by name, its retention and how many records it would erase now,
and change nothing."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what each rule would erase now; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        runs = retention_run(dry_run=dry_run)
        for run in runs:
            declaration = run.declaration
            self.stdout.write(f"{declaration.rule.name} ({declaration.model})")
            self.stdout.write(f"  retention: {declaration.retention_text}")
            if dry_run:
                self.stdout.write(f"  would erase now: {run.due}")
            else:
                self.stdout.write(f"  due: {run.due}, erased: {_result(run.result)}")
        if dry_run:
            self.stdout.write(f"Dry run: {len(runs)} rule(s), nothing changed.")
        else:
            self.stdout.write(f"Ran {len(runs)} rule(s).")


def _result(result) -> str:
    if isinstance(result, dict):
        return ", ".join(f"{key} {value}" for key, value in result.items())
    return str(result)
