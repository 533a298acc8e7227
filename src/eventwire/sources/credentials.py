"""Credentials in URLs (`https://user:password@host/...`): used to log in to that host, never stored, logged
or shown. `without_credentials` is the one place they are cut out: everything that records or prints a URL
(or a message that may hold one) goes through it."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# scheme://userinfo@ : the userinfo runs to the LAST "@" before the host ends (at "/", "?", "#" or a space), the
# way urlsplit finds the host, so a password with an "@" in it ("p@ss") is cut out whole. Second form: a
# password with an unencoded "/", "?" or "#" ends the host early (`http://me:pa/ss@host/`: host "me", port
# "pa/ss"...): a "port" that is not a number, then an "@", is taken for user:password too.
_USERINFO = re.compile(r"\b([a-z][a-z0-9+.\-]*://)(?:[^\s/?#]*@|[^\s/?#@:\[\]]*:(?![0-9]*(?:[/?#\s]|$))[^\s@]*@)",
                       re.IGNORECASE)


def without_credentials(text: str) -> str:
    """`text` (a URL, or a message naming URLs) with the user name and password of every URL removed."""
    return _USERINFO.sub(r"\1", text) if "@" in text else text


def url_credentials(url: str) -> tuple[str, str] | None:
    """(user, password) given in `url`, percent-decoded; None when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if "@" not in parts.netloc or not (parts.username or parts.password):
        return None
    return unquote(parts.username or ""), unquote(parts.password or "")
