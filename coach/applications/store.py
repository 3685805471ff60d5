"""Applications in SQLite, with numbered schema migrations.

Each write is one transaction in a WAL journal with synchronous=FULL: what a command or the page
reported saved survives a crash or a kill -9; a write cut off midway is simply absent. Every
read and write is scoped to an owner (the signed-in user when COACH_AUTH is on, else "").
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from coach.applications.models import Application, Event, Stage, Step
from coach.errors import InputError
from coach.schemas import Interpretation

# Migration n takes a database at version n-1 to version n; a new database runs them all.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE applications (
        id INTEGER PRIMARY KEY, company TEXT NOT NULL, role TEXT NOT NULL,
        contact_name TEXT NOT NULL DEFAULT '', contact_email TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT 'applied', interview_dates TEXT NOT NULL DEFAULT '[]',
        archived INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, updated TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY, application_id INTEGER NOT NULL REFERENCES applications(id)
            ON DELETE CASCADE,
        kind TEXT NOT NULL, on_date TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',
        email_kind TEXT, reading TEXT, pending INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL
    );
    """,
    # 2: an owner per application (COACH_AUTH users), the sender and subject of imported
    # messages, the plan's steps kept with stable calendar ids, each owner's calendar address
    # and silence limits.
    """
    ALTER TABLE applications ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN sender TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN subject TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN stage TEXT NOT NULL DEFAULT '';
    CREATE TABLE steps (
        uid TEXT PRIMARY KEY, application_id INTEGER NOT NULL REFERENCES applications(id)
            ON DELETE CASCADE,
        key TEXT NOT NULL, on_date TEXT NOT NULL, action TEXT NOT NULL, why TEXT NOT NULL,
        phrase TEXT NOT NULL DEFAULT '', email_kind TEXT, sequence INTEGER NOT NULL DEFAULT 0,
        done INTEGER NOT NULL DEFAULT 0, event_id INTEGER
    );
    CREATE TABLE feeds (owner TEXT PRIMARY KEY, token TEXT NOT NULL UNIQUE);
    CREATE TABLE silence (owner TEXT NOT NULL, stage TEXT NOT NULL, days INTEGER NOT NULL,
                          PRIMARY KEY (owner, stage));
    CREATE INDEX applications_owner ON applications(owner);
    CREATE INDEX events_application ON events(application_id);
    """,
)
VERSION = len(MIGRATIONS)
APP_FIELDS = ("company", "role", "contact_name", "contact_email", "stage", "interview_dates",
              "archived")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrate(db: sqlite3.Connection, upto: int = VERSION) -> int:
    """Run the migrations the database lacks (up to `upto`); returns the version reached."""
    have = db.execute("PRAGMA user_version").fetchone()[0]
    if have > VERSION:
        raise InputError(f"The applications database is from a newer version of the app "
                         f"(schema {have}, this one knows {VERSION}): update the app.")
    for n in range(have + 1, upto + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[n - 1].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {n}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return max(have, upto)


class ApplicationStore:
    """Thread-safe access to the applications database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = not path.exists()
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if fresh:
            os.chmod(path, 0o600)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._lock = threading.RLock()
        with self._lock:
            migrate(self._db)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- applications ------------------------------------------------------------------------
    @staticmethod
    def _app(row: sqlite3.Row) -> Application:
        return Application(
            id=row["id"], company=row["company"], role=row["role"],
            contact_name=row["contact_name"], contact_email=row["contact_email"],
            stage=row["stage"], interview_dates=json.loads(row["interview_dates"]),
            archived=bool(row["archived"]), created=row["created"], updated=row["updated"])

    def add(self, app: Application, owner: str = "") -> Application:
        stamp = now()
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO applications (company, role, contact_name, contact_email, stage, "
                "interview_dates, archived, created, updated, owner) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (app.company, app.role, app.contact_name, app.contact_email, app.stage,
                 json.dumps([d.isoformat() for d in app.interview_dates]), int(app.archived),
                 stamp, stamp, owner))
        return self.get(int(cursor.lastrowid or 0), owner)

    def get(self, app_id: int, owner: str = "") -> Application:
        rows = self._rows("SELECT * FROM applications WHERE id = ? AND owner = ?",
                          (app_id, owner))
        if not rows:
            raise InputError(f"No application {app_id}: `coach apps list` shows their ids.")
        return self._app(rows[0])

    def applications(self, owner: str = "", archived: bool = False) -> list[Application]:
        rows = self._rows("SELECT * FROM applications WHERE owner = ? AND archived <= ? "
                          "ORDER BY archived, updated DESC, id DESC", (owner, int(archived)))
        return [self._app(r) for r in rows]

    def update(self, app_id: int, owner: str = "", **changes: Any) -> Application:
        current = self.get(app_id, owner)
        unknown = set(changes) - set(APP_FIELDS)
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))}.")
        merged = Application.model_validate(current.model_dump() | changes)
        with self._tx() as db:
            db.execute(
                "UPDATE applications SET company = ?, role = ?, contact_name = ?, "
                "contact_email = ?, stage = ?, interview_dates = ?, archived = ?, updated = ? "
                "WHERE id = ? AND owner = ?",
                (merged.company, merged.role, merged.contact_name, merged.contact_email,
                 merged.stage, json.dumps([d.isoformat() for d in merged.interview_dates]),
                 int(merged.archived), now(), app_id, owner))
        return self.get(app_id, owner)

    def delete(self, app_id: int, owner: str = "") -> Application:
        app = self.get(app_id, owner)
        with self._tx() as db:
            db.execute("DELETE FROM steps WHERE application_id = ?", (app_id,))
            db.execute("DELETE FROM events WHERE application_id = ?", (app_id,))
            db.execute("DELETE FROM applications WHERE id = ? AND owner = ?", (app_id, owner))
        return app

    # -- events ------------------------------------------------------------------------------
    @staticmethod
    def _event(row: sqlite3.Row) -> Event:
        return Event(
            id=row["id"], application_id=row["application_id"], kind=row["kind"],
            on=date.fromisoformat(row["on_date"]), text=row["text"],
            email_kind=row["email_kind"],
            reading=Interpretation.model_validate_json(row["reading"]) if row["reading"]
            else None, pending=bool(row["pending"]), sender=row["sender"],
            subject=row["subject"], stage=row["stage"] or None, created=row["created"])

    def add_event(self, event: Event, owner: str = "") -> Event:
        self.get(event.application_id, owner)  # it must be the owner's
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO events (application_id, kind, on_date, text, email_kind, reading, "
                "pending, sender, subject, stage, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event.application_id, event.kind, event.on.isoformat(), event.text,
                 event.email_kind, event.reading.model_dump_json() if event.reading else None,
                 int(event.pending), event.sender, event.subject, event.stage or "", now()))
            db.execute("UPDATE applications SET updated = ? WHERE id = ?",
                       (now(), event.application_id))
        return self.event(int(cursor.lastrowid or 0), owner)

    def event(self, event_id: int, owner: str = "") -> Event:
        rows = self._rows("SELECT e.* FROM events e JOIN applications a ON a.id = "
                          "e.application_id WHERE e.id = ? AND a.owner = ?", (event_id, owner))
        if not rows:
            raise InputError(f"No event {event_id}.")
        return self._event(rows[0])

    def events(self, app_id: int, owner: str = "") -> list[Event]:
        self.get(app_id, owner)
        rows = self._rows("SELECT * FROM events WHERE application_id = ? "
                          "ORDER BY on_date, id", (app_id,))
        return [self._event(r) for r in rows]

    def pending(self, owner: str = "") -> list[Event]:
        rows = self._rows("SELECT e.* FROM events e JOIN applications a ON a.id = "
                          "e.application_id WHERE e.pending = 1 AND a.owner = ? "
                          "ORDER BY e.on_date, e.id", (owner,))
        return [self._event(r) for r in rows]

    def update_event(self, event_id: int, owner: str = "", **changes: Any) -> Event:
        current = self.event(event_id, owner)
        merged = Event.model_validate(current.model_dump() | changes)
        self.get(merged.application_id, owner)  # moved only to one of the owner's own
        with self._tx() as db:
            db.execute("UPDATE events SET application_id = ?, pending = ?, reading = ?, "
                       "on_date = ? WHERE id = ?",
                       (merged.application_id, int(merged.pending),
                        merged.reading.model_dump_json() if merged.reading else None,
                        merged.on.isoformat(), event_id))
        return self.event(event_id, owner)

    def delete_event(self, event_id: int, owner: str = "") -> None:
        self.event(event_id, owner)
        with self._tx() as db:
            db.execute("DELETE FROM steps WHERE event_id = ?", (event_id,))
            db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    # -- steps -------------------------------------------------------------------------------
    @staticmethod
    def _step(row: sqlite3.Row) -> Step:
        return Step(uid=row["uid"], application_id=row["application_id"], key=row["key"],
                    on=date.fromisoformat(row["on_date"]), action=row["action"],
                    why=row["why"], phrase=row["phrase"], email_kind=row["email_kind"],
                    sequence=row["sequence"], done=bool(row["done"]), event_id=row["event_id"])

    def steps(self, owner: str = "", app_id: int | None = None) -> list[Step]:
        sql = ("SELECT s.* FROM steps s JOIN applications a ON a.id = s.application_id "
               "WHERE a.owner = ?")
        args: tuple[Any, ...] = (owner,)
        if app_id is not None:
            sql, args = sql + " AND a.id = ?", (owner, app_id)
        return [self._step(r) for r in self._rows(sql + " ORDER BY s.on_date, s.uid", args)]

    def replace_steps(self, app_id: int, steps: list[Step], owner: str = "") -> list[Step]:
        """The plan's steps from a new reading: a step of the same key keeps its uid (its date
        moved: sequence + 1); undone steps of the old plan that the new one lacks go; done
        steps stay, as history."""
        self.get(app_id, owner)
        with self._tx() as db:
            old = {s.key: s for s in self.steps(owner, app_id)}  # read inside: no double add
            keep = set()
            for step in steps:
                before = old.get(step.key)
                if before is not None and before.done:
                    keep.add(step.key)
                    if before.event_id == step.event_id:
                        continue  # already sent: not asked again
                    # A new reading after it was sent (they wrote back): the step is asked
                    # anew, as a new calendar event; the done one stays as history.
                    step = step.model_copy(update={
                        "key": f"{step.key}-{step.event_id}",
                        "uid": step.uid.replace("@", f"-{step.event_id}@", 1)})
                    before = old.get(step.key)
                if before is not None:
                    moved = before.on != step.on or before.action != step.action
                    db.execute("UPDATE steps SET on_date = ?, action = ?, why = ?, phrase = ?, "
                               "email_kind = ?, sequence = ?, event_id = ? WHERE uid = ?",
                               (step.on.isoformat(), step.action, step.why, step.phrase,
                                step.email_kind, before.sequence + int(moved), step.event_id,
                                before.uid))
                else:
                    db.execute("INSERT INTO steps (uid, application_id, key, on_date, action, "
                               "why, phrase, email_kind, sequence, done, event_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
                               (step.uid, app_id, step.key, step.on.isoformat(), step.action,
                                step.why, step.phrase, step.email_kind, step.event_id))
                keep.add(step.key)
            for key, before in old.items():
                if key not in keep and not before.done:
                    db.execute("DELETE FROM steps WHERE uid = ?", (before.uid,))
        return self.steps(owner, app_id)

    def set_done(self, uid: str, done: bool = True, owner: str = "") -> Step:
        rows = [s for s in self.steps(owner) if s.uid == uid]
        if not rows:
            raise InputError(f"No step {uid}.")
        with self._tx() as db:
            db.execute("UPDATE steps SET done = ? WHERE uid = ?", (int(done), uid))
        return rows[0].model_copy(update={"done": done})

    # -- the user's silence limits -----------------------------------------------------------
    def silence(self, owner: str = "") -> dict[str, int]:
        """The stages whose silence limit the owner changed, with their days."""
        rows = self._rows("SELECT stage, days FROM silence WHERE owner = ?", (owner,))
        return {str(r["stage"]): int(r["days"]) for r in rows}

    def set_silence(self, limits: Mapping[Stage, int], owner: str = "") -> dict[str, int]:
        if any(days < 0 or days > 365 for days in limits.values()):
            raise InputError("A silence limit is 0 (never nudge) to 365 days.")
        with self._tx() as db:
            for stage, days in limits.items():
                db.execute("INSERT INTO silence (owner, stage, days) VALUES (?, ?, ?) "
                           "ON CONFLICT (owner, stage) DO UPDATE SET days = excluded.days",
                           (owner, stage, days))
        return self.silence(owner)

    # -- the calendar address ----------------------------------------------------------------
    def feed_token(self, owner: str = "") -> str:
        """The owner's secret calendar address part (made on first use)."""
        import secrets

        with self._tx() as db:
            row = db.execute("SELECT token FROM feeds WHERE owner = ?", (owner,)).fetchone()
            if row is not None:
                return str(row["token"])
            token = secrets.token_urlsafe(18)
            db.execute("INSERT INTO feeds (owner, token) VALUES (?, ?)", (owner, token))
        return token

    def feed_owner(self, token: str) -> str | None:
        rows = self._rows("SELECT owner FROM feeds WHERE token = ?", (token,))
        return str(rows[0]["owner"]) if rows else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
