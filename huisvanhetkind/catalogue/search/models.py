"""The search index: a vocabulary of terms and, per service, its terms with a weight.

The tables are written only by ``huisvanhetkind.catalogue.search.services``; see README.md for the design.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchIndexState(models.Model):
    """One row that tells every process whether its cached vocabulary is still valid.

    ``generation`` changes on a full rebuild (reload everything); ``version`` counts the writes
    and ``stamp`` is drawn at random on each; ``history`` keeps the last (version, stamp) pairs
    so a process can tell a committed state from one it saw in a transaction rolled back since.
    """

    generation = models.CharField(max_length=32, blank=True)
    version = models.PositiveBigIntegerField(default=0)
    stamp = models.PositiveBigIntegerField(default=0)
    history = models.JSONField(default=list, blank=True)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("status van de zoekindex")
        verbose_name_plural = _("status van de zoekindex")

    def __str__(self):
        return f"generation {self.generation}, version {self.version}"


class SearchTerm(models.Model):
    """A term of the index vocabulary.

    ``text`` is a stem, a stem of a compound part or a normalised surface word.
    ``document_count`` counts the services with a posting for the term (for ranking);
    ``word_count`` counts the services whose text has it as a word (for typo correction).
    """

    id = models.AutoField(primary_key=True)
    text = models.CharField(max_length=64, unique=True)
    document_count = models.PositiveIntegerField(default=0)
    word_count = models.PositiveIntegerField(default=0)
    version = models.PositiveBigIntegerField(default=0, db_index=True)

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")

    def __str__(self):
        return self.text


class SearchDocument(models.Model):
    """What was indexed for a service: its distinct words, to keep the counts exact."""

    service = models.OneToOneField(
        "catalogue.Service",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    words = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document in de zoekindex")
        verbose_name_plural = _("documenten in de zoekindex")

    def __str__(self):
        return f"search document of service {self.service_id}"


class SearchPosting(models.Model):
    """A term of a service with its weight (the field it is in, whole word or compound part).

    The table is clustered on (term, service) where the database allows it (see the migration).
    """

    pk = models.CompositePrimaryKey("term", "service")
    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="+", db_index=False)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, related_name="search_postings"
    )
    weight = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("term van een aanbod")
        verbose_name_plural = _("termen van een aanbod")

    def __str__(self):
        return f"{self.term_id}@{self.service_id}={self.weight}"


class SearchHousePosting(models.Model):
    """A posting again for every house the service's organisation is a partner of.

    The catalogue of a house searches only its partners' services: clustered on
    (house, term, service), a search reads the house's postings of the query's terms and
    nothing else, however many services Flanders has. The rows follow the postings (every
    write of ``services``) and the partnerships (``signals``), whatever the status of either:
    the caller keeps the published services of active partners.
    """

    pk = models.CompositePrimaryKey("house", "term", "service")
    house = models.ForeignKey(
        "network.House", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="+", db_index=False)
    service = models.ForeignKey("catalogue.Service", on_delete=models.CASCADE, related_name="+")
    weight = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("term van een aanbod in een huis")
        verbose_name_plural = _("termen van een aanbod in een huis")

    def __str__(self):
        return f"{self.term_id}@{self.service_id} in house {self.house_id}={self.weight}"
