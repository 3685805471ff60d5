"""Time phrases in recruiters' messages, resolved to the calendar days a candidate plans around.

`rules` holds the named rules in one ordered list, `past` the one filter for phrases that look
back, `scan` finds and ranks phrases in a message; `corpus.jsonl` ties example phrases to rules.
"""

from coach.dates.days import add_business_days
from coach.dates.models import DateRange, Deadline
from coach.dates.scan import MAX_SCAN_CHARS, find_deadline, find_deadlines, resolve

__all__ = [
    "MAX_SCAN_CHARS",
    "DateRange",
    "Deadline",
    "add_business_days",
    "find_deadline",
    "find_deadlines",
    "resolve",
]
