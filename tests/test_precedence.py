"""The named precedence rules: what each settles, and what it must leave to the others."""

from __future__ import annotations

from datetime import date

import pytest

from coach.reading.precedence import PRECEDENCE, decide
from coach.reading.signals import read_signals

RECEIVED = date(2026, 11, 26)


def rule_for(text: str, language: str = "en") -> str | None:
    rule = decide(read_signals(text, RECEIVED, language))
    return rule.name if rule else None


def test_rule_names_are_unique() -> None:
    names = [r.name for r in PRECEDENCE]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("text", "language"), [
    ("He said he would call me that night to reschedule for tomorrow.", "en"),
    ("I'd receive a call the following morning to reschedule.", "en"),
    ("She told me they would make a decision by the end of next week.", "en"),
    ("We will get back to you by Friday.", "en"),
    ("Ficaram de me ligar no correr desta semana.", "pt"),
    ("La responsable m'informe qu'elle reviendra vers moi en fin de semaine.", "fr"),
    ("Nos dijeron que nos confirmaban por teléfono la semana que viene.", "es"),
])
def test_a_contact_promised_by_a_time_is_a_timeline(text: str, language: str) -> None:
    assert rule_for(text, language) == "promised_by_a_time"


@pytest.mark.parametrize("text", [
    "Are you free on Monday for a second interview?",  # being booked now
    "We would like to invite you to a final interview on Friday.",  # no promise to call
    # The time sits in another clause than the promise.
    "They suggested I would hear from them fairly quickly, but today nothing came.",
    "We have decided not to move forward; we will call you on Friday to explain.",
])
def test_a_booking_a_rejection_or_a_time_elsewhere_is_no_promise_by_a_time(text: str) -> None:
    assert rule_for(text) != "promised_by_a_time"


@pytest.mark.parametrize(("text", "language"), [
    ("They said they'd call us for a final interview.", "en"),
    ("Thanks for coming in. We'll be in touch.", "en"),
    ("Me dice que se pondrán en contacto conmigo.", "es"),
])
def test_a_contact_promised_without_a_time_is_vague(text: str, language: str) -> None:
    assert rule_for(text, language) == "promised_without_a_time"


@pytest.mark.parametrize("text", [
    "We'll be in touch by Friday.",  # a time: the timeline rule
    "We'll be in touch to find a time for your references; which days suit you?",
    "They said they would hear back by last week, but nothing yet.",  # a stated time, now past
    # The step is offered now; the promised call only sets it up.
    "We would like to invite you to a final interview. Our coordinator will contact you.",
    "Congratulations, you have moved to the next round! A recruiter will reach out.",
])
def test_a_time_or_a_request_is_not_a_bare_promise(text: str) -> None:
    assert rule_for(text) != "promised_without_a_time"


@pytest.mark.parametrize(("text", "rule"), [
    ("Finances aren't what they expected and they can't hire the position till January.",
     "hiring_paused"),
    ("The University has decided to defer this search until the fall.", "hiring_paused"),
    ("The position is contingent upon award of the contract.", "hiring_paused"),
    ("Got an email saying the position had been de-funded and the search cancelled.",
     "role_gone"),
    ("After reviewing your application, we have decided to pursue another candidate.",
     "not_moving_forward"),
    ("Daher sagen wir dir heute ab.", "not_moving_forward"),
])
def test_paused_gone_and_rejected(text: str, rule: str) -> None:
    language = "de" if "wir" in text else "en"
    assert rule_for(text, language) == rule


@pytest.mark.parametrize("text", [
    "Great news: they want a second interview with me on the 20th.",
    "The interview date is Tuesday the 28th, so I have a week to prepare.",
    "Rendez-vous fut pris pour mercredi.",
])
def test_an_interview_set_for_a_day_is_immediate(text: str) -> None:
    assert rule_for(text, "fr" if "pour" in text else "en") == "meeting_set_for_a_day"


@pytest.mark.parametrize("text", [
    "She said she would be making up her mind by Monday.",  # a decision, not a meeting
    "I had an interview on Monday and still nothing.",  # the past
    "If you pass the test, the interview would be on Friday.",  # a condition
])
def test_a_decision_a_past_interview_or_a_condition_is_no_meeting(text: str) -> None:
    assert rule_for(text) != "meeting_set_for_a_day"
