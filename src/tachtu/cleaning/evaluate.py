"""Line-level precision and recall of kept article lines against a gold article.

A kept line matches a gold line when both are equal after collapsing whitespace runs to one
space, stripping the ends and reading a table-cell bar (' | ') as a space, so that a table row
rendered with tabs matches the same row rendered with bars (nothing else is normalized);
lines are matched as multisets, so a line kept twice but written once in the gold counts
once. Optional lines (captions, by-lines in the layout set) count neither way. Figures are
micro-averaged.

>>> line_counts(["Tiêu đề", "Câu  một.", "Rác"], ["Tiêu đề", "Câu một.", "Câu hai."])
(2, 3, 3)
>>> prf(2, 3, 3)
(0.6667, 0.6667, 0.6667)
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


def key(line: str) -> str:
    """The form in which lines are compared."""
    return " ".join(line.replace(" | ", " ").split())


def line_counts(kept: list[str], gold: list[str], optional: list[str] = ()) -> tuple[int, int, int]:
    """(matched, kept, gold) line counts for one page; blank lines and optional lines are ignored."""
    g = Counter(key(x) for x in gold if x.strip())
    skip = {key(x) for x in optional} - set(g)
    k = Counter(key(x) for x in kept if x.strip() and key(x) not in skip)
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


@dataclass
class Page:
    """One labelled page: its gold article lines, optional lines, and its page text and/or HTML."""

    name: str
    layout: str
    gold: list[str]
    text: bytes | str | None = None
    html: bytes | str | None = None
    optional: list[str] = field(default_factory=list)
    kind: str = "article"


def load(path: str | Path) -> list[Page]:
    """The pages of a development set: a folder (see :func:`devset`; the layout is the name's
    part after the number, e.g. ``national``) or a ``.jsonl.gz`` file of labelled pages."""
    path = Path(path)
    if path.is_dir():
        return [Page(name, "dev:" + name.split("_", 1)[-1], gold, text and text.read_bytes(), html and html.read_bytes(),
                     kind="article" if gold else "no-article")
                for name, gold, text, html in devset(path)]
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in f:
            r = json.loads(row)
            labels = r["labels"]
            pages.append(Page(r["name"], r["layout"], [t for t, label in labels if label == "article"],
                              r.get("text"), r.get("html"), [t for t, label in labels if label == "optional"],
                              r.get("kind", "article")))
    return pages
