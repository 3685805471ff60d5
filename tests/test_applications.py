"""Issue 15: applications, their timeline, what is due (with the stop rule), the calendar feed,
batch import, the user's own numbers, and data that lasts."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.applications import Application, ApplicationStore, Tracker
from coach.applications.calendar import feed
from coach.applications.importing import match, read_messages
from coach.applications.store import VERSION, migrate
from coach.applications.transfer import export_csv, export_json, import_json
from coach.config import Settings
from coach.errors import InputError

from .conftest import KNOWLEDGE
from .fakes import DownChat

ROOT = Path(__file__).resolve().parent.parent
DEBRIEF = "Dana said they would make a decision by Friday 11 December and email me either way."
VAGUE = "Thanks for your patience. We are still interviewing and will be in touch soon."
REJECTION = ("Thank you for your interest. After careful consideration we have decided not to "
             "move forward with your application.")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory):
    from coach.services import bootstrap

    return bootstrap(Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("apps"),
                              knowledge_dir=KNOWLEDGE, classify_with_model=False),
                     model=DownChat())


@pytest.fixture
def tracker(services, tmp_path: Path) -> Tracker:
    return Tracker(ApplicationStore(tmp_path / "apps.db"), services.tracker.interpret)


def northwind(tracker: Tracker, owner: str = "") -> Application:
    return tracker.store.add(Application(company="Northwind Logistics", role="Data Engineer",
                                         contact_name="Dana Reyes",
                                         contact_email="dana@northwind.example"), owner)


def kinds_due(tracker: Tracker, today: date) -> list[tuple[str | None, str]]:
    return [(i.kind, i.status) for i in tracker.due(today)]


def test_one_application_from_interview_to_close_the_loop(tracker: Tracker) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF, stage="final")
    assert tracker.store.get(app.id).stage == "final"
    # The thank-you is due on the day; once marked sent it is done.
    assert ("thank_you", "today") in kinds_due(tracker, date(2026, 12, 1))
    tracker.mark_sent(app.id, "thank_you", date(2026, 12, 1))
    assert "thank_you" not in [k for k, _ in kinds_due(tracker, date(2026, 12, 1))]
    # Nothing due before the date they gave; then the date-passed nudge, quoting their words.
    assert kinds_due(tracker, date(2026, 12, 3)) == []
    due = tracker.due(date(2026, 12, 15))
    assert due[0].kind == "date_passed" and due[0].status == "today"
    assert "by Friday 11 December" in due[0].phrase
    tracker.mark_sent(app.id, "date_passed", date(2026, 12, 15))
    tracker.mark_sent(app.id, "no_response_follow_up", date(2026, 12, 22))
    # Two nudges unanswered: the close-the-loop note, then quiet for good.
    assert [k for k, _ in kinds_due(tracker, date(2026, 12, 29))] == ["close_the_loop"]
    tracker.mark_sent(app.id, "close_the_loop", date(2026, 12, 29))
    assert tracker.due(date(2027, 3, 1)) == []


def test_a_reply_changes_nothing_until_confirmed(tracker: Tracker) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    before = tracker.store.steps(app_id=app.id)
    event = tracker.add_reply(app.id, VAGUE, date(2026, 12, 14))
    assert event.pending and event.reading is not None and event.reading.category == "vague"
    assert tracker.store.steps(app_id=app.id) == before
    tracker.confirm(event.id)
    after = {s.key: s for s in tracker.store.steps(app_id=app.id)}
    follow = after["follow-up-if-you-have-not-heard-back"]
    old = next(s for s in before if s.key == follow.key)
    # The same calendar event, moved: same UID, SEQUENCE up.
    assert follow.uid == old.uid and follow.on != old.on and follow.sequence == old.sequence + 1


def test_a_rejection_confirmed_closes_the_application(tracker: Tracker) -> None:
    app = northwind(tracker)
    event = tracker.add_reply(app.id, REJECTION, date(2026, 12, 4), confirm=True)
    assert event.reading is not None and event.reading.category == "rejection"
    assert tracker.store.get(app.id).stage == "closed"
    assert "reply_to_rejection" in [k for k, _ in kinds_due(tracker, date(2026, 12, 4))]


def test_the_user_can_read_a_reply_another_way(tracker: Tracker) -> None:
    app = northwind(tracker)
    event = tracker.add_reply(app.id, VAGUE, date(2026, 12, 14))
    confirmed = tracker.confirm(event.id, category="none")
    assert confirmed.reading is not None and confirmed.reading.category == "none"
    assert "reply_to_no_next_steps" in [s.email_kind for s in tracker.store.steps()]


def test_silence_past_the_stage_limit_asks_for_a_nudge_then_stops(tracker: Tracker) -> None:
    app = tracker.store.add(Application(company="Hoshi Foods", role="Analyst",
                                        stage="interview"))
    tracker.add_interview(app.id, date(2026, 12, 1))  # no debrief: no steps
    assert tracker.due(date(2026, 12, 7)) == []
    [item] = tracker.due(date(2026, 12, 8))
    assert item.kind == "no_response_follow_up" and "7 days" in item.why
    assert tracker.due(date(2026, 12, 8), silence={"interview": 10}) == []  # the user's limit
    tracker.mark_sent(app.id, "no_response_follow_up", date(2026, 12, 8))
    tracker.mark_sent(app.id, "no_response_follow_up", date(2026, 12, 15))
    [last] = tracker.due(date(2026, 12, 22))
    assert last.kind == "close_the_loop"
    tracker.mark_sent(app.id, "close_the_loop", date(2026, 12, 22))
    assert tracker.due(date(2027, 2, 1)) == []
    tracker.add_reply(app.id, VAGUE, date(2027, 2, 2), confirm=True)  # they came back
    assert tracker.due(date(2027, 2, 20))


def test_archived_applications_go_quiet(tracker: Tracker) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    tracker.store.update(app.id, archived=True)
    assert tracker.due(date(2026, 12, 20)) == []
    assert tracker.store.applications() == []
    assert [a.id for a in tracker.store.applications(archived=True)] == [app.id]


def test_each_user_sees_only_their_own(tracker: Tracker) -> None:
    mine = northwind(tracker, owner="alice")
    northwind(tracker, owner="bob")
    assert [a.id for a in tracker.store.applications("alice")] == [mine.id]
    with pytest.raises(InputError):
        tracker.store.get(mine.id, "bob")
    with pytest.raises(InputError):
        tracker.add_reply(mine.id, VAGUE, date(2026, 12, 4), owner="bob")
    assert tracker.store.steps("bob") == []


def test_your_own_waiting_times(tracker: Tracker) -> None:
    for company, days in (("A", 6), ("B", 9), ("C", 7)):
        app = tracker.store.add(Application(company=company, role="Analyst"))
        tracker.add_interview(app.id, date(2026, 11, 2), stage="final")
        tracker.add_reply(app.id, VAGUE, date(2026, 11, 2) + timedelta(days=days),
                          confirm=True)
    assert tracker.typical_wait("final") == "Your replies after a final round took 6–9 days " \
                                            "(3 replies)."
    assert tracker.typical_wait("screen") is None


def test_the_calendar_feed_has_stable_uids_sequences_and_alarms(tracker: Tracker) -> None:
    from icalendar import Calendar

    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    apps = {app.id: app}
    first = Calendar.from_ical(feed(tracker.store.steps(), apps))
    events = first.walk("VEVENT")
    assert events and all(e.walk("VALARM") for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    tracker.confirm(tracker.add_reply(app.id, VAGUE, date(2026, 12, 14)).id)
    second = {str(e["UID"]): e for e in Calendar.from_ical(
        feed(tracker.store.steps(), apps)).walk("VEVENT")}
    moved = [e for e in events if str(e["UID"]) in second
             and second[str(e["UID"])].decoded("DTSTART") != e.decoded("DTSTART")]
    assert moved and all(int(second[str(e["UID"])]["SEQUENCE"]) > int(e.get("SEQUENCE", 0))
                         for e in moved)


EML = textwrap.dedent("""\
    From: Dana Reyes <dana@northwind.example>
    To: me@example.com
    Subject: Your interview
    Date: Mon, 14 Dec 2026 10:00:00 +0000
    Content-Type: text/plain; charset=utf-8

    {body}
    """)


def test_imported_messages_are_matched_read_and_left_pending(tracker: Tracker,
                                                            tmp_path: Path) -> None:
    app = northwind(tracker)
    other = tracker.store.add(Application(company="Hoshi Foods", role="Marketing Lead"))
    box = tmp_path / "inbox.mbox"
    box.write_text(
        "From dana@northwind.example Mon Dec 14 10:00:00 2026\n" + EML.format(body=VAGUE)
        + "\nFrom jobs@greenhouse.io Tue Dec 15 10:00:00 2026\n"
        + EML.format(body="Re: the Marketing Lead role. " + REJECTION).replace(
            "Dana Reyes <dana@northwind.example>", "Hiring <jobs@greenhouse.io>")
        + "\nFrom x@unknown.example Tue Dec 15 11:00:00 2026\n"
        + EML.format(body="Our newsletter.").replace("dana@northwind.example",
                                                     "x@unknown.example"))
    messages = read_messages(box)
    assert len(messages) == 3 and messages[0].received == date(2026, 12, 14)
    apps = tracker.store.applications()
    found = [match(m, apps) for m in messages]
    assert found[0].application and found[0].application.id == app.id
    assert "domain" in found[0].why
    assert found[1].application and found[1].application.id == other.id  # by the role
    assert found[2].application is None
    event = tracker.add_reply(app.id, messages[0].text, date(2026, 12, 14))
    assert event.pending and tracker.store.steps() == []  # nothing changed yet


@pytest.mark.parametrize("content", [b"\x00\x01binary" * 50, b"just some words, no headers"])
def test_files_that_are_not_email_get_a_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "thing.eml"
    path.write_bytes(content)
    with pytest.raises(InputError, match="(not an email|no email headers)"):
        read_messages(path)


def test_export_and_import_keep_everything(tracker: Tracker, tmp_path: Path) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    tracker.mark_sent(app.id, "thank_you", date(2026, 12, 1))
    data = export_json(tracker.store)
    fresh = ApplicationStore(tmp_path / "fresh.db")
    [copy] = import_json(fresh, data)
    assert copy.company == app.company and len(fresh.events(copy.id)) == 2
    assert [(s.key, s.on, s.done) for s in fresh.steps()] == \
        [(s.key, s.on, s.done) for s in tracker.store.steps()]
    rows = export_csv(tracker.store).splitlines()
    assert rows[0].startswith("application_id,company") and len(rows) == 3
    with pytest.raises(InputError):
        import_json(fresh, '{"something": "else"}')


def test_a_database_of_the_previous_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    assert migrate(db, upto=VERSION - 1) == VERSION - 1
    db.execute("INSERT INTO applications (company, role, created, updated) "
               "VALUES ('Acme', 'Analyst', '2026-10-01', '2026-10-01')")
    db.execute("INSERT INTO events (application_id, kind, on_date, created) "
               "VALUES (1, 'note', '2026-10-02', '2026-10-02')")
    db.close()
    store = ApplicationStore(path)
    assert [a.company for a in store.applications()] == ["Acme"]
    assert store.events(1)[0].kind == "note"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == VERSION


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.applications import Application, ApplicationStore
    store = ApplicationStore(Path(sys.argv[1]))
    n = 0
    while True:
        store.add(Application(company="Company %d" % n, role="Role " + "x" * 150))
        print(n, flush=True)
        n += 1
""")


