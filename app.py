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


EMAIL_KINDS = [
    ("Thank-you (within 24 hours)", "thank_you"),
    ("Follow-up after no response", "no_response_follow_up"),
    ("Ask for feedback", "feedback_request"),
    ("Reply to a timeline", "reply_to_timeline"),
    ("Confirm the next step", "confirm_next_step"),
    ("Reply: no next steps for now", "reply_to_no_next_steps"),
    ("Reply to a rejection", "reply_to_rejection"),
    ("Offer more information", "additional_information"),
]


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

    def draft_email(kind: str, name: str, interviewer: str, company: str, role: str,
                    interview_date: str, topics: str, experience: str, extra: str, tone: str,
                    reply: str) -> tuple[str, str, str, str | None, dict[str, Any]]:
        from coach.emails import EmailRequest, mailto, to_eml

        try:
            interviewed = _parse_date(interview_date, "Interview date")
            interpretation = services.interpret(reply) if (reply or "").strip() else None
            request = EmailRequest.model_validate({
                "kind": kind, "candidate_name": name or "", "interviewer_name": interviewer or "",
                "company": company or "", "role": role or "", "interview_date": interviewed,
                "topics": topics or "", "experience": experience or "", "extra": extra or "",
                "tone": tone, "interpretation": interpretation})
            result = services.draft_email(request)
        except CoachError as exc:
            return "", "", _message(exc), None, {"error": str(exc)}
        folder = Path(tempfile.mkdtemp(prefix="coach-email-"))
        eml = folder / f"{kind}.eml"
        eml.write_bytes(to_eml(result))
        notes = "".join(f"<p class='muted'>⚠️ {views.esc(w)}</p>" for w in result.warnings)
        how = {"model": "written by the model and checked",
               "model (second try)": "rewritten once by the model to pass the checks",
               "template": "built from the guide's template"}[result.method]
        sources = " · ".join(views.esc(g.heading_path) for g in result.guidance)
        info = (f"<p class='muted'>Draft {how}; {len(result.body.split())} words."
                f"{' Drawn from: ' + sources if sources else ''}</p>{notes}"
                f"<p><a href='{views.esc(mailto(result))}'>Open in your mail program</a></p>")
        return result.subject, result.body, info, str(eml), result.model_dump(mode="json")

    from coach.interview import PRESETS, STAGE_LABELS, TRUTH_LABELS, Scenario, surprise
    from coach.practice import Session, start, take_turn
    from coach.report import build_report, to_markdown

    def chat_view(session: Session) -> list[dict[str, str]]:
        return [{"role": "assistant" if t.role == "interviewer" else "user", "content": t.text}
                for t in session.turns]

    def coaching_panel(session: Session) -> str:
        rows = [t.assessment for t in session.turns if t.assessment is not None]
        if not rows:
            return ("<p class='muted'>Coaching appears here after each thing you say. The "
                    "interviewer is wrapping up: answer, then ask about next steps.</p>")
        return "".join(views.assessment_card(a) for a in reversed(rows))

    def pick_preset(name: str) -> tuple[str, str, str, str, str, str]:
        sc = PRESETS.get(name) or next(iter(PRESETS.values()))
        return sc.company, sc.role, sc.interviewer, sc.style, sc.stage, sc.truth

    def pick_surprise() -> tuple[str, str, str, str, str, str]:
        sc = surprise()
        return sc.company, sc.role, sc.interviewer, sc.style, sc.stage, sc.truth

    def practice_start(company: str, role: str, interviewer: str, style: str, stage: str,
                       truth: str) -> tuple[Any, list[dict[str, str]], str, str, None]:
        try:
            scenario = Scenario.model_validate({
                "company": (company or "").strip() or "Northwind Logistics",
                "role": (role or "").strip() or "Data Analyst",
                "interviewer": (interviewer or "").strip() or "Dana Reyes",
                "style": style, "stage": stage, "truth": truth})
        except ValueError:
            raise gr.Error("Check the scenario fields (each at most 200 characters).") from None
        session = start(scenario, services.store)
        return session, chat_view(session), coaching_panel(session), "", None

    def practice_turn(session: Session | None, message: str) -> Any:
        if session is None:
            raise gr.Error("Start a session first.")
        try:
            for _, reply in take_turn(session, message, services.model,
                                      ask_model=services.ask_model, store=services.store):
                chat = chat_view(session) + [{"role": "assistant", "content": reply}]
                yield session, chat, coaching_panel(session), ""
        except CoachError as exc:
            raise gr.Error(str(exc)) from None
        yield session, chat_view(session), coaching_panel(session), ""

    def practice_end(session: Session | None, name: str) -> tuple[str, str | None, str]:
        if session is None or len(session.turns) < 2:
            raise gr.Error("Say something to the interviewer first.")
        report = build_report(session, services.model, candidate_name=name or "",
                              index=services.index if services.index.status().ready else None,
                              store=services.store)
        markdown = to_markdown(report, session)
        path = Path(tempfile.mkdtemp(prefix="coach-report-")) / "practice-report.md"
        path.write_text(markdown, encoding="utf-8")
        return markdown, str(path), views.history_table(services.store.history())

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\nPractise the closing ask, read a recruiter's reply, "
                    "and plan your follow-up — grounded in the guide.")
        with gr.Tab("Practice"):
            gr.Markdown("Rehearse the last minutes of an interview. Answer the interviewer's "
                        "last question, then ask about next steps — you get coaching on "
                        "every message and a report at the end.")
            session_state = gr.State(None)
            with gr.Row():
                preset = gr.Dropdown(list(PRESETS), value=next(iter(PRESETS)),
                                     label="Scenario")
                surprise_btn = gr.Button("Surprise me")
            with gr.Row():
                p_company = gr.Textbox(label="Company", value="Northwind Logistics",
                                       max_length=200)
                p_role = gr.Textbox(label="Role", value="Senior Data Engineer", max_length=200)
                p_interviewer = gr.Textbox(label="Interviewer", value="Dana Reyes",
                                           max_length=200)
                p_style = gr.Dropdown(["warm", "formal", "rushed", "distracted"], value="warm",
                                      label="Interviewer style")
                p_stage = gr.Dropdown([(v, k) for k, v in STAGE_LABELS.items()],
                                      value="final_round", label="Stage")
            with gr.Accordion("Hidden truth (opening this spoils the surprise)", open=False):
                p_truth = gr.Dropdown([(v, k) for k, v in TRUTH_LABELS.items()],
                                      value="clear_timeline", label="What is really going on")
            begin = gr.Button("Start the session", variant="primary")
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Interview", height=420)
                    said = gr.Textbox(label="You say", placeholder="Type and press Enter",
                                      max_length=4000)
                    with gr.Row():
                        send = gr.Button("Send", variant="primary")
                        p_name = gr.Textbox(label="Your name (for the thank-you draft)",
                                            max_length=200)
                        finish = gr.Button("End and get my report")
                with gr.Column(scale=2):
                    coaching = gr.HTML(label="Coaching")
            report_md = gr.Markdown()
            report_file = gr.File(label="Download the report (.md)")
            history = gr.HTML(views.history_table(services.store.history()))
            scenario_fields = [p_company, p_role, p_interviewer, p_style, p_stage, p_truth]
            preset.change(pick_preset, preset, scenario_fields, api_visibility="private")
            surprise_btn.click(pick_surprise, None, scenario_fields, api_visibility="private")
            begin.click(practice_start, scenario_fields,
                        [session_state, chat, coaching, said, report_file],
                        api_name="practice_start")
            gr.on([send.click, said.submit], practice_turn, [session_state, said],
                  [session_state, chat, coaching, said], api_name="practice_turn")
            finish.click(practice_end, [session_state, p_name],
                         [report_md, report_file, history], api_name="practice_report")
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
        with gr.Tab("Write"):
            gr.Markdown("Draft the right email for the moment. Empty fields become "
                        "[placeholders] — nothing is invented.")
            with gr.Row():
                kind = gr.Dropdown(EMAIL_KINDS, value="thank_you", label="Email")
                tone = gr.Radio(["warm", "formal", "concise"], value="warm", label="Tone")
            with gr.Row():
                w_name = gr.Textbox(label="Your name", max_length=10_000)
                w_interviewer = gr.Textbox(label="Interviewer's name", max_length=10_000)
                w_company = gr.Textbox(label="Company", max_length=10_000)
                w_role = gr.Textbox(label="Role", max_length=10_000)
                w_date = gr.Textbox(label="Interview date (YYYY-MM-DD)", max_length=20)
            w_topics = gr.Textbox(label="What you discussed (topics, projects)", lines=2,
                                  max_length=20_000)
            w_experience = gr.Textbox(label="Your relevant experience", lines=2,
                                      max_length=20_000)
            w_extra = gr.Textbox(label="Anything to include (availability, a link, a reference)",
                                 max_length=20_000)
            w_reply = gr.Textbox(label="Their reply (optional: its dates and next step are used)",
                                 lines=3, max_length=200_000)
            with gr.Row():
                write = gr.Button("Draft", variant="primary")
                again = gr.Button("Regenerate")
            subject = gr.Textbox(label="Subject", buttons=["copy"], interactive=True)
            body = gr.Textbox(label="Email (edit freely)", lines=14, buttons=["copy"],
                              interactive=True)
            info = gr.HTML()
            eml_file = gr.File(label="Download as .eml (opens as a draft)")
            draft_json = gr.JSON(visible=False)
            inputs = [kind, w_name, w_interviewer, w_company, w_role, w_date, w_topics,
                      w_experience, w_extra, tone, w_reply]
            outputs = [subject, body, info, eml_file, draft_json]
            write.click(draft_email, inputs, outputs, api_name="draft_email")
            again.click(draft_email, inputs, outputs, api_visibility="private")
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
