"""Article text is data: control characters are made visible so no terminal acts on them."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include the 8-bit CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ESC shows as ␛
    return "␡" if code == 0x7F else "�"


def printable(text: str) -> str:
    """Text with the same length, every control character replaced by a visible symbol."""
    return _CONTROL.sub(_visible, text)
