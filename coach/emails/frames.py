"""The guide's shape of each email: a frame (subject, greeting, opening thanks, closing,
sign-off) around a middle. The model writes the middle; with no model, or nothing of the
user's to make it specific, the frame's own middle is used: the guide's wording, with marked
[placeholders] and nothing specific said.

Frames are data: per kind, a subject, openings, the template middle, closings (a short one for
the concise tone) and the task the model's middle must do. Tone changes the register
measurably: warm uses contractions, formal none and a formal sign-off, concise the short
opening and closing and a middle of one or two sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.emails.details import as_list, as_sentence, items, lower_first
from coach.emails.models import EXTRA_PLACEHOLDERS, EmailRequest, placeholder

SIGN_OFF = {"warm": "Best regards,", "formal": "Yours sincerely,", "concise": "Best,"}
# The warm register: contractions and a few warmer turns of phrase, in the frame's own words.
WARM = (("I am ", "I'm "), ("I would ", "I'd "), ("I have ", "I've "), ("do not ", "don't "),
        ("did not ", "didn't "), ("It is ", "It's "), ("that is ", "that's "),
        ("I will ", "I'll "), ("you are ", "you're "), ("cannot ", "can't "),
        ("I look forward to", "I'm looking forward to"), ("I remain very", "I'm still very"),
        ("I enjoyed", "I really enjoyed"))
AVAILABILITY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:morning|"
                          r"afternoon|evening|tomorrow|next week)\b|\b\d{1,2}(?::\d\d)?\s?"
                          r"(?:am|pm)\b")
OWN_SENTENCE = re.compile(r"(?i)^(?:i|i'm|i've|i'd|my|we|please|attached|here|happy|glad|"
                          r"available|also|thank)\b")


@dataclass(frozen=True)
class Shape:
    """One kind's wording, with {fields} filled from the request."""

    subject: str
    openings: tuple[str, ...]  # the last one is the concise tone's
    middle: str
    closings: tuple[str, ...]  # the last one is the concise tone's
    task: str


