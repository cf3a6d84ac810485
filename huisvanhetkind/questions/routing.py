"""Which partner receives a question: the first matching rule of the house, or the coordinator.

Pure functions over anything with ``topic_id``, ``age_group_id``, ``municipality_id``,
``language`` and ``text``: a saved question, or a sample question typed in to test the rules.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


def _fold(text: str) -> str:
    """Lower case without accents, so that 'créche' matches 'creche'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Sample:
    topic_id: int | None = None
    age_group_id: int | None = None
    municipality_id: int | None = None
    language: str = "nl"
    text: str = ""


@dataclass
class Check:
    rule: object
    matched: bool
    reasons: list[str] = field(default_factory=list)


def check_rule(rule, question) -> Check:
    """Whether ``rule`` matches ``question``, and why (or why not), in Dutch."""
    reasons, matched = [], True

    def criterion(label, wanted, actual, shown):
        nonlocal matched
        if wanted is None or wanted == "":
            return
        if wanted == actual:
            reasons.append(_("%(label)s is %(value)s") % {"label": label, "value": shown})
        else:
            matched = False
            reasons.append(_("%(label)s is niet %(value)s") % {"label": label, "value": shown})

    criterion(_("onderwerp"), rule.topic_id, question.topic_id, rule.topic)
    criterion(_("leeftijdsgroep"), rule.age_group_id, question.age_group_id, rule.age_group)
    criterion(_("gemeente"), rule.municipality_id, question.municipality_id, rule.municipality)
    criterion(
        _("voorkeurstaal"),
        rule.language,
        question.language,
        rule.get_language_display() if rule.language else "",
    )
    keywords = rule.keyword_list
    if keywords:
        text = _fold(question.text or "")
        found = [k for k in keywords if _fold(k) in text]
        if found:
            reasons.append(_("trefwoord “%(word)s” staat in de vraag") % {"word": found[0]})
        else:
            matched = False
            reasons.append(
                _("geen van de trefwoorden (%(words)s) staat in de vraag")
                % {"words": ", ".join(keywords)}
            )
    if not reasons:
        reasons.append(_("de regel heeft geen voorwaarden en past dus altijd"))
    return Check(rule=rule, matched=matched, reasons=reasons)


def explain(rules, question) -> list[Check]:
    """Every active rule in order, each with whether it matches; for the test preview."""
    return [check_rule(rule, question) for rule in rules if rule.is_active]


def route(rules, question):
    """``(rule, reason)`` of the first matching active rule, or ``(None, reason)``."""
    for number, rule in enumerate((r for r in rules if r.is_active), start=1):
        result = check_rule(rule, question)
        if result.matched:
            reason = _("Regel %(number)s “%(name)s” → %(organisation)s: %(why)s.") % {
                "number": number,
                "name": rule.name,
                "organisation": rule.organisation,
                "why": "; ".join(result.reasons),
            }
            return rule, reason
    return None, _("Geen enkele regel paste: de coördinator verdeelt deze vraag.")
