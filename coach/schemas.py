"""Pydantic models shared by the capabilities, the CLI and the UI."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from coach.retrieval import Guidance

Category = Literal["clear_timeline", "vague", "immediate", "none", "rejection"]
CATEGORIES: tuple[Category, ...] = ("clear_timeline", "vague", "immediate", "none", "rejection")
CATEGORY_LABELS: dict[str, str] = {
    "clear_timeline": "Clear timeline",
    "vague": "Vague — still in process",
    "immediate": "Immediate next step",
    "none": "No next steps for now",
    "rejection": "Rejection",
}
NextStepKind = Literal["second_interview", "skills_assessment", "meet_the_team",
                       "reference_check", "offer_discussion", "none"]
Ask = Literal["availability", "documents", "references"]
EmailKind = Literal["thank_you", "no_response_follow_up", "date_passed", "missed_call",
                    "feedback_request", "reply_to_timeline", "confirm_next_step",
                    "decline_next_step", "reply_to_no_next_steps", "reply_to_rejection",
                    "re_approach", "close_the_loop", "withdraw", "additional_information"]


class DeadlineInfo(BaseModel):
    """A stated time for the decision or next contact, resolved to calendar days."""

    phrase: str = Field(description="the words in the text, verbatim")
    start: date
    end: date
    business_days: bool = False
    label: str = Field(description="the dates in words, e.g. 'Thu 3 Dec – Fri 4 Dec 2026'")


class PlanStep(BaseModel):
    """One dated action of the follow-up plan."""

    on: date
    action: str
    detail: str
    email_kind: EmailKind | None = None
    source: str | None = Field(default=None, description="guide heading path behind the advice")


class Plan(BaseModel):
    """Dated follow-up actions, earliest first."""

    steps: list[PlanStep] = Field(default_factory=list)


class Alternative(BaseModel):
    """One possible reading of a reply, with the sentence behind it."""

    category: Category
    label: str
    confidence: float = Field(ge=0, le=1)
    evidence: list[str] = Field(default_factory=list)


class Interpretation(BaseModel):
    """What a recruiter's reply means and what to do next."""

    text: str = Field(description="the text that was read (after cleaning)")
    received: date
    interview_date: date | None = None
    category: Category
    confidence: float = Field(ge=0, le=1)
    reason: str
    evidence: list[str] = Field(default_factory=list,
                                description="verbatim phrases of `text` that decided it")
    deadline: DeadlineInfo | None = None
    next_step: NextStepKind = "none"
    asks: list[Ask] = Field(default_factory=list)
    guidance: list[Guidance] = Field(default_factory=list)
    plan: Plan = Field(default_factory=Plan)
    notes: list[str] = Field(default_factory=list)
    method: Literal["rules", "rules+model", "correction", "user"] = "rules"
    unsure: bool = Field(default=False, description="confidence too low: the user should choose")
    alternatives: list[Alternative] = Field(
        default_factory=list, description="the two likeliest readings, likeliest first")
    language: str = "en"
    acknowledgement: bool = Field(default=False,
                                  description="an automated acknowledgement of an application")
    no_reply: bool = Field(default=False, description="the sender takes no replies")
    rule: str | None = Field(default=None, description="the precedence rule that applied")
    learned: str | None = Field(default=None,
                                description="what a saved correction changed in this reading")
    cues: list[str] = Field(default_factory=list, description="ids of the cue patterns that fired")

    @property
    def not_read(self) -> bool:
        """Written in a language the reader cannot read, and no reading chosen or corrected:
        there is no category to show and no plan."""
        return not self.plan.steps and self.method not in ("user", "correction")
