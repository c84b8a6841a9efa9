"""Fixture expectations: check an extraction against a saved ``.expected.json``."""
from newsclean.testing.expectations import (
    Check,
    ExpectationsError,
    check_article,
    load_expected,
    shingle_f1,
    validate_expected,
)

__all__ = ["Check", "ExpectationsError", "check_article", "load_expected", "shingle_f1", "validate_expected"]
