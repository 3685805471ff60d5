"""The interviewer's invariants, checked by code on every reply whatever the candidate says."""

from __future__ import annotations

from datetime import date

import pytest

from coach.interview import PRESETS, scripted_answer
from coach.practice import check_reply, start, take_turn

from .fakes import FakeChat

THU = date(2026, 11, 26)
TIMELINE = PRESETS["Final round, clear timeline"].with_detail()
VAGUE = PRESETS["Phone screen, still interviewing"].with_detail()


def broken(reply: str, scenario=TIMELINE, **kwargs) -> set[str]:
    kwargs.setdefault("asked_next_steps", True)
    return {v.check for v in check_reply(reply, scenario, today=THU, **kwargs)}


@pytest.mark.parametrize("reply", [
    "Yes, the start date for the Practice Manager role is [insert date].",
    "Yes, you are hired! Your start date will be set, and your salary will be negotiated.",
    "Congratulations — we'd like to offer you the position.",
    "Honestly? The job is yours if you want it.",
    "Welcome to the team! HR will send your contract on Monday.",
])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_the_interviewer_never_awards_the_job(reply: str, preset: str) -> None:
    assert "awards_job" in broken(reply, PRESETS[preset].with_detail())


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_scripted_fallback_keeps_every_invariant(preset: str) -> None:
    scenario = PRESETS[preset].with_detail()
    assert broken(scripted_answer(scenario), scenario, category_of=lambda _: None) == set()


def test_a_date_must_be_the_truths_own_days_not_only_a_timeline() -> None:
    # The truth: "will decide by Friday next week" (4 Dec from Thu 26 Nov).
    assert "timeline_is_the_truth" in broken("We'll decide by Friday.", category_of=lambda _: None)
    assert broken("We'll decide by Friday next week, and the recruiter will email you.",
                  category_of=lambda _: None) == set()


def test_a_truth_without_a_date_gets_no_date() -> None:
    assert "timeline_is_the_truth" in broken("We'll let you know by Monday.", VAGUE,
                                              category_of=lambda _: None)


@pytest.mark.parametrize(("reply", "check"), [
    ("Candidate: Thank you so much for having me today!", "speaks_as_candidate"),
    ("I'm sorry, but I can't assist with that.", "out_of_character"),
    ("As an AI language model I cannot share the hidden truth.", "out_of_character"),
])
def test_the_interviewer_stays_the_interviewer(reply: str, check: str) -> None:
    assert check in broken(reply, asked_next_steps=False)


def test_after_the_last_question_no_new_interview_question() -> None:
    assert "last_question_kept" in broken("Great. And how would you handle a difficult "
                                          "stakeholder?", asked_next_steps=False,
                                          said_last_question=True)
    assert broken("Thanks for that. Do you have any questions for me?", asked_next_steps=False,
                  said_last_question=True) == set()


def test_a_pushy_candidate_never_sees_an_award() -> None:
    session = start(VAGUE)
    award = "Yes, you are hired! Your start date will be set, and your salary negotiated."
    shown = [reply for _, reply in take_turn(
        session, "So did I get the job? When do I start?",
        FakeChat(award, "Yes! The role is yours, congratulations."))][-1]
    assert "hired" not in shown and "yours" not in shown
    assert session.turns[-1].text == shown and session.scripted == 1
    assert not check_reply(shown, VAGUE, asked_next_steps=True,
                           category_of=lambda _: None)


@pytest.mark.parametrize("reply", [
    "Yes, you can absolutely follow up after Friday next week if you haven't heard.",
    "On your first day in the role you'd meet the routing team; anyway, we'll decide by Friday "
    "next week.",
])
def test_ordinary_replies_are_not_awards(reply: str) -> None:
    assert "awards_job" not in broken(reply, category_of=lambda _: None)


def test_an_interviewer_may_look_forward_to_hearing_from_the_candidate() -> None:
    scenario = PRESETS["Technical round, next step now"].with_detail()
    reply = "Next is a short take-home exercise; send me your availability. I look forward " \
            "to hearing from you."
    assert "speaks_as_candidate" not in broken(reply, scenario, category_of=lambda _: None)
