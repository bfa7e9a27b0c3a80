#!/usr/bin/env python3
"""First contentful paint of a page in headless Chromium, through chromedriver's W3C WebDriver protocol
(plain HTTP: no Selenium needed). Prints one line per load: cold (a new browser, empty cache) and then
warm loads in the same browser. The paint is the browser's PerformanceObserver entry
'first-contentful-paint', measured from navigation start (the server's time to the page included).
With BROWSER_WARM=1 the new browser first paints a page of its own (a data: URL), so the cold load
measures the server's first page in a browser already running, as a user's usually is.
Usage: first_paint.py URL [WARM_LOADS]"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

SCRIPT = """
var done = arguments[arguments.length - 1];
function look() {
  var p = performance.getEntriesByName('first-contentful-paint')[0];
  if (p) { done(Math.round(p.startTime)); } else { setTimeout(look, 20); }
}
look();
"""


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)["value"]


def main():
    url = sys.argv[1]
    warm = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
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
                call(base, "POST", "/session/%s/execute/async" % session, {"script": SCRIPT, "args": []})
            for i in range(1 + warm):
                call(base, "POST", "/session/%s/url" % session, {"url": url})
                paint = call(base, "POST", "/session/%s/execute/async" % session, {"script": SCRIPT, "args": []})
                size = call(base, "POST", "/session/%s/execute/sync" % session,
                            {"script": "return document.documentElement.outerHTML.length;", "args": []})
                print("first contentful paint (%s): %d ms, %d characters of HTML" % ("cold" if i == 0 else "warm", paint, size))
        finally:
            call(base, "DELETE", "/session/%s" % session)
    finally:
        driver.terminate()
        driver.wait()


if __name__ == "__main__":
    main()
