"""Page-cleaning figures: tachtu (leave-one-layout-out) and other extractors, in one run.

Data: the layout set ``benchmarks/data/cleaning/layouts.jsonl.gz`` (154 pages in 66 generated
site layouts, 22 without an article, page text and HTML of each; see its README), the fresh
group ``benchmarks/data/cleaning/fresh.jsonl.gz`` (60 pages in 24 layouts written apart from the
layout set, 12 without an article; frozen before any model change was scored on it and never
fitted on) and the regression set ``tests/data/cleaning`` (46 pages written alongside the line
rules).

Line-level precision and recall of the kept article lines against the gold article lines
(``tachtu.cleaning.evaluate``: whitespace collapsed, a table-cell bar read as a space;
optional lines, i.e. captions and by-lines, count neither way), micro-averaged over lines;
no-article accuracy is the share of pages without an article that came back empty.

- ``rules``: ``tachtu.clean(page, model=False)`` (line rules and densest block alone; nothing
  in it is fitted on the layout set, which was made after the rules).
- ``classifier`` (the default of ``tachtu.clean(page)``) on the layout set is **leave-one-layout-out**: for each held-out layout, the
  classifier is fitted (``tachtu.cleaning.train``) on every other layout and on the regression
  set, and cleans that layout's pages (``clean(page, model=fitted)``). The shipped model
  (fitted on all) is not used for these rows. ``--folds odd`` holds out only the odd-numbered
  layouts (L01, L03, ...: never looked at while the classifier was developed), ``--folds even``
  only the even-numbered ones (the development folds); each is half the time.
- Every layout-set row is reported on the odd-numbered layouts alone (the honest figure), on the
  even-numbered ones (looked at while developing the classifier) and on all layouts.
- On the fresh group every model is held out: ``classifier`` there is the shipped model (fitted
  on the regression set and all 66 layouts, never on the fresh group). The same goes for the
  diverse set ``benchmarks/data/cleaning/diverse.jsonl.gz`` (202 pages of 60 sites from a fourth,
  independently written generator, 68 without an article), which no model is fitted on either.
  ``--no-fresh`` leaves both groups out (development runs must not look at them).
- ``classifier`` on the regression set uses the shipped model, which was fitted on those
  pages: a regression check, not a held-out figure.
- ``trafilatura`` (``extract``, with its title as first line), ``justext`` (paragraphs not
  marked boilerplate, Vietnamese stop-list), ``readability`` (readability-lxml's summary, if
  installed) on HTML; ``over-60`` (every page-text line longer than 60 characters) on text.
- Cost: CPU time (``time.process_time``) per page of ``tachtu.clean`` (rules, and the shipped
  classifier) over the layout set's pages, three rounds, best and median of the rounds, cold (the
  line rules' per-line caches emptied first) and warm (filled); the load average is recorded beside
  it (the machine is shared). ``--only cost`` re-measures the cost alone and keeps every other figure
  of ``clean.json`` (for a change that keeps every output: a few minutes instead of half an hour);
  ``--only shipped`` re-measures what the shipped model alone decides (the fresh group, the diverse
  set, the regression set, the cost) after a model change and keeps the leave-one-layout-out figures.

Usage::

    nice python benchmarks/bench_clean.py [--folds all|odd|even] [--no-fresh] [--only cost|shipped] [--out benchmarks/results]

Writes ``clean.json`` and ``clean.md`` into ``--out`` and prints the markdown;
``tests/test_cleaning_devset.py`` reads the regression-set rules rows of ``clean.json``.
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
FRESH = REPO / "benchmarks" / "data" / "cleaning" / "fresh.jsonl.gz"
VARIED = REPO / "benchmarks" / "data" / "cleaning" / "varied.jsonl.gz"
DIVERSE = REPO / "benchmarks" / "data" / "cleaning" / "diverse.jsonl.gz"
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
    """Line counts and empty results of one system on one form, page by page."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[object, tuple[int, int, int], bool]] = {}

    def add(self, page, kept: list[str]) -> None:
        from tachtu.cleaning.evaluate import line_counts

        self.pages[page.name] = (page, line_counts(kept, page.gold, page.optional),
                                 not any(line.strip() for line in kept))

    def summary(self, what: str, form: str, keep=lambda page: True) -> dict:
        """Micro-averaged figures over the pages for which ``keep(page)`` holds."""
        from tachtu.cleaning.evaluate import prf

        rows = [row for row in self.pages.values() if keep(row[0])]
        counts = [sum(c[k] for _, c, _ in rows) for k in range(3)]
        p, r, f = prf(*counts)
        return {"what": what, "input": form, "pages": len(rows), "matched": counts[0], "kept": counts[1],
                "gold": counts[2], "precision": p, "recall": r, "f1": f,
                "no_article_pages": sum(not page.gold for page, _, _ in rows),
                "no_article_empty": sum(empty for page, _, empty in rows if not page.gold),
                "article_pages_empty": sum(empty for page, _, empty in rows if page.gold),
                "per_page": {page.name: list(c) for page, c, _ in rows}}


