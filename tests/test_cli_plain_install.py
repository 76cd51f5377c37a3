"""A plain ``pip install tachtu`` (no extras) in a fresh virtual environment: the API and every
command that needs no extra work; the others say in one line which extra to install.

The wheel is built once from this checkout; besides the build backend, only numpy, regex and tqdm
come from the package index (or pip's cache).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh venv holding tachtu and its required dependencies only."""
    root = tmp_path_factory.mktemp("plain")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(root), str(REPO)], check=True, capture_output=True, timeout=300)
    wheel = next(root.glob("tachtu-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True, timeout=120)
    bin_dir = root / "venv" / "bin"
    r = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                       capture_output=True, timeout=600)
    if r.returncode:
        pytest.skip(f"cannot install numpy/regex/tqdm here: {r.stderr.decode()[-300:]}")
    return bin_dir


def run(plain: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(plain / args[0]), *args[1:]], input=stdin.encode(),
                          capture_output=True, timeout=120, cwd=plain)


def test_only_the_required_dependencies_are_installed(plain):
    r = run(plain, "python", "-c", "import importlib.util as u; print([m for m in "
            "('starlette', 'uvicorn', 'trafilatura', 'scipy', 'sklearn', 'datatrove') if u.find_spec(m)])")
    assert r.stdout.decode().strip() == "[]"


def test_segment_eval_and_the_api_work(plain, tmp_path):
    r = run(plain, "tachtu", "segment", stdin="Bộ trưởng Quốc phòng Việt Nam.\n")
    assert (r.returncode, r.stdout.decode()) == (0, "Bộ_trưởng Quốc_phòng Việt_Nam .\n"), r.stderr
    gold = tmp_path / "gold.txt"
    gold.write_text("Bộ_trưởng Quốc_phòng Việt_Nam .\n", encoding="utf-8")
    for how in (["--pred", str(gold)], ["--model", "default"], ["--model", "vncorenlp"]):
        r = run(plain, "tachtu", "eval", "--gold", str(gold), *how)
        assert r.returncode == 0 and "F1 100.00" in r.stdout.decode(), r.stderr
    r = run(plain, "python", "-c", "import tachtu; print(tachtu.segment('Hà Nội mùa thu'), "
            "[tuple(w) for w in tachtu.words('Hà Nội')], tachtu.clean('').reason != '')")
    assert r.stdout.decode().split() == ["Hà_Nội", "mùa", "thu", "[('Hà_Nội',", "0,", "6)]", "True"], r.stderr
    for command in ("serve", "build", "clean", "segment", "train", "eval"):
        assert run(plain, "tachtu", command, "--help").returncode == 0, command


def test_page_text_is_cleaned_by_the_shipped_classifier(plain):
    """The line classifier's trees are read and evaluated with numpy alone (scikit-learn only trains)."""
    para = ("Chiều nay, mưa lớn kéo dài ở nhiều quận của Hà Nội khiến một số tuyến phố bị ngập, giao thông "
            "ùn tắc và người dân phải đi đường vòng để về nhà.")
    page = "\n".join(["Trang chủ | Thời sự | Thế giới", "Mưa lớn ở Hà Nội", "53007 lượt xem",
                      *[f"{para} Đợt {i}." for i in range(8)], "Bình luận", "© Báo Hà Nội"]) + "\n"
    (plain / "page.txt").write_text(page, encoding="utf-8")
    r = run(plain, "tachtu", "clean", "page.txt")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().splitlines() == ["Mưa lớn ở Hà Nội", *[f"{para} Đợt {i}." for i in range(8)]]


@pytest.mark.parametrize("args, extra", [(["serve"], "serve"),
                                         (["clean", "page.html"], "clean"),
                                         (["train", "--data", ".", "-o", "m.npz"], "train"),
                                         (["build", "in", "-o", "out"], "corpus")])
def test_a_missing_extra_is_named_in_one_line(plain, tmp_path, args, extra):
    (plain / "page.html").write_text("<html><body><p>Hà Nội</p></body></html>", encoding="utf-8")
    (plain / "ws").mkdir(exist_ok=True)
    (plain / "in").mkdir(exist_ok=True)
    r = run(plain, "tachtu", *args)
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1, err
    assert f"pip install 'tachtu[{extra}]'" in err, err
