"""The rules' reading of a page: its lines, their verdicts, the densest block, the roles inside it.

1. Each non-blank line gets its single-line rule verdict (:mod:`.lines`) and score (:mod:`.score`).
2. Headings of related-article and comment blocks (and forum reply bars) split the page into
   sections; an inline "Tin liên quan" box of a few links followed by more running text does not.
3. In each section the densest block of weights is found; blocks that read as teaser lists
   count less; the article is the earliest block with at least 35 % of the best block's weight
   (the article comes before related articles and comments, an opening post before replies).
4. Inside the block, a single article header (title, then date/counter lines) marks where the
   article starts; the title is the nearest title-like line above it; by-line, source line,
   captions and a short closing sentence just below are kept and marked. A page whose block is
   too thin, or is a list of teasers, gets a no-article reason.

The result, an :class:`Analysis`, is what :mod:`.page` turns into a document (the rules'
verdict) and what :mod:`.features` turns into the line classifier's input.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tachtu.cleaning import lines as rules
from tachtu.cleaning.facts import Facts, facts
from tachtu.cleaning.score import densest_block, line_score, line_weight
from tachtu.text.syllable import SENTENCE_FINALS

MIN_ARTICLE_WORDS = 40       # fewer words of running text than this: no article
CHOSEN_SHARE = 0.35          # earliest block with this share of the best block's weight wins
TEASER_SHARE = 0.6           # a block whose prose is this often headed by a short title is a teaser list ...
TEASER_DISCOUNT = 0.4        # ... and its weight counts this much
HEADING_SKIP = {"date-only", "meta-line", "counter", "user-name", "share-widget", "breadcrumb", "navigation", "page-furniture",
                "no-letters", "tags", "email-artefact", "url-only", "read-more-link"}
TAIL_SKIP = {"read-more-link", "share-widget", "tags", "counter", "page-furniture"}
DROP_WEIGHT = -3.0
MAIN_BONUS = 0.5             # per token, for lines the HTML extractor chose as main content
_TITLE_START = regex.compile(r"[\p{Lu}\d\"“]")


@dataclass
class Line:
    """One non-blank line of the page with what the rules and the score say of it."""

    n: int                       # 1-based line number in the input text
    text: str                    # the line without outer whitespace
    reason: str | None           # single-line rule verdict
    kind: str | None             # 'related' / 'comments' heading
    score: float
    weight: float
    tokens: int
    after_image: bool            # preceded by a whitespace-only line (where an image was)
    repeat_of: int | None = None  # index of the first identical line
    caption: bool = False        # marked as a caption by the page's markup
    prose: bool = False          # running text (:func:`_prose`; of the whole paragraph, if hard-wrapped)
    facts: Facts | None = None   # what the line's own text says (:mod:`.facts`)
    main: bool = False           # chosen as main content by the HTML extractor


def _prose(text: str, score: float, tokens: int) -> bool:
    """Running text: a good score, ten tokens or more, and a sentence end unless it is long."""
    return score >= 0.6 and tokens >= 10 and (tokens >= 20 or text.endswith(SENTENCE_FINALS))


def _read(text: str, main: dict[str, str] | None = None) -> list[Line]:
    """The non-blank lines with their verdicts.

    ``main`` maps lines an extractor chose as main content (by :func:`~.lines.squash`) to the
    extractor's rendering of them, which is used instead (inline markup joined as a browser
    does, table cells separated by ' | '); those lines weigh more.
    """
    out: list[Line] = []
    seen: dict[str, int] = {}
    placeholder = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            placeholder = placeholder or bool(raw)
            continue
        chosen = main.get(rules.squash(line)) if main is not None and len(line) <= 5000 else None
        line = chosen or line
        f = facts(line)
        reason = f.reason
        item = Line(n, line, reason, f.kind, f.score, DROP_WEIGHT if reason else f.weight, f.tokens, placeholder,
                    prose=_prose(line, f.score, f.tokens), facts=f, main=bool(chosen))
        key = rules.fold(line) if len(line) <= 1000 else line
        if chosen and not reason:
            item.weight = max(item.weight, 0.0) + MAIN_BONUS * max(item.tokens, 4)
        if key in seen:
            item.repeat_of = seen[key]
            item.weight = min(item.weight, DROP_WEIGHT)
        else:
            seen[key] = len(out)
        out.append(item)
        placeholder = False
    _mark_tables(out)
    _join_wrapped(out)
    return out


def _join_wrapped(items: list[Line]) -> None:
    """Lines of one hard-wrapped paragraph (each continues on the next line, which starts in lower
    case) are scored as the paragraph they form, so that wrapping does not hide running text."""
    i = 0
    while i < len(items):
        j = i
        while (j + 1 < len(items) and items[j + 1].n == items[j].n + 1 and not items[j].reason
               and not items[j + 1].reason and not items[j].text.endswith(SENTENCE_FINALS)
               and items[j + 1].text[:1].islower()):
            j += 1
        if j > i:
            run = items[i:j + 1]
            whole = " ".join(it.text for it in run)
            score = line_score(whole)
            prose = _prose(whole, score, sum(it.tokens for it in run))
            for it in run:
                if it.repeat_of is None:
                    it.score, it.weight, it.prose = score, line_weight(it.text, score), prose
        i = j + 1


def _cells(it: Line) -> int:
    return it.text.count(" | ") + 1 if it.reason == "navigation" and " | " in it.text else 0


def _mark_tables(items: list[Line]) -> None:
    """Rows of a table ('a | b | c' lines with the same number of cells) are not menus."""
    cells = [_cells(it) for it in items]
    for i, it in enumerate(items):
        if cells[i] and any(0 <= j < len(items) and cells[j] == cells[i] for j in (i - 1, i + 1)):
            it.reason, it.weight = None, 0.5 * it.tokens


def _inline_box(items: list[Line], i: int) -> int | None:
    """If the related heading at ``i`` opens a short link box inside the article, the box's end.

    A box is 1-4 link lines (no dates, no repeated titles) after which the article goes on:
    before the next block heading come two paragraphs of prose in a row (captions between
    them allowed), or a paragraph followed by the by-line. A list of teasers (title, lead,
    title, lead) never has two leads in a row.
    """
    j = i + 1
    while j < len(items) and not items[j].prose:
        if items[j].reason == "date-only" or items[j].kind or items[j].repeat_of is not None or j > i + 4:
            return None
        j += 1
    if j == i + 1:
        return None
    previous = False
    for k in range(j, min(j + 30, len(items))):
        it = items[k]
        if it.kind or it.repeat_of is not None or it.reason == "date-only":
            return None
        if it.facts.caption:
            continue
        if it.prose and not it.reason:
            if previous:
                return j
            previous = True
            continue
        signed = it.facts.byline or it.facts.source or it.facts.name_like
        if previous and signed and (k + 1 == len(items) or not items[k + 1].prose):
            return j
        previous = False
    return None


def _sections(items: list[Line]) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Split at block headings; return the sections and the block kind of lines inside blocks."""
    bounds, inside, start, i = [], {}, 0, 0
    while i < len(items):
        kind = items[i].kind
        if kind == "related" and (end := _inline_box(items, i)) is not None:
            for k in range(i + 1, end):
                inside[k] = "boxed"
                items[k].weight = DROP_WEIGHT
            i = end
            continue
        if kind:
            bounds.append((start, i))
            start = i + 1
            reason = "related-block" if kind == "related" else "comment-section"
            k = i + 1
            while k < len(items) and not items[k].kind:
                inside[k] = reason
                k += 1
        i += 1
    bounds.append((start, len(items)))
    return [b for b in bounds if b[1] > b[0]], inside


