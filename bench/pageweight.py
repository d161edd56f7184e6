#!/usr/bin/env python3
"""Bytes a browser receives for one page, as bench/run.sh reports them.

    pageweight.py BASE_URL PATH [COOKIE]

First visit: the page and every stylesheet, script, image and icon it links (same host), each asked with
"Accept-Encoding: br, gzip" as a browser does; the body bytes as sent (compressed when the server compresses).
Repeat visit: the page again, plus for each asset what a browser with a warm cache does: nothing when the asset
may be cached (Cache-Control max-age > 0 or immutable, no no-cache), otherwise a conditional request (ETag /
Last-Modified) whose body bytes count (0 for a 304). Prints: first_bytes first_requests repeat_bytes repeat_requests.
"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BROWSER_ENCODING = "br, gzip"


def fetch(url, cookie, extra=None, encoding=BROWSER_ENCODING):
    headers = {"Accept-Encoding": encoding, "Accept": "text/html,*/*"}
    if cookie:
        headers["Cookie"] = cookie
    headers.update(extra or {})
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:  # 304 and errors arrive here
        return e.code, e.headers, e.read()


def assets(html, page_url):
    found = []
    for tag in re.findall(r"<(?:link|script|img)\b[^>]*>", html, re.I):
        if tag.lower().startswith("<link") and not re.search(r'rel="?(stylesheet|icon|apple-touch-icon|manifest|modulepreload|preload)', tag, re.I):
            continue
        m = re.search(r'\b(?:href|src)="([^"]+)"', tag, re.I)
        if not m:
            continue
        url = urllib.parse.urljoin(page_url, m.group(1).replace("&amp;", "&"))
        if urllib.parse.urlparse(url).netloc == urllib.parse.urlparse(page_url).netloc and url not in found:
            found.append(url)
    return found


def cacheable(headers):
    cc = (headers.get("Cache-Control") or "").lower()
    if "no-cache" in cc or "no-store" in cc:
        return False
    if "immutable" in cc:
        return True
    m = re.search(r"max-age=(\d+)", cc)
    return bool(m and int(m.group(1)) > 0)


def main():
    base, path = sys.argv[1], sys.argv[2]
    cookie = sys.argv[3] if len(sys.argv) > 3 else ""
    page_url = base.rstrip("/") + path
    status, _, plain = fetch(page_url, cookie, encoding="identity")
    if status != 200:
        print(f"pageweight: {path} answered {status}", file=sys.stderr)
        sys.exit(1)
    _, _, page = fetch(page_url, cookie)
    first_bytes, first_requests = len(page), 1
    repeat_bytes, repeat_requests = len(page), 1
    for url in assets(plain.decode("utf-8", "replace"), page_url):
        status, headers, body = fetch(url, cookie)
        first_bytes += len(body)
        first_requests += 1
        if cacheable(headers):
            continue
        conditional = {}
        if headers.get("ETag"):
            conditional["If-None-Match"] = headers["ETag"]
        if headers.get("Last-Modified"):
            conditional["If-Modified-Since"] = headers["Last-Modified"]
        _, _, again = fetch(url, cookie, conditional)
        repeat_bytes += len(again)
        repeat_requests += 1
    print(first_bytes, first_requests, repeat_bytes, repeat_requests)


if __name__ == "__main__":
    main()
