"""The built-in model's threads are started at a lower priority than the web server's."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from coach.local_model import with_lower_priority

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="per-thread nice values are Linux behaviour")


def test_threads_started_by_the_model_inherit_the_lower_priority() -> None:
    seen: dict[str, int] = {}
    base = os.nice(0)

    def start_server() -> str:
        seen["starter"] = os.nice(0)
        worker = threading.Thread(target=lambda: seen.__setitem__("worker", os.nice(0)))
        worker.start()
        worker.join()
        return "server"

    assert with_lower_priority(start_server, 7) == "server"
    assert seen == {"starter": base + 7, "worker": base + 7}
    assert os.nice(0) == base  # the caller keeps its priority


def test_a_failing_start_raises_in_the_caller_and_zero_turns_it_off() -> None:
    def fail() -> None:
        raise RuntimeError("no model")

    with pytest.raises(RuntimeError, match="no model"):
        with_lower_priority(fail, 5)
    assert with_lower_priority(lambda: os.nice(0), 0) == os.nice(0)
