"""Next Steps Coach web app: the Gradio UI only; every callback calls one function of `coach`."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from coach.config import Settings
from coach.errors import CoachError
from coach.services import Services, bootstrap

if TYPE_CHECKING:
    import gradio as gr

TITLE = "Next Steps Coach"
CSS = """
.result-card {border: 1px solid var(--border-color-primary); border-radius: 8px;
              padding: 0.6rem 0.9rem; margin-bottom: 0.6rem;}
.heading-path {font-weight: 600;}
.muted {opacity: 0.7; font-size: 0.9em;}
"""
GUIDE_EXAMPLES = [
    "How soon should I send a thank-you email?",
    "The recruiter said they're still interviewing. What now?",
    "Is it pushy to ask about next steps twice?",
    "What should I do if I hear nothing back?",
]


def render_guidance(results: list) -> str:
    """Results as escaped HTML cards: heading path, source and the passage."""
    cards = []
    for r in results:
        body = "<br>".join(html.escape(p) for p in r.text.split("\n") if p.strip())
        cards.append(
            f"<div class='result-card'><div class='heading-path'>{html.escape(r.heading_path)}"
            f"</div><div class='muted'>{html.escape(r.source)} · relevance {r.score:.2f}</div>"
            f"<p>{body}</p></div>"
        )
    return "\n".join(cards)


def build_demo(services: Services) -> gr.Blocks:
    """The whole UI; importing this module starts nothing."""
    import gradio as gr

    def search_guide(query: str, k: float = 3) -> str:
        try:
            results = services.search(query, int(k))
        except CoachError as exc:
            return f"<p class='muted'>{html.escape(str(exc))}</p>"
        if not results:
            return "<p class='muted'>Nothing in the guide matches that.</p>"
        return render_guidance(results)

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nPractise the closing ask, read a recruiter's reply, "
                    "and plan your follow-up — grounded in the guide.")
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
        server_name=s.host, server_port=s.port, share=False, css=CSS,
        theme=gr.themes.Soft(font=["system-ui", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"]),
    )


if __name__ == "__main__":
    main()
