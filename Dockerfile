# `eventwire watch` in a container: polls the feeds listed in /config/feeds.txt into the SQLite database in the
# /data volume (or into PostgreSQL: -e EVENTWIRE_DB=postgresql://...; the image has the psycopg driver).
#
#   docker build -t eventwire .
#   docker run -d --name eventwire-watch --restart unless-stopped --stop-timeout 120 \
#       -v eventwire-data:/data -v "$PWD/feeds.txt:/config/feeds.txt:ro" eventwire [--every 30m ...]
#   docker logs -f eventwire-watch                      # one line per poll
#   docker exec eventwire-watch eventwire feeds         # each feed's health
#
# `docker stop` sends SIGTERM: the watcher stops after the feed it is polling. If that takes longer than the
# stop timeout, the SIGKILL that follows loses nothing either (each article is stored in one transaction).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EVENTWIRE_DB=sqlite:////data/eventwire.db

# only what the package needs to build (see .dockerignore); the spaCy model is a pinned dependency
COPY pyproject.toml README.md /tmp/eventwire/
COPY src /tmp/eventwire/src
RUN pip install "/tmp/eventwire[postgres]" && rm -rf /tmp/eventwire

RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin eventwire \
    && mkdir -p /data /config \
    && chown eventwire:eventwire /data
USER eventwire
WORKDIR /data
VOLUME ["/data"]

STOPSIGNAL SIGTERM
ENTRYPOINT ["eventwire", "watch", "/config/feeds.txt"]
CMD ["--every", "15m"]
