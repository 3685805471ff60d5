"""What an email request and a draft are, and the visible markers for what the user left empty.

Every other module of the email wing imports from here; nothing here imports from them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from coach.retrieval import Guidance
from coach.schemas import EmailKind, Interpretation

Tone = Literal["warm", "formal", "concise"]
Method = Literal["model", "model (repaired)", "model (rewritten)", "guide wording", "template"]

PLACEHOLDERS = {
    "candidate_name": "[Your name]", "interviewer_name": "[Interviewer's name]",
    "company": "[Company]", "role": "[Role]", "topics": "[Something specific you discussed]",
    "experience": "[Your relevant experience]", "interview_date": "[Interview date]",
}
# Markers the frames use for what only the user can supply (availability, an attachment).
EXTRA_PLACEHOLDERS = ("[Two or three times that suit you]",
                      "[What you would like to add: an example of work, a reference]",
                      "[The reason, if you want to give one]")
# The fields whose content the draft must carry (or report as left out).
DETAIL_FIELDS = ("topics", "experience", "extra")
TEXT_FIELDS = ("candidate_name", "interviewer_name", "company", "role") + DETAIL_FIELDS


def placeholder(field: str) -> str:
    """The visible marker used for a field the user left empty."""
    return PLACEHOLDERS.get(field, f"[{field.replace('_', ' ').capitalize()}]")


class EmailRequest(BaseModel):
    """What the user wants written, and the facts it may use."""

    kind: EmailKind = "thank_you"
    candidate_name: str = ""
    interviewer_name: str = ""
    company: str = ""
    role: str = ""
    interview_date: date | None = None
    topics: str = Field(default="", description="topics or projects discussed")
    experience: str = Field(default="", description="the candidate's relevant experience")
    interpretation: Interpretation | None = None
    tone: Tone = "warm"
    length: Literal["short", "medium", "long"] | None = None
    extra: str = Field(default="", description="anything else to include, e.g. availability")
    variant: int = Field(default=0, ge=0, description="which wording to use; Regenerate adds 1")


class EmailDraft(BaseModel):
    """A ready-to-edit email, with what was checked and mended."""

    kind: EmailKind
    subject: str
    body: str
    guidance: list[Guidance] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    mended: list[str] = Field(default_factory=list, description="what the checks changed")
    left_out: list[str] = Field(default_factory=list,
                                description="details the user gave that the draft lacks")
    method: Method = "model"

    @property
    def words(self) -> int:
        """Words in the body."""
        return len(self.body.split())