def _data(page, form):
    return page.text if form == "text" else page.html


def varied(page) -> bool:
    """Whether the page is one of the varied set's (sites V01, V02, ...), not the layout set's."""
    return page.layout.startswith("V")


def odd_layout(page) -> bool:
    """Whether the page's layout is odd-numbered (L01, L03, ...): never looked at while developing."""
    return not varied(page) and int(page.layout.lstrip("L")) % 2 == 1


PARTS = {"odd": odd_layout, "even": lambda page: not varied(page) and not odd_layout(page),
         "all": lambda page: not varied(page)}


def split(tallies: dict[str, tuple[str, str, Tally]], folds: str) -> dict:
    """Each system's figures on the odd-numbered layouts, the even-numbered ones, all layouts and the
    varied set; the classifier's only where it was held out (``folds``; the varied set always)."""
    parts = {**PARTS, "varied": varied}
    return {part: {name: tally.summary(what, form, keep) for name, (what, form, tally) in tallies.items()
                   if folds in ("all", part) or part == "varied" or not name.startswith("classifier")}
            for part, keep in parts.items()}


def tachtu(pages, system: str, model, what: str) -> dict:
    """``tachtu.clean(page, model=model)`` on page text and HTML, as rows ``system-text``, ``system-html``."""
    from tachtu.cleaning import clean

    out = {}
    for form in ("text", "html"):
        tally = Tally()
        for page in pages:
            if _data(page, form) is not None:
                tally.add(page, clean(_data(page, form), format=form, model=model).lines())
        out[f"{system}-{form}"] = (what, form, tally)
    return out


def rules(pages, label: str) -> dict:
    """The default ``tachtu.clean`` (line rules)."""
    return tachtu(pages, "rules", False, f"tachtu `clean(model=False)`, rules ({label})")


def held_out(layout_pages, regression_pages, folds: str) -> dict:
    """The classifier, leave-one-layout-out (fitted on every other layout of the layout and varied
    sets + the regression set); the varied set's sites are always held out, the layout set's by ``folds``."""
    from tachtu.cleaning import clean
    from tachtu.cleaning.train import examples, is_bare, leave_one_layout_out

    found = examples(regression_pages) + examples(layout_pages)
    held_layouts = {p.layout for p in layout_pages if varied(p) or PARTS[folds](p)}
    tallies = {"text": Tally(), "html": Tally()}
    for _, model, held in leave_one_layout_out(found, held_layouts):
        for e in held:
            if is_bare(e.page):  # a training copy, not a page of the set
                continue
            tallies[e.form].add(e.page, clean(_data(e.page, e.form), format=e.form, model=model).lines())
    return {f"classifier-{form}": ("tachtu `clean(model=fitted)`, leave-one-layout-out", form, t)
            for form, t in tallies.items()}


def shipped(pages, label: str) -> dict:
    """The shipped classifier, ``clean(page)`` (the default, ``model=True``)."""
    return tachtu(pages, "classifier", True, f"tachtu `clean()` (default), shipped model ({label})")


def baselines(pages) -> tuple[dict, dict]:
    """The other extractors' tallies, and the ones that could not run."""
    out, skipped = {}, {}
    for name, (form, run, what) in BASELINES.items():
        tally = Tally()
        try:
            for page in pages:
                if _data(page, form) is not None:
                    tally.add(page, run(_data(page, form)))
        except ImportError as exc:
            skipped[name] = {"what": what, "input": form, "skipped": f"not installed: {exc}"}
            continue
        out[name] = (what, form, tally)
    return out, skipped


def cost(pages, rounds: int = 3) -> dict:
    """CPU milliseconds per page of ``tachtu.clean``, rules and shipped classifier: best and median of
    ``rounds``, each round once with the per-line caches of the line rules emptied first (``cold``:
    every line new, as on pages of a site never seen) and once more with them filled (``warm``:
    as when a crawl's chrome lines come back)."""
    from tachtu.cleaning import clean, facts, lines

    out = {"load_average": [round(x, 2) for x in os.getloadavg()]}
    for system, model in (("rules", False), ("classifier", True)):
        for form in ("text", "html"):
            inputs = [_data(p, form) for p in pages if _data(p, form) is not None]
            clean(inputs[0], format=form, model=model)  # warm-up (model and phrase lists loaded)
            per_round = {"cold": [], "warm": []}
            for _ in range(rounds):
                lines.fold.cache_clear()
                lines.drop_reason.cache_clear()
                facts.clear_cache()
                for state in ("cold", "warm"):
                    start = time.process_time()
                    for data in inputs:
                        clean(data, format=form, model=model)
                    per_round[state].append(1000 * (time.process_time() - start) / len(inputs))
            out[f"{system}-{form}"] = {"pages": len(inputs), **{
                f"{state}_{k}": round(f(v), 2) for state, v in per_round.items()
                for k, f in (("best_ms", min), ("median_ms", statistics.median))}}
    return out


