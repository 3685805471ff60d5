"""What Settings says about the model: never "no" for a model nobody asked, never "not
checked yet" for a built-in model that is answering."""

from __future__ import annotations

from coach.doctor import ModelInfo
from coach.ui.settings_tab import reachable_text


def info(reachable: bool) -> ModelInfo:
    return ModelInfo(backend="local", model="Qwen", endpoint="127.0.0.1", reachable=reachable,
                     detail="starts on first use")


def test_a_model_nobody_asked_is_not_checked_yet() -> None:
    assert reachable_text(info(False), probed=False).startswith("not checked yet")


def test_a_running_built_in_model_is_reachable_without_a_check() -> None:
    assert reachable_text(info(False), probed=False, running=True).startswith("yes")


def test_a_model_that_was_asked_and_did_not_answer_is_no() -> None:
    assert reachable_text(info(False), probed=True, running=False).startswith("no")
    assert reachable_text(info(True), probed=True).startswith("yes")
