"""Anchors for the guide's headings: the slug rules, the rendered guide and the links to it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.knowledge import (
    Heading,
    anchor,
    guide_blocks,
    load_sections,
    location,
    slugify,
)

from .conftest import KNOWLEDGE

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(("heading", "slug"), [
    ("Sending a Thank-You Email", "sending-a-thank-you-email"),
    ("Timing: When to Ask About Next Steps", "timing-when-to-ask-about-next-steps"),
    ("1. Clear Timeline Provided", "1-clear-timeline-provided"),
    ("Interviewer's Name", "interviewers-name"),
    ("Interviewer’s Name", "interviewers-name"),
    ("  Café — Résumé tips  ", "cafe-resume-tips"),
    ("Q&A / FAQ (2026)", "q-a-faq-2026"),
])
def test_slug_examples(heading: str, slug: str) -> None:
    assert slugify(heading) == slug


def test_slug_of_text_without_latin_letters_is_stable_and_distinct() -> None:
    first, second = slugify("面试之后"), slugify("下一步")
    assert first == slugify("面试之后") and first != second
    assert SLUG.match(first) and first.startswith("h-")
    assert slugify("") == slugify("   ") and SLUG.match(slugify("?!"))


@given(st.text(max_size=80))
def test_any_heading_gives_a_clean_fragment(text: str) -> None:
    slug = slugify(text)
    assert SLUG.match(slug), slug
    assert slugify(slug) == slug  # a slug is its own slug
    assert slug == slugify(text)  # the same text, the same slug


def test_anchor_joins_the_levels_of_the_heading_path() -> None:
    path = "Post-Interview Follow-Up › Sending a Thank-You Email"
    assert anchor(path) == "post-interview-follow-up--sending-a-thank-you-email"
    assert anchor("A ›  › C") == "a--c"  # a skipped heading level adds nothing
    # The same heading under two parents gets two anchors.
    assert (anchor("During the Interview › Inquiring About Next Steps for Candidates")
            != anchor("Best Practices for Employers › Inquiring About Next Steps for Candidates"))


def test_every_heading_of_the_guide_has_a_unique_anchor() -> None:
    headings = [b for b in guide_blocks(KNOWLEDGE) if isinstance(b, Heading)]
    assert len(headings) > 50
    repeated = [a for a, n in Counter(h.anchor for h in headings).items() if n > 1]
    assert repeated == []
    assert all(SLUG.match(part) for h in headings for part in h.anchor.split("--"))


def test_every_cited_heading_exists_in_the_guide() -> None:
    """Search results, plan steps and coaching tips all link to a heading that is there."""
    from coach.feedback import HEADINGS
    from coach.reading.plan import SOURCES

    anchors = {b.anchor for b in guide_blocks(KNOWLEDGE) if isinstance(b, Heading)}
    cited = [s.heading_path for s in load_sections(KNOWLEDGE)]
    cited += list(SOURCES.values()) + list(HEADINGS.values())
    assert [path for path in cited if anchor(path) not in anchors] == []


def test_guide_blocks_keep_headings_without_text(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "a.md").write_text(
        "# Top\n## Empty\n### Child\nLine one\nline two\n\n- x\n- y\n", encoding="utf-8")
    blocks = guide_blocks(tmp_path)
    assert [b.anchor if isinstance(b, Heading) else b for b in blocks] == [
        "top", "top--empty", "top--empty--child", ("Line one", "line two"), ("- x", "- y")]


def test_the_rendered_guide_has_an_id_per_heading_and_escapes_text(tmp_path: Path) -> None:
    from coach.views import guide_document

    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "a.md").write_text(
        "# Top <script>\nSee <b>this</b>.\n\n1. first\n2. second\n\n## Same\n\n## Same\n",
        encoding="utf-8")
    page = guide_document(guide_blocks(tmp_path))
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>this</b>" not in page
    assert "id='guide-top-script'" in page
    assert "id='guide-top-script--same'" in page and "id='guide-top-script--same-2'" in page
    assert "<ol><li>first</li><li>second</li></ol>" in page
    assert "href='#guide-top-script--same'" in page  # the contents links to the headings


def test_the_real_guide_renders_every_anchor() -> None:
    from coach.views import guide_document

    page = guide_document(guide_blocks(KNOWLEDGE))
    for block in guide_blocks(KNOWLEDGE):
        if isinstance(block, Heading):
            assert f"id='guide-{block.anchor}'" in page


def test_cards_link_to_their_heading() -> None:
    from coach.retrieval import Guidance
    from coach.views import guidance_cards

    g = Guidance(text="Send it within 24 hours.", source="04-post-interview-follow-up.md",
                 heading_path="Post-Interview Follow-Up › Sending a Thank-You Email",
                 score=0.8, chunk_id="04-post-interview-follow-up.md#0")
    card = guidance_cards([g])
    assert "href='#guide-post-interview-follow-up--sending-a-thank-you-email'" in card
    assert "Post-Interview Follow-Up › Sending a Thank-You Email</a>" in card


def test_location_names_the_file_and_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(KNOWLEDGE.parent)
    where = location(KNOWLEDGE, "04-post-interview-follow-up.md",
                     "Post-Interview Follow-Up › Sending a Thank-You Email")
    assert where == ("knowledge/guide/04-post-interview-follow-up.md"
                     "#post-interview-follow-up--sending-a-thank-you-email")
    monkeypatch.chdir("/")
    assert location(KNOWLEDGE, "x.md", "X").endswith("/knowledge/guide/x.md#x")


def test_report_links_its_guide_headings_only_when_asked() -> None:
    from coach.feedback import Tip
    from coach.interview import PRESETS
    from coach.practice import Session
    from coach.report import Report, to_markdown
    from coach.views import guide_href

    heading = "Common Mistakes to Avoid › Being Too Aggressive or Pushy"
    report = Report(session_id="s1", scores=[], went_well=["ok"], truth="t",
                    try_next=[Tip(text="Ask once.", heading=heading)])
    session = Session(id="s1", scenario=next(iter(PRESETS.values())), turns=[])
    plain = to_markdown(report, session)
    linked = to_markdown(report, session, link=guide_href)
    assert f"(Guide: {heading})" in plain and "](#guide-" not in plain
    assert f"[{heading}](#guide-common-mistakes-to-avoid--being-too-aggressive-or-pushy)" in linked
