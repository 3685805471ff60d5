"""The Write tab: draft the right follow-up email, checked against the user's details."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from coach import views
from coach.errors import CoachError
from coach.services import Services
from coach.ui.common import (
    EMAIL_KINDS,
    MODEL_LANE,
    MODEL_LANE_SIZE,
    Shared,
    announce_cold_start,
    download,
    error_card,
    parse_date,
)

HOW = {"model": "in the guide's frame, its middle written by the model and checked",
       "model (repaired)": "in the guide's frame, its middle written by the model, with gaps "
                           "marked and off-tone, unsupported or surplus lines removed",
       "model (rewritten)": "in the guide's frame, its middle rewritten by the model to "
                             "pass the checks",
       "guide wording": "in the guide's own wording: there was nothing of yours to make it "
                        "specific, so nothing specific is said",
       "template": "from the guide's template"}
STAGES = {"frame": "Writing…", "writing": "Writing…", "rewriting": "Rewriting to pass the "
          "checks…", "checking": "Checking…"}


@dataclass
class WriteTab:
    """Components other tabs fill in."""

    kind: Any
    reply: Any


def build(services: Services, shared: Shared) -> WriteTab:
    """Lay out the tab and wire its events."""
    import gradio as gr

    from coach.emails import EmailRequest, mailto, to_eml

    track = gr.Progress()  # Gradio hands each event its own tracker in its place

    def draft_email(kind: str, name: str, interviewer: str, company: str, role: str,
                    interview_date: str, topics: str, experience: str, extra: str, tone: str,
                    reply: str, *, variant: int = 0, avoid: str = "", progress: Any = track
                    ) -> Iterator[tuple[Any, ...]]:
        try:
            announce_cold_start(services, progress)
            interpretation = services.interpret(reply) if (reply or "").strip() else None
            request = EmailRequest.model_validate({
                "kind": kind, "candidate_name": name or "", "interviewer_name": interviewer or "",
                "company": company or "", "role": role or "", "topics": topics or "",
                "interview_date": parse_date(interview_date, "Interview date"),
                "experience": experience or "", "extra": extra or "", "tone": tone,
                "interpretation": interpretation, "variant": int(variant or 0)})
            updates = services.stream_email(request, avoid=avoid or "")
            for update in updates:
                if update.draft is None:
                    yield (update.subject, update.body,
                           f"<p class='muted' role='status'>{STAGES[update.stage]}</p>",
                           None, {}, variant)
                    continue
                result = update.draft
        except CoachError as exc:
            yield "", "", error_card(exc), None, {"error": str(exc)}, variant
            return
        notes = "".join(f"<p class='muted'>Check: {views.esc(w)}</p>" for w in result.warnings)
        notes += "".join(f"<p class='muted'>Mended: {views.esc(m)}</p>" for m in result.mended)
        sources = " · ".join(views.guide_link(g.heading_path) for g in result.guidance)
        info = (f"<p class='muted'>Draft {HOW[result.method]}; {result.words} words."
                f"{' Drawn from: ' + sources if sources else ''}</p>{notes}"
                f"<p><a href='{views.esc(mailto(result))}'>Open in your mail program</a></p>")
        yield (result.subject, result.body, info, download(f"{kind}.eml", to_eml(result)),
               result.model_dump(mode="json"), variant)

    def regenerate(*values: Any) -> Iterator[tuple[Any, ...]]:
        # The tab's fields, then the wording shown last and its number: the next one is asked
        # for, and the same draft is never shown twice.
        *fields, variant, body = values
        yield from draft_email(*fields, variant=int(variant or 0) + 1, avoid=body or "")

    gr.Markdown("Draft the right email for the moment. Your interview details come from the "
                "top of the page; empty ones become [placeholders] — nothing is invented.")
    with gr.Row():
        # Wide enough for the longest kind's name; on a phone the row wraps instead of cutting it.
        kind = gr.Dropdown(EMAIL_KINDS, value="thank_you", label="Email", scale=2, min_width=320)
        tone = gr.Radio(["warm", "formal", "concise"], value="warm", label="Tone")
    topics = gr.Textbox(label="What you discussed (topics, projects)", lines=2,
                        max_length=20_000)
    experience = gr.Textbox(label="Your relevant experience", lines=2, max_length=20_000)
    extra = gr.Textbox(label="Anything to include (availability, a link, a reference)",
                       max_length=20_000)
    reply = gr.Textbox(label="Their reply (optional: its dates and next step are used)", lines=3,
                       max_length=200_000)
    with gr.Row():
        write = gr.Button("Draft", variant="primary")
        again = gr.Button("Regenerate")
    subject = gr.Textbox(label="Subject", buttons=["copy"], interactive=True)
    body = gr.Textbox(label="Email (edit freely)", lines=14, buttons=["copy"], interactive=True,
                      elem_id="email-body")
    info = gr.HTML(js_on_load=views.GUIDE_LINKS_JS)
    eml_file = gr.File(label="Download as .eml (opens as a draft)")
    details = gr.JSON(visible=False)
    variant = gr.State(0)
    inputs = [kind, shared.name, shared.interviewer, shared.company, shared.role,
              shared.interview_date, topics, experience, extra, tone, reply]
    outputs = [subject, body, info, eml_file, details, variant]
    write.click(draft_email, inputs, outputs, api_name="draft_email",
                concurrency_id=MODEL_LANE, concurrency_limit=MODEL_LANE_SIZE)
    again.click(regenerate, [*inputs, variant, body], outputs, api_visibility="private",
                concurrency_id=MODEL_LANE, concurrency_limit=MODEL_LANE_SIZE)
    return WriteTab(kind=kind, reply=reply)
