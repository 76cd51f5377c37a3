"""Request bodies: their JSON Schemas (also published in the OpenAPI description) and validation.

One schema per endpoint serves both purposes, so the description and the checks cannot drift
apart. :func:`validate` understands the small JSON Schema subset the schemas use and fills in
defaults; every violation is an :class:`ApiError` naming the field: 413 for the size limits
(``maxLength``, ``maxItems``), 422 for everything else.

>>> schema = segment_schema(Limits(max_batch=2))
>>> validate({"texts": ["Hà Nội"]}, schema)["tone"]
'keep'
>>> validate({"texts": ["a", "b", "c"]}, schema)
Traceback (most recent call last):
...
tachtu.serve.errors.ApiError: texts: 3 items are over the limit of 2 per request
>>> validate({"text": 5}, schema)
Traceback (most recent call last):
...
tachtu.serve.errors.ApiError: text: expected a string, got a number
"""

from __future__ import annotations

import json
import re
from typing import Any

from tachtu.cleaning import FORMATS
from tachtu.errors import EncodingError, InputError
from tachtu.segmenter import MODES
from tachtu.text.syllable import TONES
from tachtu.serve.errors import ApiError
from tachtu.serve.limits import Limits
from tachtu.text.decode import LEGACY, decode

OUTPUTS = ("text", "words")
#: Media types whose body is the text (``/segment``) or the page (``/clean``) itself, not JSON.
RAW_MEDIA_TYPES = ("text/plain", "text/html")
MAX_URL_CHARS = 8192

_JSON_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}
_SURROGATE = re.compile(r"[\ud800-\udfff]")

SEGMENT_OPTIONS = {
    "mode": {"type": "string", "enum": list(MODES), "default": "default",
             "description": "`default`: tachtu's statistical model; `vncorenlp`: the output "
                            "VnCoreNLP/RDRsegmenter gives (PhoBERT's convention)."},
    "tone": {"type": "string", "enum": list(TONES), "default": "keep",
             "description": "Tone-mark placement: keep the input's, or normalize to old (hoà) "
                            "or new (hòa) style."},
    "output": {"type": "string", "enum": list(OUTPUTS), "default": "text",
               "description": "`text`: segmented text (syllables joined by `_`, tokens by spaces); "
                              "`words`: words with their character offsets into the input."},
    "sentences": {"type": "boolean", "default": False,
                  "description": "Split into sentences: one line per sentence (`text`) or a "
                                 "list of word lists (`words`)."},
}
# mode "vncorenlp" reproduces VnCoreNLP's output byte for byte, so its tone marks stay as sent.
VNCORENLP_KEEPS_TONE = {
    "if": {"type": "object", "properties": {"mode": {"const": "vncorenlp"}}, "required": ["mode"]},
    "then": {"type": "object", "properties": {"tone": {
        "const": "keep",
        "errorMessage": "mode 'vncorenlp' reproduces VnCoreNLP exactly and so takes only "
                        "tone 'keep'",
    }}},
}


def _text(limits: Limits, what: str) -> dict:
    return {"type": "string", "maxLength": limits.max_text_chars,
            "description": f"{what}, at most {limits.max_text_chars:,} characters."}


def segment_schema(limits: Limits) -> dict:
    """The body of ``POST /segment``: ``text`` or ``texts`` (exactly one), and options."""
    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            "text": _text(limits, "One text to segment"),
            "texts": {"type": "array", "items": _text(limits, "A text"),
                      "maxItems": limits.max_batch,
                      "description": f"A batch of texts, at most {limits.max_batch:,}."},
            **SEGMENT_OPTIONS,
        },
        "oneOf": [{"required": ["text"]}, {"required": ["texts"]}],
        **VNCORENLP_KEEPS_TONE,
    }


def clean_schema(limits: Limits) -> dict:
    """The body of ``POST /clean``: a page, and whether (and how) to segment the article."""
    return {
        "type": "object", "additionalProperties": False, "required": ["page"],
        "properties": {
            "page": _text(limits, "The page: HTML, or text as a crawler extracted it"),
            "format": {"type": "string", "enum": list(FORMATS), "default": "auto",
                       "description": "What `page` is; `auto` recognises HTML by its content."},
            "url": {"type": "string", "maxLength": MAX_URL_CHARS,
                    "description": "The page's address, kept in the document's metadata."},
            "segment": {"type": "boolean", "default": False,
                        "description": "Also segment the article's text (options as for "
                                       "/segment)."},
            **SEGMENT_OPTIONS,
        },
        **VNCORENLP_KEEPS_TONE,
    }


