"""The Interpret tab: paste a reply, see what it means, the dates and a plan."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from coach import views
from coach.errors import CoachError, InputError
from coach.reading.plan import to_ics
from coach.schemas import CATEGORY_LABELS, Interpretation
from coach.services import Services
from coach.ui.common import Shared, download, error_card, owner_of, parse_date

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
    listing: Any  # the user's corrections, filled on every page load
    listing_of: Any  # (request) -> its text


def _corrections_md(services: Services, owner: str = "") -> str:
    saved = services.corrections_for(owner).list()
    if not saved:
        return "No corrections yet. When a reading is wrong, choose the right one above and " \
               "press **Save as a correction**: messages like it will then be read that way."
    return "\n".join(f"- `{c.id}` {c.created[:10]} — {views.esc(c.summary)}" for c in saved)


def build(services: Services, shared: Shared) -> InterpretTab:
    """Lay out the tab and wire its events."""
    import gradio as gr

    label_of = {v: k for k, v in CATEGORY_LABELS.items()}

    def show(result: Interpretation) -> tuple[Any, ...]:
        steps = [(f"{s.on:%a %d %b} — {s.action}", s.email_kind)
                 for s in result.plan.steps if s.email_kind]
        ics = download("follow-up-plan.ics", to_ics(result.plan)) if result.plan.steps else None
        return (views.interpretation_card(result), ics, result.model_dump(mode="json"),
                gr.update(choices=steps, value=steps[0][1] if steps else None))

    def failed(exc: CoachError) -> tuple[Any, ...]:
        return error_card(exc), None, {"error": str(exc)}, gr.update(choices=[], value=None)

    def reveal(details: dict[str, Any] | None) -> tuple[Any, Any, Any, Any]:
        """After a reading: offer to choose or correct it, starting from what was read; the
        plan's emails and calendar file once there is a plan (the API's answers stay the
        same: only this private step shows or hides them)."""
        category = (details or {}).get("category")
        steps = (details or {}).get("plan", {}).get("steps") or []
        emails = gr.update(visible=any(s.get("email_kind") for s in steps))
        calendar = gr.update(visible=bool(steps))
        if category not in CATEGORY_LABELS:
            return gr.update(), gr.update(), emails, calendar
        # Nothing preselected where the reader did not read the text: the user chooses.
        return (gr.update(value=CATEGORY_LABELS[category] if steps else None),
                gr.update(visible=True), emails, calendar)

    def interpret(text: str, received: str, interview_date: str, thanked: bool,
                  request: gr.Request, chosen: str | None = None) -> tuple[Any, ...]:
        try:
            choose = label_of.get(chosen or "") if chosen else None
            result = services.interpret(
                text, parse_date(received, "Received date") or date.today(),
                parse_date(interview_date, "Interview date"), thank_you_sent=thanked,
                choose=choose, owner=owner_of(request))  # type: ignore[arg-type]
        except CoachError as exc:
            return failed(exc)
        return show(result)

    def choose(text: str, received: str, interview_date: str, thanked: bool,
               chosen: str, request: gr.Request) -> tuple[Any, ...]:
        if chosen not in label_of:
            return failed(InputError("Choose a reading under “Your reading” first."))
        return interpret(text, received, interview_date, thanked, request, chosen)

    def correct(text: str, received: str, interview_date: str, thanked: bool,
                chosen: str, request: gr.Request) -> tuple[Any, ...]:
        owner = owner_of(request)
        try:
            if chosen not in label_of:
                raise InputError("Choose the right reading first.")
            saved, result = services.correct(
                text, label_of[chosen], parse_date(received, "Received date") or date.today(),
                parse_date(interview_date, "Interview date"), thank_you_sent=thanked,
                owner=owner)
        except CoachError as exc:
            return (*failed(exc), gr.update())
        result.learned = (f"Learned: this message, and messages like it, now read as "
                          f"“{CATEGORY_LABELS[saved.category]}” (correction {saved.id}; undo it "
                          "below).")
        return (*show(result), _corrections_md(services, owner))

    def undo(correction_id: str, request: gr.Request) -> tuple[str, str]:
        owner = owner_of(request)
        try:
            removed = services.corrections_for(owner).undo(correction_id or "")
        except CoachError as exc:
            return error_card(exc), _corrections_md(services, owner)
        return (f"<p class='muted'>Undone: {views.esc(removed.summary)}. Interpret again to "
                "see the reader's own reading.</p>", _corrections_md(services, owner))

    def listing_of(request: gr.Request) -> str:
        return _corrections_md(services, owner_of(request))

    gr.Markdown("Paste what the recruiter or interviewer said or wrote: what it means, the "
                "dates, and a dated follow-up plan you can put in your calendar.")
    reply = gr.Textbox(label="Their reply", lines=8, max_length=200_000,
                       placeholder="e.g. We'll be in touch by the end of next week.")
    with gr.Row():
        received = gr.Textbox(label="Received on (YYYY-MM-DD)", value=date.today().isoformat())
        thanked = gr.Checkbox(label="I already sent a thank-you")
    read = gr.Button("Interpret", variant="primary")
    with gr.Row(equal_height=True, visible=False) as choice_row:
        reading = gr.Dropdown(list(CATEGORY_LABELS.values()), label="Your reading", scale=2,
                              elem_id="your-reading")
        use = gr.Button("Use this reading", scale=1, size="md")
        save = gr.Button("Save as a correction", scale=1, size="md")
    card = gr.HTML(js_on_load=views.GUIDE_LINKS_JS, elem_id="interpret-result")
    with gr.Row(visible=False) as step_row:  # once there is a plan with emails
        step = gr.Dropdown([], label="Draft the email for a plan step", scale=3)
        to_write = gr.Button("Open in Write", scale=1)
    ics_file = gr.File(label="Plan as a calendar file (.ics)", elem_id="ics-file",
                       visible=False)
    details = gr.JSON(label="Details (JSON)", visible=False)
    gr.Examples(EXAMPLES, inputs=[reply])
    with gr.Accordion("Your corrections", open=False):
        listing = gr.Markdown()
        with gr.Row():
            undo_id = gr.Textbox(label="Correction id to undo", scale=3)
            undo_button = gr.Button("Undo", scale=1)
        undone = gr.HTML()
    inputs = [reply, received, shared.interview_date, thanked]
    outputs = [card, ics_file, details, step]
    revealed = [reading, choice_row, step_row, ics_file]
    gr.on([read.click], interpret, inputs, outputs, api_name="interpret",
          queue=False  # ~20 ms of work (sentence embeddings included): never behind a queue
          ).then(reveal, [details], revealed, api_name=False, queue=False
                 ).then(None, None, None, api_name=False, js=views.SHOW_RESULT_JS)
    use.click(choose, [*inputs, reading], outputs, api_name="interpret_as", queue=False
              ).then(reveal, [details], revealed, api_name=False, queue=False)
    save.click(correct, [*inputs, reading], [*outputs, listing], api_name="correct_reading"
               ).then(reveal, [details], revealed, api_name=False, queue=False)
    undo_button.click(undo, [undo_id], [undone, listing], api_name="undo_correction")
    return InterpretTab(reply=reply, step=step, to_write=to_write, listing=listing,
                        listing_of=listing_of)
