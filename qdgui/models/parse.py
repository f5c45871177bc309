"""Reading numbers and dates as people write them: full-width digits, units, separators, Chinese dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

# Excel's day zero for the 1900 date system (it counts a non-existent 1900-02-29).
EXCEL_EPOCH = date(1899, 12, 30)

UNCERTAIN_PREFIXES = ("约", "大约", "近", "超过", "超", "逾", "不足", "将近", "左右")
UNCERTAIN_SUFFIXES = ("多", "余", "左右", "以上", "以下", "+")


class ParseError(ValueError):
    """The text is not a value of the expected kind; `reason` is a key into the rule messages."""

    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class Unit:
    names: tuple[str, ...]
    factor: Decimal


# Each quantity: the units a cell may carry, and what one of them is in the stored unit.
COUNT_UNITS = (Unit(("户", "处", "个", "条", "间", "宗", "套", "栋", "座", "家", "项"), Decimal(1)),)
AREA_UNITS = (
    Unit(("万平方米", "万㎡", "万m2", "万m²", "万平米"), Decimal(10000)),
    Unit(("平方米", "㎡", "m2", "m²", "平米", "平"), Decimal(1)),
)
LAND_UNITS = (Unit(("万亩",), Decimal(10000)), Unit(("亩",), Decimal(1)))
LENGTH_UNITS = (
    Unit(("公里", "km", "千米"), Decimal(1)),
    Unit(("米", "m"), Decimal("0.001")),
)
MONEY_WAN_UNITS = (
    Unit(("亿元", "亿"), Decimal(10000)),
    Unit(("万元", "万"), Decimal(1)),
    Unit(("元",), Decimal("0.0001")),
)


def normalize(text: str) -> str:
    """Fold full-width characters to ASCII and trim; '８１４' -> '814', '，' -> ','."""
    folded = unicodedata.normalize("NFKC", text)
    return folded.replace("\u3000", " ").strip()


_UNITS_HELD: dict[int, tuple] = {}  # id(units) -> units, held so that no other set of units takes the id


def _units_key(units: tuple[Unit, ...]) -> int:
    """A set of units as a key of the caches below: its id (cheaper than hashing every unit), with the
    set held so that the id stays its own."""
    key = id(units)
    if key not in _UNITS_HELD:
        _UNITS_HELD[key] = units
    return key


_UNIT_ENDINGS: dict[int, list[tuple[str, Decimal]]] = {}  # units key -> (folded name, factor), as tried


def _endings(units: tuple[Unit, ...]) -> list[tuple[str, Decimal]]:
    key = _units_key(units)
    found = _UNIT_ENDINGS.get(key)
    if found is None:
        found = [
            (normalize(name).lower(), unit.factor)
            for unit in units
            for name in sorted(unit.names, key=len, reverse=True)
        ]
        _UNIT_ENDINGS[key] = found
    return found


def _strip_unit(text: str, units: tuple[Unit, ...]) -> tuple[str, Decimal]:
    lowered = text.lower()
    for folded, factor in _endings(units):
        if lowered.endswith(folded):
            return text[: len(text) - len(folded)].strip(), factor
    return text, Decimal(1)


_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


_REMEMBERED = 65536  # parsed values kept per parser: a ledger repeats its dates, areas and counts
_DECIMALS: dict[tuple, Decimal | None] = {}  # (type, value, units key, places) -> the parsed value
_DATES: dict[tuple, date | None] = {}  # (type, value) -> the parsed date


def parse_decimal(value, units: tuple[Unit, ...] = (), *, places: int) -> Decimal | None:
    """A non-empty cell or field as an exact Decimal in the stored unit, or None when blank.

    Raises ParseError for text that is not a number, is approximate ("约30", "30多"),
    or has more decimal places than the field keeps. A value already parsed with the same units and
    places is answered from memory (an error is worked out again, for its message).
    """
    if value is None:
        return None
    key = (type(value), value, _units_key(units), places)
    try:
        return _DECIMALS[key]
    except KeyError:
        pass
    except TypeError:  # not hashable (a signalling NaN)
        return _parse_decimal(value, units, places)
    number = _parse_decimal(value, units, places)
    if len(_DECIMALS) < _REMEMBERED:
        _DECIMALS[key] = number
    return number


def _parse_decimal(value, units: tuple[Unit, ...], places: int) -> Decimal | None:
    if isinstance(value, bool):
        raise ParseError("not_a_number", text=str(value))
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, Decimal):
        number = value
    else:
        text = normalize(str(value))
        if not text:
            return None
        for word in UNCERTAIN_PREFIXES:
            if text.startswith(word):
                raise ParseError("approximate", text=text)
        stripped, factor = _strip_unit(text, units)
        for word in UNCERTAIN_SUFFIXES:
            if stripped.endswith(word):
                raise ParseError("approximate", text=text)
        multiplier = Decimal(1)
        if stripped.endswith("万") and factor == 1:
            stripped, multiplier = stripped[:-1].strip(), Decimal(10000)
        compact = stripped.replace(" ", "")
        if "," in compact and _GROUPED.fullmatch(compact):
            compact = compact.replace(",", "")
        if not _PLAIN_NUMBER.fullmatch(compact):
            raise ParseError("not_a_number", text=text)
        try:
            number = Decimal(compact) * factor * multiplier
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid decimals
            raise ParseError("not_a_number", text=text) from exc
    if not number.is_finite():
        raise ParseError("not_a_number", text=str(value))
    quantum = Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum)
    if rounded != number:
        raise ParseError("too_precise", text=str(value), places=places)
    return Decimal(int(rounded)) if rounded == rounded.to_integral_value() else rounded.normalize()


def parse_count(value) -> int | None:
    """A whole count such as '814', '８１４处', '1,234户' or '1.2万'."""
    number = parse_decimal(value, COUNT_UNITS, places=6)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ParseError("not_whole", text=str(value))
    return int(number)


def parse_year(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():  # a spreadsheet's numbers are floats
        value = int(value)
    text = normalize(str(value)).removesuffix("年")
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ParseError("not_a_year", text=str(value))
    return int(text)


_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
    re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)
_NO_YEAR = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|(\d{1,2})[./-](\d{1,2})")


def excel_serial_to_date(serial: float) -> date:
    if not 1 <= serial < 2958466:  # Excel's range: 1900-01-01 .. 9999-12-31
        raise ParseError("not_a_date", text=str(serial))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value) -> date | None:
    """A date from a date, datetime, Excel serial number or text in any common Chinese form.

    Text without a year ("3月5日") raises ParseError('date_without_year'): never guessed.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return excel_serial_to_date(float(value))
    key = (type(value), value)
    try:
        if key in _DATES:
            return _DATES[key]
    except TypeError:  # not hashable
        return _parse_date_text(value)
    day = _parse_date_text(value)
    if len(_DATES) < _REMEMBERED:
        _DATES[key] = day
    return day


def _parse_date_text(value) -> date | None:
    text = normalize(str(value))
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as exc:
                raise ParseError("no_such_date", text=text) from exc
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return excel_serial_to_date(float(text))
    if _NO_YEAR.fullmatch(text):
        raise ParseError("date_without_year", text=text)
    raise ParseError("not_a_date", text=text)


def parse_text(value) -> str | None:
    """Trimmed text with control characters removed; None when blank."""
    if value is None:
        return None
    if type(value) is str and value.isprintable():  # no control character: nothing to remove (most cells)
        return value.strip() or None
    text = _CONTROL.sub("", str(value)).strip()
    return text or None


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc, but tab and line feed
