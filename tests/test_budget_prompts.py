from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.budget import count_tokens, fit_messages, message_tokens, truncate_to_tokens
from coach.errors import CoachError
from coach.prompts import load_prompt

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=3000)
turns = st.lists(st.builds(lambda r, c: {"role": r, "content": c},
                           st.sampled_from(["user", "assistant"]), text), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(system=text, history=turns, guidance=st.lists(text, max_size=5),
       window=st.integers(256, 4096), reserve=st.integers(0, 200))
def test_fit_messages_stays_within_budget_and_keeps_the_newest_turn(
    system, history, guidance, window, reserve
) -> None:
    fitted = fit_messages(system, history, context_window=window, reserve=reserve,
                          guidance=guidance)
    assert message_tokens(fitted) <= int(window * 0.9) - reserve
    newest = [m for m in history if m["content"].strip()]
    if newest:
        last = fitted[-1]
        assert last["role"] == newest[-1]["role"]
        original = newest[-1]["content"]
        kept = last["content"].removesuffix(" […]")
        assert original.startswith(kept)


def test_oldest_turns_go_first_then_guidance() -> None:
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} " * 40}
               for i in range(10)]
    guidance = ["guide passage one " * 30, "guide passage two " * 30]
    fitted = fit_messages("You are a coach.", history, context_window=700, reserve=100,
                          guidance=guidance)
    contents = [m["content"] for m in fitted[1:]]
    assert contents[-1].startswith("turn 9")
    assert not any(c.startswith("turn 0") for c in contents)
    assert "guide passage one" in fitted[0]["content"]  # guidance survives while turns can go
    tiny = fit_messages("You are a coach.", history[-1:], context_window=300, reserve=100,
                        guidance=guidance)
    assert "guide passage two" not in tiny[0]["content"]


def test_everything_fits_untouched_when_small() -> None:
    history = [{"role": "user", "content": "What are the next steps?"}]
    fitted = fit_messages("System.", history, context_window=4096, guidance=["Passage."])
    assert fitted == [{"role": "system", "content": "System.\n\nFrom the guide:\nPassage."},
                      *history]


def test_truncate_to_tokens() -> None:
    long = "word " * 500
    cut = truncate_to_tokens(long, 50)
    assert count_tokens(cut) <= 50 and cut.endswith("[…]")
    assert truncate_to_tokens("short", 50) == "short"


def test_load_prompt_substitutes_and_keeps_braces(tmp_path: Path) -> None:
    (tmp_path / "greet.md").write_text('Hello $name. Answer as {"ok": true}.\n', encoding="utf-8")
    assert load_prompt("greet", tmp_path, name="Ada") == 'Hello Ada. Answer as {"ok": true}.'


def test_load_prompt_missing_variable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "greet.md").write_text("Hello $name from $company.", encoding="utf-8")
    with pytest.raises(CoachError, match="company"):
        load_prompt("greet", tmp_path, name="Ada")


def test_load_prompt_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CoachError, match="nope.md"):
        load_prompt("nope", tmp_path)
