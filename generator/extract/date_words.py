"""The words of dates (weekdays, months, small numbers) and the regex parts made of them,
shared by finding date expressions, resolving them and reading tense."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBRS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
}  # fmt: skip

# Regular-expression parts shared by finding, resolving and tense rules.
WEEKDAY_RE = "(?:" + "|".join(WEEKDAYS) + ")"
MONTH_FULL_RE = "(?:" + "|".join(MONTHS) + ")"
MONTH_ABBR_RE = "(?:" + "|".join(MONTH_ABBRS) + ")"
# A full name, or an abbreviation with an optional full stop ("Sept."); never "May." as a stop.
MONTH_RE = rf"(?:{MONTH_FULL_RE}\b|{MONTH_ABBR_RE}\b\.?)"
NUMBER_RE = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"
TIME_OF_DAY_RE = r"(?:morning|afternoon|evening|night|lunchtime)"
