"""What the cues and the date finder saw in a text, as the reader's inputs: hits, the stated
time, and the feature vector the learned model reads beside the sentences."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from coach.dates import Deadline, find_deadline
from coach.dates.past import looks_back
from coach.reading.cues import Hit, families, find_cues

# Next steps they ask the candidate to take, and every family that makes a reply actionable.
ASKED = ("next_interview", "assessment", "meet_team", "schedule")
ACTION = (*ASKED, "offer", "references")
STRONG_REJECT = ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone")


@dataclass
class Signals:
    """Cue hits and the decisive time phrase of one text (or one sentence)."""

    text: str
    hits: list[Hit]
    deadline: Deadline | None
    language: str = "en"
    count: collections.Counter[str] = field(init=False)

    def __post_init__(self) -> None:
        self.count = collections.Counter(h.family for h in self.hits)

    def has(self, *names: str) -> bool:
        """Whether any of these families was hit."""
        return any(self.count[n] for n in names)

    @property
    def timed(self) -> bool:
        """A time phrase that is not about the past, in any language."""
        return bool(self.deadline) or any(
            h.family == "time_phrase" and not looks_back(self.text, h.start) for h in self.hits)

    @property
    def offered_instead(self) -> bool:
        """A rejection, another role, and a next step asked for after the rejection."""
        rejects = [h.start for h in self.hits if h.family in STRONG_REJECT]
        if not rejects or not self.has("other_role"):
            return False
        return any(h.family in ASKED and h.start > rejects[0] for h in self.hits)


def read_signals(text: str, received: date, language: str = "en") -> Signals:
    """Cue hits (English and the text's language) and the time phrase about the decision;
    dates are read only from what the date rules or dateparser know for that language."""
    languages = {"en", language}
    return Signals(text, find_cues(text, languages), deadline_in(text, received, language),
                   language)


def deadline_in(text: str, received: date, language: str = "en") -> Deadline | None:
    """The decisive time phrase, or None; a date-parser fault never stops a reading."""
    try:
        found = find_deadline(text, received, language=language)
    except Exception:  # a date parser bug must not stop the reading
        return None
    # A day gone by, or one years away ("31/12/9999", "December 32" read as 2032), is no plan.
    if found is not None and (found.end < received or found.start.year > received.year + 2):
        return None
    return found


def cue_features(s: Signals) -> np.ndarray:
    """Cue family presence and counts, the stated time and a few interactions, as one vector."""
    row: list[float] = []
    for family in families():
        row += [1.0 if s.count[family] else 0.0, min(s.count[family], 3) / 3]
    reject = s.has(*STRONG_REJECT)
    action = s.has(*ACTION)
    timed = s.timed
    row += [
        1.0 if timed else 0.0,
        1.0 if s.offered_instead else 0.0,
        1.0 if timed and action else 0.0,
        *[1.0 if timed and s.count[f] else 0.0 for f in ACTION],
        1.0 if timed and s.count["decision_words"] else 0.0,
        1.0 if s.count["clock_time"] and action else 0.0,
        1.0 if s.count["hold"] and reject else 0.0,
        1.0 if s.count["reject_soft"] and not reject and not s.count["hold"] else 0.0,
        1.0 if s.count["ack"] and not reject and not action else 0.0,
        1.0 if not s.hits else 0.0,
        1.0 if "?" in s.text else 0.0,
        1.0 if s.language != "en" else 0.0,
        1.0,
    ]
    return np.array(row)
