"""Bytes to text: invalid UTF-8 is reported with the file name, line, column and byte offset;
byte-order marks and legacy Vietnamese encodings are recognised."""

import io
import unicodedata

import pytest

from tachtu.errors import EncodingError, InputError
from tachtu.text.decode import decode, iter_lines, open_input


def test_decode_valid_and_bom():
    assert decode("\ufeffHà Nội".encode()) == "Hà Nội"
    assert decode("Thu\u0309y".encode()) == "Thu\u0309y"  # decomposed text is kept as is


def test_invalid_utf8_names_source_and_byte_offset():
    with pytest.raises(InputError) as info:
        decode("Hà Nội ".encode() + b"\xc3(", source="tin.txt")
    assert str(info.value).startswith("tin.txt: byte 10: invalid UTF-8")
    assert info.value.position == 10 and info.value.source == "tin.txt"


def test_replace_mode():
    assert decode(b"a\xffb\x00", errors="replace") == "a\ufffdb\x00"
    with pytest.raises(ValueError):
        decode(b"a", errors="ignore")


def test_iter_lines_reports_file_offsets():
    data = "dòng một\r\ndòng hai\n".encode() + b"x\xfe\n"
    stream = io.BytesIO(data)
    lines = iter_lines(stream, "a.txt")
    assert next(lines) == "dòng một" and next(lines) == "dòng hai"
    bad = data.index(b"\xfe")
    with pytest.raises(InputError, match=f"a.txt: byte {bad}: invalid UTF-8"):
        next(lines)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        open_input(str(tmp_path / "nope.txt"))


# Real news text in each legacy encoding, made by hand from the encodings' tables (Python has
# only windows-1258, which needs the tone marks as separate combining characters).
NEWS = ("Trường Đại học Hà Nội tổ chức lễ khai giảng năm học mới cho hàng nghìn sinh viên.\n"
        "Thủy điện Hòa Bình đã xả lũ, người dân ở hạ du được báo trước.\n")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """windows-1258 as Vietnamese software writes it: base letters, then a combining tone mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


VNI = ("Tröôøng Ñaïi hoïc Haø Noäi toå chöùc leã khai giaûng naêm hoïc môùi cho haøng nghìn sinh vieân.\n"
       "Thuûy ñieän Hoøa Bình ñaõ xaû luõ, ngöôøi daân ôû haï du ñöôïc baùo tröôùc.\n").encode("latin-1")
TCVN3 = ("Tr\xadêng \xa7\xb9i häc Hµ Néi tæ chøc lÔ khai gi¶ng n¨m häc míi cho hµng ngh×n sinh viªn.\n"
         "Thñy \xaei\xd6n Hßa B×nh \xae· x¶ lò, ng\xad\xeai d©n ë h¹ du \xae\xad\xeec b¸o tr\xad\xedc.\n"
         ).encode("latin-1")


@pytest.mark.parametrize("encoding, data", [("cp1258", cp1258(NEWS)), ("vni", VNI), ("tcvn3", TCVN3)])
def test_legacy_vietnamese_is_named_and_read(encoding, data):
    for errors in ("strict", "replace"):  # replacing a whole file would lose it
        with pytest.raises(EncodingError, match=f"--encoding {encoding}") as info:
            decode(data, source="old.txt", errors=errors)
        assert info.value.encoding == encoding and "line 1, column 3" in str(info.value)
    assert decode(data, encoding=encoding) == NEWS
    assert list(iter_lines(io.BytesIO(data), "old.txt", encoding=encoding)) == NEWS.splitlines()


def test_a_few_bad_bytes_in_utf8_are_not_a_legacy_encoding():
    data = NEWS.encode() + b"\xff\xfe " + NEWS.encode()
    with pytest.raises(InputError, match="invalid UTF-8 .byte 0xff. at line 3, column 1") as info:
        decode(data)
    assert not isinstance(info.value, EncodingError)
    assert decode(data, errors="replace").count("\ufffd") == 2


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_says_the_encoding(codec):
    data = (("\ufeff" if codec == "utf-16-be" else "") + NEWS).encode(codec)
    assert decode(data) == NEWS
    assert list(iter_lines(io.BytesIO(data), "wide.txt")) == NEWS.splitlines()


def test_segment_and_clean_treat_the_same_bytes_the_same(tmp_path):
    from tests.test_cli_errors import one_line_error, tachtu

    old = tmp_path / "old.txt"
    old.write_bytes(cp1258(NEWS * 3))
    for command in ("segment", "clean"):
        for errors in ("strict", "replace"):
            one_line_error(tachtu(command, str(old), "--errors", errors),
                           "byte 2: not UTF-8 at line 1, column 3", "windows-1258", "--encoding cp1258")
    r = tachtu("segment", str(old), "--encoding", "cp1258")
    assert r.returncode == 0 and r.stdout.decode().startswith("Trường Đại_học Hà_Nội tổ_chức")
    wide = tmp_path / "wide.txt"
    wide.write_bytes(NEWS.encode("utf-16"))
    r = tachtu("segment", str(wide))
    assert r.returncode == 0 and r.stdout.decode().count("\n") == 2
    one_line_error(tachtu("segment", str(old), "--encoding", "nope"), "unknown encoding 'nope'")


def test_declared_charset_is_a_hint():
    page = '<meta charset="windows-1258"><p>Hà Đông</p>'
    data = page.encode("cp1258")
    assert decode(data, charset="windows-1258") == page
    assert decode(page.encode(), charset="iso-8859-1") == page  # Latin label on UTF-8: UTF-8
    assert decode(page.encode(), charset="no-such-codec") == page  # unknown label: ignored
    with pytest.raises(InputError):
        decode(b"caf\xe9 \xff", charset="utf-8")
    assert decode("café".encode("latin-1"), charset="ISO-8859-1") == "café"


def test_one_binary_test():
    from tachtu.text.decode import is_binary

    assert is_binary(bytes(range(256)) * 4) and is_binary(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert not is_binary("Hà\x00 Nội mùa thu".encode())  # one stray NUL in text
    assert not is_binary("Hà Nội\tmùa thu\r\n".encode("utf-16"))  # UTF-16 with its mark
    assert not is_binary(b"")
