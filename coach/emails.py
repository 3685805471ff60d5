"""Follow-up email drafts: grounded in the guide, personalised by the model, then checked.

Every draft is validated (facts from the request only, no unfilled placeholders, a subject,
a length that suits the kind, the guide's tone rules); a failing draft is regenerated once
with its failures named, and if it still fails, or no model answers, a template built from
the guide's own structure is returned. The user always gets a usable draft.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from coach.cleaning import _CONTROL
from coach.email_checks import check_draft, placeholder, repair
from coach.email_templates import LENGTHS, template_draft
from coach.errors import CoachError
from coach.prompts import load_prompt
from coach.retrieval import Guidance
from coach.schemas import EmailKind, Interpretation

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import KnowledgeIndex

MAX_FIELD = 10_000
KIND_BRIEFS: dict[str, str] = {
    "thank_you": "a thank-you email sent within 24 hours of the interview: thank them, "
                 "mention one or two specific topics discussed, restate interest and fit",
    "no_response_follow_up": "a polite follow-up after no response: thank them again, restate "
                             "interest, ask whether there is an update on the timeline",
    "feedback_request": "a request for feedback on the interview: thank them, ask for one or "
                        "two specific points to improve, no pressure",
    "reply_to_timeline": "a reply to a stated timeline: thank them, acknowledge the date, and "
                         "ask whether following up after that date is welcome",
    "confirm_next_step": "an acceptance of the next step: thank them, say you are glad to move "
                         "forward, give availability or what they asked for",
    "reply_to_no_next_steps": "a gracious reply to news that hiring is paused: thank them for "
                              "telling you, say you understand, stay interested if it reopens",
    "reply_to_rejection": "a gracious reply to a rejection: thank them, accept the decision, "
                          "keep the door open for future roles, optionally ask for feedback",
    "additional_information": "a short note offering something that helps the decision "
                              "(an example of work, a reference, a clarification)",
}
GUIDE_QUERIES: dict[str, str] = {
    "thank_you": "sending a thank-you email within 24 hours sample",
    "no_response_follow_up": "follow-up email after no response template",
    "feedback_request": "requesting feedback on your interview performance example",
    "reply_to_timeline": "clear timeline provided would it be appropriate to follow up",
    "confirm_next_step": "immediate next steps confirm availability for a second interview",
    "reply_to_no_next_steps": "no clear next steps I understand these processes take time",
    "reply_to_rejection": "negative response keep the door open feedback",
    "additional_information": "anything else I can provide to assist in the decision",
}


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
    tone: Literal["warm", "formal", "concise"] = "warm"
    length: Literal["short", "medium", "long"] | None = None
    extra: str = Field(default="", description="anything else to include, e.g. availability")


class EmailDraft(BaseModel):
    """A ready-to-edit email."""

    kind: EmailKind
    subject: str
    body: str
    guidance: list[Guidance] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    method: Literal["model", "model (repaired)", "model (second try)", "template"] = "model"

    @property
    def words(self) -> int:
        """Words in the body."""
        return len(self.body.split())


def to_eml(result: EmailDraft, to: str = "") -> bytes:
    """The draft as an .eml message the user's mail program opens as a new draft."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = result.subject
    if to:
        message["To"] = to
    message["X-Unsent"] = "1"  # mail programs open it as a draft to edit and send
    message.set_content(result.body)
    return bytes(message)


def mailto(result: EmailDraft, to: str = "") -> str:
    """A mailto: link that opens the draft in the default mail program."""
    from urllib.parse import quote

    return f"mailto:{quote(to)}?subject={quote(result.subject)}&body={quote(result.body)}"


def tidy(request: EmailRequest) -> tuple[EmailRequest, list[str]]:
    """Fields cut to size and stripped of control characters; warnings for what was changed."""
    warnings: list[str] = []
    updates: dict[str, str] = {}
    for name in ("candidate_name", "interviewer_name", "company", "role", "topics",
                 "experience", "extra"):
        value = _CONTROL.sub("", str(getattr(request, name) or "")).strip()
        if len(value) > MAX_FIELD:
            value = value[:MAX_FIELD]
            warnings.append(f"The {name.replace('_', ' ')} field was cut to "
                            f"{MAX_FIELD:,} characters.")
        updates[name] = value
    return request.model_copy(update=updates), warnings


