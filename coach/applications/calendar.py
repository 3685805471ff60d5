"""One iCalendar feed of every open step: stable UIDs, SEQUENCE bumped when a date moves, and a
reminder on the morning of each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coach.applications.models import Application, Step


def feed(steps: list[Step], apps: dict[int, Application], *, reminder_hour: int = 9) -> bytes:
    """The open steps of the given applications as one calendar (all-day events)."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Next Steps Coach//applications//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Next Steps Coach")
    stamp = datetime.now(UTC)
    for step in steps:
        app = apps.get(step.application_id)
        if app is None or app.archived or step.done:
            continue
        event = Event()
        event.add("uid", step.uid)
        event.add("sequence", step.sequence)
        event.add("dtstamp", stamp)
        event.add("summary", f"{app.company}: {step.action}")
        event.add("dtstart", step.on)
        event.add("dtend", step.on + timedelta(days=1))
        lines = [step.why]
        if step.phrase:
            lines.append(f"They said: “{step.phrase}”")
        if step.email_kind:
            lines.append(f"Email to draft: {step.email_kind.replace('_', ' ')} "
                         f"(Next Steps Coach, Write tab)")
        lines.append(f"Application: {app.label}")
        event.add("description", "\n".join(lines))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{app.company}: {step.action}")
        alarm.add("trigger", timedelta(hours=reminder_hour))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
