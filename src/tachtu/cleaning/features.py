"""The line classifier's features: what a line looks like, where it stands, what the rules said.

One row per non-blank line of the page text, in :data:`NAMES` order, all in 0..1 (or small
counts scaled down). They describe the line itself (length, stop-word share, punctuation,
capitals, digits, sentence shape), the Vietnamese line rules' verdict and hints (as features,
not as final decisions), the rule pipeline's reading of the page (densest block, distance to
it, role it gave, related/comment section), its neighbours (a window of two lines each side),
its similarity to the title, and for HTML its markup (trafilatura's main content, link
density, block tag, boilerplate/content words in the classes and ids of its ancestors).
Topic features need no phrase list: an article's title and paragraphs share content words
with paragraphs further down the page, widgets, menus and other articles' teasers do not.
The structure features of page text (:mod:`.structure`: repeated templates, periodic line
shapes, the article's recurring subject) need none either.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

import numpy as np

from tachtu.cleaning import structure
from tachtu.cleaning.facts import OWN, word_set

#: Markup facts of one rendered line (HTML only), looked up by the line's squashed text.
@dataclass(frozen=True)
class Markup:
    tag: str            # 'heading', 'p', 'li', 'cell', 'link', 'other'
    link_density: float  # share of the line's characters inside <a>
    boilerplate: bool   # an ancestor is nav/footer/aside/header or its class/id names chrome
    content: bool       # an ancestor is article/main or its class/id names content


RULE_NAMES = ("email-artefact", "url-only", "date-only", "meta-line", "counter", "copyright", "footer", "breadcrumb",
              "navigation", "related-heading", "comment-heading", "share-widget", "read-more-link", "tags",
              "page-furniture", "user-name", "no-letters")
ROLE_NAMES = ("title", "lead", "heading", "body", "caption", "byline", "source")
TAGS = ("heading", "p", "li", "cell", "link", "other")
_OWN = ("tokens", "score", "stop_density", "capitalised", "numeric", "commas", "sentence_end", "prose", "short",
        "title_like", "name_like", "byline_hint", "caption_hint", "source_hint", "ends_colon", "cells", "all_caps",
        "starts_digit", "after_image", "marked_caption", "repeat", "repeated_later")
_PAGE = ("in_block", "before_block", "after_block", "distance", "position", "page_no_article", "in_related",
         "in_comments", "in_box", "title_similarity", "teaser_title", "teaser_lead", "block_prose_share",
         "topic_far", "topic_block", "topic_title_above", "hint_overlap", "price")
_CONTEXT = ("prev_prose", "next_prose", "prev_rule", "next_rule", "window_score", "window_prose", "prev_title_like",
            "next_title_like", "run_prose")
_HTML = ("html", "in_main", "link_density", "markup_boilerplate", "markup_content") + tuple(f"tag_{t}" for t in TAGS)
_CROSS = ("prose_in_block", "prose_in_related", "prose_outside", "rule_in_block", "title_like_in_block",
          "main_prose", "link_prose", "heading_between_prose", "heading_before_prose", "cells_run", "cells_in_block",
          "isolated_prose", "short_in_block", "name_after_block", "headed_by_own_title", "heads_own_lead",
          "prose_after", "prose_before", "title_before_run", "short_between_runs", "table_run",
          "in_dated_section", "section_after_article")
_STRUCTURE = ("template", "family", "periodic", "periodic_prose", "topic_core", "in_core", "before_core",
              "after_core", "topic_local")
#: Feature names, in column order.
NAMES = (_OWN + _PAGE + _CONTEXT + _HTML + _CROSS + _STRUCTURE + tuple(f"rule_{r}" for r in RULE_NAMES)
         + tuple(f"role_{r}" for r in ROLE_NAMES))
_INDEX = {name: k for k, name in enumerate(NAMES)}
_TEASER_META = {"date-only", "meta-line", "counter", "read-more-link"}
TOPIC_GAP = 3   # topic_far: content words found in running text at least this many lines away


def matrix(items, analysis, markup: dict[str, Markup] | None, html: bool) -> np.ndarray:
    """The feature matrix of a page (``items`` and ``analysis`` from :mod:`.analysis`)."""
    n = len(items)
    x = np.zeros((n, len(NAMES)), dtype=np.float64)
    if not n:
        return x
    start, end = analysis.block if analysis.block else (0, 0)
    title_idx = analysis.title
    facts = [it.facts for it in items]
    title_tokens = facts[title_idx].words if title_idx is not None else (
        word_set(analysis.title_hint) if analysis.title_hint else set())
    prose = np.array([it.prose for it in items], dtype=float)
    score = np.array([it.score for it in items])
    ruled = np.array([it.reason is not None for it in items], dtype=float)
    title_like = np.array([f.title_like and not it.prose for f, it in zip(facts, items)], dtype=float)
    block_prose = prose[start:end].mean() if end > start else 0.0
    own = np.array([f.own for f in facts])
    cells = own[:, OWN.index("cells")]
    table_run = _table_runs(items)
    window_score, window_prose = _window_mean(score, -2, 3), _window_mean(prose, -2, 3)
    prose_after, prose_before = _window_mean(prose, 1, 6), _window_mean(prose, -5, 0)
    near_prose_before = _window_mean(prose, -2, 0) > 0
    dated_section = _dated_sections(items, analysis.inside)
    token_sets = [f.words for f in facts]
    # teasers: a headline whose words open the lead under it ("Hồ Thumsee" / "Thumsee là một hồ ..."),
    # date or counter lines between them allowed; the article's own title (the rules' title) is left out
    headed, heads = np.zeros(n), np.zeros(n)
    for i in range(1, n):
        if not prose[i]:
            continue
        j = i - 1
        while j > 0 and j >= i - 3 and items[j].reason in _TEASER_META:
            j -= 1
        if title_like[j] and token_sets[j] and j != title_idx:
            headed[i] = heads[j] = len(token_sets[j] & token_sets[i]) / len(token_sets[j])
    content = structure.Incidence([f.content for f in facts])
    names = own[:, OWN.index("name_like")]
    topic = _topics(content, prose > 0, start, end)
    hint = _hint_overlap(token_sets, analysis.title_hint)
    tokens = np.array([it.tokens for it in items])
    index = np.arange(n)
    where = [analysis.inside.get(i) for i in range(n)]
    has_block = end > start
    inside = has_block & (index >= start) & (index < end)
    related = np.array([w in ("related-block", "comment-section") for w in where])

    c = {
        "tokens": np.minimum(np.log1p(tokens) / 5.0, 1.5),
        "score": score,
        "prose": prose,
        "short": tokens <= 4,
        "title_like": title_like,
        "after_image": [it.after_image for it in items],
        "marked_caption": [it.caption for it in items],
        "repeat": [it.repeat_of is not None for it in items],
        "repeated_later": np.isin(index, [it.repeat_of for it in items if it.repeat_of is not None]),
        "in_block": inside,
        "before_block": has_block & (index < start),
        "after_block": has_block & (index >= end),
        "distance": np.where(inside | (not has_block), 0.0,
                             np.minimum(np.where(index < start, start - index, index - end + 1), 20) / 20),
        "position": index / n,
        "page_no_article": analysis.reason is not None,
        "in_related": [w == "related-block" for w in where],
        "in_comments": [w == "comment-section" for w in where],
        "in_box": [w == "boxed" for w in where],
        "block_prose_share": block_prose,
        "topic_far": topic[0],
        "topic_block": topic[1],
        "hint_overlap": hint,
        "topic_title_above": _title_above(items, hint if analysis.title_hint else topic[1], title_like, start, end),
        **({} if html else _structure(items, facts, content, prose, tokens, title_like, names)),
        "prev_prose": _shifted(prose, -1, 0.0),
        "next_prose": _shifted(prose, 1, 0.0),
        "prev_rule": _shifted(ruled, -1, 1.0),
        "next_rule": _shifted(ruled, 1, 1.0),
        "window_score": window_score,
        "window_prose": window_prose,
        "prev_title_like": _shifted(title_like, -1, 0.0),
        "next_title_like": _shifted(title_like, 1, 0.0),
    }
    if title_tokens:
        c["title_similarity"] = [0.0 if i == title_idx else _jaccard(words, title_tokens)
                                 for i, words in enumerate(token_sets)]
    has_prose = prose > 0
    next_prose, prev_prose = c["next_prose"] > 0, c["prev_prose"] > 0
    after_next = _shifted(prose, 2, 0.0) > 0
    title_after_next, title_before = _shifted(title_like, 2, 0.0) > 0, c["prev_title_like"] > 0
    c["teaser_title"] = (title_like > 0) & next_prose & ((index + 2 >= n) | title_after_next | ~after_next)
    c["teaser_lead"] = has_prose & title_before & ~next_prose
    c["run_prose"] = run_prose = has_prose & (prev_prose | next_prose)
    link_density = np.zeros(n)
    if html:
        c["html"] = 1.0
        c["in_main"] = [it.main for it in items]
        for i, f in enumerate(facts):
            mark = markup.get(f.squashed) if markup and len(f.text) <= 5000 else None
            if mark is not None:
                link_density[i] = mark.link_density
                x[i, _INDEX["markup_boilerplate"]] = mark.boilerplate
                x[i, _INDEX["markup_content"]] = mark.content
                x[i, _INDEX[f"tag_{mark.tag}"]] = 1.0
        c["link_density"] = link_density
        c["main_prose"] = np.asarray(c["in_main"], dtype=float) * prose
    cells_near = np.maximum(_shifted(cells, -1, 0.0), _shifted(cells, 1, 0.0))
    c.update({
        "prose_in_block": prose * inside,
        "prose_in_related": prose * related,
        "prose_outside": prose * ~inside,
        "rule_in_block": ruled * inside,
        "title_like_in_block": title_like * inside,
        "link_prose": link_density * prose,
        "heading_between_prose": title_like * near_prose_before * c["next_prose"],
        "heading_before_prose": title_like * c["next_prose"] * ~near_prose_before,
        "cells_run": cells * cells_near,
        "cells_in_block": cells * (inside | (has_block & (index - end >= 0) & (index - end < 8))),
        "isolated_prose": prose * ~run_prose,
        "short_in_block": c["short"] * inside,
        "name_after_block": names * (has_block & (index - end >= 0) & (index - end < 4)),
        "headed_by_own_title": headed,
        "heads_own_lead": heads,
        "prose_after": prose_after,
        "prose_before": prose_before,
        "title_before_run": title_like * prose_after * ~near_prose_before,
        "short_between_runs": ~has_prose * (tokens <= 12) * prose_after * prose_before,
        "table_run": table_run,
        "in_dated_section": dated_section,
        "section_after_article": related & bool(analysis.end) & (index >= analysis.end),
    })
    x[:, _OWN_COLUMNS] = own
    for name, values in c.items():
        x[:, _INDEX[name]] = values
    for i, it in enumerate(items):
        if it.reason in _RULE_COL:
            x[i, _RULE_COL[it.reason]] = 1.0
        role = analysis.roles.get(i)
        if role:
            x[i, _INDEX[f"role_{role}"]] = 1.0
    return x


_RULE_COL = {r: _INDEX[f"rule_{r}"] for r in RULE_NAMES}
_OWN_COLUMNS = [_INDEX[name] for name in OWN]


def _structure(items, facts, content: structure.Incidence, prose, tokens, title_like, names) -> dict:
    """Templates, periodic shapes and the recurring subject (:mod:`.structure`) as feature columns.

    Page text only (the columns stay 0 on HTML, whose markup already shows the page's structure):
    on HTML they cost no-article pages on held-out sites (docs/cleaning.md)."""
    template, family = structure.templates([f.template for f in facts])
    periodic = structure.periodic(structure.shapes(items, title_like, names))
    core = structure.recurring(content, prose > 0)
    start, end = structure.core_run(core, prose, tokens)
    index = np.arange(len(items))
    return {"template": template, "family": family, "periodic": periodic,
            "periodic_prose": periodic * prose, "topic_core": core, "topic_local": structure.local(content),
            "in_core": (index >= start) & (index < end), "before_core": (index < start) & (end > start),
            "after_core": (index >= end) & (end > start)}


def _topics(content: structure.Incidence, prose: np.ndarray, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """For each line, the share of its content words (not stop-words, not numbers) that running
    text :data:`TOPIC_GAP` or more lines away also has (``topic_far``), and that the running text
    of the densest block has, the line itself left out (``topic_block``)."""
    n = len(content.size)
    line, word = content.line, content.word
    in_prose = prose[line]
    first, last = np.full(content.words, n), np.full(content.words, -n)  # each word's first and last prose line
    np.minimum.at(first, word[in_prose], line[in_prose])
    np.maximum.at(last, word[in_prose], line[in_prose])
    far = (first[word] <= line - TOPIC_GAP) | (last[word] >= line + TOPIC_GAP)
    index = np.arange(n)
    block_prose = (prose & (index >= start) & (index < end)).astype(float)
    return content.share(far), content.share(content.lines_with(block_prose)[word] > block_prose[line])


def _title_above(items, match: np.ndarray, title_like: np.ndarray, start: int, end: int) -> np.ndarray:
    """1 for the nearest line above the block's first running text that matches the page's title
    by half (``match``: a line's share of words in the HTML ``<title>`` where there is one, else
    in the block's running text) and is neither running text nor ruled chrome: the title, whatever
    unknown widgets stand between it and the lead."""
    out = np.zeros(len(items))
    first = next((i for i in range(start, end) if items[i].prose), None)
    if first is None:
        return out
    for i in range(first - 1, max(first - 13, -1), -1):
        it = items[i]
        if not it.prose and not it.reason and match[i] >= 0.5 and (title_like[i] or it.tokens <= 3):
            out[i] = 1.0
            break
    return out


def _hint_overlap(token_sets: list[set[str]], hint: str | None) -> np.ndarray:
    """Each line's word overlap (Jaccard) with the HTML's ``<title>``/og:title (0 without one)."""
    if not hint:
        return np.zeros(len(token_sets))
    hint_words = word_set(hint)
    return np.array([_jaccard(words, hint_words) if words else 0.0 for words in token_sets])


def _jaccard(a: Set[str], b: Set[str]) -> float:
    """``len(a & b) / len(a | b)`` (0 for two empty sets), without building the union."""
    shared = len(a & b)
    return shared / ((len(a) + len(b) - shared) or 1)


def _shifted(values: np.ndarray, by: int, edge: float) -> np.ndarray:
    """``values[i + by]`` for each line i, ``edge`` where that line does not exist."""
    n = len(values)
    out = np.full(n, edge)
    if by > 0:
        out[:max(0, n - by)] = values[by:]
    else:
        out[-by:] = values[:max(0, n + by)]
    return out


def _window_mean(values: np.ndarray, start: int, stop: int) -> np.ndarray:
    """For each line i, the mean of ``values[i + start : i + stop]`` where those lines exist (0 where
    none do): summed left to right as numpy sums a short slice, so the figures are the slice means'."""
    n = len(values)
    total, count = np.zeros(n), np.zeros(n)
    for offset in range(start, stop):
        lo, hi = max(0, -offset), min(n, n - offset)
        if lo < hi:
            total[lo:hi] += values[lo + offset:hi + offset]
            count[lo:hi] += 1
    return np.divide(total, count, out=np.zeros(n), where=count > 0)


def _table_runs(items) -> np.ndarray:
    """1 for lines in a run of three or more rows with the same number of cells (a table, not a menu)."""
    counts = [it.facts.cells for it in items]
    out = np.zeros(len(items))
    i = 0
    while i < len(items):
        j = i
        while counts[i] and j + 1 < len(items) and counts[j + 1] == counts[i]:
            j += 1
        if counts[i] and j - i >= 2:
            out[i:j + 1] = 1.0
        i = j + 1
    return out


def _dated_sections(items, inside: dict[int, str]) -> np.ndarray:
    """1 for lines of a related/comment section (as the rules found it) holding two or more dates or
    repeated lines: a list of teasers or comments, not the article going on after a link box."""
    out = np.zeros(len(items))
    i = 0
    while i < len(items):
        if inside.get(i) not in ("related-block", "comment-section"):
            i += 1
            continue
        j = i
        while j < len(items) and inside.get(j) == inside.get(i):
            j += 1
        marks = sum(it.reason in ("date-only", "meta-line") or it.repeat_of is not None for it in items[i:j])
        out[i:j] = float(marks >= 2)
        i = j
    return out
