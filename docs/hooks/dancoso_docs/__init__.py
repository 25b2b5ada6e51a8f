"""Generators of the documentation pages that come from the project's sources of truth.

Each function returns Markdown as text and knows nothing of MkDocs, so that tests can call it
directly; ``docs/hooks/generate.py`` is the MkDocs hook that puts the pages into the site.

- :mod:`dancoso_docs.catalogue`: one page per instrument, from the YAML rule packs;
- :mod:`dancoso_docs.concordance`: the provisions of two instruments that say the same thing;
- :mod:`dancoso_docs.references`: the CLI, the record format (JSON Schema) and the Python API.
"""
