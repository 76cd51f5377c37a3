"""The model: reproducible training, safe storage, and accuracy that must not regress."""

from __future__ import annotations

import re

import numpy as np

from tachtu import Segmenter
from tachtu.evaluate import evaluate_files, unsegment
from tachtu.segmenter.features import Batch
from tachtu.segmenter.gold import read_segmented
from tachtu.segmenter.model import Model, load_model
from tachtu.segmenter.silver import SilverSet, silver_sentences
from tachtu.segmenter.train import TRAINING_SETS, GoldSet, TrainOptions, train
from tachtu.text.syllable import syllable_shares
from tests.conftest import REPO

SMALL = TrainOptions(bits=16, iterations=40, silver=0,
                     sets=(GoldSet("ws/vlsp-sample.txt", "Apache-2.0", 1, 400),))


def readme_figure(name: str) -> float:
    """A figure from the README's results table (the row that starts with ``name``)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^\| {re.escape(name)} \| \*\*([0-9.]+)\*\*", text, re.MULTILINE)
    assert match, f"no README row for {name}"
    return float(match.group(1))


def test_training_is_reproducible_and_round_trips_through_npz(shared_data, tmp_path):
    first, second = train(shared_data, SMALL), train(shared_data, SMALL)
    assert np.array_equal(first.weights, second.weights)
    path = tmp_path / "small.npz"
    first.save(path)
    second.save(tmp_path / "again.npz")
    assert path.read_bytes() == (tmp_path / "again.npz").read_bytes()  # no date, no timestamp
    loaded = Model.load(path)
    assert loaded.meta["training_data"] == ["ws/vlsp-sample.txt lines 1-400 (Apache-2.0)"]
    assert np.allclose(loaded.weights, first.weights, atol=1e-2)
    assert Segmenter(model=str(path)).segment("Bộ trưởng Quốc phòng thăm Việt Nam") == \
        "Bộ_trưởng Quốc_phòng thăm Việt_Nam"


def test_shipped_model_is_small_documented_and_open(shared_data):
    meta = load_model().meta
    assert meta["training_data"] == [g.describe() for g in TRAINING_SETS] + [
        SilverSet(TrainOptions().silver).describe()]
    assert meta["adapted_to"] == ["ws/udvtb-train.txt (CC BY-SA 4.0)", "ws/udvtb-dev.txt (CC BY-SA 4.0)"]
    assert meta["raw_text"] == ["raw/viwiki17-articles.jsonl.gz (CC BY-SA 3.0)",
                                "raw/viwiki19-articles.jsonl.gz (CC BY-SA 3.0)"]
    shipped = " ".join(str(v) for v in meta["dictionaries"].values())
    for not_redistributable in ("viet74k", "coccoc", "hunspell"):
        assert not_redistributable not in shipped
    assert (REPO / "src/tachtu/models/segmenter.npz").stat().st_size < 4_000_000


def test_silver_sentences_are_the_vncorenlp_mode_on_vietnamese_wikipedia_prose(shared_data):
    sentences = silver_sentences(shared_data, 300)
    assert sentences == silver_sentences(shared_data, 300)  # a fixed sample
    assert len(sentences) == 300 and len({unsegment(s) for s in sentences}) > 290
    teacher = Segmenter(mode="vncorenlp")
    for words in sentences[:50]:
        assert teacher.segment(unsegment(words)) == " ".join(words)
    joined = [w for s in sentences for w in s if "_" in w]
    assert len(joined) > 1000
    # Vietnamese prose only: reference lists in English are left out
    syllables, marked, _ = syllable_shares(" ".join(unsegment(s) for s in sentences))
    assert syllables > 0.9 and marked > 0.5


def test_adapting_to_a_set_moves_the_model_towards_its_convention(shared_data):
    """The second fit, on the ``adapt`` sets only, pulls the first fit's weights towards their
    convention: UD-VTB writes ``người dân`` as two words where VLSP joins them."""
    from dataclasses import replace

    vlsp = GoldSet("ws/vlsp-sample.txt", "Apache-2.0", 1, 1200)
    ud = GoldSet("ws/udvtb-train.txt", "CC BY-SA 4.0")
    plain = train(shared_data, replace(SMALL, sets=(vlsp, ud)))
    adapted = train(shared_data, replace(SMALL, sets=(vlsp, replace(ud, adapt=True))))
    assert adapted.meta["adapted_to"] == ["ws/udvtb-train.txt (CC BY-SA 4.0)"]
    assert plain.meta["adapted_to"] == []
    join_odds = [m.scores(Batch(m.coder, ["người", "dân", "ở"], [3]))[0] for m in (plain, adapted)]
    assert join_odds[1] < join_odds[0]
    assert Segmenter().segment("Người dân ở đây rất vui").startswith("Người dân ")


def test_informal_text_lower_case_without_punctuation_keeps_its_words():
    """Training adds lower-case copies without punctuation, as chat and reviews come."""
    assert load_model().meta["options"]["informal_augment"] is True
    segment = Segmenter().segment
    assert segment("hôm nay mình đi ăn phở ở hà nội ngon lắm") == \
        "hôm_nay mình đi ăn phở ở hà_nội ngon lắm"
    assert segment("quán này phục vụ nhanh nhân viên thân thiện giá cả hợp lý") == \
        "quán này phục_vụ nhanh nhân_viên thân_thiện giá_cả hợp_lý"


def test_vlsp_dev_documents_do_not_regress(shared_data):
    scores = evaluate_files(shared_data / "ws/vlsp-sample.txt", model="default", first=2280)
    assert 100 * scores.f1 >= readme_figure("VLSP sample, documents 97–116") - 0.3


def test_udvtb_test_does_not_regress(shared_data):
    seen = {unsegment(s) for g in TRAINING_SETS for s in g.read(shared_data)}
    scores = evaluate_files(shared_data / "ws/udvtb-test.txt", model="default", exclude=seen)
    assert 100 * scores.f1 >= readme_figure("UD Vietnamese-VTB test") - 0.3


def test_raw_text_pair_features_train_and_round_trip(shared_data, tmp_path, monkeypatch):
    from dataclasses import replace

    from tachtu.segmenter import train as training
    from tachtu.segmenter.rawstats import count_syllables, pair_bins

    raw = (shared_data / "silver/uts-col-news.raw.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(training, "_raw_pair_bins", lambda _: pair_bins(*count_syllables(raw)))
    model = train(shared_data, replace(SMALL, raw_stats=True))
    assert np.count_nonzero(model.pair_stats.table) > 1000
    assert model.meta["raw_text"][0].endswith("(CC BY-SA 3.0)")
    path = tmp_path / "raw.npz"
    model.save(path)
    loaded = Model.load(path)
    assert np.array_equal(loaded.pair_stats.table, model.pair_stats.table)
    assert loaded.templates.pair_templates == model.templates.pair_templates
    assert Segmenter(model=str(path)).segment("Bộ trưởng Quốc phòng thăm Việt Nam") == \
        "Bộ_trưởng Quốc_phòng thăm Việt_Nam"


def test_reference_features_equal_the_fast_path(shared_data):
    """The plain one-gap-at-a-time features (segmenter/reference.py) give the codes the numpy
    path gives, on real sentences in three cases (UPPER and Title sentences are neutralised),
    with the shipped model's templates and with the raw-text pair templates on a pair table."""
    from tachtu.segmenter.features import Batch, PairStats, Templates, hash_entry
    from tachtu.segmenter.reference import feature_codes

    model = load_model()
    sentences = [[s for w in words for s in w.split("_")]
                 for words in read_segmented(shared_data / "ws" / "udvtb-test.txt", 1, 120)]
    sentences += [[s.upper() for s in sent] for sent in sentences[:20]]
    sentences += [[s.title() for s in sent] for sent in sentences[20:40]]
    batch = Batch.of_sentences(model.coder, sentences)
    rng = np.random.default_rng(3)
    ids = batch.ids.tolist()
    pairs = PairStats.build([(hash_entry([a, b]), int(rng.integers(1, 1 << 16))) for a, b in zip(ids, ids[1:])])
    for templates, stats in ((model.templates, model.pair_stats), (Templates(model.max_n), pairs)):
        fast = templates.hashes(templates.components(batch, model.dictionaries, stats))
        assert np.array_equal(fast, feature_codes(batch, templates, model.dictionaries, stats))
    assert len(batch.gaps) > 1500
