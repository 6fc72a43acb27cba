"""Page furniture (ads, paywall prompts, share and follow prompts, related links, credits).

Furniture is hidden, never deleted: offsets stay exact. A line is furniture when:
- it says a generic web-page phrase ("Advertisement", "Read more: ...", "Follow us on ..."),
- it is a photo caption or credit, a separator, or a reading-time note,
- it is a short non-sentence line repeated within one article or across articles,
- it is a headline-shaped line in the tail of an article that already ends in furniture
  (the "You might also like" link list), or follows a related-links header,
- it is one of a run of very short lines above the first sentence (a navigation menu),
- it stands above the title: a breadcrumb trail, a section's one- or two-word kicker.
The title (the first visible line) is only ever hidden by a phrase rule.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.text.spans import merge_spans
from reader.core.text.words import count_words

Span = tuple[int, int]

_SOCIAL = (
    r"facebook|twitter|x|instagram|whatsapp|linkedin|telegram|youtube|tiktok|reddit|pinterest|"
    r"flipboard|messenger|threads|bluesky|mastodon|snapchat|e-?mail|print|copy link|sms|rss"
)
_AGENCIES = (
    r"ap|afp|reuters|getty(?: images)?|epa|efe|dpa|anadolu(?: agency)?|xinhua|sana|ansa|"
    r"shutterstock|istock|alamy|pool|file|handout|courtesy"
)

# Related-links headers: the lines after them are link titles.
_HEADER = (
    r"read (?:also|more|next)|also read|see also|related(?: (?:articles?|stories|story|content|"
    r"news|coverage|topics|links|posts|reading|videos?))?|more (?:stories|news|articles|"
    r"on this (?:story|topic)|from [\w .'-]{1,40}|like this)|recommended(?: for you| stories|"
    r"articles| reading)?|you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|"
    r"most (?:read|popular|viewed|shared)|top stories|trending(?: now| stories)?|"
    r"editor'?s picks?|what to read next|further reading|don'?t miss|latest news|"
    r"in other news|more coverage|popular (?:stories|now)"
)

_PHRASES = [
    # ads
    r"advert(?:isement|isment)?(?:\s*[-–—:|]\s*.{0,40})?|ads?|sponsored(?: content| post| links?)?|"
    r"paid (?:content|post)|"
    r"promoted(?: content)?|partner content|(?:story|article) continues below(?: this)?"
    r"(?: advert(?:isement)?)?|continue reading\b.{0,60}|keep reading|"
    r"scroll (?:down )?to continue(?: with content| reading)?|skip (?:advert|ad)(?:isement)?|"
    r"ad feedback|report (?:this )?ad",
    # page navigation and app prompts; a breadcrumb trail ("Home > World > Middle East")
    r"[\w'’.&-]+(?: [\w'’.&-]+)?(?: [|>›»] [\w'’.&-]+(?: [\w'’.&-]+)?){1,5}|"
    r"skip to (?:main )?content|back to top|loading\W*|menu|search|home|donate|in pictures|"
    r"link copied\W*|copy(?:ed)? (?:the )?link|cookie (?:settings|policy|preferences)|"
    r"privacy (?:policy|settings|notice)|terms (?:of (?:use|service)|and conditions)|"
    r"contact us|about us|report (?:an? )?(?:error|typo|correction)|our standards\s*:.*|"
    r"this material may not be published, broadcast, rewritten,? or redistributed\W*|"
    r"(?:next|previous|prev) (?:article|story|post)\b.*|"
    r"(?:download|get|open in) (?:the |our )?app\b.*|(?:click|tap) here\b.*|"
    r"(?:tags?|topics?|filed under)(?:\s*:.*)?|watch(?: live| now| video| the video)?(?:\s*:.*)?|"
    r"this (?:article|story|page|content) is (?:more than|over) \w+ (?:years?|months?|days?) old|"
    r"(?:first |last )?(?:published|updated|posted|modified)(?:(?: on| at)?\s*:?\s*(?:\d|"
    r"(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r".{0,60})?",
    # related links: a header alone, or with the linked title after it
    rf"(?:{_HEADER})(?:\s*[:|\-–—»›>]\s*.*)?",
    # social and sharing
    rf"follow us\b.*|follow [\w .'@-]{{1,30}}:|"
    rf"follow [\w .'@-]{{1,30}} (?:on|at|via) (?:social media|{_SOCIAL})\b.*|"
    r"(?:like|find|join|connect with) us (?:on|at) .*|join (?:our|the) [\w ]{1,30} (?:channel|"
    r"group|community)\b.*|share this|share (?:this|the) (?:article|story|page|post|video)\b.*|"
    rf"share (?:on|via|with|to) .*|(?:share|tweet|email|print|save)(?: this)?(?: article)?|"
    rf"(?:(?:share|{_SOCIAL})[\s|,·•/]*){{1,12}}|"
    r"(?:leave a|show|hide|view|load|post a) (?:all |more )?comments?|\d+ comments?|"
    r"comments?(?: \(\d+\))?",
    # newsletters and paywalls
    r"(?:sign up|subscribe|register)\b.*\bnewsletters?\b.*|newsletters? sign[- ]?up.*|"
    r"(?:sign up|register)(?: now| here| today| for free| free)?|want to read more\b.*|"
    r"read (?:the )?(?:full|whole|original) (?:story|article|report|statement)\b.*|"
    r"join the (?:conversation|discussion)\b.*|"
    r"get (?:the|our) .*(?:newsletter|(?:in|to) your inbox).*|"
    r"sign up (?:to|for) (?:our|the) .*\b(?:emails?|alerts?|briefings?)\b.*|"
    r"want more (?:stories|news|articles) like this\b.*|"
    r"keep up(?: to date)? with (?:the |all the )?latest (?:news|updates|headlines)\b.*|"
    r"to (?:read|continue reading|view) the (?:full|whole|entire|rest of the) (?:story|article|"
    r"text|piece)\b.*|(?:are you )?already (?:a subscriber|subscribed|a member|registered|"
    r"have an account)\b.*|(?:click|tap) (?:here )?to (?:log ?in|sign ?in|subscribe|"
    r"register)\b.*|(?:log ?in|sign ?in)(?: here| now)?(?: to (?:continue|read|comment)\b.*)?|"
    r"subscribe(?: now| today| here| for free)?|subscribe (?:for|to (?:read|continue|get|unlock|"
    r"access|our|the))\b.*|become a (?:subscriber|member)\b.*|"
    r"this (?:article|story|content) is (?:only )?(?:available|reserved|for) (?:to |for )?"
    r"(?:our )?(?:subscribers|members|premium)\b.*|(?:get|unlock) (?:unlimited|full|digital) "
    r"access\b.*|enjoy (?:unlimited|full) access\b.*|start (?:your )?free trial\b.*|"
    r"create (?:a )?free account\b.*|"
    r"you(?:'ve| have) (?:reached|used) .*\b(?:articles|stories)\b.*|"
    r"you(?:'ve| have) read \d+ (?:of|out of) (?:your )?\d+ (?:free )?(?:articles|stories)\b.*|"
    r"support (?:our|independent|quality) journalism\b.*|(?:subscribers?|members?) only|"
    r"(?:premium|exclusive) content|please (?:enable javascript|disable your ad ?blocker)\b.*|"
    r"we use cookies\b.*|(?:accept|manage) (?:all )?cookies\b.*",
    # reading time, listening
    r"\d{1,3}\s*-?\s*(?:min|mins|minutes?)(?: read| reading| listen)?|"
    r"(?:reading|read) time:?.*\d+ ?min.*|listen(?: to this article| to this story)?"
    r"(?:\s*[\d:]+\s*(?:min)?)?",
    # credits, copyright
    r"(?:photo|photograph|picture|image|video|graphic|illustration|file photo)s?"
    r"(?: credits?)?\s*(?::|by\b|courtesy\b|via\b).*|(?:image |photo )?credits?\s*:.*|"
    r"(?:image|media|photo|video) (?:source|caption|copyright)(?:\s*[:,].*)?|"
    rf"source\s*:\s*(?:[\w .'-]{{1,40}} and )?(?:news )?agencies|"
    rf"source\s*:\s*(?:{_AGENCIES})(?:\s*(?:,|/|&|and)\s*(?:{_AGENCIES}))*|caption\s*:.*|"
    r"©.*|\(c\) ?\d{4}.*|copyright\s*(?:©|\(c\)|\d{4}).*|all rights reserved\b.*|"
    rf"[(\[]?(?:{_AGENCIES})(?: photo)?(?:\s*/\s*[\w .'-]+)*[)\]]?",
]
_PHRASE = re.compile(r"(?:" + "|".join(_PHRASES) + r")", re.IGNORECASE)
_HEADER_ONLY = re.compile(rf"(?:{_HEADER})\s*[:|\-–—»›>]?", re.IGNORECASE)
_CAPTION = re.compile(
    rf"[\[(][^\[\]()]{{0,80}}\b(?:{_AGENCIES}|photos?|photograph|images?|credit)\b"
    r"[^\[\]()]{0,80}[\])]$",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(  # "... on Tuesday. Photo: Jane Doe/AFP", "... AFP via Getty Images"
    r"(?:\b(?:photo|photograph|picture|image|credit)s?\s*(?::|by\b)\s*[^.:]{1,60}"
    rf"|\b(?:{_AGENCIES})(?: photo)?(?: via getty images)?(?:\s*/\s*[\w .'-]+)*)$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"[_\-*=~•·#+.—–]{3,}")
_BYLINE = re.compile(
    r"(?:[Bb]y:?\s+[A-Z][\w.'’-]+,?(?:\s+(?:[A-Z][\w.'’-]*,?|and|&|in|,))*"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2},?(?: [A-Za-z-]+){0,3} (?:correspondent|editor|"
    r"reporter|writer|columnist))"  # "Jane Doe Environment correspondent"
    # then what a page prints beside the name: "· 7 February 2020 · 4 min read"
    r"(?:\s*[·•|]\s*[\w ,:.'’/-]{1,30}){0,3}\s*[·•|]?"
)
_CLOSERS = "\"'”’»)]*_」』）"
# Sentence ends and clause marks in the scripts news is written in: a Chinese line ends in
# "。", an Arabic question in "؟", a Hindi sentence in "।". English-only marks made every
# line of a Chinese article look like a title, and the body a menu.
_FULL_STOPS = (".", "!", "?", "…", "。", "！", "？", "؟", "۔", "।", "｡")
_NOT_TITLE_ENDS = (".", ":", ";", ",", "。", "：", "；", "，", "、", "؛", "،")
_MAX_PHRASE_WORDS = 25
_SHORT_WORDS = 6  # a repeated line this short is a label, not prose
_TOP_MENU_WORDS = 3
_KICKER_WORDS = 2


@dataclass(frozen=True, slots=True)
class Line:
    """A line's visible part: offsets of its first and last visible character, its text."""

    number: int
    start: int
    end: int
    content: str  # visible characters, spaces collapsed


