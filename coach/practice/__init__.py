"""The practice wing: a session (`session`) and the invariants every interviewer reply is
checked against (`checks`)."""

from coach.practice.checks import Violation, check_reply
from coach.practice.session import (
    MAX_TURN_CHARS,
    STAY_IN_CHARACTER,
    Session,
    Turn,
    interviewer_answer,
    prefill,
    resume,
    start,
    take_turn,
)

__all__ = [
    "MAX_TURN_CHARS",
    "STAY_IN_CHARACTER",
    "Session",
    "Turn",
    "Violation",
    "check_reply",
    "interviewer_answer",
    "prefill",
    "resume",
    "start",
    "take_turn",
]
