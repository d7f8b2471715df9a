"""Spatial precision codes for a gazetteer feature: ACLED geo_precision and UCDP where_prec.

ACLED geo_precision: 1 the town itself, 2 a part of a region or near a town,
3 a larger region (coded to its centre). UCDP where_prec: 1 exact location,
2 within ~25 km of a known point, 3 second-order admin unit, 4 first-order admin
unit, 5 a linear feature or an area that is not an admin unit, 6 the country,
7 international waters or airspace.

Example:
    >>> precision_of("P", "PPL", is_region=False)
    (1, 1)
"""

from __future__ import annotations

# Linear features: a river or a road locates an event only to a strip (UCDP 5).
_LINEAR_CODES = frozenset({"STM", "STMI", "WAD", "WADX", "RD", "RDJCT", "TRL", "VAL"})
_SECOND_ORDER = frozenset({"ADM2", "ADM3", "ADM4", "ADM5", "ADMD", "PRSH"})


def precision_of(feature_class: str, feature_code: str, *, is_region: bool) -> tuple[int, int]:
    """(geo_precision, where_prec) for a matched feature."""
    if is_region:
        return 3, 5
    if feature_code.startswith("PCL"):
        return 3, 6
    if feature_code == "ADM1":
        return 3, 4
    if feature_code in _SECOND_ORDER:
        return 2, 3
    if feature_code in _LINEAR_CODES:
        return 2, 5
    if feature_class in ("P", "S"):
        return 1, 1
    return 2, 2


def fallback_precision(*, is_region: bool) -> tuple[int, int]:
    """Precision of an honest fallback to a named admin1 (or analyst region)."""
    return (3, 5) if is_region else (3, 4)
