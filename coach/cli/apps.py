"""`coach apps`: the applications tracker from the terminal (each command also takes --json)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

import coach.cli as root
from coach.applications import STAGE_LABELS, STAGES, Application, DueItem, Event
from coach.applications.models import Stage
from coach.errors import InputError
from coach.schemas import CATEGORIES, CATEGORY_LABELS, EmailKind

apps_cli = typer.Typer(help="Your applications: interviews, replies, reminders and drafts in "
                       "one place.", no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AppId = Annotated[int, typer.Argument(help="The application's id (`coach apps list`).")]


def _owner() -> str:
    return ""  # the command line is the local user; COACH_AUTH users are the web app's


def _stage(value: str | None) -> Stage | None:
    if value is None:
        return None
    if value not in STAGES:
        raise InputError(f"--stage takes one of: {', '.join(STAGES)}.")
    return value


def _kind(value: str) -> EmailKind:
    kinds = get_args(EmailKind)
    if value not in kinds:
        raise InputError(f"Unknown email kind {value!r}: `coach email --kinds` lists them.")
    return value  # type: ignore[return-value]


def _today(value: str | None) -> date:
    return root._date(value, "--today") or root._services().today()


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _line(app: Application) -> str:
    dates = ", ".join(f"{d:%d %b}" for d in app.interview_dates)
    return (f"{app.id:>4}  {app.company} — {app.role}  [{STAGE_LABELS[app.stage]}]"
            + (f"  interviews: {dates}" if dates else "")
            + ("  (archived)" if app.archived else ""))


def _event_line(e: Event) -> str:
    what = {"interview": "interview", "reply": "reply", "draft": "draft", "sent": "sent",
            "note": "note"}[e.kind]
    extra = ""
    if e.reading is not None:
        extra = f" → {CATEGORY_LABELS[e.reading.category]}"
        if e.pending:
            extra += f" (waiting for you: `coach apps confirm {e.id}`)"
    if e.email_kind:
        extra += f" ({e.email_kind})"
    text = (" “" + e.text[:70].replace("\n", " ") + ("…" if len(e.text) > 70 else "") + "”"
            if e.text else "")
    return f"  {e.on:%a %d %b %Y}  #{e.id} {what}{extra}{text}"


def _due_line(item: DueItem) -> str:
    kind = f"  email: {item.kind}" if item.kind else ""
    phrase = f"\n        from: “{item.phrase}”" if item.phrase else ""
    return (f"  [{item.status}] {item.due:%a %d %b}  #{item.application} {item.label}: "
            f"{item.action}{kind}\n        why: {item.why}{phrase}")


@apps_cli.command("add")
def add(
    company: Annotated[str, typer.Option(help="The company.")],
    role: Annotated[str, typer.Option(help="The role you applied for.")],
    contact: Annotated[str, typer.Option(help="The recruiter's or interviewer's name.")] = "",
    email: Annotated[str, typer.Option(help="Their email address (matches imported "
                                       "messages).")] = "",
    stage: Annotated[str | None, typer.Option(help=f"One of {', '.join(STAGES)}.")] = None,
    interview_date: Annotated[list[str] | None, typer.Option(
        help="An interview date (YYYY-MM-DD); repeat for several.")] = None,
    as_json: Json = False,
) -> None:
    """Add an application; prints it with its id."""

    def body() -> None:
        dates = [root._date(d, "--interview-date") for d in interview_date or []]
        if email and "@" not in email:
            raise InputError(f"--email should be an address like name@company.com, "
                             f"not {email!r}.")
        try:
            app = Application(company=company, role=role, contact_name=contact,
                              contact_email=email, stage=_stage(stage) or "applied",
                              interview_dates=[d for d in dates if d])
        except ValueError as exc:
            raise InputError(f"Give a company and a role ({exc.__class__.__name__}).") from None
        app = root._services().applications.add(app, _owner())
        if as_json:
            _echo_json(app.model_dump(mode="json"))
        else:
            typer.echo(f"Added application {app.id}: {app.label}.")

    root._run(body)


@apps_cli.command("list")
def list_apps(
    archived: Annotated[bool, typer.Option(help="Include archived ones.")] = False,
    as_json: Json = False,
) -> None:
    """Your applications, most recently active first."""

    def body() -> None:
        apps = root._services().applications.applications(_owner(), archived=archived)
        if as_json:
            _echo_json([a.model_dump(mode="json") for a in apps])
        elif not apps:
            typer.echo("No applications yet: `coach apps add --company C --role R`.")
        for app in [] if as_json else apps:
            typer.echo(_line(app))

    root._run(body)


@apps_cli.command("show")
def show(app_id: AppId, as_json: Json = False) -> None:
    """One application: its timeline and its dated steps."""

    def body() -> None:
        services = root._services()
        app = services.applications.get(app_id, _owner())
        events = services.applications.events(app_id, _owner())
        steps = services.applications.steps(_owner(), app_id)
        if as_json:
            _echo_json(app.model_dump(mode="json") | {
                "events": [e.model_dump(mode="json") for e in events],
                "steps": [s.model_dump(mode="json") for s in steps]})
            return
        typer.echo(_line(app))
        if app.contact_name or app.contact_email:
            typer.echo(f"  contact: {app.contact_name} {app.contact_email}".rstrip())
        typer.echo("Timeline:" if events else "No events yet.")
        for e in events:
            typer.echo(_event_line(e))
        if steps:
            typer.echo("Steps:")
        for s in steps:
            typer.echo(f"  {'done ' if s.done else 'open '} {s.on:%a %d %b}  {s.action}"
                       + (f"  (email: {s.email_kind})" if s.email_kind else ""))

    root._run(body)


@apps_cli.command("edit")
def edit(
    app_id: AppId,
    company: Annotated[str | None, typer.Option()] = None,
    role: Annotated[str | None, typer.Option()] = None,
    contact: Annotated[str | None, typer.Option()] = None,
    email: Annotated[str | None, typer.Option()] = None,
    stage: Annotated[str | None, typer.Option(help=f"One of {', '.join(STAGES)}.")] = None,
    as_json: Json = False,
) -> None:
    """Change an application's details or stage."""

    def body() -> None:
        changes = {k: v for k, v in {"company": company, "role": role, "contact_name": contact,
                                     "contact_email": email, "stage": _stage(stage)}.items()
                   if v is not None}
        if not changes:
            raise InputError("Nothing to change: give --company, --role, --contact, --email "
                             "or --stage.")
        app = root._services().applications.update(app_id, _owner(), **changes)
        if as_json:
            _echo_json(app.model_dump(mode="json"))
        else:
            typer.echo(f"Updated: {_line(app).strip()}")

    root._run(body)


