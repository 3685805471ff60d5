"""Follow-up email drafts: grounded in the guide, made specific from the user's details by
the model, checked, and streamed while they are written.

The guide's shape of each kind of email (subject, greeting, opening thanks, closing, sign-off)
is fixed by `frames.frame`; the model writes only the paragraph that makes it personal, from the
request's facts, which keeps a small local model fast and on script. With nothing of the user's
to make it specific, no model is asked: the frame's own guide-worded middle is used, so nothing
is made up. Every model paragraph is checked (`checks.CHECKS`: facts from the request only, no
praise or achievements the user did not give, no unfilled placeholders, a length for the kind
and tone, the guide's tone rules); a failing one is mended mechanically or rewritten (up to
twice) with its failures named; if it still fails, or no model answers, the frame's middle is
used.
Details the user gave that the draft lacks are added (their own words) or reported as left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from coach.emails.checks import check_draft, failures, repair
from coach.emails.details import detail_items, has_details, left_out, tidy, unused_fields
from coach.emails.frames import Frame, extra_sentence, frame
from coach.emails.kinds import KIND, bounds
from coach.emails.models import EmailDraft, EmailRequest, Method, placeholder
from coach.errors import CoachError
from coach.prompts import load_prompt

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import Guidance, KnowledgeIndex

UNUSED = {"topics": "what you discussed", "experience": "your experience",
          "extra": "what to include"}
Stage = Literal["frame", "writing", "checking", "rewriting", "done"]
ATTEMPTS = 3  # the model's paragraph: first try, then rewrites with the failures named


@dataclass
class Update:
    """The draft as it stands while it is written; `draft` is set on the last one."""

    stage: Stage
    subject: str
    body: str
    draft: EmailDraft | None = None
    notes: list[str] = field(default_factory=list)


def missing_warnings(request: EmailRequest) -> list[str]:
    """One warning per empty field the draft needs, naming its [placeholder]."""
    needed = {"interviewer_name": "the interviewer's name", "company": "the company",
              "role": "the role", "candidate_name": "your name"}
    if request.kind == "thank_you":
        needed["topics"] = "what you discussed"
    return [f"Add {label}: the draft marks it {placeholder(field)}."
            for field, label in needed.items() if not getattr(request, field)]


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


def facts(request: EmailRequest) -> str:
    """The request's facts as a bullet list for the prompt; empty ones as placeholders. The
    user's notes are listed item by item, as data."""
    def value(field: str) -> str:
        return str(getattr(request, field) or "") or placeholder(field)

    lines = [
        f"- Candidate (signs the email): {value('candidate_name')}",
        f"- Interviewer (addressee): {value('interviewer_name')}",
        f"- Company: {value('company')}",
        f"- Role the candidate applied for: {value('role')}",
    ]
    if request.interview_date:
        lines.append(f"- Interview date: {request.interview_date:%A %d %B %Y}")
    labels = {"topics": "Discussed in the interview", "experience":
              "Candidate's relevant experience", "extra": "Also include"}
    for name, parts in detail_items(request).items():
        lines.append(f"- {labels[name]}: " + "; ".join(f'"{p}"' for p in parts))
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


def _guidance(request: EmailRequest, index: KnowledgeIndex | None,
              warnings: list[str]) -> list[Guidance]:
    if index is None:
        return []
    try:
        return index.retrieve(KIND[request.kind].query, k=2, remember=True)
    except CoachError:
        warnings.append("The guide index is not available; the draft cites no passages.")
        return []


def _with_left_out(middle: str, request: EmailRequest) -> tuple[str, list[str], list[str]]:
    """The middle with the user's own "also include" items it lacks appended as sentences;
    the topics or experience it still lacks are returned as left out. (middle, added, left)"""
    missing = left_out(middle, request)
    extra = set(detail_items(request).get("extra", []))
    added = [m for m in missing if m in extra]
    for part in added:
        middle = f"{middle} {extra_sentence(part)}".strip()
    return middle, added, [m for m in missing if m not in extra]


def _finish(request: EmailRequest, shape: Frame, middle: str | None, method: Method,
            guidance: list[Guidance], warnings: list[str], mended: list[str]) -> EmailDraft:
    """The draft, with what it lacks of the user's details added or reported."""
    text = shape.middle if middle is None else middle
    text, added, missing = _with_left_out(text, request)
    _, p_high, _ = paragraph_bounds(request, shape)
    if len(text.split()) > p_high:  # many notes: keep to the tone's length, say what went
        text = _trim(text, p_high)
        missing = left_out(text, request)
        added = [a for a in added if a in text]
    mended = mended + [f"added what you asked to include: \"{part}\"" for part in added]
    warnings = list(warnings)
    if missing:
        warnings.append("Left out of the draft (add by hand, or Regenerate): "
                        + "; ".join(f"\"{m}\"" for m in missing[:5])
                        + (f" and {len(missing) - 5} more" if len(missing) > 5 else "") + ".")
    return EmailDraft(kind=request.kind, subject=shape.subject, body=shape.body(text),
                      guidance=guidance, warnings=warnings, method=method, mended=mended,
                      left_out=missing)


def paragraph_bounds(request: EmailRequest, shape: Frame) -> tuple[int, int, int]:
    """The model paragraph's (low, high, target) words: what the frame leaves of the kind's
    length for this tone."""
    low, high = bounds(request.kind, request.tone, request.length)
    p_low, p_high = max(1, low - shape.words), max(10, high - shape.words)
    target = min(p_high, max(25 if request.tone == "concise" else 30, p_low + 20)
                 + (25 if request.length == "long" else 0))
    return p_low, p_high, target


