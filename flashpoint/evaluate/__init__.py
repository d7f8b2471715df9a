"""Evaluation against gold sets: event matching, sub-type classification (CASE 2021), geocoding."""
