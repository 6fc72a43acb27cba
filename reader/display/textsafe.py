"""Article text is data: control characters are made visible so no terminal acts on them.

The one rule for every place that shows article or note text (the reader, dialogs, the text
and Markdown reports): C0 controls but tab and newline become their Unicode "control
pictures" (ESC shows as ␛), DEL becomes ␡, and C1 controls (the 8-bit CSI among them) and the
line and paragraph separators U+2028/U+2029 (which some terminals and viewers break lines on)
become �. Each is one character for one, so offsets into the text stay valid.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)
    return "␡" if code == 0x7F else "�"


def printable(text: str) -> str:
    """Text with the same length, every control character replaced by a visible symbol."""
    if _CONTROL.search(text) is None:
        return text  # most texts: one search, no copy
    return _CONTROL.sub(_visible, text)


# CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones that
# would turn article text into markup (HTML tags, links, emphasis, code, table cells).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")


def markdown_text(text: str) -> str:
    """Article text on one line of a Markdown document, shown as written: a viewer renders
    `<img src=x onerror=...>` or `[link](javascript:...)` from an article as plain text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


# JSON may carry any character raw but C0 controls; these are escaped too, because a report
# printed to a terminal would act on them (U+009B is a CSI in some terminals).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_safe(encoded: str) -> str:
    """JSON text with DEL, C1 controls and the line separators written as \\u escapes (they
    only occur inside strings, where an escape means the same character)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