def visible_lines(text: str, hidden: Sequence[Span] = (), limit: int | None = None) -> list[Line]:
    """Non-empty lines with hidden characters left out; hidden must be sorted and merged.

    limit: stop after that many lines (a header is all some callers read).
    """
    starts = [s for s, _ in hidden]
    out: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n")):
        if limit is not None and len(out) >= limit:
            break
        lo, hi = pos, pos + len(raw)
        pos = hi + 1
        j = max(bisect_right(starts, lo) - 1, 0)
        touching = []
        for s, e in hidden[j:]:
            if s >= hi:
                break
            if e > lo:
                touching.append((s, e))
        if not touching:
            line = raw.strip()
            if line:
                a = lo + len(raw) - len(raw.lstrip())
                out.append(Line(number, a, a + len(line), " ".join(line.split())))
            continue
        seen = list(raw)
        for s, e in touching:
            for i in range(max(s, lo), min(e, hi)):
                seen[i - lo] = " "
        shown = [i for i, c in enumerate(seen) if not c.isspace()]
        if shown:
            content = " ".join("".join(seen).split())
            out.append(Line(number, lo + shown[0], lo + shown[-1] + 1, content))
    return out


# Every test of a line's length in words asks about at most this many: a longer line's count
# is cut here, so a paragraph of running text is not counted to its end for each test.
_ENOUGH_WORDS = _MAX_PHRASE_WORDS + 1
# Windows that usually hold that many words, the narrowest first: a paragraph of running text
# has them in its first 200 characters (English runs to six characters a word).
_ENOUGH_CHARS = (200, 400)


