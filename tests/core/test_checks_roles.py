from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.roles import check_roles


def test_us_office_speaking_in_another_capital() -> None:
    story = story_of("In Paris, the State Department announced new visa rules on Friday.")
    found = check_roles(story)
    assert spans(story, found) == ["the State Department"]
    assert found[0].kind == "wrong-title"
    assert found[0].suggestion == "the French Foreign Ministry"
    message = found[0].message
    assert "an office of the US, but the sentence reports from Paris (France)" in message
    assert "probably that country's own Foreign Ministry" in message


def test_us_office_at_home_is_fine() -> None:
    story = story_of(
        "In Washington, the State Department announced new visa rules.\n\n"
        "In Paris, the US State Department envoy met officials."
    )
    assert check_roles(story) == []


def test_un_post_credited_to_the_us() -> None:
    story = story_of(
        "US humanitarian chief Anna Berg said the camps were full.",
        "UN humanitarian chief Anna Berg said the camps were now completely full.",
    )
    found = check_roles(story)
    assert spans(story, found) == ["US humanitarian chief"]
    assert found[0].suggestion == "UN humanitarian chief"
    assert found[0].evidence == ("a2:s1",)
