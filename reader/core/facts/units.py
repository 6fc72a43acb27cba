"""Units of measure an amount can carry, with the factor to one base unit per dimension.

Two amounts are comparable only within one dimension; the factor makes "15 km" and "9 miles"
land on the same scale (metres) so that rounding, not wording, decides whether they differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # canonical spelling shown in messages
    dimension: str  # "length", "mass", "area", "percent", "money:usd", "duration", ...
    factor: float  # base units per one of this unit


def _units() -> dict[str, Unit]:
    table: list[tuple[tuple[str, ...], str, str, float]] = [
        (("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km", "length", 1e3),
        (("mile", "miles", "mi"), "mile", "length", 1609.344),
        (("m", "metre", "metres", "meter", "meters"), "m", "length", 1.0),
        (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm", "length", 0.01),
        (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm", "length", 0.001),
        (("ft", "foot", "feet"), "ft", "length", 0.3048),
        (("yard", "yards", "yd", "yds"), "yd", "length", 0.9144),
        (("inch", "inches"), "in", "length", 0.0254),
        (("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme"), "kg", "mass", 1.0),
        (("gram", "grams", "gramme", "grammes"), "g", "mass", 0.001),
        (("tonne", "tonnes", "ton", "tons"), "t", "mass", 1000.0),
        (("lb", "lbs", "pound", "pounds"), "lb", "mass", 0.45359237),
        (("hectare", "hectares"), "ha", "area", 1e4),
        (("acre", "acres"), "acre", "area", 4046.8564224),
        (("sq km", "km2", "km²", "square kilometres", "square kilometers"), "km²", "area", 1e6),
        (("sq miles", "square miles", "square mile"), "sq mi", "area", 2589988.110336),
        (("%", "percent", "per cent", "pct"), "%", "percent", 1.0),
        (("percentage points", "percentage point"), "pp", "points", 1.0),
        (("year old", "years old", "year-old", "years-old"), "years old", "age", 1.0),
        (("second", "seconds", "sec", "secs"), "s", "duration", 1.0),
        (("minute", "minutes", "min", "mins"), "min", "duration", 60.0),
        (("hour", "hours", "hr", "hrs"), "h", "duration", 3600.0),
        (("day", "days"), "days", "duration", 86400.0),
        (("week", "weeks"), "weeks", "duration", 7 * 86400.0),
        (("month", "months"), "months", "duration", 30.44 * 86400.0),
        (("year", "years"), "years", "duration", 365.25 * 86400.0),
        (("mph", "miles per hour"), "mph", "speed", 0.44704),
        (
            ("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"),
            "km/h",
            "speed",
            1 / 3.6,
        ),
        (("°c", "degrees celsius"), "°C", "temperature-c", 1.0),
        (("dollar", "dollars", "usd", "us dollars", "$", "us$"), "$", "money:usd", 1.0),
        (("euro", "euros", "eur", "€"), "€", "money:eur", 1.0),
        (("pound sterling", "pounds sterling", "gbp", "£"), "£", "money:gbp", 1.0),
        (("yuan", "rmb", "renminbi", "cny"), "yuan", "money:cny", 1.0),
        (("yen", "jpy", "¥"), "¥", "money:jpy", 1.0),
        (("rupee", "rupees", "inr"), "rupees", "money:inr", 1.0),
        (("rouble", "roubles", "ruble", "rubles"), "roubles", "money:rub", 1.0),
    ]
    out: dict[str, Unit] = {}
    for aliases, name, dimension, factor in table:
        for alias in aliases:
            out[alias] = Unit(name, dimension, factor)
    return out


UNITS = _units()

# Written before the number: "$5", "€ 3.5 million", "US$ 20".
CURRENCY_SIGNS = {"$": UNITS["$"], "us$": UNITS["$"], "€": UNITS["€"], "£": UNITS["£"]}
CURRENCY_SIGNS["¥"] = UNITS["¥"]
