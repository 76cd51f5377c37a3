"""The CPU work behind each endpoint, run in a worker thread with the request's deadline.

Each function takes an already validated request (see :mod:`tachtu.serve.schemas`) and
returns the JSON-ready response body. The deadline is checked between lines of a text's
segmented output and between groups of a batch, so a request past its time limit stops.
"""

from __future__ import annotations

from tachtu.segmenter import Segmenter, batches
from tachtu.serve.limits import Deadline
from tachtu.serve.segmenters import Segmenters
from tachtu.types import Word

#: Characters of a batch given to the segmenter's batched calls at once, between deadline checks.
GROUP_CHARS = 50_000


def word_json(word: Word) -> dict:
    """A word as JSON: its text (syllables joined by ``_``) and its character offsets.

    >>> word_json(Word("Hà_Nội", 0, 6))
    {'text': 'Hà_Nội', 'start': 0, 'end': 6}
    """
    return {"text": word.text, "start": word.start, "end": word.end}


def segment_one(segmenter: Segmenter, text: str, output: str, sentences: bool,
                deadline: Deadline) -> dict:
    """One text's result: ``{"text"}``, ``{"words"}`` or ``{"sentences"}`` by the options."""
    if output == "text":
        lines = []
        for line in segmenter.iter_segment(text, sentences=sentences):
            deadline.check()
            lines.append(line)
        return {"text": "\n".join(lines)}
    if sentences:
        return {"sentences": [[word_json(w) for w in sentence]
                              for sentence in segmenter.sentences(text)]}
    return {"words": [word_json(w) for w in segmenter.words(text)]}


def segment(segmenters: Segmenters, request: dict, deadline: Deadline) -> dict:
    """``POST /segment``: one result for ``text``, ``{"results": [...]}`` for ``texts``."""
    segmenter = segmenters.get(request["mode"], request["tone"])
    output, sentences = request["output"], request["sentences"]
    if "text" in request:
        return segment_one(segmenter, request["text"], output, sentences, deadline)
    results = []
    for group in batches(request["texts"], GROUP_CHARS):
        deadline.check()
        if output == "text":
            results += [{"text": t} for t in segmenter.segment_batch(group, sentences=sentences)]
        elif not sentences:
            results += [{"words": [word_json(w) for w in words]}
                        for words in segmenter.words_batch(group)]
        else:
            results += [segment_one(segmenter, text, output, sentences, deadline) for text in group]
    return {"results": results}



def clean(segmenters: Segmenters, request: dict, deadline: Deadline) -> dict:
    """``POST /clean``: the article document, with ``segmentation`` of its text if asked."""
    from tachtu import clean as clean_page

    page = clean_page(request["page"], format=request["format"], url=request.get("url"))
    document = page.to_dict()
    if request["segment"]:
        deadline.check()
        segmenter = segmenters.get(request["mode"], request["tone"])
        document["segmentation"] = segment_one(segmenter, document["text"], request["output"],
                                               request["sentences"], deadline)
    return document
