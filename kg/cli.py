"""The kg command line. Heavy libraries (rdflib, networkx, matplotlib) are imported inside the commands so
that ``kg --help`` answers at once."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import Extraction

DEFAULT_STORE = "kg-store"


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.batch import Batch
    from kg.extract.trace import listing, traced_json

    batch = Batch(args.paths, budget=args.budget, desc="extract")
    out = sys.stdout

    def as_json(x: Extraction, spans: bool) -> dict:
        return traced_json(x, spans) if args.trace else x.to_json(spans=spans)

    if args.format == "jsonl":
        for x in batch.extractions():
            out.write(json.dumps(as_json(x, args.spans), ensure_ascii=False) + "\n")
    elif args.format == "json":
        json.dump([as_json(x, True) for x in batch.extractions()], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "trace":
        for x in batch.extractions():
            out.write(listing(x))
    else:
        from kg.export.serialize import serialize_dataset
        from kg.rdf.build import dataset_of

        ds = dataset_of((node, g) for _, node, g in batch.graphs())
        fmt = "trig" if args.format == "trig" else "turtle"
        out.write(serialize_dataset(ds, fmt))
    return 1 if batch.errors else 0


def _warn_unloaded_tables(paths: list[str]) -> None:
    """A folder given to ingest that carries its own tables (``DIR/data/aliases``, as samples/ does
    for its invented geography) which KG_DATA_PATH does not name: say so, since without them one
    official of those places may become several persons."""
    loaded = {Path(p).resolve() for p in os.environ.get("KG_DATA_PATH", "").split(os.pathsep) if p}
    for p in paths:
        data = Path(p) / "data"
        if (data / "aliases").is_dir() and data.resolve() not in loaded:
            print(f"kg ingest: warning: {data} holds tables (places, persons, ...) that are not loaded: "
                  f"set KG_DATA_PATH={data} to use them", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from kg.batch import Batch
    from kg.store import Store

    _warn_unloaded_tables(args.paths)

    batch = Batch(args.paths, budget=args.budget, desc="ingest", progress=True)
    with Store(args.store) as store:
        done = batch.ingest(store)
        n = store.triple_count()
    dup = f", {len(batch.duplicates)} duplicates skipped" if batch.duplicates else ""
    print(f"ingested {done} releases into {args.store} ({n} quads); {len(batch.errors)} failed{dup}",
          file=sys.stderr)
    return 1 if batch.errors else 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.store import Store
    from kg.store.queries import resolve_query, set_values, write_result

    text = resolve_query(args.query)
    wanted: dict[str, list[str]] = {}
    for item in args.values:
        var, sep, value = item.partition("=")
        if not sep or not var.strip():
            print(f"kg query: --values takes VAR=VALUE, not {item!r}", file=sys.stderr)
            return 2
        wanted.setdefault(var.strip().lstrip("?"), []).append(value)
    for var, vals in wanted.items():
        try:
            text = set_values(text, var, vals)
        except ValueError as e:
            print(f"kg query: {e}", file=sys.stderr)
            return 2
    with Store(args.store, read_only=True) as store:
        result = store.query(text)
        write_result(result, args.format, sys.stdout)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from kg.analyze import analyze, write_report
    from kg.store import Store

    with Store(args.store, read_only=True) as store:
        report = analyze(store, top=args.top, since=args.since, until=args.until, split_at=args.split)
    write_report(report, args.format, sys.stdout)
    return 0


class UsageError(Exception):
    """A request the user must change (an output path that cannot be written, a file of no known format):
    a message and exit 2, no traceback."""


def output_path(value: str, folder: bool = False) -> Path:
    """Where ``-o`` writes: a file whose folder exists (missing folders are made) and can be written;
    with ``folder``, a folder (made when missing) that files are written into."""
    path = Path(value)
    if path.is_dir() and not folder:
        raise UsageError(f"cannot write {path}: it is a folder (give a file name)")
    if folder and path.exists() and not path.is_dir():
        raise UsageError(f"cannot write into {path}: it is a file, not a folder")
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise UsageError(f"cannot write {path}: {blocker} is a file, not a folder")
    where = path if folder else path.parent
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"cannot create the folder {where}: {e.strerror or e}") from None
    if not os.access(where, os.W_OK) or (not folder and path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write {path}: permission denied")
    return path


def _write_error(path: Path, e: OSError) -> UsageError:
    return UsageError(f"cannot write {path}: {e.strerror or e}")


def cmd_explore(args: argparse.Namespace) -> int:
    from kg.explore import Selection, render_explorer
    from kg.store import Store

    types = tuple(sorted({t.strip() for item in args.type for t in item.split(",") if t.strip()})) or None
    unknown = sorted(set(types or ()) - {"person", "body", "event", "initiative"})
    if unknown:
        print(f"kg explore: unknown --type {', '.join(unknown)} (person, body, event, initiative)",
              file=sys.stderr)
        return 2
    sel = Selection(focus=args.focus, depth=args.depth, since=args.since, until=args.until, types=types,
                    top=args.top)
    out = output_path(args.output)
    with Store(args.store, read_only=True) as store:
        try:
            n = render_explorer(store, out, selection=sel)
        except OSError as e:
            raise _write_error(out, e) from None
    print(f"wrote {args.output} ({n} nodes shown)", file=sys.stderr)
    return 0


def _needs(module: str, extra: str, what: str) -> None:
    """A clear message, not a traceback, when an optional part of kg is not installed."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise UsageError(f"{what} needs {module}, which is not installed: pip install 'kg[{extra}]'")


