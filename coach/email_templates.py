"""Deterministic drafts that follow the guide's example emails; used when no model helps."""

from __future__ import annotations

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


def _v(request: EmailRequest, field: str) -> str:
    return str(getattr(request, field) or "") or placeholder(field)


def template_draft(request: EmailRequest) -> tuple[str, str]:
    """Subject and body for the request's kind, with [placeholders] for what is missing."""
    name, who = _v(request, "candidate_name"), _v(request, "interviewer_name")
    company, role = _v(request, "company"), _v(request, "role")
    topics = request.topics or placeholder("topics")
    when = f" on {request.interview_date:%A %d %B}" if request.interview_date else ""
    fit = (f" My experience with {request.experience} is why I believe I could contribute."
           if request.experience else "")
    interp = request.interpretation
    said = (f" You mentioned that I can expect to hear {interp.deadline.phrase}"
            f" ({interp.deadline.label})." if interp and interp.deadline else "")
    extra = f"\n\n{request.extra}" if request.extra else ""
    kind = request.kind
    if kind == "thank_you":
        subject = f"Thank you — {role} interview"
        middle = (f"Thank you for taking the time to speak with me{when} about the {role} "
                  f"position at {company}. I enjoyed our conversation, especially discussing "
                  f"{topics}, and I came away even more interested in the role and the team."
                  f"{fit}\n\nThank you again for your time and consideration. I look forward to "
                  "hearing about the next steps in the process.")
    elif kind == "no_response_follow_up":
        subject = f"Following up on the {role} interview"
        middle = (f"Thank you again for our conversation{when} about the {role} position at "
                  f"{company}. I understand that hiring takes time, and I wanted to say that I "
                  f"remain very interested in the role.{fit} Could you share whether there is "
                  "an update on the timeline? I appreciate your time and consideration.")
    elif kind == "feedback_request":
        subject = f"Thank you, and a request for feedback — {role}"
        middle = (f"Thank you for the opportunity to interview for the {role} position at "
                  f"{company}. I appreciated the time you took to discuss the role. If you have "
                  "a moment, I would be grateful for any feedback on my interview — in "
                  "particular, anything I could do better in how I presented my experience. "
                  "I am always looking to improve, and I would value your perspective.")
    elif kind == "reply_to_timeline":
        subject = f"Re: {role} — next steps"
        middle = (f"Thank you for the update on the {role} position, and for letting me know "
                  f"the timeline.{said} Would it be all right for me to follow up after that "
                  "date if I have not heard anything? I remain very interested in the role.")
    elif kind == "confirm_next_step":
        subject = f"Re: {role} — happy to move forward"
        availability = request.extra or EXTRA_PLACEHOLDERS[0]
        extra = ""
        middle = (f"Thank you for the good news — I am glad to move forward with the next step "
                  f"for the {role} position at {company}. I am available at these times: "
                  f"{availability}. Please let me know if there is anything I should prepare "
                  "in advance.")
    elif kind == "reply_to_no_next_steps":
        subject = f"Re: {role}"
        middle = (f"Thank you for letting me know where things stand with the {role} position. "
                  "I understand that these processes can take time and that circumstances "
                  f"change. I remain very interested in {company}, and I would be glad to hear "
                  "from you if the role opens up again.")
    elif kind == "reply_to_rejection":
        subject = f"Re: {role}"
        middle = (f"Thank you for letting me know, and for the time you and the team gave me "
                  f"during the process. While I am disappointed, I enjoyed learning about "
                  f"{company} and would welcome the chance to be considered for future "
                  "openings. If you are able to share any feedback on my interview, I would be "
                  "grateful for it.")
    else:  # additional_information
        subject = f"Additional information for the {role} position"
        offer = request.extra or EXTRA_PLACEHOLDERS[1]
        extra = ""
        middle = (f"Thank you again for the conversation about the {role} position at {company}. "
                  "Since we spoke, I thought it might help your decision to share something "
                  f"more: {offer}.{fit} I hope this is useful, and I am happy to provide "
                  "anything else you need.")
    closing = SIGN_OFF[request.tone]
    body = f"Dear {who},\n\n{middle}{extra}\n\n{closing}\n{name}"
    return subject, body
