"""The event store (SQLite or PostgreSQL): `from eventwire.storage import Store`."""

from eventwire.storage.store import Store, StoreError, content_hash, resolve_url

__all__ = ["Store", "StoreError", "content_hash", "resolve_url"]
