"""The ``huisvanhetkind`` console script: Django's management commands for this platform."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
