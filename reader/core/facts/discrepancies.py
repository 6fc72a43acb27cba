"""Discrepancies: the same fact stated with a different number, day or date in another article.

Only like is compared with like. Inside a claim, every amount, day and date of one article is
paired with its counterpart in each other article: the mention of the same kind and dimension
whose counted thing (head noun, or its class: people, military...) and surrounding words agree
best. A pair is a discrepancy only when the two values cannot both be true (15 km and 9 miles
can; "more than 580,000" and "nearly one million" cannot) and the other article has no
compatible mention of that thing. Sentences of different articles that are not in one claim
but say nearly the same thing around the same counted thing are compared too, since claims
are imperfect.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reader.core.claims.lexicon import synonym_keys
from reader.core.claims.similarity import stem as term_stem
from reader.core.facts.amounts import Amount, find_mentions
from reader.core.facts.dates import TimeRef
from reader.core.facts.figure_words import WEEKDAYS, is_number_word
from reader.core.facts.names import find_name_discrepancies
from reader.core.model import Claim, Discrepancy, Sentence, Story, Value
from reader.core.text.tokens import STOPWORDS, Token, normalize_word, tokenize

LEFT_WORDS = 6  # content words before a mention that describe it
RIGHT_WORDS = 4

# Head nouns that count the same kind of thing under different words.
_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "person": "people person civilian resident inhabitant individual villager citizen refugee "
    "migrant child woman man victim patient passenger worker protester family household",
    "military": "soldier troop personnel serviceman servicemember officer fighter militant "
    "rebel insurgent marine guard specialist army",
}.items():
    for _w in _words.split():
        _CLASSES[_w] = _cls
_GENERAL = {"people": "person", "person": "person"}  # also covers the military


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    return normalize_word(word)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: enough to equate "soldiers"/"soldier", "killed"/"kills"."""
    w = _norm(word)
    if w.endswith("'s"):
        w = w[:-2]
    if w in ("people", "children", "men", "women"):
        return {"people": "people", "children": "child", "men": "man", "women": "woman"}[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _is_content(norm: str) -> bool:
    return norm not in STOPWORDS and len(norm) > 1 and not norm[0].isdigit()


@dataclass(frozen=True)
class _Mention:
    sentence: Sentence
    kind: str  # "number", "day", "date"
    start: int
    end: int
    text: str
    normalized: str
    amount: Amount | None
    time: TimeRef | None
    dimension: str  # amounts: "count", "length"...; times: "time"
    head: str  # stem of the counted thing, "" when none
    modifiers: frozenset[str]  # stems of the words before the head: "turkish", "military"
    context: frozenset[str]
    proper: frozenset[str] = frozenset()  # capitalised modifiers: "Syrian" soldiers, "Turkish" dead
    action: str = ""  # the event word right before a figure: "shot" three, "killed" two
    rank: tuple[int, int] = (0, 1)  # place among its sentence's mentions of this dimension

    @property
    def article(self) -> str:
        return self.sentence.article

    def value(self) -> Value:
        return Value(self.article, self.start, self.end, self.text, self.normalized)


# Prepositions and the like that end the noun phrase after a figure.
_NOT_IN_PHRASE = frozenset(
    """near across inside outside within without toward towards along behind beyond despite
    including per via ago upon onto beside besides except amid amidst throughout like unlike
    versus whom whose each apiece respectively""".split()
)


def _phrase_after(tokens: list[Token], k: int, text: str) -> list[str]:
    """The counted thing: stems of the noun phrase right after the amount, head last."""
    words: list[str] = []
    last_end = tokens[k - 1].end if k > 0 else 0
    while k < len(tokens):
        tok = tokens[k]
        gap = text[last_end : tok.start]
        if any(c in gap for c in ',;:()\u2013\u2014"“”'):
            break
        norm = _norm(tok.text)
        if norm in ("and", "or") and words and k + 1 < len(tokens):
            if is_number_word(_norm(tokens[k + 1].text)):
                break
            last_end = tok.end
            k += 1
            continue
        if norm == "of" and not words:
            last_end = tok.end
            k += 1
            continue
        if (
            not _is_content(norm)
            or norm in _NOT_IN_PHRASE
            or (words and norm.endswith(("ing", "ed", "ly")))
        ):
            break
        words.append(stem(tok.text))
        last_end = tok.end
        k += 1
        if len(words) == 3:
            break
    return words


_BEFORE_FIGURE = frozenset("the a an all its their his her some".split())


def _action(tokens: list[Token], first: int, text: str) -> str:
    """What happened to the counted things, from the word just before the figure ("shot three
    co-workers", "killing two"), as a news synonym key (data/news_synonyms.toml); "" if none."""
    table = synonym_keys(term_stem)
    end = tokens[first].start if first < len(tokens) else len(text)
    for k in range(first - 1, max(first - 3, -1), -1):
        if any(c in text[tokens[k].end : end] for c in ',;:()\u2013\u2014"“”'):
            return ""
        norm = _norm(tokens[k].text)
        key = table.get(norm) or table.get(term_stem(norm))
        if key:
            return key
        if norm not in _BEFORE_FIGURE:
            return ""
        end = tokens[k].start
    return ""


def _context(tokens: list[Token], first: int, after: int, skip: set[str]) -> frozenset[str]:
    left = [_norm(t.text) for t in tokens[:first] if _is_content(_norm(t.text))][-LEFT_WORDS:]
    right = [_norm(t.text) for t in tokens[after:] if _is_content(_norm(t.text))][:RIGHT_WORDS]
    return frozenset(stem(w) for w in left + right) - skip


def _token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    first = next((i for i, t in enumerate(tokens) if t.end > start), len(tokens))
    after = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
    return first, after


_AFTER_DATELINE = re.compile(r"\s*(?:\d{1,2}\s?:\s?\d{2}|\n|[-–—|])")
_AFTER_STAMP = re.compile(r"\s*(?:\d{1,2}\s?:\s?\d{2}\s?[AaPp]\.?[Mm]\b|\|)")


def _is_dateline(text: str, sentence: Sentence, ref: TimeRef) -> bool:
    """A publication date heading the text ("September 10, 2012 4:15 PM A judge ..."), or a
    page's time stamp anywhere ("Friday, Sep 10, 2010 | Updated 9:28 AM"): it dates the
    article, not the event."""
    if ref.kind != "date":
        return False
    if _AFTER_STAMP.match(text, ref.end) is not None:
        return True
    if text[sentence.start : ref.start].strip(" \t\n*_#([") != "":
        return False
    return _AFTER_DATELINE.match(text, ref.end) is not None


def _stamps(text: str, sentence: Sentence, times: list[TimeRef]) -> set[int]:
    """Starts of the time stamps among a sentence's days and dates, with the weekday that
    heads one ("Friday, Sep 10, 2010 | Updated")."""
    out: set[int] = set()
    for i, r in enumerate(times):
        if _is_dateline(text, sentence, r):
            out.add(r.start)
            before = times[i - 1] if i else None
            joined = before is not None and text[before.end : r.start].strip() in ("", ",")
            if before is not None and before.kind == "day" and joined:
                out.add(before.start)
    return out


def mentions_of(story: Story, sentence: Sentence) -> list[_Mention]:
    """Every amount, day and date in a sentence, with what it counts and the words around it."""
    text = story.article(sentence.article).text
    tokens = tokenize(text, sentence.start, sentence.end)
    out: list[_Mention] = []
    amounts, times = find_mentions(text, sentence.start, sentence.end)
    for a in amounts:
        first, after = _token_range(tokens, a.start, a.end)
        phrase = _phrase_after(tokens, after, text)
        head = phrase[-1] if phrase else ""
        ctx = _context(tokens, first, after, set(phrase))
        modifiers = frozenset(phrase[:-1])
        proper = frozenset(
            _norm(t.text)
            for t in tokens[after : after + len(phrase) + 2]
            if t.text[:1].isupper() and _norm(t.text) in modifiers
        )
        out.append(
            _Mention(
                sentence=sentence,
                kind="number",
                start=a.start,
                end=a.end,
                text=a.text,
                normalized=a.normalized,
                amount=a,
                time=None,
                dimension=a.dimension,
                head=head,
                modifiers=modifiers,
                context=ctx,
                proper=proper,
                action=_action(tokens, first, text),
            )
        )
    stamps = _stamps(text, sentence, times)
    dated = story.article(sentence.article).date
    for r in times:
        if r.start in stamps:
            continue
        r = _resolved(r, dated)
        first, after = _token_range(tokens, r.start, r.end)
        out.append(
            _Mention(
                sentence=sentence,
                kind="day" if r.kind in ("day", "relative") else "date",
                start=r.start,
                end=r.end,
                text=r.text,
                normalized=r.normalized,
                amount=None,
                time=r,
                dimension="time",
                head="",
                modifiers=frozenset(),
                context=_context(tokens, first, after, set()),
            )
        )
    return _ranked(out)


_DAYS_BACK = {"today": 0, "yesterday": 1}


def _resolved(ref: TimeRef, dated: str | None) -> TimeRef:
    """ "Yesterday" in an article dated Tuesday is Monday: a weekday like any other."""
    back = _DAYS_BACK.get(ref.normalized) if ref.kind == "relative" else None
    if back is None or dated is None:
        return ref
    try:
        day = datetime.date.fromisoformat(dated) - datetime.timedelta(days=back)
    except ValueError:
        return ref
    return replace(ref, kind="day", normalized=WEEKDAYS[day.weekday()])


def _ranked(mentions: list[_Mention]) -> list[_Mention]:
    out = []
    for m in mentions:
        same = [x for x in mentions if x.kind == m.kind and x.dimension == m.dimension]
        out.append(replace(m, rank=(same.index(m), len(same))))
    return out


# --- comparing values ---------------------------------------------------------------------


def _amounts_agree(a: Amount, b: Amount) -> bool:
    """Whether both wordings can describe one true figure."""
    if a.dimension != b.dimension:
        return True  # not comparable: never a discrepancy
    if a.qualifier == b.qualifier and a.qualifier != "vague":
        if a.unit == b.unit:
            return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))
        return abs(a.value - b.value) <= _rounding(a, b)
    tol = _rounding(a, b) if a.unit != b.unit else 0.0
    return a.low <= b.high + tol and b.low <= a.high + tol


