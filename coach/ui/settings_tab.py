"""The Settings & About tab: model, index and licences; switch the model for this run."""

from __future__ import annotations

from coach import views
from coach.doctor import ModelInfo
from coach.errors import CoachError
from coach.llm import display_url
from coach.services import Services
from coach.voice.speech import TTS_LICENCE, TTS_NAME, tts_problem


def voice_row(services: Services) -> str:
    """The speech-to-text model, its licence and whether it is ready."""
    from coach.voice.assets import WHISPER_LICENCE, WHISPER_NAME, voice_problem, whisper_ok

    problem = voice_problem()
    if problem:
        return problem
    ready = ("loaded" if services.transcriber.loaded else "verified, loads on first use"
             if whisper_ok(services.settings.whisper_dir) else "prepared on first use")
    return f"{WHISPER_NAME} ({WHISPER_LICENCE}, by OpenAI; CTranslate2 conversion) — {ready}"


def reachable_text(info: ModelInfo, probed: bool, running: bool = False) -> str:
    """Whether the model answers, as far as is known: never "no" for a model nobody asked,
    and not "not checked yet" for the built-in model once it is running."""
    if info.reachable:
        return f"yes ({info.detail})"
    if running and not probed:
        return "yes (the built-in model is running on this machine)"
    if not probed:
        return f"not checked yet ({info.detail}) — “Check the model now” asks it"
    return f"no ({info.detail})"


def status_html(services: Services, probe: bool) -> str:
    """What the app runs on, whether it answers, and the index."""
    from coach.doctor import model_info

    info = model_info(services, probe=probe)
    index = services.index.status()
    s = services.settings
    rows = [
        ("Language model", f"{info.model} — {info.backend}"),
        ("Where", info.endpoint),
        ("Reachable", reachable_text(info, probe, services.uses_local_model()
                                     and services.local_server.running)),
        ("Licence", info.licence or "see the provider's terms"),
        ("Guide index", f"{index.chunks} passages, built {index.built_at}" if index.ready
         else "not built yet — run `coach index`"),
        ("Embeddings", "all-MiniLM-L6-v2 (int8 ONNX, Apache-2.0), on this machine"),
        ("Speech to text", voice_row(services)),
        ("Interviewer's voice", tts_problem() or f"{TTS_NAME} ({TTS_LICENCE}), off by "
         "default (a checkbox in Practice)"),
        ("Data folder", str(s.data_dir)),
        ("Listening on", f"{s.host}:{s.port}"),
    ]
    cells = "".join(f"<tr><th>{views.esc(k)}</th><td>{views.esc(v)}</td></tr>" for k, v in rows)
    return f"<div class='result-card'><table>{cells}</table></div>"


def build(services: Services) -> None:
    """Lay out the tab and wire its events."""
    import gradio as gr

    def check() -> str:
        return status_html(services, probe=True)

    def switch(backend: str, base_url: str, model: str, api_key: str) -> str:
        """Switch only to a model that answers; otherwise say so and keep the one in use."""
        from coach.doctor import model_info

        before = services.settings
        try:
            services.use_backend(backend, base_url, model, api_key)
        except CoachError as exc:
            return f"<p role='alert'>Problem: {views.esc(exc)}</p>" + status_html(services, False)
        if backend == "openai":
            info = model_info(services, probe=True)
            if not info.reachable:
                services.restore_settings(before)
                gr.Warning(f"{info.endpoint} does not answer ({info.detail}); still using "
                           "the model you had.")
                return (f"<p role='alert'>Not switched: {views.esc(info.endpoint)} does not "
                        f"answer ({views.esc(info.detail)}).</p>" + status_html(services, False))
        gr.Info("Switched: new requests go to " + ("the built-in model." if backend == "local"
                                                   else f"{display_url(base_url)}."))
        return status_html(services, probe=True)

    gr.Markdown("What the app runs on. Nothing leaves this machine unless you point it at an "
                "endpoint below.")
    status = gr.HTML(status_html(services, probe=False))
    gr.Button("Check the model now").click(check, None, status, api_visibility="private")
    with gr.Accordion("Use another model for this run", open=False):
        backend = gr.Radio([("Built-in model", "local"), ("OpenAI-compatible endpoint",
                                                          "openai")],
                           value=services.settings.backend, label="Model")
        # Shown without any user:password in it; submitted unchanged, the configured URL
        # (credentials included) is kept — see Services.use_backend.
        base_url = gr.Textbox(label="Endpoint URL",
                              value=display_url(services.settings.openai_base_url),
                              max_length=500)
        model = gr.Textbox(label="Model name", value=services.settings.openai_model,
                           max_length=200)
        api_key = gr.Textbox(label="API key (kept in memory only)", type="password",
                             max_length=500)
        gr.Button("Use it").click(switch, [backend, base_url, model, api_key], status,
                                  api_visibility="private")
    gr.Markdown(
        "**About.** Next Steps Coach is open source. The built-in model is "
        "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0, by the Qwen team), run by "
        "llama.cpp on this machine; it is small, so its replies are slower and plainer than a "
        "hosted model's. Spoken turns are transcribed on this machine by Whisper base (MIT, by "
        "OpenAI) with faster-whisper; recordings stay on this machine and are deleted "
        "within two hours. The advice and citations come "
        "from the guide in `coach/knowledge/guide/`.")
