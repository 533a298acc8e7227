"""API tokens of the HTTP API: only a SHA-256 of each is stored; the token is shown once, when created.
Each token has a role (eventwire.roles: reader < reviewer < editor < admin)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from eventwire.roles import DEFAULT_ROLE, ROLES, TokenHolder, check_role
from eventwire.storage.limits import INT32, as_int
from eventwire.storage.models import TokenRow, utcnow

__all__ = ["DEFAULT_ROLE", "ROLES", "TokenHolder", "Tokens", "check_role", "token_hash"]


def token_hash(token: str) -> str:
    """API tokens are 256 random bits, so one SHA-256 is enough (no slow hash needed against guessing)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Tokens:
    """The Store's token methods (a mixin: uses the Store's sessions)."""

    def issue_token(self, name: str, role: str = DEFAULT_ROLE) -> dict[str, Any]:
        """A new token for `name` with `role`: its id, name, role and the token itself (shown this once)."""
        import secrets

        name = (name or "").strip()
        if not name or len(name) > 128:
            raise ValueError("a token needs a name of 1 to 128 characters (who uses it: the reviewer's name)")
        check_role(role)
        token = "ew_" + secrets.token_urlsafe(32)
        with self._write() as s:
            row = TokenRow(name=name, role=role, token_hash=token_hash(token), created_at=utcnow())
            s.add(row)
            s.flush()
            return {"id": row.id, "name": name, "role": role, "token": token}

    def create_token(self, name: str, role: str = DEFAULT_ROLE) -> str:
        return self.issue_token(name, role)["token"]

    def token_holder(self, token: str | None) -> TokenHolder | None:
        """Who holds `token`, if it is live."""
        if not token:
            return None
        with self._read() as s:
            row = s.execute(select(TokenRow.name, TokenRow.role).where(TokenRow.token_hash == token_hash(token),
                                                                       TokenRow.revoked_at.is_(None))).first()
        return TokenHolder(name=row.name, role=row.role) if row else None

    def check_token(self, token: str | None) -> str | None:
        """The name of a live token's holder, else None."""
        holder = self.token_holder(token)
        return holder.name if holder else None

    def tokens(self) -> list[dict[str, Any]]:
        with self._read() as s:
            return [{"id": t.id, "name": t.name, "role": t.role, "created_at": t.created_at.isoformat(),
                     "revoked": t.revoked_at is not None}
                    for t in s.execute(select(TokenRow).order_by(TokenRow.id)).scalars()]

    def revoke_token(self, token_id: int) -> bool:
        row_id = as_int(int(token_id), INT32)
        with self._write() as s:
            row = s.get(TokenRow, row_id) if row_id is not None else None  # no row has an id beyond the column's
            if row is None or row.revoked_at is not None:
                return False
            row.revoked_at = utcnow()
            return True
