"""Page-structure features (cleaning/structure.py) and the classifier's context at the page's edges."""

import numpy as np

from tachtu.cleaning import structure
from tachtu.cleaning.model import CONTEXT_NAMES, context


def test_templates_find_lines_that_differ_only_in_numbers_and_families_of_openings():
    lines = ["chủ đề: 132 · bài viết: 3048", "chủ đề: 7 · bài viết: 41", "silic là một nguyên tố hóa học",
             "thích · trả lời · 3 giờ", "thích · trả lời · 5 giờ", "thích · trả lời · 1 ngày"]
    template, family = structure.templates([structure.template_key(line) for line in lines])
    assert template.tolist() == [1, 1, 0, 1, 1, 0]
    assert family.tolist() == [0, 0, 0, 1, 1, 1]


def test_periodic_marks_a_repeated_pattern_of_shapes_not_a_run_of_paragraphs():
    assert structure.periodic([3, 2, 0, 3, 2, 0, 1]).tolist() == [1, 1, 1, 1, 1, 1, 0]
    assert not structure.periodic([1, 1, 1, 1, 1, 1]).any()


def test_the_core_is_the_longest_run_sharing_the_recurring_subject():
    content = [{"menu"}, {"silic", "nguyên", "tố"}, {"silic", "tinh", "thể"}, {"ảnh"}, {"silic", "nguyên", "tố"},
               {"giá", "vàng"}]
    prose = np.array([0, 1, 1, 0, 1, 1], dtype=float)
    core = structure.recurring(structure.Incidence(content), prose > 0)
    assert core[5] == 0 and core[1] > 0
    assert structure.core_run(core, prose, np.array([1, 20, 20, 1, 20, 20])) == (1, 5)


def test_the_context_gives_the_first_and_last_line_no_value_of_their_own():
    """Beyond the edges a line stands for its missing neighbours: a constant there would let the
    trees single out the last line and learn what it happened to be in training."""
    p = np.array([0.9, 0.2, 0.7])
    c = dict(zip(CONTEXT_NAMES, context(p).T))
    assert c["p_prev"][0] == c["p_before"][0] == 0.9
    assert c["p_next"][-1] == c["p_after"][-1] == 0.7
    assert context(np.zeros(0)).shape == (0, len(CONTEXT_NAMES))
