"""Next Steps Coach web app: layout and wiring only; each tab lives in coach/ui/."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coach import views
from coach.config import Settings
from coach.errors import CoachError
from coach.services import Services, bootstrap

if TYPE_CHECKING:
    import gradio as gr

TITLE = "Next Steps Coach"


def build_demo(services: Services) -> gr.Blocks:
    """The whole UI; importing this module starts nothing."""
    import gradio as gr

    from coach.ui import (
        applications_tab,
        guide_tab,
        interpret_tab,
        practice_tab,
        settings_tab,
        write_tab,
    )
    from coach.ui.common import Shared

    # Recordings and downloads in Gradio's cache are deleted after an hour (checked hourly).
    with gr.Blocks(title=TITLE, delete_cache=(3600, 3600)) as demo:
        gr.Markdown(f"# {TITLE}\nPractise the closing ask, read a recruiter's reply, and plan "
                    "your follow-up — grounded in the guide, running on your machine.")
        with gr.Accordion("Your interview (entered once, used by every tab)", open=False):
            with gr.Row():
                shared = Shared(
                    name=gr.Textbox(label="Your name", max_length=200),
                    company=gr.Textbox(label="Company", max_length=200,
                                       elem_id="shared-company"),
                    role=gr.Textbox(label="Role", max_length=200),
                    interviewer=gr.Textbox(label="Interviewer's name", max_length=200),
                    interview_date=gr.Textbox(label="Interview date (YYYY-MM-DD)",
                                              max_length=20),
                )
        with gr.Tabs(overflow_behavior="wrap") as tabs:  # every tab in sight on a phone
            with gr.Tab("Practice", id="practice"):
                practice = practice_tab.build(services, shared.name)
            with gr.Tab("Interpret", id="interpret"):
                interpret = interpret_tab.build(services, shared)
            with gr.Tab("Write", id="write"):
                write = write_tab.build(services, shared)
            with gr.Tab("Applications", id="applications"):
                apps = applications_tab.build(services)
            with gr.Tab("Guide", id="guide", elem_id="tab-guide"):
                guide_tab.build(services)
            with gr.Tab("Settings & About", id="settings"):
                settings_tab.build(services)

        # Flows between tabs: a plan step opens Write with its email; the practice report
        # opens the interviewer's answer in Interpret and the thank-you in Write.
        interpret.to_write.click(
            lambda kind, reply: (gr.update(value=kind or "thank_you"), reply,
                                 gr.Tabs(selected="write")),
            [interpret.step, interpret.reply], [write.kind, write.reply, tabs],
            api_visibility="private")
        practice.to_interpret.click(
            lambda s: (practice_tab.answer_of(s), gr.Tabs(selected="interpret")),
            practice.state, [interpret.reply, tabs], api_visibility="private")

        def thank_you_from(session: Any, company: str, role: str, interviewer: str
                           ) -> tuple[Any, ...]:
            """Write's thank-you for the practice interview: the scenario's details fill the
            interview details only where the user has none; theirs are never overwritten."""
            sc = session.scenario if session is not None else None
            if sc is None:
                return ("thank_you", gr.update(), gr.update(), gr.update(),
                        gr.Tabs(selected="write"))
            mine = [(company or "").strip(), (role or "").strip(), (interviewer or "").strip()]
            theirs = [sc.company, sc.role, sc.interviewer]
            if any(m and m != t for m, t in zip(mine, theirs, strict=True)):
                gr.Info("Write keeps your interview details; the practice was with "
                        f"{sc.interviewer} for {sc.role} at {sc.company}.")
            return ("thank_you", *[m or t for m, t in zip(mine, theirs, strict=True)],
                    gr.Tabs(selected="write"))

        practice.to_write.click(thank_you_from,
                                [practice.state, shared.company, shared.role,
                                 shared.interviewer],
                                [write.kind, shared.company, shared.role, shared.interviewer,
                                 tabs], api_visibility="private")
        # Details typed once: the interview details the user enters become the practice
        # scenario's (the Scenario menu then says it is their own).
        for mine, field in ((shared.company, practice.company), (shared.role, practice.role),
                            (shared.interviewer, practice.interviewer)):
            # .change, not .input: a pasted or autofilled value counts too.
            mine.change(lambda value: (value, practice_tab.OWN) if (value or "").strip()
                        else (gr.update(), gr.update()), mine, [field, practice.preset],
                        api_visibility="private", trigger_mode="always_last")
        # A due step opens Write with its email and the application's details.
        def open_in_write(context: dict[str, Any]) -> tuple[Any, ...]:
            if not context or "error" in context:
                gr.Warning((context or {}).get("error", "Choose a due step first."))
                return (*[gr.update()] * 6, gr.Tabs())
            return (context["kind"], context["company"], context["role"],
                    context["interviewer"], context["interview_date"], context["reply"],
                    gr.Tabs(selected="write"))

        apps.to_write.click(apps.context_of, apps.due_choice, apps.write_context,
                            api_visibility="private").then(
            open_in_write, apps.write_context,
            [write.kind, shared.company, shared.role, shared.interviewer,
             shared.interview_date, write.reply, tabs], api_visibility="private")

        # On every page load: the applications' lists, and the Applications tab first when
        # anything is due.
        demo.load(apps.first_view, None, [*apps.lists, tabs], api_visibility="private").then(
            apps.timeline, apps.app_choice, apps.details, api_visibility="private").then(
            apps.limits_of, None, apps.limits, api_visibility="private")
        demo.load(interpret.listing_of, None, interpret.listing, api_visibility="private")
        # A reload or a restart resumes the unfinished practice session.
        demo.load(practice.restore, practice.restore_inputs, practice.restore_outputs,
                  api_visibility="private")
    return demo


def launch_options(settings: Settings) -> dict[str, Any]:
    """Where to listen, and the logins (required off loopback)."""
    options: dict[str, Any] = {"server_name": settings.host, "server_port": settings.port,
                               "share": False}
    try:
        loopback = ipaddress.ip_address(settings.host).is_loopback
    except ValueError:
        loopback = settings.host == "localhost"
    auth = settings.auth.get_secret_value() if settings.auth else ""
    if not loopback and not auth.strip():
        raise CoachError(f"Listening on {settings.host} makes the app reachable from other "
                         "machines: set COACH_AUTH=user:password to require a login.")
    if auth.strip():  # a login, on loopback too when it is set; each user has their own data
        options["auth"] = logins(auth)
    return options


def logins(auth: str) -> list[tuple[str, str]]:
    """COACH_AUTH as logins: "user:password", or several separated by commas (each user then
    sees only their own applications)."""
    pairs = [tuple(p.strip().split(":", 1)) for p in auth.split(",") if p.strip()]
    if not pairs or any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
        raise CoachError("COACH_AUTH should be user:password (or several, separated by "
                         "commas).")
    return [(p[0], p[1]) for p in pairs]


def add_calendar_feed(server: Any, services: Services) -> None:
    """Serve each user's calendar at /calendar/<secret>.ics on the app's own address, for
    calendar programs to subscribe to (they cannot sign in, hence the secret address)."""
    from starlette.responses import Response
    from starlette.routing import Route

    def calendar(request: Any) -> Response:
        owner = services.applications.feed_owner(str(request.path_params["token"]))
        if owner is None:
            return Response("No calendar at this address.", status_code=404,
                            media_type="text/plain")
        return Response(services.calendar_feed(owner), media_type="text/calendar",
                        headers={"Cache-Control": "no-store"})

    server.router.routes.insert(0, Route("/calendar/{token}.ics", calendar))


def warm_up(services: Services) -> threading.Thread:
    """Load the reply reader and the speech-to-text model and start the built-in model (when it
    is the backend) in the background, so the first reading, spoken turn and practice reply do
    not wait for them."""
    from coach.voice.assets import voice_problem

    def step(name: str, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown again, with advice, when first used
            print(f"{name} did not start in the background (it is retried on first use): "
                  f"{exc}", flush=True)

    def work() -> None:
        step("The reply reader", lambda: services.reader.model)
        if services.settings.backend == "local":
            step("The built-in model", lambda: services.local_server.url)
        if voice_problem() is None:
            step("Speech-to-text", services.transcriber.warm)

    thread = threading.Thread(target=work, name="warm-up", daemon=True)
    thread.start()
    return thread


def main(settings: Settings | None = None) -> None:
    """Prepare the services and serve the app on the configured address."""
    settings = settings or Settings()
    options = launch_options(settings)
    services = bootstrap(settings)
    print("Preparing the guide index...", flush=True)
    report = services.refresh_index()
    print(f"Guide index: {report.total} passages{' (rebuilt)' if report.changed else ''}.")
    import gradio as gr

    demo = build_demo(services)
    warm_up(services)
    print(f"Next Steps Coach on http://{settings.host}:{settings.port} — the built-in model "
          "is starting in the background (the first start prepares a 1.1 GB file).")
    # Quick requests (interpret, search) run 8 at a time; model-bound ones share their own
    # lane of 2 (see coach/ui/common.py), so a long generation never blocks a quick answer.
    demo.queue(default_concurrency_limit=8, max_size=128).launch(
        css=views.CSS, theme=gr.themes.Soft(font=["system-ui", "sans-serif"],
                                            font_mono=["ui-monospace", "monospace"]),
        prevent_thread_lock=True, **options,
    )
    add_calendar_feed(demo.server_app, services)
    demo.block_thread()


if __name__ == "__main__":
    try:
        main()
    except CoachError as exc:
        raise SystemExit(f"Error: {exc}") from None