@lru_cache(maxsize=4096)
def _words(content: str) -> int:
    """Words as the engine counts them, up to _ENOUGH_WORDS: each Chinese or Japanese character
    is one, so a line of running Chinese text is long, as it is, not one "word" because it has
    no spaces. The words of a text's first characters are at most its words (a cut can shorten
    its last word, not split it), so enough words there is enough for the whole."""
    for chars in (*_ENOUGH_CHARS, len(content)):
        window = count_words(content, 0, chars)
        if window >= _ENOUGH_WORDS or len(content) <= chars:
            break
    return min(window, _ENOUGH_WORDS)


def is_headline_shaped(content: str) -> bool:
    """Short, and not ended by a full stop or colon: a title, label or link, not a sentence.
    The ending first: most lines are paragraphs of running text, told by it without counting
    their words (a third of the loading of two 100,000-word versions)."""
    if content.rstrip(_CLOSERS + " ").endswith(_NOT_TITLE_ENDS):
        return False
    return 1 <= _words(content) <= 20 and any(c.isalpha() for c in content)


def is_phrase(content: str) -> bool:
    return _words(content) <= _MAX_PHRASE_WORDS and _PHRASE.fullmatch(content) is not None


def _is_caption(content: str) -> bool:
    """A picture's caption or credit: ends in a bracketed or labelled credit."""
    if content.endswith("."):
        return False
    if _CAPTION.search(content):
        return True
    m = _CREDIT_TAIL.search(content)
    return m is not None and (m.start() == 0 or content[: m.start()].rstrip().endswith((".", "|")))


