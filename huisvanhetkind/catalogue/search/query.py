"""From what a parent typed to a plan: groups of alternative terms, one group per word or phrase.

A document matches a group when it has one of the group's alternatives. The rank counts the
groups matched first, then how well they matched (see ``selectors.search_ranks``).
"""

import functools
import math
from dataclasses import dataclass, field

from huisvanhetkind.catalogue.search.text import STOPWORDS, content_words, stem, words
from huisvanhetkind.catalogue.search.vocabulary import Vocabulary
from huisvanhetkind.core import sql

MAX_QUERY_LENGTH = 200
MAX_GROUPS = 8
MAX_ALTERNATIVES = 24
MAX_PHRASE = 4

LITERAL_BOOST = 1.0
CORRECTED_BOOST = 0.9
PARTS_BOOST = 0.8
SYNONYM_BOOST = 0.4


@dataclass(frozen=True)
class Alternative:
    """Terms a document must have together (one for a word, several for a phrase or the parts
    of a compound), and how much a match on them is worth."""

    terms: tuple[str, ...]
    boost: float
    kind: str  # "literal", "parts" or "synonym"


@dataclass
class Group:
    words: list[str]  # the normalised words as typed
    corrected: list[str]  # after typo correction
    stems: tuple[str, ...]
    parts: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    idf: float = 0.0

    @property
    def matchable(self) -> bool:
        return self.idf > 0


@dataclass
class Plan:
    query: str
    groups: list[Group]
    ignored: list[str]

    @property
    def blank(self) -> bool:
        return not self.groups

    @property
    def matchable_groups(self) -> list[Group]:
        return [group for group in self.groups if group.matchable]


@dataclass
class SynonymEntry:
    text: str
    stems: tuple[str, ...]


_SYNONYMS_SQL = (
    "SELECT terms FROM catalogue_synonym WHERE house_id IS NULL OR house_id = %s ORDER BY id"
)


class SynonymTable:
    """The synonym groups that apply, indexed by the stems of each entry."""

    def __init__(self, groups: list[list[str]]):
        self.groups: list[list[SynonymEntry]] = []
        self.by_stems: dict[tuple[str, ...], list[int]] = {}
        self.words: dict[str, int] = {}
        for terms in groups:
            entries = []
            for term in terms:
                stems = tuple(stem(word) for word in content_words(term))
                if stems and all(stems != entry.stems for entry in entries):
                    entries.append(SynonymEntry(term, stems))
                for word in content_words(term):
                    self.words[word] = 0
            if len(entries) < 2:
                continue
            index = len(self.groups)
            self.groups.append(entries)
            for entry in entries:
                self.by_stems.setdefault(entry.stems, []).append(index)
        self.longest = max((len(key) for key in self.by_stems), default=1)

    @classmethod
    def for_house(cls, house=None) -> "SynonymTable":
        # Read on every search: plain SQL (core.sql), cheaper than the ORM's compiling.
        found = sql.rows(_SYNONYMS_SQL, [None if house is None else house.pk])
        return cls.of(tuple(terms for (terms,) in found))

    @classmethod
    @functools.lru_cache(maxsize=256)
    def of(cls, rows: tuple[str, ...]) -> "SynonymTable":
        """The table of the comma-separated synonym ``rows``; kept for the next request with
        the same rows (the table is read only)."""
        return cls([[t.strip() for t in terms.split(",") if t.strip()] for terms in rows])

    def others(self, stems: tuple[str, ...]) -> list[SynonymEntry]:
        found: list[SynonymEntry] = []
        for index in self.by_stems.get(stems, []):
            for entry in self.groups[index]:
                if entry.stems != stems and entry not in found:
                    found.append(entry)
        return found


def is_known(word: str, vocabulary: Vocabulary, synonyms: SynonymTable) -> bool:
    return (
        len(word) < 3
        or not word.isalpha()
        or vocabulary.word_count(word) > 0
        or vocabulary.document_count(stem(word)) > 0
        or word in synonyms.words
        or (stem(word),) in synonyms.by_stems
        or bool(vocabulary.decompounder.split(word))
    )


def build_plan(query: str, vocabulary: Vocabulary, synonyms: SynonymTable) -> Plan:
    query = (query or "")[:MAX_QUERY_LENGTH]
    typed: list[str] = []
    ignored: list[str] = []
    for word in words(query):
        if word in STOPWORDS:
            ignored.append(word)
        elif word not in typed:
            typed.append(word)
    typed = typed[: MAX_GROUPS * MAX_PHRASE]

    corrected = []
    for word in typed:
        if not is_known(word, vocabulary, synonyms):
            word = vocabulary.correct(word, synonyms.words) or word
        corrected.append(word)
    stems = [stem(word) for word in corrected]

    groups: list[Group] = []
    i = 0
    while i < len(typed) and len(groups) < MAX_GROUPS:
        size = 1
        for length in range(min(synonyms.longest, MAX_PHRASE, len(typed) - i), 1, -1):
            if tuple(stems[i : i + length]) in synonyms.by_stems:
                size = length
                break
        groups.append(_group(typed[i : i + size], corrected[i : i + size], vocabulary, synonyms))
        i += size
    return Plan(query=query, groups=groups, ignored=ignored)


def _group(typed, corrected, vocabulary: Vocabulary, synonyms: SynonymTable) -> Group:
    stems = tuple(dict.fromkeys(stem(word) for word in corrected))
    group = Group(words=list(typed), corrected=list(corrected), stems=stems)
    literal_boost = LITERAL_BOOST if typed == corrected else CORRECTED_BOOST
    alternatives = [Alternative(stems, literal_boost, "literal")]
    if len(corrected) == 1:
        parts = vocabulary.decompounder.split(corrected[0])
        if parts:
            group.parts = list(parts)
            part_stems = tuple(dict.fromkeys(stem(part) for part in parts))
            if part_stems != stems:
                alternatives.append(Alternative(part_stems, PARTS_BOOST * literal_boost, "parts"))
    for entry in synonyms.others(stems):
        group.synonyms.append(entry.text)
        alternatives.append(Alternative(entry.stems, SYNONYM_BOOST, "synonym"))

    usable: list[Alternative] = []
    seen: set[tuple[str, ...]] = set()
    for alternative in alternatives:
        if alternative.terms in seen:
            continue
        seen.add(alternative.terms)
        if any(vocabulary.document_count(term) > 0 for term in alternative.terms):
            usable.append(alternative)
    group.alternatives = usable[:MAX_ALTERNATIVES]

    counts = [
        max(vocabulary.document_count(term) for term in alternative.terms)
        for alternative in group.alternatives
        if alternative.kind == "literal"
    ] or [
        max(vocabulary.document_count(term) for term in alternative.terms)
        for alternative in group.alternatives
    ]
    if counts:
        total = max(vocabulary.document_total, max(counts))
        group.idf = math.log(1 + total / max(counts))
    return group
