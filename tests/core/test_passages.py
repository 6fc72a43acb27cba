"""Shared passages: verbatim and near-verbatim runs, wherever they sit in either article."""

from __future__ import annotations

import random

from reader.core.model import Article, SharedPassage
from reader.core.passages.shared import find_shared_passages

SHARED = (
    "The old lighthouse keeper climbed the spiral stairs every evening at dusk, "
    "carrying a brass lamp and a notebook in which he recorded the passing ships."
)


def _art(aid: str, text: str, hidden: tuple[tuple[int, int], ...] = ()) -> Article:
    return Article(id=aid, name=f"{aid}.txt", path="", text=text, hidden=hidden)


def _texts(p: SharedPassage, arts: list[Article]) -> tuple[str, str]:
    by = {a.id: a for a in arts}
    return (
        by[p.a.article].text[p.a.start : p.a.end],
        by[p.b.article].text[p.b.start : p.b.end],
    )


def test_verbatim_paragraph_found_where_it_was_moved() -> None:
    a = _art("a1", f"Storms hit the coast on Monday. {SHARED} Nobody was hurt.")
    b = _art("a2", f"Fishermen stayed home. The harbour closed early.\n\n{SHARED}")
    [p] = find_shared_passages([a, b])
    ta, tb = _texts(p, [a, b])
    assert ta == tb == SHARED[:-1]  # first word start to last word end: no final full stop
    assert p.a.start == a.text.index(SHARED)
    assert p.b.start == b.text.index(SHARED)
    assert p.similarity == 1.0


def test_changed_word_inside_a_long_run_keeps_one_passage() -> None:
    changed = SHARED.replace("brass lamp", "copper lamp")
    a = _art("a1", f"Intro words here. {SHARED}")
    b = _art("a2", f"{changed} Closing words there.")
    [p] = find_shared_passages([a, b])
    ta, tb = _texts(p, [a, b])
    assert ta.startswith("The old lighthouse") and ta.endswith("passing ships")
    assert "copper" in tb
    assert 0.9 < p.similarity < 1.0


def test_inserted_word_inside_a_long_run_keeps_one_passage() -> None:
    longer = SHARED.replace("a notebook", "a small notebook")
    [p] = find_shared_passages([_art("a1", SHARED), _art("a2", longer)])
    assert p.b.end - p.b.start == len(longer) - 1


def test_short_common_phrases_are_not_passages() -> None:
    a = _art("a1", "The prime minister said on Tuesday that taxes would rise.")
    b = _art("a2", "Farmers protested while the prime minister said nothing at all.")
    assert find_shared_passages([a, b]) == []


def test_hidden_text_takes_no_part() -> None:
    a_text = f"{SHARED}\nSomething else entirely."
    a = _art("a1", a_text, hidden=((0, len(SHARED)),))
    b = _art("a2", f"Other news first. {SHARED}")
    assert find_shared_passages([a, b]) == []


def test_every_pair_is_reported() -> None:
    arts = [_art(f"a{i}", f"Story {i} begins here. {SHARED}") for i in range(1, 4)]
    pairs = {(p.a.article, p.b.article) for p in find_shared_passages(arts)}
    assert pairs == {("a1", "a2"), ("a1", "a3"), ("a2", "a3")}


def test_text_repeated_in_one_article_is_matched_twice() -> None:
    a = _art("a1", SHARED)
    b = _art("a2", f"{SHARED} In between. {SHARED}")
    spans = sorted((p.b.start, p.b.end) for p in find_shared_passages([a, b]))
    assert len(spans) == 2 and spans[0][1] < spans[1][0]


def test_fifty_articles_of_a_thousand_words_are_fast() -> None:
    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(3000)] + ["the", "of", "and", "a"] * 200
    pool = [" ".join(rng.choice(vocab) for _ in range(60)) + "." for _ in range(120)]
    arts = []
    for i in range(50):
        paras = rng.sample(pool, 8) + [
            " ".join(rng.choice(vocab) for _ in range(60)) + "." for _ in range(9)
        ]
        rng.shuffle(paras)
        arts.append(_art(f"a{i}", "\n\n".join(paras)))
    passages = find_shared_passages(arts)  # its speed: benchmarks/, never asserted
    assert len(passages) > 100
