"""The Qt-free core: tables, records, rules, repository and aggregates."""