def frozen(path: Path) -> dict:
    """Every system on a held-out group (the fresh group, the diverse set); the classifier is the
    shipped model, which was never fitted on it."""
    from tachtu.cleaning.evaluate import load

    pages = load(path)
    results, skipped = every_system(pages, "not fitted on this group", "fitted without this group")
    return {"data": str(path.relative_to(REPO)), "pages": len(pages), "layouts": len({p.layout for p in pages}),
            "no_article_pages": sum(not p.gold for p in pages), "results": results, "skipped": skipped}


def every_system(pages, rules_label: str, shipped_label: str) -> tuple[dict, dict]:
    """The summary of every system on ``pages`` (the rules, the shipped classifier and the other
    extractors), and the extractors that could not run."""
    others, skipped = baselines(pages)
    tallies = {**rules(pages, rules_label), **shipped(pages, shipped_label), **others}
    return {name: tally.summary(what, form) for name, (what, form, tally) in tallies.items()}, skipped


def shipped_only() -> dict:
    """The parts of the report that the shipped model alone decides: the two held-out groups and
    the regression set."""
    from tachtu.cleaning.evaluate import load

    regression_pages = load(REGRESSION)
    return {"fresh_group": frozen(FRESH), "diverse_set": frozen(DIVERSE),
            "regression_set": regression_set(regression_pages)}


def regression_set(regression_pages) -> dict:
    """Every system on the regression set (``tests/data/cleaning``), which the shipped model was fitted on."""
    results, _ = every_system(regression_pages, "written alongside these pages", "fitted on these pages")
    return {"data": str(REGRESSION.relative_to(REPO)), "pages": len(regression_pages), "results": results}


def measure(folds: str = "all", with_fresh: bool = True) -> dict:
    from tachtu.cleaning.evaluate import load

    layout_pages, varied_pages, regression_pages = load(LAYOUTS), load(VARIED), load(REGRESSION)
    started = [round(x, 2) for x in os.getloadavg()]
    both = layout_pages + varied_pages
    others, skipped = baselines(both)
    layout = split({**rules(both, "not fitted on this set"), **held_out(both, regression_pages, folds), **others},
                   folds)
    return {"python": platform.python_version(), "load_average_at_start": started, "folds": folds,
            "layout_set": {"data": str(LAYOUTS.relative_to(REPO)), "pages": len(layout_pages),
                           "layouts": len({p.layout for p in layout_pages}),
                           "odd_layouts": len({p.layout for p in layout_pages if odd_layout(p)}),
                           "no_article_pages": sum(not p.gold for p in layout_pages),
                           "odd": layout["odd"], "even": layout["even"], "all": layout["all"], "skipped": skipped},
            "varied_set": {"data": str(VARIED.relative_to(REPO)), "pages": len(varied_pages),
                           "layouts": len({p.layout for p in varied_pages}),
                           "no_article_pages": sum(not p.gold for p in varied_pages), "results": layout["varied"],
                           "skipped": skipped},
            "fresh_group": frozen(FRESH) if with_fresh else None,
            "diverse_set": frozen(DIVERSE) if with_fresh else None,
            "regression_set": regression_set(regression_pages),
            "cost": cost(layout_pages),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()]}