def cmd_report(args: argparse.Namespace) -> int:
    _needs("matplotlib", "report", "the report's plots")
    from kg.report import write_report_dir
    from kg.store import Store

    with Store(args.store, read_only=True) as store:
        written = write_report_dir(store, Path(args.output), top=args.top, persons=args.person,
                                   since=args.since, until=args.until)
    print(f"wrote {written[-1]} and {len(written) - 1} plot(s) in {args.output}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export.graphtools import GRAPH_FORMATS, write_graph
    from kg.export.serialize import export_store, format_of
    from kg.store import Store

    to_stdout = args.output == "-"
    fmt = args.format or ("turtle" if to_stdout else format_of(args.output))
    output = None if to_stdout else Path(args.output)
    if fmt == "csv" and output is not None and output.suffix.lower() == ".csv":
        print(f"kg export: csv writes two files (nodes.csv, edges.csv): give a folder, e.g. -o "
              f"{output.with_suffix('')}/", file=sys.stderr)
        return 2
    if output is not None:
        output = output_path(args.output, folder=fmt == "csv")
    with Store(args.store, read_only=True) as store:
        try:
            if fmt in GRAPH_FORMATS:
                write_graph(store, fmt, output, out=sys.stdout)
            else:
                export_store(store, output, fmt, no_text=args.no_text, out=sys.stdout)
        except OSError as e:
            raise _write_error(output or Path("-"), e) from None
    if not to_stdout:
        print(f"wrote {args.output} ({fmt})", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.export.validate import PARSE_FORMATS, validate_file, validate_store
    from kg.store import Store

    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"no such file: {path}")
        if path.suffix.lower() not in PARSE_FORMATS:
            known = " ".join(sorted(PARSE_FORMATS))
            raise UsageError(f"cannot tell the RDF format of {path}: its name should end in one of {known}")
        try:
            conforms, report = validate_file(path)
        except Exception as e:  # noqa: BLE001 - the parsers raise many types for a broken file
            raise UsageError(f"{path} is not valid RDF: {type(e).__name__}: {e}") from None
    else:
        with Store(args.store, read_only=True) as store:
            conforms, report = validate_store(store)
    print(report)
    return 0 if conforms else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.store.server import serve

    return serve(args.store, host=args.host, port=args.port, writable=args.writable, timeout=args.timeout,
                 max_result_mb=args.max_result_mb, workers=args.workers, threads=args.threads,
                 allow_service=args.allow_service, allow_hosts=args.allow_host,
                 allow_origins=args.allow_origin, cors=not args.no_cors)


def cmd_push(args: argparse.Namespace) -> int:
    from kg.store.push import PushError, push

    try:
        push(args.store, args.url, headers=args.header, netrc_file=args.netrc_file, dry_run=args.dry_run,
             merged=args.merged, retries=args.retries)
    except PushError as e:
        print(f"kg push: {e}", file=sys.stderr)
        return 1
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate_dir

    as_json = args.json or args.format == "json"
    return evaluate_dir(Path(args.gold), explain=args.explain, as_json=as_json, out=sys.stdout)


def cmd_demo(args: argparse.Namespace) -> int:
    from kg.demo import run_demo

    samples = Path(args.samples)
    installed = Path(sys.prefix) / "share" / "kg" / "samples"
    if args.samples == "samples" and not samples.is_dir() and installed.is_dir():
        samples = installed  # an installed kg, run outside the checkout: the samples that ship with it
    return run_demo(samples, Path(args.store), Path(args.exports))


def date_arg(value: str) -> str:
    """A date or a date prefix: YYYY, YYYY-MM or YYYY-MM-DD."""
    import re

    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise argparse.ArgumentTypeError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


def _whole_number(value: str, minimum: int, bound: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < minimum:
        raise argparse.ArgumentTypeError(f"must be {bound}, not {n}")
    return n


def positive_int(value: str) -> int:
    """A whole number of at least 1 (``--top``)."""
    return _whole_number(value, 1, "at least 1")


def count_arg(value: str) -> int:
    """A whole number of at least 0 (``--depth``)."""
    return _whole_number(value, 0, "0 or more")


def seconds_arg(value: str) -> float:
    """A time in seconds, more than 0 and finite (``--budget``); 0 means no budget."""
    import math

    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not math.isfinite(x) or x < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds, 0 or more, not {value}")
    return x


def budget_arg(sp: argparse.ArgumentParser) -> None:
    from kg.extract.budget import DEFAULT_BUDGET

    sp.add_argument("--budget", type=seconds_arg, default=DEFAULT_BUDGET, metavar="SECONDS",
                    help=f"extraction time allowed per release (default {DEFAULT_BUDGET:g}; 0: no limit);"
                    " a release that takes longer is reported as that release's error")


def window_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--since", type=date_arg, metavar="DATE", help="only events on or after DATE")
    sp.add_argument("--until", type=date_arg, metavar="DATE", help="only events on or before DATE")


def _version() -> str:
    """The installed distribution's version (the package's own when run from a checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:
        from kg import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg",
        description="A knowledge graph of officials, bodies, events and initiatives from government"
        " releases.",
    )
    p.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def store_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--store", default=DEFAULT_STORE, help=f"store folder (default ./{DEFAULT_STORE})")

    sp = sub.add_parser("extract", help="parse releases and print what was read (nothing is stored)")
    sp.add_argument("paths", nargs="+", help="release files (.txt .html .htm .jsonl) or folders")
    sp.add_argument("--format", choices=["jsonl", "json", "turtle", "trig", "trace"], default="jsonl",
                    help="trace: a readable listing of every item and the component and data line behind it")
    sp.add_argument("--spans", action="store_true", help="jsonl: add character spans and texts' own forms")
    sp.add_argument("--trace", action="store_true",
                    help="jsonl/json: a `why` list (component: rule or data line) beside every item, each "
                         "event's other `relations`, and the release's `untraced` items")
    budget_arg(sp)
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("ingest", help="parse releases into the persistent store (re-ingest replaces)")
    sp.add_argument("paths", nargs="+")
    budget_arg(sp)
    store_arg(sp)
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("query", help="run SPARQL: a query string, a .rq file, or a named query")
    sp.add_argument("query", help="SPARQL text, FILE.rq, or the NAME of a query in ontology/queries/")
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument("--values", action="append", default=[], metavar="VAR=VALUE",
                    help="fill the query's `VALUES ?VAR { ... }` line (repeat for several values), "
                    "e.g. --values wanted='Lin Haoran'")
    store_arg(sp)
    sp.set_defaults(func=cmd_query)

    sp = sub.add_parser("analyze", help="centrality, communities, co-attendance, initiative spread")
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument("--top", type=positive_int, default=10)
    window_args(sp)
    sp.add_argument("--split", type=date_arg, metavar="DATE",
                    help="compare centrality before DATE and from DATE on (default: the median event date)")
    store_arg(sp)
    sp.set_defaults(func=cmd_analyze)

    sp = sub.add_parser("explore", help="write the offline HTML graph explorer")
    sp.add_argument("-o", "--output", default="explorer.html")
    sp.add_argument("--focus", help="centre on this person, body or initiative (name or IRI)")
    sp.add_argument("--depth", type=count_arg, default=2)
    window_args(sp)
    sp.add_argument("--type", action="append", default=[], metavar="KINDS",
                    help="only these kinds: person, body, event, initiative (comma-separated or repeated)")
    sp.add_argument("--top", type=positive_int, metavar="N",
                    help="only the N most central officials and what they are linked to")
    store_arg(sp)
    sp.set_defaults(func=cmd_explore)

    sp = sub.add_parser("report", help="write an offline HTML report with plots (and each plot as SVG)")
    sp.add_argument("-o", "--output", required=True, metavar="DIR")
    sp.add_argument("--top", type=int, default=15, help="officials in the rankings and the heat map")
    sp.add_argument("--person", action="append", default=[], metavar="NAME",
                    help="an official whose career timeline to draw (repeat; default: the most central)")
    window_args(sp)
    store_arg(sp)
    sp.set_defaults(func=cmd_report)

    sp = sub.add_parser("export", help="write the store as Turtle, TriG, N-Quads, JSON-LD, or for graph "
                        "tools (Gephi, Cytoscape) GraphML, GEXF, CSV")
    sp.add_argument("-o", "--output", required=True,
                    help="the file (- for standard output; for csv a folder that receives nodes.csv and "
                    "edges.csv)")
    sp.add_argument("--format", choices=["turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv"],
                    help="default: from the file's extension (.ttl .trig .nq .jsonld .graphml .gexf, "
                    "a folder/ or .csv), else turtle")
    sp.add_argument("--no-text", action="store_true",
                    help="leave out the releases' full texts (the quoted evidence sentences stay)")
    store_arg(sp)
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("validate", help="check the store (or an exported file) against the SHACL shapes")
    sp.add_argument("file", nargs="?", help="an exported .ttl/.trig/.nq/.jsonld file instead of the store")
    store_arg(sp)
    sp.set_defaults(func=cmd_validate)

    sp = sub.add_parser("serve", help="HTTP SPARQL endpoint on localhost (read-only unless --writable)")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=7878)
    sp.add_argument("--writable", action="store_true", help="also accept SPARQL UPDATE")
    sp.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                    help="stop a query after this many seconds (default 30)")
    sp.add_argument("--max-result-mb", type=float, default=64, metavar="MB",
                    help="refuse answers larger than this (default 64 MB)")
    sp.add_argument("--workers", type=int, default=2, help="queries run at once, each in its own process "
                    "(default 2)")
    sp.add_argument("--threads", type=int, default=16, help="connections served at once (default 16)")
    sp.add_argument("--allow-service", action="append", default=[], metavar="IRI",
                    help="let queries call this endpoint with SERVICE (repeat; none by default)")
    sp.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                    help="accept requests addressed to this host name, e.g. behind a proxy (repeat)")
    sp.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                    help="with --writable: accept updates from web pages of this origin (repeat)")
    sp.add_argument("--no-cors", action="store_true",
                    help="no Access-Control-Allow-Origin header (web pages of other origins cannot read)")
    store_arg(sp)
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("push", help="send the store to a SPARQL Graph Store endpoint (Oxigraph, Fuseki, "
                        "GraphDB): the releases changed since the last push, and the merged graph")
    sp.add_argument("url", help="the Graph Store Protocol URL, e.g. http://HOST:7878/store (Oxigraph), "
                    "http://HOST:3030/DATASET/data (Fuseki), "
                    "http://HOST:7200/repositories/REPO/rdf-graphs/service (GraphDB)")
    sp.add_argument("--header", action="append", default=[], metavar="'NAME: VALUE'",
                    help="an HTTP header for every request, e.g. 'Authorization: Bearer TOKEN' (repeat)")
    sp.add_argument("--netrc-file", metavar="FILE", help="HTTP Basic credentials (default ~/.netrc)")
    sp.add_argument("--merged", choices=["default", "none"], default="default",
                    help="send the merged graph as the server's default graph (default), or not (when "
                    "the server uses the union of its named graphs)")
    sp.add_argument("--retries", type=int, default=4,
                    help="retries of a failed request (backoff 1, 2, 4 s...)")
    sp.add_argument("--dry-run", action="store_true", help="say what would be sent, send nothing")
    store_arg(sp)
    sp.set_defaults(func=cmd_push)

    sp = sub.add_parser("evaluate", help="score extraction against hand-made answer keys (NAME.gold.json)")
    sp.add_argument("--gold", required=True, help="folder of NAME.txt + NAME.gold.json")
    sp.add_argument("--explain", metavar="NAME", help="list one release's missed and spurious items")
    sp.add_argument("--format", choices=["table", "json"], default="table")
    # --json: the older spelling of --format json
    sp.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    sp.set_defaults(func=cmd_evaluate)

    sp = sub.add_parser("demo", help="ingest the bundled samples and write exports/ (what `make demo` runs)")
    sp.add_argument("--samples", default="samples")
    sp.add_argument("--store", default="kg-store")
    sp.add_argument("--exports", default="exports")
    sp.set_defaults(func=cmd_demo)
    return p


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the user's to fix (missing store, unknown query, bad SPARQL, a focus that
    matches nothing): a message, no traceback. Only modules the command already imported are asked,
    to keep start-up light."""
    errors: list[type[BaseException]] = [UsageError]
    if store := sys.modules.get("kg.store"):
        errors.append(store.StoreError)
    if queries := sys.modules.get("kg.store.queries"):
        errors.append(queries.QueryNotFound)
    if explore := sys.modules.get("kg.explore"):
        errors.append(explore.FocusError)
    if report := sys.modules.get("kg.report"):
        errors.append(report.PersonNotFound)
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # `kg query ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:
        if isinstance(e, _user_errors()):
            print(f"kg {args.command}: {e}", file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
