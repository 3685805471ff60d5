"""Practice scenarios and the interviewer who plays the last minutes of an interview."""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, Field

from coach.budget import fit_messages
from coach.llm import Message
from coach.prompts import load_prompt
from coach.schemas import Category

Style = Literal["warm", "formal", "rushed", "distracted"]
Stage = Literal["phone_screen", "technical_round", "final_round"]
Truth = Literal["clear_timeline", "vague", "immediate", "none", "open_questions"]

TRUTH_LABELS: dict[str, str] = {
    "clear_timeline": "a clear timeline with a date",
    "vague": "still interviewing, no date yet",
    "immediate": "an immediate next step",
    "none": "no clear next steps (hiring paused)",
    "open_questions": "an open invitation to ask more questions",
}
# What each hidden truth looks like in the interviewer's words (interpret() categories).
AGREES: dict[str, set[Category]] = {
    "clear_timeline": {"clear_timeline"}, "vague": {"vague"}, "immediate": {"immediate"},
    "none": {"none"}, "open_questions": {"vague"},
}
DETAILS: dict[str, list[str]] = {
    "clear_timeline": [
        "We meet the last two candidates this week and will decide by Friday next week; "
        "the recruiter emails every candidate either way.",
        "The panel meets on Tuesday and I'll call you with the outcome by Thursday.",
        "We aim to make a decision within five business days and will let you know by email.",
    ],
    "vague": [
        "We're still interviewing other candidates and have no date yet; we'll be in touch.",
        "A few more people to meet and then the team compares notes; no fixed date.",
    ],
    "immediate": [
        "We'd like to invite you to a second interview with the head of department; the "
        "recruiter will ask for your availability for next week.",
        "The next step is a short take-home exercise, which we'll send you tomorrow.",
        "We'd like you to meet the team this week; could you share a couple of times?",
    ],
    "none": [
        "The role has just been put on hold while the department restructures; there are no "
        "next steps for now, and we'll reach out if that changes.",
        "Hiring is paused until next year's budget is approved; no next steps yet.",
    ],
    "open_questions": [
        "Nothing is decided yet; the interviewer is happy to take more questions about the "
        "role, the team and the way they work, and gives no date.",
    ],
}
SCRIPTED: dict[str, str] = {
    "clear_timeline": "Good question. {detail}",
    "vague": "Honestly, {detail_lower}",
    "immediate": "Yes — {detail_lower}",
    "none": "I'll be straight with you: {detail_lower}",
    "open_questions": "We're still working that out, so I can't give you a date. But I'm "
                      "happy to answer anything else about the role or the team.",
}
STYLE_NOTES: dict[str, str] = {
    "warm": "friendly and encouraging",
    "formal": "polite, reserved and formal",
    "rushed": "short on time: brief answers, mentions the next meeting",
    "distracted": "a little distracted: glances at messages, short answers",
}
STAGE_LABELS = {"phone_screen": "phone screen", "technical_round": "technical round",
                "final_round": "final round"}
LAST_QUESTIONS = {
    "phone_screen": "Before we wrap up — what made you apply for this role?",
    "technical_round": "One last one from me: how would you approach testing a change you "
                       "weren't sure about?",
    "final_round": "Last question from my side: what would you want to achieve in your first "
                   "three months?",
}


class Scenario(BaseModel):
    """A practice interview's setting and its hidden truth."""

    company: str = Field(max_length=200)
    role: str = Field(max_length=200)
    interviewer: str = Field(max_length=200)
    style: Style = "warm"
    stage: Stage = "final_round"
    truth: Truth = "clear_timeline"
    detail: str = Field(default="", max_length=600,
                        description="the hiring process in the interviewer's terms")

    def with_detail(self) -> Scenario:
        """The scenario with a default detail for its truth when none is set."""
        return self if self.detail else self.model_copy(update={"detail": DETAILS[self.truth][0]})


