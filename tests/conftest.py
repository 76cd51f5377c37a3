"""Shared fixtures: where the shared data folder is (CI clones the repo with ../shared beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; tests that need it are skipped on a machine without it."""
    if not (SHARED_DATA / "ws").is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def shared_data_for_hypothesis(shared_data) -> list[str]:
    """Real raw news lines (not NFC in places: they are as crawled)."""
    path = shared_data / "silver" / "uts-col-news.raw.txt"
    return path.read_text(encoding="utf-8").splitlines()[:400]
