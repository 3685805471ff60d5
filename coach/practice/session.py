"""A practice session: the candidate's turns, the interviewer's streamed replies checked
against the hidden truth, coaching on every ask, and the session report."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from coach.errors import CoachError
from coach.feedback import AskModel, Assessment, Moment, assess
from coach.interview import (
    Scenario,
    interviewer_brief,
    interviewer_messages,
    opening,
    scripted_answer,
)
from coach.practice.checks import Violation, check_reply, said_last_question

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.store import Store
    from coach.voice import Delivery

MAX_TURN_CHARS = 2000
STAY_IN_CHARACTER = "Let's keep the focus on your questions about the role — what else would you "\
                    "like to know?"


class Turn(BaseModel):
    """One line of the conversation."""

    role: Literal["interviewer", "candidate"]
    text: str
    assessment: Assessment | None = None


class Session(BaseModel):
    """A practice interview in progress."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    scenario: Scenario
    turns: list[Turn] = Field(default_factory=list)
    invited: bool = False  # the interviewer has invited the candidate's questions
    answered: bool = False  # the interviewer has said what the next steps are
    regenerated: int = 0
    scripted: int = 0

    @property
    def moment(self) -> Moment:
        """Where the candidate's next message falls."""
        return "after_answer" if self.answered else "invited" if self.invited else "early"


def start(scenario: Scenario, store: Store | None = None, owner: str = "") -> Session:
    """A new session whose first line is the interviewer's wrap-up question."""
    session = Session(scenario=scenario.with_detail())
    session.turns.append(Turn(role="interviewer", text=opening(session.scenario)))
    if store is not None:
        store.create(session.id, session.scenario.model_dump(), owner)
        store.add_turn(session.id, 0, "interviewer", session.turns[0].text)
    return session


def resume(store: Store, session_id: str, owner: str = "") -> tuple[Session, str] | None:
    """The unfinished session `session_id` as it was saved (after a reload or a restart), with
    the candidate's last message if it never got its reply (to send again), or None when the
    session is unknown, finished or unreadable."""
    try:
        found = store.session(session_id, owner)
        if found is None or found[1]:
            return None
        turns = [Turn(role=t["role"], text=t["text"],
                      assessment=Assessment.model_validate(t["assessment"])
                      if t["assessment"] else None) for t in store.turns(session_id)]
        session = Session(id=session_id, scenario=Scenario.model_validate(found[0]),
                          turns=turns)
    except (ValueError, TypeError, KeyError):
        return None
    pending = ""
    if session.turns and session.turns[-1].role == "candidate":  # cut off before the reply
        pending = session.turns.pop().text
    if not session.turns:
        return None
    session.invited = len(session.turns) > 1
    session.answered = any(
        t.assessment is not None and {"next_steps", "timeline"} & set(t.assessment.asks)
        and i + 1 < len(session.turns) for i, t in enumerate(session.turns))
    return session, pending


def prefill(session: Session, model: ChatModel) -> None:
    """Have the model read the brief and the opening line now, while the candidate thinks
    about their answer: its prompt cache then holds them, and the first reply reads only
    the candidate's message (measured: 3.6 s of prompt reading moved off the first turn).
    Nothing is said; a failure here only means the first turn reads the brief itself."""
    messages = [{"role": "system", "content": interviewer_brief(session.scenario)},
                *_history(session)]
    try:
        model.complete(messages, max_tokens=1, temperature=0.0)
    except CoachError as exc:
        log.info("prefill skipped: %s", exc)


def _history(session: Session) -> list[dict[str, str]]:
    return [{"role": "assistant" if t.role == "interviewer" else "user", "content": t.text}
            for t in session.turns]


def _breaks(session: Session, reply: str, asked: bool) -> list[Violation]:
    """The invariants a reply would break at this point of the session (logged)."""
    said_last = said_last_question([t.text for t in session.turns if t.role == "interviewer"])
    found = check_reply(reply, session.scenario, asked_next_steps=asked,
                        said_last_question=said_last)
    for v in found:
        log.info("interviewer reply rejected (%s): %s", v.check, v.why)
    return found


def clip_turn(text: str) -> str:
    """A candidate's message as kept: trimmed; a huge paste keeps its start and its end (where
    a question usually is), MAX_TURN_CHARS in all."""
    text = text.strip()
    if len(text) <= MAX_TURN_CHARS:
        return text
    half = (MAX_TURN_CHARS - 3) // 2
    return text[:half].rstrip() + " … " + text[-half:].lstrip()


def take_turn(session: Session, text: str, model: ChatModel, *,
              ask_model: AskModel | None = None, store: Store | None = None,
              delivery: Delivery | None = None) -> Iterator[tuple[Assessment, str]]:
    """Coach the candidate's message and stream the interviewer's reply.

    Yields (assessment, reply so far); the last item holds the final reply, which replaces the
    streamed one when it contradicted the hidden truth or broke character. `delivery` is how
    the message was said, when it was spoken (it joins the assessment, and the report).
    """
    if not isinstance(text, str) or not text.strip():
        raise CoachError("Type what you would say to the interviewer.")
    text = clip_turn(text)
    assessment = assess(text, session.moment, already_answered=session.answered,
                        model=ask_model)
    if delivery is not None:
        assessment.delivery = delivery
    session.turns.append(Turn(role="candidate", text=text, assessment=assessment))
    if store is not None:
        store.add_turn(session.id, len(session.turns) - 1, "candidate", text,
                       assessment.model_dump(mode="json"))
    messages = interviewer_messages(session.scenario, _history(session), session.invited,
                                    model.context_window)
    reply = ""
    try:
        for piece in model.stream(messages, max_tokens=120, temperature=0.7):
            reply += piece
            yield assessment, reply
    except CoachError:
        if not reply:
            session.turns.pop()  # nothing was said back: the candidate can try again
            raise
    reply = reply.strip()
    asked = bool({"next_steps", "timeline"} & set(assessment.asks))
    if _breaks(session, reply, asked):
        session.regenerated += 1
        try:
            again = model.complete(messages, max_tokens=120, temperature=0.3).strip()
        except CoachError:
            if not reply:  # the model gave nothing at all: say so, keep the transcript as it was
                session.turns.pop()
                raise
            again = ""
        if again and not _breaks(session, again, asked):
            reply = again
        else:
            session.scripted += 1
            reply = scripted_answer(session.scenario) if asked else STAY_IN_CHARACTER
        yield assessment, reply
    if asked:
        session.answered = True
    session.invited = True
    session.turns.append(Turn(role="interviewer", text=reply))
    if store is not None:
        store.add_turn(session.id, len(session.turns) - 1, "interviewer", reply)


def interviewer_answer(session: Session) -> str | None:
    """The interviewer's reply to the candidate's first next-steps question, if any."""
    for i, turn in enumerate(session.turns):
        a = turn.assessment
        if a and {"next_steps", "timeline"} & set(a.asks) and i + 1 < len(session.turns):
            return session.turns[i + 1].text
    return None
