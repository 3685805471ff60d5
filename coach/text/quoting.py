"""Where a pasted message stops being the reply: quoted history, forwarded parts, footers and
the signature. One home for both the cleaner (which sets the rest aside) and the date scanner."""

from __future__ import annotations

import bisect
import re

_QUOTE_HEADER = re.compile(
    r"(?im)^[ \t>]*On\s[^\n]{0,250}?(?:\n[^\n]{0,250}?)?\bwrote:[ \t]*$"
    r"|^[ \t]*-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}"
    r"|^[ \t]*Begin\s+forwarded\s+message:"
    r"|^[ \t]*_{10,}[ \t]*$"
    r"|^[ \t]*From:[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date):"
)
_SIGNOFF = re.compile(
    r"(?:best|best\s+regards|kind\s+regards|warm\s+regards|warmly|regards|cheers|thanks"
    r"|thank\s+you|many\s+thanks|thanks\s+again|sincerely|all\s+the\s+best|talk\s+soon"
    r"|take\s+care|respectfully|with\s+thanks)[\s,!.]*(?P<name>(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*)?)?",
    re.I,
)
# "Jane Doe", "Bob", "Jane Doe | Senior Recruiter": the line under a sign-off.
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*[|,–—-][^\n]*)?")
_SIG_MARK = re.compile(r"--\s*|Sent\s+from\s+my\s+\w+.*", re.I)
_SIGNATURE_MAX_LINES = 12
_MASKS = [
    re.compile(r"(?m)^[ \t]*>.*$"),  # quoted lines of an earlier message
    re.compile(r"(?:https?://|www\.)\S+", re.I),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?<![\w/])\+?(?:\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    re.compile(r"\+\d[\d\s().-]{7,}\d"),
    re.compile(
        r"(?im)^[ \t]*(?:(?:tel|phone|mobile|cell|fax|office|direct|address)\s*[:.]|[mtpf]\s*:)"
        r"[^\n]*$"
    ),
    re.compile(
        r"(?i)\b\d{1,6}\s+(?:[a-z0-9]+\s+){0,4}(?:st|street|ave|avenue|blvd|boulevard|road|rd"
        r"|drive|dr|lane|ln|way|suite|ste|floor|fl)\b\.?(?:,?\s+(?:suite|ste|floor|fl)\.?\s*#?\w+)?"
    ),
]


def _mask(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", "\x00", m.group())


# A line where an earlier message or a footer begins (in the languages the reader knows).
_THREAD_LINE = re.compile(
    r"^(?:>|On .{4,120}(?:wrote|écrit|schrieb|escribió|escreveu):?\s*$"
    r"|-{2,}\s*(?:Original|Forwarded) Message|_{5,}\s*$|From:\s.+|Sent from my |Get Outlook for "
    r"|Le .{4,80} a écrit|Am .{4,80} schrieb|El .{4,80} escribió|Em .{4,80} escreveu"
    r"|De\s*:\s.+|Von\s*:\s.+|CONFIDENTIALITY|DISCLAIMER"
    r"|This (?:e-?mail|message)(?: and any attachments?)? (?:is|are|may be) "
    r"(?:confidential|intended)|-- ?$)",
    re.IGNORECASE,
)


def quoted_from(text: str) -> int | None:
    """Where quoted history, a forwarded part or a footer begins (never at the first line)."""
    cuts = []
    if header := _QUOTE_HEADER.search(text):
        cuts.append(header.start())
    offset = 0
    for index, line in enumerate(text.split("\n")):
        if index > 0 and _THREAD_LINE.match(line.strip()):
            cuts.append(offset)
            break
        offset += len(line) + 1
    cuts = [c for c in cuts if text[:c].strip()]
    return min(cuts) if cuts else None


def reply_region(text: str, limit: int = 20_000) -> str:
    """The reply's own words: cut before quoted history and the signature, contact details
    NUL-masked, offsets unchanged (so a match in the region is a match in the text)."""
    region = text[:limit]
    if (cut := quoted_from(region)) is not None:
        region = region[:cut]
    lines = region.splitlines(keepends=True)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    offset = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and index > filled[0]:
            if _SIG_MARK.fullmatch(stripped):
                return mask_contacts(region[:offset])
            if signoff := _SIGNOFF.fullmatch(stripped):
                tail = [lines[i].strip() for i in filled[bisect.bisect_right(filled, index) :]]
                if len(tail) <= _SIGNATURE_MAX_LINES and (
                    signoff["name"] or not tail or _NAME_LINE.fullmatch(tail[0])
                ):
                    return mask_contacts(region[:offset])
        offset += len(line)
    return mask_contacts(region)


def mask_contacts(region: str) -> str:
    """Links, addresses and phone numbers replaced by NULs of the same length."""
    for pattern in _MASKS:
        region = pattern.sub(_mask, region)
    return region


# --------------------------------------------------------------------------- scanning
