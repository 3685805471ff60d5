"""A dated follow-up plan for each kind of reply, grounded in the guide, and its .ics export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from coach.dates import add_business_days
from coach.schemas import Category, DeadlineInfo, EmailKind, NextStepKind, Plan, PlanStep

RESPONSES = "Inquiring About Next Steps › Exploring Different Types of Responses"
SOURCES = {
    "thank_you": "Post-Interview Follow-Up › Sending a Thank-You Email",
    "clear_timeline": f"{RESPONSES} › 1. Clear Timeline Provided",
    "vague": f"{RESPONSES} › 2. Vague or Indeterminate Responses",
    "none": f"{RESPONSES} › 4. No Clear Next Steps",
    "immediate": f"{RESPONSES} › 5. Immediate Next Steps",
    "feedback": "Post-Interview Follow-Up › Requesting Feedback on Your Interview Performance",
    "door_open": "Post-Interview Follow-Up › Final Thoughts on Post-Interview Follow-Up",
    "prepare": ("During the Interview › Inquiring About Next Steps for Candidates › "
                "What to Do with the Information You Receive"),
    "stop": "Handling Different Scenarios › If You Receive No Response › 3. Move On if Necessary",
    "missed": "Handling Different Scenarios › If You Receive No Response › 2. Be Understanding",
    "keep_door_open": ("Handling Different Scenarios › If You Receive a Negative Response › "
                       "3. Keep the Door Open"),
}
NEXT_STEP_WORDS: dict[str, str] = {
    "second_interview": "the next interview",
    "skills_assessment": "the assessment",
    "meet_the_team": "meeting the team",
    "reference_check": "the reference check",
    "offer_discussion": "the offer conversation",
    "none": "the next step",
}


# A pause tied to a budget, a financial year or a reorganisation: the first check-in is about
# six weeks (30 business days) on, not two.
LONG_HOLD_DAYS = 30


def business_day(d: date) -> date:
    """d, or the Monday after it when it falls on a weekend."""
    return d if d.weekday() < 5 else d + timedelta(days=7 - d.weekday())


def make_plan(
    category: Category,
    received: date,
    *,
    deadline: DeadlineInfo | None = None,
    interview_date: date | None = None,
    next_step: NextStepKind = "none",
    thank_you_sent: bool = False,
    acknowledgement: bool = False,
    no_reply: bool = False,
    long_hold: str = "",
) -> Plan:
    """The actions the guide recommends for this kind of reply, each with a date.

    An automated acknowledgement of an application gets no thank-you (there was no interview
    to thank for); a sender that takes no replies gets no email steps at all. `long_hold` is
    the phrase of a pause tied to something months off with no date ("until the new financial
    year"): its check-in waits weeks, not days, and no date is guessed for it."""
    steps: list[PlanStep] = []
    start = business_day(received)
    if acknowledgement and category in ("vague", "clear_timeline"):
        return _acknowledgement_plan(category, received, deadline, no_reply)
    if not thank_you_sent and category != "rejection":
        late = interview_date is not None and interview_date + timedelta(days=1) < received
        steps.append(PlanStep(
            on=received,
            action="Send a thank-you email" + (" (late is better than never)" if late else ""),
            detail="Within 24 hours of the interview: thank them, mention something specific "
                   "you discussed, and restate your interest.",
            email_kind="thank_you", source=SOURCES["thank_you"]))

    def follow_ups(first: date, gap_days: int, why: str, source: str,
                   first_kind: EmailKind = "no_response_follow_up") -> None:
        second = add_business_days(first, gap_days)
        steps.append(PlanStep(on=first, action="Follow up if you have not heard back",
                              detail=why, email_kind=first_kind, source=source))
        steps.append(PlanStep(on=second, action="Second and last follow-up",
                              detail="One short, friendly check-in; restate your interest.",
                              email_kind="no_response_follow_up", source=source))
        steps.append(PlanStep(
            on=add_business_days(second, 5), action="Close the loop and move on",
            detail="Two follow-ups without an answer is enough: send one last gracious note, "
                   "then stop writing and keep applying elsewhere; the door stays open if they "
                   "come back to you.", email_kind="close_the_loop", source=SOURCES["stop"]))

    if category == "clear_timeline":
        expected = deadline.end if deadline else add_business_days(start, 5)
        steps.append(PlanStep(
            on=received, action="Note the date they gave",
            detail=(f"They said {deadline.phrase!r}: {deadline.label}." if deadline else
                    "They gave a time frame: put it in your calendar.")
            + " Ask, if you have not, whether following up after that date is welcome.",
            email_kind="reply_to_timeline", source=SOURCES["clear_timeline"]))
        steps.append(PlanStep(on=expected, action="Decision expected",
                              detail="No action needed today; check your inbox and spam folder.",
                              source=SOURCES["clear_timeline"]))
        follow_ups(add_business_days(expected, 2), 5,
                   "Two to three business days after the date they gave: a polite note "
                   "asking whether there is an update.", SOURCES["clear_timeline"],
                   "date_passed")
    elif category == "vague":
        follow_ups(add_business_days(start, 5), 5,
                   "About a week on: thank them again, say you remain interested, and ask "
                   "whether they can share a timeline.", SOURCES["vague"])
    elif category == "immediate":
        step_words = NEXT_STEP_WORDS[next_step]
        steps.append(PlanStep(
            on=received, action="Reply within 24 hours to confirm",
            detail=f"Say you are glad to move forward with {step_words} and give your "
                   "availability (two or three concrete slots) or what they asked for.",
            email_kind="confirm_next_step", source=SOURCES["immediate"]))
        steps.append(PlanStep(
            on=add_business_days(start, 1) if received.weekday() < 5 else start,
            action=f"Prepare for {step_words}",
            detail="Review the role, your notes from this interview and the questions you "
                   "want to ask next time.", source=SOURCES["prepare"]))
        if deadline is not None:
            steps.append(PlanStep(
                on=deadline.end, action=f"If {step_words} does not take place",
                detail=f"They proposed {deadline.phrase!r} ({deadline.label}). If it falls "
                       "through on their side, a short note without blame, offering two or "
                       "three new times, keeps it moving.",
                email_kind="missed_call", source=SOURCES["missed"]))
        steps.append(PlanStep(
            on=add_business_days(start, 3), action="Nudge if the invitation has not arrived",
            detail="If nothing was scheduled yet, a one-line note keeps it moving.",
            email_kind="no_response_follow_up", source=SOURCES["immediate"]))
    elif category == "none":
        steps.append(PlanStep(
            on=received, action="Acknowledge graciously",
            detail="Thank them for being open about it, say you understand and that you are "
                   "still interested if things change.",
            email_kind="reply_to_no_next_steps", source=SOURCES["none"]))
        if deadline is not None:  # a pause with an end they named
            follow_ups(add_business_days(business_day(deadline.end), 2), 10,
                       f"They said {deadline.phrase!r} ({deadline.label}): a couple of "
                       "business days after that, ask briefly whether hiring has reopened.",
                       SOURCES["none"])
        elif long_hold:
            follow_ups(add_business_days(start, LONG_HOLD_DAYS), 20,
                       f"They said {long_hold!r}, with no date: a pause like that rarely lifts "
                       "within weeks, so ask once, about six weeks on, whether hiring has "
                       "reopened. If you know when their financial year or budget starts, "
                       "move this step to just after it.", SOURCES["none"])
        else:
            follow_ups(add_business_days(start, 12), 10,
                       "Two to three weeks on: ask briefly whether the role has moved.",
                       SOURCES["none"])
    else:  # rejection
        steps.append(PlanStep(
            on=received, action="Reply graciously",
            detail="Thank them for their time and the decision, and say you would welcome "
                   "future openings. Keep it short and warm.",
            email_kind="reply_to_rejection", source=SOURCES["door_open"]))
        steps.append(PlanStep(
            on=add_business_days(start, 2), action="Ask for feedback (optional)",
            detail="One or two specific questions; many companies do not give feedback, and "
                   "that says nothing about you.",
            email_kind="feedback_request", source=SOURCES["feedback"]))
        steps.append(PlanStep(
            on=add_business_days(start, 60), action="Keep the door open",
            detail="If a similar role opens, apply and mention your earlier interview, or "
                   "write to ask to be considered.",
            email_kind="re_approach", source=SOURCES["keep_door_open"]))
    if no_reply:
        steps = [s.model_copy(update={
            "email_kind": None,
            "detail": s.detail + " This sender takes no replies: write to the recruiter or "
                      "interviewer directly if you have their address."})
            if s.email_kind else s for s in steps]
    steps.sort(key=lambda s: s.on)
    return Plan(steps=steps)


def _acknowledgement_plan(category: Category, received: date, deadline: DeadlineInfo | None,
                          no_reply: bool) -> Plan:
    start = business_day(received)
    expected = deadline.end if deadline else add_business_days(start, 10)
    steps = [PlanStep(
        on=received, action="Nothing to send: this is an automated acknowledgement",
        detail="Your application arrived and is waiting to be reviewed"
               + (f"; they said {deadline.phrase!r} ({deadline.label})." if deadline else ".")
               + (" The sender takes no replies." if no_reply else ""),
        source=SOURCES["vague"])]
    later = add_business_days(expected, 2) if category == "clear_timeline" else expected
    steps.append(PlanStep(
        on=later, action="Check the application portal",
        detail="If the status has not moved, a short note to a named recruiter (not the "
               "no-reply address) is fine; otherwise keep applying elsewhere.",
        email_kind=None if no_reply else "no_response_follow_up", source=SOURCES["vague"]))
    return Plan(steps=steps)


def to_ics(plan: Plan, *, title_prefix: str = "", reminder_hour: int = 9) -> bytes:
    """The plan as an iCalendar file: all-day events with a reminder on the morning."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Next Steps Coach//follow-up plan//EN")
    calendar.add("version", "2.0")
    stamp = datetime.now(UTC)
    for n, step in enumerate(plan.steps):
        event = Event()
        event.add("uid", f"{step.on.isoformat()}-{n}@next-steps-coach")
        event.add("dtstamp", stamp)
        event.add("summary", f"{title_prefix}{step.action}")
        event.add("dtstart", step.on)
        event.add("dtend", step.on + timedelta(days=1))
        description = step.detail
        if step.email_kind:
            description += f"\nEmail to draft: {step.email_kind.replace('_', ' ')}"
        if step.source:
            description += f"\nFrom the guide: {step.source}"
        event.add("description", description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.action)
        alarm.add("trigger", timedelta(hours=reminder_hour))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
