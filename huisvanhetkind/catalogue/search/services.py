"""Writes to the search index. Callers decide what to index (a status filter is theirs)."""

from collections.abc import Iterator

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.models import (
    SearchDocument,
    SearchHousePosting,
    SearchIndexState,
    SearchPosting,
    SearchTerm,
)
from huisvanhetkind.catalogue.search.text import Decompounder, content_words, stem
from huisvanhetkind.catalogue.search.vocabulary import bump, get_vocabulary
from huisvanhetkind.network.models import Partnership

# How much a term is worth in each field; a part of a compound counts a little less.
FIELD_WEIGHTS = {
    "name": 100,
    "alternate_name": 90,
    "summary": 50,
    "description": 20,
    "extra": 10,
}
PART_FACTOR = 0.8
BATCH_SIZE = 1000
INSERT_BATCH = 10_000


def service_fields(service) -> dict[str, str]:
    """The text of a service per field; ``extra`` holds the names of what it is linked to."""
    extra = [
        service.organisation.name,
        *(domain.name for domain in service.domains.all()),
        *(group.name for group in service.target_groups.all()),
        *(municipality.name for municipality in service.service_areas.all()),
    ]
    return {
        "name": service.name,
        "alternate_name": service.alternate_name,
        "summary": service.summary,
        "description": service.description,
        "extra": " ".join(extra),
    }


def analyse(fields: dict[str, str], decompounder: Decompounder) -> tuple[dict[str, int], set[str]]:
    """The weighted terms of a document and its distinct words.

    A term's weight is the weight of the best field it is in plus a fifth of the others.
    """
    per_term: dict[str, dict[str, int]] = {}
    all_words: set[str] = set()
    for name, text in fields.items():
        whole = FIELD_WEIGHTS[name]
        part = round(whole * PART_FACTOR)
        for word in content_words(text):
            all_words.add(word)
            weights = per_term.setdefault(stem(word), {})
            weights[name] = max(weights.get(name, 0), whole)
            for piece in decompounder.parts(word):
                weights = per_term.setdefault(stem(piece), {})
                weights[name] = max(weights.get(name, 0), part)
    postings = {}
    for term, weights in per_term.items():
        best = max(weights.values())
        postings[term] = best + (sum(weights.values()) - best) // 5
    return postings, all_words


def index_service(service) -> None:
    """(Re)index one catalogue service: all its text and the names of what it is linked to."""
    fields = service_fields(service)
    with transaction.atomic():
        # The vocabulary is read before the state row changes: see vocabulary.get_vocabulary.
        decompounder = get_vocabulary().decompounder.extended(
            content_words(" ".join(fields.values()))
        )
        state = bump()
        postings, document_words = analyse(fields, decompounder)
        _replace(service.pk, postings, document_words, state.version)


def remove_service(service_id: int) -> None:
    """Take a service out of the index (nothing happens when it is not in it)."""
    with transaction.atomic():
        state = bump()
        _replace(service_id, None, None, state.version)


def _replace(service_id, postings: dict[str, int] | None, document_words: set[str] | None, version):
    document = SearchDocument.objects.filter(service_id=service_id).first()
    old_words = set(document.words.split()) if document else set()
    old_terms = set(
        SearchPosting.objects.filter(service_id=service_id).values_list("term__text", flat=True)
    )
    new_terms = set(postings or {})
    new_words = set(document_words or ())

    ids = _term_ids(new_terms | new_words, version)
    SearchPosting.objects.filter(service_id=service_id).delete()
    SearchPosting.objects.bulk_create(
        SearchPosting(term_id=ids[term], service_id=service_id, weight=min(weight, 32767))
        for term, weight in (postings or {}).items()
    )
    SearchHousePosting.objects.filter(service_id=service_id).delete()
    _copy_to_houses("sp.service_id = %s", [service_id])

    changes = [
        (new_terms - old_terms, "document_count", 1),
        (old_terms - new_terms, "document_count", -1),
        (new_words - old_words, "word_count", 1),
        (old_words - new_words, "word_count", -1),
    ]
    for texts, counter, step in changes:
        if texts:
            SearchTerm.objects.filter(text__in=texts).update(
                **{counter: F(counter) + step}, version=version
            )

    if postings is None:
        if document:
            document.delete()
            _count_documents(-1)
    else:
        SearchDocument.objects.update_or_create(
            service_id=service_id, defaults={"words": " ".join(sorted(new_words))}
        )
        if not document:
            _count_documents(1)


