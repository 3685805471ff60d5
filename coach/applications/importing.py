"""Batch triage: messages from an .mbox or .eml files, each matched to an application by the
sender's domain, the company or the role, then read and kept pending for the user to confirm."""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from coach.applications.models import Application
from coach.errors import InputError
from coach.text.cleaning import html_to_text

MAX_MESSAGES = 500
MAX_BYTES = 50_000_000
# Mail services whose domain says nothing about the company.
SHARED_DOMAINS = frozenset("""
gmail.com googlemail.com outlook.com hotmail.com live.com yahoo.com icloud.com me.com aol.com
proton.me protonmail.com gmx.de gmx.net web.de mail.com yandex.ru
greenhouse.io lever.co workday.com myworkday.com smartrecruiters.com icims.com taleo.net
ashbyhq.com jobvite.com successfactors.com bamboohr.com breezy.hr recruitee.com
""".split())


@dataclass
class Message:
    """One message as read from a file."""

    sender: str
    subject: str
    received: date | None
    text: str


@dataclass
class Match:
    """A message and the application it belongs to (None: offer a new one), and why."""

    message: Message
    application: Application | None
    why: str


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_subtype() == "html" else content


def _message(msg: EmailMessage) -> Message:
    received = None
    try:
        stamp = parsedate_to_datetime(str(msg.get("date", "")))
        received = stamp.date() if stamp else None
    except (TypeError, ValueError, IndexError):
        received = None
    return Message(sender=str(msg.get("from", "")), subject=str(msg.get("subject", "")),
                   received=received, text=_body(msg).strip())


def _parse(raw: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)  # the default policy makes EmailMessage objects
    return parsed


def read_messages(path: Path) -> list[Message]:
    """Messages of an .eml or .mbox file (a clear error for anything else)."""
    if not path.is_file():
        raise InputError(f"No file at {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path.name} is over {MAX_BYTES // 1_000_000} MB: export fewer "
                         "messages (a folder or a search) and import that.")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path.name} is not an email file (.eml or .mbox).")
    if path.suffix.lower() == ".mbox" or raw.startswith(b"From "):
        box = mailbox.mbox(str(path), create=False)
        messages = [_message(_parse(m.as_bytes())) for m in list(box)[:MAX_MESSAGES]]
    else:
        parsed = _parse(raw)
        if not parsed.keys():
            raise InputError(f"{path.name} has no email headers: is it an .eml file?")
        messages = [_message(parsed)]
    messages = [m for m in messages if m.text or m.subject]
    if not messages:
        raise InputError(f"No messages with text in {path.name}.")
    return messages


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "


def match(message: Message, apps: list[Application]) -> Match:
    """The application a message belongs to: sender's domain first, then the company's name in
    the sender, subject or text, then the role in the subject or text."""
    address = parseaddr(message.sender)[1].lower()
    domain = address.rpartition("@")[2]
    if domain and domain not in SHARED_DOMAINS:
        for app in apps:
            if app.domain and (domain == app.domain or domain.endswith("." + app.domain)):
                return Match(message, app, f"sender's domain {domain}")
    head = _words(f"{message.sender} {message.subject}")
    text = _words(message.text[:5000])
    for app in apps:
        company = _words(app.company).strip()
        if company and f" {company} " in head:
            return Match(message, app, f"“{app.company}” in the sender or subject")
    for app in apps:
        company = _words(app.company).strip()
        if company and f" {company} " in text:
            return Match(message, app, f"“{app.company}” in the message")
    for app in apps:
        role = _words(app.role).strip()
        if role and f" {role} " in head + text:
            return Match(message, app, f"the role “{app.role}” in the message")
    return Match(message, None, "no application matches: add it, or pick one")


def company_guess(message: Message) -> str:
    """A company name for a new application, from the sender's name or domain."""
    name, address = parseaddr(message.sender)
    domain = address.rpartition("@")[2].lower()
    if domain and domain not in SHARED_DOMAINS:
        parts = domain.split(".")
        if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gov"):
            parts = parts[:-1]  # acme.co.uk, acme.com.au
        core = parts[-2] if len(parts) >= 2 else parts[0]
        return core.replace("-", " ").title()
    return name.split(" at ")[-1].strip() if " at " in name else ""


ROLE_IN_SUBJECT = re.compile(
    r"(?i)(?:application for|your application to|applying for|interview for|the|re:)\s+(?:the\s+)?"
    r"([A-Z][\w&/+-]*(?:\s+[A-Z][\w&/+-]*){0,4})\s+(?:role|position|job|opening|vacancy)")


def role_guess(message: Message) -> str:
    """The role a subject line names ("Your application for the Data Analyst role"), or a
    marker the user should edit."""
    found = ROLE_IN_SUBJECT.search(message.subject) or ROLE_IN_SUBJECT.search(message.text[:500])
    return found.group(1)[:200] if found else "(role: edit me)"
