"""The default limits of fetching (see fetch.py), in a module of their own: the CLI shows them as option
defaults, and reading them must not import the HTTP client (which costs every command ~0.15 s at start-up)."""

DEFAULT_TIMEOUT_S = 20.0  # per operation: connect, each read, each write
DEFAULT_DEADLINE_S = 60.0  # one whole fetch, redirects included
DEFAULT_FEED_DEADLINE_S = 300.0  # all the fetching for one source: a feed and its entries' pages
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
