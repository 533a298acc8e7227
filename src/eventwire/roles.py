"""The roles of API tokens, each including what the ones before it may do (ROLES is in that order):

    reader    read; a token adds something only when the server is private (`serve --private`)
    reviewer  review events (accept, reject, correct)
    editor    ingest articles (POST /api/articles)
    admin     create, list and revoke tokens over the API

Kept apart from the store (no SQLAlchemy here) so that the command line reads them without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("reader", "reviewer", "editor", "admin")
DEFAULT_ROLE = "reader"  # the least a new token may do: a wider role is asked for by name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"a token's role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


@dataclass(frozen=True)
class TokenHolder:
    """Who holds a live token: the name its reviews are recorded under, and its role."""

    name: str
    role: str

    def may(self, minimum: str) -> bool:
        """Whether this holder's role is `minimum` or above it."""
        return ROLES.index(self.role) >= ROLES.index(check_role(minimum))
