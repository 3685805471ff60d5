from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.emails import EmailRequest, draft, tidy
from coach.emails.checks import check_draft, invented_terms
from coach.emails.frames import template_draft
from coach.emails.kinds import KIND
from coach.errors import ModelUnavailable
from coach.reading.interpret import interpret

from .fakes import FakeChat

KINDS = list(KIND)
REQUEST = EmailRequest(
    kind="thank_you", candidate_name="Amara Okafor", interviewer_name="Dana Reyes",
    company="Northwind Logistics", role="Senior Data Engineer",
    interview_date=date(2026, 11, 25), topics="the route-planning pipeline and data quality",
    experience="building streaming pipelines at a freight startup",
)
GOOD = """Subject: Thank you for the Senior Data Engineer interview

Dear Dana Reyes,

Thank you for taking the time to meet with me about the Senior Data Engineer role at Northwind \
Logistics. I enjoyed our conversation about the route-planning pipeline and data quality, and it \
made me even more excited about the team and the problems you are solving.

My experience building streaming pipelines at a freight startup maps closely onto what you \
described, and I would be glad to bring it to Northwind Logistics.

I appreciate your time and consideration, and I look forward to hearing about the next steps.

Best regards,
Amara Okafor"""


PARAGRAPH = ("I enjoyed our conversation about the route-planning pipeline and data quality, "
             "and it made me even more excited about the team and the problems you are solving. "
             "My experience building streaming pipelines at a freight startup maps closely onto "
             "what you described, and I would be glad to bring it to Northwind Logistics.")
INVENTED = PARAGRAPH.replace("the route-planning pipeline and data quality",
                             "the Apollo migration that Kevin leads")


def test_the_model_writes_the_paragraph_inside_the_guides_frame(real_services) -> None:
    fake = FakeChat(PARAGRAPH)
    result = draft(REQUEST, fake, real_services.index)
    assert result.method == "model" and result.subject.startswith("Thank you")
    assert result.body.startswith("Dear Dana Reyes,\n\nThank you for taking the time")
    assert PARAGRAPH in result.body and result.body.endswith("Best regards,\nAmara Okafor")
    assert result.guidance
    prompt = "\n".join(m["content"] for m in fake.calls[0])
    for fact in ("Amara Okafor", "Dana Reyes", "Northwind Logistics", "Senior Data Engineer",
                 "route-planning pipeline", "streaming pipelines"):
        assert fact in prompt
    # The system prompt is the same for every draft, so the server's prompt cache keeps it.
    other = FakeChat(PARAGRAPH)
    draft(REQUEST.model_copy(update={"kind": "reply_to_rejection"}), other, real_services.index)
    assert other.calls[0][0] == fake.calls[0][0]


def test_a_whole_email_from_the_model_is_cut_down_to_its_paragraph() -> None:
    # Small models write the subject, greeting, thanks and sign-off anyway, often in quotes.
    whole = f'Subject: Thanks!\n\nHi Dana,\n\n"Thank you so much for the chat. {PARAGRAPH}"' \
            "\n\nWarm regards,\nAmara Okafor"
    result = draft(REQUEST, FakeChat(whole))
    assert result.method == "model"
    body = result.body
    assert body.count("Dear Dana Reyes") == 1 and "Hi Dana" not in body
    assert body.count("Amara Okafor") == 1 and "Warm regards" not in body
    assert "Thank you so much for the chat" not in body and '"' not in body
    assert PARAGRAPH in body


@pytest.mark.parametrize("label", ["THE PARAGRAPH: ", "<THE PARAGRAPH>\n", "Paragraph: ",
                                   "**THE PARAGRAPH:** "])
def test_the_prompts_label_for_the_gap_is_not_left_in(label: str) -> None:
    result = draft(REQUEST, FakeChat(label + PARAGRAPH))
    assert result.method == "model" and "PARAGRAPH" not in result.body.upper()
    assert "*" not in result.body and "<" not in result.body
    assert PARAGRAPH in result.body


def test_a_lone_closing_quote_is_dropped() -> None:
    result = draft(REQUEST, FakeChat(PARAGRAPH + '"'))
    assert PARAGRAPH in result.body and '"' not in result.body