SHAPES: dict[str, Shape] = {
    "thank_you": Shape(
        "Thank you — {role} interview",
        ("Thank you for taking the time to speak with me{when} about the {role} position at "
         "{company}.",
         "Thank you very much for our conversation{when} about the {role} position at "
         "{company}.",
         "Thank you for speaking with me{when} about the {role} role."),
        "I enjoyed our conversation, especially discussing {topics}, and I came away even more "
        "interested in the role.{fit}{extra}",
        ("Thank you again for your time and consideration. I look forward to hearing about the "
         "next steps in the process.",
         "I appreciate your time and your consideration, and I look forward to hearing from "
         "you about the next steps in the process.",
         "I look forward to hearing about the next steps."),
        "say what you enjoyed discussing (name the topics from the facts) and how your "
        "experience fits the role"),
    "no_response_follow_up": Shape(
        "Following up on the {role} interview",
        ("Thank you again for our conversation{when} about the {role} position at {company}.",
         "Thank you once more for interviewing me{when} for the {role} position.",
         "Thank you again for our conversation{when} about the {role} role."),
        "I understand that hiring takes time, and I wanted to say that I remain very "
        "interested in the role{since_topics}.{fit}{extra}",
        ("Could you share whether there is an update on the timeline? I appreciate your time "
         "and consideration.",
         "Is there any news you are able to share on the timeline? Thank you for your time.",
         "Is there an update you can share?"),
        "say you understand hiring takes time and restate your interest in the role, with one "
        "specific reason from the facts; do not ask about the timeline"),
    "date_passed": Shape(
        "Checking in on the {role} position",
        ("Thank you again for our conversation{when} about the {role} position at {company}.",
         "Thank you for keeping me informed about the {role} position at {company}.",
         "Thank you again for the {role} interview."),
        "{said_past}I understand that timelines often move, and I remain very interested in "
        "the role.{extra}",
        ("Is there an update you are able to share on where things stand? Thank you for your "
         "time.",
         "Could you let me know where the process stands? I appreciate your time.",
         "Is there an update you can share?"),
        "mention, without blame, the date they gave, say you understand timelines move and "
        "that you remain interested; do not ask for an answer by any date"),
    "missed_call": Shape(
        "Rescheduling our call about the {role} position",
        ("Thank you for arranging a call about the {role} position at {company}.",
         "Thank you again for setting up time to talk about the {role} position.",
         "Thank you for arranging our call about the {role} role."),
        "I was ready at the time we had confirmed{call_time} but we did not manage to connect; "
        "I understand that schedules change at short notice. I would be glad to find another "
        "time: {availability}.",
        ("I look forward to speaking with you.",
         "Thank you, and I look forward to our conversation.",
         "Thank you."),
        "say, without blame, that the call did not happen, that you understand schedules "
        "change, and offer these times exactly: '{availability}'"),
    "feedback_request": Shape(
        "Thank you, and a request for feedback — {role}",
        ("Thank you for the opportunity to interview for the {role} position at {company}.",
         "Thank you for considering me for the {role} position at {company}.",
         "Thank you for interviewing me for the {role} role."),
        "I appreciated the time you took to discuss the role. If you have a moment, I would be "
        "grateful for any feedback on my interview — in particular, anything I could do better "
        "in how I presented my experience{when_topics}.{extra}",
        ("I am always looking to improve, and I would value your perspective.",
         "Any thoughts you can share would help me, and there is no need to reply at length.",
         "Any brief thoughts would help me."),
        "politely ask for feedback on one or two specific parts of your interview, making "
        "clear there is no pressure to reply"),
    "reply_to_timeline": Shape(
        "Re: {role} — next steps",
        ("Thank you for the update on the {role} position, and for letting me know the "
         "timeline.",
         "Thank you for letting me know when to expect news about the {role} position.",
         "Thank you for the update and the timeline."),
        "{said}Would it be all right for me to follow up after that date if I have not heard "
        "anything?{extra}",
        ("I remain very interested in the role.", "I remain very interested in the position.",
         "I remain very interested."),
        "acknowledge the date they gave and ask whether it would be welcome to follow up after "
        "that date if you have not heard"),
    "confirm_next_step": Shape(
        "Re: {role} — happy to move forward",
        ("Thank you for the good news — I am glad to move forward with {step} for the {role} "
         "position at {company}.",
         "Thank you for inviting me to {step} for the {role} position at {company}.",
         "Thank you — I am glad to move forward with {step}."),
        "I am available at these times: {availability}.",
        ("Please let me know if there is anything I should prepare in advance.",
         "Is there anything you would like me to prepare beforehand?",
         "Is there anything I should prepare?"),
        "say you look forward to {step} and give your availability exactly as "
        "'{availability}'"),
    "decline_next_step": Shape(
        "Re: {role}",
        ("Thank you for inviting me to {step} for the {role} position at {company}.",
         "Thank you for the invitation to {step} for the {role} position.",
         "Thank you for the invitation to {step}."),
        "After careful thought, I have decided not to continue with the process. {reason}I am "
        "grateful for the time you and the team have given me.",
        ("I wish you every success in filling the role.",
         "I hope our paths cross again, and I wish you the best with the search.",
         "I wish you the best with the search."),
        "decline the next step politely and briefly, give the reason only if the facts give "
        "one, and thank them for their time"),
    "reply_to_no_next_steps": Shape(
        "Re: {role}",
        ("Thank you for letting me know where things stand with the {role} position.",
         "Thank you for being open with me about the {role} position.",
         "Thank you for letting me know where things stand."),
        "I understand that these processes can take time and that circumstances change. I "
        "remain very interested in {company}, and I would be glad to hear from you if the role "
        "opens up again.{extra}",
        ("I wish you and the team all the best in the meantime.",
         "Please keep me in mind if anything changes.",
         "Please keep me in mind if anything changes."),
        "say you understand that plans change, that you remain interested, and that you would "
        "be glad to hear if the role opens again"),
    "reply_to_rejection": Shape(
        "Re: {role}",
        ("Thank you for letting me know, and for the time you and the team gave me during the "
         "process.",
         "Thank you for telling me personally, and for the time you gave me.",
         "Thank you for letting me know."),
        "While I am disappointed, I enjoyed learning about {company}{especially_topics} and "
        "would welcome the "
        "chance to be considered for future openings. If you are able to share any feedback "
        "on my interview, I would be grateful for it.{extra}",
        ("I wish you and the team every success.", "I hope we cross paths again.",
         "I wish you and the team well."),
        "accept the decision graciously, keep the door open for future roles and, optionally, "
        "ask for brief feedback"),
    "re_approach": Shape(
        "Still interested in {company} — {role}",
        ("Thank you again for considering me for the {role} position{when} at {company}.",
         "Thank you for the time you gave me during the {role} process at {company}.",
         "Thank you again for considering me for the {role} role."),
        "Although that role did not work out, my interest in {company} has stayed with me. I "
        "would be glad to be considered for a similar role if one is open now or opens "
        "soon.{fit}{extra}",
        ("Thank you for keeping me in mind.", "I would welcome a short conversation if that "
         "would be useful.", "Thank you for keeping me in mind."),
        "say your interest in the company has stayed and ask to be considered for a similar "
        "role, with what you bring from the facts; do not suggest the earlier decision was "
        "wrong"),
    "close_the_loop": Shape(
        "Closing the loop — {role}",
        ("Thank you again for the time you gave me during the {role} process at {company}.",
         "Thank you once more for considering me for the {role} position.",
         "Thank you again for considering me for the {role} role."),
        "I have not heard back, and I understand that circumstances change. I will take it "
        "that the role has moved on, so this is my last note; I would still be very glad to "
        "hear from you if anything changes.{extra}",
        ("I wish you and the team all the best.", "Thank you, and all the best.",
         "All the best."),
        "say, without blame, that this is your last note since you have not heard back, that "
        "you understand, and that you would be glad to hear if anything changes"),
    "withdraw": Shape(
        "Withdrawing my application — {role}",
        ("Thank you for the time you and the team have given me during the {role} process at "
         "{company}.",
         "Thank you for considering me for the {role} position at {company}.",
         "Thank you for considering me for the {role} role."),
        "I am writing to withdraw my application. {reason}I have valued learning about "
        "{company}, and I did not want to keep you waiting on my account.",
        ("I wish you every success in finding the right person.",
         "I hope our paths cross again.", "I wish you every success."),
        "withdraw your application politely and briefly, give the reason only if the facts "
        "give one, and thank them"),
    "additional_information": Shape(
        "Additional information for the {role} position",
        ("Thank you again for the conversation about the {role} position at {company}.",
         "Thank you once more for the {role} interview at {company}.",
         "Thank you again for the {role} interview."),
        "Since we spoke, I thought it might help your decision to share something more: "
        "{offer}.{fit}",
        ("I hope this is useful, and I am happy to provide anything else you need.",
         "Please let me know if anything else would help.",
         "I hope it helps."),
        "offer this to help their decision: '{offer}', and say briefly why it is relevant to "
        "the role"),
}


