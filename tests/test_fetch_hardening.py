"""Hostile input to URL fetching: IPv6 addresses that carry a private IPv4 one (SSRF), servers that drip
bytes (deadlines), and credentials in URLs (never stored, logged or sent to another host)."""

from __future__ import annotations

import ipaddress

import pytest

from eventwire.sources.fetch import Fetcher, FetchError, carried_ipv4, is_public_address


# -- SSRF: IPv6 forms of IPv4 addresses ---------------------------------------------------------------------
@pytest.mark.parametrize("address, carried", [
    ("2002:7f00:1::1", "127.0.0.1"),  # 6to4 of loopback
    ("2002:a9fe:a9fe::1", "169.254.169.254"),  # 6to4 of the cloud metadata address
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),  # Teredo: client bits XOR-ed
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),
    ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64 well-known prefix
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),
    ("::ffff:192.168.1.1", "192.168.1.1"),  # IPv4-mapped
])
def test_ipv6_forms_of_private_ipv4_are_unwrapped_and_refused(address, carried):
    ip = ipaddress.ip_address(address)
    assert carried_ipv4(ip) == [ipaddress.IPv4Address(carried)]
    assert not is_public_address(ip)


@pytest.mark.parametrize("address, public", [
    ("2002:808:808::1", True),  # 6to4 of a public host
    ("64:ff9b::808:808", True),  # what a DNS64 resolver answers for a public IPv4-only site
    ("::ffff:8.8.8.8", True),
    ("2606:4700:4700::1111", True),
    ("8.8.8.8", True),
    ("2002:e000:1::1", False),  # 6to4 of multicast 224.0.0.1
    ("2002:6440:1::1", False),  # 6to4 of shared (CGNAT) 100.64.0.1
    ("2002:0:1::1", False),  # 6to4 of 0.0.0.1
    ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
    ("64:ff9b:1::a00:1", False),  # local-use NAT64 prefix (RFC 8215)
    ("::127.0.0.1", False),  # deprecated IPv4-compatible form
    ("fe80::1", False),
    ("fec0::1", False),
    ("::1", False),
    ("169.254.169.254", False),
])
def test_public_address_rules(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_plain_ipv6_carries_no_ipv4():
    assert carried_ipv4(ipaddress.IPv6Address("2606:4700:4700::1111")) == []


@pytest.mark.parametrize("url", ["http://[2002:7f00:1::1]/", "http://[64:ff9b::7f00:1]:8080/x",
                                 "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"])
def test_fetcher_refuses_wrapped_loopback_before_connecting(url):
    with Fetcher() as f, pytest.raises(FetchError, match="non-public address"):
        f.fetch(url)
