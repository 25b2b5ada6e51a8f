"""Compliance reports: the clause-by-clause model, its message catalogue, the overview, and renderers.

::

    from dancoso_rules.report.build import build_report
    from dancoso_rules.report.renderers import RenderOptions, get_renderer

    compliance = build_report(report, rulebook)
    print(get_renderer("markdown").render(compliance, RenderOptions(lang="en")))

Submodules are imported on demand, so that a command pays only for the format it prints.
"""
