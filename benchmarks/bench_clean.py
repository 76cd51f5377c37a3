"""Page-cleaning figures: tachtu (leave-one-layout-out) and other extractors, in one run.

Data: the layout set ``benchmarks/data/cleaning/layouts.jsonl.gz`` (154 pages in 66 generated
site layouts, 22 without an article, page text and HTML of each; see its README) and the
regression set ``tests/data/cleaning`` (46 pages written alongside the line rules).

Line-level precision and recall of the kept article lines against the gold article lines
(``tachtu.cleaning.evaluate``: whitespace collapsed, a table-cell bar read as a space;
optional lines, i.e. captions and by-lines, count neither way), micro-averaged over lines;
no-article accuracy is the share of pages without an article that came back empty.

- ``tachtu`` on the layout set is **leave-one-layout-out**: for each layout, the classifier is
  fitted (``tachtu.cleaning.train``) on every other layout and on the regression set, and
  cleans that layout's pages. The shipped model (fitted on all) is not used for these rows.
- ``tachtu`` on the regression set uses the shipped model, which was fitted on those pages: a
  regression check, not a held-out figure.
- ``trafilatura`` (``extract``, with its title as first line), ``justext`` (paragraphs not
  marked boilerplate, Vietnamese stop-list), ``readability`` (readability-lxml's summary, if
  installed) on HTML; ``over-60`` (every page-text line longer than 60 characters) on text.
- Cost: CPU time (``time.process_time``) per page of the shipped model's ``tachtu.clean`` over
  the layout set's pages, three rounds, best and median of the rounds; the load average is
  recorded beside it (the machine is shared).

Usage::

    python benchmarks/bench_clean.py [--out benchmarks/results]

Writes ``clean-classifier.json`` and ``clean-classifier.md`` into ``--out`` and prints the markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAYOUTS = REPO / "benchmarks" / "data" / "cleaning" / "layouts.jsonl.gz"
REGRESSION = REPO / "tests" / "data" / "cleaning"


def _as_text(data: bytes | str) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def trafilatura_lines(data) -> list[str]:
    import trafilatura

    html = _as_text(data)
    text = trafilatura.extract(html, include_comments=False, target_language="vi") or ""
    lines = [line.strip().strip("|").strip() for line in text.splitlines()]  # table rows: "| a | b |" -> "a | b"
    meta = trafilatura.extract_metadata(html)
    if text and meta and meta.title and (not lines or lines[0] != meta.title):
        lines.insert(0, meta.title)
    return lines


def justext_lines(data) -> list[str]:
    import justext

    paragraphs = justext.justext(_as_text(data).encode("utf-8"), justext.get_stoplist("Vietnamese"), encoding="utf-8")
    return [p.text for p in paragraphs if not p.is_boilerplate]


def readability_lines(data) -> list[str]:
    import lxml.html
    from readability import Document

    doc = Document(_as_text(data))
    summary = lxml.html.fromstring(doc.summary(html_partial=True))
    from tachtu.cleaning.html import page_text

    lines = [line.strip() for line in page_text(lxml.html.tostring(summary, encoding="unicode")).splitlines()]
    return [doc.short_title()] + lines if any(lines) else []


def over_60(data) -> list[str]:
    return [line.strip() for line in _as_text(data).splitlines() if len(line.strip()) > 60]


BASELINES = {
    "trafilatura": ("html", trafilatura_lines, "trafilatura `extract(html)` + its title"),
    "justext": ("html", justext_lines, "jusText paragraphs not marked boilerplate (Vietnamese stop-list)"),
    "readability": ("html", readability_lines, "readability-lxml summary + its short title"),
    "over-60": ("text", over_60, "every page-text line longer than 60 characters"),
}


class Tally:
    """Line counts and no-article pages of one system on one form."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0]
        self.pages = self.no_article = self.no_article_empty = self.article_empty = 0
        self.per_page: dict[str, list[int]] = {}

    def add(self, page, kept: list[str]) -> None:
        from tachtu.cleaning.evaluate import line_counts

        counts = line_counts(kept, page.gold, page.optional)
        self.counts = [a + b for a, b in zip(self.counts, counts)]
        self.per_page[page.name] = list(counts)
        self.pages += 1
        if not page.gold:
            self.no_article += 1
            self.no_article_empty += not any(line.strip() for line in kept)
        else:
            self.article_empty += not any(line.strip() for line in kept)

    def summary(self, what: str, form: str) -> dict:
        from tachtu.cleaning.evaluate import prf

        p, r, f = prf(*self.counts)
        return {"what": what, "input": form, "pages": self.pages, "matched": self.counts[0], "kept": self.counts[1],
                "gold": self.counts[2], "precision": p, "recall": r, "f1": f, "no_article_pages": self.no_article,
                "no_article_empty": self.no_article_empty, "article_pages_empty": self.article_empty,
                "per_page": self.per_page}


def _data(page, form):
    return page.text if form == "text" else page.html