def parse_request(body: bytes, media_type: str, schema: dict, body_field: str) -> dict:
    """The validated request: a JSON body's fields, or a raw body (``text/plain``, ``text/html``)
    as ``body_field`` with the default options.

    A raw page stays bytes, for the cleaner to decode by its declared charset (the body-size
    limit bounds it); a raw text must be UTF-8.
    """
    if media_type not in RAW_MEDIA_TYPES:
        return validate(parse_json(body), schema)
    if body_field == "text":
        return validate({"text": body_text(body)}, schema)
    return {**validate({body_field: ""}, schema), body_field: body}


def body_text(body: bytes) -> str:
    """A body as text: UTF-8 (a BOM is dropped), else a 400 naming the byte."""
    try:
        return decode(body, source="body")
    except EncodingError as exc:
        raise ApiError(400, "invalid_utf8", f"the body is not UTF-8 (byte {exc.position}): it looks "
                       f"like {LEGACY[exc.encoding][0]}; convert it to UTF-8") from None
    except InputError as exc:
        raise ApiError(400, "invalid_utf8",
                       f"the body is not UTF-8 (byte {exc.position})") from None


def parse_json(body: bytes) -> Any:
    """Decode a JSON request body; malformed JSON or invalid UTF-8 is a 400 saying where."""
    text = body_text(body)
    if not text.strip():
        raise ApiError(400, "invalid_json", "the body is empty; send a JSON object")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the body is not JSON: {exc.msg} at line {exc.lineno} "
                       f"column {exc.colno}") from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "the body is nested too deeply") from None


def validate(value: Any, schema: dict, field: str | None = None) -> Any:
    """Check ``value`` against ``schema``; return it with the defaults of missing properties."""
    expected = schema.get("type")
    if expected and not isinstance(value, _JSON_TYPES[expected]):
        where = field or "body"
        raise ApiError(422, "invalid_type", f"expected {_a(expected)}, got {_a(_json_type(value))}",
                       field=where)
    if "const" in schema and value != schema["const"]:
        message = schema.get("errorMessage", f"must be {schema['const']!r}")
        raise ApiError(422, "invalid_value", message, field=field)
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(repr(c) for c in schema["enum"])
        raise ApiError(422, "invalid_value", f"must be one of {choices}, not {_short(value)}",
                       field=field)
    if expected == "string":
        _check_string(value, schema, field)
    elif expected == "array":
        _check_array(value, schema, field)
        return [validate(item, schema["items"], f"{field}[{i}]") for i, item in enumerate(value)]
    elif expected == "object":
        return _check_object(value, schema, field)
    return value


def _check_string(value: str, schema: dict, field: str | None) -> None:
    limit = schema.get("maxLength")
    if limit is not None and len(value) > limit:
        raise ApiError(413, "text_too_long", f"{len(value):,} characters are over the limit of "
                       f"{limit:,}", field=field)
    bad = _SURROGATE.search(value)
    if bad:
        raise ApiError(422, "invalid_text", f"lone surrogate U+{ord(bad.group()):04X} at character "
                       f"{bad.start()} is not a Unicode character", field=field)


def _check_array(value: list, schema: dict, field: str | None) -> None:
    limit = schema.get("maxItems")
    if limit is not None and len(value) > limit:
        raise ApiError(413, "batch_too_large", f"{len(value):,} items are over the limit of "
                       f"{limit:,} per request", field=field)


def _check_object(value: dict, schema: dict, field: str | None) -> dict:
    props = schema.get("properties", {})
    prefix = f"{field}." if field else ""
    if schema.get("additionalProperties") is False:
        for key in value:
            if key not in props:
                raise ApiError(422, "unknown_field", f"unknown field; the fields are "
                               f"{', '.join(props)}", field=prefix + key)
    for key in schema.get("required", ()):
        if key not in value:
            raise ApiError(422, "missing_field", "this field is required", field=prefix + key)
    alternatives = [alt["required"][0] for alt in schema.get("oneOf", ())]
    if alternatives and sum(key in value for key in alternatives) != 1:
        raise ApiError(422, "missing_field" if not any(k in value for k in alternatives)
                       else "conflicting_fields",
                       f"give exactly one of {' or '.join(repr(k) for k in alternatives)}",
                       field=prefix + alternatives[0])
    checked = {key: validate(value[key], props[key], prefix + key) for key in value if key in props}
    defaults = {key: sub["default"] for key, sub in props.items()
                if "default" in sub and key not in checked}
    result = {**defaults, **checked}
    if "if" in schema and _matches(result, schema["if"]):
        _check_object(result, schema["then"], field)
    return result


def _matches(value: Any, schema: dict) -> bool:
    try:
        validate(value, schema)
    except ApiError:
        return False
    return True


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "array", str: "string"}.get(type(value), type(value).__name__)


def _a(type_name: str) -> str:
    if type_name == "null":
        return type_name
    return ("an " if type_name[0] in "aeiou" else "a ") + type_name


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."
