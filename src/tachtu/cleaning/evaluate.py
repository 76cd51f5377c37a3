"""Line-level precision and recall of kept article lines against a gold article.

A kept line matches a gold line when both are equal after collapsing whitespace runs to one
space and stripping the ends (nothing else is normalized); lines are matched as multisets,
so a line kept twice but written once in the gold counts once. Figures are micro-averaged.

>>> line_counts(["Tiêu đề", "Câu  một.", "Rác"], ["Tiêu đề", "Câu một.", "Câu hai."])
(2, 3, 3)
>>> prf(2, 3, 3)
(0.6667, 0.6667, 0.6667)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def _key(line: str) -> str:
    return " ".join(line.split())


def line_counts(kept: list[str], gold: list[str]) -> tuple[int, int, int]:
    """(matched, kept, gold) line counts for one page; blank lines are ignored."""
    k = Counter(_key(x) for x in kept if x.strip())
    g = Counter(_key(x) for x in gold if x.strip())
    return sum((k & g).values()), sum(k.values()), sum(g.values())


def prf(matched: int, kept: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (rounded to 4 places); an empty side counts as perfect."""
    p = matched / kept if kept else 1.0
    r = matched / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def devset(folder: str | Path) -> list[tuple[str, list[str], Path | None, Path | None]]:
    """The pages of a development set folder: ``(name, gold lines, text page, HTML page)``.

    A page is ``NAME.gold.txt`` (the article lines; empty for pages without an article) with
    ``NAME.txt`` and/or ``NAME.html`` next to it.
    """
    out = []
    for gold in sorted(Path(folder).glob("*.gold.txt")):
        name = gold.name[:-len(".gold.txt")]
        text, html = gold.with_name(name + ".txt"), gold.with_name(name + ".html")
        out.append((name, gold.read_text("utf-8").splitlines(),
                    text if text.exists() else None, html if html.exists() else None))
    return out
