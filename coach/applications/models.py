"""What the tracker keeps: applications, their timeline of events, and the steps that fall due."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from coach.schemas import EmailKind, Interpretation

Stage = Literal["applied", "screen", "interview", "final", "offer", "closed"]
STAGES: tuple[Stage, ...] = ("applied", "screen", "interview", "final", "offer", "closed")
STAGE_LABELS: dict[Stage, str] = {
    "applied": "Applied", "screen": "Phone screen", "interview": "Interview",
    "final": "Final round", "offer": "Offer", "closed": "Closed"}
EventKind = Literal["interview", "reply", "draft", "sent", "note"]
EVENT_LABELS: dict[EventKind, str] = {
    "interview": "Interview held", "reply": "Reply received", "draft": "Email drafted",
    "sent": "Email sent", "note": "Note"}
# Days of silence after the last event before a stage asks for a nudge (the user can change
# them): an application sent, a screen, an interview, a final round, an offer being weighed.
SILENCE_DAYS: dict[Stage, int] = {"applied": 14, "screen": 7, "interview": 7, "final": 7,
                                  "offer": 3, "closed": 0}
Status = Literal["overdue", "today", "this week", "later"]


class Application(BaseModel):
    """One job the user is pursuing."""

    id: int = 0
    company: str = Field(min_length=1, max_length=200)
    role: str = Field(min_length=1, max_length=200)
    contact_name: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=320)
    stage: Stage = "applied"
    interview_dates: list[date] = Field(default_factory=list)
    archived: bool = False
    created: str = ""
    updated: str = ""

    @field_validator("company", "role", "contact_name", "contact_email", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return " ".join(value.split()) if isinstance(value, str) else value

    @property
    def label(self) -> str:
        return f"{self.company} — {self.role}"

    @property
    def domain(self) -> str:
        """The contact's email domain, lower-cased ('' without an address)."""
        return self.contact_email.rpartition("@")[2].lower() if "@" in self.contact_email else ""


class Event(BaseModel):
    """One thing that happened in an application; a reply is `pending` until confirmed."""

    id: int = 0
    application_id: int
    kind: EventKind
    on: date
    text: str = ""
    email_kind: EmailKind | None = None
    reading: Interpretation | None = None
    pending: bool = False
    sender: str = ""
    subject: str = ""
    stage: Stage | None = None  # the stage an interview was (for the user's own numbers)
    created: str = ""


class Step(BaseModel):
    """A dated step of an application's plan, kept so its calendar event stays the same event
    (same UID) when a later reading moves its date (SEQUENCE goes up)."""

    uid: str
    application_id: int
    key: str  # what the step is, independent of its date: e.g. "follow-up-1"
    on: date
    action: str
    why: str
    phrase: str = ""
    email_kind: EmailKind | None = None
    sequence: int = 0
    done: bool = False
    event_id: int | None = None  # the reading or interview the step came from


class DueItem(BaseModel):
    """A step that is due, with why and the words it came from."""

    application: int
    label: str
    due: date
    kind: EmailKind | None
    action: str
    why: str
    phrase: str
    status: Status
    uid: str


class Duration(BaseModel):
    """The user's own waiting times: interview (or application) to the reply that followed."""

    stage: Stage
    company: str
    days: int
