"""The ``dancoso`` command: a thin shell over the public API."""
