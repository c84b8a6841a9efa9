"""Normalisers for metadata values: dates and time zones, author names."""
