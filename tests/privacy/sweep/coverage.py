"""Coverage: who marked a gap, as long as the house."""

KEPT = {
    "coverage.GapStatus": "kept as long as the house; who set it is emptied with their account",
}