def test_a_sentence_cut_off_by_the_token_limit_is_dropped() -> None:
    result = draft(REQUEST, FakeChat(PARAGRAPH + " I would also like to mention that my"))
    assert result.body.count("would also like") == 0 and PARAGRAPH in result.body


def test_an_invented_project_is_caught_and_regenerated() -> None:
    fake = FakeChat(INVENTED, PARAGRAPH)
    result = draft(REQUEST, fake)
    assert result.method == "model (rewritten)"
    reask = fake.calls[1][-1]["content"]
    assert "Apollo" in reask and "Kevin" in reask
    assert "Apollo" not in result.body


def test_a_model_failing_every_try_gives_the_template_with_a_warning() -> None:
    result = draft(REQUEST, FakeChat(INVENTED, INVENTED, INVENTED))
    assert result.method == "template"
    assert "Dana Reyes" in result.body and "Northwind Logistics" in result.body
    assert any("failed checks 3 times" in w and "Apollo" in w for w in result.warnings)


def test_a_paragraph_too_short_is_asked_for_again_with_the_word_count() -> None:
    fake = FakeChat("I liked it.", PARAGRAPH)
    result = draft(REQUEST, fake)
    assert result.method == "model (rewritten)"
    assert "longer paragraph" in fake.calls[1][-1]["content"]


def test_a_rambling_paragraph_is_trimmed_to_the_kinds_length() -> None:
    ramble = PARAGRAPH + " " + " ".join(
        f"I also enjoyed hearing about the team and the pipeline, part {n}." for n in
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen"))
    result = draft(REQUEST, FakeChat(ramble))
    assert result.method == "model (repaired)"
    assert PARAGRAPH in result.body and result.words <= KIND["thank_you"].words[1]


def test_no_model_answer_still_gives_a_usable_draft() -> None:
    result = draft(REQUEST, FakeChat(ModelUnavailable("The model server is down.")))
    assert result.method == "template" and result.subject and result.body
    assert any("server is down" in w for w in result.warnings)


@pytest.mark.parametrize("experience", ["building pipelines", ""])
@pytest.mark.parametrize("kind", KINDS)
def test_every_template_passes_the_checks(kind: str, experience: str) -> None:
    request = REQUEST.model_copy(update={"kind": kind, "experience": experience})
    subject, body = template_draft(request)
    assert check_draft(subject, body, request, KIND[kind].words) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (GOOD.split("\n", 2)[2].replace("Dana Reyes", "[Interviewer Name]"), "template gaps"),
        (GOOD.split("\n", 2)[2] + "\nP.S. Just checking in!", "cliché"),
        (GOOD.split("\n", 2)[2] + "\nI need an answer by tomorrow.", "pressure"),
        ("Dear Dana,\n\nI am writing about the role.\n\nBest,\nAmara", "at least 60 words"),
        (GOOD.split("\n", 2)[2].replace("Thank you for taking", "I write after taking"),
         "open with thanks"),
        (GOOD.split("\n", 2)[2] + "\nI led 14 projects in 2019.", "invent numbers"),
    ],
)
def test_checks_name_each_problem(body: str, problem: str) -> None:
    problems = check_draft("Thanks", body, REQUEST, KIND["thank_you"].words)
    assert any(problem in p for p in problems), problems


def test_missing_fields_become_marked_placeholders_and_warnings() -> None:
    request = EmailRequest(kind="no_response_follow_up", candidate_name="Léa N'Diaye")
    result = draft(request, None)
    assert "[Interviewer's name]" in result.body and "[Company]" in result.body
    assert "Léa N'Diaye" in result.body
    assert any("[Interviewer's name]" in w for w in result.warnings)


def test_huge_fields_are_cut_with_a_warning() -> None:
    request = REQUEST.model_copy(update={"topics": "pipelines " * 5000})
    result = draft(request, None)
    assert any("cut to 10,000 characters" in w for w in result.warnings)


def test_names_in_any_script_are_kept_and_html_is_text() -> None:
    request = REQUEST.model_copy(update={"interviewer_name": "José Ñúñez-O'Brien",
                                         "candidate_name": "山田 太郎",
                                         "company": "<b>Acme</b> & Co"})
    result = draft(request, None)
    assert "José Ñúñez-O'Brien" in result.body and "山田 太郎" in result.body
    assert "<b>Acme</b> & Co" in result.body  # kept as typed; the UI escapes it


