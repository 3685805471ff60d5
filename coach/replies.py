"""Interpret a recruiter's reply: category, evidence, dates, next step, guidance and a plan."""

from __future__ import annotations

import collections
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from coach.classifier import Reading, default_classifier, strip_injection
from coach.cleaning import clean_reply
from coach.cues import Hit
from coach.errors import CoachError, InputError
from coach.plan import make_plan
from coach.prompts import load_prompt
from coach.schemas import (
    CATEGORIES,
    Ask,
    Category,
    DeadlineInfo,
    Interpretation,
    NextStepKind,
    ReplyContext,
)

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import KnowledgeIndex

# Below this confidence the fast path asks the language model, when one is available.
ASK_MODEL_BELOW = 0.6
MODEL_CHARS = 700
EVIDENCE_FAMILIES: dict[Category, tuple[str, ...]] = {
    "rejection": ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone",
                  "reject_soft"),
    "none": ("hold",),
    "immediate": ("next_interview", "assessment", "meet_team", "references", "offer", "schedule",
                  "other_role"),
    "clear_timeline": ("decision_words",),
    "vague": ("still_in_process", "decision_words"),
}
REASONS: dict[Category, str] = {
    "clear_timeline": "They gave a time for the decision or their next contact.",
    "vague": "The process is still going, but they gave no date.",
    "immediate": "They are offering or asking for a concrete next step now.",
    "none": "The hiring is paused for now; the role is not closed.",
    "rejection": "They are not moving forward with you for this role.",
}
GUIDE_QUERIES: dict[Category, str] = {
    "clear_timeline": "interviewer gave a clear timeline; follow up a few days after that date",
    "vague": "vague response still interviewing other candidates; how to respond and follow up",
    "immediate": "immediate next steps second interview or assessment; confirm availability",
    "none": "no clear next steps, restructuring or delays; stay professional",
    "rejection": "negative response; acknowledge, ask for feedback and keep the door open",
}
BANKS = "replies"


class ModelVerdict(BaseModel):
    """The model's reading of a reply the fast path was unsure about."""

    category: Category = Field(description="the category that fits the reply best")
    confidence: float = Field(ge=0, le=1, description="how sure you are, 0 to 1")


