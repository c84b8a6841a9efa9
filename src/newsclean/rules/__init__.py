"""Per-site rules: selectors and line patterns for the sites a user cleans again and again."""
from newsclean.rules.site import SiteRule, match_rule, parse_site_rules

__all__ = ["SiteRule", "match_rule", "parse_site_rules"]
