"""``kg analyze``: networkx analyses of the store (centrality, communities, co-attendance pairs,
initiative spread, presiders), rendered as a table, CSV or JSON.

    with Store("kg-store", read_only=True) as store:
        report = analyze(store, top=10)
    write_report(report, "table", sys.stdout)
"""

from __future__ import annotations

from kg.analyze.data import GraphData, QueryStore, load
from kg.analyze.metrics import build_report
from kg.analyze.report import Report, Section, write_report


def analyze(store: QueryStore, top: int = 10) -> Report:
    """Read the store and compute the report; ``top`` limits each ranking."""
    return build_report(load(store), top=top)


__all__ = ["GraphData", "Report", "Section", "analyze", "build_report", "load", "write_report"]
