"""Near-duplicate descriptions: cosine similarity of TF-IDF vectors over the search index's terms.

A service's vector is its terms in the search index (``catalogue.search``: normalised, Dutch
stopwords out, stemmed, compounds split) with the index's weight per term (name 100, summary 50,
description 20, ...) as the term frequency, times the term's inverse document frequency in the
collection compared (a house's offer, or the fixture of known pairs). Terms that only come from
the names of linked things (organisation, domains, municipalities: weight below
``MIN_WEIGHT``) are left out: two organisations' services always differ in them, and every
service of a domain shares its name. The threshold is ADR 0013's.
"""

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable

from huisvanhetkind.catalogue.search.services import analyse
from huisvanhetkind.catalogue.search.text import Decompounder, content_words

# ADR 0013: chosen on tests/coverage/fixtures/overlap_pairs.json.
THRESHOLD = 0.4
# A term in the name, summary or description weighs at least 16 (a compound part in the
# description: 20 x 0.8); a term only in the names of linked things weighs 10 or 8.
MIN_WEIGHT = 16
# Candidate pairs share at least one of each other's TOP_TERMS heaviest terms (see the ADR).
TOP_TERMS = 8

Vector = dict[Hashable, float]


def text_terms(
    *, name: str = "", summary: str = "", description: str = "", decompounder=None
) -> dict[str, int]:
    """The weighted index terms of a text, as ``catalogue.search`` indexes a service (without
    the names of linked things). ``decompounder``: the index's, or one that knows the words of
    the collection compared (``collection_decompounder``)."""
    fields = {
        "name": name,
        "alternate_name": "",
        "summary": summary,
        "description": description,
        "extra": "",
    }
    postings, _words = analyse(fields, decompounder or Decompounder())
    return postings


def collection_decompounder(texts: Iterable[str]) -> Decompounder:
    """A decompounder that knows the built-in parts and the words of ``texts``, as the index's
    knows the words of every indexed service."""
    return Decompounder(vocabulary={w for text in texts for w in content_words(text)})


def tfidf(documents: dict[Hashable, dict[Hashable, int]]) -> dict[Hashable, Vector]:
    """Unit TF-IDF vectors of ``documents`` (key -> {term: weight}); the IDF is over them."""
    frequency: dict[Hashable, int] = defaultdict(int)
    for terms in documents.values():
        for term in terms:
            frequency[term] += 1
    total = len(documents)
    idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()}
    vectors = {}
    for key, terms in documents.items():
        vector = {term: weight * idf[term] for term, weight in terms.items()}
        norm = math.sqrt(sum(value * value for value in vector.values()))
        vectors[key] = {t: v / norm for t, v in vector.items()} if norm else {}
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def similar_pairs(
    vectors: dict[Hashable, Vector],
    *,
    threshold: float = THRESHOLD,
    allowed=None,
) -> dict[tuple, float]:
    """The pairs (a, b) with a < b whose cosine is at least ``threshold``, with it.

    Only pairs that share one of each other's heaviest terms are compared (an inverted index on
    those): near-duplicates share their main words. ``allowed(a, b)`` filters the candidates
    (different organisations, a cell in common) before the cosine is computed.
    """
    postings: dict[Hashable, list] = defaultdict(list)
    for key, vector in vectors.items():
        heaviest = sorted(vector, key=vector.__getitem__, reverse=True)[:TOP_TERMS]
        for term in heaviest:
            postings[term].append(key)
    seen: set[tuple] = set()
    found = {}
    for keys in postings.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                if allowed is not None and not allowed(*pair):
                    continue
                value = cosine(vectors[pair[0]], vectors[pair[1]])
                if value >= threshold:
                    found[pair] = value
    return found


def groups(pairs: Iterable[tuple]) -> list[set]:
    """The connected groups of ``pairs`` (near-duplicates of near-duplicates go together)."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    together: dict = defaultdict(set)
    for x in parent:
        together[find(x)].add(x)
    return list(together.values())
