"""Next Steps Coach web app: the Gradio UI only; every callback calls one function of `coach`."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach import views
from coach.config import Settings
from coach.errors import CoachError, InputError
from coach.plan import to_ics
from coach.services import Services, bootstrap

if TYPE_CHECKING:
    import gradio as gr

TITLE = "Next Steps Coach"
GUIDE_EXAMPLES = [
    "How soon should I send a thank-you email?",
    "The recruiter said they're still interviewing. What now?",
    "Is it pushy to ask about next steps twice?",
    "What should I do if I hear nothing back?",
]
REPLY_EXAMPLES = [
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


def _parse_date(value: str | None, label: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{label} should look like 2026-11-26.") from None


def _message(exc: CoachError) -> str:
    return f"<div class='result-card'>⚠️ {views.esc(exc)}</div>"


def build_demo(services: Services) -> gr.Blocks:
    """The whole UI; importing this module starts nothing."""
    import gradio as gr

    def search_guide(query: str, k: float = 3) -> str:
        try:
            results = services.search(query, int(k))
        except CoachError as exc:
            return _message(exc)
        if not results:
            return "<p class='muted'>Nothing in the guide matches that.</p>"
        return views.guidance_cards(results)

    def interpret(text: str, received: str, interview_date: str,
                  thanked: bool) -> tuple[str, str | None, dict[str, Any]]:
        try:
            result = services.interpret(
                text, _parse_date(received, "Received date") or date.today(),
                _parse_date(interview_date, "Interview date"), thank_you_sent=thanked)
        except CoachError as exc:
            return _message(exc), None, {"error": str(exc)}
        folder = Path(tempfile.mkdtemp(prefix="coach-plan-"))
        ics = folder / "follow-up-plan.ics"
        ics.write_bytes(to_ics(result.plan))
        return views.interpretation_card(result), str(ics), result.model_dump(mode="json")

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nPractise the closing ask, read a recruiter's reply, "
                    "and plan your follow-up — grounded in the guide.")
        with gr.Tab("Interpret"):
            gr.Markdown("Paste what the recruiter or interviewer said or wrote. You get what it "
                        "means, the dates, and a dated follow-up plan.")
            reply = gr.Textbox(label="Their reply", lines=8, max_length=200_000,
                               placeholder="e.g. We'll be in touch by the end of next week.")
            with gr.Row():
                received = gr.Textbox(label="Received on (YYYY-MM-DD)",
                                      value=date.today().isoformat())
                interviewed = gr.Textbox(label="Interview date (optional)",
                                         placeholder="YYYY-MM-DD")
                thanked = gr.Checkbox(label="I already sent a thank-you")
            read = gr.Button("Interpret", variant="primary")
            card = gr.HTML()
            ics_file = gr.File(label="Plan as a calendar file (.ics)")
            as_json = gr.JSON(label="Details (JSON)", visible=False)
            gr.Examples(REPLY_EXAMPLES, inputs=[reply])
            read.click(interpret, [reply, received, interviewed, thanked],
                       [card, ics_file, as_json], api_name="interpret")
        with gr.Tab("Guide"):
            with gr.Row():
                query = gr.Textbox(label="Ask the guide", scale=4, max_length=20_000,
                                   placeholder="How soon should I follow up?")
                k = gr.Slider(1, 8, value=3, step=1, label="Passages", scale=1)
            ask = gr.Button("Search", variant="primary")
            results = gr.HTML(label="Passages from the guide")
            gr.Examples(GUIDE_EXAMPLES, inputs=[query])
            gr.on([ask.click, query.submit], search_guide, [query, k], results,
                  api_name="search_guide")
    return demo


def main(settings: Settings | None = None) -> None:
    """Prepare the services and serve the app on the configured address."""
    services = bootstrap(settings or Settings())
    report = services.refresh_index()
    print(f"Guide index: {report.total} chunks{' (rebuilt)' if report.changed else ''}.")
    import gradio as gr

    demo = build_demo(services)
    s = services.settings
    print(f"Next Steps Coach on http://{s.host}:{s.port}")
    demo.queue(default_concurrency_limit=4).launch(
        server_name=s.host, server_port=s.port, share=False, css=views.CSS,
        theme=gr.themes.Soft(font=["system-ui", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"]),
    )


if __name__ == "__main__":
    main()
