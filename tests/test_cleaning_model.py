"""The line classifier (the default of ``clean(page)``) on pages of the layout set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from tachtu.cleaning import ROLES, clean
from tachtu.cleaning.evaluate import line_counts, load, prf
from tachtu.cleaning.lines import RULES
from tachtu.cleaning.model import MODEL_FILE, LineModel, shipped
from tachtu.cleaning.page import REASONS
from tachtu.cleaning.train import main as train

REPO = Path(__file__).resolve().parents[1]
LAYOUTS = REPO / "benchmarks" / "data" / "cleaning" / "layouts.jsonl.gz"
ARTICLES = ("L00_a0", "L04_a1", "L10_a0")
NO_ARTICLE = "L06_n_tagpage"
FORMS = ("text", "html")
#: (precision, recall) on the three article pages, below the figures measured when the test was
#: written (text P 0.857 / R 0.811, HTML P 1.000 / R 0.973; the model saw these pages in training).
FLOORS = {"text": (0.82, 0.78), "html": (0.95, 0.93)}


@pytest.fixture(scope="module")
def pages():
    wanted = {*ARTICLES, NO_ARTICLE}
    return {p.name: p for p in load(LAYOUTS) if p.name in wanted}


def _page(page, form):
    return page.text if form == "text" else page.html


@pytest.mark.parametrize("form", FORMS)
def test_article_pages_keep_the_article(pages, form):
    total = [0, 0, 0]
    for name in ARTICLES:
        doc = clean(_page(pages[name], form), format=form, model=True)
        assert doc and doc.reason is None and doc.format == form, name
        if form == "html":  # the page's <title>/<h1> names it; page text alone can hide a short title
            assert doc.paragraphs[0].role == "title" and doc.title == pages[name].gold[0], name
        counts = line_counts(doc.lines(), pages[name].gold, pages[name].optional)
        total = [a + b for a, b in zip(total, counts)]
    precision, recall, _ = prf(*total)
    assert precision >= FLOORS[form][0] and recall >= FLOORS[form][1], (precision, recall)


@pytest.mark.parametrize("form", FORMS)
def test_a_page_without_article_is_empty_with_a_reason(pages, form):
    doc = clean(_page(pages[NO_ARTICLE], form), format=form, model=True)
    assert not doc and doc.lines() == [] and doc.paragraphs == []
    assert doc.reason.startswith("no article")
    assert doc.dropped  # every line is still accounted for


def test_offsets_roles_and_audit_are_kept(pages):
    page = pages["L04_a1"]
    text = page.text.decode("utf-8") if isinstance(page.text, bytes) else page.text
    lines = text.splitlines()
    doc = clean(page.text, format="text", model=True)
    assert {p.role for p in doc.paragraphs} <= set(ROLES)
    assert all(lines[p.line - 1].strip() == p.text.strip() for p in doc.paragraphs)
    assert all(lines[d.line - 1].strip() == d.text.strip() for d in doc.dropped)
    assert all(d.reason in RULES or d.reason in REASONS for d in doc.dropped)
    numbered = sorted(p.line for p in doc.paragraphs) + sorted(d.line for d in doc.dropped)
    assert sorted(numbered) == [n for n, line in enumerate(lines, 1) if line.strip()]  # no line lost or doubled


def test_default_is_the_classifier_and_the_rules_stay_available(pages):
    page = pages["L04_a1"]
    assert clean(page.text).to_dict() == clean(page.text, model=True).to_dict()
    assert clean(page.text, model=False).to_dict() != clean(page.text).to_dict()


def test_a_bare_article_keeps_its_title():
    """A page that is only an article (a user pasting one): its first line is the title."""
    para = ("Chiều nay, mưa lớn kéo dài ở nhiều quận của Hà Nội khiến một số tuyến phố bị ngập, giao thông "
            "ùn tắc và người dân phải đi đường vòng để về nhà.")
    other = ("Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, mưa còn kéo dài đến hết đêm nay với lượng "
             "mưa phổ biến từ 50 đến 100 mm.")
    for page in ("Mưa lớn ở Hà Nội\n\n" + "\n\n".join(f"{i}. {para if i % 2 else other}" for i in range(30)),
                 "Mưa lớn ở Hà Nội\n" + "\n".join([para, other] * 5)):
        doc = clean(page)
        assert doc.title == "Mưa lớn ở Hà Nội" and doc.paragraphs[0].role == "title"
        assert doc.lines() == list(dict.fromkeys(line for line in page.splitlines() if line.strip()))  # repeats once


SILIC = [
    "Silic là một nguyên tố hóa học có ký hiệu Si và số nguyên tử 14, một á kim có nhiều trong vỏ Trái Đất, "
    "thường gặp ở dạng cát, thạch anh và các khoáng vật silicat.",
    "Silic tinh khiết được dùng để chế tạo chất bán dẫn, nên phần lớn các vi mạch điện tử ngày nay đều được "
    "làm trên những tấm silic mỏng cắt từ một khối tinh thể lớn.",
    "Trong xây dựng, các hợp chất của silic như xi măng, gạch và thủy tinh là những vật liệu quen thuộc mà "
    "con người đã sử dụng từ hàng nghìn năm nay.",
    "Các nhà khoa học cho rằng silic đứng thứ hai về khối lượng trong vỏ Trái Đất, chỉ sau oxy, và có mặt trong "
    "hầu hết các loại đá mà chúng ta gặp hằng ngày.",
]


def test_widgets_no_phrase_list_knows_do_not_hide_a_short_title():
    """Unknown player and speed widgets between a one-word title and its lead: the title shares its
    words with the article (topic features), the widgets do not."""
    page = "\n".join(["Trang nhất › Khoa học", "Silic", "Thứ năm, 12/9/2024 - 14:05", "Giọng đọc: Miền Bắc",
                      "Tạm dừng", "Phụ đề", "Tốc độ phát: 1.25x", *SILIC, "Đọc nhiều 24h",
                      "Giá vàng hôm nay tăng mạnh", "Đội tuyển giành chiến thắng ở trận ra quân"])
    doc = clean(page, format="text")
    assert doc.title == "Silic" and doc.paragraphs[0].role == "title"
    assert doc.lines()[1:] == SILIC


def test_the_model_file_is_json_and_loads_without_pickle():
    from importlib import resources

    data = json.loads(resources.files("tachtu.cleaning").joinpath(MODEL_FILE).read_text("utf-8"))
    model = LineModel.from_json(data)
    assert model.first_weights.dtype == np.float64 and len(model.first_weights) == len(data["features"]) + 1
    assert model.third is not None  # the shipped model has its third pass
    assert shipped().to_json() == model.to_json()
    with pytest.raises(ValueError, match="rebuild"):
        LineModel.from_json({**data, "features": data["features"][:-1]})


def test_training_is_deterministic_and_its_model_cleans(tmp_path, pages):
    subset = tmp_path / "subset.jsonl.gz"
    with gzip.open(LAYOUTS, "rt", encoding="utf-8") as f, gzip.open(subset, "wt", encoding="utf-8") as out:
        for row in f:
            if json.loads(row)["name"] in pages:
                out.write(row)
    assert train(["--data", str(subset), "--out", str(tmp_path / "a.json")]) == 0
    assert train(["--data", str(subset), "--out", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    model = LineModel.from_json(json.loads((tmp_path / "a.json").read_text("utf-8")))
    assert model.metadata["pages"] == len(pages) and model.third is not None
    doc = clean(pages["L00_a0"].text, format="text", model=model)
    assert doc.title == pages["L00_a0"].gold[0]


@pytest.mark.parametrize("model", [None, True])
def test_decomposed_and_crlf_pages_clean_as_the_composed_page(pages, model):
    import unicodedata

    text = pages["L04_a1"].text
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    kept = clean(text, model=model).lines()
    nfd = clean(unicodedata.normalize("NFD", text).replace("\n", "\r\n"), model=model).lines()
    assert nfd == [unicodedata.normalize("NFD", line) for line in kept]  # same lines, left decomposed


def test_the_stored_trees_predict_what_scikit_learn_fitted():
    """The arrays in the JSON (each tree padded to a complete tree) give scikit-learn's own log-odds."""
    sklearn = pytest.importorskip("sklearn.ensemble")
    from tachtu.cleaning.model import TREES, Forest

    rng = np.random.default_rng(0)
    x = rng.random((3000, 12))
    x[:, 3] = x[:, 3] > 0.5
    y = ((x[:, 0] + x[:, 3] * x[:, 1] + 0.2 * rng.standard_normal(3000)) > 0.9).astype(float)
    forest = Forest.fitted(x, y, np.ones(3000))
    booster = sklearn.HistGradientBoostingClassifier(**TREES).fit(x, y)
    again = Forest.from_json(json.loads(json.dumps(forest.to_json())))
    assert np.allclose(again.raw(x), booster.decision_function(x), atol=1e-6)
    assert np.allclose(forest.raw(x, block=7), forest.raw(x))  # evaluated in blocks, the same