def _rounding(a: Amount, b: Amount) -> float:
    """How far a converted figure may stray: half its rounding step ("9 miles" for 15 km), but
    no more than a tenth of it, so that 100 km and 100 miles still differ."""
    return min(max(a.step, b.step) / 2, 0.1 * max(abs(a.value), abs(b.value)))


_WEEK_RELATIVE = {"this-week", "last-week", "this-month", "last-month"}


def _times_agree(a: TimeRef, b: TimeRef) -> bool:
    if a.kind == "relative" or b.kind == "relative":
        return True  # "earlier this week" fits any weekday
    if a.kind != b.kind:
        return True  # a weekday and a date cannot be compared without a calendar
    if a.kind == "day":
        return a.normalized == b.normalized
    x, y = a.normalized.split("-"), b.normalized.split("-")
    if len(x[0]) == 4 and len(y[0]) == 4 and x[0] != y[0]:
        return False
    x = x[1:] if len(x[0]) == 4 else x
    y = y[1:] if len(y[0]) == 4 else y
    return all(p == q for p, q in zip(x, y, strict=False))


def _agree(a: _Mention, b: _Mention) -> bool:
    if a.amount is not None and b.amount is not None:
        return _amounts_agree(a.amount, b.amount)
    if a.time is not None and b.time is not None:
        return _times_agree(a.time, b.time)
    return True


