"""`coach transcribe` and `coach say`: voice practice from the terminal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Annotated

import typer

import coach.cli as root


def transcribe(
    file: Annotated[Path, typer.Argument(help="A recording: WAV, MP3, OGG, WebM, M4A...")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Transcribe a spoken turn offline: its text, the words with their times, and how it was
    delivered (pace, fillers, hedges and apologies, long pauses, how long the ask took)."""

    def body() -> None:
        transcript, delivery = root._services().transcribe(file)
        if as_json:
            payload = {"transcript": transcript.model_dump(mode="json"),
                       "delivery": delivery.model_dump(mode="json") | {
                           "fillers_per_100": round(delivery.fillers_per_100, 1)}}
            typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        typer.echo(transcript.text)
        typer.echo("")
        typer.echo(f"Language: {transcript.language} · {transcript.duration:.1f} s of audio, "
                   f"transcribed in {transcript.seconds:.1f} s")
        typer.echo(f"Delivery: {delivery.line()}")
        for tip in delivery.tips:
            typer.echo(f"- {tip.text}  (Guide: {tip.heading})")
        typer.echo("")
        typer.echo("Words:")
        for w in transcript.words:
            typer.echo(f"  {w.start:6.2f}–{w.end:6.2f}  {w.text}")

    root._run(body)


def say(
    text: Annotated[str, typer.Argument(help="What the interviewer says.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The WAV file to write.")],
) -> None:
    """Speak a line in the interviewer's voice to a WAV file (the optional local voice)."""

    def body() -> None:
        from coach.errors import InputError

        spoken = root._services().speaker.speak(text)
        try:
            shutil.copyfile(spoken, out)
        except OSError as exc:
            raise InputError(f"Cannot write {out}: {exc.strerror}.") from None
        typer.echo(f"Wrote {out}")

    root._run(body)
