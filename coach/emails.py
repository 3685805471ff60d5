"""Follow-up email drafts: grounded in the guide, personalised by the model, then checked.

The guide's shape of each kind of email (subject, greeting, opening thanks, closing, sign-off)
is fixed by `email_templates.frame`; the model writes the paragraph that makes it personal,
from the request's facts. Keeping the model to one paragraph keeps a small local model fast
and on script. Every draft is validated (facts from the request only, no unfilled
placeholders, a length that suits the kind, the guide's tone rules); a failing paragraph is
mended mechanically or regenerated once with its failures named, and if it still fails, or no
model answers, the frame's own guide-worded middle is used. The user always gets a usable draft.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from coach.email_checks import check_draft, placeholder, repair
from coach.email_templates import LENGTHS, Frame, frame, template_draft
from coach.errors import CoachError
from coach.prompts import load_prompt
from coach.retrieval import Guidance
from coach.schemas import EmailKind, Interpretation
from coach.text.cleaning import _CONTROL

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import KnowledgeIndex

MAX_FIELD = 10_000
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


GREETING = re.compile(r"(?i)^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b"
                      r"[^.!?\n]{0,60}[,:!]?$")
SIGN_OFF_LINE = re.compile(
    r"(?i)^(?:best|kind|warm|warmest|many thanks|thanks|thank you|regards|sincerely|yours|"
    r"cheers|all the best|respectfully|with gratitude)\b[^.!?\n]{0,25}[,.!]?$")
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _overlap(a: str, b: str) -> float:
    """Share of the shorter sentence's words found in the other (0..1)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def paragraph(text: str, request: EmailRequest, shape: Frame) -> str:
    """The model's paragraph, without the subject, greeting, repeated opening or closing and
    sign-off a small model often adds anyway."""
    lines = [line.strip() for line in text.strip().strip("`").strip().splitlines()]
    lines = [line for line in lines if not re.match(r"(?i)^\**subject\**\s*:", line)]
    while lines and (not lines[0] or GREETING.match(lines[0])):
        lines.pop(0)
    for i, line in enumerate(lines):
        if SIGN_OFF_LINE.match(line):
            lines = lines[:i]
            break
    names = {request.candidate_name, placeholder("candidate_name"), ""}
    while lines and lines[-1] in names:
        lines.pop()
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    # The prompt's own label for the gap, echoed: "<THE PARAGRAPH>", "THE PARAGRAPH: ..."
    body = re.sub(r"(?i)^\W*(?:the )?paragraph\W*?[:\-–][*_]*\s*", "", body)
    body = re.sub(r"<?\bTHE PARAGRAPH\b>?:?", "", body).strip()
    if body[:1] in "\"“'" and body[-1:] in "\"”'":  # echoed the quoted example's quotes
        body = body[1:-1].strip()
    elif body[:1] in "\"“" and body.count(body[0]) == 1:
        body = body[1:].strip()
    elif body[-1:] in "\"”" and body.count(body[-1]) == 1:
        body = body[:-1].strip()
    sentences = [s for s in SENTENCE.split(body) if s.strip()]
    if len(sentences) > 1 and not re.search(r"[.!?\"”')]$", sentences[-1]):
        sentences.pop()  # cut off by the token limit mid-sentence
        body = " ".join(sentences)
    kept = [s for i, s in enumerate(sentences)
            if _overlap(s, shape.opening) < 0.7 and _overlap(s, shape.closing) < 0.7
            and not (i == 0 and re.match(r"(?i)(thank|thanks)\b", s.strip()))]
    return " ".join(kept).strip() if len(kept) != len(sentences) else body


def _trim(text: str, high: int) -> str:
    """Drop the paragraph's last sentences while it is over `high` words (keeps one)."""
    sentences = SENTENCE.split(text)
    while len(sentences) > 1 and len(" ".join(sentences).split()) > high:
        sentences.pop()
    return " ".join(sentences)


def _paragraph_problems(problems: list[str], words: int, bounds: tuple[int, int]) -> list[str]:
    """The whole-body checks restated for the paragraph the model writes."""
    low, high = bounds
    # The frame always supplies the subject and the opening thanks.
    out = [p for p in problems if not p.startswith(("write at least", "keep it under",
                                                    "open with thanks"))]
    if words < low:
        out.append(f"write a longer paragraph: at least {low} words (now {words})")
    elif words > high:
        out.append(f"write a shorter paragraph: at most {high} words (now {words})")
    return out


def draft(request: EmailRequest, model: ChatModel | None,
          index: KnowledgeIndex | None = None) -> EmailDraft:
    """A validated draft: the guide's frame around a paragraph the model writes from the
    request's facts, or the guide-based template when that fails."""
    request, warnings = tidy(request)
    warnings += missing_warnings(request)
    guidance: list[Guidance] = []
    if index is not None:
        try:
            guidance = index.retrieve(GUIDE_QUERIES[request.kind], k=2, remember=True)
        except CoachError:
            warnings.append("The guide index is not available; the draft cites no passages.")
    low, high = LENGTHS[request.kind]
    if request.length == "short":
        high = (low + high) // 2
    elif request.length == "long":
        low = (low + high) // 2
    shape = frame(request)
    # The paragraph's own bounds: what the frame leaves of the kind's length.
    p_low, p_high = max(1, low - shape.words), max(10, high - shape.words)
    target = min(p_high, max(30, p_low + 20) + (25 if request.length == "long" else 0))
    fallback_reason = "No language model is configured."
    if model is not None:
        system = load_prompt("email", guidance="\n\n".join(
            f"[{g.heading_path}]\n{g.text}" for g in guidance[:1]) or "(none)")
        ask = load_prompt(
            "email_request", tone=request.tone, greeting=shape.greeting, opening=shape.opening,
            closing=shape.closing, facts=facts(request), task=shape.task, target=target,
            example=shape.middle,
            sentences="Two or three sentences" if target >= 45 else "One or two sentences")
        messages = [{"role": "system", "content": system}, {"role": "user", "content": ask}]
        for attempt in range(2):
            try:
                text = model.complete(messages, max_tokens=min(int(p_high * 1.6), 2 * target)
                                      + 20,
                                      temperature=0.4)
            except CoachError as exc:
                fallback_reason = f"The model could not write it ({exc})"
                break
            middle = paragraph(text, request, shape)
            body = shape.body(middle)
            problems = _paragraph_problems(
                check_draft(shape.subject, body, request, (low, high)),
                len(middle.split()), (p_low, p_high))
            method: Literal["model", "model (repaired)", "model (second try)"] = \
                "model" if attempt == 0 else "model (second try)"
            if problems:
                mended = _trim(repair(middle, request), p_high)
                body = shape.body(mended)
                if mended and not check_draft(shape.subject, body, request, (low, high)):
                    problems = []
                    method = "model (repaired)" if attempt == 0 else method
            if not problems:
                return EmailDraft(kind=request.kind, subject=shape.subject, body=body,
                                  guidance=guidance, warnings=warnings, method=method)
            fallback_reason = "The model's draft failed checks twice (" + "; ".join(problems) + ")"
            messages += [{"role": "assistant", "content": text},
                         {"role": "user", "content": "Rewrite the paragraph. Fix: "
                          + "; ".join(problems) + ". Output only the paragraph."}]
    subject, body = template_draft(request)
    warnings.append(f"{fallback_reason}: this draft is built from the guide's template. "
                    "Personalise it before sending.")
    return EmailDraft(kind=request.kind, subject=subject, body=body, guidance=guidance,
                      warnings=warnings, method="template")
