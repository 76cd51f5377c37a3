"""Bytes to text: invalid UTF-8 is reported with the file name and the byte offset."""

import io

import pytest

from tachtu.errors import InputError
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
