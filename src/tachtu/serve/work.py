"""The CPU work behind each endpoint, run in a worker thread with the request's deadline.

Each function takes an already validated request (see :mod:`tachtu.serve.schemas`) and
returns the JSON-ready response body.
"""

from __future__ import annotations

from tachtu.segmenter import Segmenter
from tachtu.serve.limits import Deadline
from tachtu.serve.segmenters import Segmenters
from tachtu.types import Word


def word_json(word: Word) -> dict:
    """A word as JSON: its text (syllables joined by ``_``) and its character offsets.

    >>> word_json(Word("Hà_Nội", 0, 6))
    {'text': 'Hà_Nội', 'start': 0, 'end': 6}
    """
    return {"text": word.text, "start": word.start, "end": word.end}


def segment_one(segmenter: Segmenter, text: str, output: str, sentences: bool) -> dict:
    """One text's result: ``{"text"}``, ``{"words"}`` or ``{"sentences"}`` by the options."""
    if output == "text":
        return {"text": segmenter.segment(text, sentences=sentences)}
    if sentences:
        return {"sentences": [[word_json(w) for w in sentence]
                              for sentence in segmenter.sentences(text)]}
    return {"words": [word_json(w) for w in segmenter.words(text)]}


def segment(segmenters: Segmenters, request: dict, deadline: Deadline) -> dict:
    """``POST /segment``: one result for ``text``, ``{"results": [...]}`` for ``texts``."""
    segmenter = segmenters.get(request["mode"], request["tone"])
    options = request["output"], request["sentences"]
    if "text" in request:
        return segment_one(segmenter, request["text"], *options)
    results = []
    for text in request["texts"]:
        deadline.check()
        results.append(segment_one(segmenter, text, *options))
    return {"results": results}


def clean(segmenters: Segmenters, request: dict, deadline: Deadline) -> dict:
    """``POST /clean``: the article document, with ``segmentation`` of its text if asked."""
    from tachtu import clean as clean_page

    document = clean_page(request["page"]).to_dict()
    if request["segment"]:
        deadline.check()
        segmenter = segmenters.get(request["mode"], request["tone"])
        document["segmentation"] = segment_one(segmenter, document["text"], request["output"],
                                               request["sentences"])
    return document
