"""``huisvanhetkind coverage --house SLUG --format json``: the house's cells, gaps and overlaps
(docs/coverage.md); ``--all`` for every active house."""

import json
import multiprocessing

from django.core.management.base import CommandError
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.core.commands import DescribedCommand
from huisvanhetkind.coverage import selectors
from huisvanhetkind.network.models import House

BAD_INPUT = 2
FORMATS = ("json",)

HELP = gettext_lazy(
    """Het aanbod van een huis in kaart: per beleidsdomein, leeftijdsgroep en gemeente het
aantal aanbod, organisaties en aanbod dat gratis is of een sociaal tarief heeft; de hiaten
(geen aanbod, of alleen betalend) met hun vaste code en gewicht; de overlap (bijna gelijke
beschrijvingen van verschillende organisaties in hetzelfde vakje).

Uitvoer (JSON op standaarduitvoer):
{"house": SLUG, "cells": [...], "gaps": [...], "overlaps": [...]}; met --all een lijst van
zulke objecten, één per actief huis. Zie docs/coverage.md.

Met --all en --jobs N rekenen N processen naast elkaar (de huizen zijn onafhankelijk).

Een onbekend huis, een onbekend formaat, een --jobs dat geen getal van 1 tot 64 is, of
--house en --all samen (of geen van beide): een melding op standaardfout en exitstatus 2."""
)


def _house_json(pk: int) -> dict:
    return selectors.as_json(selectors.coverage_matrix(House.objects.get(pk=pk)))


class Command(DescribedCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("--house", help=_("De korte naam (slug) van het huis."))
        parser.add_argument("--all", action="store_true", help=_("Elk actief huis, na elkaar."))
        parser.add_argument("--format", default="json", help=_("Het formaat: json."))
        parser.add_argument(
            "--jobs",
            default="1",
            help=_("Met --all: zoveel processen naast elkaar (standaard 1)."),
        )

    def handle(self, *args, house=None, all=False, format="json", jobs="1", **options):
        if not str(jobs).isdigit() or not 1 <= int(jobs) <= 64:
            raise CommandError(_("--jobs is een geheel getal van 1 tot 64."), returncode=BAD_INPUT)
        if format not in FORMATS:
            raise CommandError(
                _("Onbekend formaat “%(format)s”: kies json.") % {"format": format},
                returncode=BAD_INPUT,
            )
        if bool(house) == bool(all):
            raise CommandError(
                _("Geef --house SLUG of --all (één van beide)."), returncode=BAD_INPUT
            )
        if all:
            houses = list(
                House.objects.filter(is_active=True).order_by("slug").values_list("pk", flat=True)
            )
            if int(jobs) > 1:
                # Each process opens its own connection; the houses are independent.
                connections.close_all()
                with multiprocessing.get_context("fork").Pool(int(jobs)) as pool:
                    result = pool.map(_house_json, houses, chunksize=1)
            else:
                result = [_house_json(pk) for pk in houses]
        else:
            found = House.objects.filter(slug=house).first()
            if found is None:
                raise CommandError(
                    _("Er is geen huis met de korte naam “%(slug)s”.") % {"slug": house},
                    returncode=BAD_INPUT,
                )
            result = selectors.as_json(selectors.coverage_matrix(found))
        self.stdout.write(json.dumps(result, ensure_ascii=False))
