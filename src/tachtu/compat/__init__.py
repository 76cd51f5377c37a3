"""VnCoreNLP-compatible word segmentation: VnCoreNLP 1.2 ``wseg`` output, byte for byte.

PhoBERT and the models built on it were pre-trained on text segmented by VnCoreNLP's
RDRsegmenter; this mode reproduces that output in pure Python (no Java), and adds what
VnCoreNLP cannot give: character offsets into the original text. The behaviour follows
the specification of the shared data kit (``compat/SPEC.md``), including VnCoreNLP's
surprising behaviours, on purpose. Modules, in pipeline order: :mod:`.tokenizer`,
:mod:`.sentences`, :mod:`.tones`, :mod:`.lexicon`, :mod:`.rdr`, :mod:`.segmenter`.

>>> from tachtu.compat import VnCoreNLPSegmenter
>>> VnCoreNLPSegmenter().word_segment("Tôi sống ở thành phố Hồ Chí Minh.")
['Tôi sống ở thành_phố Hồ_Chí_Minh .']
"""

from tachtu.compat.segmenter import VnCoreNLPSegmenter, load_model

__all__ = ["VnCoreNLPSegmenter", "load_model"]