def _is_sentence(content: str) -> bool:
    """A line of running text: the last line of an article body is one."""
    words = _words(content)
    tail = content.rstrip(_CLOSERS + " ")
    return words >= 20 or (words >= 4 and tail.endswith(_FULL_STOPS))


def _key(content: str) -> str:
    return content.casefold().strip(" .:|-–—»›")


def find_furniture(articles: Sequence[tuple[str, Sequence[Span]]]) -> list[list[Span]]:
    """Furniture spans of each (text, already hidden spans) article, in the same order."""
    all_lines = [visible_lines(text, merge_spans(hidden)) for text, hidden in articles]
    firsts = [_title_index(lines) for lines in all_lines]
    # Short non-sentence lines seen twice: within one article, or in two articles.
    per_article = [
        Counter(_key(ln.content) for i, ln in enumerate(lines) if i != t and _is_label(ln.content))
        for lines, t in zip(all_lines, firsts, strict=True)
    ]
    across: Counter[str] = Counter()
    for counts in per_article:
        across.update(counts.keys())
    titles = {
        _key(lines[t].content) for lines, t in zip(all_lines, firsts, strict=True) if t < len(lines)
    }
    repeated = {k for k, n in across.items() if n >= 2 and k not in titles}
    out = []
    for lines, t, counts in zip(all_lines, firsts, per_article, strict=True):
        twice = repeated | {k for k, n in counts.items() if n >= 2 and k not in titles}
        out.append(_article_furniture(lines, t, twice))
    return out


