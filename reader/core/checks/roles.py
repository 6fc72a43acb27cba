"""Offices in the wrong country or organisation: a US ministry speaking in Moscow, a UN post
credited to the US. MT swaps 'Foreign Ministry' for 'State Department' (German 'Auswärtiges Amt',
'State Department' in its training data) and 'UN' for 'US'."""

from __future__ import annotations

import re

from reader.core.checks.common import evidence_for, warn
from reader.core.checks.lexicon import bundled
from reader.core.checks.parallel import counterparts
from reader.core.model import Story, Warning


def _place_pattern(names: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])")


def _countries_in(text: str, places: dict[str, re.Pattern[str]]) -> set[str]:
    return {c for c, p in places.items() if p.search(text)}


def check_office_country(story: Story) -> list[Warning]:
    data = bundled("offices.toml")
    offices: dict[str, str] = data.get("offices", {})
    places = {c: _place_pattern(ns) for c, ns in data.get("places", {}).items()}
    adjectives: dict[str, str] = data.get("adjectives", {})
    counterparts_of: dict[str, str] = data.get("counterparts", {})
    out: list[Warning] = []
    parallel = counterparts(story)
    for s in story.sentences:
        text = story.text_of(s)
        m = re.match(r"\s*(?:In|From|At) ([A-Z][\w.]+(?: [A-Z]\w+)?),", text)
        if not m:
            continue
        here = _countries_in(m.group(1), places)
        if len(here) != 1:
            continue
        (country,) = here
        for office, owner in offices.items():
            om = re.search(rf"(?:\bthe )?\b{re.escape(office)}\b", text)
            if om is None or owner == country:
                continue
            rest = text[: om.start()] + text[om.end() :]
            if owner in _countries_in(rest, places):
                continue  # "In Moscow, the US State Department's envoy ..." names its owner
            start = s.start + om.start()
            own = counterparts_of.get(office, "ministry")
            owner_name = f"the {owner}" if owner.isupper() else owner  # "the US"
            out.append(
                warn(
                    s.article,
                    start,
                    s.start + om.end(),
                    "wrong-title",
                    f"“{om.group(0)}” is an office of {owner_name}, but the sentence reports from"
                    f" {m.group(1)} ({country}): probably that country's own {own}",
                    "office-country",
                    suggestion=f"the {adjectives.get(country, country)} {own}",
                    evidence=evidence_for(story, s.article, parallel.get(s.id, [])),
                )
            )
    return out


def check_un_offices(story: Story) -> list[Warning]:
    offices: list[str] = bundled("offices.toml").get("un", {}).get("offices", [])
    alts = "|".join(re.escape(o) for o in offices)
    pattern = re.compile(rf"\b(?P<org>US|U\.S\.|American)\s+(?P<office>{alts})\b", re.IGNORECASE)
    parallel = counterparts(story)
    out: list[Warning] = []
    for a in story.articles:
        for m in pattern.finditer(a.text):
            if a.is_hidden(m.start()) or not m.group("org")[0].isupper():
                continue
            s = story.sentence_at(a.id, m.start())
            support = []
            if s is not None:
                for o in parallel.get(s.id, []):
                    if re.search(
                        rf"\bU\.?N\.?\s+{re.escape(m.group('office'))}",
                        story.text_of(story.sentence(o)),
                        re.I,
                    ):
                        support.append(o)
            out.append(
                warn(
                    a.id,
                    m.start(),
                    m.end(),
                    "wrong-title",
                    f"“{m.group(0)}”: the {m.group('office')} is a United Nations post; "
                    f"“{m.group('org')}” is probably “UN” mistranslated",
                    "un-office",
                    suggestion=f"UN {m.group('office')}",
                    evidence=evidence_for(story, a.id, support),
                )
            )
    return out


def check_roles(story: Story) -> list[Warning]:
    return check_office_country(story) + check_un_offices(story)
