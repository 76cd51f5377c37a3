"""The word lists the model uses as features (read at training time only), keyed by
:func:`~tachtu.text.syllable.syllable_key`.

Only lists whose licence allows shipping a model trained with them are used
(see ``SOURCES``); the GPL/LGPL lists in ``shared/data/dict`` are left out.
"""

from __future__ import annotations

from pathlib import Path

from tachtu.text.syllable import syllable_key


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
                syllables = tuple(syllable_key(s) for s in entry.split())
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
            key = syllable_key(entry)
            flags[key] = flags.get(key, 0) | bit
    for name in ("names-given-male.txt", "names-given-female.txt"):
        for line in (dict_dir / name).read_text(encoding="utf-8").splitlines():
            for syllable in line.split():
                key = syllable_key(syllable)
                flags[key] = flags.get(key, 0) | GIVEN
    return flags


NAME_SOURCES = [("rdrsegmenter-lexicons.tsv", "Apache-2.0"), ("names-given-male.txt", "MIT"),
                ("names-given-female.txt", "MIT")]
