"""The corpus builder's input and output formats: one list each, importable without datatrove
(the CLI builds its parser from them before it knows whether the ``corpus`` extra is installed).

>>> OUTPUT_FORMATS
('lines', 'files', 'jsonl', 'parquet')
"""

from __future__ import annotations

#: what ``--input-format`` accepts; ``auto`` goes by each file's extension
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc", "parquet")
#: records someone already extracted (they may still be pages)
RECORD_FORMATS = ("jsonl", "parquet")
#: what ``--format`` writes
OUTPUT_FORMATS = ("lines", "files", "jsonl", "parquet")
