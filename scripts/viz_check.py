"""Open a kg network page in headless Chromium: time to settle, requests, console errors, a screenshot.

    python3 scripts/viz_check.py exports/graph.html [--shot docs/seeds-graph.png] [--panel NAME]
    python3 scripts/viz_check.py --synthetic 210 --keep /tmp/big.html   # ~2,000 nodes

Uses Debian's /usr/bin/chromium through playwright (never `playwright install`).
Every request other than file:// and data: is refused and listed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def synthetic_page(n_articles: int, path: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from kg.netgraph import to_networkx
    from kg.viz import render_network
    from tests.synthetic import synthetic_graph

    path.write_text(render_network(to_networkx(synthetic_graph(n_articles))), encoding="utf-8")
    return path


def check(page_path: Path, shot: Path | None, panel: str | None, limit: float = 300) -> int:
    from playwright.sync_api import sync_playwright

    outside, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                      else (outside.append(r.request.url), r.abort()))
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.monotonic()
        page.goto(page_path.resolve().as_uri())
        while not page.evaluate("window.kgReady === true") and time.monotonic() - start < limit:
            time.sleep(0.05)
        settled = time.monotonic() - start
        nodes, edges = page.evaluate("[DATA.nodes.length, DATA.edges.length]")
        print(f"{page_path}: {nodes} nodes, {edges} links, usable after {settled:.1f} s "
              f"({page.evaluate('DATA.iterations')} physics iterations, physics now "
              f"{'on' if page.evaluate('network.physics.options.enabled') else 'off'})")
        if panel:
            page.evaluate("name => { const n = DATA.nodes.find(n => n.name === name);"
                          " network.selectNodes([n.id]); showPanel(n.id); network.fit(); }", panel)
            page.wait_for_timeout(500)
        if shot:
            page.screenshot(path=str(shot))
            print(f"screenshot: {shot}")
        browser.close()
    print(f"requests leaving the machine: {outside or 'none'}; console errors: {errors or 'none'}")
    return 1 if outside or errors else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", nargs="?", type=Path)
    ap.add_argument("--shot", type=Path, help="write a PNG screenshot here")
    ap.add_argument("--panel", help="open the side panel of the node with this name before the screenshot")
    ap.add_argument("--synthetic", type=int, metavar="ARTICLES", help="check a synthetic graph (~9 nodes an article)")
    ap.add_argument("--keep", type=Path, default=Path("/tmp/kg-synthetic.html"), help="where the synthetic page goes")
    args = ap.parse_args()
    page = synthetic_page(args.synthetic, args.keep) if args.synthetic else args.page
    if page is None:
        ap.error("give a page or --synthetic N")
    return check(page, args.shot, args.panel)


if __name__ == "__main__":
    sys.exit(main())
