"""The Guide tab: search the guide, and read the whole guide with a link to every heading."""

from __future__ import annotations

from coach import views
from coach.errors import CoachError
from coach.knowledge import guide_blocks
from coach.services import Services
from coach.ui.common import error_card

EXAMPLES = [
    "How soon should I send a thank-you email?",
    "The recruiter said they're still interviewing. What now?",
    "Is it pushy to ask about next steps twice?",
    "What should I do if I hear nothing back?",
]


def guide_html(services: Services) -> str:
    """The whole guide, rendered with an anchor per heading (an error card if unreadable)."""
    try:
        return views.guide_document(guide_blocks(services.settings.knowledge_dir))
    except CoachError as exc:
        return error_card(exc)


def build(services: Services) -> None:
    """Lay out the tab and wire its search."""
    import gradio as gr

    def search_guide(query: str, k: float = 3) -> str:
        try:
            results = services.search(query, int(k))
        except CoachError as exc:
            return error_card(exc)
        return views.guidance_cards(results) or views.NOT_COVERED

    with gr.Row():
        query = gr.Textbox(label="Ask the guide", scale=4, max_length=20_000,
                           placeholder="How soon should I follow up?")
        k = gr.Slider(1, 8, value=3, step=1, label="Passages", scale=1)
    ask = gr.Button("Search", variant="primary")
    results = gr.HTML(label="Passages from the guide", js_on_load=views.GUIDE_LINKS_JS,
                      elem_id="search-results")
    gr.Examples(EXAMPLES, inputs=[query])
    gr.Markdown("### The whole guide\nSelect a passage's heading above (or anywhere in the app) "
                "to jump to it here.")
    gr.HTML(guide_html(services), js_on_load=views.GUIDE_LINKS_JS, elem_id="whole-guide")
    gr.on([ask.click, query.submit], search_guide, [query, k], results, api_name="search_guide",
          queue=False)  # ~10 ms of work: served directly, never behind a queue
