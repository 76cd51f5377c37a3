"""Word segmentation: tachtu's own statistical model, user dictionaries, the ``Segmenter``."""

from tachtu.segmenter.segmenter import MODES, Segmenter, batches

__all__ = ["Segmenter", "MODES", "batches"]