def _title_index(lines: list[Line]) -> int:
    """The first line that no phrase rule hides: the title, or the first line of the body.

    A one- or two-word label over a longer headline is the section's kicker ("Flooding"), not
    the title: no news headline is that short when a headline-shaped line follows it.
    """
    shown = (
        i
        for i, ln in enumerate(lines)
        if not (is_phrase(ln.content) or _SEPARATOR.fullmatch(ln.content))
    )
    kept = list(itertools.islice(shown, 2))  # the phrase rules run over every line once, later
    if not kept:
        return len(lines)
    menu = _menu_run(lines, kept[0])
    if menu > kept[0]:  # a site's menu above the headline: the headline follows it
        rest = [i for i in range(menu, len(lines)) if not is_phrase(lines[i].content)][:2]
        if rest:
            kept = rest
    if len(kept) > 1:
        first, second = lines[kept[0]].content, lines[kept[1]].content
        if (
            _words(first) <= _KICKER_WORDS
            and is_headline_shaped(first)
            and _words(second) > _KICKER_WORDS + 1
            and is_headline_shaped(second)
            and not (_is_caption(second) or _BYLINE.fullmatch(second))
        ):
            return kept[1]
    return kept[0]


def _menu_run(lines: list[Line], start: int) -> int:
    """The line after a run of three or more one-to-three-word labels from `start` (phrases
    such as a cookie banner may sit among them) that a longer headline follows: a site's menu
    above the headline. Else `start`."""
    i, labels = start, 0
    while i < len(lines):
        c = lines[i].content
        if _words(c) <= _TOP_MENU_WORDS and is_headline_shaped(c):
            labels += 1
        elif not (is_phrase(c) or _SEPARATOR.fullmatch(c)):  # a cookie banner within a menu
            break
        i += 1
    if labels < 3 or i >= len(lines):
        return start
    after = lines[i].content  # a headline, longer than any menu item, must follow the menu
    return i if is_headline_shaped(after) and _words(after) > _TOP_MENU_WORDS else start


def _is_label(content: str) -> bool:
    return is_headline_shaped(content) and _words(content) <= _SHORT_WORDS


def _article_furniture(lines: list[Line], title: int, repeated: set[str]) -> list[Span]:
    if not lines:
        return []
    hide = [i < title for i in range(len(lines))]  # phrases and a kicker above the title
    for i, ln in enumerate(lines):
        c = ln.content
        if (
            is_phrase(c)
            or _SEPARATOR.fullmatch(c)
            or _is_caption(c)
            or (i != title and _key(c) in repeated and _is_label(c))
        ):
            hide[i] = True
    # After a related-links header: the link titles that follow it.
    for i, ln in enumerate(lines):
        if _HEADER_ONLY.fullmatch(ln.content):
            j = i + 1
            while (
                j < len(lines)
                and j - i <= 8
                and j != title
                and is_headline_shaped(lines[j].content)
            ):
                hide[j] = True
                j += 1
    # The tail after the last sentence of the body: when it holds furniture, it all is.
    body = [i for i, ln in enumerate(lines) if not hide[i] and _is_sentence(ln.content)]
    tail = range(max(body[-1] if body else 0, title) + 1, len(lines))
    if any(hide[i] for i in tail):
        for i in tail:
            if is_headline_shaped(lines[i].content):
                hide[i] = True
    # Above the first sentence: a run of three or more one-to-three-word lines is a menu.
    first_body = body[0] if body else len(lines)
    runs: list[list[int]] = [[]]
    for i in range(title + 1, first_body):
        content = lines[i].content
        if _words(content) <= _TOP_MENU_WORDS and is_headline_shaped(content):
            runs[-1].append(i)
        else:
            runs.append([])
    for run in runs:
        if len(run) >= 3:
            for k in run:
                hide[k] = True
    # A byline under the title, or under the standfirst (one sentence) that follows it.
    second_body = body[1] if len(body) > 1 else len(lines)
    for i in range(title + 1, min(second_body, title + 6)):
        if _BYLINE.fullmatch(lines[i].content) and _words(lines[i].content) <= 10:
            hide[i] = True
    return [(ln.start, ln.end) for ln, h in zip(lines, hide, strict=True) if h]
