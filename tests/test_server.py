"""kg serve: the SPARQL 1.1 Protocol endpoint over real HTTP on a free localhost port."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from endpoints import NAMES, PERSONS, build, call, free_port, get, names, running
from rdflib import Graph

from kg.store.worker import negotiate

INSERT = 'INSERT DATA { GRAPH <urn:test> { <urn:p> a schema:Person ; rdfs:label "Zz Added"@en } }'


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="module")
def endpoint(store_path: Path) -> Iterator[str]:
    for server in running(store_path):
        yield server.url


def test_select_by_get(endpoint: str) -> None:
    status, ctype, body = get(endpoint, query=PERSONS)
    assert status == 200 and ctype == "application/sparql-results+json"
    assert json.loads(body)["head"]["vars"] == ["name"]
    assert names(body) == NAMES


def test_select_by_post_form_and_direct(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": PERSONS}).encode()
    status, _, body = call(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and names(body) == NAMES
    status, _, body = call(endpoint, PERSONS.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and names(body) == NAMES


def test_csv_tsv_and_xml_by_accept(endpoint: str) -> None:
    status, ctype, body = get(endpoint, "text/csv", query=PERSONS)
    assert status == 200 and ctype.startswith("text/csv")
    assert [r[0] for r in csv.reader(io.StringIO(body.decode()))] == ["name", *NAMES]
    status, ctype, body = get(endpoint, "text/tab-separated-values", query=PERSONS)
    assert ctype.startswith("text/tab-separated-values") and body.decode().splitlines()[1] == '"Du Wenbo"@en'
    status, ctype, body = get(endpoint, "application/sparql-results+xml;q=0.9, text/html;q=1", query=PERSONS)
    assert status == 200 and ctype == "application/sparql-results+xml" and b"<sparql" in body
    status, ctype, _ = get(endpoint, query=PERSONS, format="csv")
    assert ctype.startswith("text/csv")


def test_ask_and_construct(endpoint: str) -> None:
    status, _, body = get(endpoint, query="ASK { ?e kgo:presidedBy ?p }")
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT { ?e kgo:presidedBy ?p } WHERE { ?e kgo:presidedBy ?p }"  # 7 events
    status, ctype, body = get(endpoint, query=construct)
    assert status == 200 and ctype.startswith("text/turtle")
    assert len(Graph().parse(data=body.decode(), format="turtle")) == 7
    status, ctype, body = get(endpoint, "application/n-triples", query=construct)
    assert ctype == "application/n-triples" and len(body.decode().strip().splitlines()) == 7


def test_update_is_refused_when_read_only(endpoint: str) -> None:
    status, _, body = call(endpoint, INSERT.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    form = urllib.parse.urlencode({"update": INSERT}).encode()
    status, _, _ = call(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, _ = get(endpoint, update=INSERT)  # updates never by GET
    assert status == 405
    assert names(get(endpoint, query=PERSONS)[2]) == NAMES


def test_update_is_accepted_when_writable(tmp_path: Path) -> None:
    for server in running(build(tmp_path / "store"), writable=True):
        url = server.url
        status, _, _ = call(url, INSERT.encode(), {"Content-Type": "application/sparql-update"})
        assert status == 204
        assert names(get(url, query=PERSONS)[2]) == [*NAMES, "Zz Added"]
        form = urllib.parse.urlencode({"update": "DROP GRAPH <urn:test>"}).encode()
        status, _, _ = call(url, form, {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 204 and names(get(url, query=PERSONS)[2]) == NAMES
        status, _, body = call(url, b"INSERT DATA { oops", {"Content-Type": "application/sparql-update"})
        assert status == 400


def test_bad_requests(endpoint: str) -> None:
    status, ctype, body = get(endpoint, query="SELECT ?x WHERE { ?x ")
    assert status == 400 and ctype.startswith("text/plain") and b"malformed SPARQL query" in body
    status, _, body = get(endpoint, query="SELECT ?x WHERE { ?x undeclared:p ?y }")
    assert status == 400
    assert call(endpoint, b"", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 400  # no query
    status, _, body = get(endpoint, query=PERSONS, **{"default-graph-uri": "not an IRI"})
    assert status == 400 and b"default-graph-uri" in body
    assert call(endpoint, b"x", {"Content-Type": "text/plain"})[0] == 415
    assert get(endpoint, "image/png", query=PERSONS)[0] == 406
    assert call(endpoint.replace("/sparql", "/nowhere"))[0] == 404


def test_home_page_documents_the_endpoint(endpoint: str) -> None:
    status, ctype, body = call(endpoint.replace("/sparql", "/"))
    assert status == 200 and ctype.startswith("text/html")
    text = body.decode()
    assert "application/sparql-query" in text and "read-only" in text and "PREFIX" not in text


def test_concurrent_queries(endpoint: str) -> None:
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda: results.append(names(get(endpoint, query=PERSONS)[2])))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == [NAMES] * 8


def test_negotiate() -> None:
    offered = {"application/sparql-results+json": 1, "text/csv": 2, "text/tab-separated-values": 3}
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("*/*", offered) == "application/sparql-results+json"
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("text/csv;q=0.5, text/tab-separated-values", offered) == "text/tab-separated-values"


def test_serve_prints_its_url_and_stops_on_ctrl_c(store_path: Path) -> None:
    port = free_port()
    code = f"import sys; from kg.store.server import serve; sys.exit(serve({str(store_path)!r}, port={port}))"
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/sparql" in line and "read-only" in line
        deadline = time.monotonic() + 10
        while True:
            try:
                assert names(get(f"http://127.0.0.1:{port}/sparql", query=PERSONS)[2]) == NAMES
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_serve_reports_a_bad_port_and_a_missing_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.store.server import serve

    assert serve(tmp_path / "none", port=free_port()) == 1
    assert "no store" in capsys.readouterr().err
    from kg.cli import main

    assert main(["serve", "--store", str(tmp_path / "none"), "--port", "99999"]) == 2
    err = capsys.readouterr().err
    assert "--port 99999 is not a TCP port" in err and "Traceback" not in err


def test_writes_to_the_default_graph_mean_what_they_say(tmp_path: Path) -> None:
    from kg.store import Store
    from kg.store.updates import EDITS

    path = build(tmp_path / "store")
    update = {"Content-Type": "application/sparql-update"}
    for server in running(path, writable=True):
        url = server.url
        added = 'INSERT DATA { <urn:p> a schema:Person ; rdfs:label "Zz Default"@en }'
        assert call(url, added.encode(), update)[0] == 204
        assert names(get(url, query=PERSONS)[2]) == [*NAMES, "Zz Default"]
        status, _, body = get(url, query=f"ASK {{ GRAPH <{EDITS.value}> {{ <urn:p> a schema:Person }} }}")
        assert json.loads(body)["boolean"] is True
        # a fact some release asserts leaves the default graph, and every release, for good
        gone = ('DELETE WHERE { ?p rdfs:label "Du Wenbo"@en }')
        assert call(url, gone.encode(), update)[0] == 204
        assert "Du Wenbo" not in names(get(url, query=PERSONS)[2])
        body = get(url, query='ASK { GRAPH ?g { ?p rdfs:label "Du Wenbo"@en } }')[2]
        assert json.loads(body)["boolean"] is False
        # refused: a fetch, a cross-site write, a conflicting dataset
        assert call(url, b"LOAD <http://127.0.0.1:9/x.ttl>", update)[0] == 403
        origin = {**update, "Origin": "http://attacker.example"}
        assert call(url, b"CLEAR ALL", origin)[0] == 403
        same = {**update, "Origin": url.rsplit("/", 1)[0]}
        assert call(url, b"CLEAR GRAPH <urn:nothing>", same)[0] == 204
    with Store(path, read_only=True) as store:  # and it is all in the store itself
        wanted = 'FILTER(STR(?n) IN ("Zz Default", "Du Wenbo"))'
        rows = store.query(f"SELECT ?n WHERE {{ ?p rdfs:label ?n {wanted} }}")
        assert [str(r[0]) for r in rows] == ["Zz Default"]


def test_cors_service_description_base_iri_and_trailing_slash(endpoint: str) -> None:
    from rdflib import Graph, Namespace

    req = urllib.request.Request(endpoint, method="OPTIONS", headers={
        "Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 204 and r.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in r.headers["Access-Control-Allow-Methods"]
        assert "content-type" in r.headers["Access-Control-Allow-Headers"].lower()
    with urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=10) as r:
        assert r.headers["Access-Control-Allow-Origin"] == "*"
    status, ctype, body = get(endpoint, "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph().parse(data=body.decode(), format="turtle")
    from rdflib import URIRef

    assert (URIRef(endpoint), sd.endpoint, URIRef(endpoint)) in g
    assert get(endpoint, "text/html,application/xhtml+xml")[1].startswith("text/html")  # a browser
    status, _, body = get(endpoint, query="SELECT ?x WHERE { BIND(<people/1> AS ?x) }")
    base = endpoint.rsplit("/", 1)[0]
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == base + "/people/1"
    assert names(get(endpoint + "/", query=PERSONS)[2]) == NAMES
    status, ctype, body = call(endpoint, b"", method="PUT")
    assert status == 405 and ctype.startswith("text/plain") and b"SPARQL protocol" in body


def test_format_hints_as_clients_send_them(endpoint: str) -> None:
    # SPARQLWrapper sends format=, output= and results=, twice for some types; n3 falls back on Accept
    url = f"{endpoint}?" + urllib.parse.urlencode(
        [("query", PERSONS), ("format", "tsv"), ("format", "text/tab-separated-values"), ("output", "tsv")])
    status, ctype, _ = call(url)
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    construct = "CONSTRUCT { ?e kgo:presidedBy ?p } WHERE { ?e kgo:presidedBy ?p }"
    url = f"{endpoint}?" + urllib.parse.urlencode([("query", construct), ("format", "n3"), ("results", "n3")])
    status, ctype, _ = call(url, headers={"Accept": "application/n-triples"})
    assert status == 200 and ctype.startswith("text/n3")
    url = f"{endpoint}?" + urllib.parse.urlencode([("query", construct), ("format", "bogus")])
    status, ctype, _ = call(url, headers={"Accept": "application/n-triples"})
    assert status == 200 and ctype == "application/n-triples"
