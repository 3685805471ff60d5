from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from coach.dates import add_business_days
from coach.reading.interpret import describe_deadline
from coach.reading.plan import make_plan, to_ics
from coach.schemas import DeadlineInfo

THU = date(2026, 11, 26)
FRIDAY_WEEK = DeadlineInfo(phrase="by the end of next week", start=date(2026, 12, 3),
                           end=date(2026, 12, 4), label=describe_deadline(date(2026, 12, 3),
                                                                          date(2026, 12, 4)))


def kinds(plan) -> list[str | None]:
    return [s.email_kind for s in plan.steps]


def test_clear_timeline_follows_up_two_business_days_after_the_date() -> None:
    plan = make_plan("clear_timeline", THU, deadline=FRIDAY_WEEK, interview_date=THU)
    follow = [s for s in plan.steps if s.action.startswith("Follow up")]
    assert follow[0].on == add_business_days(date(2026, 12, 4), 2) == date(2026, 12, 8)
    assert any(s.on == date(2026, 12, 4) and "Decision expected" in s.action for s in plan.steps)
    assert "reply_to_timeline" in kinds(plan)


def test_vague_checks_in_after_about_a_week() -> None:
    plan = make_plan("vague", THU)
    follow = next(s for s in plan.steps if s.action.startswith("Follow up"))
    assert timedelta(days=6) <= follow.on - THU <= timedelta(days=8)
    assert follow.email_kind == "no_response_follow_up"


def test_immediate_confirms_within_24_hours_and_prepares() -> None:
    plan = make_plan("immediate", THU, next_step="skills_assessment")
    confirm = next(s for s in plan.steps if s.email_kind == "confirm_next_step")
    assert confirm.on - THU <= timedelta(days=1)
    assert any("Prepare for the assessment" == s.action for s in plan.steps)


def test_none_acknowledges_then_checks_back_in_two_to_three_weeks() -> None:
    plan = make_plan("none", THU)
    assert plan.steps[0].email_kind in ("thank_you", "reply_to_no_next_steps")
    follow = next(s for s in plan.steps if s.action.startswith("Follow up"))
    assert timedelta(days=14) <= follow.on - THU <= timedelta(days=21)


def test_rejection_replies_graciously_offers_feedback_and_keeps_the_door_open() -> None:
    plan = make_plan("rejection", THU)
    assert kinds(plan)[:2] == ["reply_to_rejection", "feedback_request"]
    assert "thank_you" not in kinds(plan)
    assert any("door open" in s.action for s in plan.steps)


@pytest.mark.parametrize("category", ["clear_timeline", "vague", "none"])
def test_a_stop_rule_follows_two_unanswered_follow_ups(category: str) -> None:
    plan = make_plan(category, THU, deadline=FRIDAY_WEEK if category == "clear_timeline" else None)
    nudges = ("no_response_follow_up", "date_passed")
    follow_ups = [s for s in plan.steps if s.email_kind in nudges]
    stop = [s for s in plan.steps if s.email_kind == "close_the_loop"]
    assert len(follow_ups) == 2 and len(stop) == 1
    assert stop[0].on > follow_ups[-1].on
    # After a stated date, the first nudge is the "date has passed" email.
    first = "date_passed" if category == "clear_timeline" else "no_response_follow_up"
    assert follow_ups[0].email_kind == first


def test_the_new_kinds_have_their_place_in_the_plans() -> None:
    from coach.reading.interpret import interpret

    rejected = make_plan("rejection", THU)
    assert any(s.email_kind == "re_approach" and (s.on - THU).days > 60 for s in rejected.steps)
    invited = interpret("We'd love you to meet the team. Are you free on Tuesday at 2pm?",
                        received=THU)
    call = [s for s in invited.plan.steps if s.email_kind == "missed_call"]
    assert call and call[0].on == invited.deadline.end


