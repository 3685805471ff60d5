"""The Practice tab: the interviewer role-play, live coaching, the report and history."""

import logging
from dataclasses import dataclass
from typing import Any

from coach import views
from coach.errors import CoachError
from coach.interview import PRESETS, STAGE_LABELS, TRUTH_LABELS, Scenario, surprise
from coach.practice import Session, interviewer_answer
from coach.report import to_markdown
from coach.services import Services
from coach.ui.common import (
    MODEL_LANE,
    MODEL_LANE_SIZE,
    announce_cold_start,
    download,
    owner_of,
)
from coach.voice import Delivery, VoiceError
from coach.voice.assets import voice_problem
from coach.voice.speech import tts_problem

log = logging.getLogger(__name__)

# The report appears below the coaching: on a phone that is out of sight, so bring it in view.
SHOW_REPORT = """() => {
  const report = document.getElementById('practice-report');
  if (report && report.innerText.trim()) report.scrollIntoView({block: 'start'});
}"""

# The Scenario menu's last entry: what "Surprise me" drew, or the fields as the user set them.
OWN = "Your own scenario"


@dataclass
class PracticeTab:
    """Components other tabs connect to."""

    state: Any
    to_interpret: Any
    to_write: Any
    restore: Any  # (saved session id) -> the tab as it was; run when the page loads
    restore_inputs: list[Any]
    restore_outputs: list[Any]
    preset: Any
    company: Any
    role: Any
    interviewer: Any


def chat_view(session: Session) -> list[dict[str, str]]:
    """The transcript as chat messages."""
    return [{"role": "assistant" if t.role == "interviewer" else "user", "content": t.text}
            for t in session.turns]


def coaching_panel_empty() -> str:
    """What the coaching column says before anything happened."""
    return ("<p class='muted'>Coaching appears here after each thing you say. The "
            "interviewer is wrapping up: answer, then ask about next steps.</p>")


def coaching_panel(session: Session) -> str:
    """Coaching cards, newest first."""
    rows = [t.assessment for t in session.turns if t.assessment is not None]
    if not rows:
        return coaching_panel_empty()
    return "".join(views.assessment_card(a) for a in reversed(rows))