@dataclass(frozen=True)
class Frame:
    """Everything around the middle of an email, and what the middle should do."""

    subject: str
    greeting: str
    opening: str
    middle: str  # the guide-shaped middle used when no model writes one
    closing: str
    sign_off: str
    task: str  # what the model's middle must do

    def body(self, middle: str | None = None, opening: bool = True) -> str:
        """The whole body with `middle` (or the template's) between opening and closing."""
        first = f"{self.opening} " if opening else ""
        text = f"{first}{self.middle if middle is None else middle}".strip()
        return f"{self.greeting}\n\n{text}\n\n{self.closing}\n\n{self.sign_off}"

    @property
    def ours(self) -> str:
        """The frame's own sentences (the checks allow what they say)."""
        return f"{self.subject} {self.opening} {self.middle} {self.closing}"

    @property
    def words(self) -> int:
        """Words the frame itself contributes to the body."""
        return len(self.body(middle="").split())


def _v(request: EmailRequest, field: str) -> str:
    return str(getattr(request, field) or "") or placeholder(field)


def extra_sentence(note: str) -> str:
    """An "anything to include" note as a sentence of the email: kept as written when it is one
    ("I have a portfolio at …"), times as availability, anything else as an addition."""
    note = note.strip()
    if OWN_SENTENCE.match(note):
        return as_sentence(note)
    if AVAILABILITY.search(note):
        return as_sentence(f"I am available {lower_first(note)}")
    return as_sentence(f"I would also like to add: {note}")


