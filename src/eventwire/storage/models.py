"""The database tables (SQLAlchemy 2). One schema for SQLite and PostgreSQL; Alembic migrations create it.

    articles        one row per distinct article (unique URL, unique content hash)
    events          the event table an analyst reads: one row per real-world event after dedup, with the
                    merged SCHEMA record and `source_count`; rows merged into another keep `merged_into`
    event_sources   one row per event as one article reported it (event <-> article <-> evidence), with the
                    article-level SCHEMA record; `origin_event_id` is the events row it created, `event_id`
                    the row it belongs to now (the same until dedup merges it)
    reviews         an analyst's verdict on one field of one event (accepted, rejected or edited); the rows of
                    one reviewer's action (one PATCH, one bulk review) share `action_id`, and an undone action
                    keeps its rows, marked `undone_by` the action that undid it (migration 0009)
    api_tokens      bearer tokens of the HTTP API (SHA-256 only), each with its holder's role
    stats_rollup, stats_actor_rollup, stats_day_totals
                    counts and fatalities of the events per period and filter dimensions, kept by triggers
                    (migration 0008) so that /api/stats does not count events one by one
    feeds           the feeds and pages `eventwire watch` polls: validators for the next conditional request,
                    when to poll next, and their health (last success, last error, articles added)

The columns next to `record` repeat the record's fields that queries filter on and that dedup reads, so
neither has to parse JSON for each row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from eventwire.roles import ROLES

# Stable constraint names, so that migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(512))  # the caller's article id (SCHEMA `id`), not unique
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    extractor: Mapped[str | None] = mapped_column(String(64))  # eventwire version that extracted it
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    sources: Mapped[list[EventSourceRow]] = relationship(back_populates="article")


STATS_COLUMNS = ("event_type", "fatalities", "merged_into", "status", "modality", "actor1", "actor2")


class EventRow(Base):
    __tablename__ = "events"
    # the HTTP API's usual queries: events by date within a country or a type, a region's; the two "stats" indexes
    # cover every column /api/stats reads, so its counts never touch the (large) rows themselves
    __table_args__ = (
        Index("ix_events_admin1_date", "admin1", "date"),
        Index("ix_events_type_date_fatalities", "event_type", "date", "fatalities"),  # a minimum tested in it
        Index("ix_events_stats_country", "country", "date", *STATS_COLUMNS),
        # by date (then id: a listing's order), with what the stats count and every actor column (0014)
        Index("ix_events_date_stats", "date", "id", "country", *STATS_COLUMNS, "assoc_actors"),
        Index("ix_events_confidence_id", "confidence", "id"),  # the review queue: lowest confidence first
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)  # stable across databases: "ew-" + hash
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | rejected (by a reviewer)
    source_count: Mapped[int] = mapped_column(Integer, default=1)

    event_type: Mapped[str | None] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    plover_event: Mapped[str | None] = mapped_column(String(16))
    cameo: Mapped[str | None] = mapped_column(String(8))
    actor1: Mapped[str | None] = mapped_column(String(256))
    actor2: Mapped[str | None] = mapped_column(String(256))
    assoc_actors: Mapped[str | None] = mapped_column(Text)  # "; "-joined names of both sides' allies
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    admin1: Mapped[str | None] = mapped_column(String(256))
    location: Mapped[str | None] = mapped_column(String(256))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)  # indexed by ix_events_date_stats (migration 0014)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    modality: Mapped[str] = mapped_column(String(16), default="asserted")
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)  # the merged SCHEMA record, reviews applied
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    sources: Mapped[list[EventSourceRow]] = relationship(
        back_populates="event", foreign_keys="EventSourceRow.event_id", order_by="EventSourceRow.id")
    reviews: Mapped[list[ReviewRow]] = relationship(back_populates="event", order_by="ReviewRow.id")


class EventSourceRow(Base):
    __tablename__ = "event_sources"
    __table_args__ = (Index("ix_event_sources_dedup_block", "country", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    origin_event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), unique=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    article_key: Mapped[str] = mapped_column(String(512))  # the SCHEMA article_id of the record
    source_key: Mapped[str] = mapped_column(String(600), unique=True)  # what makes a re-load a no-op
    source_event_id: Mapped[str] = mapped_column(String(64))  # the extractor's event_id
    evidence_text: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)  # the SCHEMA record as this article reported it

    # what dedup compares (copied from the record once, so that dedup reads no JSON)
    event_type: Mapped[str | None] = mapped_column(String(64))
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    plover_event: Mapped[str | None] = mapped_column(String(16))
    modality: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(String(256))
    actor1: Mapped[str | None] = mapped_column(String(256))
    actor2: Mapped[str | None] = mapped_column(String(256))
    # not yet clustered: the next run_dedup re-clusters these reports' countries only (migration 0003)
    dedup_pending: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true(), index=True)

    event: Mapped[EventRow] = relationship(back_populates="sources", foreign_keys=[event_id])
    article: Mapped[ArticleRow | None] = relationship(back_populates="sources")


ROLLUP_DIMS = ("country", "event_type", "sub_event_type", "plover_event", "modality", "status")


class _RollupDims:
    """What every rollup row is counted by besides its period: '' where the event has no value."""

    country: Mapped[str] = mapped_column(String(3), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    sub_event_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    plover_event: Mapped[str] = mapped_column(String(16), primary_key=True)
    modality: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger)
    fatalities: Mapped[int] = mapped_column(BigInteger)


class StatsRollupRow(_RollupDims, Base):
    """Events (not merged into another) per period: grain a (all time, period ''), y ('2024'), m ('2024-03'),
    d ('2024-03-05'; '' for undated events, counted by no other grain but a)."""

    __tablename__ = "stats_rollup"
    __table_args__ = (Index("ix_stats_rollup_country", "country", "grain", "period"),
                      Index("ix_stats_rollup_event_type", "event_type", "grain", "period"),
                      Index("ix_stats_rollup_country_days", "country", "grain", "period", "event_type", "status",
                            "modality", "events", "fatalities"))  # covering (migration 0011)

    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)


class StatsActorRollupRow(_RollupDims, Base):
    """The same per actor (either side; an event with one actor on both sides counts once), grains a, y and m."""

    __tablename__ = "stats_actor_rollup"
    __table_args__ = (Index("ix_stats_actor_rollup_country", "country", "grain", "period"),
                      Index("ix_stats_actor_rollup_all", "grain", "period", "status", "modality", "actor", "events",
                            "fatalities"),  # covering (migration 0012), as the next
                      Index("ix_stats_actor_rollup_country_all", "country", "grain", "period", "status", "modality",
                            "actor", "events", "fatalities"))

    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    actor: Mapped[str] = mapped_column(String(256), primary_key=True)


class StatsDayTypeRow(Base):
    """Dated events per day, ACLED type ('' for PLOVER only), modality and review status (migration 0011): the
    per-day-by-type chart of all countries."""

    __tablename__ = "stats_day_type"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    modality: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger)
    fatalities: Mapped[int] = mapped_column(BigInteger)


class StatsDyadRollupRow(_RollupDims, Base):
    """Events with two different actors per pair (actor_a < actor_b) at grains a, y and m (migration 0011)."""

    __tablename__ = "stats_dyad_rollup"
    __table_args__ = (Index("ix_stats_dyad_rollup_country", "country", "grain", "period"),
                      Index("ix_stats_dyad_rollup_all", "grain", "period", "status", "modality", "actor_a", "actor_b",
                            "events", "fatalities"),  # covering, as the next (migration 0012)
                      Index("ix_stats_dyad_rollup_country_all", "country", "grain", "period", "status", "modality",
                            "actor_a", "actor_b", "events", "fatalities"))

    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    actor_a: Mapped[str] = mapped_column(String(256), primary_key=True)
    actor_b: Mapped[str] = mapped_column(String(256), primary_key=True)


class StatsBinTypeRow(Base):
    """Dated events per bin, ACLED type ('' for PLOVER only), modality and review status (migration 0012): bins w
    (weeks cut at month ends) and m (months), each period named by its first day."""

    __tablename__ = "stats_bin_type"
    __table_args__ = {"sqlite_with_rowid": False}

    bins: Mapped[str] = mapped_column(String(1), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    modality: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger)
    fatalities: Mapped[int] = mapped_column(BigInteger)


class StatsDyadTotalRow(Base):
    """Events with two different actors per pair (actor_a < actor_b) of all countries and types, at grains a, y
    and m (migration 0012)."""

    __tablename__ = "stats_dyad_total"
    __table_args__ = {"sqlite_with_rowid": False}

    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    modality: Mapped[str] = mapped_column(String(16), primary_key=True)
    actor_a: Mapped[str] = mapped_column(String(256), primary_key=True)
    actor_b: Mapped[str] = mapped_column(String(256), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger)
    fatalities: Mapped[int] = mapped_column(BigInteger)


class StatsDayRow(Base):
    """Events per day ('' undated), modality and review status: the timeline of all countries and types."""

    __tablename__ = "stats_day_totals"
    __table_args__ = (Index("ix_stats_day_totals_all", "status", "modality", "day", "events", "fatalities"),)  # covering

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    modality: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    events: Mapped[int] = mapped_column(BigInteger)
    fatalities: Mapped[int] = mapped_column(BigInteger)


REVIEW_STATUSES = ("accepted", "rejected", "edited")


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_reviewer_action_id", "reviewer", "action_id"),
                      Index("ix_reviews_reviewer_created_at", "reviewer", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    field: Mapped[str] = mapped_column(String(128))  # a SCHEMA field, dotted for nested ("location.name"), or "event"
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    reviewer: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))  # accepted | rejected | edited, or undone (an undo's own row)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # the action this row belongs to: the id of the action's first row (rows made before 0009: their own id)
    action_id: Mapped[int | None] = mapped_column(Integer)
    undone_by: Mapped[int | None] = mapped_column(Integer)  # the action_id of the undo that reverted this row

    event: Mapped[EventRow] = relationship(back_populates="reviews")


class TokenRow(Base):
    """A bearer token of the HTTP API; only its SHA-256 is stored. `name` is who uses it (the reviewer)."""

    __tablename__ = "api_tokens"
    __table_args__ = (CheckConstraint("role IN ({})".format(", ".join(f"'{r}'" for r in ROLES)),
                                      name="ck_api_tokens_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    role: Mapped[str] = mapped_column(String(16))  # no default: every token is given its role when created


class FeedRow(Base):
    """A feed or page that `eventwire watch` polls. `articles_added` grows in the transaction that stores each
    article, so it always matches the articles table; the rest is written once a poll is done, so a poll cut
    short (kill -9) leaves the validators of the poll before it and the feed is read again in full."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    etag: Mapped[str | None] = mapped_column(String(1024))  # sent back as If-None-Match
    last_modified: Mapped[str | None] = mapped_column(String(128))  # sent back as If-Modified-Since
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # None: due now
    last_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_status: Mapped[str | None] = mapped_column(String(16))  # ok | not-modified | error
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    polls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    articles_added: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_article_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_new: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # added by the last poll
    entries_seen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # at the last full read
    # entry links whose page could not be read yet -> {"attempts", "title", "published"}: retried even when
    # the feed is unchanged, until they are read or given up
    retry_links: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # entry links read but with nothing to store (not English, no text): not fetched again
    skip_links: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


__all__ = ["Base", "ArticleRow", "EventRow", "EventSourceRow", "FeedRow", "ReviewRow", "StatsActorRollupRow",
           "StatsDayRow", "StatsRollupRow", "TokenRow", "REVIEW_STATUSES", "ROLLUP_DIMS"]
