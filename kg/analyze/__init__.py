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


def analyze(store: QueryStore, top: int = 10, since: str | None = None, until: str | None = None,
            split_at: str | None = None) -> Report:
    """Read the store and compute the report; ``top`` limits each ranking; ``since``/``until``
    restrict it to a window of event dates; ``split_at`` divides the two periods compared."""
    return build_report(load(store), top=top, since=since, until=until, split_at=split_at)


__all__ = ["GraphData", "Report", "Section", "analyze", "build_report", "load", "write_report"]
