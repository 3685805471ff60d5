"""The one past-reference filter: a time phrase that looks back, greets or marks an absence
is not the time of a decision."""

from __future__ import annotations

import re
from datetime import date, timedelta

from coach.dates.vocabulary import _weekday

# --------------------------------------------------------------------------- context filters

_MEETING_WORDS = (
    r"(?:meet|meeting|met|speak|speaking|spoke|chat|chatting|talk|talking|see|seeing|connect"
    r"|connecting|interview\w*|visit\w*|coming\s+in|joining|your\s+time|the\s+time|time"
    r"|conversation|call|stopping\s+by)"
)
# Courtesies that look back at the interview: "thanks for meeting on Tuesday".
_COURTESY = re.compile(
    rf"\b(?:thanks|thank\s+you|thanking\s+you)\b(?:\s+\w+){{0,3}}?\s+for\b(?:\s+\w+){{0,3}}?\s+"
    rf"{_MEETING_WORDS}\b"
    r"|\b(?:great|nice|good|lovely|wonderful|pleasure)\s+(?:to\s+|of\s+)?(?:meet|meeting|speak"
    r"|speaking|chat|chatting|talk|talking|see|seeing|connect|connecting)\b"
    rf"|\b(?:enjoyed|appreciated?)\b(?:\s+\w+){{0,3}}?\s+{_MEETING_WORDS}\b",
    re.I,
)
_PAST_VERB = re.compile(
    # Not a passive future: "I would be contacted that evening".
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:met|spoke|talked|chatted|interviewed|visited|came\s+in|joined\s+us|sat\s+down"
    r"|received|got|heard|replied|responded|e-?mailed|called|rang|texted|wrote|contacted"
    r"|applied|submitted)\b", re.I
)
# Once the clause turns to the future ("the team I spoke with will decide by ..."), the phrase
# after it is no longer about the past meeting.
_FUTURE_TURN = re.compile(
    r"\b(?:will|shall|would|should|could|can|may|might|plan\w*|expect\w*|hope\w*|aim\w*"
    r"|going\s+to|intend\w*|target\w*|decid\w*|decision"
    # Reported speech: what follows "telling me that", "asking me to" is what was said.
    r"|sa(?:y|ys|id|ying)|tell(?:s|ing)?|told|ask(?:s|ed|ing)?\s+(?:me|us|him|her|them)\s+to"
    r"|want(?:s|ed)?|would\s+like|invit\w*|stat(?:ed|ing)|explain\w*)\b|['’](?:ll|d)\b",
    re.I,
)
# "if I hadn't heard back by the 24th" is a condition about the future, not a story.
_CONDITION = re.compile(r"\b(?:if|unless|in\s+case)\b", re.I)
_PAST_WORD_BEFORE = re.compile(
    r"\b(?:last|past|previous|earlier|happy|black|cyber|every|since|yesterday)\s+$", re.I
)
_PAST_AFTER = re.compile(
    r"\s*(?:ago|later|went|was|were|had|has\s+been|have\s+been)\b"
    # A story told afterwards: "The next day, I received a text", "Two days later HR called".
    r"|,?\s+(?:I|we|he|she|they|HR|the\s+\w+|my\s+\w+|\[Name\]|\[Company\])\s+(?:\w+\s+)?"
    r"(?:received|got|heard|called|rang|e-?mailed|texted|sent|contacted|told|said|wrote|replied"
    r"|responded|asked|invited|offered|was|were|had)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n]|\b(?:and|but|however|although|though|whereas)\b", re.I)


def _is_past_reference(scan: str, i: int, j: int) -> bool:
    """True when the phrase at scan[i:j] refers back to a past event or is a greeting."""
    before = scan[max(0, i - 160) : i]
    if _PAST_WORD_BEFORE.search(before[-30:]):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    # The phrase itself joins in: "thanks for coming in today" has its lead "in" inside it.
    if _COURTESY.search(clause + scan[i:j]):
        return True
    verbs = list(_PAST_VERB.finditer(clause))
    if verbs and not _FUTURE_TURN.search(clause, verbs[-1].end()) \
            and not _CONDITION.search(clause, 0, verbs[-1].start()):
        return True
    return bool(_PAST_AFTER.match(scan, j, min(len(scan), j + 40)))


