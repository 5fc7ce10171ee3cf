"""Turning a file's bytes into text: BOMs, UTF-8, legacy single-byte encodings, binary refusal."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"7z\xbc",
)
_LEGACY_FALLBACK = "cp1252"
# Among equally plausible decodings, the encodings most used on the web come first.
_COMMON_LEGACY = ("cp1252", "cp1251", "cp1250", "koi8_r", "cp1253", "cp1254", "cp1257", "latin_1")


class NotText(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name). Raise `NotText` for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name
            except UnicodeDecodeError as error:
                raise NotText(f"broken {name} text at byte {error.start}") from None
    for magic in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotText("binary file (compressed archive, PDF or image), not text")
    if b"\x00" in data[:65536]:
        raise NotText("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    encoding = _guess_legacy(data[:262144])
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = _LEGACY_FALLBACK
        text = data.decode(encoding, errors="replace")
    if _control_ratio(text) > 0.05:
        raise NotText("binary file (too many control characters)")
    return text, encoding


def _guess_legacy(sample: bytes) -> str:
    matches = list(from_bytes(sample))
    if not matches:
        return _LEGACY_FALLBACK
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.01]

    def rank(match) -> tuple[int, float]:
        name = match.encoding
        prior = _COMMON_LEGACY.index(name) if name in _COMMON_LEGACY else len(_COMMON_LEGACY)
        return prior, -match.coherence

    return min(plausible, key=rank).encoding


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / len(sample)
