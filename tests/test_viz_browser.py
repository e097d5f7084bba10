"""The network page in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright).

Every request the page makes is routed here: anything but file:// or data: is
recorded and refused, so a page that reaches for the network fails the test.
"""
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.netgraph import to_networkx
from kg.viz import render_network
from tests.synthetic import synthetic_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SETTLE_LIMIT = 180  # seconds; a bound so a broken page fails instead of hanging, not a speed test

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")

HOSTILE_ARTICLE = """Tin mới <script>window.__pwned=1</script> từ huyện Sông Mã

Ngày 5/3/2023, Công an huyện Sông Mã, tỉnh Sơn La ra mắt mô hình "Camera <img src=x onerror="window.__pwned=1"> an ninh" tại xã Mường Sai.

Thượng tá Vũ Việt Cường, Trưởng Công an huyện Sông Mã <script>window.__pwned=1</script> cho biết mô hình giúp giải quyết 12 vụ việc tại huyện Sông Mã.
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Visit:
    """One page opened with every request and console error recorded."""

    def __init__(self, browser, path: Path):
        self.outside, self.errors = [], []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        self._settle()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _settle(self):
        # Polled with evaluate (not wait_for_function): the page's CSP forbids the eval that one uses.
        deadline = time.monotonic() + SETTLE_LIMIT
        while not self.page.evaluate("window.kgReady === true"):
            assert time.monotonic() < deadline, "the network never settled"
            time.sleep(0.1)

    def js(self, expression):
        return self.page.evaluate(expression)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def seeds_visit(browser, seeds_build):
    visit = Visit(browser, seeds_build / "graph.html")
    yield visit
    visit.close()


def test_the_seeds_network_is_drawn(seeds_visit):
    assert seeds_visit.js("network.body.data.nodes.length") == seeds_visit.js("DATA.nodes.length") > 0
    assert seeds_visit.js("document.querySelectorAll('#net canvas').length") == 1
    assert seeds_visit.js("Object.keys(network.getPositions()).length") == seeds_visit.js("DATA.nodes.length")


def test_physics_is_off_once_settled(seeds_visit):
    assert seeds_visit.js("network.physics.options.enabled") is False


def test_no_request_leaves_the_machine_and_no_console_error(seeds_visit):
    assert seeds_visit.outside == []
    assert seeds_visit.errors == []


def test_the_legend_has_a_checkbox_per_class(seeds_visit):
    assert seeds_visit.js("document.querySelectorAll('#legend input[type=checkbox]').length") == 5


@pytest.mark.parametrize("typed, expected", [
    ("song ma", "Sông Mã"),
    ("SÔNG MÃ", "Sông Mã"),
    ("cong an huyen song ma", "Công an huyện Sông Mã"),
    ("huyen song ma", "Sông Mã"),  # a locality's level word and name
    ("doi canh sat", "Đội Cảnh sát"),  # đ is searched as d
])
def test_search_ignores_diacritics_and_case(seeds_visit, typed, expected):
    page = seeds_visit.page
    page.fill("#search", typed)
    found = page.eval_on_selector_all("#matches li", "items => items.map(li => li.firstChild.textContent)")
    assert any(name == expected or name.startswith(expected + " ") for name in found), found


def test_enter_on_a_search_opens_the_side_panel(seeds_visit):
    page = seeds_visit.page
    page.fill("#search", "cong an huyen song ma")
    page.press("#search", "Enter")
    assert seeds_visit.js("document.getElementById('panel').hidden") is False
    assert seeds_visit.js("document.getElementById('p-name').textContent") == "Công an huyện Sông Mã"
    attrs = seeds_visit.js("[...document.querySelectorAll('#p-attrs dt')].map(e => e.textContent)")
    assert attrs[0] == "Loại nút" and "IRI" in attrs
    sentence = seeds_visit.js("document.querySelector('#p-sents li')")
    assert sentence is not None
    assert seeds_visit.js("document.querySelector('#p-sents li cite').textContent")  # the article's title
    assert seeds_visit.js("network.getSelectedNodes().length") == 1


def test_a_click_on_a_node_opens_its_panel(seeds_visit):
    page = seeds_visit.page
    node = seeds_visit.js("DATA.nodes.find(n => n.name === 'Sông Mã').id")
    page.evaluate("id => network.focus(id, {scale: 1.5})", node)
    box = page.locator("#net").bounding_box()
    point = seeds_visit.js(f"network.canvasToDOM(network.getPositions([{node}])[{node}])")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert seeds_visit.js("document.getElementById('p-name').textContent") == "Sông Mã"
    lines = seeds_visit.js("[...document.querySelectorAll('#p-attrs dt')].map(e => e.textContent)")
    assert {"Cấp", "Thuộc"} <= set(lines)


def test_unchecking_a_class_hides_its_nodes(seeds_visit):
    page = seeds_visit.page
    total = seeds_visit.js("network.body.data.nodes.length")
    articles = seeds_visit.js("DATA.nodes.filter(n => n.group === 'Article').length")
    page.uncheck("#legend input[value=Article]")
    assert seeds_visit.js("network.body.data.nodes.length") == total - articles
    page.check("#legend input[value=Article]")
    assert seeds_visit.js("network.body.data.nodes.length") == total


def test_a_hostile_article_shows_its_text_and_runs_nothing(browser, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out")
    visit = Visit(browser, tmp_path / "out" / "graph.html")
    try:
        assert visit.js("DATA.nodes.length") > 0
        # Open every node's panel: each text of the article goes on screen.
        shown = visit.js("DATA.nodes.map(n => { showPanel(n.id); return document.getElementById('panel').textContent; })")
        assert any("<script>window.__pwned=1</script>" in text for text in shown)
        assert visit.js("typeof window.__pwned") == "undefined"
        assert visit.js("document.querySelectorAll('img').length") == 0
        assert visit.js("document.querySelectorAll('script').length") == 3
        assert visit.outside == [] and visit.errors == []
    finally:
        visit.close()


def test_a_two_thousand_node_graph_settles_and_stops(browser, tmp_path):
    page = tmp_path / "big.html"
    page.write_text(render_network(to_networkx(synthetic_graph(210))), encoding="utf-8")
    visit = Visit(browser, page)
    try:
        assert visit.js("network.body.data.nodes.length") > 1900
        assert visit.js("network.physics.options.enabled") is False
        assert visit.outside == [] and visit.errors == []
    finally:
        visit.close()