def _comparable(a: _Mention, b: _Mention) -> bool:
    if a.article == b.article or a.dimension != b.dimension:
        return False
    if a.proper and b.proper and not a.proper & b.proper:
        return False  # "13 Syrian soldiers" and "eight Turkish soldiers" count different people
    if a.action and b.action and a.action != b.action:
        return False  # "shot three" and "killed two" of them: both can be true
    if a.amount is not None and b.amount is not None and a.amount.unit != b.amount.unit:
        small, large = sorted((abs(a.amount.value), abs(b.amount.value)))
        if large >= 10 * small:
            return False  # "15 years" at the plant and "two months" suspended: other facts
    return a.kind == b.kind


def _same_value(a: _Mention, b: _Mention) -> bool:
    """Both say one definite value: an amount the other allows, or the same day or date."""
    if not _comparable(a, b) or not _agree(a, b):
        return False
    if a.amount is not None and b.amount is not None:
        return "vague" not in (a.amount.qualifier, b.amount.qualifier)
    if a.time is None or b.time is None:
        return False
    return "relative" not in (a.time.kind, b.time.kind)


def _affinity(a: _Mention, b: _Mention) -> int:
    """How surely two mentions speak of the same thing."""
    score = min(len(a.context & b.context), 3)
    if a.rank == b.rank and a.rank[1] > 1:
        score += 1  # lists of figures keep their order across versions
    if a.kind != "number":
        return score
    if a.dimension != "count":
        if a.head and b.head and a.head != b.head:
            score -= 2  # a "17-inch notebook" is not "0.98 inches thick"
        return score  # else the unit says what is measured
    related = bool(a.head) and a.head == b.head
    if related:
        score += 3
    elif a.head and b.head:
        ca, cb = _CLASSES.get(a.head), _CLASSES.get(b.head)
        related = ca is not None and cb is not None and (ca == cb or a.head in _GENERAL)
        related = related or (b.head in _GENERAL and ca is not None)
        score += 2 if related else -2
    if not related:
        score -= 1  # a figure without its counted thing needs much shared wording
    if a.modifiers & b.modifiers:
        score += 2
    elif a.modifiers and b.modifiers:
        score -= 2
    return score


