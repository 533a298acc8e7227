"""The OpenAPI spec as the server answers: every route's error responses, with the error body actually sent.

FastAPI documents only a 422 whose `detail` is an array (its HTTPValidationError); this server's errors carry
a one-line string `detail` (schemas.ErrorOut, and schemas.ValidationErrorOut for 422). The errors a route can
give follow from what it takes, so they are added here from the spec itself rather than by hand per route:
a bearer token (401, 403), a body (400, 413, 422), parameters (422), a path id (404), the database (503)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from eventwire.serve.schemas import ErrorOut, ValidationErrorOut

ERRORS = {
    400: "The body is not JSON the server can read, or a `cursor` this server did not hand out.",
    401: "A bearer token is needed (writes; reads on a private server; /api/extract when the operator requires "
         "it) or the one given is not valid.",
    403: "The token is valid but may not do this.",
    404: "Nothing has this id.",
    413: "The request body is over the server's limit.",
    422: "A parameter or a field of the body is missing or invalid: `detail` says which and why.",
    503: "The database is unavailable: try again later.",
}
REF = "#/components/schemas/{model}"


def error_codes(path: str, operation: dict[str, Any]) -> set[int]:
    """The error statuses a route may answer, from what it takes."""
    params = operation.get("parameters", [])
    codes = set()
    if operation.get("security"):
        codes |= {401, 403}
    if "requestBody" in operation:
        codes |= {400, 413, 422}
    if params:
        codes.add(422)
    if any(p["in"] == "path" for p in params):
        codes.add(404)
    if any(p["name"] == "cursor" for p in params):
        codes.add(400)
    if path != "/api/health":
        codes.add(503)
    return codes


def install(app: FastAPI, extract_max_chars: int) -> None:
    """Replaces app.openapi with one that documents the errors (and /api/extract's length limit)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        _, defs = models_json_schema([(ErrorOut, "validation"), (ValidationErrorOut, "validation")],
                                     ref_template=REF)
        schemas.update(defs.get("$defs", {}))
        for path, operations in spec["paths"].items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                codes = error_codes(path, operation) | {int(c) for c in responses if c[0] in "45"}
                for code in sorted(codes):
                    model = ValidationErrorOut if code == 422 else ErrorOut
                    answer = responses.setdefault(str(code), {})
                    if answer.get("description") in (None, "Validation Error"):  # FastAPI's own 422 is replaced
                        answer["description"] = ERRORS.get(code, "Error.")
                    answer["content"] = {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}}
                operation["responses"] = dict(sorted(responses.items()))
        text = schemas.get("ExtractIn", {}).get("properties", {}).get("text")
        if text is not None:
            text["maxLength"] = extract_max_chars
        app.openapi_schema = spec
        return spec

    app.openapi = openapi