def _teaser_share(items: list[Line], start: int, end: int) -> float:
    """The share of prose lines in ``[start, end)`` that come right after a short title-like line.

    Teaser lists (title, lead, title, lead) have nearly all their prose headed so; articles
    mostly have paragraphs in a row.
    """
    prose = [i for i in range(start + 1, end) if items[i].prose]
    headed = sum(not items[i - 1].prose and (items[i - 1].facts.title_like or items[i - 1].reason
                                              == "date-only") for i in prose)
    return headed / len(prose) if len(prose) >= 3 else 0.0


def _choose_block(items: list[Line], sections: list[tuple[int, int]],
                  title_hint: str | None) -> tuple[int, int] | None:
    """The article block: the densest block of each section, weighed down when it reads as a
    teaser list; the earliest one with enough weight wins (the article comes before the
    related articles and comments that follow it)."""
    blocks = []
    for lo, hi in sections:
        start, end, mass = densest_block([it.weight for it in items[lo:hi]])
        start, end = lo + start, lo + end
        if mass > 0:
            if _teaser_share(items, start, end) >= TEASER_SHARE:
                mass *= TEASER_DISCOUNT
            blocks.append((start, end, mass))
    if not blocks:
        return None
    best = max(mass for *_, mass in blocks)
    start, end, _ = next(b for b in blocks if b[2] >= CHOSEN_SHARE * best)
    return start, end


