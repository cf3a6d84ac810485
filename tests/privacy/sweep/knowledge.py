"""Knowledge: the professionals' digests, library and trainings, no dated retention."""

KEPT = {
    "knowledge.DigestOptOut": "kept until the professional subscribes again or leaves",
    "knowledge.DigestSent": "kept as long as the professional's account",
    "knowledge.LibraryItem": "kept until the partner or the coordinator deletes the item",
    "knowledge.TrainingRegistration": "kept as long as the training or the professional's account",
}