@pytest.mark.slow
def test_a_kill_9_during_writes_loses_nothing_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "apps.db"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                            text=True, cwd=str(ROOT))
    assert proc.stdout is not None
    saved, deadline = -1, time.monotonic() + 30
    while saved < 30 and time.monotonic() < deadline:
        saved = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    names = {a.company for a in ApplicationStore(db).applications()}
    assert {f"Company {n}" for n in range(saved + 1)} <= names
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_command_line_walks_an_application(services, monkeypatch, tmp_path: Path) -> None:
    from coach import cli as cli_module
    from coach.cli import cli

    fresh = Tracker(ApplicationStore(tmp_path / "cli.db"), services.tracker.interpret)
    monkeypatch.setattr(services, "applications", fresh.store)
    monkeypatch.setattr(services, "tracker", fresh)
    monkeypatch.setattr(cli_module, "_services", lambda: services)
    run = CliRunner().invoke
    added = run(cli, ["apps", "add", "--company", "Northwind", "--role", "Analyst",
                      "--interview-date", "2026-12-01", "--json"])
    assert added.exit_code == 0, added.output
    app_id = json.loads(added.stdout)["id"]
    reply = run(cli, ["apps", "reply", str(app_id), "--received", "2026-12-02", "--json"],
                input="We will get back to you by Friday 11 December.")
    assert reply.exit_code == 0, reply.output
    reading = json.loads(reply.stdout)
    assert reading["pending"] and reading["category"] == "clear_timeline"
    assert json.loads(run(cli, ["apps", "due", "--today", "2026-12-15", "--json"]).stdout) == []
    assert run(cli, ["apps", "confirm", str(reading["event"])]).exit_code == 0
    due = json.loads(run(cli, ["apps", "due", "--today", "2026-12-15", "--json"]).stdout)
    assert {"application", "due", "kind", "why", "phrase"} <= set(due[0])
    assert any(d["kind"] == "date_passed" and "11 December" in d["phrase"] for d in due)
    ics = run(cli, ["apps", "ics"]).stdout
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VALARM" in ics
    assert "application_id" in run(cli, ["apps", "export", "--format", "csv"]).stdout
    limits = json.loads(run(cli, ["apps", "limits", "--set", "final=10", "--json"]).stdout)
    assert limits["final"] == 10 and limits["screen"] == 7
    helped = run(cli, ["apps", "--help"]).stdout
    for command in ("add", "reply", "due", "ics", "import", "export", "confirm", "sent",
                    "limits"):
        assert command in helped


