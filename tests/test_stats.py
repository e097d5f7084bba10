"""kg stats: counts, the best connected nodes, communities, the table per province."""
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.netgraph import to_networkx
from kg.stats import class_counts, community_rows, most_connected, province_rows, render, report

# Two real provinces, a misread "tỉnh <person's name>", a unit with no place, a program carried out elsewhere.
TTL = """
@prefix kgo: <https://w3id.org/vn-antq/ontology#> .
@prefix id: <https://w3id.org/vn-antq/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

id:a1 a schema:NewsArticle ; schema:mentions id:song-ma, id:ca-song-ma, id:x, id:p1 .
id:a2 a schema:NewsArticle ; schema:mentions id:quan-son, id:p1, id:p2 .
id:a3 a schema:NewsArticle ; schema:mentions id:bogus, id:bo-cong-an .
id:son-la a kgo:Locality ; rdfs:label "Sơn La"@vi .
id:thanh-hoa a kgo:Locality ; rdfs:label "Thanh Hóa"@vi .
id:song-ma a kgo:Locality ; rdfs:label "Sông Mã"@vi ; kgo:parent id:son-la .
id:quan-son a kgo:Locality ; rdfs:label "Quan Sơn"@vi ; kgo:parent id:thanh-hoa .
id:bogus a kgo:Locality ; rdfs:label "Nguyễn Văn A"@vi .
id:ca-song-ma a kgo:Organization ; rdfs:label "Công an huyện Sông Mã"@vi ; kgo:locality id:song-ma .
id:doi a kgo:Organization ; rdfs:label "Đội Cảnh sát"@vi ; org:subOrganizationOf id:ca-song-ma .
id:bo-cong-an a kgo:Organization ; rdfs:label "Bộ Công an"@vi .
id:x a kgo:Person ; rdfs:label "Vũ Việt Cường"@vi .
id:m a org:Membership ; org:member id:x ; org:organization id:ca-song-ma .
id:p1 a kgo:Program ; rdfs:label "Camera an ninh"@vi .
id:p2 a kgo:Program ; rdfs:label "Tổ tự quản"@vi ; kgo:carriedOutIn id:song-ma .
"""


@pytest.fixture(scope="module")
def g():
    return Graph().parse(data=TTL, format="turtle")


def test_class_counts(g):
    assert class_counts(g) == {"Locality": 5, "Organization": 3, "Person": 1, "Program": 2, "Article": 3,
                               "Statistic": 0, "Membership": 1}


def test_province_table(g):
    assert province_rows(g) == [
        {"province": "Sơn La", "articles": 2, "organizations": 2, "officers": 1, "programs": 2},
        {"province": "Thanh Hóa", "articles": 1, "organizations": 0, "officers": 0, "programs": 1},
        {"province": "(chưa rõ tỉnh)", "articles": 1, "organizations": 1, "officers": 0, "programs": 0},
    ]


def test_most_connected_by_degree_then_betweenness(g):
    ranked = most_connected(to_networkx(g), top=2)
    assert [(r["name"], r["degree"]) for r in ranked["Organization"]] == [("Công an huyện Sông Mã", 4), ("Bộ Công an", 1)]
    assert [r["name"] for r in ranked["Locality"]] == ["Sông Mã", "Quan Sơn"]
    assert ranked["Locality"][0]["betweenness"] > ranked["Locality"][1]["betweenness"] > 0
    assert [(r["name"], r["degree"]) for r in ranked["Program"]] == [("Camera an ninh", 2), ("Tổ tự quản", 2)]


def test_communities_name_their_best_connected_members(g):
    rows = community_rows(to_networkx(g), top=10, members=2)
    assert sum(r["size"] for r in rows) == len(to_networkx(g))
    assert all(len(r["members"]) <= 2 for r in rows)
    assert [r["size"] for r in rows] == sorted((r["size"] for r in rows), reverse=True)
    assert rows == community_rows(to_networkx(g), top=10, members=2)


def test_render_table_and_json(g):
    data = report(g, top=3)
    text = render(data)
    for heading in ("# Nodes per class", "# Most connected: Organization", "# Communities", "# Per province"):
        assert heading in text
    assert "\nSơn La                 2              2         1         2\n" in text
    assert json.loads(render(data, "json")) == json.loads(json.dumps(data))


def test_cli_stats_on_the_seeds(seeds_build):
    result = CliRunner().invoke(cli, ["stats", "-g", str(seeds_build / "graph.ttl"), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "# Per province" in result.output and "Sơn La" in result.output
    counts = json.loads(CliRunner().invoke(cli, ["stats", "-g", str(seeds_build / "graph.ttl"), "--format", "json"]).output)
    assert counts["counts"]["Article"] == 5


@pytest.mark.parametrize("name, shown", [("Sông Mã", "Sông Mã"), ("x" * 60, "x" * 60), ("x" * 61, "x" * 59 + "…")])
def test_long_names_are_cut_in_the_text_table_only(name, shown):
    from kg.stats import _cut

    assert _cut(name) == shown
