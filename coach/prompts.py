"""Prompt templates are Markdown files in prompts/, filled with $variables."""

from __future__ import annotations

import functools
from pathlib import Path
from string import Template

from coach.config import PROMPTS_DIR as CONFIG_PROMPTS_DIR
from coach.errors import CoachError

PROMPTS_DIR = CONFIG_PROMPTS_DIR


@functools.cache
def _template(path: Path) -> Template:
    return Template(path.read_text(encoding="utf-8"))


def load_prompt(name: str, directory: Path = PROMPTS_DIR, /, **variables: object) -> str:
    """prompts/<name>.md with $variables substituted; a missing variable is an error."""
    path = directory / f"{name}.md"
    if not path.is_file():
        raise CoachError(f"Prompt file {path} is missing.")
    try:
        return _template(path).substitute({k: str(v) for k, v in variables.items()}).strip()
    except KeyError as exc:
        raise CoachError(f"Prompt '{name}' needs the variable {exc.args[0]}.") from None
