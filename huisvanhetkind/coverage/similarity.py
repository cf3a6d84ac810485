"""Near-duplicate descriptions: cosine similarity of TF-IDF vectors over the search index's terms.

A service's vector is its terms in the search index (``catalogue.search``: normalised, Dutch
stopwords out, stemmed, compounds split) with the index's weight per term (name 100, summary 50,
description 20, ...) as the term frequency, times the term's inverse document frequency in the
collection compared (a house's offer, or the fixture of known pairs). Terms that only come from
the names of linked things (organisation, domains, municipalities: weight below
``MIN_WEIGHT``) are left out: two organisations' services always differ in them, and every
service of a domain shares its name. The threshold is ADR 0009's.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from heapq import nlargest
from operator import itemgetter, mul

from huisvanhetkind.catalogue.search.services import analyse
from huisvanhetkind.catalogue.search.text import Decompounder, content_words

# ADR 0009: chosen on tests/coverage/fixtures/overlap_pairs.json.
THRESHOLD = 0.4
# A term in the name, summary or description weighs at least 16 (a compound part in the
# description: 20 x 0.8); a term only in the names of linked things weighs 10 or 8.
MIN_WEIGHT = 16

# A service is compared on its MAX_TERMS heaviest terms (by TF-IDF): what it is about, not
# every word of its description; it keeps the comparison of a big house within its budget.
MAX_TERMS = 16

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
    frequency: Counter = Counter()
    for terms in documents.values():
        frequency.update(terms.keys())
    total = len(documents)
    idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()}
    vectors = {}
    for key, terms in documents.items():
        vector = dict(
            zip(terms, map(mul, terms.values(), map(idf.__getitem__, terms)), strict=True)
        )
        if len(vector) > MAX_TERMS:
            vector = dict(nlargest(MAX_TERMS, vector.items(), key=itemgetter(1)))
        norm = math.hypot(*vector.values())
        vectors[key] = (
            dict(zip(vector, map(norm.__rtruediv__, vector.values()), strict=True)) if norm else {}
        )
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    shared = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def _bits(positions: list[int]) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


def _iter_bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def similar_pairs(
    vectors: list[Vector],
    *,
    threshold: float = THRESHOLD,
    partners: list[int] | None = None,
) -> dict[tuple[int, int], float]:
    """The pairs (i, j), i < j, of ``vectors`` whose cosine is at least ``threshold``. Exact.

    Prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", 2007):
    the terms of every vector are put in one global order, rarest first; a vector's *prefix* is
    its first terms up to the point where the rest has a norm below ``threshold``. Two unit
    vectors whose cosine reaches the threshold share a term in both prefixes (if their first
    common term lay outside one's prefix, their dot product would be at most the norm of that
    rest). So only vectors that meet in an inverted index of the prefixes are compared. The
    index holds bit sets, and ``partners[i]`` (a bit set: the vectors ``i`` may be paired with,
    such as services of other organisations in a cell in common) narrows the candidates before
    any cosine is computed.
    """
    frequency: dict[Hashable, int] = defaultdict(int)
    for vector in vectors:
        for term in vector:
            frequency[term] += 1
    limit = threshold * threshold
    # The global order, rarest first (ties by the term's text: the same order every run).
    rank = {
        term: i for i, term in enumerate(sorted(frequency, key=lambda t: (frequency[t], str(t))))
    }
    positions: dict[Hashable, list[int]] = defaultdict(list)
    prefixes = []
    for i, vector in enumerate(vectors):
        ordered = sorted(vector, key=rank.__getitem__)
        prefix = []
        rest = 1.0
        for term in ordered:
            if rest < limit:
                break
            prefix.append(term)
            positions[term].append(i)
            rest -= vector[term] * vector[term]
        prefixes.append(prefix)
    masks = {term: _bits(found) for term, found in positions.items()}
    pairs = {}
    for i, vector in enumerate(vectors):
        candidates = 0
        for term in prefixes[i]:
            candidates |= masks[term]
        candidates >>= i + 1  # only the vectors after i: each pair once
        if partners is not None:
            candidates &= partners[i] >> (i + 1)
        for offset in _iter_bits(candidates):
            j = i + 1 + offset
            value = cosine(vector, vectors[j])
            if value >= threshold:
                pairs[(i, j)] = value
    return pairs


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
