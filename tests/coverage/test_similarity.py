"""The overlap threshold (ADR 0013) on the fixture of known pairs, and the exactness of the
prefix filter."""

import json
from itertools import combinations
from pathlib import Path

from huisvanhetkind.coverage import similarity

PAIRS = json.loads((Path(__file__).parent / "fixtures" / "overlap_pairs.json").read_text())["pairs"]


def _vectors():
    texts = [text for pair in PAIRS for side in "ab" for text in pair[side].values()]
    decompounder = similarity.collection_decompounder(texts)
    documents = {}
    for i, pair in enumerate(PAIRS):
        for side in "ab":
            documents[(i, side)] = similarity.text_terms(**pair[side], decompounder=decompounder)
    return similarity.tfidf(documents)


def test_the_threshold_separates_the_known_pairs_with_high_precision_and_recall():
    vectors = _vectors()
    predicted = [
        similarity.cosine(vectors[(i, "a")], vectors[(i, "b")]) >= similarity.THRESHOLD
        for i in range(len(PAIRS))
    ]
    actual = [pair["label"] == "duplicate" for pair in PAIRS]
    true_positives = sum(p and a for p, a in zip(predicted, actual))
    precision = true_positives / sum(predicted)
    recall = true_positives / sum(actual)
    # The figures the ADR gives: 7 of the 8 duplicates found, no false alarm.
    assert precision == 1.0
    assert recall == 7 / 8
    assert sum(actual) >= 8 and len(actual) - sum(actual) >= 8


def test_the_fixture_labels_are_only_duplicate_or_not():
    assert {pair["label"] for pair in PAIRS} == {"duplicate", "not"}


def test_the_prefix_filter_finds_exactly_the_pairs_a_full_comparison_finds():
    vectors = _vectors()
    keys = list(vectors)
    listed = [vectors[key] for key in keys]
    for threshold in (0.2, similarity.THRESHOLD, 0.6):
        found = similarity.similar_pairs(listed, threshold=threshold)
        brute = {
            (i, j): similarity.cosine(listed[i], listed[j])
            for i, j in combinations(range(len(listed)), 2)
            if similarity.cosine(listed[i], listed[j]) >= threshold
        }
        assert set(found) == set(brute)
        assert found  # positive control: something is found at every threshold


def test_partners_narrow_the_pairs_compared():
    vectors = _vectors()
    listed = [vectors[(0, "a")], vectors[(0, "b")]]
    assert similarity.similar_pairs(listed) != {}
    assert similarity.similar_pairs(listed, partners=[0, 0]) == {}


def test_groups_join_near_duplicates_of_near_duplicates():
    assert sorted(map(sorted, similarity.groups([(1, 2), (2, 3), (5, 6)]))) == [[1, 2, 3], [5, 6]]
