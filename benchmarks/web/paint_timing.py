#!/usr/bin/env python3
"""The first contentful paint of a page in a new headless Chromium, and where its time goes.

Drives chromedriver's W3C WebDriver protocol over plain HTTP (no Selenium needed). For each load it
prints the first contentful paint (the browser's 'first-contentful-paint' entry, from navigation start,
so the server's time to the page is included) and the navigation timing that leads to it: the
connection, the request's wait for the first byte, the response's end, the resources the paint waited
for (stylesheets and scripts fetched before it) and DOMContentLoaded. The first load is cold (a new
browser, empty cache); the next ones are warm loads in the same browser. With BROWSER_WARM=1 the new
browser first paints a page of its own (a data: URL), so the cold load measures the server's first page
in a browser that is already running, as a user's usually is.

Usage: paint_timing.py URL [WARM_LOADS]
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

PAINT = """
var done = arguments[arguments.length - 1];
function look() {
  var p = performance.getEntriesByName('first-contentful-paint')[0];
  var n = performance.getEntriesByType('navigation')[0];
  if (p && n && n.domContentLoadedEventEnd > 0) {
    var before = performance.getEntriesByType('resource')
        .filter(function (r) { return r.startTime < p.startTime; })
        .map(function (r) { return r.initiatorType + ' ' + r.name.replace(/^.*\\//, '') + ' '
            + Math.round(r.startTime) + '-' + Math.round(r.responseEnd); });
    done({paint: Math.round(p.startTime), connect: Math.round(n.connectEnd - n.startTime), request: Math.round(n.requestStart),
          firstByte: Math.round(n.responseStart), responseEnd: Math.round(n.responseEnd),
          dcl: Math.round(n.domContentLoadedEventEnd), bytes: n.transferSize, before: before,
          html: document.documentElement.outerHTML.length});
  } else { setTimeout(look, 20); }
}
look();
"""


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)["value"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    url = sys.argv[1]
    warm = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    port = free_port()
    driver = subprocess.Popen(["chromedriver", "--port=%d" % port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    try:
        for _ in range(200):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.05)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}}}}
        session = call(base, "POST", "/session", caps)["sessionId"]
        try:
            if os.environ.get("BROWSER_WARM") == "1":
                call(base, "POST", "/session/%s/url" % session, {"url": "data:text/html,<p>a page of the browser's own</p>"})
            for i in range(1 + warm):
                call(base, "POST", "/session/%s/url" % session, {"url": url})
                t = call(base, "POST", "/session/%s/execute/async" % session, {"script": PAINT, "args": []})
                print("first contentful paint (%s): %d ms; connected %d, request sent %d, first byte %d, response end %d, "
                      "DOMContentLoaded %d ms; %d bytes transferred, %d characters of HTML; fetched before the paint: %s"
                      % ("cold" if i == 0 else "warm", t["paint"], t["connect"], t["request"], t["firstByte"], t["responseEnd"],
                         t["dcl"], t["bytes"], t["html"], ", ".join(t["before"]) or "nothing"))
        finally:
            call(base, "DELETE", "/session/%s" % session)
    finally:
        driver.terminate()
        driver.wait()


if __name__ == "__main__":
    main()
