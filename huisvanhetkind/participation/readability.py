"""The easy-read check of a survey's texts: long sentences and long words are flagged for the
author, who decides. Families and children read the survey on a phone, often in a second
language: short sentences (at most ``LONGEST_SENTENCE`` words) and short words (at most
``LONGEST_WORD`` letters; Dutch glues words together: "kinderopvanginitiatief") read best."""

import re
from dataclasses import dataclass

LONGEST_SENTENCE = 15  # words
LONGEST_WORD = 12  # letters

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Issue:
    where: str  # what the author wrote: "titel", "vraag 3", ...
    kind: str  # "sentence" or "word"
    text: str  # the sentence or the word
    size: int  # words in the sentence, letters in the word


def check(where: str, text: str) -> list[Issue]:
    issues = []
    for sentence in SENTENCE_END.split(text or ""):
        words = WORD.findall(sentence)
        if len(words) > LONGEST_SENTENCE:
            issues.append(Issue(where, "sentence", sentence.strip(), len(words)))
        for word in words:
            for part in word.split("-"):
                letters = sum(ch.isalpha() for ch in part)
                if letters > LONGEST_WORD:
                    issues.append(Issue(where, "word", part, letters))
    return issues


def check_all(texts: list[tuple[str, str]]) -> list[Issue]:
    """The issues of every ``(where, text)``, each long word once per place."""
    seen = set()
    issues = []
    for where, text in texts:
        for issue in check(where, text):
            key = (issue.where, issue.kind, issue.text.lower())
            if key not in seen:
                seen.add(key)
                issues.append(issue)
    return issues
