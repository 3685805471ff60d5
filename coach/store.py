"""Practice sessions in SQLite in the data folder, written after every turn.

WAL journal with synchronous=FULL: a turn that was reported saved survives a crash or a
kill -9 of the app; a turn interrupted mid-write is simply absent.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, created TEXT NOT NULL, scenario TEXT NOT NULL,
    report TEXT, scores TEXT
);
CREATE TABLE IF NOT EXISTS turns (
    session_id TEXT NOT NULL REFERENCES sessions(id), n INTEGER NOT NULL,
    role TEXT NOT NULL, text TEXT NOT NULL, assessment TEXT, created TEXT NOT NULL,
    PRIMARY KEY (session_id, n)
);
"""


class SessionSummary(BaseModel):
    """One line of the history list."""

    id: str
    created: str
    company: str
    role: str
    truth: str
    turns: int
    scores: dict[str, int] | None = None


class Store:
    """Thread-safe access to the practice database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = not path.exists()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if fresh:
            os.chmod(path, 0o600)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}
        if "owner" not in columns:  # databases from before COACH_AUTH users had their own
            self._db.execute("ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
        self._lock = threading.Lock()

    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(sql, args)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def create(self, session_id: str, scenario: dict[str, Any], owner: str = "") -> None:
        """Record a new session (of `owner`, the signed-in user, or '' for the local one)."""
        self._write("INSERT INTO sessions (id, created, scenario, owner) VALUES (?, ?, ?, ?)",
                    (session_id, datetime.now(UTC).isoformat(timespec="seconds"),
                     json.dumps(scenario), owner))

    def add_turn(self, session_id: str, n: int, role: str, text: str,
                 assessment: dict[str, Any] | None = None) -> None:
        """Save one turn (committed before this returns)."""
        self._write("INSERT OR REPLACE INTO turns VALUES (?, ?, ?, ?, ?, ?)",
                    (session_id, n, role, text, json.dumps(assessment) if assessment else None,
                     datetime.now(UTC).isoformat(timespec="seconds")))

    def finish(self, session_id: str, report: dict[str, Any], scores: dict[str, int]) -> None:
        """Attach the report and scores to a session."""
        self._write("UPDATE sessions SET report = ?, scores = ? WHERE id = ?",
                    (json.dumps(report), json.dumps(scores), session_id))

    def end(self, session_id: str) -> None:
        """Close a session without a report (the user cleared it): it is not resumed."""
        self._write("UPDATE sessions SET report = ? WHERE id = ? AND report IS NULL",
                    (json.dumps({"ended": "cleared"}), session_id))

    def turns(self, session_id: str) -> list[dict[str, Any]]:
        """A session's turns in order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT n, role, text, assessment FROM turns WHERE session_id = ? ORDER BY n",
                (session_id,)).fetchall()
        return [{"n": n, "role": role, "text": text,
                 "assessment": json.loads(a) if a else None} for n, role, text, a in rows]

    def earlier_assessments(self, session_id: str, sessions: int = 20) -> list[dict[str, Any]]:
        """The coaching of the candidate's turns in the same owner's spoken sessions before
        this one (the last `sessions` of them), oldest first: what a report compares with."""
        with self._lock:
            rows = self._db.execute(
                "SELECT t.assessment FROM turns t WHERE t.assessment IS NOT NULL AND "
                "t.session_id IN (SELECT e.id FROM sessions e JOIN sessions s ON s.id = ? "
                "WHERE e.owner = s.owner AND e.id != s.id AND e.rowid < s.rowid AND EXISTS "
                "(SELECT 1 FROM turns x WHERE x.session_id = e.id AND "
                "json_extract(x.assessment, '$.delivery') IS NOT NULL) "
                "ORDER BY e.rowid DESC LIMIT ?) ORDER BY t.created, t.n",
                (session_id, sessions)).fetchall()
        return [json.loads(a) for (a,) in rows]

    def session(self, session_id: str, owner: str = "") -> tuple[dict[str, Any], bool] | None:
        """A session's scenario and whether it has a report, or None if the owner has no such
        session."""
        with self._lock:
            row = self._db.execute("SELECT scenario, report FROM sessions WHERE id = ? AND "
                                   "owner = ?", (session_id, owner)).fetchone()
        return (json.loads(row[0]), row[1] is not None) if row else None

    def history(self, limit: int = 50, owner: str = "") -> list[SessionSummary]:
        """The owner's recent sessions, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT s.id, s.created, s.scenario, s.scores, COUNT(t.n) FROM sessions s "
                "LEFT JOIN turns t ON t.session_id = s.id WHERE s.owner = ? GROUP BY s.id "
                "ORDER BY s.created DESC, s.rowid DESC LIMIT ?", (owner, limit)).fetchall()
        out = []
        for sid, created, scenario, scores, count in rows:
            sc = json.loads(scenario)
            out.append(SessionSummary(id=sid, created=created, company=sc.get("company", ""),
                                      role=sc.get("role", ""), truth=sc.get("truth", ""),
                                      turns=count, scores=json.loads(scores) if scores else None))
        return out

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