def _threshold(m: _Mention, alone: bool, strict: bool) -> int:
    if strict:
        return 5
    if m.kind == "number":
        return (2 if alone else 3) + (m.dimension != "count")
    return 1 if alone else 2  # a day or date: some shared wording around it


# --- pairing mentions ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    a: _Mention
    b: _Mention
    conflict: bool


def _pair_links(xs: list[_Mention], ys: list[_Mention], strict: bool) -> list[_Link]:
    """One-to-one counterparts between two articles' mentions, surest first.

    The same value on both sides is itself evidence of correspondence (a small bonus), and a
    disagreement is dropped when either side also has a compatible candidate above the
    threshold: it may well be the real counterpart.
    """
    scored: list[tuple[int, int, _Mention, _Mention]] = []
    for m in xs:
        cands = [c for c in ys if _comparable(m, c)]
        if not cands:
            continue
        alone = len(cands) == 1 and sum(_comparable(cands[0], c) for c in xs) == 1
        need = _threshold(m, alone, strict)
        for c in cands:
            aff = _affinity(m, c)
            if aff >= need:
                scored.append((aff + _agree(m, c), aff, m, c))
    scored.sort(key=lambda t: (-t[0], t[2].start, t[3].start))
    used: set[int] = set()
    links: list[_Link] = []
    for i, (score, _aff, m, c) in enumerate(scored):
        if id(m) in used or id(c) in used:
            continue
        tie = any(
            t[0] == score and (t[2] is m) != (t[3] is c) and id(t[2]) not in used
            and id(t[3]) not in used
            for t in scored[i + 1 :]
        )  # fmt: skip
        used.update((id(m), id(c)))
        if tie and not _agree(m, c):
            continue  # two equally likely counterparts: no way to tell which one
        excuse = not _agree(m, c) and (
            any(_agree(m, y) or _agree(x, c) for _, _, x, y in scored if (x is m) != (y is c))
            or any(_same_value(m, y) for y in ys if y.sentence == c.sentence)
            or any(_same_value(x, c) for x in xs if x.sentence == m.sentence)
        )  # the other sentence also states this very value: it may be the counterpart
        if not excuse:
            links.append(_Link(m, c, not _agree(m, c)))
    return links


