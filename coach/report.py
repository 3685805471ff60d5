"""The practice session report: scores with quotes, what went well, what to try next, the
hidden truth, the interviewer's answer interpreted, a follow-up plan and a thank-you draft."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from coach.emails import EmailDraft, EmailRequest, draft
from coach.feedback import Assessment, Tip
from coach.interview import STAGE_LABELS, TRUTH_LABELS
from coach.practice import Session, interviewer_answer
from coach.reading.interpret import interpret
from coach.schemas import Interpretation
from coach.voice.delivery import Delivery, DeliverySummary, DeliveryTip, compare, summarize

if TYPE_CHECKING:
    from coach.llm import ChatModel
    from coach.retrieval import KnowledgeIndex
    from coach.store import Store

CRITERIA = ("asked", "timing", "phrasing", "composure", "follow_up")
CRITERION_LABELS = {"asked": "Asked about next steps", "timing": "Timing",
                    "phrasing": "Phrasing", "composure": "No pressure",
                    "follow_up": "Follow-up"}


class Score(BaseModel):
    """One criterion, 0–5, with the candidate's words behind it."""

    criterion: str
    score: int = Field(ge=0, le=5)
    why: str
    quotes: list[str] = Field(default_factory=list)


class Report(BaseModel):
    """Everything the user gets when a session ends."""

    session_id: str
    scores: list[Score]
    went_well: list[str]
    try_next: list[Tip]
    truth: str
    interviewer_answer: str | None = None
    interpretation: Interpretation | None = None
    thank_you: EmailDraft | None = None
    delivery: DeliverySummary | None = None  # the spoken turns, when there were any
    delivery_compared: list[str] = Field(default_factory=list)  # with earlier spoken sessions
    delivery_tips: list[DeliveryTip] = Field(default_factory=list)


def _delivery(session_id: str, assessments: list[Assessment], store: Store | None
              ) -> tuple[DeliverySummary | None, list[str], list[DeliveryTip]]:
    """The spoken turns' delivery, compared with the user's earlier spoken sessions."""
    spoken = [a.delivery for a in assessments if a.delivery is not None]
    now = summarize(spoken)
    if now is None:
        return None, [], []
    earlier = []
    if store is not None:
        for row in store.earlier_assessments(session_id):
            try:
                if row.get("delivery"):
                    earlier.append(Delivery.model_validate(row["delivery"]))
            except ValueError:
                continue  # a row from an older version: not worth failing a report over
    tips: list[DeliveryTip] = []
    for d in spoken:  # one tip of each kind (the first turn's), however many turns earned it
        tips += [t for t in d.tips if t.kind not in {seen.kind for seen in tips}]
    return now, compare(now, summarize(earlier)), tips[:3]


def _phrasing_why(best: Assessment, score: int) -> str:
    """What the best ask's wording did, and what it lacked: the same things the live coaching
    and "Try next time" say, never praise for a thank-you that was not there."""
    done = [said for present, said in ((best.gratitude, "thanks first"),
                                       (best.open_ended, "an open question"),
                                       (best.polite, "courteous wording")) if present]
    missing = [said for present, said in ((best.gratitude, "a thank-you first"),
                                          (best.open_ended, "an open question")) if not present]
    text = (", ".join(done).capitalize() + ".") if done else ""
    if missing and score < 5:
        text += (" " if text else "") + "Add " + " and ".join(missing) + "."
    return text or "Direct."


def _scores(assessments: list[Assessment]) -> list[Score]:
    asks = [a for a in assessments if a.asks]
    quotes = [a.text for a in asks][:2]
    pushy = [a for a in assessments if a.verdict == "pushy"]
    early = [a for a in assessments if a.timing == "too_early" or a.presumptuous]
    # A follow-up the live coaching called pushy does not count as a good follow-up.
    follow = [a for a in assessments if a.follow_up in ("clarifies", "asks_permission")
              and a.verdict != "pushy"]
    polite = [a for a in asks if a.verdict == "polite"]
    phrasing, phrasing_why = 0, "No ask to judge."
    if asks:
        best = max(asks, key=lambda a: (a.verdict == "polite") * 3 + a.gratitude + a.open_ended
                   + a.polite)
        phrasing = min(5, 2 + best.gratitude + best.open_ended + best.polite
                       - (best.verdict == "pushy") * 2)
        phrasing_why = _phrasing_why(best, phrasing)
    return [
        Score(criterion="asked", score=5 if polite else 3 if asks else 0,
              why="You asked about next steps." if asks else
              "You never asked what happens next.", quotes=quotes),
        Score(criterion="timing", score=0 if not asks else max(0, 5 - 2 * len(early)),
              why="Asked at the right moment." if asks and not early else
              "Asked too early or assumed the offer." if early else "No ask to time.",
              quotes=[a.text for a in early][:2]),
        Score(criterion="phrasing", score=max(0, phrasing),
              why=phrasing_why,
              quotes=quotes[:1]),
        Score(criterion="composure", score=max(0, 5 - 2 * len(pushy)),
              why="No pressure on the interviewer." if not pushy else
              "Pressed for a verdict, a ranking or a repeat answer.",
              quotes=[a.text for a in pushy][:2]),
        Score(criterion="follow_up", score=5 if follow else 2 if asks else 0,
              why="You clarified the answer or asked whether following up is welcome."
              if follow else "After their answer, ask whether you may follow up after the date.",
              quotes=[a.text for a in follow][:2]),
    ]


