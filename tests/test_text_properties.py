"""Property tests of the tokenizer and sentence splitter over random and real text.

The invariant, for any input string ``s`` and tone option:

1. tokens come in order and do not overlap (``start < end <= next.start``);
2. everything between tokens is a separator (whitespace, ``Cc`` or ``Cf``), and
   no token span holds a separator, except the joiners and tag characters of an
   emoji sequence: so every other character is in exactly one token;
3. ``token.text == normalize(s[token.start:token.end], tone)`` and is never empty;
4. the kind is one of ``KINDS``; ``tokenize(s) == list(iter_tokens(s))``;
5. the sentences of the tokens, joined, are the tokens again, each at most
   ``max_tokens`` long, and a line break always starts a new sentence.
"""

import unicodedata

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tachtu.text import KINDS, iter_tokens, normalize, split_sentences, tokenize
from tests.conftest import SHARED_DATA

SEPARATOR = regex.compile(r"[\s\p{Cc}\p{Cf}]")
EMOJI_GLUE = regex.compile(r"[\u200d\U000E0020-\U000E007F]")
LINE_BREAK = regex.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
SILVER = SHARED_DATA / "silver" / "uts-col-news.raw.txt"

ALPHABET = list(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯQWZJ"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "0123456789.,;:!?-–/'’\"“”()[]…@#%+$₫©±_&*="
    "     \n\r\t\u00a0\u3000"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u031b\u0306"   # combining marks
    "\x00\x07\u200b\u200c\u200d\ufeff\u00ad\u2060\u200e"  # invisible
    "😀👍🏽🇻🇳👩💻\ufe0f\u20e3"                               # emoji parts
    "中文กไทЖы"                                            # other scripts
)
random_text = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80)
any_text = st.text(max_size=40)
tones = st.sampled_from(["keep", "old", "new"])


def check(text, tone="keep", max_tokens=50):
    tokens = tokenize(text, tone=tone)
    assert tokens == list(iter_tokens(text, tone=tone))
    previous = 0
    for t in tokens:
        assert previous <= t.start < t.end <= len(text)
        assert not regex.sub(SEPARATOR, "", text[previous:t.start]), (text, t)
        inside = text[t.start:t.end]
        if t.kind == "emoji":
            inside = EMOJI_GLUE.sub("", inside)
        assert not SEPARATOR.search(inside), (text, t)
        assert t.text and t.text == normalize(text[t.start:t.end], tone)
        assert t.kind in KINDS
        previous = t.end
    assert not SEPARATOR.sub("", text[previous:])
    sentences = split_sentences(tokens, max_tokens=max_tokens)
    assert [t for s in sentences for t in s] == tokens
    assert all(0 < len(s) <= max_tokens for s in sentences)
    for s in sentences:
        for a, b in zip(s, s[1:]):
            assert not LINE_BREAK.search(text, a.end, b.start), (text, s)
    return tokens


@settings(max_examples=400, deadline=None)
@given(random_text, tones)
def test_invariant_on_random_vietnamese_like_text(text, tone):
    check(text, tone)


@settings(max_examples=200, deadline=None)
@given(any_text, tones)
def test_invariant_on_arbitrary_unicode(text, tone):
    check(text, tone)


def _real_lines():
    if SILVER.exists():
        return SILVER.read_text(encoding="utf-8").splitlines()
    return ["Rất nhiều fan PSG ngóng đợi cựu trung vệ của Real Madrid thi đấu cùng Lionel Messi, bởi "
            "trước đây 2 người luôn là đối thủ của nhau ở La Liga."]


REAL = _real_lines()


def test_invariant_on_every_real_line():
    for line in REAL:
        check(line, "old")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REAL), st.lists(st.tuples(st.integers(0, 400), st.sampled_from(
    ["\u200b", "\ufeff", "\x00", "\u00ad", "\n", " ", "😀", "\u0301"])), max_size=5), tones)
def test_invariant_on_real_lines_with_noise(line, insertions, tone):
    for position, piece in insertions:
        position = min(position, len(line))
        line = line[:position] + piece + line[position:]
    check(line, tone)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(REAL))
def test_decomposed_input_gives_the_same_tokens(line):
    composed = unicodedata.normalize("NFC", line)
    decomposed = unicodedata.normalize("NFD", composed)
    tokens = check(decomposed)
    assert [(t.text, t.kind) for t in tokens] == [(t.text, t.kind) for t in tokenize(composed)]


WORDS = ["1990", "9", "29", "١٢", "Hà", "hoà", "Nội", "TP", "GS", "Th", "J", "m", "v", "www", "abc", "ĐH", "中文", "Ⅻ"]
AFFIXES = list("\"“”()[]{},.:;!?…'-=«»1_@/#") + ["..", ":)", ":))", "?!", "\u0301"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(AFFIXES), max_size=3), st.sampled_from(WORDS),
       st.lists(st.sampled_from(AFFIXES), max_size=4), tones)
def test_pieces_cut_by_hand_cut_as_the_full_pattern(head, word, tail, tone):
    """The scanner cuts a word or number between marks ('"Nội",', '(1990)', 'TP.') by hand; the full
    pattern, run over the same piece, must give the same tokens."""
    from tachtu.text.tokenize import TOKEN_PATTERN, _KIND_OF_GROUP

    piece = "".join(head) + word + "".join(tail)
    expected = [(normalize(m[m.lastindex], tone), m.start(m.lastindex), _KIND_OF_GROUP[m.lastindex])
                for m in TOKEN_PATTERN.finditer(piece)]
    got = [(t.text, t.start, t.kind) for t in tokenize(piece, tone=tone)]
    expected = [(text, start, "number" if kind == "date" and regex.fullmatch(r"\d/\d", text) else kind)
                for text, start, kind in expected]
    assert got == expected
