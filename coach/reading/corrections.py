"""The user's corrections of readings: saved locally (SQLite, written at once), listed,
undoable, and consulted on every reading so that a similar message is read the new way."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from coach.errors import InputError, KnowledgeError
from coach.schemas import CATEGORIES, CATEGORY_LABELS, Category

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id TEXT PRIMARY KEY, created TEXT NOT NULL, text TEXT NOT NULL,
    was TEXT NOT NULL, category TEXT NOT NULL, vector BLOB
);
"""
# How alike (cosine of mean sentence embeddings) a message must be to a corrected one to be
# read the corrected way.
SIMILAR = 0.9


class Correction(BaseModel):
    """One correction: this text is `category`, not `was`."""

    id: str
    created: str
    text: str
    was: Category
    category: Category

    @property
    def summary(self) -> str:
        """One line for lists: what changed, and the start of the text."""
        snippet = " ".join(self.text.split())[:70]
        return (f"{CATEGORY_LABELS[self.was]} → {CATEGORY_LABELS[self.category]}: "
                f"“{snippet}{'…' if len(self.text) > 70 else ''}”")


class CorrectionStore:
    """Corrections in corrections.sqlite3 of the data folder."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise KnowledgeError(f"Your corrections file {path} cannot be read ({exc}); move "
                                 "it aside to start a new one.") from None
        self._lock = threading.Lock()
        self._vectors: list[tuple[str, Category, np.ndarray]] | None = None

    def add(self, text: str, was: str, category: str, vector: np.ndarray | None = None
            ) -> Correction:
        """Save a correction (the text as it was read)."""
        if category not in CATEGORIES or was not in CATEGORIES:
            raise InputError("Choose one of: " + ", ".join(CATEGORIES) + ".")
        if not text.strip():
            raise InputError("There is no reading to correct: interpret a reply first.")
        row = Correction(id=uuid.uuid4().hex[:8], created=datetime.now(UTC).isoformat(
            timespec="seconds"), text=text, was=was, category=category)
        blob = None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()
        with self._lock:
            self._db.execute("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?)",
                             (row.id, row.created, row.text, row.was, row.category, blob))
            self._vectors = None
        return row

    def list(self) -> list[Correction]:
        """Every correction, newest first."""
        with self._lock:
            rows = self._db.execute("SELECT id, created, text, was, category FROM corrections "
                                    "ORDER BY created DESC, rowid DESC").fetchall()
        return [Correction(id=r[0], created=r[1], text=r[2], was=r[3], category=r[4])
                for r in rows]

    def undo(self, correction_id: str) -> Correction:
        """Remove a correction; the reader reads such messages its own way again."""
        match = [c for c in self.list() if c.id == correction_id.strip()]
        if not match:
            raise InputError(f"No correction with id {correction_id!r}: see `coach corrections "
                             "list`.")
        with self._lock:
            self._db.execute("DELETE FROM corrections WHERE id = ?", (match[0].id,))
            self._vectors = None
        return match[0]

    def nearest(self, vector: np.ndarray) -> tuple[Correction, float] | None:
        """The most similar corrected message, if it is similar enough."""
        with self._lock:
            if self._vectors is None:
                try:
                    rows = self._db.execute("SELECT id, category, vector FROM corrections "
                                            "WHERE vector IS NOT NULL ORDER BY rowid DESC"
                                            ).fetchall()
                except sqlite3.Error:
                    return None  # a damaged file: read as if there were no corrections
                self._vectors = [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32))
                                 for r in rows]
            vectors = self._vectors
        best: tuple[str, float] | None = None
        for cid, _, v in vectors:  # newest first: a later correction of the same text wins
            if v.shape != vector.shape:
                continue
            similarity = float(v @ vector)
            if similarity >= SIMILAR and (best is None or similarity > best[1]):
                best = (cid, similarity)
        if best is None:
            return None
        found = [c for c in self.list() if c.id == best[0]]
        return (found[0], best[1]) if found else None

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
