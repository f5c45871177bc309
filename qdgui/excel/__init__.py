"""Excel in and out (no Qt): the weekly report, the full ledger, and reading ledgers back."""
