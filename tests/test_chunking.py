"""Property tests for the guide's chunker on arbitrary Markdown-like documents.

What coach/knowledge.py promises, checked against an independent reading of the document:

* every chunk has text, and its embed_text (heading path + blank line + text) is at most
  max_tokens tiktoken tokens — given that the heading path itself leaves room (a heading
  path longer than the bound cannot be kept, so documents whose path would not fit are
  skipped; see test_a_heading_path_longer_than_the_bound_loses_no_text);
* chunking is deterministic, and chunk ids are `<source>#<n>`, numbered in order;
* no words are lost, added or reordered. A "word" is a maximal run of non-whitespace
  characters (str.split) on a non-heading line; whitespace itself is layout, which the
  chunker may change (pieces of a split paragraph rejoin with one space). Each word comes
  out under the heading path it was written under. A word is kept whole unless it alone is
  over the section's budget; then it comes out as consecutive parts that rejoin to it.

Heading lines are those the module defines as headings: 1-6 '#' characters, whitespace,
then text. Everything else that is not blank is paragraph text ("####### x", "#x", "#").
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from coach.budget import count_tokens
from coach.knowledge import MAX_CHUNK_TOKENS, SEPARATOR, Chunk, chunk_section, parse_markdown

SOURCE = "doc.md"

# -- documents ---------------------------------------------------------------------------------

# Letters, digits, punctuation and symbols of any script, emoji included; never whitespace
# (which would make it two words) and never a surrogate (not encodable text).
_char = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"])
_word = st.one_of(
    st.sampled_from(["the", "next", "steps", "follow-up", "e-mail", "Friday.", "decide?",
                     "“quoted”", "(48", "hours)", "—", "café", "naïve", "面试", "🙏", "#", "-",
                     "1.", "<b>", "|", "https://example.com/a?b=c"]),
    st.text(_char, min_size=1, max_size=12),
)
# Runs of one character, and a random word repeated: longer than any budget, so they are cut.
_long_word = st.one_of(
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "x", "é", "語", "🙂", "-", "9"]),
              st.integers(100, 800)),
    st.builds(lambda w, n: w * n, st.text(_char, min_size=2, max_size=8), st.integers(25, 80)),
)
_sentence = st.lists(st.one_of(_word, _word, _word, _word, _word, _word, _word, _long_word),
                     min_size=1, max_size=12).map(" ".join)
_gap = st.sampled_from([" ", " ", " ", "  ", "\t", " \u00a0", "\u3000"])


@st.composite
def _line(draw: st.DrawFn) -> str:
    words = draw(st.lists(_sentence, min_size=1, max_size=3))
    text = draw(_gap).join(words)
    kind = draw(st.sampled_from(["plain", "plain", "bullet", "numbered", "quote", "indent",
                                 "fake heading", "trailing"]))
    return {"plain": text, "bullet": f"- {text}", "numbered": f"{draw(st.integers(1, 20))}. "
            f"{text}", "quote": f"> {text}", "indent": f"    {text}",
            "fake heading": draw(st.sampled_from(["#######", "#", "##"])) + text,
            "trailing": text + draw(st.sampled_from([" ", "\t", "  \u00a0"]))}[kind]


_heading_word = st.one_of(st.sampled_from(["Next", "Steps", "Follow-Up", "Timing:", "FAQ",
                                           "Étape", "次のステップ", "🙂", "1."]),
                          st.text(st.characters(codec="utf-8", categories=["L", "N"]),
                                  min_size=1, max_size=8))


@st.composite
def _heading(draw: st.DrawFn) -> str:
    level = draw(st.integers(1, 3))
    title = " ".join(draw(st.lists(_heading_word, min_size=1, max_size=3)))
    return "#" * level + draw(st.sampled_from([" ", "  ", "\t"])) + title \
        + draw(st.sampled_from(["", " ", "  "]))


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 10))):
        block = draw(st.sampled_from(["heading", "paragraph", "paragraph", "list", "blank"]))
        if block == "heading":
            lines.append(draw(_heading()))
        elif block == "blank":
            lines.append(draw(st.sampled_from(["", "   ", "\t"])))
        elif block == "list":
            items = draw(st.lists(st.lists(_word, min_size=1, max_size=6), min_size=2,
                                  max_size=12))
            lines.extend(f"{draw(st.sampled_from(['-', '*', '1.']))} {' '.join(item)}"
                         for item in items)
        else:
            lines.extend(draw(st.lists(_line(), min_size=1, max_size=4)))
        lines.extend([""] * draw(st.integers(0, 2)))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines) + draw(st.sampled_from(["", "\n"]))


# -- an independent reading of the document ----------------------------------------------------

_HEADING_LINE = re.compile(r"(#{1,6})\s")


def expected_words(text: str) -> list[tuple[str, str]]:
    """(heading path, word) for every word of every non-heading line, in order."""
    path: list[str] = []
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        match = _HEADING_LINE.match(line)
        if match and line[len(match.group(1)):].strip():
            level = len(match.group(1))
            path = path[: level - 1] + [""] * (level - 1 - len(path[: level - 1]))
            path.append(line[level:].strip())
            continue
        out.extend((SEPARATOR.join(path), word) for word in line.split())
    return out


def chunk_document(text: str, max_tokens: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in parse_markdown(text, SOURCE):
        chunks.extend(chunk_section(section, len(chunks), max_tokens))
    return chunks


def budget(heading_path: str, max_tokens: int) -> int:
    """The tokens left for text once the heading path is counted (as the module counts it)."""
    return max_tokens - count_tokens(heading_path + "\n\n")


def assert_words_kept(text: str, chunks: list[Chunk], max_tokens: int) -> None:
    want = expected_words(text)
    got = [(c.heading_path, w) for c in chunks for w in c.text.split()]
    j = 0
    for path, word in want:
        assert j < len(got), f"lost {word!r} and everything after it"
        if got[j] == (path, word):
            j += 1
            continue
        # Only a word over the budget may be cut, into consecutive parts that rejoin to it.
        assert count_tokens(word) > budget(path, max_tokens), (word, got[j])
        joined = ""
        while j < len(got) and got[j][0] == path and len(joined) < len(word):
            joined += got[j][1]
            j += 1
        assert joined == word, f"{word[:40]!r}… came out as {joined[:80]!r}"
    assert j == len(got), f"extra words: {got[j:j + 5]}"


def path_fits(text: str, max_tokens: int) -> bool:
    return all(budget(s.heading_path, max_tokens) >= 8 for s in parse_markdown(text, SOURCE))


def bound_with_room(text: str, room: int) -> int:
    """A max_tokens that leaves `room` tokens for text under the document's longest path."""
    paths = [s.heading_path for s in parse_markdown(text, SOURCE)]
    return max([count_tokens(p + "\n\n") for p in paths], default=1) + room


