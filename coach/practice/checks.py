"""What the practice interviewer must never do, checked by code on every reply.

Each invariant is a named check; `check_reply` returns the ones a reply breaks. The session
regenerates a reply that breaks any, and falls back to a scripted in-character line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from coach.dates import find_deadline
from coach.errors import CoachError
from coach.interview import AGREES, Scenario

_FLAGS = re.IGNORECASE
# Giving the candidate the job, a start date, a salary or an offer: no hidden truth is an offer.
_AWARD = re.compile(
    r"\b(?:you(?:'re| are| have been| got| have got)\s+(?:been\s+)?(?:hired|selected|the\s+"
    r"(?:job|role|position))|you\s+got\s+(?:it|the\s+(?:job|role|position))"
    r"|(?:we|i)(?:'d| would| will|'ll)?\s+(?:like\s+to\s+|be\s+happy\s+to\s+|love\s+to\s+)?"
    r"(?:offer|extend)(?:ing)?\s+you\s+(?:the|this|a|an)\b"
    r"|(?:the\s+)?(?:job|role|position)\s+is\s+yours|welcome\s+(?:to|aboard)\b[^.?!]{0,20}team"
    r"|your\s+(?:start(?:ing)?\s+date|salary|compensation|offer\s+letter|employment\s+contract)"
    r"|start\s+date\s+(?:is|will\s+be|for)|salary\s+(?:is|will\s+be|of)|congratulations"
    r"|\[insert\s+date\]|(?:yes|absolutely)[,!.\s—-]+(?:you(?:'re|\s+are|\s+got|\s+have\s+got)"
    r"|the\s+(?:job|role|position)\s+is)\b)", _FLAGS)
# Speaking as the candidate, not to them.
_AS_CANDIDATE = re.compile(
    r"^\s*(?:candidate|me|you|user|interviewee)\s*:|\b(?:as\s+the\s+candidate|speaking\s+as\s+"
    r"(?:the\s+)?candidate)\b|\bi(?:'m| am)\s+(?:really\s+|very\s+)?(?:excited|keen|eager)\s+"
    r"(?:about|for)\s+(?:this|the)\s+(?:role|position|opportunity)|\bthank\s+you\s+for\s+"
    r"(?:having|interviewing)\s+me\b",
    _FLAGS | re.MULTILINE)
# Stepping out of the role: AI talk, the brief, refusals.
_OUT_OF_CHARACTER = re.compile(
    r"\b(?:as\s+an\s+ai|language\s+model|my\s+instructions|the\s+brief|system\s+prompt|"
    r"hidden\s+truth|i\s+am\s+an\s+assistant|role-?play|i(?:'m| am)\s+(?:sorry,?\s+(?:but\s+)?)?"
    r"(?:unable|not\s+able)\s+to\s+(?:assist|help)\s+with|i\s+can(?:'t|not)\s+(?:assist|help)"
    r"\s+with\s+that)\b", _FLAGS)
_LAST_QUESTION = re.compile(r"\b(?:last|final)\s+(?:question|one)\b", _FLAGS)


@dataclass(frozen=True)
class Violation:
    """An invariant a reply breaks, and why, in words for the log and the bench."""

    check: str
    why: str


@dataclass(frozen=True)
class Context:
    """What a check may look at besides the reply."""

    scenario: Scenario
    asked_next_steps: bool
    said_last_question: bool  # the interviewer already said it was their last question
    today: date
    category_of: Callable[[str], str | None]


def _awards_job(reply: str, ctx: Context) -> str | None:
    m = _AWARD.search(reply)
    return f"gives away the job or its terms (“{m.group()}”)" if m else None


def _speaks_as_candidate(reply: str, ctx: Context) -> str | None:
    m = _AS_CANDIDATE.search(reply)
    return f"speaks as the candidate (“{m.group().strip()}”)" if m else None


def _out_of_character(reply: str, ctx: Context) -> str | None:
    m = _OUT_OF_CHARACTER.search(reply)
    return f"steps out of the role (“{m.group()}”)" if m else None


def _timeline_is_the_truth(reply: str, ctx: Context) -> str | None:
    """A stated time must be the truth's own: the same calendar days, resolved, not only the
    same category (no date at all where the truth has none)."""
    said = find_deadline(reply, ctx.today)
    if said is None:
        return None
    truth = find_deadline(ctx.scenario.detail, ctx.today)
    if truth is None:
        if ctx.scenario.truth in ("vague", "none", "open_questions"):
            return f"states a time (“{said.phrase}”) where there is none"
        return None  # the truth's step has no date of its own ("the recruiter will ask")
    if (said.start, said.end) != (truth.start, truth.end) and not (
            truth.start <= said.start and said.end <= truth.end):
        return (f"states “{said.phrase}” ({said.start:%d %b}–{said.end:%d %b}); the truth is "
                f"“{truth.phrase}” ({truth.start:%d %b}–{truth.end:%d %b})")
    return None


def _answer_agrees(reply: str, ctx: Context) -> str | None:
    if not ctx.asked_next_steps or ctx.scenario.truth == "open_questions":
        return None
    category = ctx.category_of(reply)
    if category is None or category in AGREES[ctx.scenario.truth]:
        return None
    return f"reads as {category.replace('_', ' ')}, not the truth ({ctx.scenario.truth})"


# An interview question (about the candidate), as opposed to "any other questions for me?" or
# "does that help?".
_INTERVIEW_QUESTION = re.compile(
    r"\b(?:how\s+(?:would|do|did|have)\s+you|why\s+(?:do|did|would|are)\s+you|tell\s+me\s+about"
    r"|describe|walk\s+me\s+through|what\s+(?:would|do|did|is|are|was|were)\s+(?:you|your)"
    r"|can\s+you\s+(?:tell|describe|walk|give|share)\s+(?:me\s+)?(?:about|an?\s+example|how)"
    r"|have\s+you\s+(?:ever|had|worked))\b[^?]{0,160}\?", _FLAGS)


def _last_question_kept(reply: str, ctx: Context) -> str | None:
    if not ctx.said_last_question:
        return None
    m = _INTERVIEW_QUESTION.search(reply)
    return f"asks another question after the last one (“{m.group()}”)" if m else None


CHECKS: list[tuple[str, Callable[[str, Context], str | None]]] = [
    ("awards_job", _awards_job),
    ("speaks_as_candidate", _speaks_as_candidate),
    ("out_of_character", _out_of_character),
    ("timeline_is_the_truth", _timeline_is_the_truth),
    ("answer_agrees", _answer_agrees),
    ("last_question_kept", _last_question_kept),
]


def _category(reply: str) -> str | None:
    from coach.reading.interpret import interpret

    try:
        return interpret(reply, received=date.today()).category
    except CoachError:
        return None


def check_reply(reply: str, scenario: Scenario, *, asked_next_steps: bool,
                said_last_question: bool = False, today: date | None = None,
                category_of: Callable[[str], str | None] | None = None) -> list[Violation]:
    """The invariants this interviewer reply breaks (empty: the reply may be shown)."""
    if not reply.strip():
        return [Violation("empty", "says nothing")]
    ctx = Context(scenario.with_detail(), asked_next_steps, said_last_question,
                  today or date.today(), category_of or _category)
    out = []
    for name, check in CHECKS:
        why = check(reply, ctx)
        if why:
            out.append(Violation(name, why))
    return out


def said_last_question(texts: list[str]) -> bool:
    """Whether any of the interviewer's lines so far called a question the last one."""
    return any(_LAST_QUESTION.search(t) for t in texts)
