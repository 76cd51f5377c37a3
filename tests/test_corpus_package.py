"""``tachtu.corpus`` is importable in parts: its names load on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_importing_the_package_does_not_import_datatrove():
    code = ("import sys, tachtu.corpus, tachtu.text.syllable; "
            "print('datatrove' in sys.modules, tachtu.text.syllable.is_syllable('ngoáo'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_every_exported_name_loads():
    pytest.importorskip("datatrove")
    import tachtu.corpus as corpus

    assert {"DedupSignature", "ClusterDuplicates", "DropDuplicates", "RemoveSiteBoilerplate"} <= set(corpus.__all__)
    assert all(getattr(corpus, name).__name__ == name for name in corpus.__all__)
    assert set(corpus.__all__) <= set(dir(corpus))
    with pytest.raises(AttributeError):
        corpus.no_such_step  # noqa: B018
