"""The Interpret tab: paste a reply, see what it means, the dates and a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from coach import views
from coach.errors import CoachError
from coach.plan import to_ics
from coach.services import Services
from coach.ui.common import Shared, download, error_card, parse_date

EXAMPLES = [
    "Thanks so much for coming in today! We're wrapping up interviews this week and will let "
    "everyone know by the end of next week.",
    "Hi Sam, the team loved meeting you. We'd like to invite you to a final round with our VP "
    "of Engineering. Could you send me your availability for Tuesday or Wednesday?",
    "Unfortunately we've decided to move forward with another candidate whose experience more "
    "closely matches the role. We'll keep your CV on file.",
    "I wanted to be upfront: the role has been put on hold while we go through a restructure. "
    "I'll reach out if anything changes.",
    "She said they're still meeting a few people and will be in touch.",
]


@dataclass
class InterpretTab:
    """Components other tabs connect to."""

    reply: Any
    step: Any
    to_write: Any


def build(services: Services, shared: Shared) -> InterpretTab:
    """Lay out the tab and wire its events."""
    import gradio as gr

    def interpret(text: str, received: str, interview_date: str, thanked: bool
                  ) -> tuple[str, str | None, dict[str, Any], Any]:
        try:
            result = services.interpret(
                text, parse_date(received, "Received date") or date.today(),
                parse_date(interview_date, "Interview date"), thank_you_sent=thanked)
        except CoachError as exc:
            return error_card(exc), None, {"error": str(exc)}, gr.update(choices=[], value=None)
        steps = [(f"{s.on:%a %d %b} — {s.action}", s.email_kind)
                 for s in result.plan.steps if s.email_kind]
        return (views.interpretation_card(result), download("follow-up-plan.ics",
                to_ics(result.plan)), result.model_dump(mode="json"),
                gr.update(choices=steps, value=steps[0][1] if steps else None))

    gr.Markdown("Paste what the recruiter or interviewer said or wrote: what it means, the "
                "dates, and a dated follow-up plan you can put in your calendar.")
    reply = gr.Textbox(label="Their reply", lines=8, max_length=200_000,
                       placeholder="e.g. We'll be in touch by the end of next week.")
    with gr.Row():
        received = gr.Textbox(label="Received on (YYYY-MM-DD)", value=date.today().isoformat())
        thanked = gr.Checkbox(label="I already sent a thank-you")
    read = gr.Button("Interpret", variant="primary")
    card = gr.HTML(js_on_load=views.GUIDE_LINKS_JS)
    with gr.Row():
        step = gr.Dropdown([], label="Draft the email for a plan step", scale=3)
        to_write = gr.Button("Open in Write", scale=1)
    ics_file = gr.File(label="Plan as a calendar file (.ics)", elem_id="ics-file")
    details = gr.JSON(label="Details (JSON)", visible=False)
    gr.Examples(EXAMPLES, inputs=[reply])
    gr.on([read.click], interpret, [reply, received, shared.interview_date, thanked],
          [card, ics_file, details, step], api_name="interpret",
          queue=False)  # ~10 ms of work: served directly, never behind a queue
    return InterpretTab(reply=reply, step=step, to_write=to_write)
