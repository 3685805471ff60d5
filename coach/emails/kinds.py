"""Every kind of email, as data: what it is for, the guide's advice behind it, its length and
its place in the plan. `coach email --kinds`, the Write tab's menu and the plan read this list."""

from __future__ import annotations

from dataclasses import dataclass

RESPONSES = "Inquiring About Next Steps › Exploring Different Types of Responses"
NO_RESPONSE = "Handling Different Scenarios › If You Receive No Response"


@dataclass(frozen=True)
class Kind:
    """One kind of email."""

    name: str
    label: str  # the Write tab's menu
    purpose: str  # one line: what it is for
    source: str  # the guide's heading behind it
    query: str  # what to look up in the guide for it
    words: tuple[int, int]  # words in the body, warm or formal tone
    when: str  # its place in the plan
    uses: tuple[str, ...] = ("extra",)  # the user's detail fields this email carries


KINDS: tuple[Kind, ...] = (
    Kind("thank_you", "Thank-you (within 24 hours)",
         "thank the interviewer within a day, mention what you discussed, restate your interest",
         "Post-Interview Follow-Up › Sending a Thank-You Email",
         "sending a thank-you email within 24 hours sample", (60, 200),
         "the day of the interview, for every reply but a rejection",
         uses=("topics", "experience", "extra")),
    Kind("no_response_follow_up", "Follow-up after no response",
         "a polite check-in when nothing has come back and no date was given",
         f"{NO_RESPONSE} › 1. Follow Up", "follow-up email after no response template",
         (45, 150), "about a week after a vague reply; the second and last nudge",
         uses=("topics", "experience", "extra")),
    Kind("date_passed", "The date they gave has passed",
         "a friendly note a few days after the date they promised, asking for an update",
         f"{RESPONSES} › 1. Clear Timeline Provided",
         "clear timeline provided would it be appropriate to follow up after that date",
         (45, 140), "two or three business days after the date they gave"),
    Kind("missed_call", "They missed a call you had confirmed",
         "after a confirmed call or interview that did not happen: no blame, offer new times",
         f"{NO_RESPONSE} › 2. Be Understanding",
         "be understanding many reasons why they may not respond follow up politely",
         (40, 130), "the day a confirmed call did not take place"),
    Kind("feedback_request", "Ask for feedback",
         "ask, without pressure, for feedback on one or two parts of your interview",
         "Post-Interview Follow-Up › Requesting Feedback on Your Interview Performance",
         "requesting feedback on your interview performance example", (50, 170),
         "two business days after a rejection (optional)",
         uses=("topics", "extra")),
    Kind("reply_to_timeline", "Reply to a timeline",
         "acknowledge the date they gave and ask whether following up after it is welcome",
         f"{RESPONSES} › 1. Clear Timeline Provided",
         "clear timeline provided would it be appropriate to follow up", (35, 130),
         "the day they give a date"),
    Kind("confirm_next_step", "Accept the next step",
         "accept the interview, task or call they offered and give your availability",
         "Handling Different Scenarios › If You Receive a Positive Response › "
         "1. Confirm the Next Steps",
         "immediate next steps confirm availability for a second interview", (35, 150),
         "within 24 hours of an invitation"),
    Kind("decline_next_step", "Decline the next step",
         "turn down an interview, task or call politely and keep the relationship",
         "Handling Different Scenarios › If You Receive a Negative Response › "
         "1. Acknowledge the Response",
         "acknowledge the response graciously thank them for their time", (35, 130),
         "within 24 hours of an invitation you will not take up"),
    Kind("reply_to_no_next_steps", "Reply: no next steps for now",
         "answer a pause or a freeze: you understand, you are still interested",
         f"{RESPONSES} › 4. No Clear Next Steps",
         "no clear next steps I understand these processes take time", (35, 130),
         "the day they say the process is paused"),
    Kind("reply_to_rejection", "Reply to a rejection",
         "accept the decision graciously and keep the door open",
         "Post-Interview Follow-Up › Final Thoughts on Post-Interview Follow-Up",
         "negative response keep the door open feedback", (40, 150),
         "the day a rejection arrives",
         uses=("topics", "extra")),
    Kind("re_approach", "Re-approach after a rejection",
         "months after a rejection, ask to be considered for a new or similar role",
         "Handling Different Scenarios › If You Receive a Negative Response › "
         "3. Keep the Door Open",
         "keep the door open encourage them to apply for future openings", (45, 150),
         "about three months after a rejection, or when a similar role opens",
         uses=("experience", "extra")),
    Kind("close_the_loop", "Close the loop (after the last nudge)",
         "after two unanswered follow-ups: a last, gracious note, then stop writing",
         f"{NO_RESPONSE} › 3. Move On if Necessary",
         "move on if necessary after a couple of follow-ups close the loop final email",
         (35, 120), "a week after the second unanswered follow-up"),
    Kind("withdraw", "Withdraw your application",
         "withdraw politely (another offer, a change of plans) and thank them",
         "Post-Interview Follow-Up › Final Thoughts on Post-Interview Follow-Up",
         "maintaining a positive rapport open doors for future opportunities", (35, 130),
         "whenever you decide to stop: the sooner, the kinder"),
    Kind("additional_information", "Offer more information",
         "send something that helps their decision: an example of work, a reference",
         "Post-Interview Follow-Up › Reiterating Interest in the Position",
         "anything else I can provide to assist in the decision", (50, 200),
         "while they decide, when you have something useful to add",
         uses=("experience", "extra")),
)
KIND = {k.name: k for k in KINDS}
# The concise tone's ceiling, whatever the kind.
CONCISE_WORDS = 90


def bounds(name: str, tone: str, length: str | None = None) -> tuple[int, int]:
    """Words the body may have for this kind, tone and length."""
    low, high = KIND[name].words
    if tone == "concise":
        low, high = min(low, 30), CONCISE_WORDS
    if length == "short":
        high = (low + high) // 2
    elif length == "long":
        low = (low + high) // 2
    return low, high
