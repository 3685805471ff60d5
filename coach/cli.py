"""The `coach` command: set-up, index, search and diagnostics from the terminal."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from coach.config import Settings
from coach.errors import CoachError
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


@cli.command()
def setup(
    model: Annotated[bool, typer.Option(help="Also prepare the built-in model file.")] = True,
) -> None:
    """Prepare the offline assets and the knowledge index (run by `make run`)."""

    def body() -> None:
        from coach.offline import ensure_model

        services = _services()
        if model and services.settings.backend == "local":
            ensure_model(services.settings.model_path, progress=_say)
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
    """Search the guide and print the best passages with their headings."""

    def body() -> None:
        from coach.retrieval import MAX_QUERY_CHARS

        if len(query) > MAX_QUERY_CHARS:
            _say(f"Note: the query is long; searching its first {MAX_QUERY_CHARS} characters.")
        results = _services().search(query, k)
        if as_json:
            rows = [r.model_dump(include={"text", "heading_path", "source", "score"})
                    for r in results]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for n, r in enumerate(results, 1):
            typer.secho(f"{n}. {r.heading_path}  ({r.source}, score {r.score:.2f})", bold=True)
            typer.echo(r.text + "\n")

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
