"""Fixture expectations: check an extraction against a saved ``.expected.json``."""
from newsclean.testing.expectations import Check, check_article, load_expected, shingle_f1

__all__ = ["Check", "check_article", "load_expected", "shingle_f1"]