@pytest.mark.parametrize(
    ("interview", "thanked", "expected_on"),
    [(THU, False, THU), (THU - timedelta(days=1), False, THU),
     (THU - timedelta(days=5), False, THU), (None, False, THU), (THU, True, None)],
)
def test_thank_you_within_24_hours_unless_sent(interview, thanked, expected_on) -> None:
    plan = make_plan("vague", THU, interview_date=interview, thank_you_sent=thanked)
    thanks = [s for s in plan.steps if s.email_kind == "thank_you"]
    if expected_on is None:
        assert not thanks
    else:
        assert thanks[0].on == expected_on
        assert ("late is better" in thanks[0].action) == (interview == THU - timedelta(days=5))


@pytest.mark.parametrize("category", ["clear_timeline", "vague", "immediate", "none", "rejection"])
def test_every_plan_is_dated_ordered_sourced_and_on_weekdays(category: str) -> None:
    saturday = date(2026, 11, 28)
    plan = make_plan(category, saturday)  # type: ignore[arg-type]
    days = [s.on for s in plan.steps]
    assert days == sorted(days) and all(d >= saturday for d in days)
    assert all(s.source for s in plan.steps)
    later = [s for s in plan.steps if s.on > saturday]
    assert all(s.on.weekday() < 5 for s in later)


def test_ics_parses_back_with_events_and_reminders() -> None:
    plan = make_plan("clear_timeline", THU, deadline=FRIDAY_WEEK, interview_date=THU)
    calendar = Calendar.from_ical(to_ics(plan))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.steps)
    for event, step in zip(events, plan.steps, strict=True):
        assert event.decoded("dtstart") == step.on
        assert str(event["summary"]) == step.action
        assert list(event.walk("VALARM"))
    assert "Email to draft: no response follow up" in "".join(str(e["description"])
                                                              for e in events)


def test_a_freeze_until_an_undated_event_waits_weeks_and_guesses_no_date() -> None:
    from coach.reading.interpret import interpret

    received = date(2026, 12, 3)
    freeze = interpret("We are in a hiring freeze until the new financial year, so we will not "
                       "be moving forward for now.", received=received, thank_you_sent=True)
    assert freeze.category == "none" and freeze.deadline is None  # no 1 January invented
    follow = next(s for s in freeze.plan.steps if s.action.startswith("Follow up"))
    assert follow.on - received >= timedelta(days=35)  # not the two weeks of a short pause
    assert "new financial year" in follow.detail and "financial year" in follow.detail
    # A pause with a named end: the check-in comes just after it.
    dated = interpret("The role is on hold until the end of January while the budget is "
                      "finalised.", received=received, thank_you_sent=True)
    assert dated.deadline is not None
    first = next(s for s in dated.plan.steps if s.action.startswith("Follow up"))
    assert dated.deadline.end < first.on <= dated.deadline.end + timedelta(days=7)


def test_a_thank_you_two_days_after_the_interview_the_reply_names_is_late() -> None:
    """No interview date entered, but the reply says "coming in on Tuesday": received on a
    Thursday, the thank-you step says it is late (and is still the first step)."""
    from datetime import date

    from coach.dates.past import interview_day
    from coach.reading.interpret import interpret

    thursday = date(2026, 12, 3)
    assert interview_day("Thanks for coming in on Tuesday.", thursday) == date(2026, 12, 1)
    assert interview_day("Great speaking with you yesterday!", thursday) == date(2026, 12, 2)
    assert interview_day("Thanks for meeting with us last Thursday.", thursday) == \
        date(2026, 11, 26)
    assert interview_day("We'll decide on Tuesday.", thursday) is None  # no interview named
    assert interview_day("Looking forward to speaking on Friday.", thursday) is None  # ahead
    result = interpret("Thanks for coming in on Tuesday. We're still interviewing and will get "
                       "back to you by the end of next week.", received=thursday)
    first = result.plan.steps[0]
    assert first.email_kind == "thank_you" and "late" in first.action
    fresh = interpret("Thanks for coming in today. We'll get back to you by Friday.",
                      received=thursday)
    assert "late" not in fresh.plan.steps[0].action
