"""The tracker's actions: interviews with a debrief, replies read and confirmed, emails marked
sent, and what falls due, with the stop rule.

Nothing a reply says changes an application until the user confirms the reading: a reply is
kept as a pending event with its reading; confirming it (or another reading the user picks)
turns the reading's plan into the application's dated steps.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parseaddr

from coach.applications.importing import Match, Message
from coach.applications.models import (
    SILENCE_DAYS,
    STAGE_LABELS,
    Application,
    DueItem,
    Duration,
    Event,
    Stage,
    Status,
    Step,
)
from coach.applications.store import ApplicationStore
from coach.errors import InputError
from coach.schemas import Category, EmailKind, Interpretation

# interpret(text, received, interview_date, thank_you_sent, choose, owner) -> Interpretation
# (the owner's own corrections of readings apply)
Interpret = Callable[[str, date, date | None, bool, Category | None, str], Interpretation]
NUDGES: frozenset[str] = frozenset({"no_response_follow_up", "date_passed"})
FINAL: frozenset[str] = frozenset({"close_the_loop", "withdraw"})  # after these: quiet
MAX_NUDGES = 2
# Replies to something said in person: nothing to reply to (the thank-you carries it).
IN_PERSON: frozenset[str] = frozenset({"reply_to_timeline", "confirm_next_step",
                                       "reply_to_rejection", "reply_to_no_next_steps"})


def _key(action: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", action.lower()).strip("-")[:48] or "step"


def steps_from(app_id: int, event: Event) -> list[Step]:
    """The reading's plan as the application's steps (keys stable across readings)."""
    reading = event.reading
    if reading is None:
        return []
    phrase = (reading.deadline.phrase if reading.deadline else
              reading.evidence[0] if reading.evidence else "")
    out: list[Step] = []
    seen: dict[str, int] = {}
    for step in reading.plan.steps:
        key = _key(step.action.split(" (")[0])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        out.append(Step(uid=f"app{app_id}-{key}@next-steps-coach", application_id=app_id,
                        key=key, on=step.on, action=step.action, why=step.detail,
                        phrase=phrase[:200], email_kind=step.email_kind, event_id=event.id))
    return out


@dataclass
class Imported:
    """One imported message: its match, the pending reply made of it (None: no application
    matched, or `duplicate`: imported before)."""

    match: Match
    event: Event | None
    duplicate: bool


def _interview_before(events: list[Event], day: date) -> Event | None:
    """The last interview held on or before `day`."""
    before = [e for e in events if e.kind == "interview" and e.on <= day]
    return max(before, key=lambda e: (e.on, e.id)) if before else None


def _stage_after(interview: Event | None) -> Stage:
    """The stage a reply answers: its interview's, or the application itself."""
    return (interview.stage or "interview") if interview else "applied"


def status_of(due: date, today: date) -> Status:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "this week" if due <= today + timedelta(days=7) else "later"


