"""The languages a family or a service can speak (ISO 639-1 codes, names in Dutch)."""

from django.utils.translation import gettext_lazy as _

# The languages a service can be offered in (ISO 639-1), most common in Flanders first.
LANGUAGE_CHOICES = [
    ("nl", _("Nederlands")),
    ("fr", _("Frans")),
    ("en", _("Engels")),
    ("de", _("Duits")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("ro", _("Roemeens")),
    ("uk", _("Oekraïens")),
    ("ru", _("Russisch")),
    ("es", _("Spaans")),
    ("so", _("Somalisch")),
    ("ti", _("Tigrinya")),
    ("prs", _("Dari")),
    ("ps", _("Pasjtoe")),
    ("sgn", _("Vlaamse Gebarentaal")),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
