"""The fast reply classifier: phrase cues, the deadline finder and a few hundred common words as
features, a small softmax model trained on the labelled bank in knowledge/replies, and a few
precedence rules on top."""

from __future__ import annotations

import collections
import functools
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from coach.cues import FAMILIES, Hit, find_cues
from coach.dates import Deadline, find_deadline
from coach.errors import KnowledgeError
from coach.schemas import CATEGORIES, Category

_FAMILY_NAMES = list(FAMILIES)
_ACTION = ("next_interview", "assessment", "meet_team", "schedule", "offer", "references")
_STRONG_REJECT = ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone")
_BLOCK = 128  # rows per matrix product in training

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
    offered_instead = _offered_instead(hits)
    timed = bool(deadline or count["foreign_deadline"] or any(
        h.family == "time_phrase" and not _looks_back(text, h.start) for h in hits))
    row += [
        1.0 if timed else 0.0,
        1.0 if offered_instead else 0.0,
        1.0 if timed and action else 0.0,
        *[1.0 if timed and count[f] else 0.0 for f in _ACTION],
        1.0 if timed and count["decision_words"] else 0.0,
        1.0 if count["clock_time"] and action else 0.0,
        1.0 if count["hold"] and reject else 0.0,
        1.0 if count["reject_soft"] and not reject and not count["hold"] else 0.0,
        1.0 if not hits else 0.0,
        1.0 if "?" in text else 0.0,
        1.0,
    ]
    return np.array(row)


def train_softmax(x: np.ndarray, y: np.ndarray, classes: int = len(CATEGORIES),
                  lam: float = 1e-3, epochs: int = 2000, lr: float = 1.0,
                  momentum: float = 0.0) -> np.ndarray:
    """Multinomial logistic regression by gradient descent (small data: plain numpy is enough).

    With momentum > 0 the steps are Nesterov's: the same optimum in a fraction of the epochs.
    The products go in blocks of rows: each stays small enough for BLAS to run on one thread,
    which on a busy machine is many times faster than its threads waiting for each other.
    """
    x = np.ascontiguousarray(x, dtype=float)
    xt = np.ascontiguousarray(x.T)
    blocks = [slice(i, i + _BLOCK) for i in range(0, len(x), _BLOCK)]
    weights = np.zeros((x.shape[1], classes))
    velocity = np.zeros_like(weights)
    onehot = np.eye(classes)[y]
    for _ in range(epochs):
        ahead = weights + momentum * velocity if momentum else weights
        z = np.vstack([x[b] @ ahead for b in blocks])
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        error = p - onehot
        gradient = sum(xt[:, b] @ error[b] for b in blocks) / len(x) + lam * ahead
        if momentum:
            velocity = momentum * velocity - lr * gradient
            weights = weights + velocity
        else:
            weights = weights - lr * gradient
    return weights


def read_banks(files: Sequence[Path], what: str) -> list[dict[str, Any]]:
    """Every JSON object, one per line, in these bank files; `what` names them in the error
    for an unreadable one."""
    rows: list[dict[str, Any]] = []
    for path in files:
        try:
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, ValueError) as exc:
            raise KnowledgeError(f"Cannot read the {what} {path}: {exc}") from exc
    return rows


def load_bank(folder: Path) -> list[dict[str, str]]:
    """The labelled example banks (bank*.jsonl: one object with text and label per line)."""
    files = sorted(folder.glob("bank*.jsonl"))
    if not files:
        raise KnowledgeError(f"No reply examples (bank*.jsonl) in {folder}.")
    rows = read_banks(files, "reply examples")
    return [r for r in rows if r.get("label") in CATEGORIES and r.get("text")]


# A few hundred common words and word pairs from the bank, as yes/no features next to the cues:
# they carry the phrasings no cue names yet ("we've given it to", "you'll know Tuesday").
VOCABULARY_SIZE = 300
_WORD = re.compile(r"[a-z']+")


