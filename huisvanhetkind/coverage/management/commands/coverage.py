"""``huisvanhetkind coverage --house SLUG --format json``: the house's cells, gaps and overlaps
(docs/coverage.md); ``--all`` for every active house."""

import json

from django.core.management.base import CommandError
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

Een onbekend huis, een onbekend formaat, of --house en --all samen (of geen van beide):
een melding op standaardfout en exitstatus 2."""
)


class Command(DescribedCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("--house", help=_("De korte naam (slug) van het huis."))
        parser.add_argument("--all", action="store_true", help=_("Elk actief huis, na elkaar."))
        parser.add_argument("--format", default="json", help=_("Het formaat: json."))

    def handle(self, *args, house=None, all=False, format="json", **options):
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
            result = [
                selectors.as_json(selectors.coverage_matrix(h))
                for h in House.objects.filter(is_active=True).order_by("slug")
            ]
        else:
            found = House.objects.filter(slug=house).first()
            if found is None:
                raise CommandError(
                    _("Er is geen huis met de korte naam “%(slug)s”.") % {"slug": house},
                    returncode=BAD_INPUT,
                )
            result = selectors.as_json(selectors.coverage_matrix(found))
        self.stdout.write(json.dumps(result, ensure_ascii=False))