def held_out(layout_pages, regression_pages) -> dict:
    """tachtu, leave-one-layout-out over the layout set (fitted on the other layouts + the regression set)."""
    from tachtu.cleaning import clean
    from tachtu.cleaning.train import examples, leave_one_layout_out

    found = examples(regression_pages) + examples(layout_pages)
    tallies = {"text": Tally(), "html": Tally()}
    for _, model, held in leave_one_layout_out(found, {p.layout for p in layout_pages}):
        for e in held:
            tallies[e.form].add(e.page, clean(_data(e.page, e.form), format=e.form, model=model).lines())
    return {f"tachtu-{form}": t.summary(f"tachtu `clean()`, leave-one-layout-out ({form})", form)
            for form, t in tallies.items()}


def shipped(pages, label: str) -> dict:
    from tachtu.cleaning import clean

    tallies = {"text": Tally(), "html": Tally()}
    for page in pages:
        for form in ("text", "html"):
            if _data(page, form) is not None:
                tallies[form].add(page, clean(_data(page, form), format=form, model=True).lines())
    return {f"tachtu-{form}": t.summary(f"tachtu `clean()`, shipped model ({label})", form)
            for form, t in tallies.items()}


def baselines(pages) -> dict:
    out = {}
    for name, (form, run, what) in BASELINES.items():
        tally = Tally()
        try:
            for page in pages:
                if _data(page, form) is not None:
                    tally.add(page, run(_data(page, form)))
        except ImportError as exc:
            out[name] = {"what": what, "input": form, "skipped": f"not installed: {exc}"}
            continue
        out[name] = tally.summary(what, form)
    return out


def cost(pages, rounds: int = 3) -> dict:
    """CPU milliseconds per page of the shipped ``tachtu.clean``: best and median of ``rounds`` rounds."""
    from tachtu.cleaning import clean

    out = {"load_average": [round(x, 2) for x in os.getloadavg()]}
    for form in ("text", "html"):
        inputs = [_data(p, form) for p in pages if _data(p, form) is not None]
        clean(inputs[0], format=form, model=True)  # warm-up (model and phrase lists loaded)
        per_round = []
        for _ in range(rounds):
            start = time.process_time()
            for data in inputs:
                clean(data, format=form, model=True)
            per_round.append(1000 * (time.process_time() - start) / len(inputs))
        out[form] = {"pages": len(inputs), "best_ms": round(min(per_round), 2),
                     "median_ms": round(statistics.median(per_round), 2)}
    return out


def measure() -> dict:
    from tachtu.cleaning.evaluate import load

    layout_pages, regression_pages = load(LAYOUTS), load(REGRESSION)
    started = [round(x, 2) for x in os.getloadavg()]
    layout = {**held_out(layout_pages, regression_pages), **baselines(layout_pages)}
    regression = {**shipped(regression_pages, "fitted on these pages"), **baselines(regression_pages)}
    return {"python": platform.python_version(), "load_average_at_start": started,
            "layout_set": {"data": str(LAYOUTS.relative_to(REPO)), "pages": len(layout_pages),
                           "layouts": len({p.layout for p in layout_pages}),
                           "no_article_pages": sum(not p.gold for p in layout_pages), "results": layout},
            "regression_set": {"data": str(REGRESSION.relative_to(REPO)), "pages": len(regression_pages),
                               "results": regression},
            "cost": cost(layout_pages)}


def _table(results: dict) -> list[str]:
    rows = ["| system | input | pages | precision | recall | F1 | no-article pages empty | article pages empty |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in results.items():
        if "skipped" in r:
            rows.append(f"| {name}: {r['what']} | {r['input']} | {r['skipped']} | | | | | |")
            continue
        rows.append(f"| {name}: {r['what']} | {r['input']} | {r['pages']} | {r['precision']:.4f} | {r['recall']:.4f} | "
                    f"{r['f1']:.4f} | {r['no_article_empty']} of {r['no_article_pages']} | {r['article_pages_empty']} |")
    return rows


def markdown(report: dict) -> str:
    lay, reg, c = report["layout_set"], report["regression_set"], report["cost"]
    return "\n".join([
        "# Page cleaning: line precision/recall",
        "",
        "Command: `python benchmarks/bench_clean.py`. Kept lines matched to gold article lines (whitespace collapsed, "
        "table-cell bars read as spaces, optional lines ignored); micro-averaged over lines.",
        "",
        f"## Layout set `{lay['data']}`: {lay['pages']} pages, {lay['layouts']} layouts, "
        f"{lay['no_article_pages']} without an article",
        "",
        "tachtu rows are leave-one-layout-out: each layout is cleaned by a model fitted without it.",
        "",
        *_table(lay["results"]),
        "",
        f"## Regression set `{reg['data']}`: {reg['pages']} pages (the shipped model was fitted on them)",
        "",
        *_table(reg["results"]),
        "",
        f"## Cost (shipped model, CPU time per page, 3 rounds; load average {c['load_average']})",
        "",
        "| input | pages | best ms/page | median ms/page |",
        "| --- | ---: | ---: | ---: |",
        *[f"| {form} | {c[form]['pages']} | {c[form]['best_ms']:.2f} | {c[form]['median_ms']:.2f} |" for form in ("text", "html")],
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)
    report = measure()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "clean-classifier.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8")
    md = markdown(report)
    (args.out / "clean-classifier.md").write_text(md, "utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
