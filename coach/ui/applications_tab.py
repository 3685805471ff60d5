"""The Applications tab: what is due first, then each application with its timeline; replies
are read and shown for the user to confirm before anything changes."""


from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coach import views
from coach.applications import (
    EVENT_LABELS,
    SILENCE_DAYS,
    STAGE_LABELS,
    STAGES,
    Application,
    DueItem,
    Event,
)
from coach.applications.models import Stage
from coach.errors import CoachError, InputError
from coach.schemas import CATEGORIES, CATEGORY_LABELS
from coach.services import Services
from coach.ui.common import download, error_card, owner_of, parse_date

STATUS_LABELS = {"overdue": "Overdue", "today": "Today", "this week": "This week",
                 "later": "Later"}


@dataclass
class ApplicationsTab:
    """Components the page wires to other tabs."""

    due_choice: Any
    to_write: Any
    due_html: Any
    app_choice: Any
    write_context: Any  # JSON: the email kind and the application's details for Write
    lists: list[Any]
    details: list[Any]
    overview: Any  # (selected, request) -> the lists' values
    timeline: Any  # (app_id, request) -> the details' values
    context_of: Any  # (due uid, request) -> the write context
    first_view: Any  # (request) -> the lists' values and the tab to show first
    limits: list[Any]
    limits_of: Any  # (request) -> the silence limits' values


def due_html(items: list[DueItem], today: date) -> str:
    if not items:
        return (f"<div class='result-card' id='due-list'><b>Nothing due</b> this week "
                f"(today is {today:%a %d %b %Y}).</div>")
    rows = []
    for item in items:
        phrase = (f"<br><span class='muted'>From: “{views.esc(item.phrase)}”</span>"
                  if item.phrase else "")
        email = (f" · email: {views.esc(views.email_label(item.kind))}" if item.kind else "")
        rows.append(f"<li><span class='badge due-{item.status.replace(' ', '-')}'>"
                    f"{STATUS_LABELS[item.status]}</span> <b>{item.due:%a %d %b}</b> — "
                    f"{views.esc(item.label)}: {views.esc(item.action)}{email}<br>"
                    f"<span class='muted'>{views.esc(item.why)}</span>{phrase}</li>")
    return (f"<div class='result-card' id='due-list'><b>Due</b> (today is {today:%a %d %b %Y})"
            f"<ul class='due'>{''.join(rows)}</ul></div>")


def apps_html(apps: list[Application]) -> str:
    if not apps:
        return ("<p class='muted' id='apps-list'>No applications yet: add one below, or import "
                "messages from an .eml or .mbox file.</p>")
    # Contact and interview dates give way at phone width (class "wide").
    rows = "".join(
        f"<tr><td>{a.id}</td><td>{views.esc(a.company)}</td><td>{views.esc(a.role)}</td>"
        f"<td>{STAGE_LABELS[a.stage]}</td><td class='wide'>{views.esc(a.contact_name)}</td>"
        f"<td class='wide'>{', '.join(f'{d:%d %b}' for d in a.interview_dates)}</td></tr>"
        for a in apps)
    return ("<div class='result-card'><table class='apps-table' id='apps-list'><thead><tr>"
            "<th>#</th><th>Company</th><th>Role</th><th>Stage</th><th class='wide'>Contact</th>"
            f"<th class='wide'>Interviews</th></tr></thead><tbody>{rows}</tbody></table></div>")


