"""Search reads: restrict and rank a Service queryset, and show what a query became."""

from django.db.models import Case, FloatField, Value, When

from huisvanhetkind.catalogue.search.models import SearchPosting
from huisvanhetkind.catalogue.search.query import Group, Plan, SynonymTable, build_plan
from huisvanhetkind.catalogue.search.vocabulary import Vocabulary, get_vocabulary
from huisvanhetkind.core import sql

# The best weight a term can have in a document (name, plus a fifth of every other field).
MAX_WEIGHT = 200.0


def _plan(query: str, house, vocabulary: Vocabulary) -> Plan:
    return build_plan(query, vocabulary, SynonymTable.for_house(house))


def _group_scorer(group: Group, ids: dict[str, int]):
    """How well a document matches a group, from its {term id: weight}: its best alternative.
    An alternative of one term counts that term; one of several (a phrase, the parts of a
    compound) needs them all and counts the weakest."""
    single: dict[int, float] = {}
    several: list[list[tuple[int, float]]] = []
    for alternative in group.alternatives:
        if len(alternative.terms) == 1:
            term = ids[alternative.terms[0]]
            single[term] = max(single.get(term, 0.0), alternative.boost)
        else:
            # A term not in the index cannot be matched: the alternative then never is (0).
            several.append([(ids.get(term, 0), alternative.boost) for term in alternative.terms])

    singles = sorted(single.items())

    def score(weights: dict[int, int]) -> float:
        best = 0.0
        for term, boost in singles:
            weight = weights.get(term)
            if weight is not None and weight * boost > best:
                best = weight * boost
        for parts in several:
            weakest = None
            for term, boost in parts:
                weight = weights.get(term)
                if weight is None:  # a part missing: the alternative is not matched
                    weakest = 0.0
                    break
                if weakest is None or weight * boost < weakest:
                    weakest = weight * boost
            if weakest > best:
                best = weakest
        return best

    return score


def search_ranks(query: str, *, house=None, within=None) -> dict[int, float] | None:
    """The rank (float, higher is better) of every service matching ``query``, among the
    services of the queryset ``within``; without it among the services of ``house``'s partner
    organisations (whatever their status: the caller keeps the ones it shows), or all services
    when there is no house either.

    ``None`` for an empty or blank query (nothing but punctuation or stopwords): nothing to
    restrict; an empty dict when nothing matches. ``house`` selects the house's synonyms (plus
    the global ones). Callers order by rank, then name.

    The integer part of the rank is the number of the query's words (or phrases) a service
    matches; the fraction says how well: in which field, literally or through a synonym, how
    rare the word is. The database only hands over the postings of the query's terms (one
    query); the ranks are computed here, so they are the same on every database.
    """
    if not query or not query.strip():
        return None
    vocabulary = get_vocabulary()
    plan = _plan(query, house, vocabulary)
    if plan.blank:
        return None
    groups = plan.matchable_groups
    if not groups:
        return {}

    # Terms are looked up by id, from the vocabulary in memory (a rebuild keeps the ids).
    ids = {
        term: vocabulary.term_id(term)
        for group in groups
        for alternative in group.alternatives
        for term in alternative.terms
        if vocabulary.term_id(term)
    }
    # A service is a candidate when it has a posting for a one-term alternative, or for the
    # rarest term of an alternative of several terms (which needs them all: the rank checks).
    candidates = set()
    needs_all = False
    for group in groups:
        for alternative in group.alternatives:
            present = [term for term in alternative.terms if term in ids]
            if len(alternative.terms) > 1:
                needs_all = True
                present = [min(present, key=lambda t: (vocabulary.document_count(t), t))]
            candidates.update(ids[term] for term in present)

    # Thousands of rows for a common word in a big house: read as plain tuples.
    rows = _postings(sorted(set(ids.values())), house=house, within=within)
    # The common parts of a compound (zorg, ouder) bring many rows: keep the candidates' only.
    chosen = {service for service, term, _weight in rows if term in candidates}
    found: dict[int, dict[int, int]] = {service: {} for service in chosen}
    for service, term, weight in rows:
        if service in chosen:
            found[service][term] = weight

    norm = sum(group.idf for group in groups) * MAX_WEIGHT
    scorers = [(_group_scorer(group, ids), group.idf / norm) for group in groups]
    ranks = {}
    for service, weights in found.items():
        matched, relevance = 0, 0.0
        for score, factor in scorers:
            value = score(weights)
            matched += value > 0
            relevance += value * factor
        rank = matched + relevance
        if rank > 0 or not needs_all:
            ranks[service] = rank
    return ranks