PRESETS: dict[str, Scenario] = {
    "Final round, clear timeline": Scenario(
        company="Northwind Logistics", role="Senior Data Engineer", interviewer="Dana Reyes",
        style="warm", stage="final_round", truth="clear_timeline"),
    "Phone screen, still interviewing": Scenario(
        company="Brightmoor Health", role="Practice Manager", interviewer="Tom Allen",
        style="rushed", stage="phone_screen", truth="vague"),
    "Technical round, next step now": Scenario(
        company="Quillstack", role="Backend Engineer", interviewer="Priya Nair",
        style="formal", stage="technical_round", truth="immediate"),
    "Final round, hiring paused": Scenario(
        company="Hoshi Foods", role="Marketing Lead", interviewer="Kenji Tanaka",
        style="distracted", stage="final_round", truth="none"),
    "Open to more questions": Scenario(
        company="Riverside Clinic", role="Community Nurse", interviewer="Grace Okafor",
        style="warm", stage="phone_screen", truth="open_questions"),
}
# "Surprise me" draws a role, then a workplace that hires it, then a stage whose last question
# fits it: each role with the companies and the skills question that belong to it.
ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    "Data Analyst": (("Northwind Logistics", "Kestrel Insurance", "Clarity Labs"),
                     "how would you check a number in a report that looked wrong to you?"),
    "Site Reliability Engineer": (("Quillstack", "Clarity Labs", "Northwind Logistics"),
                                  "how would you approach testing a change you weren't sure "
                                  "about?"),
    "Product Designer": (("Quillstack", "Clarity Labs", "Hoshi Foods"),
                         "how would you test a design you weren't sure about with real users?"),
    "Account Manager": (("Kestrel Insurance", "Halvorsen Logistics", "Lumbre Foods"),
                        "how would you handle a client who is unhappy a week before renewal?"),
    "HR Generalist": (("Brightmoor Health", "Halvorsen Logistics", "Kestrel Insurance"),
                      "how would you handle a complaint an employee asks you to keep "
                      "confidential?"),
    "Operations Coordinator": (("Northwind Logistics", "Halvorsen Logistics", "Hoshi Foods"),
                               "what would you do when a delivery is going to miss its date?"),
    "Teacher": (("Riverside Academy", "Maple Grove School"),
                "how would you support a student who is falling behind?"),
    "Nurse Practitioner": (("Brightmoor Health", "Riverside Clinic"),
                           "how would you handle a patient who disagrees with their care plan?"),
}
NAMES = ["Dana Reyes", "Tom Allen", "Priya Nair", "Kenji Tanaka", "Grace Okafor",
         "Marta Silva", "Olu Adeyemi", "Sofia Lindqvist"]


def surprise(seed: int | None = None) -> Scenario:
    """A random scenario ("surprise me"): a role, a workplace that hires it, a stage."""
    rng = random.Random(seed)
    truth = rng.choice(list(DETAILS))
    role = rng.choice(list(ROLES))
    return Scenario.model_validate({
        "company": rng.choice(ROLES[role][0]), "role": role,
        "interviewer": rng.choice(NAMES), "style": rng.choice(list(STYLE_NOTES)),
        "stage": rng.choice(list(STAGE_LABELS)), "truth": truth,
        "detail": rng.choice(DETAILS[truth])})


def opening(scenario: Scenario) -> str:
    """The interviewer's first line: wrapping up with one last question of their own."""
    greeting = {"warm": "This has been a really good conversation.",
                "formal": "Thank you, that covers most of what I wanted to ask.",
                "rushed": "We're nearly out of time, so let's keep moving.",
                "distracted": "Sorry — right, where were we. Okay."}[scenario.style]
    question = LAST_QUESTIONS[scenario.stage]
    if scenario.stage == "technical_round" and scenario.role in ROLES:
        question = f"One last one from me: {ROLES[scenario.role][1]}"
    return f"{greeting} {question}"


def scripted_answer(scenario: Scenario) -> str:
    """An in-character answer that states the hidden truth plainly (used as a fallback)."""
    detail = scenario.with_detail().detail
    return SCRIPTED[scenario.truth].format(detail=detail,
                                           detail_lower=detail[:1].lower() + detail[1:])


def interviewer_messages(scenario: Scenario, history: list[Message], invited: bool,
                         context_window: int) -> list[Message]:
    """The interviewer's prompt: a short brief, then the conversation so far; before the
    interviewer has invited questions, a last note saying to.

    The brief is the same on every turn and the conversation only grows, so the built-in
    model's prompt cache keeps nearly all of it from one turn to the next (and from the
    pre-read at the session's start, see practice.prefill): a turn reads what was said since.
    """
    messages = fit_messages(interviewer_brief(scenario), history,
                            context_window=context_window, reserve=200)
    if not invited:
        messages.append({"role": "system", "content": INVITE})
    return messages


def interviewer_brief(scenario: Scenario) -> str:
    """The interviewer's system prompt: who they are and the hidden truth."""
    scenario = scenario.with_detail()
    return load_prompt(
        "interviewer", name=scenario.interviewer, company=scenario.company, role=scenario.role,
        stage=STAGE_LABELS[scenario.stage], style=STYLE_NOTES[scenario.style],
        process=scenario.detail)


# The first reply's task, after the brief and the conversation: a brief that changed after
# the first reply would make the model read it all again.
INVITE = ("Now acknowledge the candidate's answer to your last question in one sentence, then "
          "invite their questions. Do not ask another question of your own.")
