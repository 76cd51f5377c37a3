"""Syllable keys and the word lists the model uses as features (read at training time only).

Only lists whose licence allows shipping a model trained with them are used
(see ``SOURCES``); the GPL/LGPL lists in ``shared/data/dict`` are left out.

>>> canonical("HÒA"), canonical("hoà"), canonical("Thủy"), canonical("Ðà")
('hoà', 'hoà', 'thuỷ', 'đà')
"""

from __future__ import annotations

import re
from pathlib import Path

# New-style -> old-style tone placement on oa/oe/uy (the form VnCoreNLP and PhoBERT use),
# so that "hòa" and "hoà" are one key. Only the open syllables differ between the styles.
_TONE_MOVE = {
    "òa": "oà", "óa": "oá", "õa": "oã", "ọa": "oạ", "ỏa": "oả",
    "òe": "oè", "óe": "oé", "õe": "oẽ", "ọe": "oẹ", "ỏe": "oẻ",
    "ùy": "uỳ", "úy": "uý", "ũy": "uỹ", "ụy": "uỵ", "ủy": "uỷ",
}
_TONE_RE = re.compile("|".join(_TONE_MOVE))
_ETH = str.maketrans("ðÐ", "đĐ")


def canonical(text: str) -> str:
    """The lookup key of a syllable: lower case, old-style tone placement, Icelandic eth as đ."""
    return _TONE_RE.sub(lambda m: _TONE_MOVE[m.group()], text.lower().translate(_ETH))


# Dictionary groups (one feature set each), with the files (relative to shared/data/dict) and
# their licences. Group order is part of the model format.
SOURCES: dict[str, list[tuple[str, str]]] = {
    "rdrsegmenter": [("rdrsegmenter-vnvocab.txt", "Apache-2.0")],
    "pyvi": [("pyvi-words.txt", "MIT")],
    "wiktionary": [("wiktionary-vi-headwords.txt", "CC BY-SA 3.0")],
    "underthesea-col": [("underthesea-col-dictionary.tsv", "Apache-2.0")],
    "places": [("rdrsegmenter-lexicons.tsv", "Apache-2.0")],
}
PLACE_CATEGORIES = {"VN_LOCATIONS", "COUNTRY_S_NAME", "COUNTRY_L_NAME", "WORLD_COMPANY"}

# Syllable flags (bit values) from name lists.
FAMILY, MIDDLE, GIVEN = 1, 2, 4


def _read_entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".tsv":
        rows = [line.split("\t") for line in lines[1:]]
        if path.name.startswith("rdrsegmenter-lexicons"):
            return [r[1] for r in rows if len(r) > 1 and r[0] in PLACE_CATEGORIES]
        return [r[0] for r in rows]
    return lines


def load_dictionaries(dict_dir: Path) -> dict[str, list[list[str]]]:
    """Each group's multi-syllable entries as lists of syllable keys."""
    groups: dict[str, list[list[str]]] = {}
    for group, files in SOURCES.items():
        entries = set()
        for name, _licence in files:
            for entry in _read_entries(dict_dir / name):
                syllables = tuple(canonical(s) for s in entry.split())
                if len(syllables) > 1:
                    entries.add(syllables)
        groups[group] = [list(e) for e in sorted(entries)]
    return groups


def load_name_flags(dict_dir: Path) -> dict[str, int]:
    """Syllable key -> FAMILY | MIDDLE | GIVEN bits, from the name lists."""
    flags: dict[str, int] = {}
    for line in (dict_dir / "rdrsegmenter-lexicons.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        category, _, entry = line.partition("\t")
        bit = {"VN_FAMILY_NAMES": FAMILY, "VN_MIDDLE_NAMES": MIDDLE}.get(category)
        if bit and " " not in entry:
            key = canonical(entry)
            flags[key] = flags.get(key, 0) | bit
    for name in ("names-given-male.txt", "names-given-female.txt"):
        for line in (dict_dir / name).read_text(encoding="utf-8").splitlines():
            for syllable in line.split():
                key = canonical(syllable)
                flags[key] = flags.get(key, 0) | GIVEN
    return flags


NAME_SOURCES = [("rdrsegmenter-lexicons.tsv", "Apache-2.0"), ("names-given-male.txt", "MIT"),
                ("names-given-female.txt", "MIT")]
