"""Source Reader: read many news articles about one story and see who said what, and where."""

__version__ = "0.1.0"
