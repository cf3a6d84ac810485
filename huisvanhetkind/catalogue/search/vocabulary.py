"""The index vocabulary in process memory: document frequencies, typo correction, compound parts.

The vocabulary lives in ``SearchTerm``; every process keeps a copy and checks one small row,
``SearchIndexState``, before each search. Each write to the index bumps ``version`` and draws a
random ``stamp``; the row keeps the last stamps, so a process can tell whether the state it
holds was committed (load only the terms changed since) or not (a rolled back transaction:
load everything again). A rebuild draws a new ``generation``: everything is loaded again.
"""

import secrets
import threading
from dataclasses import dataclass, field, replace

from django.db import transaction

from huisvanhetkind.catalogue.search.models import SearchIndexState, SearchTerm
from huisvanhetkind.catalogue.search.text import COMPOUND_PARTS, Decompounder, stem
from huisvanhetkind.core import sql

PARTS_BY_STEM: dict[str, list[str]] = {}
for _part in sorted(COMPOUND_PARTS):
    PARTS_BY_STEM.setdefault(stem(_part), []).append(_part)

COLUMNS = ("text", "id", "document_count", "word_count")
HISTORY = 64  # stamps of the last writes kept in the state row
MIN_CORRECTED = 3  # shorter words are never corrected


def max_distance(word: str) -> int:
    """How many edits a typo may have: one in a short word, two in a longer one."""
    return 1 if len(word) <= 5 else 2


def osa_distance(a: str, b: str, limit: int) -> int | None:
    """The optimal string alignment distance (Damerau-Levenshtein without moving a letter twice)
    between ``a`` and ``b``, or ``None`` when it is above ``limit``."""
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return None
    big = limit + 1
    before: list[int] = []
    previous = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [big] * (lb + 1)
        current[0] = i
        low, high = max(1, i - limit), min(lb, i + limit)
        char = a[i - 1]
        best = big if low > 1 else i
        for j in range(low, high + 1):
            value = previous[j - 1] + (char != b[j - 1])
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            swapped = i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == b[j - 1]
            if swapped and before[j - 2] + 1 < value:
                value = before[j - 2] + 1
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return None
        before, previous = previous, current
    return previous[lb] if previous[lb] <= limit else None


