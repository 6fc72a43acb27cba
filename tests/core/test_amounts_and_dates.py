"""Amounts, days and dates: spans, values, qualifiers and units."""

from __future__ import annotations

import pickle

import pytest

from reader.core.facts.amounts import Amount, find_amounts, find_mentions
from reader.core.facts.dates import find_time_refs


def _one(text: str) -> Amount:
    [amount] = find_amounts(text)
    return amount


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("about 580,000 refugees", "about 580,000", 580_000),
        ("it cost 3.5 dollars", "3.5 dollars", 3.5),
        ("13 boats sank", "13", 13),
        ("seven sailors", "seven", 7),
        ("twenty-one sailors", "twenty-one", 21),
        ("half a million voters", "half a million", 500_000),
        ("nearly one million voters", "nearly one million", 1_000_000),
        ("more than 20 ships", "more than 20", 20),
        ("at least 13 ships", "at least 13", 13),
        ("two thousand five hundred and six", "two thousand five hundred and six", 2506),
        ("a $5bn deal", "$5bn", 5e9),
        ("more than 580 000 refugees", "more than 580 000", 580_000),  # grouped by spaces
        ("580\u00a0000 refugees", "580\u00a0000", 580_000),
        ("two-thirds of voters", "two-thirds", 200 / 3),  # a share: a percentage
        ("one in five voters", "one in five", 20),
    ],
)
def test_values_and_spans(text: str, span: str, value: float) -> None:
    a = _one(text)
    assert a.text == span
    assert text[a.start : a.end] == span
    assert a.value == pytest.approx(value)


def test_qualifiers_are_kept() -> None:
    assert _one("nearly one million").qualifier == "near"
    assert _one("more than 20").qualifier == "lower"
    assert _one("at least 13").qualifier_text == "at least"
    assert _one("about 40").qualifier == "approx"
    assert _one("some 300 people").qualifier == "approx"
    assert _one("forty people").qualifier == ""


def test_vague_amounts_are_ranges() -> None:
    a = _one("hundreds of thousands of families")
    assert a.qualifier == "vague"
    assert a.low <= 580_000 <= a.high
    b = _one("a few dozen fishermen")
    assert b.low <= 30 <= b.high


def test_units_convert_to_one_scale() -> None:
    km, miles = _one("15 km east"), _one("9 miles east")
    assert km.dimension == miles.dimension == "length"
    assert abs(km.value - miles.value) < max(km.step, miles.step) / 2
    assert _one("40%").dimension == _one("40 per cent").dimension == "percent"
    assert _one("a 37-year-old man").dimension == "age"


@pytest.mark.parametrize(
    "text",
    ["the M5 motorway", "COVID-19 cases", "in 2020 alone", "the 12th day", "at 10:30 pm",
     "a 9-3 vote", "Juror No. 12", "one of them", "one by one", "at about 2045 GMT",
     "call 0845 125 2222", "code 007", "call 555 123 4567", "a third worker"],
)  # fmt: skip
def test_codes_years_times_and_pronouns_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_days_dates_and_relative_times() -> None:
    text = "On Wednesday night, after the Jan. 12 truce of 06 February, 2020, earlier this week"
    refs = [(r.text, r.kind, r.normalized) for r in find_time_refs(text)]
    assert refs == [
        ("Wednesday", "day", "wednesday"),
        ("Jan. 12", "date", "01-12"),
        ("06 February, 2020", "date", "2020-02-06"),
        ("earlier this week", "relative", "this-week"),
    ]
    assert find_time_refs("the January 12 deal")[0].normalized == "01-12"
    assert find_time_refs("you may go") == []


def test_dates_are_not_amounts() -> None:
    assert find_amounts("a January 12 ceasefire") == []


def test_chinese_numerals_and_figures_before_a_measure_word() -> None:
    from reader.core.facts.amounts import find_amounts
    from reader.core.facts.figure_words import cjk_number

    assert [cjk_number(s) for s in ("七", "十五", "两百", "三万五千", "一亿", "万")] == [
        7,
        15,
        200,
        35000,
        1e8,
        None,
    ]
    assert [a.value for a in find_amounts("据报道，8名土耳其士兵死亡。")] == [8]
    assert [a.value for a in find_amounts("七名土耳其士兵丧生。")] == [7]
    assert find_amounts("一些人说统一的时间。") == []  # the same characters in words


def test_two_chinese_versions_with_different_figures_disagree() -> None:
    from pathlib import Path

    from reader.core.pipeline import analyse

    folder = Path(__file__).parents[1] / "stories" / "ingest" / "languages"
    story = analyse([folder / "zh.txt", folder / "zh-b.txt"])
    (d,) = story.discrepancies
    assert sorted(v.text for v in d.values) == ["8", "七"]
    assert "土耳其士兵" in d.detail


def test_amounts_and_dates_come_back_from_a_worker_as_they_went() -> None:
    text = "On Jan. 12 more than 580,000 people, about 15 km away, fled; on Monday 9% returned."
    amounts, dates = find_mentions(text)
    assert len(amounts) >= 2 and len(dates) >= 2
    for found in (amounts, dates):
        back = pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == found
        assert [type(x) for x in back] == [type(x) for x in found]