def build(services: Services) -> ApplicationsTab:
    """Lay out the tab and wire its events."""
    import gradio as gr

    tracker, store = services.tracker, services.applications

    def app_choices(owner: str) -> list[tuple[str, int]]:
        return [(f"#{a.id} {a.label}", a.id) for a in store.applications(owner)]

    def due_choices(items: list[DueItem]) -> list[tuple[str, str]]:
        return [(f"{i.due:%d %b} {i.label}: {i.action}", i.uid) for i in items if i.kind]

    def overview(selected: int | None, request: gr.Request) -> tuple[Any, ...]:
        owner = owner_of(request)
        today = services.today()
        items = tracker.due(today, owner)
        apps = store.applications(owner)
        ids = [a.id for a in apps]
        chosen = selected if selected in ids else (ids[0] if ids else None)
        return (due_html(items, today), gr.update(choices=due_choices(items), value=None),
                apps_html(apps), gr.update(choices=app_choices(owner), value=chosen))

    def timeline(app_id: int | None, request: gr.Request) -> tuple[Any, ...]:
        keep = [gr.update()] * 4  # the edit fields
        if app_id is None:
            return ("<p class='muted'>Choose or add an application.</p>", gr.update(),
                    gr.update(), gr.update(choices=[], value=None), *keep)
        owner = owner_of(request)
        try:
            app = store.get(int(app_id), owner)
        except CoachError as exc:
            return (error_card(exc), gr.update(), gr.update(),
                    gr.update(choices=[], value=None), *keep)
        events = store.events(app.id, owner)
        steps = store.steps(owner, app.id)
        lines = []
        for e in events:
            what = EVENT_LABELS[e.kind]
            if e.reading is not None:
                what += f" → {CATEGORY_LABELS[e.reading.category]}"
                if e.pending:
                    what += " <span class='badge'>waiting for you to confirm</span>"
            if e.email_kind:
                what += f" ({views.esc(e.email_kind.replace('_', ' '))})"
            text = (f"<br><span class='muted'>“{views.esc(e.text[:200])}"
                    f"{'…' if len(e.text) > 200 else ''}”</span>" if e.text else "")
            lines.append(f"<li><b>{e.on:%a %d %b %Y}</b> {what}{text}</li>")
        step_lines = "".join(
            f"<li>{'✓' if s.done else '○'} {s.on:%a %d %b} — {views.esc(s.action)}</li>"
            for s in steps)
        contact = " ".join(x for x in (app.contact_name, app.contact_email) if x)
        html = (f"<div class='result-card' id='app-timeline'><b>{views.esc(app.label)}</b> · "
                f"{STAGE_LABELS[app.stage]}{' · ' + views.esc(contact) if contact else ''}"
                f"<p><b>Timeline</b></p><ul>{''.join(lines) or '<li>Nothing yet.</li>'}</ul>"
                + (f"<p><b>Steps</b></p><ul>{step_lines}</ul>" if step_lines else "")
                + "</div>")
        pending = [(f"#{e.id} {e.on:%d %b}: {CATEGORY_LABELS[e.reading.category]}", e.id)
                   for e in events if e.pending and e.reading is not None]
        return (html, gr.update(value=app.stage), gr.update(value=app.archived),
                gr.update(choices=pending, value=pending[-1][1] if pending else None),
                app.company, app.role, app.contact_name, app.contact_email)

    def notice(text: str) -> str:
        return f"<p class='muted' role='status'>{views.esc(text)}</p>"

    def add_app(company: str, role: str, contact: str, address: str, stage: str,
                interview_day: str, request: gr.Request) -> tuple[Any, ...]:
        try:
            if not (company or "").strip() or not (role or "").strip():
                raise InputError("Give the company and the role.")
            if address and "@" not in address:
                raise InputError("The contact's email should look like name@company.com.")
            day = parse_date(interview_day, "Interview date")
            app = store.add(Application(company=company, role=role, contact_name=contact or "",
                                        contact_email=address or "", stage=stage or "applied",
                                        interview_dates=[day] if day else []),
                            owner_of(request))
        except (CoachError, ValueError) as exc:
            message = exc if isinstance(exc, CoachError) else InputError(str(exc))
            return (error_card(message), *overview(None, request))
        return (notice(f"Added {app.label}."), *overview(app.id, request))

    def record_interview(app_id: int | None, day: str, stage: str, debrief: str,
                         request: gr.Request) -> tuple[str, str]:
        try:
            if app_id is None:
                raise InputError("Choose an application first.")
            on = parse_date(day, "Interview date") or services.today()
            which: Stage | None = stage if stage in ("screen", "interview", "final") \
                else None  # type: ignore[assignment]
            event = tracker.add_interview(int(app_id), on, debrief or "", owner_of(request),
                                          which)
        except CoachError as exc:
            return error_card(exc), ""
        return (views.interpretation_card(event.reading) if event.reading else
                notice("Interview recorded."), "")

    def read_reply(app_id: int | None, text: str, files: list[Any] | None, received: str,
                   new: bool, request: gr.Request) -> tuple[str, str, None]:
        owner = owner_of(request)
        try:
            day = parse_date(received, "Received")
            if files and (text or "").strip():
                raise InputError("Paste a reply or drop files, not both at once.")
            if files:  # the files are cleared once imported: never imported twice
                return import_files(files, owner, bool(new)), "", None
            if app_id is None:
                raise InputError("Choose an application first.")
            event = tracker.add_reply(int(app_id), text or "", day or services.today(), owner)
        except CoachError as exc:
            return error_card(exc), text, None
        assert event.reading is not None
        wait = tracker.wait_beside(event, owner)
        return (views.interpretation_card(event.reading)
                + (notice(wait) if wait else "")
                + notice("Nothing has changed yet: confirm the reading (or pick yours) below."),
                "", None)

    def import_files(files: list[Any], owner: str, new: bool) -> str:
        from coach.applications.importing import company_guess, read_messages

        messages, errors = [], []
        for f in files:
            path = Path(getattr(f, "name", f))
            try:
                messages += read_messages(path)
            except CoachError as exc:
                errors.append(f"{path.name}: {exc}")
        rows = []
        for item in tracker.import_messages(messages, services.today(), owner, new=new):
            m, found = item.match.message, item.match
            head = f"“{views.esc(m.subject or '(no subject)')}” from {views.esc(m.sender)}"
            if item.duplicate:
                rows.append(f"<li>{head}: imported before, skipped.</li>")
            elif found.application is None:
                guess = company_guess(m)
                rows.append(f"<li>{head}: no application matches"
                            f"{' (' + views.esc(guess) + '?)' if guess else ''}; add it above "
                            "(or tick “starts a new one”), then drop the file again.</li>")
            elif item.event is not None and item.event.reading is not None:
                rows.append(f"<li>{head} → #{found.application.id} "
                            f"{views.esc(found.application.label)} ({views.esc(found.why)}): "
                            f"{CATEGORY_LABELS[item.event.reading.category]}, waiting for you "
                            "to confirm.</li>")
        problems = "".join(f"<p class='muted'>{views.esc(e)}</p>" for e in errors)
        return (f"<div class='result-card'><b>Imported</b><ul>{''.join(rows)}</ul>{problems}"
                "<p class='muted'>Nothing changes until you confirm each reply.</p></div>")

    def confirm(event_id: int | None, choice: str | None, request: gr.Request) -> str:
        try:
            if event_id is None:
                raise InputError("No reply is waiting for confirmation.")
            event = tracker.confirm(int(event_id), owner_of(request),
                                    choice if choice in CATEGORIES else None)
        except CoachError as exc:
            return error_card(exc)
        assert event.reading is not None
        if tracker.superseded(event, owner_of(request)):
            return notice("Confirmed and kept in the timeline; a newer reply or interview "
                          "already sets the plan, so the plan stays as it is.")
        return notice(f"Confirmed: {CATEGORY_LABELS[event.reading.category]}. The steps and "
                      "the calendar follow it.")

    def dismiss(event_id: int | None, request: gr.Request) -> str:
        try:
            if event_id is None:
                raise InputError("No reply is waiting for confirmation.")
            tracker.dismiss(int(event_id), owner_of(request))
        except CoachError as exc:
            return error_card(exc)
        return notice("Dismissed: nothing changed.")

    def mark_sent(uid: str | None, request: gr.Request) -> str:
        owner = owner_of(request)
        try:
            item = _due_item(uid, owner)
            assert item.kind is not None
            tracker.mark_sent(item.application, item.kind, services.today(), owner)
        except CoachError as exc:
            return error_card(exc)
        return notice(f"Marked as sent: {item.action} ({item.label}).")

    def _due_item(uid: str | None, owner: str) -> DueItem:
        for item in tracker.due(services.today(), owner):
            if item.uid == uid and item.kind:
                return item
        raise InputError("Choose a due step first.")

    def write_context(uid: str | None, request: gr.Request) -> dict[str, Any]:
        owner = owner_of(request)
        try:
            item = _due_item(uid, owner)
        except CoachError as exc:
            return {"error": str(exc)}
        app = store.get(item.application, owner)
        assert item.kind is not None
        store.add_event(Event(application_id=app.id, kind="draft", on=services.today(),
                              email_kind=item.kind, text=f"Opened in Write: {item.action}"),
                        owner)
        replies = [e for e in store.events(app.id, owner) if e.kind == "reply" and not e.pending]
        interviews = sorted(app.interview_dates)
        return {"kind": item.kind, "company": app.company, "role": app.role,
                "interviewer": app.contact_name,
                "interview_date": interviews[-1].isoformat() if interviews else "",
                "reply": replies[-1].text if replies else ""}

    def save(app_id: int | None, stage: str, archived: bool, company: str, role: str,
             contact: str, address: str, request: gr.Request) -> str:
        try:
            if app_id is None:
                raise InputError("Choose an application first.")
            if not (company or "").strip() or not (role or "").strip():
                raise InputError("An application needs a company and a role.")
            if address and "@" not in address:
                raise InputError("The contact's email should look like name@company.com.")
            app = store.update(int(app_id), owner_of(request), stage=stage,
                               archived=bool(archived), company=company, role=role,
                               contact_name=contact or "", contact_email=address or "")
        except CoachError as exc:
            return error_card(exc)
        return notice(f"Saved: {app.label} is {STAGE_LABELS[app.stage]}"
                      + (", archived (no reminders)." if app.archived else "."))

    def add_note(app_id: int | None, text: str, request: gr.Request) -> tuple[str, str]:
        try:
            if app_id is None:
                raise InputError("Choose an application first.")
            tracker.add_note(int(app_id), text or "", services.today(), owner_of(request))
        except CoachError as exc:
            return error_card(exc), text
        return notice("Note added to the timeline."), ""

    def delete(app_id: int | None, sure: bool, request: gr.Request) -> str:
        try:
            if app_id is None:
                raise InputError("Choose an application first.")
            if not sure:
                raise InputError("Tick “Yes, delete it” first: deleting cannot be undone "
                                 "(archiving keeps it).")
            app = store.delete(int(app_id), owner_of(request))
        except CoachError as exc:
            return error_card(exc)
        return notice(f"Deleted {app.label}.")

    def limits_of(request: gr.Request) -> list[int]:
        current = tracker.limits(owner_of(request))
        return [current[st] for st in ("applied", "screen", "interview", "final", "offer")]

    def set_limits(applied: Any, screen: Any, interview: Any, final: Any, offer: Any,
                   request: gr.Request) -> str:
        days = [applied, screen, interview, final, offer]
        try:
            if any(d is None for d in days):
                raise InputError("Give each stage a number of days (0: never nudge).")
            saved = dict(zip(("applied", "screen", "interview", "final", "offer"),
                             (int(d) for d in days), strict=True))
            store.set_silence(saved, owner_of(request))  # type: ignore[arg-type]
        except CoachError as exc:
            return error_card(exc)
        return notice("Saved: nudges follow these limits.")

    def first_view(request: gr.Request) -> tuple[Any, ...]:
        # The lists, and the Applications tab selected when anything is due.
        due = tracker.due(services.today(), owner_of(request))
        return (*overview(None, request),
                gr.Tabs(selected="applications") if due else gr.Tabs())

    def export_json_file(request: gr.Request) -> str:
        from coach.applications.transfer import export_json

        return download("applications.json", export_json(store, owner_of(request)))

    def export_csv_file(request: gr.Request) -> str:
        from coach.applications.transfer import export_csv

        return download("applications.csv", export_csv(store, owner_of(request)))

    def calendar(request: gr.Request) -> tuple[str, str]:
        owner = owner_of(request)
        token = store.feed_token(owner)
        # The address the browser reached the app at (behind a proxy: what it forwarded).
        headers = getattr(request, "headers", None) or {}
        host = headers.get("x-forwarded-host") or headers.get("host") or \
            f"{services.settings.host}:{services.settings.port}"
        scheme = headers.get("x-forwarded-proto") or "http"
        url = f"{scheme}://{host}/calendar/{token}.ics"
        return (download("next-steps.ics", services.calendar_feed(owner)),
                f"<p class='muted'>Subscribe in your calendar program (it updates by itself): "
                f"<code id='feed-url'>{views.esc(url)}</code> — keep this address private.</p>")

    gr.Markdown("Every interview, reply and reminder in one place. What is due comes first; "
                "nothing is ever sent for you.")
    due_box = gr.HTML(elem_id="due")
    with gr.Row(visible=False) as due_row:  # only while something is due
        due_choice = gr.Dropdown([], label="A due step", scale=3, elem_id="due-choice")
        to_write = gr.Button("Open its email in Write", scale=1)
        sent = gr.Button("I sent it", scale=1)
    status = gr.HTML()
    apps_box = gr.HTML()
    app_choice = gr.Dropdown([], label="Application", elem_id="app-choice")
    timeline_box = gr.HTML()
    with gr.Accordion("Add an application", open=False):
        with gr.Row():
            company = gr.Textbox(label="Company", max_length=200, elem_id="app-company")
            role = gr.Textbox(label="Role", max_length=200, elem_id="app-role")
        with gr.Row():
            contact = gr.Textbox(label="Contact name", max_length=200, elem_id="app-contact")
            address = gr.Textbox(label="Contact email", max_length=320)
        with gr.Row():
            stage = gr.Dropdown([(STAGE_LABELS[s], s) for s in STAGES], value="applied",
                                label="Stage")
            interview_day = gr.Textbox(label="Interview date (YYYY-MM-DD, optional)",
                                       max_length=20)
        add = gr.Button("Add application", variant="primary")
    with gr.Accordion("Interview held (with what they said about next steps)", open=False):
        with gr.Row():
            held_on = gr.Textbox(label="Date (YYYY-MM-DD; empty: today)", max_length=20)
            held_stage = gr.Dropdown([(STAGE_LABELS[s], s) for s in ("screen", "interview",
                                                                     "final")],
                                     value="interview", label="Which interview",
                                     elem_id="held-stage")
        debrief = gr.Textbox(label="What they said about next steps (your own words)",
                             lines=2, max_length=20_000)
        record = gr.Button("Record the interview")
        held_box = gr.HTML()
    with gr.Accordion("Reply received", open=True):
        reply_text = gr.Textbox(label="Paste what they wrote", lines=4, max_length=200_000)
        with gr.Row():
            reply_files = gr.File(label="…or drop .eml / .mbox files", file_count="multiple",
                                  file_types=[".eml", ".mbox"], type="filepath")
            with gr.Column():
                received = gr.Textbox(label="Received (YYYY-MM-DD; empty: today)",
                                      max_length=20)
                start_new = gr.Checkbox(label="A message no application matches starts a new "
                                        "one", value=False)
        read = gr.Button("Read it", variant="primary")
        reading_box = gr.HTML()
        with gr.Row():
            pending = gr.Dropdown([], label="Waiting for you", scale=2, elem_id="pending")
            choice = gr.Dropdown([("As read", "")] + [(CATEGORY_LABELS[c], c)
                                                      for c in CATEGORIES],
                                 value="", label="Read it as", scale=2)
            confirm_button = gr.Button("Confirm", variant="primary", scale=1)
            dismiss_button = gr.Button("Dismiss", scale=1)
    with gr.Accordion("Edit, note, archive, delete", open=False):
        with gr.Row():
            edit_company = gr.Textbox(label="Company", max_length=200)
            edit_role = gr.Textbox(label="Role", max_length=200)
            edit_contact = gr.Textbox(label="Contact name", max_length=200)
            edit_email = gr.Textbox(label="Contact email", max_length=320)
        with gr.Row():
            edit_stage = gr.Dropdown([(STAGE_LABELS[s], s) for s in STAGES], label="Stage")
            archived = gr.Checkbox(label="Archived (no reminders)")
            save_button = gr.Button("Save")
        with gr.Row():
            note_text = gr.Textbox(label="A note for the timeline", max_length=5000, scale=3)
            note_button = gr.Button("Add the note", scale=1)
        with gr.Row():
            sure = gr.Checkbox(label="Yes, delete it")
            delete_button = gr.Button("Delete application", variant="stop")
    with gr.Accordion("Silence limits (days without word before a nudge)", open=False):
        limit_stages: list[Stage] = ["applied", "screen", "interview", "final", "offer"]
        with gr.Row():
            limit_boxes = [gr.Number(label=STAGE_LABELS[st], precision=0, minimum=0,
                                     maximum=365, value=SILENCE_DAYS[st])
                           for st in limit_stages]
        save_limits = gr.Button("Save the limits")
    with gr.Accordion("Calendar and export", open=False):
        with gr.Row():
            ics_button = gr.Button("Calendar (.ics)")
            json_button = gr.Button("Export JSON")
            csv_button = gr.Button("Export CSV")
        feed_url = gr.HTML()
        export_file = gr.File(label="Download")
    context = gr.JSON(visible=False)

    lists = [due_box, due_choice, apps_box, app_choice]
    due_box.change(lambda shown: gr.update(visible="<b>Due</b>" in (shown or "")), due_box,
                   due_row, queue=False, api_visibility="private")
    details = [timeline_box, edit_stage, archived, pending, edit_company, edit_role,
               edit_contact, edit_email]
    private: dict[str, Any] = {"api_visibility": "private"}

    def refreshed(event: Any) -> None:
        event.then(overview, app_choice, lists, **private).then(
            timeline, app_choice, details, **private)

    add_event = add.click(add_app, [company, role, contact, address, stage, interview_day],
                          [status, *lists], **private)
    add_event.then(timeline, app_choice, details, **private)
    app_choice.change(timeline, app_choice, details, **private)
    refreshed(record.click(record_interview, [app_choice, held_on, held_stage, debrief],
                           [held_box, debrief], **private))
    refreshed(read.click(read_reply, [app_choice, reply_text, reply_files, received, start_new],
                         [reading_box, reply_text, reply_files], **private))
    refreshed(confirm_button.click(confirm, [pending, choice], status, **private))
    refreshed(dismiss_button.click(dismiss, pending, status, **private))
    refreshed(sent.click(mark_sent, due_choice, status, **private))
    refreshed(save_button.click(save, [app_choice, edit_stage, archived, edit_company,
                                       edit_role, edit_contact, edit_email], status, **private))
    refreshed(note_button.click(add_note, [app_choice, note_text], [status, note_text],
                                **private))
    refreshed(delete_button.click(delete, [app_choice, sure], status, **private))
    ics_button.click(calendar, None, [export_file, feed_url], **private)
    refreshed(save_limits.click(set_limits, limit_boxes, status, **private))
    json_button.click(export_json_file, None, export_file, **private)
    csv_button.click(export_csv_file, None, export_file, **private)
    return ApplicationsTab(due_choice=due_choice, to_write=to_write, due_html=due_box,
                           app_choice=app_choice, write_context=context, lists=lists,
                           details=details, overview=overview, timeline=timeline,
                           context_of=write_context, first_view=first_view,
                           limits=limit_boxes, limits_of=limits_of)
