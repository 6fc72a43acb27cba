"""A large synthetic story: N articles of ~W words, sentences recombined and perturbed.

    python benchmarks/generate.py OUT_DIR [--articles 50] [--words 1000] [--seed 7]
    python benchmarks/generate.py OUT_DIR --versions [--words 100000] [--seed 7]

Sentences come from the bundled sample; each article takes a random run of them in
mostly-preserved order, drops some, swaps words, changes numbers and adds its own sentences,
so the engine sees reuse, paraphrase-like edits and unrelated text at a realistic scale.

With --versions: two versions of one long document (a report and its revision), the second
with one block of paragraphs moved elsewhere and 2% of its words changed. The document's
sentences are the sample's with about half their words drawn anew, so that a book-length text
does not repeat the sample's few hundred sentences word for word.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from reader.core.ingest.loading import load_paths
from reader.core.model import Article
from reader.core.pipeline import segment
from reader.resources import sample_dir


def pool_sentences() -> list[tuple[Article, str]]:
    """The sample's sentences a story is made of (six words or more): each with its article
    and its text as the article has it."""
    articles = load_paths([sample_dir()])
    by_id = {a.id: a for a in articles}
    out = []
    for s in segment(articles):
        text = by_id[s.article].text[s.start : s.end]
        if len(text.split()) >= 6:
            out.append((by_id[s.article], text))
    return out


def _pool() -> list[str]:
    return [" ".join(text.split()) for _, text in pool_sentences()]


def _perturb(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4:
            words[i] = rng.choice(vocabulary)
        elif action < 0.7 and len(words) > 6:
            del words[i]
        elif words[i].isdigit():
            words[i] = str(int(words[i]) + rng.randint(1, 9))
        else:
            words.insert(i, rng.choice(vocabulary))
    return " ".join(words)


OWN = -1  # the source of a sentence an article adds of its own (random words)


def article_sentences(articles: int, words: int, seed: int) -> list[list[tuple[str, int]]]:
    """Each generated article's sentences, each with its source: the number of the sample
    sentence it perturbs (in pool_sentences()), or OWN."""
    rng = random.Random(seed)
    pool = _pool()
    vocabulary = sorted({w.strip(".,“”\"'") for s in pool for w in s.split()} - {""})
    out = []
    for _ in range(articles):
        start = rng.randrange(len(pool))
        body: list[tuple[str, int]] = []
        count = 0
        i = start
        while count < words:
            if rng.random() < 0.15:  # an own sentence: random words
                s = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 25))) + "."
                body.append((s, OWN))
            else:
                body.append((_perturb(pool[i % len(pool)], rng, vocabulary), i % len(pool)))
                i += rng.choice((1, 1, 1, 2, 5))
            count += len(body[-1][0].split())
        out.append(body)
    return out


def article_name(n: int) -> str:
    return f"article_{n:03d}.txt"


def article_text(n: int, sentences: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Generated article n's text (a title, then paragraphs of three sentences), and where
    each of its sentences is in it: (start, source), in order."""
    text = f"Generated report {n}\n\n"
    starts: list[tuple[int, int]] = []
    for k, (sentence, source) in enumerate(sentences):
        if k:
            text += "\n\n" if k % 3 == 0 else " "
        starts.append((len(text), source))
        text += sentence
    return text + "\n", starts


