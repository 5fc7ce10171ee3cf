"""The window's panels, one class per file."""
