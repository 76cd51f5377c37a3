"""The line classifier's features: what a line looks like, where it stands, what the rules said.

One row per non-blank line of the page text, in :data:`NAMES` order, all in 0..1 (or small
counts scaled down). They describe the line itself (length, stop-word share, punctuation,
capitals, digits, sentence shape), the Vietnamese line rules' verdict and hints (as features,
not as final decisions), the rule pipeline's reading of the page (densest block, distance to
it, role it gave, related/comment section), its neighbours (a window of two lines each side),
its similarity to the title, and for HTML its markup (trafilatura's main content, link
density, block tag, boilerplate/content words in the classes and ids of its ancestors).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from tachtu.cleaning import lines as rules

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
        "starts_digit", "after_image", "marked_caption", "repeat")
_PAGE = ("in_block", "before_block", "after_block", "distance", "position", "page_no_article", "in_related",
         "in_comments", "in_box", "title_similarity", "teaser_title", "teaser_lead", "block_prose_share")
_CONTEXT = ("prev_prose", "next_prose", "prev_rule", "next_rule", "window_score", "window_prose", "prev_title_like",
            "next_title_like", "run_prose")
_HTML = ("html", "in_main", "link_density", "markup_boilerplate", "markup_content") + tuple(f"tag_{t}" for t in TAGS)
_CROSS = ("prose_in_block", "prose_in_related", "prose_outside", "rule_in_block", "title_like_in_block",
          "main_prose", "link_prose", "heading_between_prose", "heading_before_prose", "cells_run", "cells_in_block",
          "isolated_prose", "short_in_block", "name_after_block", "headed_by_own_title", "heads_own_lead",
          "prose_after", "prose_before", "title_before_run", "short_between_runs", "table_run",
          "in_dated_section", "section_after_article")
#: Feature names, in column order.
NAMES = (_OWN + _PAGE + _CONTEXT + _HTML + _CROSS + tuple(f"rule_{r}" for r in RULE_NAMES)
         + tuple(f"role_{r}" for r in ROLE_NAMES))
_INDEX = {name: k for k, name in enumerate(NAMES)}
_TEASER_META = {"date-only", "meta-line", "counter", "read-more-link"}
_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(rules.fold(text[:2000])))


def matrix(items, analysis, markup: dict[str, Markup] | None, html: bool) -> np.ndarray:
    """The feature matrix of a page (``items`` and ``analysis`` from :mod:`.analysis`)."""
    n = len(items)
    x = np.zeros((n, len(NAMES)), dtype=np.float64)
    if not n:
        return x
    start, end = analysis.block if analysis.block else (0, 0)
    title_idx = analysis.title
    title_tokens = _tokens(items[title_idx].text) if title_idx is not None else (
        _tokens(analysis.title_hint) if analysis.title_hint else set())
    prose = np.array([it.prose for it in items], dtype=float)
    score = np.array([it.score for it in items])
    ruled = np.array([it.reason is not None for it in items], dtype=float)
    title_like = np.array([rules.is_title_like(it.text) and not it.prose for it in items], dtype=float)
    block_prose = prose[start:end].mean() if end > start else 0.0
    cells = np.array([("\t" in it.text or " | " in it.text) for it in items], dtype=float)
    table_run = _table_runs(items)
    window_score, window_prose = _window_mean(score, -2, 3), _window_mean(prose, -2, 3)
    prose_after, prose_before = _window_mean(prose, 1, 6), _window_mean(prose, -5, 0)
    near_prose_before = _window_mean(prose, -2, 0) > 0
    dated_section = _dated_sections(items, analysis.inside)
    token_sets = [_tokens(it.text) for it in items]
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
    col = _INDEX
    for i, it in enumerate(items):
        row = x[i]
        text = it.text
        f = it.measured
        row[col["tokens"]] = min(np.log1p(it.tokens) / 5.0, 1.5)
        row[col["score"]] = it.score
        row[col["stop_density"]] = min(f["stop_density"], 0.6)
        row[col["capitalised"]] = min(f["capitalised"], 1.0)
        row[col["numeric"]] = min(f["numeric"], 1.0)
        row[col["commas"]] = min(f["commas"], 5.0) / 5.0
        row[col["sentence_end"]] = f["sentence_end"]
        row[col["prose"]] = prose[i]
        row[col["short"]] = float(it.tokens <= 4)
        row[col["title_like"]] = title_like[i]
        row[col["name_like"]] = float(rules.looks_like_name(text))
        row[col["byline_hint"]] = float(rules.byline_hint(text))
        row[col["caption_hint"]] = float(rules.caption_hint(text))
        row[col["source_hint"]] = float(rules.source_hint(text))
        row[col["ends_colon"]] = float(text.endswith((":", "：")))
        row[col["cells"]] = float("\t" in text or " | " in text)
        row[col["all_caps"]] = float(text.isupper())
        row[col["starts_digit"]] = float(text[:1].isdigit())
        row[col["after_image"]] = float(it.after_image)
        row[col["marked_caption"]] = float(it.caption)
        row[col["repeat"]] = float(it.repeat_of is not None)
        inside = end > start and start <= i < end
        row[col["in_block"]] = float(inside)
        row[col["before_block"]] = float(end > start and i < start)
        row[col["after_block"]] = float(end > start and i >= end)
        row[col["distance"]] = 0.0 if inside or end <= start else min(abs(i - start) if i < start else i - end + 1, 20) / 20
        row[col["position"]] = i / n
        row[col["page_no_article"]] = float(analysis.reason is not None)
        where = analysis.inside.get(i)
        row[col["in_related"]] = float(where == "related-block")
        row[col["in_comments"]] = float(where == "comment-section")
        row[col["in_box"]] = float(where == "boxed")
        if title_tokens and i != title_idx:
            mine = token_sets[i]
            row[col["title_similarity"]] = len(mine & title_tokens) / (len(mine | title_tokens) or 1)
        nxt = i + 1 < n and prose[i + 1]
        row[col["teaser_title"]] = float(title_like[i] and nxt and (i + 2 >= n or title_like[i + 2] or not prose[i + 2]))
        row[col["teaser_lead"]] = float(prose[i] and i > 0 and title_like[i - 1] and (i + 1 >= n or not prose[i + 1]))
        row[col["block_prose_share"]] = block_prose
        row[col["prev_prose"]] = prose[i - 1] if i else 0.0
        row[col["next_prose"]] = prose[i + 1] if i + 1 < n else 0.0
        row[col["prev_rule"]] = ruled[i - 1] if i else 1.0
        row[col["next_rule"]] = ruled[i + 1] if i + 1 < n else 1.0
        row[col["window_score"]] = window_score[i]
        row[col["window_prose"]] = window_prose[i]
        row[col["prev_title_like"]] = title_like[i - 1] if i else 0.0
        row[col["next_title_like"]] = title_like[i + 1] if i + 1 < n else 0.0
        row[col["run_prose"]] = float(prose[i] and ((i and prose[i - 1]) or (i + 1 < n and prose[i + 1])))
        if html:
            row[col["html"]] = 1.0
            row[col["in_main"]] = float(it.main)
            mark = markup.get(rules.squash(text)) if markup and len(text) <= 5000 else None
            if mark is not None:
                row[col["link_density"]] = mark.link_density
                row[col["markup_boilerplate"]] = float(mark.boilerplate)
                row[col["markup_content"]] = float(mark.content)
                row[col[f"tag_{mark.tag}"]] = 1.0
        row[col["prose_in_block"]] = prose[i] * inside
        row[col["prose_in_related"]] = prose[i] * (where in ("related-block", "comment-section"))
        row[col["prose_outside"]] = prose[i] * (not inside)
        row[col["rule_in_block"]] = ruled[i] * inside
        row[col["title_like_in_block"]] = title_like[i] * inside
        row[col["main_prose"]] = row[col["in_main"]] * prose[i]
        row[col["link_prose"]] = row[col["link_density"]] * prose[i]
        row[col["heading_between_prose"]] = title_like[i] * near_prose_before[i] * row[col["next_prose"]]
        row[col["heading_before_prose"]] = title_like[i] * row[col["next_prose"]] * (not near_prose_before[i])
        row[col["cells_run"]] = row[col["cells"]] * max(cells[i - 1] if i else 0.0, cells[i + 1] if i + 1 < n else 0.0)
        row[col["cells_in_block"]] = row[col["cells"]] * (inside or (end > start and 0 <= i - end < 8))
        row[col["isolated_prose"]] = prose[i] * (not row[col["run_prose"]])
        row[col["short_in_block"]] = row[col["short"]] * inside
        row[col["name_after_block"]] = row[col["name_like"]] * (end > start and 0 <= i - end < 4)
        row[col["headed_by_own_title"]] = headed[i]
        row[col["heads_own_lead"]] = heads[i]
        after, before = prose_after[i], prose_before[i]
        row[col["prose_after"]] = after
        row[col["prose_before"]] = before
        row[col["title_before_run"]] = title_like[i] * after * (not near_prose_before[i])
        row[col["short_between_runs"]] = (not prose[i]) * (it.tokens <= 12) * after * before
        row[col["table_run"]] = table_run[i]
        row[col["in_dated_section"]] = dated_section[i]
        row[col["section_after_article"]] = float(where in ("related-block", "comment-section") and analysis.end
                                                  and i >= analysis.end)
        if it.reason in _RULE_COL:
            row[_RULE_COL[it.reason]] = 1.0
        role = analysis.roles.get(i)
        if role:
            row[col[f"role_{role}"]] = 1.0
    return x


_RULE_COL = {r: _INDEX[f"rule_{r}"] for r in RULE_NAMES}


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


def _cell_count(text: str) -> int:
    return max(text.count("\t"), text.count(" | ")) + 1 if ("\t" in text or " | " in text) else 0


def _table_runs(items) -> np.ndarray:
    """1 for lines in a run of three or more rows with the same number of cells (a table, not a menu)."""
    counts = [_cell_count(it.text) for it in items]
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
