"""Gazetteer: an SQLite index of GeoNames places and analyst regions, and toponym resolution.

Public API (see each module): `build.build_default_index`, `importer.import_files`,
`index.Gazetteer` (lookup, country, admin1, region), `candidates.Candidate`,
`resolve.PlaceContext` / `resolve.resolve_place`, `toponym_eval.evaluate_toponyms`.
Data © GeoNames (CC BY 4.0).
"""
