"""Writers: event records to JSON(L), ACLED CSV, UCDP-style CSV and GeoJSON."""
