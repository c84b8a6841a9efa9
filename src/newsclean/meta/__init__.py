"""Readers of structured metadata in HTML: JSON-LD, microdata, <meta> tags and friends."""
