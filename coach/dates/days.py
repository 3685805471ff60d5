"""Calendar arithmetic the date rules share: business days, week starts, months, holidays."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_business_days(d: date, n: int) -> date:
    """Move n Monday-to-Friday days forward (negative n: backward); n == 0 returns d itself."""
    if n == 0:
        return d
    step = 1 if n > 0 else -1
    # From a weekend day, counting starts as if from the adjacent Friday (forward) or Monday.
    if d.weekday() >= 5:
        d = d - timedelta(days=d.weekday() - 4) if step > 0 else d + timedelta(days=7 - d.weekday())
    weeks, rest = divmod(abs(n), 5)
    d = d + timedelta(days=7 * weeks * step)
    while rest:
        d = d + timedelta(days=step)
        if d.weekday() < 5:
            rest -= 1
    return d


def _plus(d: date, days: int) -> date:
    return d + timedelta(days=days)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(d: date, n: int) -> date:
    year, month0 = divmod(d.month - 1 + n, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, _last_day(year, month0 + 1)))


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _this_week_monday(received: date) -> date:
    # Said on a weekend, "this week" means the working week that is about to start.
    return _plus(_monday(received), 7 if received.weekday() >= 5 else 0)


def _next_week_monday(received: date) -> date:
    return _plus(_monday(received), 7)


def _first_business_day_of_january(year: int) -> date:
    # January 1st is a public holiday nearly everywhere, so counting starts on the 2nd.
    d = date(year, 1, 2)
    while d.weekday() >= 5:
        d = _plus(d, 1)
    return d


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)


def easter(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus)."""
    golden = year % 19
    century, years = divmod(year, 100)
    leap_c, rest_c = divmod(century, 4)
    moon = (19 * golden + century - leap_c - (century - (century + 8) // 25 + 1) // 3 + 15) % 30
    leap_y, rest_y = divmod(years, 4)
    weekday = (32 + 2 * rest_c + 2 * leap_y - moon - rest_y) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _recently_past(d: date, received: date) -> bool:
    """True when d, a next occurrence, fell within the 90 days before received a year earlier."""
    if d.year == received.year:
        return False
    try:
        last_time = d.replace(year=d.year - 1)
    except ValueError:
        return False
    return 0 < (received - last_time).days <= 90


def _next_month_day(received: date, month: int, day: int) -> date | None:
    """The next month/day on or after received (Feb 29 waits for a leap year)."""
    for year in range(received.year, received.year + 9):
        if day <= _last_day(year, month):
            d = date(year, month, day)
            if d >= received:
                return d
    return None


# --------------------------------------------------------------------------- regex vocabulary
