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
