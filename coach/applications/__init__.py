"""The tracker: applications, their events and dated steps, what is due, a calendar feed,
batch import of messages, export. Imports go one way: models <- store <- tracker, calendar,
importing, transfer."""

from coach.applications.models import (
    EVENT_LABELS,
    SILENCE_DAYS,
    STAGE_LABELS,
    STAGES,
    Application,
    DueItem,
    Event,
    Step,
)
from coach.applications.store import ApplicationStore
from coach.applications.tracker import Tracker

__all__ = ["EVENT_LABELS", "SILENCE_DAYS", "STAGES", "STAGE_LABELS", "Application",
           "ApplicationStore", "DueItem", "Event", "Step", "Tracker"]
