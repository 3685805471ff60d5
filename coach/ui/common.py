"""Helpers the tabs share: dates from text boxes, error cards, temporary downloads."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coach import views
from coach.emails.kinds import KINDS
from coach.errors import CoachError, InputError

# Events that wait on the language model share one queue lane, so quick requests (interpret,
# search) never wait behind a long generation; llama.cpp has two slots, hence two at a time.
MODEL_LANE, MODEL_LANE_SIZE = "model", 2

EMAIL_KINDS = [(kind.label, kind.name) for kind in KINDS]


@dataclass
class Shared:
    """The interview details entered once at the top and reused by every tab."""

    name: Any
    company: Any
    role: Any
    interviewer: Any
    interview_date: Any


def announce_cold_start(services: Any, progress: Any = None) -> None:
    """Tell the user, in the page, when this request has to start the built-in model first.

    Given the event's gr.Progress, also check the model file here (or, the very first time,
    join it from its 22 parts) with a progress bar, so the long part of a cold start is seen;
    the server start that follows then only loads the model (after a join it re-checks the
    file, about a second). Raises CoachError when the file cannot be made.
    """
    import gradio as gr

    if not services.uses_local_model() or services.local_server.running:
        return
    gr.Info("Starting the built-in model: the first start checks (or prepares) a 1.1 GB "
            "file and can take up to a minute.")
    if progress is None:
        return
    shown = {"desc": "Checking the built-in model file...", "percent": -1}

    def said(message: str) -> None:
        shown["desc"], shown["percent"] = message, -1

    def moved(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown["percent"]:  # about a hundred updates a pass, not one a block
            shown["percent"] = percent
            progress(percent / 100, desc=str(shown["desc"]))

    services.local_server.prepare(on_bytes=moved, progress=said)


def owner_of(request: Any) -> str:
    """The signed-in user (COACH_AUTH), or '' for the local user: whose data a request sees."""
    return str(getattr(request, "username", None) or "")


def parse_date(value: str | None, label: str) -> date | None:
    """A YYYY-MM-DD text box as a date (None when empty)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{label} should look like 2026-11-26.") from None


def error_card(exc: CoachError) -> str:
    """A short error message for the page (never a traceback)."""
    return f"<div class='result-card' role='alert'><b>Problem:</b> {views.esc(exc)}</div>"


def download(name: str, data: bytes | str) -> str:
    """Write a file for the user to download and return its path."""
    path = Path(tempfile.mkdtemp(prefix="coach-")) / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)