def _links(mentions: list[_Mention], strict: bool) -> list[_Link]:
    by_article: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    out: list[_Link] = []
    for x, y in itertools.combinations(sorted(by_article), 2):
        out.extend(_pair_links(by_article[x], by_article[y], strict))
    return out


# --- assembling discrepancies ------------------------------------------------------------

_Key = tuple[str, int]  # (article, start) of a mention


def _key(m: _Mention) -> _Key:
    return (m.article, m.start)


@dataclass
class _Group:
    members: dict[_Key, _Mention]
    conflicts: set[tuple[_Key, _Key]]


def _groups(links: list[_Link]) -> list[_Group]:
    """A mention that disagrees, with its counterparts in the other articles.

    Groups are stars around each disagreeing mention, not chains of links, so that a list of
    figures ("58%, 40%, 32%") does not melt into one group; stars sharing two mentions or
    more are about one thing and merge.
    """
    partners: dict[_Key, dict[_Key, _Mention]] = {}
    index: dict[_Key, _Mention] = {}
    for link in links:
        for m, c in ((link.a, link.b), (link.b, link.a)):
            index[_key(m)] = m
            partners.setdefault(_key(m), {})[_key(c)] = c
    stars: list[_Group] = []
    for link in links:
        if not link.conflict:
            continue
        for pivot in (link.a, link.b):
            members = {_key(pivot): pivot, **partners[_key(pivot)]}
            stars.append(_Group(members, {(_key(link.a), _key(link.b))}))
    merged: list[_Group] = []
    for star in stars:
        for g in merged:
            if len(g.members.keys() & star.members.keys()) >= 2:
                g.members.update(star.members)
                g.conflicts |= star.conflicts
                break
        else:
            merged.append(star)
    return merged


def _message(members: list[_Mention]) -> str:
    first = members[0]
    if first.kind == "number":
        heads = [m.head for m in members if m.head]
        topic = max(heads, key=heads.count) if heads else "amount"  # ties: first written
    else:
        topic = "day" if first.kind == "day" else "date"
    seen: dict[str, str] = {}  # case-folded -> as first written: "Nearly" and "nearly" are one
    for m in members:
        shown = " ".join(m.text.split())
        day = m.time.normalized if m.time is not None else ""
        if day in WEEKDAYS and day != shown.casefold():
            shown += f" ({day.capitalize()})"  # "yesterday (Monday)"
        seen.setdefault(shown.casefold(), shown)
    return f"{topic}: " + " vs ".join(seen.values())


def _discrepancy(claim: str, group: _Group) -> Discrepancy:
    # "Earlier this week" or an undated "yesterday" fits every day: it says nothing here.
    definite = [m for m in group.members.values() if m.time is None or m.time.kind != "relative"]
    members = sorted(definite, key=lambda m: (_article_order(m.article), m.start))
    return Discrepancy(
        claim=claim,
        kind=members[0].kind,
        message=_message(members),
        values=tuple(m.value() for m in members),
    )


def _claim_mentions(story: Story, claim: Claim, cache: dict[str, list[_Mention]]) -> list[_Mention]:
    out: list[_Mention] = []
    for sid in claim.members:
        if sid not in cache:
            cache[sid] = mentions_of(story, story.sentence(sid))
        out.extend(cache[sid])
    return out


def _sentence_words(story: Story, s: Sentence) -> frozenset[str]:
    text = story.article(s.article).text
    return frozenset(
        stem(t.text) for t in tokenize(text, s.start, s.end) if _is_content(_norm(t.text))
    )


