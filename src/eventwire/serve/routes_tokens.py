"""GET/POST /api/tokens, DELETE /api/tokens/{id}: an admin's token management (the CLI's `eventwire token`)."""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations at run time.
from typing import Annotated

from fastapi import APIRouter, HTTPException
from fastapi import Path as PathParam

from eventwire.serve.deps import MAX_ID, Admin, Ctx, bad
from eventwire.serve.schemas import TokenIn, TokenInfo, TokenOut

router = APIRouter(tags=["tokens"])


@router.get("/api/tokens", response_model=list[TokenInfo])
def list_tokens(_: Admin, ctx: Ctx):
    """Every token (id, name, role, created, revoked); never the tokens themselves."""
    return ctx.store.tokens()


@router.post("/api/tokens", response_model=TokenOut, status_code=201)
def create_token(body: TokenIn, _: Admin, ctx: Ctx):
    """A new token for `name` with `role` (reader unless said). The answer is the only time it is shown."""
    try:
        return ctx.store.issue_token(body.name, body.role)
    except ValueError as exc:  # a name of blanks only
        raise bad(str(exc)) from None


@router.delete("/api/tokens/{token_id}")
def revoke_token(token_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], _: Admin, ctx: Ctx) -> dict:
    """Revoke a token: it stops working at once."""
    if not ctx.store.revoke_token(token_id):
        raise HTTPException(404, f"no live token {token_id}")
    return {"id": token_id, "revoked": True}
