"""Voice practice in a real browser: espeak-ng speaks a known closing ask to a WAV, Chromium
takes that file as its microphone, and the page must show the transcript, let the user send
it, and coach its delivery; the interviewer's line can be spoken back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import serving
from .test_browser import (
    SHOTS,
    ScriptedChat,
    cells_breaking_words,
    launch,
    shot,
    start_practice,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]
ESPEAK = shutil.which("espeak-ng")
if ESPEAK is None:
    pytest.skip("espeak-ng is not installed (.ci/run installs it)", allow_module_level=True)

ASK = ("Thank you, sorry to ask, but um, I was just wondering what the next steps are and "
       "when I might hear back?")


@pytest.fixture(scope="module")
def spoken(tmp_path_factory) -> Path:
    """The ask, spoken by espeak-ng, with a second of silence after it (so the recording
    stops on silence, not mid-word)."""
    folder = tmp_path_factory.mktemp("voice")
    wav = folder / "ask.wav"
    subprocess.run([ESPEAK, "-v", "en-us", "-s", "150", "-w", str(wav), ASK + " ... ..."],
                   check=True)
    return wav


@pytest.fixture(scope="module")
def url(real_services):
    real_services.model = ScriptedChat()
    with serving(real_services) as address:
        yield address


@pytest.fixture(scope="module")
def browser(spoken):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch(p, "--use-fake-ui-for-media-stream",
                          "--use-fake-device-for-media-stream",
                          f"--use-file-for-fake-audio-capture={spoken}%noloop")
        yield instance
        instance.close()




@pytest.mark.parametrize("width", [1280, 390])
def test_a_spoken_ask_is_transcribed_sent_and_its_delivery_coached(browser, url, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["microphone"], origin=url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("text=Next Steps Coach")
        start_practice(page)
        mic = page.locator("#voice-in")
        mic.scroll_into_view_if_needed()
        mic.get_by_role("button", name="Record", exact=True).click()
        page.wait_for_timeout(11_000)  # the ask is about eight seconds long
        mic.get_by_role("button", name="Stop", exact=True).click()
        note = page.locator("#voice-note")
        note.get_by_text("Heard").wait_for(timeout=60_000)
        said = page.get_by_label("You say").input_value()
        assert "next step" in said.lower() and "hear" in said.lower(), said
        assert "Delivery:" in note.inner_text()
        shot(page, f"voice-heard-{width}")
        page.get_by_label("Speak the interviewer's lines").check()
        page.get_by_role("button", name="Send").click()
        page.wait_for_selector("text=We'll decide by Friday next week")
        card = page.locator(".result-card", has_text="Delivery:").first
        card.wait_for()
        text = card.inner_text()
        assert "words/min" in text and "sorry" in text.lower()
        assert "Drop the apology" in text  # the delivery tip, with its guide link
        # The interviewer's reply is spoken: an audio player with a file appears.
        page.locator("#voice-out audio").first.wait_for(state="attached", timeout=30_000)
        assert page.locator("#voice-note").inner_text().strip() == ""  # ready for the next
        shot(page, f"voice-coached-{width}")
        # The report has a delivery section; the history under it fits the screen.
        page.get_by_role("button", name="End and get my report").click()
        page.get_by_role("heading", name="Delivery (spoken turns)").wait_for(timeout=60_000)
        page.locator(".history-table").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 10
        assert cells_breaking_words(page, ".history-table") == []
        page.locator(".history-table").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"voice-history-{width}.png"))
    finally:
        context.close()