HEADER_META = {"date-only", "meta-line", "counter"}


def _header_end(items: list[Line], i: int) -> int | None:
    """If line ``i`` is a title followed by its date/counter lines and then prose, the first prose line."""
    if items[i].reason or items[i].prose or not items[i].facts.title_like:
        return None
    j, meta = i + 1, 0
    while j < len(items) and j <= i + 5 and (items[j].reason in HEADER_META or items[j].reason == "share-widget"
                                              or items[j].facts.byline):
        meta += items[j].reason in HEADER_META
        j += 1
    return j if meta and j < len(items) and items[j].prose else None


def _article_start(items: list[Line], start: int, end: int) -> int:
    """Where the article starts in the block: after the one article header (title, then date or
    counter lines) inside it, if there is exactly one; teasers above it are sidebar."""
    headers = [h for i in range(start + 1, end) if (h := _header_end(items, i)) is not None]
    return headers[0] if len(headers) == 1 else start


def _empty_reason(items: list[Line], start: int, end: int) -> str | None:
    core = items[start:end]
    words = sum(it.tokens for it in core if it.prose)
    if words < MIN_ARTICLE_WORDS:
        return f"no article: the densest block of running text has {words} words (fewer than {MIN_ARTICLE_WORDS})"
    dated = sum(it.reason in ("date-only", "read-more-link") or it.repeat_of is not None for it in core)
    prose = sum(it.prose for it in core)
    if dated >= 3 and dated * 2 >= prose:
        return f"listing page: {prose} teasers separated by {dated} dates, links or repeated titles, no article"
    heads = [items[i - 1] for i in range(max(start, 1), end) if items[i].prose and not items[i - 1].prose
             and items[i - 1].facts.title_like]
    if len(heads) >= 4 and len(heads) >= 0.75 * prose and sum(h.tokens for h in heads) >= 8 * len(heads):
        return f"listing page: {prose} teasers each under a headline, no article"
    return None


def _find_title(items: list[Line], start: int, title_hint: str | None) -> int | None:
    """The title line: the hint (from HTML metadata) if it is just above, else the nearest title-like line."""
    if title_hint:
        hint = rules.fold(title_hint)
        for i in range(min(start + 2, len(items) - 1), max(start - 12, -1), -1):
            if rules.fold(items[i].text) == hint:
                return i
    looked = 0
    for i in range(start - 1, -1, -1):
        it = items[i]
        if (it.kind and it.reason != "counter") or looked >= 8:
            return None
        looked += 1
        if it.reason in HEADING_SKIP or it.facts.byline or (it.tokens <= 25 and it.facts.date):
            continue
        if not it.reason and (it.facts.title_like or _TITLE_START.match(it.text)):
            above = items[i - 1] if i > 0 else None
            if above and not above.reason and not above.kind and it.facts.name_like \
                    and above.facts.title_like and not above.facts.name_like \
                    and above.tokens > it.tokens and above.n == it.n - 1:
                return i - 1  # 'THU HÀ - TTXVN' right under the title is the by-line
            return i
        if it.tokens > 3 or it.reason:
            return None  # a short lower-case line (a user name) is skipped, anything else ends the search
    return None


def _tail(items: list[Line], end: int) -> dict[int, str]:
    """By-line, source line, captions and a short closing sentence just after the block (tags,
    links, share bars skipped)."""
    roles: dict[int, str] = {}
    for i in range(end, min(end + 5, len(items))):
        it = items[i]
        if it.kind:
            break
        if it.reason in TAIL_SKIP:
            continue
        if it.repeat_of is not None:
            break
        if it.facts.source:
            roles[i] = "source"
        elif it.facts.byline or (not it.reason and it.facts.name_like):
            roles[i] = "byline"
        elif it.facts.caption and not roles:
            roles[i] = "caption"
        elif not roles and not it.reason and it.tokens <= 25 and it.text.endswith(SENTENCE_FINALS) \
                and not it.after_image:
            roles[i] = "body"  # a short closing sentence ('Xin cảm ơn ông!') before the by-line
        else:
            break
    return roles