def build_report(session: Session, model: ChatModel | None, *, candidate_name: str = "",
                 index: KnowledgeIndex | None = None, store: Store | None = None) -> Report:
    """Score the session, reveal the truth, interpret the answer, plan and draft a thank-you."""
    assessments = [t.assessment for t in session.turns if t.assessment is not None]
    scores = _scores(assessments)
    went_well = [CRITERION_LABELS[s.criterion] + ": " + s.why for s in scores if s.score >= 4]
    tips: list[Tip] = []
    asked = any(a.asks for a in assessments)
    for a in assessments:
        if asked and not a.asks and a.verdict == "not_an_ask":
            continue  # "try asking about next steps" once they did would contradict the scores
        for tip in a.tips:
            if tip.text not in {t.text for t in tips}:
                tips.append(tip)
    answer = interviewer_answer(session)
    today = date.today()
    interpretation = interpret(answer, received=today, interview_date=today,
                               index=index) if answer else None
    sc = session.scenario
    thank_you = draft(EmailRequest(kind="thank_you", candidate_name=candidate_name,
                                   interviewer_name=sc.interviewer, company=sc.company,
                                   role=sc.role, interview_date=today,
                                   interpretation=interpretation), model, index)
    report = Report(
        session_id=session.id, scores=scores, went_well=went_well or
        ["You kept the conversation going to the end."], try_next=tips[:3],
        truth=f"{TRUTH_LABELS[sc.truth].capitalize()}: {sc.detail}",
        interviewer_answer=answer, interpretation=interpretation, thank_you=thank_you)
    report.delivery, report.delivery_compared, report.delivery_tips = _delivery(
        session.id, assessments, store)
    if store is not None:
        store.finish(session.id, report.model_dump(mode="json"),
                     {s.criterion: s.score for s in scores})
    return report


def to_markdown(report: Report, session: Session,
                link: Callable[[str], str] | None = None) -> str:
    """The report as a Markdown document to keep.

    With `link` (a guide heading path -> URL), each tip's guide heading becomes a link: the app
    shows the report that way; the downloaded file keeps plain headings.
    """

    def guide(heading: str) -> str:
        return f"[{heading}]({link(heading)})" if link is not None else heading

    sc = session.scenario
    lines = [f"# Practice report — {sc.role} at {sc.company}",
             f"{STAGE_LABELS[sc.stage].capitalize()} with {sc.interviewer} · session "
             f"{report.session_id}", "", "## Scores", "",
             "| criterion | score | why |", "|---|---|---|"]
    for s in report.scores:
        lines.append(f"| {CRITERION_LABELS[s.criterion]} | {s.score}/5 | {s.why} |")
    quoted = [(s.criterion, q) for s in report.scores for q in s.quotes]
    if quoted:
        lines += ["", "Your words:"] + [f"- ({CRITERION_LABELS[c]}) “{q}”" for c, q in quoted]
    lines += ["", "## What went well", ""] + [f"- {w}" for w in report.went_well]
    lines += ["", "## Try next time", ""] + [f"- {t.text} _(Guide: {guide(t.heading)})_"
                                              for t in report.try_next]
    if report.delivery is not None:
        d = report.delivery
        pace = f"{d.wpm:.0f} words/min" if d.wpm is not None else "too short to time"
        lines += ["", "## Delivery (spoken turns)", "",
                  f"{d.turns} spoken turn{'s' * (d.turns > 1)}: {pace}, "
                  f"{d.fillers_per_100:.1f} fillers per 100 words, {d.hedges} hedges or "
                  f"apologies, {d.pauses} long pauses.", ""]
        lines += [f"- {c}" for c in report.delivery_compared]
        lines += [f"- {t.text} _(Guide: {guide(t.heading)})_" for t in report.delivery_tips]
    lines += ["", "## The hidden truth", "", report.truth]
    if report.interpretation is not None and report.interviewer_answer:
        i = report.interpretation
        lines += ["", "## Their answer, interpreted", "", f"> {report.interviewer_answer}", "",
                  f"**{i.category.replace('_', ' ')}** — {i.reason}", "", "## Your plan", ""]
        lines += [f"- {s.on:%a %d %b}: {s.action} — {s.detail}" for s in i.plan.steps]
    if report.thank_you is not None:
        lines += ["", "## Thank-you draft", "", f"**Subject:** {report.thank_you.subject}", "",
                  report.thank_you.body]
    lines += ["", "## Transcript", ""]
    for t in session.turns:  # one paragraph a turn (Markdown joins adjacent lines)
        lines += [f"**{t.role.capitalize()}:** {t.text}", ""]
    return "\n".join(lines) + "\n"