def _fmt(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def describe_deadline(start: date, end: date) -> str:
    """Dates in words: 'Fri 27 Nov 2026' or 'Mon 30 Nov – Fri 4 Dec 2026'."""
    if start == end:
        return _fmt(start)
    left = f"{start:%a} {start.day} {start:%b}" + (f" {start:%Y}" if start.year != end.year else "")
    return f"{left} – {_fmt(end)}"


def _next_step(families: collections.Counter[str], category: Category) -> NextStepKind:
    if category != "immediate":
        return "none"
    for family, kind in (("offer", "offer_discussion"), ("references", "reference_check"),
                         ("assessment", "skills_assessment"), ("meet_team", "meet_the_team"),
                         ("next_interview", "second_interview")):
        if families[family]:
            return kind  # type: ignore[return-value]
    return "second_interview" if families["schedule"] else "none"


def _asks(hits: Sequence[Hit]) -> list[Ask]:
    asks: list[Ask] = []
    words = " ".join(h.phrase.lower() for h in hits)
    requested = any(h.family == "schedule" for h in hits)
    if any(w in words for w in ("availab", "free", "times", "slot", "works for you", "suit")):
        asks.append("availability")
    if any(w in words for w in ("referee", "reference")) and (requested or "referee" in words):
        asks.append("references")
    if any(w in words for w in ("passport", "payslip", " id", "document", "form", "paperwork",
                                "transcript", "certificate", "portfolio", "bank details")):
        asks.append("documents")
    return asks


def _evidence(text: str, reading: Reading, category: Category) -> list[str]:
    wanted = EVIDENCE_FAMILIES[category]
    phrases: list[str] = []
    for hit in reading.hits:
        if hit.family in wanted and hit.phrase not in phrases:
            phrases.append(hit.phrase)
    if reading.deadline and category == "clear_timeline":
        phrases.insert(0, reading.deadline.phrase)
    elif reading.deadline and category == "immediate":
        phrases.append(reading.deadline.phrase)
    return [p for p in phrases if p in text][:4]


def _ask_model(model: ChatModel, text: str) -> ModelVerdict:
    # The instructions and examples are fixed, so the server's prompt cache keeps them; only
    # the (shortened) reply is new to read, which keeps this step to a few seconds on 2 cores.
    messages = [{"role": "system", "content": load_prompt("classify_reply")},
                {"role": "user", "content": f"Message:\n\"\"\"\n{text[:MODEL_CHARS]}\n\"\"\""}]
    return model.parse(messages, ModelVerdict, max_tokens=30, temperature=0.0)


def interpret(
    text: str,
    received: date | None = None,
    interview_date: date | None = None,
    context: ReplyContext | None = None,
    *,
    index: KnowledgeIndex | None = None,
    model: ChatModel | None = None,
    knowledge_dir: Path | None = None,
    thank_you_sent: bool = False,
) -> Interpretation:
    """Read a recruiter's reply; the model (if given) is asked only when the fast path is unsure."""
    from coach.config import REPO_ROOT

    if not isinstance(text, str) or not text.strip():
        raise InputError("Paste what the recruiter or interviewer said or wrote.")
    received = received or date.today()
    cleaned = clean_reply(text)
    body, injected = strip_injection(cleaned.text)
    notes = list(cleaned.notes)
    if injected:
        notes.append("Lines that gave instructions to an AI were ignored; the reply was read "
                     "on its content.")
    if not body.strip():
        raise InputError("There is no readable text in what you pasted.")
    bank_path = (knowledge_dir or REPO_ROOT / "knowledge") / BANKS
    reading = default_classifier(bank_path).read(body, received)
    category = reading.category
    confidence = reading.probs[category]
    method: Literal["rules", "rules+model"] = "rules"
    if model is not None and confidence < ASK_MODEL_BELOW and reading.rule is None:
        try:
            verdict = _ask_model(model, body)
            ranked = sorted(CATEGORIES, key=lambda c: -reading.probs[c])[:3]
            if verdict.category in ranked:
                category = verdict.category
                confidence = max(reading.probs[category],
                                 min(0.85, (reading.probs[category] + verdict.confidence) / 2))
                method = "rules+model"
        except CoachError as exc:
            notes.append(f"The language model could not help with this one ({exc}); "
                         "this is the fast reading.")
    deadline = None
    if reading.deadline and category in ("clear_timeline", "immediate", "vague"):
        d = reading.deadline
        deadline = DeadlineInfo(phrase=d.phrase, start=d.start, end=d.end,
                                business_days=d.business_days,
                                label=describe_deadline(d.start, d.end))
        if category == "vague":  # a stated time makes it a timeline after all
            category = "clear_timeline"
    families = reading.families
    next_step = _next_step(families, category)
    evidence = _evidence(body, reading, category)
    reason = reading.rule.capitalize() + "." if reading.rule else REASONS[category]
    if evidence:
        reason = f"{reason} (“{evidence[0]}”)"
    guidance = []
    if index is not None:
        try:
            guidance = index.retrieve(GUIDE_QUERIES[category], k=2, remember=True)
        except CoachError:
            notes.append("The guide index is not available, so no passages are cited.")
    plan = make_plan(category, received, deadline=deadline, interview_date=interview_date,
                     next_step=next_step, thank_you_sent=thank_you_sent)
    return Interpretation(
        text=body, received=received, interview_date=interview_date, category=category,
        confidence=round(confidence, 3), reason=reason, evidence=evidence, deadline=deadline,
        next_step=next_step, asks=_asks(reading.hits) if category == "immediate" else [],
        guidance=guidance, plan=plan, notes=notes, method=method,
    )
