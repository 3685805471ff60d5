"""The email wing: kinds (what each email is for), models, the user's details, the guide's
frames, the checks every draft must pass, and the drafter that streams a checked draft.

Imports run one way: models <- kinds, details <- checks, frames <- draft."""

from coach.emails.details import tidy
from coach.emails.draft import Update, draft, facts, mailto, stream_draft, to_eml
from coach.emails.kinds import KIND, KINDS, Kind, bounds
from coach.emails.models import EmailDraft, EmailRequest, placeholder

__all__ = ["KIND", "KINDS", "EmailDraft", "EmailRequest", "Kind", "Update", "bounds", "draft",
           "facts", "mailto", "placeholder", "stream_draft", "tidy", "to_eml"]
