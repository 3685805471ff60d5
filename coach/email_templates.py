"""The guide's shape of each email: a frame (subject, greeting, opening thanks, closing,
sign-off) around a middle. The model writes the middle; the template middle is used when no
model helps, so a template draft is the same frame with the guide's own wording inside."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.email_checks import EXTRA_PLACEHOLDERS, placeholder

if TYPE_CHECKING:
    from coach.emails import EmailRequest

# Words in the body, per kind: the guide's examples run about this long.
LENGTHS: dict[str, tuple[int, int]] = {
    "thank_you": (80, 200), "no_response_follow_up": (50, 150), "feedback_request": (60, 170),
    "reply_to_timeline": (40, 130), "confirm_next_step": (40, 150),
    "reply_to_no_next_steps": (40, 130), "reply_to_rejection": (50, 150),
    "additional_information": (60, 200),
}
SIGN_OFF = {"warm": "Best regards,", "formal": "Yours sincerely,", "concise": "Best,"}


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
    def words(self) -> int:
        """Words the frame itself contributes to the body."""
        return len(self.body(middle="").split())


def _v(request: EmailRequest, field: str) -> str:
    return str(getattr(request, field) or "") or placeholder(field)


def frame(request: EmailRequest) -> Frame:
    """The frame for the request's kind, with [placeholders] for what is missing."""
    name, who = _v(request, "candidate_name"), _v(request, "interviewer_name")
    company, role = _v(request, "company"), _v(request, "role")
    topics = request.topics or placeholder("topics")
    when = f" on {request.interview_date:%A %d %B}" if request.interview_date else ""
    fit = (f" My experience with {request.experience} is why I believe I could contribute."
           if request.experience else
           " I would welcome the chance to bring what I have learned to the team's work.")
    interp = request.interpretation
    said = (f"You mentioned that I can expect to hear {interp.deadline.phrase}"
            f" ({interp.deadline.label}). " if interp and interp.deadline else "")
    extra = f" {request.extra}" if request.extra else ""
    kind = request.kind
    if kind == "thank_you":
        subject = f"Thank you — {role} interview"
        opening = (f"Thank you for taking the time to speak with me{when} about the {role} "
                   f"position at {company}.")
        middle = (f"I enjoyed our conversation, especially discussing {topics}, and I came away "
                  f"even more interested in the role and the team.{fit}{extra}")
        closing = ("Thank you again for your time and consideration. I look forward to hearing "
                   "about the next steps in the process.")
        task = ("say what you enjoyed discussing (name the topics from the facts) and how your "
                "experience fits the role")
    elif kind == "no_response_follow_up":
        subject = f"Following up on the {role} interview"
        opening = (f"Thank you again for our conversation{when} about the {role} position at "
                   f"{company}.")
        middle = ("I understand that hiring takes time, and I wanted to say that I remain very "
                  f"interested in the role.{fit}{extra}")
        closing = ("Could you share whether there is an update on the timeline? I appreciate "
                   "your time and consideration.")
        task = ("say you understand hiring takes time and restate your interest in the role, "
                "with one specific reason from the facts; do not ask about the timeline")
    elif kind == "feedback_request":
        subject = f"Thank you, and a request for feedback — {role}"
        opening = (f"Thank you for the opportunity to interview for the {role} position at "
                   f"{company}.")
        middle = ("I appreciated the time you took to discuss the role. If you have a moment, I "
                  "would be grateful for any feedback on my interview — in particular, anything "
                  f"I could do better in how I presented my experience.{extra}")
        closing = "I am always looking to improve, and I would value your perspective."
        task = ("politely ask for feedback on one or two specific parts of your interview, "
                "making clear there is no pressure to reply")
    elif kind == "reply_to_timeline":
        subject = f"Re: {role} — next steps"
        opening = (f"Thank you for the update on the {role} position, and for letting me know "
                   "the timeline.")
        middle = (f"{said}Would it be all right for me to follow up after that date if I have "
                  f"not heard anything?{extra}")
        closing = "I remain very interested in the role."
        task = ("acknowledge the date they gave and ask whether it would be welcome to follow "
                "up after that date if you have not heard")
    elif kind == "confirm_next_step":
        subject = f"Re: {role} — happy to move forward"
        availability = request.extra or EXTRA_PLACEHOLDERS[0]
        opening = (f"Thank you for the good news — I am glad to move forward with the next "
                   f"step for the {role} position at {company}.")
        middle = f"I am available at these times: {availability}."
        closing = "Please let me know if there is anything I should prepare in advance."
        task = (f"say you look forward to the next step and give your availability exactly as "
                f"'{availability}'")
    elif kind == "reply_to_no_next_steps":
        subject = f"Re: {role}"
        opening = (f"Thank you for letting me know where things stand with the {role} "
                   "position.")
        middle = ("I understand that these processes can take time and that circumstances "
                  f"change. I remain very interested in {company}, and I would be glad to hear "
                  f"from you if the role opens up again.{extra}")
        closing = "I wish you and the team all the best in the meantime."
        task = ("say you understand that plans change, that you remain interested, and that "
                "you would be glad to hear if the role opens again")
    elif kind == "reply_to_rejection":
        subject = f"Re: {role}"
        opening = ("Thank you for letting me know, and for the time you and the team gave me "
                   "during the process.")
        middle = (f"While I am disappointed, I enjoyed learning about {company} and would "
                  "welcome the chance to be considered for future openings. If you are able to "
                  f"share any feedback on my interview, I would be grateful for it.{extra}")
        closing = "I wish you and the team every success."
        task = ("accept the decision graciously, say what you valued about the company, keep "
                "the door open for future roles and, optionally, ask for brief feedback")
    else:  # additional_information
        subject = f"Additional information for the {role} position"
        offer = request.extra or EXTRA_PLACEHOLDERS[1]
        opening = (f"Thank you again for the conversation about the {role} position at "
                   f"{company}.")
        middle = ("Since we spoke, I thought it might help your decision to share something "
                  f"more: {offer}.{fit}")
        closing = "I hope this is useful, and I am happy to provide anything else you need."
        task = (f"offer this to help their decision: '{offer}', and say briefly why it is "
                "relevant to the role")
    return Frame(subject=subject, greeting=f"Dear {who},", opening=opening, middle=middle,
                 closing=closing, sign_off=f"{SIGN_OFF[request.tone]}\n{name}", task=task)


def template_draft(request: EmailRequest) -> tuple[str, str]:
    """Subject and body for the request's kind, with [placeholders] for what is missing."""
    shape = frame(request)
    return shape.subject, shape.body()
