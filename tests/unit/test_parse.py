"""Numbers and dates as people write them."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from qdgui.models.parse import (
    AREA_UNITS,
    LAND_UNITS,
    LENGTH_UNITS,
    MONEY_WAN_UNITS,
    ParseError,
    parse_count,
    parse_date,
    parse_decimal,
    parse_text,
    parse_year,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("814", 814),
        ("８１４", 814),
        ("814处", 814),
        ("８１４处", 814),
        ("1,234户", 1234),
        ("１，２３４", 1234),
        ("1.2万", 12000),
        (" 60 个 ", 60),
        (42, 42),
        (42.0, 42),
        ("", None),
        (None, None),
        ("0", 0),
    ],
)
def test_counts_accept_what_people_type(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text, reason",
    [
        ("约30", "approximate"),
        ("30多", "approximate"),
        ("300余户", "approximate"),
        ("三十", "not_a_number"),
        ("12.5", "not_whole"),
        ("1,23", "not_a_number"),
        ("12a", "not_a_number"),
        (True, "not_a_number"),
    ],
)
def test_counts_refuse_what_cannot_be_read_with_certainty(text, reason):
    with pytest.raises(ParseError) as caught:
        parse_count(text)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    "text, units, places, expected",
    [
        ("１２０㎡", AREA_UNITS, 2, Decimal(120)),
        ("120平方米", AREA_UNITS, 2, Decimal(120)),
        ("1.2万平方米", AREA_UNITS, 2, Decimal(12000)),
        ("310万㎡", AREA_UNITS, 2, Decimal(3100000)),
        ("35.57", AREA_UNITS, 2, Decimal("35.57")),
        ("1.24万亩", LAND_UNITS, 2, Decimal(12400)),
        ("57.8公里", LENGTH_UNITS, 3, Decimal("57.8")),
        ("800米", LENGTH_UNITS, 3, Decimal("0.8")),
        ("1995.40亿元", MONEY_WAN_UNITS, 2, Decimal(19954000)),
        ("50000元", MONEY_WAN_UNITS, 2, Decimal(5)),
        ("-3", AREA_UNITS, 2, Decimal(-3)),
    ],
)
def test_decimals_convert_units_to_the_stored_unit(text, units, places, expected):
    assert parse_decimal(text, units, places=places) == expected


def test_decimals_refuse_more_places_than_the_field_keeps():
    with pytest.raises(ParseError) as caught:
        parse_decimal("12.345", AREA_UNITS, places=2)
    assert caught.value.reason == "too_precise"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023年2月23日", date(2023, 2, 23)),
        ("2023.2.23", date(2023, 2, 23)),
        ("2023/2/23", date(2023, 2, 23)),
        ("2023-02-23", date(2023, 2, 23)),
        ("２０２３年２月２３日", date(2023, 2, 23)),
        ("20230223", date(2023, 2, 23)),
        ("2023-02-23 14:30:00", date(2023, 2, 23)),
        (44980, date(2023, 2, 23)),
        ("44980", date(2023, 2, 23)),
        (datetime(2023, 2, 23, 9, 0), date(2023, 2, 23)),
        (date(2023, 2, 23), date(2023, 2, 23)),
        ("", None),
    ],
)
def test_dates_in_every_common_form(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "text, reason",
    [
        ("3月5日", "date_without_year"),
        ("3.5", "date_without_year"),
        ("2023年2月30日", "no_such_date"),
        ("下周一", "not_a_date"),
        ("2023-13-01", "no_such_date"),
    ],
)
def test_dates_are_never_guessed(text, reason):
    with pytest.raises(ParseError) as caught:
        parse_date(text)
    assert caught.value.reason == reason


def test_years_and_text():
    assert parse_year("2026年") == 2026
    assert parse_year("２０２６") == 2026
    with pytest.raises(ParseError):
        parse_year("26")
    assert parse_text("  董家下庄\x00\x07 ") == "董家下庄"
    assert parse_text("   ") is None