def build(services: Services, name_box: Any) -> PracticeTab:
    """Lay out the tab and wire its events."""
    import gradio as gr

    def fields(sc: Scenario) -> tuple[str, str, str, str, str, str]:
        return sc.company, sc.role, sc.interviewer, sc.style, sc.stage, sc.truth

    def pick_preset(name: str) -> tuple[Any, ...]:
        if name not in PRESETS:  # "Your own scenario": the fields stay as they are
            return tuple(gr.update() for _ in range(6))
        return fields(PRESETS[name])

    def surprise_me() -> tuple[Any, ...]:
        return (OWN, *fields(surprise()))

    def practice_start(company: str, role: str, interviewer: str, style: str, stage: str,
                       truth: str, request: gr.Request
                       ) -> tuple[Any, list[dict[str, str]], str, str, Any, str]:
        try:
            scenario = Scenario.model_validate({
                "company": (company or "").strip() or "Northwind Logistics",
                "role": (role or "").strip() or "Data Analyst",
                "interviewer": (interviewer or "").strip() or "Dana Reyes",
                "style": style, "stage": stage, "truth": truth})
        except ValueError:
            # The user's slip: a message in the page, not a traceback in the server's log.
            raise gr.Error("Check the scenario fields (each at most 200 characters).",
                           print_exception=False) from None
        session = services.start_practice(scenario, owner_of(request))
        return (session, chat_view(session), coaching_panel(session), "",
                gr.update(value=None, visible=False), "")

    track = gr.Progress()  # Gradio hands each event its own tracker in its place

    def practice_turn(session: Session | None, message: str, spoken: Delivery | None,
                      progress: Any = track) -> Any:
        # The user's slips are notices that go away; the chat and the text stay as they were.
        if session is None or not (message or "").strip():
            gr.Warning("Start a session first: press “Start the session”." if session is None
                       else "Type what you would say to the interviewer, or record it.")
            yield (session, chat_view(session) if session else [],
                   coaching_panel(session) if session else coaching_panel_empty(),
                   message, spoken, False)
            return
        # A recording measures this turn only if the text sent is (nearly) what was said.
        delivery = spoken if spoken is not None and spoken.measures(message) else None
        # What was sent shows at once, before the interviewer answers.
        yield (session, chat_view(session) + [{"role": "user", "content": message}],
               coaching_panel(session), "", spoken, False)
        try:
            announce_cold_start(services, progress)
            for _, reply in services.practice_turn(session, message, delivery):
                chat = chat_view(session) + [{"role": "assistant", "content": reply}]
                yield session, chat, coaching_panel(session), "", spoken, False
        except CoachError as exc:
            log.warning("practice turn: %s", exc)  # one line: the message says it all
            raise gr.Error(str(exc), print_exception=False) from None
        yield session, chat_view(session), coaching_panel(session), "", None, True

    def hear(recording: str | None) -> tuple[Any, Delivery | None, str]:
        """A recording (microphone or file) transcribed into the text box, to check and send;
        its delivery waits beside it for the turn."""
        if not recording:
            return gr.update(), None, ""
        try:
            transcript, delivery = services.transcribe(recording)
        except VoiceError as exc:
            gr.Warning(str(exc))
            return gr.update(), None, ""
        except Exception:  # noqa: BLE001 - a fault of the speech engine, not the user's
            log.exception("transcription failed")
            gr.Warning("Transcribing that recording failed on this machine; type your turn, "
                       "or run `coach doctor` to check the voice model.")
            return gr.update(), None, ""
        note = (f"**Heard** (transcribed here in {transcript.seconds:.1f} s): check the words, "
                f"edit them if needed, then Send.  \n**Delivery:** {delivery.line()}")
        return transcript.text, delivery, note

    def speak(session: Session | None, on: bool, took: bool) -> str | None:
        """The interviewer's new line, spoken (when the user turned the voice on)."""
        if not on or not took or session is None or not session.turns:
            return None
        last = session.turns[-1]
        if last.role != "interviewer":
            return None
        try:
            return str(services.speaker.speak(last.text, f"{session.id}-{len(session.turns)}"))
        except VoiceError as exc:
            gr.Warning(str(exc))
            return None

    def practice_end(session: Session | None, name: str,
                     request: gr.Request) -> tuple[Any, Any, Any]:
        if session is None or len(session.turns) < 2:
            gr.Warning("Say something to the interviewer first: the report needs at least "
                       "one exchange.")
            return gr.update(), gr.update(), gr.update()
        report = services.practice_report(session, name or "")
        markdown = to_markdown(report, session)
        return (to_markdown(report, session, link=views.guide_href),
                gr.update(value=download("practice-report.md", markdown), visible=True),
                views.history_table(services.store.history(owner=owner_of(request))))

    def restore(saved: str | None, request: gr.Request) -> tuple[Any, ...]:
        """After a reload or a restart: the unfinished session, as it was, and the user's
        history."""
        owner = owner_of(request)
        history_html = views.history_table(services.store.history(owner=owner))
        found = services.resume_practice(saved, owner) if saved else None
        if found is None:
            return None, [], coaching_panel_empty(), gr.update(), "", history_html
        session, pending = found
        return (session, chat_view(session), coaching_panel(session), pending, session.id,
                history_html)

    def clear(session: Session | None) -> tuple[None, str, str, str]:
        """The chat's clear button ends the session (its turns stay in the history)."""
        if session is not None:
            services.end_practice(session)
        return None, coaching_panel_empty(), "", ""

    gr.Markdown("Rehearse the last minutes of an interview. Answer the interviewer's last "
                "question, then ask about next steps — coaching on every message, a report "
                "at the end.")
    state = gr.State(None)
    # The unfinished session's id, kept by the browser: a reload or a restart resumes it.
    saved = gr.BrowserState("", storage_key="coach-practice-session")
    with gr.Row():
        preset = gr.Dropdown([*PRESETS, OWN], value=next(iter(PRESETS)), label="Scenario")
        surprise_btn = gr.Button("Surprise me")
    first = next(iter(PRESETS.values()))
    # A name must fit its box: at phone width each text box takes its own line.
    with gr.Row():
        company = gr.Textbox(label="Company", value=first.company, max_length=200, min_width=240)
        role = gr.Textbox(label="Role", value=first.role, max_length=200, min_width=240)
        interviewer = gr.Textbox(label="Interviewer", value=first.interviewer, max_length=200,
                                 min_width=240)
        style = gr.Dropdown(["warm", "formal", "rushed", "distracted"], value=first.style,
                            label="Interviewer style")
        stage = gr.Dropdown([(v, k) for k, v in STAGE_LABELS.items()], value=first.stage,
                            label="Stage")
    with gr.Accordion("Hidden truth (opening this spoils the surprise)", open=False):
        truth = gr.Dropdown([(v, k) for k, v in TRUTH_LABELS.items()], value=first.truth,
                            label="What is really going on")
    begin = gr.Button("Start the session", variant="primary")
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Interview", height=420,
                              placeholder="Press **Start the session**: the interviewer's last "
                                          "question appears here.")
            said = gr.Textbox(label="You say", placeholder="Type and press Enter, or record "
                              "below", max_length=4000)
            no_voice = voice_problem()
            with gr.Row():
                mic = gr.Audio(sources=["microphone", "upload"], type="filepath",
                               label="Or say it (transcribed on this machine)",
                               elem_id="voice-in", visible=no_voice is None)
                silent = tts_problem()
                with gr.Column(min_width=160):
                    voice_on = gr.Checkbox(value=False, label="Speak the interviewer's lines",
                                           interactive=silent is None,
                                           info=silent or "A local voice (Piper); off by "
                                           "default.")
                    voice_out = gr.Audio(label="Interviewer", autoplay=True,
                                         interactive=False, visible=False,
                                         elem_id="voice-out")
            heard = gr.Markdown(no_voice or "", elem_id="voice-note")
            spoken = gr.State(None)  # the delivery of the transcribed text waiting to be sent
            took = gr.State(False)  # the last Send took a turn (a slip takes none)
            with gr.Row():
                send = gr.Button("Send", variant="primary")
                finish = gr.Button("End and get my report")
        with gr.Column(scale=2):
            # Also installs the guide-link handler as the page opens (this tab shows first).
            coaching = gr.HTML(label="Coaching", js_on_load=views.GUIDE_LINKS_JS)
    report_md = gr.Markdown(elem_id="practice-report")
    with gr.Row(visible=False) as handoff:  # once there is a session to take further
        to_interpret = gr.Button("Read their answer in Interpret")
        to_write = gr.Button("Draft the thank-you in Write")
    report_file = gr.File(label="Download the report (.md)", visible=False)  # after a report
    history = gr.HTML()  # filled on every page load (restore), for the signed-in user
    scenario_fields = [company, role, interviewer, style, stage, truth]
    preset.change(pick_preset, preset, scenario_fields, api_visibility="private")
    surprise_btn.click(surprise_me, None, [preset, *scenario_fields], api_visibility="private")
    # A field the user changes makes the scenario their own.
    gr.on([f.input for f in (company, role, interviewer, style, stage, truth)], lambda: OWN,
          None, preset, api_visibility="private")
    begin.click(practice_start, scenario_fields,
                [state, chat, coaching, said, report_file, report_md], api_name="practice_start"
                ).then(lambda s: (s.id if s is not None else None, None, None, no_voice or "",
                                  gr.update(visible=s is not None)),
                       state, [saved, spoken, mic, heard, handoff], api_visibility="private")
    chat.clear(clear, state, [state, coaching, saved, report_md], api_visibility="private"
               ).then(lambda: (None, None, no_voice or ""), None, [spoken, mic, heard],
                      api_visibility="private")
    # While the interviewer answers, the box and Send wait (a message typed then would be lost).
    busy = gr.on([send.click, said.submit],
                 lambda: (gr.update(interactive=False), gr.update(interactive=False)), None,
                 [said, send], queue=False, api_visibility="private")
    turn = busy.then(practice_turn, [state, said, spoken],
                     [state, chat, coaching, said, spoken, took], api_name="practice_turn",
                     concurrency_id=MODEL_LANE, concurrency_limit=MODEL_LANE_SIZE)
    turn.then(lambda: (gr.update(interactive=True), gr.update(interactive=True)), None,
              [said, send], queue=False, api_visibility="private")
    turn.success(lambda t: (None, no_voice or "") if t else (gr.update(), gr.update()), took,
                 [mic, heard], api_visibility="private")
    turn.success(speak, [state, voice_on, took], voice_out, api_visibility="private")
    turn.success(lambda s: gr.update(visible=s is not None), state, handoff,
                 api_visibility="private")  # a resumed session, after its next turn
    voice_on.change(lambda on: gr.update(visible=on), voice_on, voice_out,
                    api_visibility="private")
    gr.on([mic.stop_recording, mic.upload], hear, mic, [said, spoken, heard],
          api_name="practice_hear", concurrency_id="voice", concurrency_limit=1)
    finish.click(practice_end, [state, name_box], [report_md, report_file, history],
                 api_name="practice_report", concurrency_id=MODEL_LANE,
                 concurrency_limit=MODEL_LANE_SIZE
                 ).then(lambda: "", None, saved, api_visibility="private"  # nothing to resume
                        ).then(None, None, None, api_visibility="private", js=SHOW_REPORT)
    return PracticeTab(state=state, to_interpret=to_interpret, to_write=to_write,
                       restore=restore, restore_inputs=[saved],
                       restore_outputs=[state, chat, coaching, said, saved, history],
                       preset=preset, company=company, role=role, interviewer=interviewer)


def answer_of(session: Session | None) -> str:
    """The interviewer's answer to the next-steps question, for the Interpret tab."""
    if session is None:
        return ""
    return interviewer_answer(session) or ""
