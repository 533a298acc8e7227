"""Token roles: every API token gets a role (reader < reviewer < editor < admin).

The tokens made before roles could do every write the API had (reviews and ingest), and tokens were managed
only from the command line: they become editors, which keeps exactly what they could do and gives them no
new power (admins manage tokens over the API, which no token could before). New tokens name their role.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ROLES = ("reader", "reviewer", "editor", "admin")  # as they are at this revision (models.TOKEN_ROLES may grow)
ROLE_OF_EXISTING_TOKENS = "editor"


def upgrade() -> None:
    # Two steps: the default fills the existing rows, then goes, so that a token without a role is an error.
    # (On SQLite the second batch copies api_tokens; it has no triggers to re-create.)
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=16), nullable=False,
                                      server_default=ROLE_OF_EXISTING_TOKENS))
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column("role", existing_type=sa.String(length=16), existing_nullable=False,
                              server_default=None)
        batch_op.create_check_constraint("ck_api_tokens_role",
                                         "role IN ({})".format(", ".join(f"'{r}'" for r in ROLES)))


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_constraint("ck_api_tokens_role", type_="check")
        batch_op.drop_column("role")
