"""Export and import: everything as JSON (and back), or a CSV with one row per event (which
imports back too: replies are read again, so their plans are rebuilt)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pydantic import ValidationError

from coach.applications.models import Application, Event, Step
from coach.applications.store import ApplicationStore
from coach.applications.tracker import Tracker
from coach.errors import InputError

FORMAT = "next-steps-coach/applications"
CSV_COLUMNS = ("application_id", "company", "role", "contact_name", "contact_email", "stage",
               "archived", "event", "on", "email_kind", "reading", "pending", "text")


def export_data(store: ApplicationStore, owner: str = "") -> dict[str, Any]:
    apps = []
    for app in store.applications(owner, archived=True):
        apps.append(app.model_dump(mode="json") | {
            "events": [e.model_dump(mode="json") for e in store.events(app.id, owner)],
            "steps": [s.model_dump(mode="json") for s in store.steps(owner, app.id)]})
    return {"format": FORMAT, "version": 1, "applications": apps}


def export_json(store: ApplicationStore, owner: str = "") -> str:
    return json.dumps(export_data(store, owner), indent=2, ensure_ascii=False)


def export_csv(store: ApplicationStore, owner: str = "") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for app in store.applications(owner, archived=True):
        head = [app.id, app.company, app.role, app.contact_name, app.contact_email, app.stage,
                int(app.archived)]
        events = store.events(app.id, owner)
        if not events:
            writer.writerow([*head, "", "", "", "", "", ""])
        for e in events:
            writer.writerow([*head, e.kind, e.on.isoformat(), e.email_kind or "",
                             e.reading.category if e.reading else "", int(e.pending),
                             e.text[:2000]])
    return out.getvalue()


def import_json(store: ApplicationStore, text: str, owner: str = "") -> list[Application]:
    """Add every application of an export (new ids; events and steps follow them)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"Not a JSON export of applications ({exc.msg}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("Not an export of Next Steps Coach applications "
                         "(`coach apps export --format json` makes one).")
    added = []
    try:
        for raw in data.get("applications", []):
            app = store.add(Application.model_validate(raw | {"id": 0}), owner)
            ids = {}
            for e in raw.get("events", []):
                event = Event.model_validate(e | {"application_id": app.id, "id": 0})
                ids[e.get("id")] = store.add_event(event, owner).id
            steps = [Step.model_validate(s | {
                "application_id": app.id, "event_id": ids.get(s.get("event_id")),
                "uid": f"app{app.id}-{s['key']}@next-steps-coach"})
                for s in raw.get("steps", [])]
            store.replace_steps(app.id, steps, owner)
            for step in steps:
                if step.done:
                    store.set_done(step.uid, owner=owner)
            added.append(store.get(app.id, owner))
    except (ValidationError, KeyError, TypeError) as exc:
        raise InputError(f"The export has a broken entry ({exc.__class__.__name__}); "
                         f"{len(added)} applications were added before it.") from None
    return added


def import_csv(tracker: Tracker, text: str, owner: str = "") -> list[Application]:
    """Add the applications of a CSV export (or a spreadsheet with at least company and role
    columns): their events in order; replies are read again, notes and sent emails kept."""
    from datetime import date

    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or not {"company", "role"} <= set(rows[0]):
        raise InputError("The CSV needs a header with at least company and role columns "
                         "(`coach apps export --format csv` makes one).")
    made: dict[str, Application] = {}
    store = tracker.store
    line = 1  # the header
    try:
        for row in rows:
            line += 1
            key = row.get("application_id") or f"{row['company']}|{row['role']}"
            if key not in made:
                made[key] = store.add(Application(
                    company=row["company"], role=row["role"],
                    contact_name=row.get("contact_name", ""),
                    contact_email=row.get("contact_email", ""),
                    stage=row.get("stage") or "applied",
                    archived=row.get("archived") == "1"), owner)
            app, kind = made[key], row.get("event", "")
            if not kind:
                continue
            on = date.fromisoformat(row.get("on", ""))
            if kind == "reply":
                tracker.add_reply(app.id, row.get("text") or "(empty)", on, owner,
                                  confirm=row.get("pending") != "1")
            elif kind == "interview":
                tracker.add_interview(app.id, on, row.get("text", ""), owner)
            elif kind == "sent" and row.get("email_kind"):
                tracker.mark_sent(app.id, row["email_kind"], on, owner)  # type: ignore[arg-type]
            else:
                tracker.add_note(app.id, row.get("text") or kind, on, owner)
    except (ValidationError, ValueError, KeyError) as exc:
        raise InputError(f"Line {line} of the CSV cannot be used ({exc.__class__.__name__}); "
                         f"{len(made)} applications were added before it.") from None
    return [store.get(a.id, owner) for a in made.values()]
