"""numcheck: find the figures in news articles that do not agree."""

__version__ = "0.1.0"