def _tokens(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def vocabulary(texts: list[str], size: int = VOCABULARY_SIZE) -> dict[str, int]:
    """The `size` words and word pairs in the most texts (at least 5, at most half of them)."""
    df = collections.Counter(t for text in texts for t in _tokens(text))
    common = [t for t, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
              if 5 <= n <= len(texts) * 0.5][:size]
    return {t: i for i, t in enumerate(common)}


def bag(text: str, vocab: dict[str, int]) -> np.ndarray:
    """Which vocabulary entries the text contains, as 0/1."""
    v = np.zeros(len(vocab))
    for t in _tokens(text):
        if t in vocab:
            v[vocab[t]] = 1.0
    return v


class ReplyClassifier:
    """Trained once per process from the bank (a few seconds), then a few ms a reply."""

    def __init__(self, bank_dir: Path) -> None:
        self.bank_dir = bank_dir
        self._model: tuple[np.ndarray, dict[str, int]] | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> tuple[np.ndarray, dict[str, int]]:
        """The weights and the word vocabulary, trained on first use."""
        with self._lock:
            if self._model is None:
                bank = load_bank(self.bank_dir)
                received = date(2026, 11, 26)
                rows, texts = [], []
                for row in bank:
                    text, _ = strip_injection(row["text"])
                    texts.append(text)
                    rows.append(features(find_cues(text), _deadline(text, received), text))
                vocab = vocabulary(texts)
                x = np.hstack([np.array(rows), np.array([bag(t, vocab) for t in texts])])
                y = np.array([CATEGORIES.index(r["label"]) for r in bank])
                self._model = (train_softmax(x, y, epochs=300, momentum=0.9), vocab)
            return self._model

    @property
    def weights(self) -> np.ndarray:
        """The softmax weights (cue features first, then the vocabulary)."""
        return self.model[0]

    def read(self, text: str, received: date) -> Reading:
        """Probabilities per category for an already cleaned text."""
        hits = find_cues(text)
        deadline = _deadline(text, received)
        weights, vocab = self.model
        z = np.concatenate([features(hits, deadline, text), bag(text, vocab)]) @ weights
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


# A date that looks back ("as discussed on Thursday", "thanks for coming in on Tuesday", "the
# party was on the 15th") or marks someone's absence ("out of office until 2 June", "closed
# until Jan 4") is not the time of the decision or of the next contact.
_PAST_OR_AWAY = re.compile(
    r"\b(?:thanks? (?:you )?for|thank you for|thnaks? for|cheers for|appreciate (?:you|your)|"
    r"enjoyed|great (?:chatting|talking|speaking|meeting)|lovely to (?:meet|chat|see)|"
    r"was|were|had|came|coming (?:in|down|over|by|up)|met|discussed|mentioned|spoke|"
    r"attended|visited|interviewed|sent|received|since|last|ago|out of (?:the )?office|"
    r"on (?:annual |parental |sick )?leave|away|on holiday|on vacation|off sick|closed|closes|"
    r"shut|shuts)\b"
    r"[^.!?;,\n—–]{0,40}$", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|'ll|shall|going to|expect|hope|plan|aim|should|hear|decide|"
                     r"decision|outcome|let you know|get back|be in touch|update)\b", re.IGNORECASE)


def _looks_back(text: str, at: int) -> bool:
    """Whether the time phrase starting at `at` is about the past or an absence."""
    clause = _PAST_OR_AWAY.search(text[max(0, at - 60):at])
    return clause is not None and not _FUTURE.search(clause.group())


def _deadline(text: str, received: date) -> Deadline | None:
    try:
        for _ in range(3):
            found = find_deadline(text, received)
            if found is None:
                return None
            at = text.find(found.phrase)
            if at < 0 or not _looks_back(text, at):
                return found
            # Mask the look-back date and ask again: another phrase may be the real one.
            text = text[:at] + " " * len(found.phrase) + text[at + len(found.phrase):]
        return None
    except Exception:  # a date parser bug must not stop the reading
        return None


# A role that is filled or eliminated stays gone, whatever else the message says about "for now".
_FOR_GOOD = re.compile(r"fill|eliminat|redundan|permanent|re-?open", re.IGNORECASE)


def _offered_instead(hits: list[Hit]) -> bool:
    """A rejection, another role, and a next step asked for after the rejection."""
    rejects = [h.start for h in hits if h.family in _STRONG_REJECT]
    if not rejects or not any(h.family == "other_role" for h in hits):
        return False
    asked = ("next_interview", "assessment", "meet_team", "schedule")
    return any(h.family in asked and h.start > rejects[0] for h in hits)


def _precedence(hits: list[Hit], deadline: Deadline | None) -> tuple[Category, str] | None:
    """The few cases the guide and common sense settle outright."""
    count = collections.Counter(h.family for h in hits)
    action = any(count[f] for f in ("next_interview", "assessment", "meet_team", "schedule"))
    rejected = count["reject_other_candidate"] or count["reject_not_proceeding"] \
        or count["reject_role_gone"]
    if _offered_instead(hits):
        return "immediate", "not this role, but an interview for another one"
    strong_reject = count["reject_other_candidate"] or count["reject_not_proceeding"]
    for_good = any(h.family == "reject_role_gone" and _FOR_GOOD.search(h.phrase) for h in hits)
    if count["reject_role_gone"] and count["temporary"] and not strong_reject and not for_good:
        return "none", "the role is paused for now, not closed for good"
    if count["reject_role_gone"]:
        return "rejection", "the role is filled, closed or cancelled"
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