def generate(out: Path, articles: int, words: int, seed: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, sentences in enumerate(article_sentences(articles, words, seed)):
        path = out / article_name(n)
        path.write_text(article_text(n, sentences)[0], "utf-8")
        paths.append(path)
    return paths


def generate_versions(
    out: Path, words: int, seed: int, changed: float = 0.02, moved: float = 0.05
) -> list[Path]:
    """Two versions of one document of ~`words` words: the second has one block (a `moved`
    share of the paragraphs) moved from the first third to the last, and a `changed` share
    of its words replaced."""
    rng = random.Random(seed)
    pool = _pool()
    vocabulary = sorted({w.strip(".,“”\"'") for s in pool for w in s.split()} - {""})
    sentences: list[list[str]] = []
    count = 0
    while count < words:
        base = pool[rng.randrange(len(pool))].split()
        sentence = [w if rng.random() < 0.5 else rng.choice(vocabulary) for w in base]
        sentences.append(sentence)
        count += len(sentence)
    paragraphs = [sentences[k : k + 3] for k in range(0, len(sentences), 3)]
    block = max(1, int(len(paragraphs) * moved))
    start = len(paragraphs) // 4
    revised = paragraphs[:start] + paragraphs[start + block :]
    at = len(revised) * 3 // 4
    revised = revised[:at] + paragraphs[start : start + block] + revised[at:]
    revised = [
        [[rng.choice(vocabulary) if rng.random() < changed else w for w in s] for s in p]
        for p in revised
    ]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, version in enumerate((paragraphs, revised)):
        body = "\n\n".join(" ".join(" ".join(s).rstrip(".") + "." for s in p) for p in version)
        path = out / f"version_{n + 1}.txt"
        path.write_text(f"Generated document, version {n + 1}\n\n{body}\n", "utf-8")
        paths.append(path)
    return paths


def generate_repeating(out: Path, articles: int, times: int, seed: int) -> list[Path]:
    """Hostile input: articles that each say one sample sentence `times` times over (a
    feed's boilerplate, a scraper's loop), a few sentences shared by all. Every place of an
    n-gram in one article once paired with every place in another."""
    rng = random.Random(seed)
    pool = _pool()
    chosen = [pool[rng.randrange(len(pool))] for _ in range(7)]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        path = out / article_name(n)
        path.write_text(f"Repeating report {n}\n\n" + " ".join([chosen[n % 7]] * times) + "\n")
        paths.append(path)
    return paths


def generate_long_paragraph(out: Path, words: int, others: int, seed: int) -> list[Path]:
    """Hostile input: one article of ~`words` words in a single paragraph (a transcript, a
    page whose breaks were lost), sample sentences in random order and so each many times,
    beside `others` short articles. Scans that slice the paragraph at each mark or word
    were quadratic in it."""
    rng = random.Random(seed)
    pool = _pool()
    body: list[str] = []
    count = 0
    while count < words:
        body.append(pool[rng.randrange(len(pool))])
        count += len(body[-1].split())
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "long_paragraph.txt"]
    paths[0].write_text("One long paragraph\n\n" + " ".join(body) + "\n", "utf-8")
    for n in range(others):
        path = out / article_name(n)
        text = " ".join(pool[rng.randrange(len(pool))] for _ in range(10))
        path.write_text(f"Short report {n}\n\n{text}\n", "utf-8")
        paths.append(path)
    return paths


def generate_short_lines(out: Path, lines: int, seed: int) -> list[Path]:
    """Hostile input: two articles of `lines` one-word paragraphs each (a word list, a page
    of links), which the furniture finder hides one by one. Tests of each paragraph against
    every hidden span were quadratic in them."""
    rng = random.Random(seed)
    words = sorted({w.strip(".,“”\"'") for s in _pool() for w in s.split()} - {""})[:40]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(2):
        path = out / f"lines_{n + 1}.txt"
        body = "\n\n".join(rng.choice(words) for _ in range(lines))
        path.write_text(f"Word list {n + 1}\n\n{body}\n", "utf-8")
        paths.append(path)
    return paths


def generate_mangled_quotes(out: Path, articles: int, sentences: int, seed: int) -> list[Path]:
    """Hostile input: articles of `sentences` short sentences, each with quotation marks that
    do not pair up (a mangled conversion), so that the checks raise a warning or more in every
    one. Testing each warning against every one kept before it was quadratic in them."""
    rng = random.Random(seed)
    words = sorted({w.strip(".,“”\"'") for s in _pool() for w in s.split()} - {""})
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        body = " ".join(
            f"“{rng.choice(words)} said ” {rng.choice(words)} ‘{rng.choice(words)}„ {k} »."
            for k in range(sentences)
        )
        path = out / article_name(n)
        path.write_text(f"Mangled report {n}\n\n{body}\n", "utf-8")
        paths.append(path)
    return paths


def generate_stated_figures(out: Path, articles: int, sentences: int, seed: int) -> list[Path]:
    """Hostile input: articles of `sentences` sentences that tell one story alike but for the
    figures: every sentence holds a calque, a count and a weekday, and each article its own
    counts and days. Every sentence is then in a claim whose figures disagree, and the checks
    match in every one. The disagreements were each compared with every one found before, and
    each match looked its sentence up by a scan of the article."""
    rng = random.Random(seed)
    words = sorted({w.strip(".,“”\"'") for s in _pool() for w in s.split() if w.isalpha()})
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    subjects = [rng.choice(words).capitalize() for _ in range(sentences)]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        said = [
            f"Reporter {subject} {k} was embedded in the rebels near {rng.randint(2, 999)} "
            f"fighters on {rng.choice(days)}."
            for k, subject in enumerate(subjects)
        ]
        body = "\n\n".join(" ".join(said[k : k + 5]) for k in range(0, len(said), 5))
        path = out / article_name(n)
        path.write_text(f"Figures report {n}\n\n{body}\n", "utf-8")
        paths.append(path)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--versions", action="store_true", help="two versions of one long text")
    args = ap.parse_args()
    if args.versions:
        generate_versions(args.out, args.words, args.seed)
    else:
        generate(args.out, args.articles, args.words, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