# -- the properties ----------------------------------------------------------------------------

@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents(), room=st.sampled_from([8, 16, 40, 100]))
@example(text="# A\n\n" + "a" * 2000, room=40)  # one very long word
@example(text="# A\n\n" + "\n".join(["https://example.com/" + "x" * 30] * 20),
         room=40)  # many lines, not one space between them
@example(text="## Skipped a level\n\n####### not a heading\n#nor this\n\n#\n", room=16)
@example(text="Text before any heading.\n\n# Then one\n\nAnd after it.", room=8)
def test_chunks_fit_keep_every_word_and_are_deterministic(text: str, room: int) -> None:
    max_tokens = bound_with_room(text, room)
    chunks = chunk_document(text, max_tokens)
    for chunk in chunks:
        assert chunk.text.strip(), chunk
        assert count_tokens(chunk.embed_text) <= max_tokens, (
            chunk.id, count_tokens(chunk.embed_text), chunk.embed_text[:200])
        assert chunk.source == SOURCE
    assert [c.id for c in chunks] == [f"{SOURCE}#{n}" for n in range(len(chunks))]
    assert_words_kept(text, chunks, max_tokens)
    assert chunk_document(text, max_tokens) == chunks  # deterministic


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(text=documents())
def test_the_default_bound_is_the_guides_bound(text: str) -> None:
    assume(path_fits(text, MAX_CHUNK_TOKENS))
    for section in parse_markdown(text, SOURCE):
        for chunk in chunk_section(section, 0):
            assert count_tokens(chunk.embed_text) <= MAX_CHUNK_TOKENS


def test_a_heading_path_longer_than_the_bound_loses_no_text() -> None:
    """No room is left for text, so the bound cannot hold (the property test skips such paths);
    the chunker still keeps every character of the text, in order, rather than dropping it."""
    heading = "# " + " ".join(["Heading"] * 60)
    chunks = chunk_document(f"{heading}\n\nsome words here", 40)
    assert chunks and all(c.text.strip() for c in chunks)
    assert "".join(c.text for c in chunks).replace(" ", "") == "somewordshere"