@apps_cli.command("archive")
def archive(app_id: AppId,
            undo: Annotated[bool, typer.Option(help="Bring it back.")] = False) -> None:
    """Archive an application (it goes quiet: no reminders); --undo brings it back."""

    def body() -> None:
        app = root._services().applications.update(app_id, _owner(), archived=not undo)
        typer.echo(f"{'Restored' if undo else 'Archived'}: {app.label}.")

    root._run(body)


@apps_cli.command("delete")
def delete(app_id: AppId,
           yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False) -> None:
    """Delete an application with its timeline (there is no undo; archive keeps it)."""

    def body() -> None:
        store = root._services().applications
        app = store.get(app_id, _owner())
        if not yes and not typer.confirm(f"Delete {app.label} and its timeline?"):
            raise typer.Exit(1)
        store.delete(app_id, _owner())
        typer.echo(f"Deleted: {app.label}.")

    root._run(body)


@apps_cli.command("interview")
def interview(
    app_id: AppId,
    on: Annotated[str | None, typer.Option("--date", help="When it was (default today).")] = None,
    stage: Annotated[str | None, typer.Option(help="screen, interview or final.")] = None,
    debrief: Annotated[bool, typer.Option(help="Read a debrief (what they said about next "
                                          "steps) from standard input.")] = False,
    as_json: Json = False,
) -> None:
    """Record an interview held; with --debrief, what they said becomes dated steps."""

    def body() -> None:
        text = root._read_stdin() if debrief else ""
        which = _stage(stage)
        if which not in (None, "screen", "interview", "final"):
            raise InputError("--stage takes screen, interview or final.")
        event = root._services().tracker.add_interview(
            app_id, root._date(on, "--date") or root._services().today(), text, _owner(), which)
        if as_json:
            _echo_json(event.model_dump(mode="json"))
            return
        typer.echo(f"Interview recorded (event {event.id}).")
        if event.reading is not None:
            root._print_interpretation(event.reading)

    root._run(body)


@apps_cli.command("reply")
def reply(
    app_id: AppId,
    received: Annotated[str | None, typer.Option(help="When it came (default today).")] = None,
    confirm: Annotated[bool, typer.Option(help="Accept the reading now: it changes the "
                                          "plan.")] = False,
    as_json: Json = False,
) -> None:
    """Read a reply from standard input; it changes the plan only when confirmed."""

    def body() -> None:
        text = root._read_stdin()
        tracker = root._services().tracker
        event = tracker.add_reply(app_id, text, root._date(received, "--received")
                                  or root._services().today(), _owner(), confirm=confirm)
        assert event.reading is not None
        if as_json:
            _echo_json(event.reading.model_dump(mode="json") | {
                "event": event.id, "pending": event.pending})
            return
        root._print_interpretation(event.reading)
        wait = tracker.wait_beside(event, _owner())
        if wait:
            typer.echo(wait)
        typer.echo(f"Pending: confirm with `coach apps confirm {event.id}` (or "
                   f"`--category C` to read it another way)." if event.pending else
                   "Confirmed: the application's steps follow this reading.")

    root._run(body)


