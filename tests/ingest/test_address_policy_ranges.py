"""AddressPolicy: which addresses URL ingest may contact (pure, no network)."""

from __future__ import annotations

import ipaddress

import pytest

from flashpoint.ingest.address_policy import AddressPolicy


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.255.0.9", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.20.30.40", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.0.10", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::abcd", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("100.64.1.1", "a shared (carrier-grade NAT) address"),
        ("224.0.0.251", "a multicast address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("::ffff:169.254.169.254", "a link-local address"),
        ("2002:a00:1::", "a private address"),
        ("192.0.2.33", "a private address"),
        ("198.18.0.1", "a private address"),
    ],
)
def test_policy_refuses_non_public_addresses(address: str, kind: str) -> None:
    assert AddressPolicy().refusal(address) == kind


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.4.4", "41.203.64.1"])
def test_policy_allows_public_addresses(address: str) -> None:
    assert AddressPolicy().refusal(address) is None


def test_policy_allow_private_allows_everything() -> None:
    assert AddressPolicy(allow_private=True).refusal("127.0.0.1") is None
    assert AddressPolicy(allow_private=True).refusal(ipaddress.ip_address("10.0.0.1")) is None


def test_policy_allowed_networks_are_exact() -> None:
    policy = AddressPolicy(allowed_networks=(ipaddress.ip_network("10.1.0.0/16"),))
    assert policy.refusal("10.1.200.3") is None
    assert policy.refusal("10.2.0.1") == "a private address"