@pytest.mark.parametrize("args, stdin, message", [
    (["apps", "reply", "1"], "   ", "empty"),
    (["apps", "sent", "1", "--kind", "poem"], None, "Unknown email kind"),
    (["apps", "due", "--today", "tomorrow"], None, "must be a date"),
    (["apps", "add", "--company", "  ", "--role", "R"], None, "company and a role"),
    (["apps", "show", "999"], None, "No application 999"),
    (["apps", "due", "--silence", "final=soon"], None, "STAGE=DAYS"),
])
def test_bad_input_gets_a_clear_message(services, monkeypatch, tmp_path: Path, args,
                                        stdin, message) -> None:
    from coach import cli as cli_module
    from coach.cli import cli

    fresh = Tracker(ApplicationStore(tmp_path / "bad.db"), services.tracker.interpret)
    fresh.store.add(Application(company="Acme", role="Analyst"))
    monkeypatch.setattr(services, "applications", fresh.store)
    monkeypatch.setattr(services, "tracker", fresh)
    monkeypatch.setattr(cli_module, "_services", lambda: services)
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exit_code == 1 and message in result.output, result.output


def test_after_they_write_back_the_follow_ups_start_again(tracker: Tracker) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    tracker.mark_sent(app.id, "thank_you", date(2026, 12, 1))
    tracker.mark_sent(app.id, "date_passed", date(2026, 12, 15))
    tracker.add_reply(app.id, VAGUE, date(2026, 12, 15), confirm=True)
    due = tracker.due(date(2026, 12, 22))
    assert [(i.kind, i.action) for i in due][0] == ("no_response_follow_up",
                                                    "Follow up if you have not heard back")
    done = [s for s in tracker.store.steps(app_id=app.id) if s.done]
    assert done and all(s.uid not in {i.uid for i in due} for s in done)