def _register(text: str, tone: str) -> str:
    """The frame's wording in the tone's register: warm contracts, the others do not."""
    if tone == "warm":
        for plain, warm in WARM:
            text = text.replace(plain, warm)
    return text


WOVEN_WORDS = {"concise": 16, "formal": 40, "warm": 40}


def _within(parts: list[str], words: int) -> list[str]:
    """The first parts whose words fit in `words` (always the first one)."""
    kept: list[str] = []
    for part in parts:
        if kept and sum(len(k.split()) for k in kept) + len(part.split()) > words:
            break
        kept.append(part)
    return kept


def fields(request: EmailRequest) -> dict[str, str]:
    """The values a shape's {fields} take, with [placeholders] for what is missing."""
    from coach.reading.plan import NEXT_STEP_WORDS

    interp = request.interpretation
    deadline = interp.deadline if interp else None
    # Long notes are woven only as far as the tone's length allows; the rest is reported as
    # left out with the draft (every detail appears or is named).
    budget = WOVEN_WORDS.get(request.tone, 40)
    topics = _within(items(request.topics), budget)
    extra = items(request.extra)
    experience = _within(items(request.experience), budget // 2)
    given = "; ".join(extra)
    step = NEXT_STEP_WORDS[interp.next_step] if interp else "the next step"
    return {
        "role": _v(request, "role"), "company": _v(request, "company"),
        "when": f" on {request.interview_date:%A %d %B}" if request.interview_date else "",
        "topics": as_list(topics) if topics else placeholder("topics"),
        "fit": (f" My experience with {as_list(experience)} is why I believe I could "
                "contribute." if experience else ""),
        "said": (f"You mentioned that I can expect to hear {deadline.phrase} "
                 f"({deadline.label}). " if deadline else ""),
        "said_past": (f"You mentioned that I could expect to hear {deadline.phrase} "
                      f"({deadline.label}). " if deadline else ""),
        "extra": "".join(f" {extra_sentence(e)}" for e in extra),
        "availability": given or EXTRA_PLACEHOLDERS[0],
        "call_time": f" ({deadline.label})," if deadline else ",",
        "offer": given or EXTRA_PLACEHOLDERS[1],
        "reason": "".join(f"{as_sentence(e)} " for e in extra),
        "step": step,
        "since_topics": (f", and I have kept thinking about our conversation on {as_list(topics)}"
                         if topics else ""),
        "when_topics": f" when we discussed {as_list(topics)}" if topics else "",
        "especially_topics": f", especially {as_list(topics)}," if topics else "",
    }


def frame(request: EmailRequest) -> Frame:
    """The frame for the request's kind and tone; `request.variant` picks among the wordings
    (Regenerate moves to the next one)."""
    shape = SHAPES[request.kind]
    values = fields(request)
    tone, n = request.tone, request.variant

    def fill(template: str) -> str:
        return _register(template, tone).format(**values)

    if tone == "concise":
        # Regenerate alternates the short closing with the others, so a concise draft from
        # the guide's wording (no model) still changes.
        opening = shape.openings[-1]
        closing = shape.closings[-1] if n % 2 == 0 else \
            shape.closings[(n // 2) % (len(shape.closings) - 1)]
    else:
        opening = shape.openings[n % (len(shape.openings) - 1)]
        closing = shape.closings[n % (len(shape.closings) - 1)]
    if tone == "concise":  # the middle's first sentence or two, then what the user added
        core = _register(shape.middle, tone).format(**{**values, "extra": "", "fit": ""})
        middle = " ".join(re.split(r"(?<=[.!?])\s+", core)[:2])
        if "{extra}" in shape.middle:
            middle += values["extra"]
    else:
        middle = fill(shape.middle)
    return Frame(subject=shape.subject.format(**values),
                 greeting=f"Dear {_v(request, 'interviewer_name')},",
                 opening=fill(opening), middle=middle, closing=fill(closing),
                 sign_off=f"{SIGN_OFF[tone]}\n{_v(request, 'candidate_name')}",
                 task=shape.task.format(**values))


def template_draft(request: EmailRequest) -> tuple[str, str]:
    """Subject and body for the request's kind, with [placeholders] for what is missing."""
    shape = frame(request)
    return shape.subject, shape.body()
