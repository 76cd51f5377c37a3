"""The OpenAPI 3.1 description served at ``GET /openapi.json``.

Request schemas come from :mod:`tachtu.serve.schemas` (the same ones that validate requests),
with the limits in force; response schemas are written out here.

>>> spec = describe(Limits(max_batch=5), "0.1.0")
>>> sorted(spec["paths"])
['/clean', '/health', '/openapi.json', '/segment']
>>> spec["components"]["schemas"]["SegmentRequest"]["properties"]["texts"]["maxItems"]
5
"""

from __future__ import annotations

from tachtu.serve import schemas
from tachtu.serve.limits import Limits

_WORD = {
    "type": "object", "required": ["text", "start", "end"],
    "description": "A word: syllables joined by `_`; `start`/`end` are character (code point) "
                   "offsets into the text sent, so `text[start:end]` is the word as written.",
    "properties": {"text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
                   "end": {"type": "integer", "minimum": 0}},
}
_WORDS = {"type": "array", "items": {"$ref": "#/components/schemas/Word"}}
_RESULT = {
    "description": "One text's result; which key depends on `output` and `sentences`.",
    "oneOf": [
        {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        {"type": "object", "required": ["words"], "properties": {"words": _WORDS}},
        {"type": "object", "required": ["sentences"],
         "properties": {"sentences": {"type": "array", "items": _WORDS}}},
    ],
}
_ERROR = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["status", "code", "message", "field"],
        "properties": {
            "status": {"type": "integer"},
            "code": {"type": "string", "description": "Stable, machine-readable reason."},
            "message": {"type": "string", "description": "For people; names the field."},
            "field": {"type": ["string", "null"], "description": "The offending request field, "
                      "e.g. `texts[3]`, or null."},
        },
    }},
}
_DOCUMENT = {
    "type": "object", "required": ["text"], "additionalProperties": True,
    "description": "The article (see docs/cleaning.md for every field); `segmentation` is there "
                   "when `segment` was true.",
    "properties": {
        "text": {"type": "string", "description": "The article's text, one paragraph a line."},
        "title": {"type": ["string", "null"]},
        "paragraphs": {"type": "array", "description": "Kept lines in page order.", "items": {
            "type": "object", "required": ["text", "role"],
            "properties": {"text": {"type": "string"}, "role": {"type": "string"},
                           "line": {"type": ["integer", "null"]}}}},
        "dropped": {"type": "array", "description": "Dropped lines, each with its reason.",
                    "items": {"type": "object", "required": ["text", "reason"],
                              "properties": {"text": {"type": "string"},
                                             "reason": {"type": "string"},
                                             "line": {"type": ["integer", "null"]}}}},
        "reason": {"type": ["string", "null"], "description": "Why nothing was kept, if so."},
        "segmentation": {"$ref": "#/components/schemas/SegmentResult"},
    },
}
_HEALTH = {
    "type": "object", "required": ["status", "version", "models", "user_dict", "limits"],
    "properties": {
        "status": {"const": "ok"}, "version": {"type": "string"},
        "models": {"type": "array", "description": "The (mode, tone) segmenters loaded so far.",
                   "items": {"type": "object", "properties": {"mode": {"type": "string"},
                                                             "tone": {"type": "string"}}}},
        "user_dict": {"type": ["string", "null"],
                      "description": "The user dictionary of the default mode, if any."},
        "limits": {"type": "object", "additionalProperties": {"type": "number"}},
    },
}
_ERRORS = {
    "400": "Malformed JSON, or a body that is not UTF-8.",
    "408": "The body did not arrive within the time limit.",
    "413": "Over a size limit: the body, a text's length or the batch size.",
    "422": "Valid JSON of the wrong shape: a wrong type, an unknown or missing field, a value "
           "not allowed, or text that is not valid Unicode.",
    "504": "The work took longer than the time limit.",
}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _post(summary: str, request: str, raw: dict, response: dict) -> dict:
    """A POST operation taking the JSON schema ``request``, or a raw body (``raw``: media type
    -> schema) with the default options."""
    errors = {code: _json(_ref("Error"), text) for code, text in _ERRORS.items()}
    content = {"application/json": {"schema": _ref(request)},
               **{media: {"schema": schema} for media, schema in raw.items()}}
    return {"post": {"summary": summary,
                     "requestBody": {"required": True, "content": content},
                     "responses": {"200": _json(response, "Success."), **errors}}}


def describe(limits: Limits, version: str) -> dict:
    """The OpenAPI document for a service running with ``limits``."""
    segment = {"anyOf": [_ref("SegmentResult"), {
        "type": "object", "required": ["results"],
        "properties": {"results": {"type": "array", "items": _ref("SegmentResult")}}}]}
    raw_text = {"text/plain": {"type": "string", "maxLength": limits.max_text_chars,
                               "description": "The text itself, UTF-8; default options."}}
    raw_page = {media: {"description": "The page itself, any bytes, in the charset it declares "
                        "(else UTF-8); default options."} for media in schemas.RAW_MEDIA_TYPES}
    return {
        "openapi": "3.1.0",
        "info": {"title": "tachtu", "version": version,
                 "description": "Vietnamese word segmentation and page cleaning. Errors are JSON "
                                "`{\"error\": {status, code, message, field}}`."},
        "paths": {
            "/segment": _post("Word-segment one text (`text`) or a batch (`texts`)",
                              "SegmentRequest", raw_text, segment),
            "/clean": _post("Extract the article from a page (HTML or text), optionally segmented",
                            "CleanRequest", raw_page, _ref("Document")),
            "/health": {"get": {"summary": "Liveness, version, loaded models and limits",
                                "responses": {"200": _json(_ref("Health"), "The service is up.")}}},
            "/openapi.json": {"get": {"summary": "This description",
                                      "responses": {"200": _json({"type": "object"},
                                                                 "OpenAPI 3.1 document.")}}},
        },
        "components": {"schemas": {
            "SegmentRequest": schemas.segment_schema(limits),
            "CleanRequest": schemas.clean_schema(limits),
            "SegmentResult": _RESULT, "Word": _WORD, "Document": _DOCUMENT,
            "Health": _HEALTH, "Error": _ERROR,
        }},
    }
