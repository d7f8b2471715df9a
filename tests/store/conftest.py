"""Fixtures: an empty migrated store on each backend (PostgreSQL ones are `integration`)."""

from __future__ import annotations




