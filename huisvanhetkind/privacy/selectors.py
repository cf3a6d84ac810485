"""The register of personal data as the privacy statement and the record of processing
activities show it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from huisvanhetkind.core import register
from huisvanhetkind.core.register import Category, Declaration, Subject


@dataclass
class Purpose:
    """One purpose of the statement, with everything the declarations for it say, each once."""

    purpose: str
    data: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)
    retention: list[str] = field(default_factory=list)
    erasure: list[str] = field(default_factory=list)


@dataclass
class Section:
    subject: str
    purposes: list[Purpose]


def _add(items: list[str], value) -> None:
    text = str(value)
    if text and text not in items:
        items.append(text)


def _legal_basis(declaration: Declaration) -> str:
    if declaration.special_basis is None:
        return str(declaration.legal_basis.label)
    return _("%(basis)s, en voor gezondheid en sociale situatie %(special)s") % {
        "basis": declaration.legal_basis.label,
        "special": declaration.special_basis.label,
    }


def statement_sections() -> list[Section]:
    """The privacy statement: per data subject (families first), per purpose, what is kept,
    why, on what ground, who reads it and how long. A declaration about several subjects is
    told under the first it names."""
    declarations = register.declarations().values()
    sections = []
    for subject in Subject:
        purposes: dict[str, Purpose] = {}
        for declaration in declarations:
            if declaration.subjects[0] != subject:
                continue
            key = str(declaration.purpose)
            purpose = purposes.setdefault(key, Purpose(purpose=key))
            _add(purpose.data, declaration.data)
            for category in declaration.categories:
                _add(purpose.categories, category.label)
            _add(purpose.legal_bases, _legal_basis(declaration))
            _add(purpose.readers, declaration.readers)
            _add(purpose.retention, declaration.retention_text)
            _add(purpose.erasure, declaration.erasure_how)
        if purposes:
            sections.append(Section(subject=str(subject.label), purposes=list(purposes.values())))
    return sections


def categories_overview() -> list[tuple[str, list[str]]]:
    """Per category of personal data, the purposes it serves."""
    overview = []
    for category in Category:
        purposes: list[str] = []
        for declaration in register.declarations().values():
            if category in declaration.categories:
                _add(purposes, declaration.purpose)
        if purposes:
            overview.append((str(category.label), purposes))
    return overview


def record_columns() -> list[str]:
    return [
        _("verwerking (doel)"),
        _("model"),
        _("betrokkenen"),
        _("categorieën"),
        _("persoonsgegevens"),
        _("rechtsgrond (AVG art. 6)"),
        _("voorwaarde (AVG art. 9)"),
        _("wie leest ze (ontvangers)"),
        _("bewaartermijn"),
        _("wissing"),
        _("bewaarregel"),
    ]


def record_rows() -> list[list[str]]:
    """The record of processing activities (GDPR art. 30): one row per declared model, in the
    order of ``record_columns``."""
    rows = []
    for declaration in register.declarations().values():
        rows.append(
            [
                str(declaration.purpose),
                declaration.model,
                ", ".join(str(subject.label) for subject in declaration.subjects),
                ", ".join(str(category.label) for category in declaration.categories),
                str(declaration.data),
                str(declaration.legal_basis.label),
                str(declaration.special_basis.label) if declaration.special_basis else "—",
                str(declaration.readers),
                declaration.retention_text,
                f"{declaration.erasure.label}: {declaration.erasure_how}",
                declaration.rule.name if declaration.rule else "—",
            ]
        )
    return sorted(rows, key=lambda row: (row[0], row[1]))
