"""Web pages as articles: the main text of a news page, its metadata, none of its furniture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.core.ingest.html_page import decode_page, extract_page, looks_like_html
from reader.core.ingest.loading import load_paths, visible_text
from reader.core.model import InputError

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))
from pages import FURNITURE, Story, news_page

PARAS = (
    "Rescue teams reached the flooded valley on Tuesday after the river burst its banks.",
    "The regional governor said 1,200 people had been moved to schools on higher ground.",
    "Forecasters expect more rain over the weekend, and roads to the north remain closed.",
    "Aid groups asked for boats, blankets and clean water for the families who stayed.",
)
STORY = Story(
    title="Floods cut off mountain valley",
    paragraphs=PARAS,
    date="2021-03-09",
    site="The Valley Courier",
    author="Ana Field",
    url="https://courier.example.org/news/floods",
)


@pytest.mark.parametrize("layout", [0, 1, 2])
def test_a_news_page_gives_its_text_and_metadata_without_furniture(
    tmp_path: Path, layout: int
) -> None:
    page = tmp_path / "floods.html"
    page.write_text(news_page(STORY, layout), encoding="utf-8")
    (article,) = load_paths([page])
    shown = visible_text(article)
    for para in PARAS:
        assert para in shown
    assert [f for f in FURNITURE if f in shown] == []
    assert article.title == STORY.title
    assert article.date == STORY.date
    assert article.source == STORY.site
    assert 'url: "https://courier.example.org/news/floods"' in article.text
    assert 'author: "Ana Field"' in article.text


def test_a_page_saved_under_another_name_is_read_as_a_page(tmp_path: Path) -> None:
    saved = tmp_path / "saved.txt"
    saved.write_text(news_page(STORY), encoding="utf-8")
    (article,) = load_paths([saved])
    assert "<p>" not in article.text
    assert article.title == STORY.title
    assert looks_like_html(b"  <!-- saved -->\n<!DOCTYPE html><html>")
    assert not looks_like_html(b"The <b>markup</b> of an article about HTML.")


def test_a_folder_of_pages_is_a_story(tmp_path: Path) -> None:
    for i in range(2):
        (tmp_path / f"p{i}.htm").write_text(news_page(STORY, i), encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: red }", encoding="utf-8")
    assert [a.name for a in load_paths([tmp_path])] == ["p0.htm", "p1.htm"]


def test_a_wrongly_declared_charset_is_not_believed() -> None:
    html = news_page(STORY).replace("charset='utf-8'", "charset='iso-8859-1'")
    html = html.replace("Rescue teams", "Rescue teams from Zürich")
    assert "Zürich" in decode_page(html.encode("utf-8"), "page")
    assert "Zürich" in decode_page(html.encode("cp1252"), "page", declared="windows-1252")


def test_a_page_without_an_article_is_one_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<!DOCTYPE html><html><body><nav>Home</nav></body></html>", "utf-8")
    with pytest.raises(InputError, match=r"no article text found in .*empty\.html"):
        load_paths([empty])


def test_front_matter_round_trips_quotes_and_colons() -> None:
    page = extract_page(news_page(STORY)).markdown(fetched="2021-03-10T08:00:00Z")
    odd = page.replace("The Valley Courier", 'The "Valley": Courier')
    from reader.core.ingest.markdown_text import front_matter

    _, fields = front_matter(odd.replace('"The "Valley": Courier"', '"The \\"Valley\\": Courier"'))
    assert fields["source"] == 'The "Valley": Courier'
    assert fields["fetched"] == "2021-03-10T08:00:00Z"
