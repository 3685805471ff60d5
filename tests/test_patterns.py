"""The cue patterns as data: well-formed, unique, and true to their own examples."""

from __future__ import annotations

import re

import pytest

from coach.reading.cues import DECISIVE, conditional, find_cues, load_patterns

PATTERNS = load_patterns()
WITH_EXAMPLES = [p for p in PATTERNS if p.examples or p.counter]


def test_ids_are_unique_and_name_their_family_and_language() -> None:
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))
    for p in PATTERNS:
        assert p.id.startswith(f"{p.lang}.{p.family}."), p.id


def test_every_language_the_reader_knows_has_patterns() -> None:
    assert {"en", "es", "de", "fr", "pt"} <= {p.lang for p in PATTERNS}


@pytest.mark.parametrize("pattern", WITH_EXAMPLES, ids=[p.id for p in WITH_EXAMPLES])
def test_examples_match_and_counter_examples_do_not(pattern) -> None:
    regex = re.compile(pattern.pattern, re.IGNORECASE | re.MULTILINE)
    for example in pattern.examples:
        match = regex.search(example)
        assert match, f"{pattern.id} misses its example {example!r}"
        # ... and the engine reports the family, unless a decision sits in an "if" clause.
        if pattern.family in DECISIVE and conditional(example, match.start()):
            continue
        assert pattern.family in {h.family for h in find_cues(example, {"en", pattern.lang})}
    for counter in pattern.counter:
        assert not regex.search(counter), f"{pattern.id} matches its counter-example {counter!r}"


def test_a_hit_names_the_pattern_that_fired() -> None:
    hits = find_cues("We are rescinding our offer.")
    gone = [h for h in hits if h.family == "reject_role_gone"]
    assert gone and gone[0].pattern.startswith("en.reject_role_gone.")
    assert gone[0].phrase in "We are rescinding our offer."
