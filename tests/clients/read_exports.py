"""Reads the exports in a folder with the reference client of each format and prints, as one JSON object,
what each client saw: the conformance suite (exports.test.ts) asserts on it. Missing values come out as null."""
import json
import math
import pathlib
import sys

FOLDER = pathlib.Path(sys.argv[1])
SEPARATOR = "\u241e"


def plain(value):
    """JSON has no NaN: a value a client could not read is null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if hasattr(value, "item"):
        return plain(value.item())
    return value


def graphml_networkx(path):
    import networkx as nx

    graph = nx.read_graphml(path)
    return {
        "directed": graph.is_directed(),
        "nodes": {node: attributes for node, attributes in graph.nodes(data=True)},
        "edges": [[source, target, attributes] for source, target, attributes in graph.edges(data=True)],
    }


def graphml_igraph(path):
    import igraph

    graph = igraph.Graph.Read_GraphML(str(path))
    return {
        "directed": graph.is_directed(),
        "nodes": [vertex.attributes() for vertex in graph.vs],
        "edges": [[graph.vs[e.source]["id"], graph.vs[e.target]["id"], e.attributes()] for e in graph.es],
    }


EVENTS = """
PREFIX schema: <https://schema.org/>
SELECT ?id ?name ?start ?end
       (GROUP_CONCAT(DISTINCT ?who; separator="%(sep)s") AS ?participants)
       (GROUP_CONCAT(DISTINCT ?quote; separator="%(sep)s") AS ?quotes)
       (GROUP_CONCAT(DISTINCT ?headline; separator="%(sep)s") AS ?articles)
WHERE {
  ?event a schema:Event ; schema:identifier ?id ; schema:name ?name ; schema:startDate ?start .
  OPTIONAL { ?event schema:endDate ?end }
  OPTIONAL { { ?event schema:organizer/schema:organizer ?actor } UNION { ?event schema:attendee/schema:attendee ?actor }
             ?actor schema:identifier ?who }
  OPTIONAL { ?event schema:citation ?citation . ?citation schema:text ?quote ;
             schema:isPartOf/schema:headline ?headline }
}
GROUP BY ?id ?name ?start ?end
""" % {"sep": SEPARATOR}


def jsonld_rdflib(path):
    import rdflib

    graph = rdflib.Graph().parse(path, format="json-ld")
    split = lambda value: sorted(str(value).split(SEPARATOR)) if value else []
    events = [
        {
            "id": str(row.id),
            "name": str(row.name),
            "start": str(row.start),
            "end": None if row.end is None else str(row.end),
            "participants": split(row.participants),
            "quotes": split(row.quotes),
            "articles": split(row.articles),
        }
        for row in graph.query(EVENTS)
    ]
    return {"triples": len(graph), "events": sorted(events, key=lambda e: e["id"])}


def csv_pandas(path):
    import pandas

    defaults = pandas.read_csv(path)
    typed = pandas.read_csv(path, dtype={"cameo_code": "string"}, parse_dates=["date_start"])
    return {
        "rows": len(defaults),
        "columns": list(defaults.columns),
        "dtypes": {column: str(dtype) for column, dtype in defaults.dtypes.items()},
        "records": json.loads(defaults.to_json(orient="records", force_ascii=False)),
        "typed": {
            "date_start": str(typed["date_start"].dtype),
            "cameo_codes": sorted(set(typed["cameo_code"].dropna())),
        },
    }


def plover_pandas(path):
    import pandas

    frame = pandas.read_json(path, lines=True, dtype=False)
    return {"rows": len(frame), "records": json.loads(frame.to_json(orient="records", force_ascii=False))}


READERS = {
    "graphml_networkx": (graph := FOLDER / "network.graphml", graphml_networkx),
    "graphml_igraph": (graph, graphml_igraph),
    "jsonld_rdflib": (FOLDER / "events.jsonld", jsonld_rdflib),
    "csv_pandas": (FOLDER / "events.csv", csv_pandas),
    "plover_pandas": (FOLDER / "events.plover.jsonl", plover_pandas),
}


def versions():
    import igraph, networkx, pandas, rdflib

    return {"igraph": igraph.__version__, "networkx": networkx.__version__, "pandas": pandas.__version__, "rdflib": rdflib.__version__}


if __name__ == "__main__":
    seen = {name: plain(read(path)) for name, (path, read) in READERS.items()}
    seen["versions"] = versions()
    print(json.dumps(seen, ensure_ascii=False))
