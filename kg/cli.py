"""The `kg` command: thin click commands over the library."""
from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import click

from kg.errors import KgError

DEFAULT_OUT = Path("exports")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"
EXPORT_FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
NETWORK_FORMATS = ("graphml", "gexf")


def graph_option(f):
    return click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                        show_default=True, help="A graph built by `kg build`.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli():
    """Vietnamese public-security news into an RDF knowledge graph."""


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for graph.ttl, graph.trig and graph.html.")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Processes that read and extract articles (the output is the same for any number).")
@click.option("--no-cache", is_flag=True,
              help="Extract every article again instead of reusing OUT/.kg-cache (the output is the same).")
def build(sources, out_dir, no_html, jobs, no_cache):
    """Build the graph from article files and folders (searched recursively).

    An input that cannot be read as an article (empty, binary, too large,
    unreadable, missing, a symlink loop...) is skipped with a one-line message
    naming it; the rest of the build goes on. The exports are replaced only
    when the build completes: a failed or interrupted build leaves them as
    they were.

    \b
    Exit codes:
      0  built, nothing skipped
      1  error: nothing was written
      2  bad usage (an unknown option...)
      3  built, but some inputs were skipped (listed at the end)
      130  interrupted (Ctrl-C): nothing was written
      143  stopped (SIGTERM): nothing was written
    """
    from kg.build import NothingBuilt
    from kg.build import build as run_build

    def progress(path):
        progress.n += 1
        if progress.n % 100 == 0:
            click.echo(f"  {progress.n} articles...", err=True)

    progress.n = 0
    # `kill` (a scheduler's time limit) ends a build as Ctrl-C does: temporary files removed
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        report = run_build(list(sources), out_dir, progress=progress, html=not no_html, jobs=jobs, cache=not no_cache)
    except NothingBuilt as exc:
        _echo_skipped(exc.report.skipped)
        raise click.ClickException(str(exc)) from None
    except KgError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt as exc:
        click.echo(f"{'stopped' if isinstance(exc, Terminated) else 'interrupted'}; {out_dir}/ left as it was", err=True)
        sys.exit(143 if isinstance(exc, Terminated) else 130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    counts = ", ".join(f"{n} {cls.lower()}" for cls, n in report.counts.items())
    click.echo(f"{report.articles} articles: {counts}; {report.triples} triples -> {out_dir}/")
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    if report.skipped:
        _echo_skipped(report.skipped)
        click.echo(f"{len(report.skipped)} input(s) skipped", err=True)
        sys.exit(3)


def _echo_skipped(messages: list[str]) -> None:
    for message in sorted(messages):  # by path, whatever the order of the arguments
        click.echo(f"skipped: {message}", err=True)


@cli.command()
@click.argument("query")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop a query that runs longer than this (0: no limit).")
@click.option("--allow-update", is_flag=True,
              help="Run SPARQL Update (INSERT, DELETE, LOAD...) on an in-memory copy; nothing is saved.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE, FROM, USING and LOAD, which fetch data from the network or disk.")
def query(query, graph_path, fmt, timeout, allow_update, allow_service):
    """Run QUERY: a shipped query's name, a .rq file, or SPARQL text.

    Read-only: SPARQL Update is refused unless --allow-update, and then only
    changes an in-memory copy of the graph. A syntax error is reported with
    its line and column. Exit codes: 0 answered, 1 error or refused, 2 bad usage.
    """
    from kg import query as q

    try:
        text = q.query_text(query)
        # parses and checks first: a syntax error is reported before the graph is loaded
        kept = q.kept_answer(graph_path, text, fmt, allow_update, allow_service)
        if kept is not None and _copy_out(kept):  # hundreds of megabytes at 100,000 articles: copied, not decoded
            return
        output = q.answer_file(graph_path, text, fmt, timeout, allow_update, allow_service)
        click.echo(output, nl=False)
    except KgError as exc:
        raise click.ClickException(str(exc)) from None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the build is, so that it cleans up as after Ctrl-C."""


def _terminate(signum, frame):
    raise Terminated


def _copy_out(path: Path) -> bool:
    """Copy a file to standard output; False if it is gone (a build removed it): nothing written."""
    try:
        fh = path.open("rb")
    except OSError:
        return False
    out = click.get_binary_stream("stdout")
    with fh:
        shutil.copyfileobj(fh, out, 1 << 20)
    out.flush()
    return True


@cli.command()
@graph_option
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), default=DEFAULT_OUT / "graph.html", show_default=True)
@click.option("--around", "around", multiple=True, metavar="NAME",
              help="Draw only what lies within --depth links of this node (its name or IRI; repeatable).")
@click.option("--depth", type=click.IntRange(0, 20), default=2, show_default=True, help="Links from --around.")
@click.option("--type", "types", multiple=True, metavar="CLASS",
              help="Keep only this class: Locality, Organization, Person, Program, Article (repeatable).")
@click.option("--query", "query", metavar="QUERY",
              help="Draw what a query selects: a .rq file or SPARQL text, a CONSTRUCT or a SELECT of nodes.")
def viz(graph_path, out, around, depth, types, query):
    """Write the interactive network view (one HTML file that works offline).

    --query, --around and --type narrow the drawing, applied in that order.
    """
    from kg.build import write_atomic
    from kg.query import load_graph, query_text
    from kg.viz import render_network, select_part

    try:
        text = query_text(query) if query else None
        part = select_part(load_graph(graph_path), around=around, depth=depth, types=types, query=text)
        write_atomic(out, render_network(part).encode("utf-8"))
    except KgError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {out}: {part.number_of_nodes()} nodes, {part.number_of_edges()} links")


@cli.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS) + list(NETWORK_FORMATS)), default="ttl",
              show_default=True, help="graphml and gexf: the network (labels and classes as node attributes), for Gephi or Cytoscape.")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), help="File to write; default: standard output.")
def export(graph_path, fmt, out):
    """Export the graph as Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML or GEXF."""
    from kg.build import write_atomic
    from kg.query import load_graph

    if fmt in NETWORK_FORMATS:
        _export_network(graph_path, fmt, out)
        return
    try:
        source = graph_path.with_suffix(".trig") if fmt in ("trig", "nq") and graph_path.suffix == ".ttl" else graph_path
        if fmt in ("trig", "nq") and source.is_file():
            from rdflib import Dataset

            from kg.namespaces import bind_all
            g = bind_all(Dataset())
            g.parse(source, format="trig")
        else:
            g = load_graph(graph_path)
        data = g.serialize(format=EXPORT_FORMATS[fmt])
    except KgError as exc:
        raise click.ClickException(str(exc)) from None
    data = data.encode("utf-8") if isinstance(data, str) else data
    if out:
        write_atomic(out, data)
        click.echo(f"wrote {out}")
    else:
        click.echo(data.decode("utf-8"), nl=False)


def _export_network(graph_path: Path, fmt: str, out: Path | None) -> None:
    from kg.build import write_atomic
    from kg.netgraph import network_bytes, to_networkx
    from kg.query import load_graph

    try:
        data = network_bytes(to_networkx(load_graph(graph_path)), fmt)
    except KgError as exc:
        raise click.ClickException(str(exc)) from None
    if out:
        write_atomic(out, data)
        click.echo(f"wrote {out}")
    else:
        click.echo(data.decode("utf-8"), nl=False)


@cli.command()
@graph_option
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Rows per ranking and communities shown.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(graph_path, top, fmt):
    """Counts per class, the best connected organisations, localities and programs
    (degree, betweenness), communities (Louvain) and a table per province."""
    from kg import stats as st
    from kg.query import load_graph

    try:
        click.echo(st.render(st.report(load_graph(graph_path), top), fmt), nl=False)
    except KgError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@graph_option
def validate(graph_path):
    """Check the graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate as run_validate

    try:
        report = run_validate(graph_path)
    except KgError as exc:
        raise click.ClickException(str(exc)) from None
    for violation in report.violations:
        click.echo(violation.line())
    if report.conforms:
        click.echo(f"conforms: {report.nodes} nodes checked")
        return
    click.echo(f"does not conform: {len(report.violations)} violation(s) in {report.nodes} nodes checked", err=True)
    sys.exit(1)


def main():
    cli(prog_name="kg")