def test_silence_limits_the_user_sets_are_kept(tracker: Tracker) -> None:
    app = tracker.store.add(Application(company="Hoshi Foods", role="Analyst",
                                        stage="interview"))
    tracker.add_interview(app.id, date(2026, 12, 1))
    assert tracker.due(date(2026, 12, 8))
    tracker.store.set_silence({"interview": 14})
    assert tracker.due(date(2026, 12, 8)) == [] and tracker.due(date(2026, 12, 15))
    tracker.store.set_silence({"interview": 0})  # never nudge at this stage
    assert tracker.due(date(2027, 1, 15)) == []
    with pytest.raises(InputError):
        tracker.store.set_silence({"interview": -1})


def test_the_app_serves_the_calendar_feed_on_its_own_address(services) -> None:
    import httpx

    from .conftest import serving

    app = services.applications.add(Application(company="Feedco", role="Analyst"))
    try:
        services.tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
        token = services.applications.feed_token()
        with serving(services) as url:
            feed_ = httpx.get(f"{url}calendar/{token}.ics", timeout=30)
            missing = httpx.get(f"{url}calendar/not-the-token.ics", timeout=30)
        assert feed_.status_code == 200 and feed_.headers["content-type"].startswith(
            "text/calendar")
        assert "Feedco: Send a thank-you email" in feed_.text and "BEGIN:VALARM" in feed_.text
        assert missing.status_code == 404
    finally:
        services.applications.delete(app.id)


def test_signed_in_users_have_their_own_practice_history_and_corrections(services) -> None:
    from coach.interview import PRESETS

    scenario = next(iter(PRESETS.values()))
    ana = services.start_practice(scenario, owner="ana")
    assert services.resume_practice(ana.id, "ana") is not None
    assert services.resume_practice(ana.id, "ben") is None  # not ben's to resume
    assert ana.id in [h.id for h in services.store.history(owner="ana")]
    assert ana.id not in [h.id for h in services.store.history(owner="ben")]
    text = "Got your note. Let me check with the team."
    saved, mine = services.correct(text, "rejection", date(2026, 11, 26), owner="ana")
    assert mine.category == "rejection"
    assert services.interpret(text, date(2026, 11, 26), owner="ben").method != "correction"
    assert saved.id not in [c.id for c in services.corrections_for("ben").list()]
    assert saved.id not in [c.id for c in services.corrections.list()]


