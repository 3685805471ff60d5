"""The dates corpus (coach/dates/corpus.jsonl): every phrase read by its rule, to the right days."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coach.dates import find_deadline
from coach.dates.rules import RULES

CORPUS = Path(__file__).resolve().parent.parent / "coach" / "dates" / "corpus.jsonl"
ROWS = [r for r in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())
        if "_doc" not in r]


def language(rule: str) -> str:
    return rule.removeprefix("foreign-") if rule.startswith("foreign-") else "en"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['rule']}:{r['text'][:40]}" for r in ROWS])
def test_corpus_phrase_is_read_by_its_rule(row: dict) -> None:
    found = find_deadline(row["text"], date.fromisoformat(row["received"]),
                          language(row["rule"]))
    if row["rule"] == "past":
        assert found is None
        return
    assert found is not None
    assert (str(found.start), str(found.end)) == (row["start"], row["end"])
    assert found.rule == row["rule"]
    if row["phrase"]:
        assert found.phrase == row["phrase"]


def test_every_named_rule_has_a_corpus_phrase() -> None:
    covered = {r["rule"] for r in ROWS}
    assert {rule.name for rule in RULES} - covered == set()