def test_the_interpretation_flows_into_the_reply_to_a_timeline() -> None:
    interp = interpret("We'll let you know by the end of next week.",
                       received=date(2026, 11, 26))
    request = REQUEST.model_copy(update={"kind": "reply_to_timeline", "interpretation": interp})
    fake = FakeChat("short", "still short", "short again")
    result = draft(request, fake)
    prompt = "\n".join(m["content"] for m in fake.calls[0])
    assert "by the end of next week" in prompt and "Thu 3 Dec – Fri 4 Dec 2026" in prompt
    assert "by the end of next week" in result.body  # the template says it too


def test_invented_terms_ignore_sentence_starts_and_known_words() -> None:
    body = "Dear Dana,\nThank you. Northwind Logistics was great. I met Kevin from Apollo."
    assert invented_terms(body, REQUEST) == ["Kevin", "Apollo"]


def test_possessives_and_the_stated_dates_are_not_invented_terms() -> None:
    interp = interpret("We'll let you know by the end of next week.",
                       received=date(2026, 11, 26))
    request = REQUEST.model_copy(update={"kind": "reply_to_timeline", "interpretation": interp})
    body = ("Thank you. I noted that I will hear by the end of next week (Thu 3 Dec – Fri 4 "
            "Dec 2026), and Dana Reyes's note was kind. I met Kevin's team.")
    assert invented_terms(body, request) == ["Kevin"]


names = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Zs", "Pd")), max_size=30)


@settings(max_examples=40, deadline=None)
@given(kind=st.sampled_from(KINDS), candidate=names, interviewer=names, company=names,
       role=names, topics=st.text(max_size=200))
def test_template_drafts_never_leave_unmarked_gaps_or_foreign_names(
    kind, candidate, interviewer, company, role, topics
) -> None:
    request = EmailRequest(kind=kind, candidate_name=candidate, interviewer_name=interviewer,
                           company=company, role=role, topics=topics)
    result = draft(request, None)
    typed, _ = tidy(request)  # control characters are dropped from fields by design
    problems = check_draft(result.subject, result.body, typed, (0, 10_000))
    assert not [p for p in problems if "template gaps" in p or "names or things" in p], problems


def test_mechanical_repair_fills_known_gaps_marks_unknown_ones_and_cuts_cliches() -> None:
    request = REQUEST.model_copy(update={"topics": ""})
    bad = PARAGRAPH.replace("the route-planning pipeline and data quality",
                            "[mention a topic you discussed]").replace(
        "Northwind Logistics.", "[Company Name].") + " Just checking in on timing."
    result = draft(request, FakeChat(bad))
    assert result.method == "model (repaired)"
    assert "[Something specific you discussed]" in result.body
    assert "[Company Name]" not in result.body and "checking in" not in result.body.lower()


def test_a_known_name_in_brackets_is_unbracketed() -> None:
    from coach.emails.checks import repair

    body = repair("Dear [Dana Reyes],\n\nThank you, [Dana Reyes].", REQUEST)
    assert "[" not in body and body.count("Dana Reyes") == 2


def test_numbered_lists_are_not_invented_numbers_but_times_are() -> None:
    listed = GOOD.split("\n", 2)[2].replace(
        "I appreciate your time", "1. I appreciate your time")
    assert not any("numbers" in p for p in check_draft("Thanks", listed, REQUEST,
                                                         KIND["thank_you"].words))
    timed = GOOD.split("\n", 2)[2] + "\nI am free at 10:30 on the 14th."
    assert any("numbers" in p for p in check_draft("Thanks", timed, REQUEST,
                                                     KIND["thank_you"].words))


def test_a_time_gap_becomes_the_availability_placeholder() -> None:
    from coach.emails.checks import repair
    from coach.emails.models import EXTRA_PLACEHOLDERS

    request = REQUEST.model_copy(update={"kind": "confirm_next_step"})
    body = repair("Dear Dana,\n\nThank you! I can do [Interview time].", request)
    assert EXTRA_PLACEHOLDERS[0] in body
