"""The fast reply classifier: phrase cues and the deadline finder as features, a small softmax
model trained on the labelled bank in knowledge/replies, and a few precedence rules on top."""

from __future__ import annotations

import collections
import functools
import json
import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from coach.cues import FAMILIES, Hit, find_cues
from coach.dates import Deadline, find_deadline
from coach.errors import KnowledgeError
from coach.schemas import CATEGORIES, Category

_FAMILY_NAMES = list(FAMILIES)
_ACTION = ("next_interview", "assessment", "meet_team", "schedule", "offer", "references")
_STRONG_REJECT = ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone")

# Lines that talk to a model instead of to the candidate: left out of the reading.
INJECTION = re.compile(
    r"(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:above|previous|prior|earlier|"
    r"preceding|instructions)|^\s*(?:system|assistant|developer|ai|note to (?:the )?(?:ai|model|"
    r"assistant|classifier|bot))\s*[:>]|(?:classify|label|categori[sz]e|mark|tag)\s+(?:this|it|"
    r"the (?:message|email|reply))\s+as\b|correct (?:label|category|classification) is|"
    r"new instructions|you are (?:now|an? (?:ai|assistant|language model))|<!--.*?-->|"
    r"tell the candidate (?:they|that)|###\s*(?:instruction|system)",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class Reading:
    """What the fast path saw in a text."""

    probs: dict[Category, float]
    hits: list[Hit]
    deadline: Deadline | None
    rule: str | None  # the precedence rule that decided, if any

    @property
    def category(self) -> Category:
        """The most probable category."""
        return max(self.probs, key=lambda c: self.probs[c])

    @property
    def families(self) -> collections.Counter[str]:
        """Cue families present, with counts."""
        return collections.Counter(h.family for h in self.hits)


def strip_injection(text: str) -> tuple[str, bool]:
    """The text without its sentences that instruct a model, and whether there were any."""
    kept_lines, dropped = [], False
    for line in text.split("\n"):
        if not INJECTION.search(line):
            kept_lines.append(line)
            continue
        dropped = True
        sentences = re.split(r"(?<=[.!?])\s+", line)
        kept_lines.append(" ".join(s for s in sentences if not INJECTION.search(s)))
    return "\n".join(kept_lines), dropped


def features(hits: list[Hit], deadline: Deadline | None, text: str) -> np.ndarray:
    """Cue counts, deadline presence and a few interactions, as one vector."""
    count = collections.Counter(h.family for h in hits)
    row: list[float] = []
    for family in _FAMILY_NAMES:
        row += [1.0 if count[family] else 0.0, min(count[family], 3) / 3]
    reject = any(count[f] for f in _STRONG_REJECT)
    action = any(count[f] for f in _ACTION)
    row += [
        1.0 if deadline or count["foreign_deadline"] else 0.0,
        1.0 if reject and count["other_role"] and action else 0.0,
        1.0 if deadline and action else 0.0,
        1.0 if count["hold"] and reject else 0.0,
        1.0 if count["reject_soft"] and not reject and not count["hold"] else 0.0,
        1.0 if not hits else 0.0,
        1.0 if "?" in text else 0.0,
        1.0,
    ]
    return np.array(row)


def train_softmax(x: np.ndarray, y: np.ndarray, classes: int = len(CATEGORIES),
                  lam: float = 1e-3, epochs: int = 2000, lr: float = 1.0) -> np.ndarray:
    """Multinomial logistic regression by gradient descent (small data: plain numpy is enough)."""
    weights = np.zeros((x.shape[1], classes))
    onehot = np.eye(classes)[y]
    for _ in range(epochs):
        z = x @ weights
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        weights -= lr * (x.T @ (p - onehot) / len(x) + lam * weights)
    return weights


def load_bank(folder: Path) -> list[dict[str, str]]:
    """The labelled example banks (bank*.jsonl: one object with text and label per line)."""
    files = sorted(folder.glob("bank*.jsonl"))
    if not files:
        raise KnowledgeError(f"No reply examples (bank*.jsonl) in {folder}.")
    rows = []
    for path in files:
        try:
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, ValueError) as exc:
            raise KnowledgeError(f"Cannot read the reply examples {path}: {exc}") from exc
    return [r for r in rows if r.get("label") in CATEGORIES and r.get("text")]