def _postings(terms: list[int], *, house, within) -> list[tuple[int, int, int]]:
    """(service, term, weight) of ``terms``: in a house's own postings (plain SQL, core.sql: the
    offer search reads them on every page) or, with ``within``, among those services."""
    if within is None and house is not None:
        statement = (
            "SELECT service_id, term_id, weight FROM search_searchhouseposting"  # noqa: S608
            f" WHERE house_id = %s AND term_id IN ({sql.placeholders(terms)})"
        )
        return sql.rows(statement, [house.pk, *terms])
    postings = SearchPosting.objects.filter(term_id__in=terms)
    if within is not None:
        postings = postings.filter(service_id__in=within.values("pk"))
    statement, params = postings.values_list(
        "service_id", "term_id", "weight"
    ).query.sql_with_params()
    return sql.rows(statement, params)


def apply_search(queryset, query: str, *, house=None):
    """Restrict a Service queryset to the services matching ``query``, annotated with
    ``search_rank`` (see ``search_ranks``) and ordered by rank, then name.

    An empty or blank query returns the queryset unchanged; a query that matches nothing an
    empty queryset. For a few hundred matches at most (tests, small lists): the catalogue and
    the API order ``search_ranks`` themselves.
    """
    ranks = search_ranks(query, house=house, within=queryset)
    if ranks is None:
        return queryset
    if not ranks:
        return queryset.none()
    rank = Case(
        *(When(pk=pk, then=Value(value)) for pk, value in ranks.items()),
        output_field=FloatField(),
    )
    return (
        queryset.filter(pk__in=list(ranks))
        .annotate(search_rank=rank)
        .order_by("-search_rank", "name", "pk")
    )


def explain_query(query: str, *, house=None) -> dict:
    """What ``query`` became: its words, their corrections, compound parts and synonyms, and the
    alternatives searched for each (for debugging and a coordinator's test screen)."""
    vocabulary = get_vocabulary()
    plan = _plan(query, house, vocabulary)
    groups = []
    for group in plan.groups:
        groups.append(
            {
                "words": group.words,
                "corrected": group.corrected,
                "stems": list(group.stems),
                "parts": group.parts,
                "synonyms": group.synonyms,
                "alternatives": [
                    {
                        "terms": list(alternative.terms),
                        "kind": alternative.kind,
                        "boost": alternative.boost,
                        "documents": max(vocabulary.document_count(t) for t in alternative.terms),
                    }
                    for alternative in group.alternatives
                ],
                "weight": round(group.idf, 4),
                "found": group.matchable,
            }
        )
    return {
        "query": plan.query,
        "normalised": [word for group in plan.groups for word in group.words],
        "terms": [word for group in plan.groups for word in group.corrected],
        "ignored": plan.ignored,
        "corrections": {
            typed: corrected
            for group in plan.groups
            for typed, corrected in zip(group.words, group.corrected, strict=True)
            if typed != corrected
        },
        "compound_parts": {group.corrected[0]: group.parts for group in plan.groups if group.parts},
        "synonyms": {
            " ".join(group.corrected): group.synonyms for group in plan.groups if group.synonyms
        },
        "groups": groups,
    }