def paragraph_tokens(request: EmailRequest, shape: Frame) -> int:
    """The token budget of the paragraph (a little over its word bounds)."""
    _, p_high, target = paragraph_bounds(request, shape)
    return min(int(p_high * 1.6), 2 * target) + 20


def paragraph_messages(request: EmailRequest, shape: Frame) -> list[dict[str, str]]:
    """What the model is asked for the paragraph of a (tidied) request.

    The system prompt never changes, so the server's prompt cache keeps it between drafts; the
    guide's advice is in the frame and the task (and cited with the draft)."""
    _, _, target = paragraph_bounds(request, shape)
    ask = load_prompt(
        "email_request", tone=request.tone, greeting=shape.greeting, opening=shape.opening,
        closing=shape.closing, facts=facts(request), task=shape.task, target=target,
        example=shape.middle,
        sentences="Two or three sentences" if target >= 45 else "One or two sentences")
    return [{"role": "system", "content": load_prompt("email")},
            {"role": "user", "content": ask}]


def draft(request: EmailRequest, model: ChatModel | None,
          index: KnowledgeIndex | None = None, *, avoid: str = "") -> EmailDraft:
    """A validated draft (the last of `stream_draft`'s updates)."""
    *_, last = stream_draft(request, model, index, avoid=avoid)
    assert last.draft is not None
    return last.draft


def stream_draft(request: EmailRequest, model: ChatModel | None,
                 index: KnowledgeIndex | None = None, *, avoid: str = "") -> Iterator[Update]:
    """The draft as it is written: the frame at once, then the model's paragraph piece by
    piece, then the checked draft. `avoid` is the body shown last (Regenerate): a draft equal
    to it is written again."""
    request, warnings = tidy(request)
    warnings += missing_warnings(request)
    unused = unused_fields(request)
    if unused:
        warnings.append(f"Not used in this kind of email: {', '.join(UNUSED[f] for f in unused)}.")
    guidance = _guidance(request, index, warnings)
    low, high = bounds(request.kind, request.tone, request.length)
    shape = frame(request)
    yield Update("frame", shape.subject, shape.body("…"))
    if not has_details(request):
        warnings.append("Nothing of yours to make it specific (what you discussed, your "
                        "experience, what to include): the middle is the guide's own wording. "
                        "Add details to make it yours.")
        result = _finish(request, shape, None, "guide wording", guidance, warnings, [])
        yield Update("done", result.subject, result.body, result)
        return
    p_low, p_high, target = paragraph_bounds(request, shape)
    fallback_reason = "No language model is configured."
    if model is not None:
        messages = paragraph_messages(request, shape)
        temperature = min(0.9, 0.4 + 0.2 * request.variant)
        for attempt in range(ATTEMPTS):
            text = ""
            try:
                for piece in model.stream(messages, max_tokens=paragraph_tokens(request, shape),
                                          temperature=temperature):
                    text += piece
                    yield Update("writing" if attempt == 0 else "rewriting", shape.subject,
                                 shape.body(text.strip()))
            except CoachError as exc:
                fallback_reason = f"The model could not write it ({exc})"
                break
            middle = paragraph(text, request, shape)
            found = failures(shape.subject, shape.body(middle), request, (low, high),
                             shape.ours)
            problems = _paragraph_problems([p for _, p in found], len(middle.split()),
                                           (p_low, p_high))
            method: Method = "model" if attempt == 0 else "model (rewritten)"
            mended: list[str] = []
            if problems:
                fixed = _trim(repair(middle, request), p_high)
                # A paragraph that, mended, lacks a detail of the user's is not kept: it is
                # written again, or the frame's middle (which carries every detail) is used.
                loses = bool(left_out(fixed, request))
                if fixed and not loses and not check_draft(
                        shape.subject, shape.body(fixed), request, (low, high), shape.ours):
                    mended = [f"removed or mended: {p}" for p in problems]
                    middle, problems = fixed, []
                    method = "model (repaired)" if attempt == 0 else method
            if not problems and avoid and _same(shape.body(middle), avoid):
                problems = ["write it differently from the last draft"]
            if not problems:
                yield Update("checking", shape.subject, shape.body(middle))
                result = _finish(request, shape, middle, method, guidance, warnings, mended)
                yield Update("done", result.subject, result.body, result, result.mended)
                return
            fallback_reason = (f"The model's draft failed checks {ATTEMPTS} times ("
                               + "; ".join(problems) + ")")
            messages = messages[:2] + [
                {"role": "assistant", "content": text},
                {"role": "user", "content": "Rewrite the paragraph. Fix: " + "; ".join(problems)
                 + ". Say only what the facts say: no praise, no adjectives about the company, "
                 "the team or the conversation. Output only the paragraph."}]
            # Another wording on the second try; on the last, the most likely one.
            temperature = min(0.9, temperature + 0.2) if attempt == 0 else 0.2
    warnings.append(f"{fallback_reason}: this draft is built from the guide's template. "
                    "Personalise it before sending.")
    result = _finish(request, shape, None, "template", guidance, warnings, [])
    yield Update("done", result.subject, result.body, result)


def _same(a: str, b: str) -> bool:
    """Equal but for spacing."""
    return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()
