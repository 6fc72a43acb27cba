"""Page furniture is hidden (never deleted); real sentences and titles stay visible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.scorer import SHARED, load_scorer
from reader.core.ingest.furniture import find_furniture, is_headline_shaped, is_phrase
from reader.core.ingest.loading import load_paths, visible_text
from reader.core.model import Article

STORIES = Path(__file__).parents[1] / "stories" / "ingest"


def _hidden_lines(*texts: str) -> list[list[str]]:
    found = find_furniture([(t, []) for t in texts])
    return [[t[s:e] for s, e in spans] for t, spans in zip(texts, found, strict=True)]


def _hidden(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in article.hidden]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "To Read The Full Story",
        "Are you already a subscriber?",
        "Click to log in!",
        "Subscribe now",
        "Subscribe to read the rest",
        "Read also: Storms Hit the Coast Again",
        "Read more",
        "READ MORE: Why bridges fail",
        "See also: the flood map",
        "Follow us on Twitter and Facebook for updates",
        "Follow Jane Doe on Twitter",
        "You might also like",
        "You may also be interested in",
        "Related stories",
        "5 min read",
        "12 mins read",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Sign up for our newsletter",
        "Sign up for the Morning Brief newsletter to get the news in your inbox",
        "Photo: Jane Doe/Example Images",
        "Image credit: Example Agency",
        "© 2021 Example Media. All rights reserved.",
        "(AP Photo/John Roe)",
        "Comments (12)",
        "Image source, Example Images",
        "FILE PHOTO: A worker walks past the gate",
        "Skip to main content",
        "Tags: floods, bridges, weather",
        "Published: 3 hours ago",
        "Updated 12:30 GMT",
        "Last modified on Thu 6 Feb 2020 19.10 GMT",
        "Watch: Drone footage of the river",
        "Download the app",
        "Click here for live updates",
        "Loading...",
        "Advertisement - Scroll to continue",
        "Continue reading with a subscription",
        "Want to read more? Subscribe today",
        "Read the full story here",
        "Sign up",
        "Link copied!",
        "Image copyright",
        "Image caption",
        "Published",
        "Hide comments",
        "Report an error",
        "Register",
        "Privacy policy",
        "Terms of use",
        "Contact us",
        "Menu",
        "Topics",
        "In pictures",
        "Follow Example News English:",
        "Sign up to our Breaking News email",
        "Get the latest news delivered to your inbox",
        "Want more stories like this? Sign up here",
        "Keep up to date with the latest news",
        "Source: Example News and news agencies",
        "SOURCE: NEWS AGENCIES",
        "Source: AFP, Reuters",
        "Our Standards: The Example Trust Principles.",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_furniture_phrases(line: str) -> None:
    assert is_phrase(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisers left the market after the crash, the report said.",
        "Read the statement carefully before you sign, the lawyer said.",
        "Subscribers to the service complained about the price rise.",
        "Share prices fell 3% on Tuesday.",
        "Follow-up talks on the dam are planned for March.",
        "The photo shows the bridge at dawn.",
        "Copyright law was changed in 2019.",
        "More than 50 firefighters tackled the blaze.",
        "Source: regional statistics office",
        "Updated figures show 300 homes were damaged.",
        "Published reports differ on the number of victims.",
        "Watching the river rise, residents packed their cars.",
        "Tagged animals were released on Friday.",
        "Search teams found two more survivors overnight.",
        "Home secretary Jane Doe visited the site.",
        "Source: the county's emergency office",
        "Registered voters can cast ballots until 8 p.m.",
        "Topics on the agenda include the dam and the levees.",
        "Published figures do not include the missing.",
        "Terms of the deal were not disclosed.",
        "Army Takes Town | Example News",
    ],
)
def test_sentences_are_not_phrases(line: str) -> None:
    assert not is_phrase(line)


def test_headline_shape() -> None:
    assert is_headline_shaped("County Opens Two Shelters")
    assert is_headline_shaped("Who will pay for the bridge?")
    assert not is_headline_shaped("The county opened two shelters.")
    assert not is_headline_shaped("The mayor said:")
    assert not is_headline_shaped("word " * 21)


BODY = (
    "Floodwaters closed the old bridge on Tuesday after three days of rain, the county said.\n\n"
    "Engineers will inspect the bridge before it reopens, officials told reporters on Friday.\n"
)


def test_related_links_around_a_tail_header_are_hidden() -> None:
    text = f"Bridge Shut\n\n{BODY}\nRain to Ease by the Weekend\n\nYou might also like\n"
    assert _hidden_lines(text) == [["Rain to Ease by the Weekend", "You might also like"]]


def test_links_after_a_related_header_mid_article() -> None:
    text = f"Bridge Shut\n\n{BODY}\nRelated\nRain to Ease by Weekend\nShelters Open\n\n{BODY}"
    assert _hidden_lines(text) == [["Related", "Rain to Ease by Weekend", "Shelters Open"]]


def test_tail_without_furniture_keeps_its_short_lines() -> None:
    text = f"Bridge Shut\n\n{BODY}\nThe Long Road Back\n"
    assert _hidden_lines(text) == [[]]


def test_captions_credits_separators_and_reading_time() -> None:
    text = (
        "Bridge Shut\n\n4 min read\n\n"
        "Water over the road near the old mill [Example Images]\n\n"
        f"{BODY}\n"
        "A worker checks the level of the river. (Jane Doe/AFP)\n\n___\n\n"
        "Mary Roe reported from Brinmoor.\n"
    )
    assert _hidden_lines(text) == [
        [
            "4 min read",
            "Water over the road near the old mill [Example Images]",
            "A worker checks the level of the river. (Jane Doe/AFP)",
            "___",
        ]
    ]


def test_caption_with_a_labelled_credit() -> None:
    text = (
        f"Bridge Shut\n\n{BODY}\nWater covers the road. Photo: Jane Doe/Example\n\n"
        f"Sandbags at the door. AFP via Getty Images\n\n{BODY}"
        "The works ended in 1990 at the old mill by the road\n"
    )
    assert _hidden_lines(text) == [
        [
            "Water covers the road. Photo: Jane Doe/Example",
            "Sandbags at the door. AFP via Getty Images",
        ]
    ]


def test_short_line_repeated_in_one_article() -> None:
    text = f"Bridge Shut\n\nPromo Box\n\n{BODY}\nPromo Box\n\n{BODY}"
    assert _hidden_lines(text) == [["Promo Box", "Promo Box"]]


def test_short_line_repeated_across_articles_but_not_titles() -> None:
    a = f"Bridge Shut\n\n{BODY}\nLive Coverage Box\n"
    b = f"Bridge Shut\n\nLive Coverage Box\n\n{BODY}"
    c = f"Another Title\n\n{BODY}"
    assert _hidden_lines(a, b, c) == [["Live Coverage Box"], ["Live Coverage Box"], []]


def test_repeated_sentences_are_not_furniture() -> None:
    line = "The bridge is closed."
    a = f"Bridge Shut\n\n{line}\n\n{BODY}{line}\n"
    b = f"Other Title\n\n{line}\n\n{BODY}"
    assert _hidden_lines(a, b) == [[], []]


def test_navigation_menu_above_the_body() -> None:
    text = f"Bridge Shut\n\nHome\nWorld\nLocal News\nWeather\n\n{BODY}"
    assert _hidden_lines(text) == [["Home", "World", "Local News", "Weather"]]


def test_byline_under_the_title() -> None:
    text = f"Bridge Shut\n\nBy Jane Doe, Valley Notes\n\n{BODY}By the river, people waited.\n"
    assert _hidden_lines(text) == [["By Jane Doe, Valley Notes"]]


def test_byline_under_a_standfirst() -> None:
    standfirst = "The county says the old bridge will stay shut until engineers have checked it."
    text = f"Bridge Shut\n\n{standfirst}\n\nBy Jane Doe\n\n{BODY}By the river, people waited.\n"
    assert _hidden_lines(text) == [["By Jane Doe"]]


def test_breadcrumb_above_the_title_is_hidden_and_not_the_title(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Home > World > Europe\n\nBridge Shut\n\n{BODY}")
    (tmp_path / "b.txt").write_text(f"News | Floods\n\nRiver Rises\n\n{BODY}")
    a, b = load_paths([tmp_path])
    assert (a.title, _hidden(a)) == ("Bridge Shut", ["Home > World > Europe"])
    assert (b.title, _hidden(b)) == ("River Rises", ["News | Floods"])


def test_page_header_with_kicker_age_banner_byline_and_time_stamp(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Flooding\nThis article is more than 4 years old\nBridge Shut After Three Days of Rain\n"
        "Jane Doe Transport correspondent\nThu 6 Feb 2020 18.43 GMT\n"
        f"Last modified on Thu 6 Feb 2020 19.10 GMT\n{BODY}"
    )
    (a,) = load_paths([tmp_path])
    assert (a.title, a.date) == ("Bridge Shut After Three Days of Rain", "2020-02-06")
    assert _hidden(a) == [
        "Flooding",
        "This article is more than 4 years old",
        "Jane Doe Transport correspondent",
        "Thu 6 Feb 2020 18.43 GMT",
        "Last modified on Thu 6 Feb 2020 19.10 GMT",
    ]


def test_short_title_over_a_caption_or_byline_is_no_kicker() -> None:
    caption = "Water over the road near the old mill [Example Images]"
    byline = "By Jane Doe, Valley Notes"
    for second in (caption, byline):
        assert _hidden_lines(f"Bridge Shut\n\n{second}\n\n{BODY}") == [[second]]


def test_title_is_never_hidden_by_shape_rules() -> None:
    a = f"Road Closed Today\n\n{BODY}"
    b = f"Road Closed Today\n\n{BODY}"
    assert _hidden_lines(a, b) == [[], []]


def test_fixture_story_hides_furniture_only() -> None:
    wire, blog, paper = load_paths([STORIES / "flood"])
    assert _hidden(wire) == [
        "BRINMOOR (Wirepost) —",
        "Advertisement",
        "Advertisement",
        "Related stories",
        "Rain Expected to Ease by the Weekend",
        "County Opens Two Shelters",
        "Share this article",
    ]
    assert "Sign up for our newsletter to get the latest news in your inbox" in _hidden(blog)
    assert _hidden(paper) == [
        "4 min read",
        "Feb. 7, 2020",
        "The Flooded Bridge On Tuesday (Photo: Jane Doe/Example Images)",
        "Read more: How the County Prepares for Floods",
        "To continue reading the full article",
        "Already a subscriber? Log in",
        "Subscribe now",
    ]
    for article in (wire, blog, paper):
        shown = {article.text[s:e] for s, e in article.hidden}
        assert article.title not in shown


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="needs the shared gold beside the repo")
def test_sample_boilerplate_gold(sample: Path) -> None:
    articles = load_paths([sample])
    report = {
        "articles": [
            {"id": a.id, "name": a.name, "text": a.text, "hidden": [list(h) for h in a.hidden]}
            for a in articles
        ]
    }
    score = load_scorer()
    gold = json.loads((SHARED / "gold" / "saraqeb" / "boilerplate.json").read_text("utf-8"))
    located = {a.id: score.Located(a.text) for a in articles}
    problems: list[str] = []
    metrics = score.score_boilerplate(gold, report, located, problems)
    assert not problems
    assert metrics["boilerplate.recall"] == 1.0
    assert metrics["boilerplate.precision"] >= 0.9


@pytest.mark.parametrize("language", ["zh", "de", "fr", "ar", "ru"])
def test_furniture_rules_leave_every_script_s_body_alone(language: str, tmp_path: Path) -> None:
    """A Chinese article in paragraphs had its whole body hidden as a menu (one "word" a line,
    no "." at the end): the rules count words and full stops as each script writes them."""
    source = STORIES / "languages" / f"{language}.txt"
    text = source.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    page = tmp_path / f"{language}.txt"
    page.write_text("Home\nWorld\nBusiness\nSport\n\n" + text + "\nAdvertisement\n", "utf-8")
    (article,) = load_paths([page])
    shown = visible_text(article)
    assert [p for p in paragraphs if p not in shown] == []
    assert "Advertisement" not in shown and "Business" not in shown


@pytest.mark.parametrize("layout", [0, 1, 2])
def test_a_web_page_saved_as_text_shows_only_its_article(layout: int, tmp_path: Path) -> None:
    """Menus, a cookie banner, a breadcrumb, 'By … · date · 4 min read', a paywall meter,
    'Most read' and 'About us | Privacy' stayed visible ('Middle East' became a claim)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "web"))
    from pages import FURNITURE, Story, as_saved_text, news_page

    body = " ".join(BODY.split())
    paragraphs = tuple(f"{body} Paragraph {i} adds its own detail." for i in range(4))
    story = Story(title="Bridge shut after storm damages its span", paragraphs=paragraphs)
    saved = tmp_path / "saved.txt"
    saved.write_text(as_saved_text(news_page(story, layout)), encoding="utf-8")
    (article,) = load_paths([saved])
    shown = visible_text(article)
    assert [f for f in FURNITURE if f in shown] == []
    assert all(p in shown for p in paragraphs)
    assert article.title == story.title