class ReplyClassifier:
    """Trained once per process from the bank (about a second), then ~5 ms a reply."""

    def __init__(self, bank_dir: Path) -> None:
        self.bank_dir = bank_dir
        self._weights: np.ndarray | None = None
        self._lock = threading.Lock()

    @property
    def weights(self) -> np.ndarray:
        """The model, trained on first use."""
        with self._lock:
            if self._weights is None:
                bank = load_bank(self.bank_dir)
                received = date(2026, 11, 26)
                rows = []
                for row in bank:
                    text, _ = strip_injection(row["text"])
                    rows.append(features(find_cues(text), _deadline(text, received), text))
                y = np.array([CATEGORIES.index(r["label"]) for r in bank])
                self._weights = train_softmax(np.array(rows), y)
            return self._weights

    def read(self, text: str, received: date) -> Reading:
        """Probabilities per category for an already cleaned text."""
        hits = find_cues(text)
        deadline = _deadline(text, received)
        z = features(hits, deadline, text) @ self.weights
        p = np.exp(z - z.max())
        p /= p.sum()
        probs: dict[Category, float] = {c: float(v) for c, v in zip(CATEGORIES, p, strict=True)}
        if not hits and deadline is None:
            # Nothing recognisable: say so with a low confidence (the model may look at it)
            # rather than trust what the bank's few cue-less examples happened to be.
            probs = {c: (0.4 if c == "vague" else 0.15) for c in CATEGORIES}
            return Reading(probs, hits, deadline, None)
        rule = _precedence(hits, deadline)
        if rule is not None:
            category, name = rule
            # A precedence rule is sure of its category; keep the model's spread for the rest.
            probs = {c: (0.9 if c == category else probs[c] * 0.1) for c in CATEGORIES}
            return Reading(probs, hits, deadline, name)
        return Reading(probs, hits, deadline, None)


def _deadline(text: str, received: date) -> Deadline | None:
    try:
        return find_deadline(text, received)
    except Exception:  # a date parser bug must not stop the reading
        return None


def _precedence(hits: list[Hit], deadline: Deadline | None) -> tuple[Category, str] | None:
    """The few cases the guide and common sense settle outright."""
    count = collections.Counter(h.family for h in hits)
    action = any(count[f] for f in ("next_interview", "assessment", "meet_team", "schedule"))
    rejected = count["reject_other_candidate"] or count["reject_not_proceeding"] \
        or count["reject_role_gone"]
    if rejected and count["other_role"] and action:
        return "immediate", "not this role, but an interview for another one"
    if count["reject_role_gone"]:
        return "rejection", "the role is filled, closed or cancelled"
    strong_reject = count["reject_other_candidate"] or count["reject_not_proceeding"]
    directed = any(count[f] for f in ("meet_team", "offer"))
    if deadline is not None and directed and not rejected and not count["hold"]:
        # The bank's rule: a time and an action together make an immediate next step.
        return "immediate", "they want to set up the next step"
    if count["hold"] and not strong_reject and not action and not count["offer"]:
        return "none", "the hiring is paused or on hold"
    if count["offer"] and not rejected and not count["hold"]:
        return "immediate", "they want to talk about an offer"
    if strong_reject and not count["hold"] and not count["other_role"]:
        # Interview words in a rejection look back at the process ("after your final round").
        return "rejection", "they are not moving forward with you"
    return None


@functools.cache
def default_classifier(bank_dir: Path) -> ReplyClassifier:
    """One classifier per bank folder for the whole process."""
    return ReplyClassifier(bank_dir)
