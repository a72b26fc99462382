"""users and ownership: accounts, refresh tokens, login failures; every row gets an owner

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:00:00.000000+00:00

Week 9. The tables came from ``alembic revision --autogenerate --rev-id 0007``; the data steps
are by hand:

- the rows week 7 left have no owner, so the migration creates one: the admin
  ``owner@task-manager.example`` with an unusable password (``!`` is no hash: nobody can log in
  as it until an admin sets a password; ``scripts/seed.py`` does for the local demo), and gives it
  every existing task, category, tag and idempotency key; only then ``owner_id`` is NOT NULL;
- names were unique in the whole table, now per owner: the unique indexes are replaced.

The downgrade keeps every task, category and tag but forgets who owned it. Two users may have
used one name, which the old index forbids, so later duplicates are renamed (``name #id``), and
idempotency keys that two users both used keep only one row.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER_EMAIL = "owner@task-manager.example"
OWNED = ("tasks", "categories", "tags", "idempotency_keys")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "user", "admin", name="role", native_enum=False, create_constraint=True, length=20
            ),
            server_default="user",
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_index("uq_users_email_lower", "users", [sa.literal_column("lower(email)")],
                    unique=True)  # fmt: skip
    op.create_table(
        "refresh_tokens",
        sa.Column("jti", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_refresh_tokens_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("jti", name=op.f("pk_refresh_tokens")),
    )  # fmt: skip
    op.create_index(op.f("ix_refresh_tokens_family_id"), "refresh_tokens", ["family_id"])
    op.create_index(op.f("ix_refresh_tokens_user_id"), "refresh_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failures")),
    )

    # The owner of everything that exists so far.
    owner_id = op.get_bind().scalar(
        sa.text("INSERT INTO users (email, password_hash, role) VALUES (:email, '!', 'admin') "
                "RETURNING id"),
        {"email": OWNER_EMAIL},
    )  # fmt: skip
    for table in OWNED:
        op.add_column(table, sa.Column("owner_id", sa.Integer(), nullable=True))
        update = f"UPDATE {table} SET owner_id = :owner"  # noqa: S608 - table names are constants
        op.execute(sa.text(update).bindparams(owner=owner_id))
        op.alter_column(table, "owner_id", nullable=False)
        op.create_foreign_key(
            op.f(f"fk_{table}_owner_id_users"), table, "users", ["owner_id"], ["id"],
            ondelete="CASCADE",
        )  # fmt: skip

    op.create_index("ix_tasks_owner_id_id", "tasks", ["owner_id", "id"])
    op.drop_index("uq_categories_name_lower", table_name="categories")
    op.create_index("uq_categories_owner_id_name_lower", "categories",
                    ["owner_id", sa.literal_column("lower(name)")], unique=True)  # fmt: skip
    op.drop_index("uq_tags_name_lower", table_name="tags")
    op.create_index("uq_tags_owner_id_name_lower", "tags",
                    ["owner_id", sa.literal_column("lower(name)")], unique=True)  # fmt: skip
    # An idempotency key is now the owner's: the primary key becomes (owner_id, key).
    op.drop_constraint("pk_idempotency_keys", "idempotency_keys", type_="primary")
    op.create_primary_key("pk_idempotency_keys", "idempotency_keys", ["owner_id", "key"])


def rename_duplicates(table: str, length: int) -> None:
    """``name #id`` for every row whose name (ignoring case) an older row has too."""
    op.execute(
        f"UPDATE {table} AS later SET name = left(later.name, {length - 12}) || ' #' || later.id "  # noqa: S608 - constants
        f"WHERE EXISTS (SELECT 1 FROM {table} AS older "
        "WHERE lower(older.name) = lower(later.name) AND older.id < later.id)"
    )


def downgrade() -> None:
    op.execute(
        "DELETE FROM idempotency_keys AS newer USING idempotency_keys AS older "
        "WHERE newer.key = older.key AND newer.owner_id > older.owner_id"
    )
    op.drop_constraint("pk_idempotency_keys", "idempotency_keys", type_="primary")
    op.create_primary_key("pk_idempotency_keys", "idempotency_keys", ["key"])
    op.drop_index("uq_tags_owner_id_name_lower", table_name="tags")
    rename_duplicates("tags", 30)
    op.create_index("uq_tags_name_lower", "tags", [sa.literal_column("lower(name)")], unique=True)
    op.drop_index("uq_categories_owner_id_name_lower", table_name="categories")
    rename_duplicates("categories", 50)
    op.create_index("uq_categories_name_lower", "categories",
                    [sa.literal_column("lower(name)")], unique=True)  # fmt: skip
    op.drop_index("ix_tasks_owner_id_id", table_name="tasks")
    for table in OWNED:
        op.drop_constraint(op.f(f"fk_{table}_owner_id_users"), table, type_="foreignkey")
        op.drop_column(table, "owner_id")
    op.drop_table("login_failures")
    op.drop_index(op.f("ix_refresh_tokens_user_id"), table_name="refresh_tokens")
    op.drop_index(op.f("ix_refresh_tokens_family_id"), table_name="refresh_tokens")
    op.drop_table("refresh_tokens")
    op.drop_index("uq_users_email_lower", table_name="users")
    op.drop_table("users")
