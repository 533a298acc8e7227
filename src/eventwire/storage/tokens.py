"""API tokens of the HTTP API: only a SHA-256 of each is stored; the token is shown once, when created."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from eventwire.storage.models import TokenRow, utcnow


def token_hash(token: str) -> str:
    """API tokens are 256 random bits, so one SHA-256 is enough (no slow hash needed against guessing)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Tokens:
    """The Store's token methods (a mixin: uses the Store's sessions)."""

    def create_token(self, name: str) -> str:
        import secrets

        name = (name or "").strip()
        if not name or len(name) > 128:
            raise ValueError("a token needs a name of 1 to 128 characters (who uses it: the reviewer's name)")
        token = "ew_" + secrets.token_urlsafe(32)
        with self._write() as s:
            s.add(TokenRow(name=name, token_hash=token_hash(token), created_at=utcnow()))
        return token

    def check_token(self, token: str | None) -> str | None:
        """The name of a live token, else None."""
        if not token:
            return None
        with self._read() as s:
            return s.execute(select(TokenRow.name).where(TokenRow.token_hash == token_hash(token),
                                                         TokenRow.revoked_at.is_(None))).scalar()

    def tokens(self) -> list[dict[str, Any]]:
        with self._read() as s:
            return [{"id": t.id, "name": t.name, "created_at": t.created_at.isoformat(),
                     "revoked": t.revoked_at is not None}
                    for t in s.execute(select(TokenRow).order_by(TokenRow.id)).scalars()]

    def revoke_token(self, token_id: int) -> bool:
        with self._write() as s:
            row = s.get(TokenRow, int(token_id))
            if row is None or row.revoked_at is not None:
                return False
            row.revoked_at = utcnow()
            return True