def _core_role(items: list[Line], i: int, end: int, first_body: bool) -> str | None:
    it = items[i]
    near_end = i >= end - 3
    if it.caption or it.facts.caption:
        return "caption"
    if it.reason == "navigation" and rules.section_names(it.text) and i + 1 < end and items[i + 1].prose:
        return "heading"  # a section name standing between paragraphs is a sub-heading, not a menu
    if it.reason:
        return None
    if near_end and it.facts.source:
        return "source"
    if near_end and (it.facts.byline or it.facts.name_like):
        return "byline"
    if it.after_image and it.tokens <= 40 and not first_body:
        return "caption"
    if it.facts.title_like and not it.prose and it.tokens <= 25:
        return "heading"
    return "lead" if first_body else "body"


def date_near(items: list[Line], lo: int, hi: int) -> tuple[str | None, str | None]:
    """The first date line among ``items[lo:hi]``: (ISO date, the line), or (None, None)."""
    for it in items[lo:hi]:
        if it.reason == "date-only" or (it.tokens <= 25 and it.facts.date):
            iso = it.facts.date
            if iso:
                return iso, it.text
    return None, None


def _roles(items: list[Line], start: int, end: int, inside: dict[int, str],
           title_hint: str | None) -> tuple[dict[int, str], int | None, int, int]:
    """The role of every kept line around the block ``[start, end)``; the title's index and the
    article's start and end."""
    roles: dict[int, str] = {}
    start = _article_start(items, start, end)
    title = _find_title(items, start, title_hint)
    if title is None and items[start].facts.title_like and not items[start].prose and end - start > 1:
        title = start
    if title is not None and title >= start:
        start = title + 1  # the title was inside the block (an extractor kept it as content)
    if title is not None:
        roles[title] = "title"
        for i in range(title + 1, start):
            named = i == title + 1 and not items[i].reason and items[i].facts.name_like
            if (items[i].facts.byline or named) and items[i].reason not in ("counter", "meta-line"):
                roles[i] = "byline"
    first_body = True
    for i in range(start, end):
        if inside.get(i) == "boxed" or (title is not None and items[i].repeat_of == title):
            continue
        role = _core_role(items, i, end, first_body and title is not None)
        if role and items[i].repeat_of is not None and items[i].repeat_of >= start:
            continue
        if role:
            roles[i] = role
            first_body = first_body and role not in ("lead", "body")
    roles.update(_tail(items, end))
    return roles, title, start, end


@dataclass
class Analysis:
    """What the line rules and the densest block make of a page: the classifier's input."""

    items: list[Line]
    inside: dict[int, str]            # line index -> 'related-block' / 'comment-section' / 'boxed'
    block: tuple[int, int] | None     # the densest block of running text
    reason: str | None                # the rules' no-article verdict
    roles: dict[int, str]             # line index -> role the rules gave
    title: int | None                 # the rules' title line
    start: int = 0                    # where the rules' article starts and ends
    end: int = 0
    title_hint: str | None = None


def analyse(text: str, *, title_hint: str | None = None, main: dict[str, str] | None = None,
            captions: set[str] = frozenset()) -> Analysis:
    """Run the line rules and the densest-block search over page text (one paragraph per line).

    ``title_hint`` comes from HTML metadata; ``main`` maps the lines an HTML extractor
    (trafilatura) chose as main content, by :func:`~.lines.squash`, to the extractor's
    rendering; ``captions`` are lines (by :func:`~.lines.squash`) the markup marks as photo captions.
    """
    items = _read(text, main)
    for it in items:
        it.caption = bool(captions) and len(it.text) <= 1000 and it.facts.squashed in captions
    sections, inside = _sections(items)
    block = _choose_block(items, sections, title_hint)
    reason = "empty page: no text" if not items else (
        "no article: no block of running text" if block is None else _empty_reason(items, *block))
    if reason is not None:
        return Analysis(items, inside, block, reason, {}, None, title_hint=title_hint)
    roles, title, start, end = _roles(items, *block, inside, title_hint)
    return Analysis(items, inside, block, reason, roles, title, start, end, title_hint)