def missing_warnings(request: EmailRequest) -> list[str]:
    """One warning per empty field the draft needs, naming its [placeholder]."""
    needed = {"interviewer_name": "the interviewer's name", "company": "the company",
              "role": "the role", "candidate_name": "your name"}
    if request.kind == "thank_you":
        needed["topics"] = "what you discussed"
    return [f"Add {label}: the draft marks it {placeholder(field)}."
            for field, label in needed.items() if not getattr(request, field)]


def facts(request: EmailRequest) -> str:
    """The request's facts as a bullet list for the prompt; empty ones as placeholders."""
    def value(field: str) -> str:
        return str(getattr(request, field) or "") or placeholder(field)

    lines = [
        f"- Candidate (signs the email): {value('candidate_name')}",
        f"- Interviewer (addressee): {value('interviewer_name')}",
        f"- Company: {value('company')}",
        f"- Role: {value('role')}",
    ]
    if request.interview_date:
        lines.append(f"- Interview date: {request.interview_date:%A %d %B %Y}")
    if request.topics:
        lines.append(f"- Discussed in the interview: {request.topics}")
    if request.experience:
        lines.append(f"- Candidate's relevant experience: {request.experience}")
    if request.extra:
        lines.append(f"- Also include: {request.extra}")
    interp = request.interpretation
    if interp is not None:
        if interp.deadline:
            lines.append(f"- They said: \"{interp.deadline.phrase}\" ({interp.deadline.label})")
        if interp.next_step != "none":
            lines.append(f"- Next step they offered: {interp.next_step.replace('_', ' ')}")
        if interp.asks:
            lines.append(f"- They asked for: {', '.join(interp.asks)}")
    return "\n".join(lines)


def split_draft(text: str) -> tuple[str, str]:
    """Subject and body from 'Subject: ...' followed by the body."""
    text = text.strip().strip("`").strip()
    match = re.match(r"(?is)^\**subject\**\s*:\**\s*(.+?)\s*\n(.*)$", text)
    if match:
        return match.group(1).strip().strip("*"), match.group(2).strip()
    return "", text


def draft(request: EmailRequest, model: ChatModel | None,
          index: KnowledgeIndex | None = None) -> EmailDraft:
    """A validated draft from the model, or the guide-based template when that fails."""
    request, warnings = tidy(request)
    warnings += missing_warnings(request)
    guidance: list[Guidance] = []
    if index is not None:
        try:
            guidance = index.retrieve(GUIDE_QUERIES[request.kind], k=2)
        except CoachError:
            warnings.append("The guide index is not available; the draft cites no passages.")
    low, high = LENGTHS[request.kind]
    if request.length == "short":
        high = (low + high) // 2
    elif request.length == "long":
        low = (low + high) // 2
    fallback_reason = "No language model is configured."
    if model is not None:
        system = load_prompt(
            "email", brief=KIND_BRIEFS[request.kind], tone=request.tone, high=high,
            target=(low + high) // 2,
            facts=facts(request),
            guidance="\n\n".join(f"[{g.heading_path}]\n{g.text}" for g in guidance) or "(none)",
        )
        messages = [{"role": "system", "content": system},
                    {"role": "user", "content": "Write the email now."}]
        for attempt in range(2):
            try:
                text = model.complete(messages, max_tokens=int(high * 1.6) + 60,
                                      temperature=0.4)
            except CoachError as exc:
                fallback_reason = f"The model could not write it ({exc})"
                break
            subject, body = split_draft(text)
            problems = check_draft(subject, body, request, (low, high))
            method: Literal["model", "model (repaired)", "model (second try)"] = \
                "model" if attempt == 0 else "model (second try)"
            if problems:
                mended = repair(subject, body, request, (low, high))
                if not check_draft(*mended, request, (low, high)):
                    (subject, body), problems = mended, []
                    method = "model (repaired)" if attempt == 0 else method
            if not problems:
                return EmailDraft(kind=request.kind, subject=subject, body=body,
                                  guidance=guidance, warnings=warnings, method=method)
            fallback_reason = "The model's draft failed checks twice (" + "; ".join(problems) + ")"
            messages += [{"role": "assistant", "content": text},
                         {"role": "user", "content": "Rewrite it. Fix: " + "; ".join(problems)
                          + ". Start with 'Subject:'."}]
    subject, body = template_draft(request)
    warnings.append(f"{fallback_reason}: this draft is built from the guide's template. "
                    "Personalise it before sending.")
    return EmailDraft(kind=request.kind, subject=subject, body=body, guidance=guidance,
                      warnings=warnings, method="template")