def _copy_to_houses(condition: str, params: list) -> None:
    """Copy the postings that match ``condition`` (on ``sp``, the postings, ``s``, their
    services, or ``p``, the partnerships) to every house of the service's organisation."""
    quote = connection.ops.quote_name
    tables = [
        quote(model._meta.db_table)
        for model in (SearchHousePosting, SearchPosting, Service, Partnership)
    ]
    sql = (
        f"INSERT INTO {tables[0]} (house_id, term_id, service_id, weight) "  # noqa: S608
        "SELECT p.house_id, sp.term_id, sp.service_id, sp.weight "
        f"FROM {tables[1]} sp JOIN {tables[2]} s ON s.id = sp.service_id "
        f"JOIN {tables[3]} p ON p.organisation_id = s.organisation_id WHERE {condition}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def index_partnership(*, organisation_id: int, house_id: int) -> None:
    """Bring a house's postings of an organisation's services in line with their partnership:
    copied when it exists (whatever its status), removed when it is gone."""
    with transaction.atomic():
        SearchHousePosting.objects.filter(
            house_id=house_id, service__organisation_id=organisation_id
        ).delete()
        _copy_to_houses("s.organisation_id = %s AND p.house_id = %s", [organisation_id, house_id])


def _count_documents(step: int) -> None:
    SearchIndexState.objects.filter(pk=1).update(document_count=F("document_count") + step)


def _term_ids(texts: set[str], version: int) -> dict[str, int]:
    ids = dict(SearchTerm.objects.filter(text__in=texts).values_list("text", "id"))
    missing = texts - ids.keys()
    if missing:
        SearchTerm.objects.bulk_create(
            [SearchTerm(text=text, version=version) for text in sorted(missing)],
            ignore_conflicts=True,
        )
        ids.update(SearchTerm.objects.filter(text__in=missing).values_list("text", "id"))
    return ids


def iter_service_fields(batch_size: int = BATCH_SIZE) -> Iterator[tuple[int, dict[str, str]]]:
    """Every service with its fields, in batches of a few queries each (not one per service)."""
    through = {
        "domains": (Service.domains.through, "domain__name"),
        "target_groups": (Service.target_groups.through, "targetgroup__name"),
        "service_areas": (Service.service_areas.through, "municipality__name"),
    }
    last = 0
    while True:
        rows = list(
            Service.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list(
                "pk", "name", "alternate_name", "summary", "description", "organisation__name"
            )[:batch_size]
        )
        if not rows:
            return
        ids = [row[0] for row in rows]
        extra: dict[int, list[str]] = {pk: [] for pk in ids}
        for model, name in through.values():
            for pk, value in (
                model.objects.filter(service_id__in=ids)
                .order_by("pk")
                .values_list("service_id", name)
            ):
                extra[pk].append(value)
        for pk, name, alternate_name, summary, description, organisation in rows:
            yield (
                pk,
                {
                    "name": name,
                    "alternate_name": alternate_name,
                    "summary": summary,
                    "description": description,
                    "extra": " ".join([organisation, *extra[pk]]),
                },
            )
        last = ids[-1]


def _insert_postings(cursor, rows: list[tuple[int, int, int]]) -> None:
    """Write (term, service, weight) postings in bulk: ``COPY`` on PostgreSQL (where
    ``executemany`` sends them a row at a time), one prepared ``INSERT`` elsewhere."""
    quote = connection.ops.quote_name
    table = quote(SearchPosting._meta.db_table)
    columns = ", ".join(quote(name) for name in ("term_id", "service_id", "weight"))
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)", rows)  # noqa: S608


def rebuild_index(batch_size: int = BATCH_SIZE) -> int:
    """Index every service again from scratch and return how many there are.

    Two passes over the services: the first collects the vocabulary (so compounds are split
    with the same known words whatever the order), the second writes the postings in bulk.
    """
    vocabulary: set[str] = set()
    for _pk, fields in iter_service_fields(batch_size):
        for text in fields.values():
            vocabulary.update(content_words(text))
    decompounder = Decompounder(vocabulary)

    # Plain SQL for the bulk of the work; the table and column names come from the models.
    quote = connection.ops.quote_name
    with transaction.atomic():
        state = bump(rebuilt=True)
        # Terms keep their ids: a search that looked them up just before still finds them.
        previous_ids = dict(SearchTerm.objects.values_list("text", "id"))
        next_id = max(previous_ids.values(), default=0) + 1
        with connection.cursor() as cursor:
            for model in (SearchHousePosting, SearchPosting, SearchDocument, SearchTerm):
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608

        term_ids: dict[str, int] = {}

        def term_id(text: str) -> int:
            nonlocal next_id
            if text not in term_ids:
                if text in previous_ids:
                    term_ids[text] = previous_ids[text]
                else:
                    term_ids[text] = next_id
                    next_id += 1
            return term_ids[text]

        document_counts: dict[str, int] = {}
        word_counts: dict[str, int] = {}
        rows: list[tuple[int, int, int]] = []
        documents: list[SearchDocument] = []
        count = 0
        with connection.cursor() as cursor:
            for pk, fields in iter_service_fields(batch_size):
                postings, document_words = analyse(fields, decompounder)
                for term, weight in postings.items():
                    document_counts[term] = document_counts.get(term, 0) + 1
                    rows.append((term_id(term), pk, min(weight, 32767)))
                for word in document_words:
                    term_id(word)
                    word_counts[word] = word_counts.get(word, 0) + 1
                documents.append(
                    SearchDocument(service_id=pk, words=" ".join(sorted(document_words)))
                )
                count += 1
                if len(rows) >= INSERT_BATCH:
                    _insert_postings(cursor, rows)
                    rows = []
                if len(documents) >= batch_size:
                    SearchDocument.objects.bulk_create(documents)
                    documents = []
            if rows:
                _insert_postings(cursor, rows)
        with connection.cursor() as cursor:
            SearchDocument.objects.bulk_create(documents)
            SearchTerm.objects.bulk_create(
                (
                    SearchTerm(
                        id=number,
                        text=text,
                        document_count=document_counts.get(text, 0),
                        word_count=word_counts.get(text, 0),
                        version=state.version,
                    )
                    for text, number in term_ids.items()
                ),
                batch_size=INSERT_BATCH,
            )
            for statement in connection.ops.sequence_reset_sql(no_style(), [SearchTerm]):
                cursor.execute(statement)
        # After the terms: SQLite checks the (deferred) foreign key of every posting per house
        # when a term is inserted, and the postings per house have no index that starts with
        # the term, so copying them first made each term's insert scan all of them.
        _copy_to_houses("1 = 1", [])
        state.document_count = count
        state.save(update_fields=["document_count"])
    return count