@apps_cli.command("confirm")
def confirm(
    event_id: Annotated[int, typer.Argument(help="The reply's event id.")],
    category: Annotated[str | None, typer.Option(help="Your reading instead: "
                                                 + ", ".join(CATEGORIES))] = None,
    to: Annotated[int | None, typer.Option(help="File it under this application "
                                           "instead.")] = None,
    as_json: Json = False,
) -> None:
    """Accept a pending reply's reading (or yours): the application's plan follows it."""

    def body() -> None:
        if category is not None and category not in CATEGORIES:
            raise InputError(f"--category takes one of: {', '.join(CATEGORIES)}.")
        event = root._services().tracker.confirm(event_id, _owner(), category, app_id=to)
        tracker = root._services().tracker
        if as_json:
            _echo_json(event.model_dump(mode="json"))
        elif tracker.superseded(event, _owner()):
            typer.echo("Confirmed and kept in the timeline; a newer reply or interview already "
                       "sets the plan, so the plan stays as it is.")
        else:
            assert event.reading is not None
            typer.echo(f"Confirmed: {CATEGORY_LABELS[event.reading.category]}; "
                       f"{len(event.reading.plan.steps)} steps planned.")

    root._run(body)


@apps_cli.command("dismiss")
def dismiss(event_id: Annotated[int, typer.Argument(help="The pending reply's id.")]) -> None:
    """Drop a pending reply without changing anything."""

    def body() -> None:
        root._services().tracker.dismiss(event_id, _owner())
        typer.echo(f"Dismissed reply {event_id}.")

    root._run(body)


@apps_cli.command("sent")
def sent(
    app_id: AppId,
    kind: Annotated[str, typer.Option(help="The email kind you sent (`coach email --kinds`).")],
    on: Annotated[str | None, typer.Option("--date", help="When (default today).")] = None,
) -> None:
    """Mark an email as sent by you: its step is done (nothing is ever sent for you)."""

    def body() -> None:
        root._services().tracker.mark_sent(app_id, _kind(kind),
                                           root._date(on, "--date") or root._services().today(),
                                           _owner())
        typer.echo(f"Marked {kind.replace('_', ' ')} as sent.")

    root._run(body)


@apps_cli.command("note")
def note(app_id: AppId, text: Annotated[str, typer.Argument(help="The note.")]) -> None:
    """Add a note to an application's timeline."""

    def body() -> None:
        root._services().tracker.add_note(app_id, text, date.today(), _owner())
        typer.echo("Note added.")

    root._run(body)


@apps_cli.command("due")
def due(
    today: Annotated[str | None, typer.Option(help="Count from this day (YYYY-MM-DD).")] = None,
    silence: Annotated[list[str] | None, typer.Option(
        help="A stage's silence limit for this view, like final=10 (`coach apps limits "
             "--set` keeps one).")] = None,
    as_json: Json = False,
) -> None:
    """What is due: overdue, today, this week; each with why and the phrase it came from."""

    def body() -> None:
        items = root._services().tracker.due(_today(today), _owner(),
                                             _limits(silence or [], "--silence"))
        if as_json:
            _echo_json([{"application": i.application, "label": i.label,
                         "due": i.due.isoformat(), "kind": i.kind, "action": i.action,
                         "why": i.why, "phrase": i.phrase, "status": i.status}
                        for i in items])
            return
        if not items:
            typer.echo("Nothing due this week.")
        for item in items:
            typer.echo(_due_line(item))

    root._run(body)


@apps_cli.command("limits")
def limits(
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="STAGE=DAYS (0: never nudge); repeat for several.")] = None,
    as_json: Json = False,
) -> None:
    """Days of silence per stage before a nudge is due; --set changes them for good."""

    def body() -> None:
        tracker = root._services().tracker
        if set_:
            tracker.store.set_silence(_limits(set_, "--set"), _owner())
        current = tracker.limits(_owner())
        if as_json:
            _echo_json(current)
            return
        for stage, days in current.items():
            if stage != "closed":
                typer.echo(f"  {STAGE_LABELS[stage]:<14} {days} days" if days else
                           f"  {STAGE_LABELS[stage]:<14} never")

    root._run(body)


