"""The VnCoreNLP-compatible mode against VnCoreNLP 1.2's own output on the dev reference set.

The whole ``compat/reference-dev.jsonl`` (19,765 lines) is segmented; the test fails if fewer
lines are identical than the committed figure (``benchmarks/compat_agreement.py`` measures it).
"""

from tachtu.compat.reference import compare, read_reference

#: Committed figure: identical lines out of 19,765 (100 %).
COMMITTED_IDENTICAL_LINES = 19765


def test_every_reference_line_is_reproduced(shared_data):
    result = compare(read_reference(shared_data / "compat" / "reference-dev.jsonl"))
    assert result["lines"] == 19765
    shown = "\n".join(f"{d['text']!r}: expected {d['expected']}, got {d['got']}"
                      for d in result["differences"][:10])
    assert result["identical_lines"] >= COMMITTED_IDENTICAL_LINES, shown
    assert result["identical_line_share"] >= 0.999