def _similar_pairs(
    story: Story, cache: dict[str, list[_Mention]], min_jaccard: float
) -> list[tuple[Sentence, Sentence]]:
    """Sentences of different articles, both with mentions, that share much of their words."""
    with_mentions = []
    for s in story.sentences:
        if s.id not in cache:
            cache[s.id] = mentions_of(story, s)
        if cache[s.id]:
            with_mentions.append((s, _sentence_words(story, s)))
    # Only sentences sharing a word can be similar: walk an inverted index, not all pairs.
    postings: dict[str, list[int]] = {}
    for i, (_, words) in enumerate(with_mentions):
        for w in words:
            postings.setdefault(w, []).append(i)
    out = []
    for i, (s1, w1) in enumerate(with_mentions):
        shared: dict[int, int] = {}
        for w in w1:
            for j in postings[w]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j, n in shared.items():
            s2, w2 = with_mentions[j]
            if s1.article != s2.article and n / (len(w1) + len(w2) - n) >= min_jaccard:
                out.append((s1, s2))
    return out


def _article_order(article_id: str) -> tuple[int, str]:
    digits = article_id.lstrip("a")
    return (int(digits) if digits.isdigit() else 0, article_id)


def _best_claim(story: Story, group: _Group, cache: dict[str, frozenset[str]]) -> str:
    """The claim holding most of the group's sentences, else the one whose wording is closest."""
    counts: dict[str, int] = {}
    for m in group.members.values():
        for c in story.claims_of(m.sentence.id):
            counts[c.id] = counts.get(c.id, 0) + 1
    if counts:
        return max(counts, key=lambda k: counts[k])

    def words(s: Sentence) -> frozenset[str]:
        if s.id not in cache:
            cache[s.id] = _sentence_words(story, s)
        return cache[s.id]

    mine = frozenset().union(*(words(m.sentence) for m in group.members.values()))
    best, best_score = "", 0.0
    for c in story.claims:
        theirs = frozenset().union(*(words(story.sentence(sid)) for sid in c.members))
        score = len(mine & theirs) / (len(mine | theirs) or 1)
        if score > best_score:
            best, best_score = c.id, score
    return best


def find_discrepancies(story: Story) -> list[Discrepancy]:
    """Numbers, days, dates and names that the articles of one fact state incompatibly."""
    cache: dict[str, list[_Mention]] = {}
    found: list[tuple[str, _Group]] = []

    def emit(claim: str, group: _Group) -> None:
        for _, seen in found:
            if len(seen.members.keys() & group.members.keys()) >= 2:
                seen.members.update(group.members)  # more of the same thing
                seen.conflicts |= group.conflicts
                return
        found.append((claim, group))

    for claim in story.claims:
        for group in _groups(_links(_claim_mentions(story, claim, cache), strict=False)):
            emit(claim.id, group)

    # Claims are imperfect: also pair strongly alike mentions of similar sentences.
    links: list[_Link] = []
    claim_ids: dict[str, frozenset[str]] = {}

    def claims_of(sid: str) -> frozenset[str]:
        if sid not in claim_ids:
            claim_ids[sid] = frozenset(c.id for c in story.claims_of(sid))
        return claim_ids[sid]

    sorts: dict[str, frozenset[tuple[str, str]]] = {}

    def sorts_of(sid: str) -> frozenset[tuple[str, str]]:
        if sid not in sorts:
            sorts[sid] = frozenset((m.kind, m.dimension) for m in cache[sid])
        return sorts[sid]

    for s1, s2 in _similar_pairs(story, cache, min_jaccard=0.1):
        # Most similar pairs hold no two mentions of one kind: skip them before pairing.
        if sorts_of(s1.id) & sorts_of(s2.id) and not claims_of(s1.id) & claims_of(s2.id):
            x, y = (s1, s2) if s1.article < s2.article else (s2, s1)  # as _links orders them
            links.extend(_pair_links(cache[x.id], cache[y.id], strict=True))
    words: dict[str, frozenset[str]] = {}
    for group in _groups(links):
        emit(_best_claim(story, group, words), group)
    return [_discrepancy(claim, group) for claim, group in found] + find_name_discrepancies(story)
