"""The read stage's decoding: every encoding a saved government page comes in, and clear refusals."""

from __future__ import annotations

import codecs
import random

import pytest

from kg.read.decode import decode_bytes
from kg.read.errors import ReadError

# Invented text (no real release): simplified and its traditional form.
SIMPLIFIED = ("青山市委书记林浩然主持召开市委外事工作委员会第三次会议，"
              "深入学习贯彻习近平外交思想。市长周文博出席会议。")
TRADITIONAL = ("青山市委書記林浩然主持召開市委外事工作委員會第三次會議，"
               "深入學習貫徹習近平外交思想。市長周文博出席會議。")
ENGLISH = "Lin Haoran, Secretary of the CPC Qingshan Municipal Committee, presided over the meeting."


def test_gbk_is_read_as_gbk() -> None:
    d = decode_bytes(SIMPLIFIED.encode("gbk"), "x.txt")
    assert d.text == SIMPLIFIED
    assert d.encoding == "gb18030"


def test_big5_is_not_read_as_gbk_mojibake() -> None:
    d = decode_bytes(TRADITIONAL.encode("big5"), "x.txt")
    assert d.text == TRADITIONAL
    assert d.encoding in {"big5", "cp950", "big5hkscs"}


def test_traditional_characters_saved_as_gbk_stay_gbk() -> None:
    d = decode_bytes(TRADITIONAL.encode("gbk"), "x.txt")
    assert d.text == TRADITIONAL
    assert d.encoding == "gb18030"


def test_short_big5_and_gbk_headlines() -> None:
    assert decode_bytes("青山市長會見來賓".encode("big5"), "x").text == "青山市長會見來賓"
    assert decode_bytes("青山市长会见来宾".encode("gbk"), "x").text == "青山市长会见来宾"


@pytest.mark.parametrize("enc", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks(enc: str) -> None:
    data = SIMPLIFIED.encode(enc)
    if enc in {"utf-16-le", "utf-16-be"}:
        bom = codecs.BOM_UTF16_LE if enc.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    d = decode_bytes(data, "x.txt")
    assert d.text == SIMPLIFIED


def test_plain_utf8_and_ascii() -> None:
    assert decode_bytes(SIMPLIFIED.encode(), "x").encoding == "utf-8"
    assert decode_bytes(ENGLISH.encode(), "x").text == ENGLISH


def test_utf16_without_bom_is_recognised_not_called_binary() -> None:
    d = decode_bytes(ENGLISH.encode("utf-16-le"), "x.txt")
    assert d.text == ENGLISH


@pytest.mark.parametrize("enc", ["utf-8", "gbk", "big5"])
def test_capture_cut_inside_a_character_is_normal_input(enc: str) -> None:
    text = TRADITIONAL if enc == "big5" else SIMPLIFIED
    data = text.encode(enc)[:-1]  # the last character loses its final byte
    d = decode_bytes(data, "x.txt")
    assert d.text == text[:-1]


@pytest.mark.parametrize("enc", ["utf-8", "gbk", "big5"])
def test_a_corrupted_byte_inside_a_long_capture_is_replaced(enc: str) -> None:
    text = ((TRADITIONAL if enc == "big5" else SIMPLIFIED) + "\n") * 30
    data = bytearray(text.encode(enc))
    data[len(data) // 2] = 0xFF  # one bad byte in the middle
    d = decode_bytes(bytes(data), "x.txt")
    assert 1 <= d.text.count("\ufffd") <= 4
    assert d.text[:40] == text[:40] and d.text[-40:] == text[-40:]


def test_windows_1252_quotes_in_an_english_page() -> None:
    text = "Lin Haoran said \u201cQingshan welcomes you\u201d \u2014 caf\u00e9 talks."
    assert decode_bytes(text.encode("cp1252"), "x").text == text


def test_declared_charset_is_honoured_when_consistent() -> None:
    assert decode_bytes(SIMPLIFIED.encode("gbk"), "x", declared="gb2312").text == SIMPLIFIED
    # a page that says utf-8 but was saved as Big5: the bytes win
    assert decode_bytes(TRADITIONAL.encode("big5"), "x", declared="utf-8").text == TRADITIONAL
    # a page that says gb2312 but is Big5: the declared decoding is mojibake, detection wins
    assert decode_bytes(TRADITIONAL.encode("big5"), "x", declared="gb2312").text == TRADITIONAL


def test_random_high_bytes_are_undecodable() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(ReadError, match="undecodable"):
        decode_bytes(data, "noise.txt")


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"PK\x03\x04" + bytes(range(256)), "zip"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    (b"abc\x00def\x00" * 50, "NUL"),
    (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
])
def test_binary_files_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(ReadError, match="binary") as e:
        decode_bytes(data, "photo.txt")
    assert kind in str(e.value)
    assert e.value.path == "photo.txt"
