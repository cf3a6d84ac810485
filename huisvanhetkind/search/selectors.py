"""Search reads: restrict and rank a Service queryset, and show what a query became."""

from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Greatest, Least, Sign
from django.db.models.lookups import In

from huisvanhetkind.search.models import SearchPosting
from huisvanhetkind.search.query import Group, Plan, SynonymTable, build_plan
from huisvanhetkind.search.vocabulary import Vocabulary, get_vocabulary

# The best weight a term can have in a document (name, plus a fifth of every other field).
MAX_WEIGHT = 200.0

TERM = "term_id"
WEIGHT = "weight"


def _plan(query: str, house, vocabulary: Vocabulary) -> Plan:
    return build_plan(query, vocabulary, SynonymTable.for_house(house))


class Number(Value):
    """A constant computed as a double on every database (PostgreSQL would read a literal
    ``0.4`` as numeric), so SQLite and PostgreSQL give the same ranks to the last digit."""

    def __init__(self, value: float):
        super().__init__(float(value), output_field=FloatField())

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        return f"CAST({sql} AS {self.output_field.db_type(connection)})", params


def _best(boosts: dict[int, float]):
    """The best weight x boost among the postings of a document for the terms of ``boosts``."""
    by_boost: dict[float, list[int]] = {}
    for term, boost in sorted(boosts.items()):
        by_boost.setdefault(boost, []).append(term)
    whens = [
        When(In(F(TERM), terms), then=F(WEIGHT) * Number(boost))
        for boost, terms in sorted(by_boost.items(), reverse=True)
    ]
    return Max(Case(*whens, default=Number(0.0), output_field=FloatField()))


def _group_score(group: Group, ids: dict[str, int]):
    """How well a document matches a group: its best alternative. An alternative of one term
    counts that term; one of several (a phrase, the parts of a compound) needs them all and
    counts the weakest."""
    single: dict[int, float] = {}
    scores = []
    for alternative in group.alternatives:
        if len(alternative.terms) == 1:
            term = ids[alternative.terms[0]]
            single[term] = max(single.get(term, 0.0), alternative.boost)
        else:
            # A term not in the index cannot be matched: the alternative then never is (0).
            parts = [_best({ids.get(term, 0): alternative.boost}) for term in alternative.terms]
            scores.append(Least(*parts, output_field=FloatField()))
    if single:
        scores.insert(0, _best(single))
    return scores[0] if len(scores) == 1 else Greatest(*scores, output_field=FloatField())


def apply_search(queryset, query: str, *, house=None):
    """Restrict a Service queryset to the services matching ``query`` and annotate
    ``search_rank`` (float, higher is better), ordered by rank then name.

    An empty or blank query (nothing but punctuation or stopwords) returns the queryset
    unchanged; a query that matches nothing returns an empty queryset. ``house`` selects the
    house's synonyms (plus the global ones).

    The integer part of the rank is the number of the query's words (or phrases) a service
    matches; the fraction says how well: in which field, literally or through a synonym, how
    rare the word is.
    """
    if not query or not query.strip():
        return queryset
    vocabulary = get_vocabulary()
    plan = _plan(query, house, vocabulary)
    if plan.blank:
        return queryset
    groups = plan.matchable_groups
    if not groups:
        return queryset.none()

    # Terms are looked up by id (from the vocabulary in memory: the database then knows how
    # frequent each is); a rebuild keeps the ids of the terms it finds again.
    vocabulary = get_vocabulary()
    ids = {
        term: vocabulary.term_id(term)
        for group in groups
        for alternative in group.alternatives
        for term in alternative.terms
        if vocabulary.term_id(term)
    }

    def rank_expression():
        norm = sum(group.idf for group in groups) * MAX_WEIGHT
        matched = relevance = None
        for group in groups:
            score = _group_score(group, ids)
            hit = Sign(score)
            weighted = score * Number(group.idf / norm)
            matched = hit if matched is None else matched + hit
            relevance = weighted if relevance is None else relevance + weighted
        return matched + relevance

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

    # The candidates pass an EXISTS and get their rank from a subquery, both correlated to the
    # service: the queryset keeps its rows (no join that would multiply them for the caller's
    # counts). Each database can start from the services the caller's filters select (a house
    # has a few hundred) and look up their postings in the index by (service, term), or, for a
    # rare term, start from its postings.
    postings = SearchPosting.objects.filter(service_id=OuterRef("pk"))
    rank = (
        postings.filter(term_id__in=sorted(set(ids.values())))
        .values("service_id")
        .annotate(rank=rank_expression())
        .values("rank")
    )
    results = queryset.filter(Exists(postings.filter(term_id__in=sorted(candidates)))).annotate(
        search_rank=Subquery(rank, output_field=FloatField())
    )
    if needs_all:
        results = results.filter(search_rank__gt=0)
    return results.order_by("-search_rank", "name", "pk")


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
