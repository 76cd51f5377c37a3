"""Group tokens into sentences, streaming.

A sentence ends after ``.``, ``!``, ``?``, ``…``, ``...`` (and runs such as
``?!``), together with any closing quotes and brackets that follow, and always
at a line break. Abbreviations (``TP.``, ``GS.``), initials (``T.``),
numbers, dates and URLs are single tokens, so their periods never end a
sentence. Three more rules avoid false breaks:

* an ellipsis followed by a lower-case word continues the sentence;
* a list number such as ``1.`` or ``a.`` at the start of a sentence is kept
  with what follows;
* ``v.v.`` / ``etc.`` end a sentence only when a capitalised word follows.

A straight quote ``"`` counts as closing when the sentence so far holds an odd
number of them. A runaway sentence is cut after ``max_tokens`` tokens.

>>> from tachtu.text.tokenize import tokenize
>>> def show(text):
...     return [" ".join(t.text for t in s) for s in split_sentences(tokenize(text))]
>>> show('GS. TS Nguyễn T. H. Lan về TP. HCM lúc 9h30. Anh nói: "Tôi đi." Rồi về.')
['GS. TS Nguyễn T. H. Lan về TP. HCM lúc 9h30 .', 'Anh nói : " Tôi đi . "', 'Rồi về .']
>>> show("Giá 1.500.000 đ (xem www.vnexpress.net)... vẫn tăng? Có!\\nDòng mới")
['Giá 1.500.000 đ ( xem www.vnexpress.net ) ... vẫn tăng ?', 'Có !', 'Dòng mới']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tachtu.text.tokenize import starts_line
from tachtu.types import Token

MAX_TOKENS = 1000

_CLOSERS = frozenset(["”", "’", "»", ")", "]", "}", "›", "」", "』", "\ufffd"])
_AMBIGUOUS_QUOTES = frozenset(['"', "'"])
_ELLIPSES = frozenset(["…", "..."])
_SENTENCE_ABBREVIATIONS = frozenset(["v.v.", "v.v...", "etc.", "V.v."])


def _is_terminal(token: Token) -> bool:
    return token.kind == "punct" and all(ch in ".!?…" for ch in token.text)


def _is_list_marker(sentence: list[Token]) -> bool:
    """``1.`` / ``a.`` / ``IV.`` opening a line is a list number, not a sentence."""
    if len(sentence) != 1:
        return False
    head = sentence[0]
    return head.kind == "number" or (head.kind == "word" and len(head.text) <= 3 and head.text.isalpha()
                                     and (len(head.text) == 1 or head.text.isupper()))


def _closes(token: Token, sentence: list[Token]) -> bool:
    if token.text in _CLOSERS:
        return True
    if token.text in _AMBIGUOUS_QUOTES:
        return sum(t.text == token.text for t in sentence) % 2 == 1
    return False


def _continues(token: Token, ender: Token) -> bool:
    """Whether ``token`` keeps going the sentence that ``ender`` seemed to end."""
    first = token.text[:1]
    if ender.text in _ELLIPSES or ender.text.endswith(".."):
        return first.islower()
    if ender.kind == "abbrev":
        return not first.isupper()
    return False


def iter_sentences(tokens: Iterable[Token], max_tokens: int = MAX_TOKENS) -> Iterator[list[Token]]:
    """Yield the sentences of a token stream as lists of tokens, never more than ``max_tokens`` long."""
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, not {max_tokens}")
    sentence: list[Token] = []
    ender: Token | None = None  # the token that may have ended the sentence
    closing = False             # after an ender: still taking closers and more end marks
    for token in tokens:
        kind = token[3]
        if (ender is None and kind != "punct" and kind != "abbrev" and type(token) is Token
                and len(sentence) < max_tokens):
            sentence.append(token)  # the common case: nothing can end here
            continue
        if sentence and starts_line(token):
            yield sentence
            sentence, ender, closing = [], None, False
        elif ender is not None:
            if closing and (_closes(token, sentence) or _is_terminal(token)):
                sentence.append(token)
                continue
            closing = False
            if not _continues(token, ender):
                yield sentence
                sentence = []
            ender = None
        if len(sentence) >= max_tokens:
            yield sentence
            sentence = []
        sentence.append(token)
        if _is_terminal(token) and not _is_list_marker(sentence[:-1]):
            ender, closing = token, True
        elif token.kind == "abbrev" and token.text in _SENTENCE_ABBREVIATIONS:
            ender, closing = token, True
    if sentence:
        yield sentence


def split_sentences(tokens: Iterable[Token], max_tokens: int = MAX_TOKENS) -> list[list[Token]]:
    """All sentences of ``tokens`` (see :func:`iter_sentences`)."""
    return list(iter_sentences(tokens, max_tokens))
