"""The results of reading time phrases: a span of days, and a phrase found in a message."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class DateRange(BaseModel):
    """An inclusive span of calendar days; start == end for a single day."""

    start: date
    end: date
    business_days: bool = False


class Deadline(BaseModel):
    """A time phrase found in a message: its verbatim text and the days it stands for."""

    phrase: str
    start: date
    end: date
    business_days: bool = False
    rule: str = ""  # the named rule that read it ("dateparser" for dates only it knew)
