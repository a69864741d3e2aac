"""One module per output format; each takes claims and findings, never raw dicts."""
