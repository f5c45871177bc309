"""Qt views: main window, forms, table models, charts. Imports models, never the reverse."""