# A clause that looks back before a time phrase ("as discussed on Thursday", "the party was on
# the 15th").
_PAST_CLAUSE = re.compile(
    r"\b(?:thanks? (?:you )?for|thank you for|thnaks? for|cheers for|appreciate (?:you|your)|"
    r"enjoyed|great (?:chatting|talking|speaking|meeting)|lovely to (?:meet|chat|see)|"
    r"was|were|had|came|coming (?:in|down|over|by|up)|met|discussed|mentioned|spoke|"
    r"attended|visited|interviewed|sent|received|since|ago)\b"
    r"[^.!?;,\n—–]{0,40}$", re.IGNORECASE)
# An absence before it ("out of office until 2 June", "closed until Jan 4").
_AWAY_BEFORE = re.compile(
    r"\b(?:out of (?:the )?office|OOO|on (?:annual |parental |sick )?leave|away|on holiday|"
    r"on vacation|off sick|closed|closes|shut|shuts)\b[^.!?;,\n—–]{0,40}$", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|'ll|would|'d|shall|going to|expect|hope|plan|aim|should|hear|"
                     r"decide|decision|outcome|let you know|get back|be in touch|update|told|"
                     r"said|want|wants)\b", re.IGNORECASE)


def _clause_before(regex: re.Pattern[str], text: str, i: int) -> bool:
    clause = regex.search(text[max(0, i - 60):i])
    return clause is not None and not _FUTURE.search(clause.group())


def marks_absence(text: str, i: int) -> bool:
    """Whether the time phrase at text[i] is the end of an absence ("out of the office until
    3 December"), not the time of a decision."""
    return _clause_before(_AWAY_BEFORE, text, i)


def looks_back(text: str, i: int, j: int | None = None, *, absence: bool = True) -> bool:
    """Whether the time phrase at text[i:j] is about the past, a greeting, or (with `absence`)
    the end of an absence: anything but the time of a decision or the next contact."""
    if _clause_before(_PAST_CLAUSE, text, i) or (absence and marks_absence(text, i)):
        return True
    return _is_past_reference(text, i, j if j is not None else i)


# "Thanks for coming in on Tuesday", "great speaking with you yesterday": the day of the
# interview, told in the reply (English only).
_INTERVIEW_DAY = re.compile(
    # Only as thanks for it: "looking forward to speaking on Friday" is a day ahead.
    r"\b(?:thank\w*|great|nice|good|lovely|pleasure|enjoyed|appreciated?)\b[^.!?\n]{0,30}?"
    r"\b(?:coming\s+in|came\s+in|interview(?:ing)?|meeting|met|speaking|spoke|talking|talked|"
    r"chatting|chatted|your\s+time)\b(?:\s+(?:with|to)\s+(?:us|me|you|the\s+team|our\s+team))?"
    r"(?:\s+on)?\s+(?P<when>(?:last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day|yesterday|today|this\s+morning|this\s+afternoon|earlier\s+today)\b", re.IGNORECASE)


def interview_day(text: str, received: date) -> date | None:
    """The day the reply says the interview was, if it says so ("thanks for coming in on
    Tuesday" received on a Thursday: that Tuesday), else None. Never a day after `received`."""
    m = _INTERVIEW_DAY.search(text or "")
    if m is None:
        return None
    when = " ".join(m["when"].lower().split())
    if when == "yesterday":
        return received - timedelta(days=1)
    if when.startswith(("today", "this", "earlier")):
        return received
    weekday = _weekday(when.removeprefix("last "))
    back = (received.weekday() - weekday) % 7
    if when.startswith("last") and back == 0:
        back = 7
    return received - timedelta(days=back)