def _table(results: dict, skipped: dict | None = None) -> list[str]:
    rows = ["| system | input | pages | precision | recall | F1 | no-article pages empty | article pages empty |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in results.items():
        rows.append(f"| {name}: {r['what']} | {r['input']} | {r['pages']} | {r['precision']:.4f} | {r['recall']:.4f} | "
                    f"{r['f1']:.4f} | {r['no_article_empty']} of {r['no_article_pages']} | {r['article_pages_empty']} |")
    for name, r in (skipped or {}).items():
        rows.append(f"| {name}: {r['what']} | {r['input']} | {r['skipped']} | | | | | |")
    return rows


def markdown(report: dict) -> str:
    lay, reg, c, fr = report["layout_set"], report["regression_set"], report["cost"], report["fresh_group"]
    var, dv = report["varied_set"], report.get("diverse_set")
    held = {"all": "every layout", "odd": "the odd layouts only", "even": "the even layouts only"}[report["folds"]]
    part_pages = {part: lay[part]["rules-text"]["pages"] for part in PARTS}
    return "\n".join([
        "# Page cleaning: line precision/recall",
        "",
        f"Command: `nice python benchmarks/bench_clean.py --folds {report['folds']}"
        f"{'' if fr else ' --no-fresh'}`. Kept lines matched to gold "
        "article lines (whitespace collapsed, table-cell bars read as spaces, optional lines ignored); "
        f"micro-averaged over lines. Load average at start {report['load_average_at_start']}, "
        f"at end {report['load_average_at_end']}."
        + (f" The fresh group, the diverse set, the regression set and the cost were measured again "
           f"{report['shipped_measured']} with `--only shipped` (a new shipped model); the leave-one-layout-out "
           "rows are of the earlier run." if report.get("shipped_measured") else ""),
        "",
        f"## Layout set `{lay['data']}`: {lay['pages']} pages, {lay['layouts']} layouts, "
        f"{lay['no_article_pages']} without an article",
        "",
        "classifier rows are leave-one-layout-out: each layout is cleaned by a model fitted without it "
        f"(held out on {held} in this run; a part without a classifier row was not held out). "
        "The rules were not fitted on this set.",
        "",
        f"### Odd-numbered layouts ({lay['odd_layouts']} layouts, {part_pages['odd']} pages): never looked at while "
        "developing the classifier",
        "",
        *_table(lay["odd"], lay["skipped"]),
        "",
        f"### Even-numbered layouts ({part_pages['even']} pages): the development folds, looked at while developing",
        "",
        *_table(lay["even"], lay["skipped"]),
        "",
        "### All layouts",
        "",
        *_table(lay["all"], lay["skipped"]),
        "",
        f"## Varied set `{var['data']}`: {var['pages']} pages, {var['layouts']} sites, {var['no_article_pages']} "
        "without an article (training data of the shipped model; classifier rows leave-one-site-out)",
        "",
        *_table(var["results"], var["skipped"]),
        "",
        *([f"## Diverse set `{dv['data']}`: {dv['pages']} pages, {dv['layouts']} sites, {dv['no_article_pages']} "
           "without an article (a fourth generator, written apart; no model is fitted on it)",
           "", *_table(dv["results"], dv["skipped"]), ""] if dv else []),
        *([f"## Fresh group `{fr['data']}`: {fr['pages']} pages, {fr['layouts']} layouts, {fr['no_article_pages']} "
           "without an article (frozen before any model change was scored on it; every model held out)",
           "", *_table(fr["results"], fr["skipped"]), ""] if fr else []),
        f"## Regression set `{reg['data']}`: {reg['pages']} pages (the rules were written alongside them; "
        "the shipped model was fitted on them)",
        "",
        *_table(reg["results"]),
        "",
        f"## Cost (CPU time per page over the layout set, 3 rounds; load average {c['load_average']}"
        f"{'; measured ' + c['measured'] if 'measured' in c else ''})",
        "",
        "cold: the line rules' per-line caches emptied before the round (every line new); warm: the same "
        "pages again with them filled (the figure reported before 2026-12-07).",
        "",
        "| system | input | pages | cold best / median ms/page | warm best / median ms/page |",
        "| --- | --- | ---: | ---: | ---: |",
        *[f"| {name.split('-')[0]} | {name.split('-')[1]} | {c[name]['pages']} | {c[name]['cold_best_ms']:.2f} / "
          f"{c[name]['cold_median_ms']:.2f} | {c[name]['warm_best_ms']:.2f} / {c[name]['warm_median_ms']:.2f} |"
          for name in c if name not in ("load_average", "measured")],
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--folds", choices=tuple(PARTS), default="all",
                        help="held-out layouts of the classifier: every layout, or only the odd- or even-numbered ones")
    parser.add_argument("--no-fresh", dest="fresh", action="store_false",
                        help="leave the fresh group and the diverse set out (development runs must not look at them)")
    parser.add_argument("--only", choices=("cost", "shipped"),
                        help="cost: re-measure the cost only, after a change that keeps every output; "
                             "shipped: re-measure everything the shipped model decides (fresh group, diverse "
                             "set, regression set, cost) after a model change, keeping the leave-one-layout-out "
                             "figures, which refit a model per layout; the other figures stay as in clean.json")
    args = parser.parse_args(argv)
    if args.only:
        from tachtu.cleaning.evaluate import load

        previous = args.out / "clean.json"
        if not previous.is_file():
            parser.error(f"--only {args.only} keeps the other figures of {previous}, which does not exist: "
                         "run the whole benchmark first")
        report = json.loads(previous.read_text("utf-8"))
        measured = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        if args.only == "shipped":
            report.update(shipped_only(), shipped_measured=measured)
        report["cost"] = {**cost(load(LAYOUTS)), "measured": f"{measured} with --only {args.only}"}
    else:
        report = measure(args.folds, args.fresh)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "clean.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8")
    md = markdown(report)
    (args.out / "clean.md").write_text(md, "utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