def test_a_reply_the_same_day_as_the_last_note_wakes_the_application(tracker: Tracker) -> None:
    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1))
    tracker.mark_sent(app.id, "close_the_loop", date(2027, 1, 4))
    assert tracker.due(date(2027, 1, 4)) == []
    tracker.add_reply(app.id, "Sorry for the delay! Could you do a call on Thursday 7 January "
                      "at 10am?", date(2027, 1, 4), confirm=True)
    assert tracker.due(date(2027, 1, 4))  # they wrote back after the note: not quiet


def test_confirming_an_older_reply_keeps_the_newer_plan(tracker: Tracker) -> None:
    app = northwind(tracker)
    old = tracker.add_reply(app.id, VAGUE, date(2027, 1, 5))
    tracker.add_reply(app.id, REJECTION, date(2027, 1, 12), confirm=True)
    plan = tracker.store.steps(app_id=app.id)
    confirmed = tracker.confirm(old.id)
    assert not confirmed.pending and tracker.superseded(confirmed)
    assert tracker.store.steps(app_id=app.id) == plan


def test_an_imported_message_is_never_imported_twice(tracker: Tracker, tmp_path: Path) -> None:
    app = northwind(tracker)
    path = tmp_path / "reply.eml"
    path.write_text(EML.format(body=VAGUE))
    first = tracker.import_messages(read_messages(path), date(2026, 12, 14))
    again = tracker.import_messages(read_messages(path), date(2026, 12, 14))
    assert first[0].event is not None and not first[0].duplicate
    assert again[0].event is None and again[0].duplicate
    assert len([e for e in tracker.store.events(app.id) if e.kind == "reply"]) == 1


def test_filed_by_hand_and_never_into_someone_elses(tracker: Tracker, tmp_path: Path) -> None:
    mine = tracker.store.add(Application(company="Hoshi Foods", role="Analyst"))
    theirs = tracker.store.add(Application(company="Other", role="Analyst"), "ben")
    path = tmp_path / "portal.eml"
    path.write_text(EML.format(body=VAGUE).replace("dana@northwind.example",
                                                   "noreply@greenhouse.io"))
    [item] = tracker.import_messages(read_messages(path), date(2026, 12, 14), to=mine.id)
    assert item.event is not None and item.event.application_id == mine.id
    with pytest.raises(InputError):
        tracker.confirm(item.event.id, app_id=theirs.id)
    assert tracker.store.event(item.event.id).pending  # nothing moved


def test_a_csv_export_imports_back(tracker: Tracker, tmp_path: Path) -> None:
    from coach.applications.transfer import import_csv

    app = northwind(tracker)
    tracker.add_interview(app.id, date(2026, 12, 1), DEBRIEF)
    tracker.mark_sent(app.id, "thank_you", date(2026, 12, 1))
    tracker.add_reply(app.id, VAGUE, date(2026, 12, 14), confirm=True)
    fresh = Tracker(ApplicationStore(tmp_path / "fresh.db"), tracker.interpret)
    [copy] = import_csv(fresh, export_csv(tracker.store))
    assert (copy.company, copy.contact_name) == (app.company, app.contact_name)
    assert [e.kind for e in fresh.store.events(copy.id)] == ["interview", "sent", "reply"]
    assert [i.kind for i in fresh.due(date(2026, 12, 21))] == \
        [i.kind for i in tracker.due(date(2026, 12, 21))]
    with pytest.raises(InputError, match="header"):
        import_csv(fresh, "name,title\nx,y\n")


def test_a_message_no_application_matches_can_start_one(tracker: Tracker,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "new.eml"
    path.write_text(EML.format(body=VAGUE).replace(
        "Dana Reyes <dana@northwind.example>", "Priya Nair <priya@hoshi-foods.co.uk>").replace(
        "Subject: Your interview", "Subject: Your application for the Data Analyst role"))
    [skipped] = tracker.import_messages(read_messages(path), date(2026, 12, 14))
    assert skipped.event is None and tracker.store.applications() == []
    [item] = tracker.import_messages(read_messages(path), date(2026, 12, 14), new=True)
    app = item.match.application
    assert app is not None and (app.company, app.role) == ("Hoshi Foods", "Data Analyst")
    assert (app.contact_name, app.contact_email) == ("Priya Nair", "priya@hoshi-foods.co.uk")
    assert item.event is not None and item.event.pending
