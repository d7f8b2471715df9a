"""Which network addresses URL ingest may connect to (the SSRF guard's rule).

A user-supplied URL must not reach the machine itself, the local network or cloud
metadata services: loopback, private, link-local, shared (CGNAT), multicast, reserved
and unspecified addresses are refused unless the user allows private targets, or
allows a specific network.

Example:
    >>> AddressPolicy().refusal("169.254.169.254")
    'a link-local address'
    >>> AddressPolicy().refusal("93.184.216.34") is None
    True
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_SHARED_V4 = ipaddress.ip_network("100.64.0.0/10")


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Refuse non-public addresses unless `allow_private`, or inside `allowed_networks`."""

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()

    def refusal(self, address: str | IPAddress) -> str | None:
        """Why `address` may not be contacted ("a loopback address"), or None when it may."""
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
        if self.allow_private or any(ip in network for network in self.allowed_networks):
            return None
        return _non_public_kind(_unwrap(ip))


def _unwrap(ip: IPAddress) -> IPAddress:
    """IPv6 forms that embed an IPv4 address are judged by that address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return embedded
    return ip


def _non_public_kind(ip: IPAddress) -> str | None:
    checks = (
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED_V4, "a shared (carrier-grade NAT) address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    for matched, kind in checks:
        if matched:
            return kind
    return None