class Tracker:
    """Applications, their events and steps, for one owner at a time."""

    def __init__(self, store: ApplicationStore, interpret: Interpret) -> None:
        self.store = store
        self.interpret = interpret

    # -- events ------------------------------------------------------------------------------
    def add_interview(self, app_id: int, on: date, debrief: str = "", owner: str = "",
                      stage: Stage | None = None) -> Event:
        """An interview held; a debrief (what they said about next steps) is read and its plan
        becomes the steps at once (the user's own words need no confirmation)."""
        app = self.store.get(app_id, owner)
        stage = stage or (app.stage if app.stage not in ("applied", "closed") else "interview")
        dates = sorted({*app.interview_dates, on})
        self.store.update(app_id, owner, interview_dates=dates, stage=stage)
        reading = None
        if debrief.strip():
            reading = self.interpret(debrief, on, on, self._thanked(app_id, owner, on), None,
                                     owner)
        event = self.store.add_event(Event(application_id=app_id, kind="interview", on=on,
                                           text=debrief.strip(), reading=reading, stage=stage),
                                     owner)
        if reading is not None and reading.plan.steps:
            # Said in person: there is no message to reply to (the thank-you asks instead).
            steps = [s for s in steps_from(app_id, event) if s.email_kind not in IN_PERSON]
            self.store.replace_steps(app_id, steps, owner)
        return event

    def add_reply(self, app_id: int, text: str, received: date, owner: str = "", *,
                  sender: str = "", subject: str = "", confirm: bool = False) -> Event:
        """A reply, read and kept pending (unless `confirm`): the plan does not change yet."""
        if not text.strip():
            raise InputError("The reply is empty: paste what they wrote.")
        app = self.store.get(app_id, owner)
        before = [d for d in app.interview_dates if d <= received]
        reading = self.interpret(text, received, max(before) if before else None,
                                 self._thanked(app_id, owner, received), None, owner)
        event = self.store.add_event(Event(application_id=app_id, kind="reply", on=received,
                                           text=reading.text, reading=reading, pending=True,
                                           sender=sender, subject=subject), owner)
        return self.confirm(event.id, owner) if confirm else event

    def confirm(self, event_id: int, owner: str = "", category: Category | None = None,
                app_id: int | None = None) -> Event:
        """The user accepts the reading (or picks `category`): the plan becomes the steps."""
        event = self.store.event(event_id, owner)
        if event.kind != "reply" or event.reading is None:
            raise InputError(f"Event {event_id} is not a reply to confirm.")
        target = app_id or event.application_id
        reading = event.reading
        if category is not None and category != reading.category:
            reading = self.interpret(event.text, event.on, reading.interview_date,
                                     self._thanked(target, owner, event.on), category, owner)
        event = self.store.update_event(event_id, owner, pending=False, reading=reading,
                                        application_id=target)
        if self.superseded(event, owner):
            return event  # kept as history: the newer reading's plan stands
        self.store.replace_steps(target, steps_from(target, event), owner)
        if reading.category == "rejection":
            self.store.update(target, owner, stage="closed")
        return event

    def dismiss(self, event_id: int, owner: str = "") -> None:
        """Drop a pending reply (not this application's, or not worth keeping)."""
        event = self.store.event(event_id, owner)
        if not event.pending:
            raise InputError("Only a reply waiting for confirmation can be dismissed.")
        self.store.delete_event(event_id, owner)

    def import_messages(self, messages: list[Message], today: date, owner: str = "",
                        to: int | None = None, new: bool = False) -> list[Imported]:
        """Each message matched (or filed under `to`), read and kept pending; a message
        already imported is skipped. With `new`, a message no application matches starts one
        (company from the sender, role from the subject: both editable)."""
        from coach.applications.importing import company_guess, match, role_guess

        apps = self.store.applications(owner)
        target = self.store.get(to, owner) if to is not None else None
        out = []
        for message in messages:
            found = Match(message, target, "filed by you") if target else match(message, apps)
            company = company_guess(message) if found.application is None and new else ""
            if company:
                created = self.store.add(Application(
                    company=company, role=role_guess(message),
                    contact_name=parseaddr(message.sender)[0][:200],
                    contact_email=parseaddr(message.sender)[1][:320]), owner)
                apps.append(created)
                found = Match(message, created, "a new application from this message")
            if found.application is None:
                out.append(Imported(found, None, False))
                continue
            app_id = found.application.id
            day = message.received or today
            known = any(e.kind == "reply" and e.on == day and e.sender == message.sender
                        and e.subject == message.subject
                        for e in self.store.events(app_id, owner))
            if known:
                out.append(Imported(found, None, True))
                continue
            event = self.add_reply(app_id, message.text or message.subject or "(empty)", day,
                                   owner, sender=message.sender, subject=message.subject)
            out.append(Imported(found, event, False))
        return out

    def mark_sent(self, app_id: int, kind: EmailKind, on: date, owner: str = "",
                  text: str = "") -> Event:
        """The user sent an email: it is recorded, and the earliest open step for it is done."""
        event = self.store.add_event(Event(application_id=app_id, kind="sent", on=on,
                                           email_kind=kind, text=text.strip()), owner)
        open_steps = [s for s in self.store.steps(owner, app_id)
                      if not s.done and s.email_kind == kind]
        if kind in NUDGES and not open_steps:  # a nudge of another wording fills a nudge step
            open_steps = [s for s in self.store.steps(owner, app_id)
                          if not s.done and s.email_kind in NUDGES]
        if open_steps:
            self.store.set_done(open_steps[0].uid, owner=owner)
        return event

    def add_note(self, app_id: int, text: str, on: date, owner: str = "") -> Event:
        if not text.strip():
            raise InputError("The note is empty.")
        return self.store.add_event(Event(application_id=app_id, kind="note", on=on,
                                          text=text.strip()[:5000]), owner)

    def _thanked(self, app_id: int, owner: str, by: date) -> bool:
        return any(e.kind == "sent" and e.email_kind == "thank_you" and e.on <= by
                   for e in self.store.events(app_id, owner))

    # -- due ---------------------------------------------------------------------------------
    @staticmethod
    def _last_word(events: list[Event]) -> tuple[date, int]:
        """When they last spoke (a confirmed reply, or an interview), in (date, order) form:
        the same day, what was recorded later is later."""
        return max(((e.on, e.id) for e in events
                    if e.kind in ("reply", "interview") and not e.pending),
                   default=(date.min, 0))

    def quiet(self, app: Application, events: list[Event]) -> bool:
        """No more nudges: the last note was sent since they last spoke, or it is archived."""
        if app.archived:
            return True
        last = self._last_word(events)
        return any(e.kind == "sent" and e.email_kind in FINAL and (e.on, e.id) > last
                   for e in events)

    def superseded(self, event: Event, owner: str = "") -> bool:
        """A newer confirmed reply or interview already sets this application's plan."""
        others = [e for e in self.store.events(event.application_id, owner) if e.id != event.id]
        return self._last_word(others) > (event.on, event.id)

    def due(self, today: date, owner: str = "", silence: dict[Stage, int] | None = None,
            horizon: int = 7) -> list[DueItem]:
        """Open steps up to `horizon` days ahead (and overdue ones), across applications, and a
        nudge for each application silent past its stage's limit; the stop rule holds: at most
        two nudges after a stated date, then the close-the-loop note, then quiet."""
        limits = self.limits(owner) | (silence or {})
        items: list[DueItem] = []
        for app in self.store.applications(owner):
            events = self.store.events(app.id, owner)
            if self.quiet(app, events):
                continue
            steps = [s for s in self.store.steps(owner, app.id) if s.email_kind]
            open_steps = [s for s in steps if not s.done]
            for step in open_steps:
                if step.on <= today + timedelta(days=horizon):
                    items.append(DueItem(application=app.id, label=app.label, due=step.on,
                                         kind=step.email_kind, action=step.action,
                                         why=step.why, phrase=step.phrase,
                                         status=status_of(step.on, today), uid=step.uid))
            if open_steps or app.stage in ("closed", "offer"):
                continue
            item = self._silence(app, events, today, limits)
            if item is not None:
                items.append(item)
        order = {"overdue": 0, "today": 1, "this week": 2, "later": 3}
        items.sort(key=lambda i: (order[i.status], i.due, i.label))
        return items

    def limits(self, owner: str = "") -> dict[Stage, int]:
        """Days of silence per stage before a nudge: the defaults with the user's changes."""
        saved = self.store.silence(owner)
        return {stage: saved.get(stage, days) for stage, days in SILENCE_DAYS.items()}

    def _silence(self, app: Application, events: list[Event], today: date,
                 limits: dict[Stage, int]) -> DueItem | None:
        limit = limits.get(app.stage, 0)
        if limit <= 0:
            return None
        confirmed = [e for e in events if not e.pending]
        last = max(confirmed, key=lambda e: (e.on, e.id), default=None)
        since = last.on if last else date.fromisoformat(app.created[:10])
        due = since + timedelta(days=limit)
        if due > today:
            return None
        last_word = self._last_word(confirmed)
        nudges = sum(e.kind == "sent" and e.email_kind in NUDGES and (e.on, e.id) > last_word
                     for e in confirmed)
        kind: EmailKind = "close_the_loop" if nudges >= MAX_NUDGES else \
            "no_response_follow_up"
        what = (f"the {last.kind.replace('_', ' ')} on {last.on:%a %d %b}" if last
                else "you applied")
        why = (f"No word for {(today - since).days} days since {what}; the silence limit "
               f"for “{STAGE_LABELS[app.stage]}” is {limit} days.")
        why += (" Two nudges have gone unanswered: send one last note, then let it rest."
                if kind == "close_the_loop" else
                f" Nudge {nudges + 1} of {MAX_NUDGES}: a short, friendly check-in.")
        phrase = (last.text[:120] if last and last.kind in ("reply", "interview") else "")
        return DueItem(application=app.id, label=app.label, due=due, kind=kind,
                       action="Close the loop" if kind == "close_the_loop" else "Follow up",
                       why=why, phrase=phrase, status=status_of(due, today),
                       uid=f"app{app.id}-silence-{due.isoformat()}@next-steps-coach")

    # -- the user's own numbers --------------------------------------------------------------
    def durations(self, owner: str = "") -> list[Duration]:
        """For each confirmed reply: days since the interview before it (or the application)."""
        out: list[Duration] = []
        for app in self.store.applications(owner, archived=True):
            events = self.store.events(app.id, owner)
            for reply in (e for e in events if e.kind == "reply" and not e.pending):
                start = _interview_before(events, reply.on)
                began = start.on if start else date.fromisoformat(app.created[:10])
                out.append(Duration(stage=_stage_after(start), company=app.company,
                                    days=max(0, (reply.on - began).days)))
        return out

    def wait_beside(self, event: Event, owner: str = "") -> str | None:
        """For a vague reading: how long the user's replies after the same stage took."""
        if event.reading is None or event.reading.category != "vague":
            return None
        start = _interview_before(self.store.events(event.application_id, owner), event.on)
        return self.typical_wait(_stage_after(start), owner)

    def typical_wait(self, stage: Stage, owner: str = "") -> str | None:
        """'Your replies after a final round took 6–9 days (3 replies).', from at least two."""
        days = sorted(d.days for d in self.durations(owner) if d.stage == stage)
        if len(days) < 2:
            return None
        low, high = days[0], days[-1]
        if len(days) >= 4:  # the middle half, so one odd wait does not set the range
            q = statistics.quantiles(days, n=4)
            low, high = round(q[0]), round(q[2])
        span = f"{low} days" if low == high else f"{low}–{high} days"
        after = "an application" if stage == "applied" else f"a {STAGE_LABELS[stage].lower()}"
        return f"Your replies after {after} took {span} ({len(days)} replies)."

