"""Our taxonomies (domains, age groups, target groups) as HSDS taxonomies and terms."""

from dataclasses import dataclass

from huisvanhetkind.catalogue.hsds.common import EXPECTING_PARENTS, derived_id
from huisvanhetkind.catalogue.models import Service, TargetGroup
from huisvanhetkind.network.models import AgeGroup, Domain


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the prefix of our term codes
    name: str
    term_label: str
    description: str
    model: type
    relation: str  # the Service many-to-many field

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.key)

    @property
    def uri(self) -> str:
        return f"urn:huisvanhetkind:taxonomy:{self.key}"


TAXONOMIES = {
    "domain": Taxonomy(
        "domain",
        "Beleidsdomeinen",
        "Beleidsdomein",
        "De beleidsdomeinen van de Huizen van het Kind in Vlaanderen.",
        Domain,
        "domains",
    ),
    "age_group": Taxonomy(
        "age_group",
        "Leeftijdsgroepen",
        "Leeftijdsgroep",
        "Voor welke leeftijd van het kind het aanbod bedoeld is, aanstaande ouders inbegrepen.",
        AgeGroup,
        "age_groups",
    ),
    "target_group": Taxonomy(
        "target_group",
        "Doelgroepen",
        "Doelgroep",
        "Voor wie het aanbod bedoeld is, buiten de leeftijd.",
        TargetGroup,
        "target_groups",
    ),
}


def term_code(taxonomy_key: str, slug: str) -> str:
    return f"{taxonomy_key}:{slug}"


def term_id(taxonomy_key: str, slug: str) -> str:
    return derived_id("taxonomy_term", term_code(taxonomy_key, slug))


def taxonomy_to_hsds(taxonomy: Taxonomy) -> dict:
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": taxonomy.uri,
        "version": "1",
    }


def taxonomy_term_to_hsds(taxonomy: Taxonomy, term) -> dict:
    """One of our terms (a Domain, AgeGroup or TargetGroup) as an HSDS taxonomy term."""
    return {
        "id": term_id(taxonomy.key, term.slug),
        "code": term_code(taxonomy.key, term.slug),
        "name": term.name,
        "description": f"{taxonomy.term_label}: {term.name}",
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "taxonomy_detail": taxonomy_to_hsds(taxonomy),
        "language": "nl",
    }


def taxonomy_terms() -> list[dict]:
    """All our terms, taxonomy by taxonomy (three queries)."""
    return [
        taxonomy_term_to_hsds(taxonomy, term)
        for taxonomy in TAXONOMIES.values()
        for term in taxonomy.model.objects.all()
    ]


def find_taxonomy(value: str) -> Taxonomy | None:
    return next((t for t in TAXONOMIES.values() if value in (t.id, t.key)), None)


def find_term(value: str) -> tuple[Taxonomy, str] | None:
    """The taxonomy and slug of a term given by its code (``domain:gezondheid``) or its id."""
    value = (value or "").strip()
    key, _sep, slug = value.partition(":")
    if key in TAXONOMIES and slug:
        taxonomy = TAXONOMIES[key]
        return (taxonomy, slug) if taxonomy.model.objects.filter(slug=slug).exists() else None
    for taxonomy in TAXONOMIES.values():
        for slug in taxonomy.model.objects.values_list("slug", flat=True):
            if term_id(taxonomy.key, slug) == value:
                return taxonomy, slug
    return None


def attribute(owner_id: str, entity: str, taxonomy: Taxonomy, term) -> dict:
    return {
        "id": derived_id(owner_id, "attribute", term_code(taxonomy.key, term.slug)),
        "link_id": owner_id,
        "link_type": taxonomy.key,
        "link_entity": entity,
        "taxonomy_term_id": term_id(taxonomy.key, term.slug),
        "taxonomy_term": taxonomy_term_to_hsds(taxonomy, term),
    }


def _expecting_parents_group(age_groups: list) -> AgeGroup | None:
    return next((g for g in age_groups if g.slug == EXPECTING_PARENTS), None)


def service_attributes(service: Service) -> list[dict]:
    age_groups = list(service.age_groups.all())
    if service.for_expecting_parents and _expecting_parents_group(age_groups) is None:
        # Expecting parents have no age: they are said with the age-group term, not with ages.
        age_groups.insert(0, AgeGroup(slug=EXPECTING_PARENTS, name="Aanstaande ouders"))
    terms = [
        *((TAXONOMIES["domain"], d) for d in service.domains.all()),
        *((TAXONOMIES["age_group"], a) for a in age_groups),
        *((TAXONOMIES["target_group"], t) for t in service.target_groups.all()),
    ]
    return [attribute(service.hsds_id, "service", taxonomy, term) for taxonomy, term in terms]
