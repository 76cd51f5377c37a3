"""The one syllable grammar accepts exactly what the two grammars it replaced accepted.

``tests/data/syllables-before-merge.txt.gz`` lists every distinct letter run of the shared gold
data (``ws/*.raw.txt``) and of the first 2,000 articles of each ``raw/*.jsonl.gz`` that either
old copy (``text/tone.py`` ``_NUCLEI``, ``corpus/syllables.py`` ``_VOWEL_GROUPS``, at commit
ac1f184) accepted, made by running both over those runs before they were deleted.
"""

from __future__ import annotations

import gzip
import itertools
import json
import unicodedata
from pathlib import Path

import regex

from tachtu.text.syllable import is_syllable, place_tone

#: accepted by the old tone.py only, a mark under a consonant: not a Vietnamese syllable
NOT_SYLLABLES = {"ṣa"}


def _letter_runs(shared_data: Path) -> set[str]:
    runs = regex.compile(r"\p{L}+")
    found: set[str] = set()
    for path in sorted((shared_data / "ws").glob("*.raw.txt")):
        found |= set(runs.findall(unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))))
    for path in sorted((shared_data / "raw").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in itertools.islice(f, 2000):
                found |= set(runs.findall(unicodedata.normalize("NFC", json.loads(line)["text"])))
    return found


def _before() -> list[str]:
    return gzip.decompress((Path(__file__).parent / "data" / "syllables-before-merge.txt.gz")
                           .read_bytes()).decode().split()


def test_merged_grammar_accepts_what_either_old_copy_accepted(shared_data):
    before = _before()
    accepted = {run for run in _letter_runs(shared_data) if is_syllable(run)}
    assert len(before) > 10_000 and "OAO" in before  # the nucleus only corpus/syllables.py had
    assert accepted == set(before) - NOT_SYLLABLES


def test_every_accepted_syllable_keeps_its_letters_under_tone_placement():
    before = _before()
    for word in before:
        for tone in ("old", "new"):
            placed = place_tone(word, tone)
            assert is_syllable(placed) == (word not in NOT_SYLLABLES), (word, tone, placed)
            assert len(placed) == len(word) and place_tone(placed, tone) == placed


def test_syllable_key_is_one_form_per_spelling(shared_data):
    """Old- and new-style, upper- and lower-case, NFD and ð spellings of a gold syllable share its
    key, and a key is its own key (the segmenter looks keys up, dedup compares them)."""
    from tachtu.text.syllable import syllable_key

    runs = sorted(r for r in _letter_runs(shared_data) if is_syllable(r))[:20000]
    for run in runs:
        key = syllable_key(run)
        assert syllable_key(key) == key
        assert syllable_key(place_tone(run, "new")) == key == syllable_key(run.upper())
        assert syllable_key(unicodedata.normalize("NFD", run)) == key
        assert syllable_key(run, "new") == place_tone(key, "new")
    assert syllable_key("Ðà Nẵng") == syllable_key("đà nẵng") == "đà nẵng"
