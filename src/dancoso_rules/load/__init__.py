"""Loading: safe YAML, the rule packs, the source texts, and the checks that tie them together."""

from dancoso_rules.load.packs import (
    LoadedRules,
    load_interpretation_file,
    load_rulebook,
    load_rules,
)

__all__ = ["LoadedRules", "load_interpretation_file", "load_rulebook", "load_rules"]
