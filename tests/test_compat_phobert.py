"""Segment with the VnCoreNLP-compatible mode, then hand the text to PhoBERT's tokenizer.

PhoBERT's vocabulary holds words segmented the VnCoreNLP way (``Hà_Nội``); its BPE works on
the space-separated words. The test builds a tiny PhoBERT vocabulary (``vocab.txt`` and
``bpe.codes`` in fastBPE format) in a temporary folder: nothing is downloaded.
"""

import pytest

transformers = pytest.importorskip("transformers")

from tachtu.compat import VnCoreNLPSegmenter  # noqa: E402

WORDS = ["Tôi", "là", "sinh_viên", "trường", "Đại_học", "Bách_khoa", "Hà_Nội", "."]


def write_vocabulary(folder, words):
    """fastBPE files whose merges build each word whole, character by character."""
    merges, vocab = [], {}
    for word in words:
        pieces = list(word[:-1]) + [word[-1] + "</w>"]
        while len(pieces) > 1:
            merges.append(f"{pieces[0]} {pieces[1]} 1")
            pieces = [pieces[0] + pieces[1]] + pieces[2:]
        vocab[word] = 1
    for c in {c for w in words for c in w}:        # single characters, for unknown words
        vocab[c + "@@"] = vocab[c] = 1
    (folder / "vocab.txt").write_text("".join(f"{t} {n}\n" for t, n in vocab.items()),
                                      encoding="utf-8")
    (folder / "bpe.codes").write_text("\n".join(merges) + "\n",
                                      encoding="utf-8")


@pytest.fixture()
def phobert(tmp_path):
    write_vocabulary(tmp_path, WORDS)
    return transformers.PhobertTokenizer(vocab_file=str(tmp_path / "vocab.txt"),
                                         merges_file=str(tmp_path / "bpe.codes"))


def test_segmented_words_are_phobert_tokens(phobert):
    text = "Tôi là sinh viên trường Đại học Bách khoa Hà Nội."
    segmented = VnCoreNLPSegmenter().segment(text)
    assert segmented == "Tôi là sinh_viên trường Đại_học Bách_khoa Hà_Nội ."
    assert phobert.tokenize(segmented) == WORDS
    ids = phobert(segmented)["input_ids"]
    assert ids[0] == phobert.cls_token_id and ids[-1] == phobert.sep_token_id
    assert phobert.unk_token_id not in ids
    assert phobert.decode(ids[1:-1]) == segmented


def test_unsegmented_text_misses_the_vocabulary(phobert):
    # without word segmentation "Hà Nội" is two unknown syllables, broken into characters
    pieces = phobert.tokenize("Hà Nội")
    assert "Hà_Nội" not in pieces and pieces[0] == "H@@"


def test_one_sequence_per_sentence(phobert):
    sentences = VnCoreNLPSegmenter().word_segment("Tôi là sinh viên. Hà Nội.")
    batch = phobert(sentences)["input_ids"]
    assert [phobert.convert_ids_to_tokens(ids[1:-1]) for ids in batch] == [
        ["Tôi", "là", "sinh_viên", "."], ["Hà_Nội", "."]]
