"""Decoding bytes of any encoding a saved page may use, and refusing binary data."""

import codecs
import gzip

import pytest

from reader.documents.encoding import NotText, decode

RUSSIAN = (
    "Министр иностранных дел Сергей Лавров заявил: «Нет позитивной реакции по главному вопросу»."
)
FRENCH = (
    "Le ministre a déclaré : « Il n’y aura pas de guerre », a-t-il ajouté à Genève. Œuvre, façade."
)
GERMAN = "„Wir werden das nicht akzeptieren“, sagte der Außenminister über die Maßnahmen in Köln."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (FRENCH, "cp1252"), (GERMAN, "cp1252"), (RUSSIAN * 3, "koi8-r")],
)
def test_legacy_single_byte_encodings_decode_to_the_original_text(text, encoding):
    if encoding == "koi8-r":
        text = text.replace("«", '"').replace("»", '"')
    decoded, _ = decode(text.encode(encoding))
    assert decoded == text


@pytest.mark.parametrize("bom_encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_honoured_and_dropped(bom_encoding):
    data = FRENCH.encode(bom_encoding)
    if bom_encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be")
    decoded, _ = decode(data)
    assert decoded == FRENCH


def test_plain_utf8_is_read_as_utf8():
    assert decode(RUSSIAN.encode()) == (RUSSIAN, "utf-8")


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, gzip.compress(b"<html>" * 100), b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n"],
)
def test_binary_data_is_refused_with_a_reason(data):
    with pytest.raises(NotText, match="binary"):
        decode(data)
