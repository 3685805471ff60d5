"""Interpret a recruiter's reply: category, evidence, dates, next step, guidance and a plan.

The reading says when it is unsure: below UNSURE_BELOW (a calibrated probability) it offers the
two likeliest readings with their evidence and the user chooses; the plan follows the choice.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from coach.dates.past import interview_day
from coach.errors import CoachError, InputError
from coach.prompts import load_prompt
from coach.reading.corrections import CorrectionStore
from coach.reading.plan import make_plan
from coach.reading.reader import Reader, Reading, body_of, default_reader
from coach.reading.signals import ACTION
from coach.schemas import (
    CATEGORIES,
    CATEGORY_LABELS,
    Alternative,
    Ask,
    Category,
    DeadlineInfo,
    Interpretation,
    NextStepKind,
    Plan,
)
from coach.text.language import KNOWN, LANGUAGE_NAMES

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import KnowledgeIndex

# A pause tied to something months away (a budget, a financial year, a reorganisation).
LONG_HOLD = re.compile(r"financial|fiscal|budget|funding|grant|reorg|restructur|merger|"
                       r"acquisition|freeze|frozen|new year", re.IGNORECASE)
# Below this calibrated confidence the reading is shown as unsure, with two readings to choose.
UNSURE_BELOW = 0.6
# Below this the language model (when one is available) is asked for its reading too.
ASK_MODEL_BELOW = 0.6
MODEL_CHARS = 700
EVIDENCE_FAMILIES: dict[Category, tuple[str, ...]] = {
    "rejection": ("reject_other_candidate", "reject_not_proceeding", "reject_role_gone",
                  "reject_soft"),
    "none": ("hold",),
    "immediate": ("next_interview", "assessment", "meet_team", "references", "offer", "schedule",
                  "other_role"),
    "clear_timeline": ("decision_words",),
    "vague": ("still_in_process", "decision_words", "ack"),
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


def _next_step(reading: Reading, category: Category) -> NextStepKind:
    if category != "immediate":
        return "none"
    count = reading.signals.count
    for family, kind in (("offer", "offer_discussion"), ("references", "reference_check"),
                         ("assessment", "skills_assessment"), ("meet_team", "meet_the_team"),
                         ("next_interview", "second_interview")):
        if count[family]:
            return kind  # type: ignore[return-value]
    return "second_interview" if count["schedule"] else "none"


def _asks(reading: Reading) -> list[Ask]:
    asks: list[Ask] = []
    hits = reading.signals.hits
    words = " ".join(h.phrase.lower() for h in hits)
    requested = any(h.family == "schedule" for h in hits)
    if any(w in words for w in ("availab", "free", "times", "slot", "works for you", "suit",
                                "disponib", "verfügbar")):
        asks.append("availability")
    if any(w in words for w in ("referee", "reference", "referenc")) and (
            requested or "referee" in words):
        asks.append("references")
    if any(w in words for w in ("passport", "payslip", " id", "document", "form", "paperwork",
                                "transcript", "certificate", "portfolio", "bank details")):
        asks.append("documents")
    return asks


def _evidence(body: str, reading: Reading, category: Category) -> list[str]:
    """The decisive sentence first, then the cue phrases of the category, verbatim."""
    phrases: list[str] = []
    sentence = reading.decisive_sentence(category)
    if sentence is not None:
        phrases.append(sentence.text)
    deadline = reading.signals.deadline
    if deadline and category in ("clear_timeline", "immediate", "none"):
        phrases.append(deadline.phrase)
    for hit in reading.signals.hits:
        if hit.family in EVIDENCE_FAMILIES[category] and not any(hit.phrase in p for p in phrases):
            phrases.append(hit.phrase)
    return [p for p in dict.fromkeys(phrases) if p and p in body][:4]


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
    *,
    reader: Reader | None = None,
    index: KnowledgeIndex | None = None,
    model: ChatModel | None = None,
    corrections: CorrectionStore | None = None,
    thank_you_sent: bool = False,
    choose: Category | None = None,
) -> Interpretation:
    """Read a recruiter's reply; the model (if given) is asked only when the reader is unsure;
    `choose` is the user's choice of reading, which the plan then follows."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("Paste what the recruiter or interviewer said or wrote.")
    if choose is not None and choose not in CATEGORIES:
        raise InputError("Choose one of: " + ", ".join(CATEGORIES) + ".")
    received = received or date.today()
    body, language, notes = body_of(text)
    if not body.strip():
        raise InputError("There is no readable text in what you pasted"
                         + (" (only instructions aimed at an AI, which are ignored)."
                            if notes and "instructions" in notes[-1] else "."))
    readable = language in KNOWN
    if readable and language != "en":
        notes.append(f"This does not look like English: it was read as {LANGUAGE_NAMES[language]}"
                     ", with that language's cues and dates. Check the reading.")
    reading = (reader or default_reader()).read(body, received, language if readable else "und")
    probs = dict(reading.probs)
    if not readable:
        probs = {c: min(p, 0.3) for c, p in probs.items()}
    category = max(probs, key=lambda c: probs[c])
    confidence = probs[category]
    method: Literal["rules", "rules+model", "correction", "user"] = "rules"
    learned = None
    if corrections is not None and reading.prepared is not None:
        near = corrections.nearest(reading.prepared.mean_vector)
        if near is not None:
            fixed, similarity = near
            category, confidence, method = fixed.category, max(0.8, similarity * 0.95), \
                "correction"
            learned = (f"Read like a message you corrected earlier ({fixed.summary}); "
                       "undo that correction to go back.")
    if (method == "rules" and model is not None and readable and confidence < ASK_MODEL_BELOW
            and reading.rule is None):
        try:
            verdict = _ask_model(model, body)
            top = reading.ranked[:3]
            if verdict.category in top:
                category = verdict.category
                confidence = max(probs[category],
                                 min(0.85, (probs[category] + verdict.confidence) / 2))
                method = "rules+model"
        except CoachError as exc:
            notes.append(f"The language model could not help with this one ({exc}); "
                         "this is the fast reading.")
    unsure = confidence < UNSURE_BELOW and method not in ("correction",)
    if choose is not None:
        category, confidence, method, unsure = choose, probs[choose], "user", False
        learned = None
    deadline = None
    signals = reading.signals
    if readable and signals.deadline and category in ("clear_timeline", "immediate", "vague",
                                                       "none"):
        d = signals.deadline
        deadline = DeadlineInfo(phrase=d.phrase, start=d.start, end=d.end,
                                business_days=d.business_days,
                                label=describe_deadline(d.start, d.end))
        if category == "vague" and method == "rules":  # a stated time makes it a timeline
            category = "clear_timeline"
    acknowledgement = bool(signals.count["ack"]) and category in ("vague", "clear_timeline") \
        and not signals.has(*ACTION)
    no_reply = bool(signals.count["noreply"])
    next_step = _next_step(reading, category)
    evidence = _evidence(body, reading, category)
    reason = (reading.rule.reason.capitalize() + "."
              if reading.rule and reading.rule.category == category else REASONS[category])
    if acknowledgement:
        reason = "An automated acknowledgement: your application arrived and awaits review."
    unread = not readable and method not in ("user", "correction")
    if unsure:
        reason = "I'm not sure how to read this one: compare the two readings below and choose."
    if unread:
        reason = ("I can't read this language well, so there is no reading and no plan yet: "
                  "choose one, or paste an English translation.")
    elif not readable:
        notes.append("I can't read this language well, so no dates were read from it: the "
                     "plan counts from the day it came.")
    alternatives = [Alternative(category=c, label=CATEGORY_LABELS[c],
                                confidence=round(probs[c], 3),
                                evidence=_evidence(body, reading, c)[:1])
                    for c in reading.ranked[:2]] if readable else []
    guidance = []
    if index is not None and not unread:
        try:
            guidance = index.retrieve(GUIDE_QUERIES[category], k=2, remember=True)
        except CoachError:
            notes.append("The guide index is not available, so no passages are cited.")
    holds = [h.phrase for h in reading.signals.hits if h.family == "hold"
             and LONG_HOLD.search(h.phrase)] if category == "none" else []
    # The phrase that says how long ("until the new financial year") over the one that names it.
    long_hold = max(holds, key=lambda p: ("until" in p.lower(), len(p)), default="")
    # The reply may say when the interview was ("thanks for coming in on Tuesday"): then a
    # thank-you two days on is late, and the plan says so.
    told_day = interview_date or interview_day(body, received)
    plan = Plan(steps=[]) if unread else make_plan(
        category, received, deadline=deadline, interview_date=told_day,
        next_step=next_step, thank_you_sent=thank_you_sent, acknowledgement=acknowledgement,
        no_reply=no_reply, long_hold=long_hold)
    if unread:
        evidence = []
    return Interpretation(
        text=body, received=received, interview_date=interview_date, category=category,
        confidence=round(confidence, 3), reason=reason, evidence=evidence, deadline=deadline,
        next_step=next_step, asks=_asks(reading) if category == "immediate" else [],
        guidance=guidance, plan=plan, notes=notes, method=method, unsure=unsure,
        alternatives=alternatives, language=language, acknowledgement=acknowledgement,
        no_reply=no_reply, rule=reading.rule.name if reading.rule else None, learned=learned,
        cues=sorted({h.pattern for h in signals.hits if h.pattern}),
    )
