"""The phrase cues: what each family should and should not pick up."""

from __future__ import annotations

import pytest

from coach.reading.cues import find_cues
from coach.text.language import detect_language


def families(text: str) -> set[str]:
    return {h.family for h in find_cues(text, {"en", detect_language(text)})}


@pytest.mark.parametrize(
    "text",
    [
        "If we decide not to move forward, we'll still let you know.",
        "Once we've made a selection we will call every candidate.",
        "We'll be in touch either way, whether or not you've been selected.",
    ],
)
def test_a_rejection_in_an_if_or_once_clause_is_not_a_decision(text: str) -> None:
    assert not families(text) & {"reject_other_candidate", "reject_not_proceeding",
                                 "reject_role_gone"}


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("They've decided to appoint internally.", "reject_other_candidate"),
        ("The nod went to the other candidate.", "reject_other_candidate"),
        ("We've given the apprenticeship to a lad who finished his course last year.",
         "reject_other_candidate"),
        ("The team wants someone with more hands-on design experience, so they've gone with a "
         "designer who has it.", "reject_other_candidate"),
        ("I'm sorry, you were not among the applicants chosen for the next stage.",
         "reject_not_proceeding"),
        ("They're not moving him on to the technical round.", "reject_not_proceeding"),
        ("You weren't ranked highly enough to be offered a post.", "reject_not_proceeding"),
        ("Lamentablemente hemos decidido seguir con otros candidatos.", "reject_other_candidate"),
    ],
)
def test_rejection_phrasings(text: str, family: str) -> None:
    assert family in families(text)


def test_a_job_title_is_not_another_role() -> None:
    assert "other_role" not in families("Thanks for interviewing for the Senior Data Engineer "
                                        "position.")
    assert "other_role" in families("We think you'd suit a more junior role on the team.")
    assert "other_role" in families("Our Leeds office has a similar position open.")


def test_a_paused_role_and_a_closed_role() -> None:
    assert "temporary" in families("The role has been withdrawn for now.")
    assert "temporary" in families("We plan to re-advertise it in the spring.")
    assert "temporary" not in families("The role has been withdrawn and will not be reopened.")


def test_offers_to_you_and_offers_in_general() -> None:
    assert "offer" in families("We'd like to make you an offer.")
    assert "offer" not in families("They'll make offers by the 20th.")
    assert "offer" not in families("You're welcome to email me with any questions.")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Results will be sent on or before 11/20.", "time_phrase"),
        ("We'll decide before the long weekend.", "time_phrase"),
        ("Can you come in Thursday at 4?", "clock_time"),
        ("The interview is at 10:30am.", "clock_time"),
        ("Could you swing by the office tomorrow?", "schedule"),
        ("The director asked if I'm free on Monday.", "schedule"),
        ("Kindly return the signed form.", "schedule"),
        ("Your assessment has been scheduled for next week.", "schedule"),
    ],
)
def test_times_and_requests(text: str, family: str) -> None:
    assert family in families(text)


def test_passing_on_a_message_is_not_a_request() -> None:
    assert "schedule" not in families("She asked me to say thank you for coming in.")
    assert "schedule" not in families("Just wanted you to know you're still in the running.")
