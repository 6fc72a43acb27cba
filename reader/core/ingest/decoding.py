"""Bytes of an article file to text: any common encoding, newlines as "\\n", binaries refused.

News files arrive as UTF-8, UTF-8 with BOM, UTF-16 (with or without BOM, from Windows tools)
and cp1252 (Word's smart quotes 0x93/0x94); charset-normalizer covers other scripts.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.core.model import EmptyArticle, InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)

_STRAY = re.compile("[\udc80-\udcff]")  # undecodable bytes, from "surrogateescape"
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # not tab, newlines, form feed, ESC


# A text file may carry a stray NUL (a bad copy, a truncated download); binary data has them
# everywhere. One NUL in a hundred bytes and more is binary.
_NUL_SHARE = 100


def refuse_non_text(head: bytes, where: str) -> None:
    """InputError for an image, a PDF, an archive, a program: what its first bytes say. The
    command line asks this of a file's first block before the reader's screen opens."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"not a text file ({kind}): {where}")


def decode_article(data: bytes, where: str) -> str:
    """Text of an article file; raises InputError for an empty or binary file."""
    if not data.strip():
        raise EmptyArticle(f"empty article: {where}")
    refuse_non_text(data, where)
    text = _decode(data, where)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "\ufffd")  # a stray NUL (a copy error) is shown, not fatal
    if _looks_binary(text):
        raise InputError(f"not a text file (binary data): {where}")
    if not _has_words(text):  # blank, or punctuation alone
        raise EmptyArticle(f"empty article: {where}")
    return text


def _decode(data: bytes, where: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding == "utf-8":
                    return _legacy_bytes(data[len(bom) :].decode("utf-8", "surrogateescape"))
                raise InputError(f"not a text file (broken {encoding}): {where}") from exc
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return guessed
    if data.count(b"\x00") * _NUL_SHARE > len(data):
        raise InputError(f"not a text file (binary data): {where}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file: slow import

    best = from_bytes(data).best()
    if best is not None and _mostly_non_latin(str(best)):
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned in cp1252
        return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray cp1252 bytes (text pasted from Word into a UTF-8 file)."""
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_STRAY.findall(text))
    valid = len(_NON_ASCII.findall(text)) - stray
    return _legacy_bytes(text) if valid >= max(1, stray) else None


def _legacy_bytes(text: str) -> str:
    """Bytes that were not UTF-8 (held as surrogates) read as cp1252, else latin-1."""

    def one(m: re.Match[str]) -> str:
        byte = bytes([ord(m.group(0)) - 0xDC00])
        try:
            return byte.decode("cp1252")
        except UnicodeDecodeError:
            return byte.decode("latin-1")

    return _STRAY.sub(one, text)


def _mostly_non_latin(text: str) -> bool:
    """Whether a detected decoding reads as another script (Cyrillic, Greek, CJK ...).

    On a short Western article charset-normalizer often names a DOS or Baltic code page;
    English news written on Windows is cp1252, so Latin-looking guesses are not trusted.
    """
    letters = [c for c in text[:20000] if c > "\x7f" and c.isalpha()]
    foreign = sum(1 for c in letters if not unicodedata.name(c, "LATIN").startswith("LATIN"))
    return foreign > len(letters) / 2


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII characters has a NUL in every other byte."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        encoding = "utf-16-le"
    elif even >= 0.3 * pairs and odd <= 0.02 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _looks_binary(text: str) -> bool:
    """NUL, more control characters than text has, or a few stray bytes with no word at all
    (four bytes can pass for UTF-16)."""
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        return True
    return controls > 0 and not _has_words(sample)