@dataclass
class Vocabulary:
    generation: str = ""
    version: int = -1
    stamp: int = 0
    document_total: int = 0
    # text -> (id, document_count, word_count)
    terms: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # (first letter, length) -> {word: word_count}: the candidates for typo correction
    buckets: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)
    decompounder: Decompounder = field(default_factory=Decompounder)
    corrections: dict[str, str | None] = field(default_factory=dict)

    def document_count(self, text: str) -> int:
        return self.terms.get(text, (0, 0, 0))[1]

    def word_count(self, text: str) -> int:
        return self.terms.get(text, (0, 0, 0))[2]

    def term_id(self, text: str) -> int | None:
        found = self.terms.get(text)
        return found[0] if found and found[1] > 0 else None

    @classmethod
    def load(cls, rows, generation: str = "") -> "Vocabulary":
        """A vocabulary from all (text, id, document_count, word_count) rows of the index."""
        vocabulary = cls(generation=generation)
        terms = vocabulary.terms = {row[0]: row[1:] for row in rows}
        vocabulary.decompounder = Decompounder(
            (text for text, (_id, _documents, occurrences) in terms.items() if occurrences > 0),
            stems=[text for text, (_id, documents, _occurrences) in terms.items() if documents > 0],
        )
        buckets = vocabulary.buckets
        for text, (_id, _documents, occurrences) in terms.items():
            if occurrences > 0 and len(text) >= MIN_CORRECTED and text.isalpha():
                buckets.setdefault((text[0], len(text)), {})[text] = occurrences
        for part in COMPOUND_PARTS:
            vocabulary._candidate(part)
        return vocabulary

    def copy(self) -> "Vocabulary":
        """A copy that can change without disturbing the readers of this one."""
        return replace(
            self,
            terms=dict(self.terms),
            buckets=dict(self.buckets),  # a bucket is copied before it changes (_candidate)
            decompounder=self.decompounder.extended(()),
            corrections={},
        )

    def apply(self, rows) -> None:
        """Take in changed (text, id, document_count, word_count) rows."""
        for text, term_id, documents, occurrences in rows:
            if occurrences > 0:
                self.decompounder.add_word(text)
            if documents > 0:
                self.decompounder.add_stem(text)
            self.terms[text] = (term_id, documents, occurrences)
            self._candidate(text)
            for part in PARTS_BY_STEM.get(text, ()):
                self._candidate(part)
        self.corrections.clear()

    def _candidate(self, word: str) -> None:
        """Keep ``word`` among the candidates for typo correction if it can be found: a word of
        the index, or a built-in compound part whose stem is in the index."""
        if len(word) < MIN_CORRECTED or not word.isalpha():
            return
        count = self.word_count(word)
        if word in COMPOUND_PARTS:
            count = max(count, self.document_count(stem(word)))
        key = (word[0], len(word))
        if self.buckets.get(key, {}).get(word, 0) == count:
            return
        bucket = dict(self.buckets.get(key, {}))
        if count > 0:
            bucket[word] = count
        else:
            bucket.pop(word, None)
        self.buckets[key] = bucket

    def correct(self, word: str, extra: dict[str, int] | None = None) -> str | None:
        """The closest known word to ``word`` within the allowed distance, the most frequent
        one first; ``extra`` adds words (such as synonyms) that are not in the index."""
        if len(word) < MIN_CORRECTED or not word.isalpha() or self.word_count(word) > 0:
            return None
        key = word if not extra else f"{word}|{','.join(sorted(extra))}"
        found = self.corrections.get(key, "")
        if found != "":
            return found
        if len(self.corrections) > 10_000:
            self.corrections.clear()
        corrected = self.corrections[key] = self._correct(word, extra or {})
        return corrected

    def _correct(self, word: str, extra: dict[str, int]) -> str | None:
        limit = max_distance(word)
        letters = set(word)
        best: tuple[int, int, str] | None = None

        def consider(candidate: str, count: int) -> None:
            nonlocal best
            if candidate == word or len(letters.symmetric_difference(candidate)) > 2 * limit:
                return
            distance = osa_distance(word, candidate, limit)
            if distance is None:
                return
            rank = (distance, -count, candidate)
            if best is None or rank < best:
                best = rank

        for length in range(len(word) - limit, len(word) + limit + 1):
            for candidate, count in self.buckets.get((word[0], length), {}).items():
                consider(candidate, count)
        for candidate, count in extra.items():
            if candidate.isalpha() and len(candidate) >= MIN_CORRECTED:
                consider(candidate, max(count, self.word_count(candidate)))
        return best[2] if best else None


_lock = threading.Lock()
_cache = Vocabulary()
# Read before every search (core.sql: plain SQL, it costs less than the ORM's compiling).
_STATE_SQL = (
    "SELECT generation, version, stamp, document_count FROM search_searchindexstate WHERE id = 1"
)


def get_vocabulary() -> Vocabulary:
    """The vocabulary, refreshed if the index changed since this process last looked."""
    global _cache
    row = sql.one(_STATE_SQL)
    generation, version, stamp, total = row or ("", 0, 0, 0)
    with _lock:
        cache = _cache
        if (cache.generation, cache.version, cache.stamp) == (generation, version, stamp):
            return cache
        history = (
            SearchIndexState.objects.filter(pk=1).values_list("history", flat=True).first() or []
        )
        committed = [cache.version, cache.stamp] in history
        if cache.generation == generation and committed and cache.version < version:
            # Other threads may be reading the cache: change a copy.
            cache = cache.copy()
            cache.apply(SearchTerm.objects.filter(version__gt=cache.version).values_list(*COLUMNS))
        else:
            rows = SearchTerm.objects.values_list(*COLUMNS).iterator(chunk_size=10_000)
            cache = Vocabulary.load(rows, generation)
        cache.version, cache.stamp, cache.document_total = version, stamp, total
        _cache = cache
        return cache


def bump(*, rebuilt: bool = False) -> SearchIndexState:
    """Record a write to the index in the state row and return it. The row stays locked for the
    rest of the transaction, which keeps the writers to the index in order."""
    assert transaction.get_connection().in_atomic_block, "write the index in a transaction"
    state = SearchIndexState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        state = SearchIndexState.objects.create(pk=1)
    state.version += 1
    state.stamp = secrets.randbits(62)
    if rebuilt:
        state.generation = secrets.token_hex(8)
        state.history = []
    state.history = [*state.history, [state.version, state.stamp]][-HISTORY:]
    state.save()
    return state
