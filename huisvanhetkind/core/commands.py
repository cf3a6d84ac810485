"""What the project's management commands share."""

from argparse import RawDescriptionHelpFormatter

from django.core.management.base import BaseCommand, DjangoHelpFormatter


class HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Keep the line breaks of the description."""


class DescribedCommand(BaseCommand):
    """A command whose ``help`` is a text of several paragraphs, shown as written."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs["formatter_class"] = HelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)