def _limits(pairs: list[str], flag: str) -> dict[Stage, int]:
    out: dict[Stage, int] = {}
    for pair in pairs:
        name, _, days = pair.partition("=")
        stage = _stage(name) if name in STAGES else None
        if stage is None or not days.isdigit():
            raise InputError(f"{flag} takes STAGE=DAYS (like final=10), not {pair!r}.")
        out[stage] = int(days)
    return out


@apps_cli.command("ics")
def ics() -> None:
    """Every open step as one calendar with reminders: coach apps ics > plan.ics"""

    def body() -> None:
        from coach.applications.calendar import feed

        store = root._services().applications
        apps = {a.id: a for a in store.applications(_owner())}
        typer.echo(feed(store.steps(_owner()), apps).decode(), nl=False)

    root._run(body)


@apps_cli.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(help="An .eml, an .mbox, or a JSON or CSV export.")],
    to: Annotated[int | None, typer.Option(help="File every message under this "
                                           "application (no matching).")] = None,
    new: Annotated[bool, typer.Option("--new", help="A message no application matches "
                                      "starts a new one (company from the sender, role from "
                                      "the subject).")] = False,
    as_json: Json = False,
) -> None:
    """Import messages (matched, read, left pending for you to confirm) or an export."""

    def body() -> None:
        services = root._services()
        if path.suffix.lower() in (".json", ".csv"):
            from coach.applications.transfer import import_csv, import_json

            if not path.is_file():
                raise InputError(f"No file at {path}.")
            text = path.read_text("utf-8", "replace")
            added = (import_json(services.applications, text, _owner())
                     if path.suffix.lower() == ".json" else
                     import_csv(services.tracker, text, _owner()))
            if as_json:
                _echo_json([a.model_dump(mode="json") for a in added])
            else:
                typer.echo(f"Imported {len(added)} applications.")
            return
        from coach.applications.importing import company_guess, read_messages

        rows = []
        for item in services.tracker.import_messages(read_messages(path), services.today(),
                                                     _owner(), to, new):
            message, found = item.match.message, item.match
            row: dict[str, Any] = {"from": message.sender, "subject": message.subject,
                                   "received": str(message.received or ""), "why": found.why,
                                   "application": found.application.id if found.application
                                   else None, "duplicate": item.duplicate}
            if item.event is not None and item.event.reading is not None:
                row |= {"event": item.event.id, "reading": item.event.reading.category,
                        "pending": True}
            elif found.application is None:
                row |= {"company_guess": company_guess(message)}
            rows.append(row)
        if as_json:
            _echo_json(rows)
            return
        for row in rows:
            head = f"“{row['subject'] or '(no subject)'}” from {row['from']}"
            if row["duplicate"]:
                typer.echo(f"  already imported: {head}.")
            elif row["application"] is None:
                guess = f" (company: {row['company_guess']}?)" if row["company_guess"] else ""
                typer.echo(f"  no match{guess}: {head}. Add the application and import with "
                           "`--to ID`, or import with `--new`.")
            else:
                typer.echo(f"  #{row['application']} {row['why']}: {head} → "
                           f"{CATEGORY_LABELS[row['reading']]}; confirm with "
                           f"`coach apps confirm {row['event']}`.")
        matched = sum(r.get("event") is not None for r in rows)
        unmatched = sum(r["application"] is None for r in rows)
        typer.echo(f"{len(rows)} messages: {matched} matched and waiting for you to confirm, "
                   f"{unmatched} not matched, {len(rows) - matched - unmatched} imported "
                   "before. Nothing changed until you confirm.")

    root._run(body)


@apps_cli.command("export")
def export(fmt: Annotated[str, typer.Option("--format", help="json or csv.")] = "json") -> None:
    """Everything, as JSON (which `coach apps import` takes back) or CSV (a row per event)."""

    def body() -> None:
        from coach.applications.transfer import export_csv, export_json

        store = root._services().applications
        if fmt not in ("json", "csv"):
            raise InputError("--format takes json or csv.")
        typer.echo(export_json(store, _owner()) if fmt == "json" else
                   export_csv(store, _owner()), nl=False)

    root._run(body)


@apps_cli.command("stats")
def stats(as_json: Json = False) -> None:
    """Your own waiting times: interview to reply, per stage and per company."""

    def body() -> None:
        tracker = root._services().tracker
        rows = tracker.durations(_owner())
        if as_json:
            _echo_json([r.model_dump(mode="json") for r in rows])
            return
        if not rows:
            typer.echo("No confirmed replies yet: your waiting times appear here.")
        for stage in STAGES:
            line = tracker.typical_wait(stage, _owner())
            if line:
                typer.echo(line)
        for r in rows:
            typer.echo(f"  {r.company} ({STAGE_LABELS[r.stage]}): {r.days} days")

    root._run(body)
