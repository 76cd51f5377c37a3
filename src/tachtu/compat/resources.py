"""Reading the VnCoreNLP data files shipped in ``tachtu/compat/data``.

The files are the RDRsegmenter/VnCoreNLP lists exactly as converted in the shared data kit
(TSV with a header line, or one entry per line). Entries whose exact code points matter
(one abbreviation starts with an invisible U+FEFF) are read from their ``codepoints`` column.

>>> from_codepoints("U+FEFF U+0042")
'\\ufeffB'
>>> len(read_tsv("tone-normalization.tsv"))
16
"""

from __future__ import annotations

import csv
from pathlib import Path

from tachtu.errors import ModelError

DATA_DIR = Path(__file__).with_name("data")


def data_path(name: str) -> Path:
    """The path of one shipped data file; :class:`ModelError` if it is missing."""
    path = DATA_DIR / name
    if not path.is_file():
        raise ModelError(f"tachtu.compat data file missing: {path}")
    return path


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of a shipped TSV file (first line = column names), fields taken verbatim."""
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_lines(name: str) -> list[str]:
    """The non-empty lines of a shipped one-entry-per-line file."""
    return [line for line in data_path(name).read_text(encoding="utf-8").split("\n") if line]


def from_codepoints(spec: str) -> str:
    """Turn ``"U+0041 U+0042"`` into ``"AB"``."""
    return "".join(chr(int(cp[2:], 16)) for cp in spec.split())


def ordered_entries(name: str) -> tuple[str, ...]:
    """The entries of an ``order, entry, codepoints`` list, in its ``order``."""
    rows = sorted(read_tsv(name), key=lambda row: int(row["order"]))
    return tuple(from_codepoints(row["codepoints"]) for row in rows)
