"""Precedence rules: the few cases the labelling rules settle outright, named, in one list.

The first rule that applies decides the category; its name is shown as the reason. The order is
the priority: a later rule is only asked when no earlier one applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coach.reading.signals import ASKED, STRONG_REJECT, Signals
from coach.schemas import Category

# A role that is filled or eliminated stays gone, whatever else the message says about "for now".
_FOR_GOOD = re.compile(r"fill|eliminat|redundan|permanent|re-?open|cubiert|besetzt|pourvu|"
                       r"preenchid", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """A named precedence rule: when `applies`, the reply is `category`, for `reason`."""

    name: str
    category: Category
    reason: str
    applies: Callable[[Signals], bool]


def _strong_reject(s: Signals) -> bool:
    return s.has("reject_other_candidate", "reject_not_proceeding")


def _paused_not_gone(s: Signals) -> bool:
    for_good = any(h.family == "reject_role_gone" and _FOR_GOOD.search(h.phrase) for h in s.hits)
    return s.has("reject_role_gone") and s.has("temporary") and not _strong_reject(s) \
        and not for_good


def _rejected(s: Signals) -> bool:
    return s.has(*STRONG_REJECT)


PRECEDENCE: list[Rule] = [
    Rule("another_role_offered", "immediate",
         "not this role, but an interview for another one", lambda s: s.offered_instead),
    Rule("paused_not_closed", "none", "the role is paused for now, not closed for good",
         _paused_not_gone),
    Rule("role_gone", "rejection", "the role is filled, closed, withdrawn or cancelled",
         lambda s: s.has("reject_role_gone")),
    Rule("timed_meeting_or_offer", "immediate", "they want to set up the next step",
         lambda s: s.deadline is not None and s.has("meet_team", "offer") and not _rejected(s)
         and not s.has("hold")),
    Rule("hiring_paused", "none", "the hiring is paused or on hold",
         lambda s: s.has("hold") and not _strong_reject(s) and not s.has(*ASKED, "offer")),
    Rule("offer_talk", "immediate", "they want to talk about an offer",
         lambda s: s.has("offer") and not _rejected(s) and not s.has("hold")),
    # Interview words in a rejection look back at the process ("after your final round").
    Rule("not_moving_forward", "rejection", "they are not moving forward with you",
         lambda s: _strong_reject(s) and not s.has("hold", "other_role")),
]


def decide(s: Signals) -> Rule | None:
    """The first precedence rule that applies, or None."""
    return next((rule for rule in PRECEDENCE if rule.applies(s)), None)
