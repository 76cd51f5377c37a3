"""From a page's :class:`~.analysis.Analysis` to a :class:`Document`: the rules' verdict or the classifier's.

With a line model (:mod:`.model`; :func:`tachtu.clean` passes the shipped one by default) the
classifier keeps or drops each line and decides whether the page has an article at all; without
one, the lines the rules kept (the densest block and its roles, :mod:`.analysis`) are the
article. Every other line is dropped with the rule that fired, or with a positional reason
(``related-block``, ``comment-section``, ``repeated-title``, ``repeated-line``,
``outside-article``, ``classifier``). A page without an article gives an empty document with a
reason.
"""

from __future__ import annotations

from tachtu.cleaning import lines as rules
from tachtu.cleaning.analysis import Analysis, Line, analyse, date_near
from tachtu.cleaning.document import ARTICLE_ROLES, Document, Dropped, Paragraph

#: Positional reasons, added to the single-line rules of :data:`tachtu.cleaning.lines.RULES`.
REASONS = {
    "related-block": "inside a block of related-article links (after its heading)",
    "comment-section": "inside the readers' comment section",
    "repeated-title": "the article title again",
    "repeated-line": "a line that already appeared on the page (link lists show titles twice)",
    "outside-article": "outside the densest block of running text and not title, by-line or source",
    "classifier": "inside the article block, but the line classifier scored it as page chrome",
}

MIN_MODEL_LINES = 8          # pages with fewer non-blank lines are left to the rules


def featurize(text: str, *, title_hint: str | None = None, main: dict[str, str] | None = None,
              captions: set[str] = frozenset(), markup: dict | None = None):
    """The rules' :class:`Analysis` of the page and the classifier's feature matrix (one row per line)."""
    from tachtu.cleaning.features import matrix

    analysis = analyse(text, title_hint=title_hint, main=main, captions=captions)
    return analysis, matrix(analysis.items, analysis, markup, html=main is not None or markup is not None)


def _model_role(it: Line, seen_body: bool) -> str:
    """The role of a line the classifier keeps but the rules did not."""
    if it.caption or it.facts.caption:
        return "caption"
    one_word = it.tokens == 1 and it.text[:1].isupper()  # a one-word title ('Silic'); the first heading is the title
    if not it.prose and it.tokens <= 25 and (it.facts.title_like or one_word):
        return "heading"
    return "body" if seen_body else "lead"


def _once(items: list[Line], keep: list[bool]) -> list[bool]:
    """Each line kept at most once: a second showing of a kept line is a teaser or a link list's
    copy. (An in-article heading that a table of contents showed first stays.)"""
    kept_roots: set[int] = set()
    out = []
    for i, (it, k) in enumerate(zip(items, keep)):
        root = i if it.repeat_of is None else it.repeat_of
        out.append(k and root not in kept_roots)
        if out[-1]:
            kept_roots.add(root)
    return out


def clean_text(text: str, *, title_hint: str | None = None, date_hint: str | None = None,
               main: dict[str, str] | None = None, captions: set[str] = frozenset(),
               markup: dict | None = None, model=None, document: Document | None = None) -> Document:
    """Clean page text (one paragraph per line) into ``document`` (a new one by default).

    By default the rules decide (:func:`analyse`: the densest block and its roles). With
    ``model`` (``True`` for the shipped :func:`.model.shipped`, or a fitted
    :class:`.model.LineModel`) the rules' reading of the page and the markup facts of an HTML
    page (``markup``, from :func:`.html.markup`) become line features, and the line classifier
    keeps or drops each line and decides whether the page has an article at all.
    """
    from tachtu.cleaning import model as line_model

    doc = document if document is not None else Document()
    if not model:
        return _rules_document(analyse(text, title_hint=title_hint, main=main, captions=captions), date_hint, doc)
    analysis, x = featurize(text, title_hint=title_hint, main=main, captions=captions, markup=markup)
    items = analysis.items
    model = line_model.shipped() if model is True else model
    if len(items) < MIN_MODEL_LINES:  # too little page around the lines for the classifier: the rules decide
        keep, page_reason = [i in analysis.roles for i in range(len(items))], analysis.reason
    else:
        keep, page_reason = model.decide(x, [it.tokens for it in items], [it.prose for it in items])
        keep = _once(items, keep)
        title = analysis.title
        if title is not None and title_hint and rules.fold(items[title].text) == rules.fold(title_hint):
            keep[title] = True  # the line the HTML's own <title> names, just above the article
    if page_reason is not None:
        doc.reason = analysis.reason or page_reason
        keep = [False] * len(items)
    roles: dict[int, str] = {}
    seen_body = False
    for i, it in enumerate(items):
        rule_role = analysis.roles.get(i)
        if rule_role == "source" and doc.reason is None:
            roles[i] = "source"
        elif keep[i]:
            role = rule_role or _model_role(it, seen_body)
            roles[i] = "heading" if role == "title" and "title" in roles.values() else role
            seen_body = seen_body or role in ("lead", "body")
    if doc.reason is None:
        title = next((i for i, r in roles.items() if r == "title"), None)
        if title is None:
            first = min((i for i, r in roles.items() if r != "source"), default=None)
            if first is not None and roles[first] == "heading":
                title, roles[first] = first, "title"
        doc.title = items[title].text if title is not None else title_hint
        if title is None and title_hint and analysis.title is None:
            doc.paragraphs.append(Paragraph(title_hint, "title", None))
        head = title if title is not None else min(roles, default=0)
        doc.date, doc.date_text = date_near(items, max(0, head - 8), min(head + 10, len(items)))
        if doc.date is None and date_hint:
            doc.date = doc.date_text = date_hint
        if not any(r in ARTICLE_ROLES for r in roles.values()):
            doc.reason = page_reason or "no article: the line classifier kept no line"
            roles = {}
    return _fill(doc, analysis, roles)


def _rules_document(analysis: Analysis, date_hint: str | None, doc: Document) -> Document:
    """The rules' verdict as a document: the lines of the densest block, with their roles."""
    items, roles, title = analysis.items, analysis.roles, analysis.title
    if analysis.reason is None:
        doc.title = items[title].text if title is not None else analysis.title_hint
        if title is None and analysis.title_hint:
            doc.paragraphs.append(Paragraph(analysis.title_hint, "title", None))
        head = title if title is not None else analysis.start
        doc.date, doc.date_text = date_near(items, max(0, head - 8), min(analysis.start + 3, analysis.end))
        if doc.date is None and date_hint:
            doc.date = doc.date_text = date_hint
    else:
        doc.reason = analysis.reason
    return _fill(doc, analysis, roles)


def _fill(doc: Document, analysis: Analysis, roles: dict[int, str]) -> Document:
    """The kept lines (``roles``) as paragraphs, every other line in the audit with its reason
    (a line the rules kept but the classifier dropped: ``classifier``)."""
    title_key = rules.fold(doc.title) if doc.title else None
    for i, it in enumerate(analysis.items):
        if i in roles:
            doc.paragraphs.append(Paragraph(it.text, roles[i], it.n))
            continue
        why = it.reason
        if why is None and it.repeat_of is not None:
            why = "repeated-title" if title_key and rules.fold(it.text) == title_key else "repeated-line"
        why = why or {"boxed": "related-block"}.get(analysis.inside.get(i), analysis.inside.get(i))
        if why is None and i in analysis.roles:
            why = "classifier"
        doc.dropped.append(Dropped(it.text, why or "outside-article", it.n))
    return doc
