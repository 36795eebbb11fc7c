#!/usr/bin/env python3
"""Serves an export (or a preview artifact) on this computer as nginx does in docs/deployment.md.

    python3 tools/export/serve.py OUT [PORT]      then open http://127.0.0.1:PORT/ (default 8080)

Unlike `python3 -m http.server`, a page's address answers without a redirect to a trailing slash
(try_files $uri $uri/index.html), an unknown address gets the site's own 404.html with status 404 (en/404.html
below /en/), and only
loopback listens.
"""
import http.server
import os
import sys
import urllib.parse


class ExportHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ics": "text/calendar; charset=utf-8",
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
    }

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        for candidate in (path, path.rstrip("/") + "/index.html"):
            local = self.translate_path(candidate)
            if os.path.isfile(local):
                self.path = candidate
                return super().send_head()
        # The 404 page of the address's language: en/404.html below /en/, else 404.html (nginx's error_page per location).
        folders = [part for part in path.split("/")[1:-1] if part not in ("", ".", "..")]
        candidates = [os.path.join(self.directory, folders[0], "404.html")] if folders else []
        candidates.append(os.path.join(self.directory, "404.html"))
        not_found = next((c for c in candidates if os.path.isfile(c)), None)
        body = open(not_found, "rb").read() if not_found else b"Niet gevonden"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, body):
        self.body = body

    def read(self, *_):
        body, self.body = self.body, b""
        return body

    def close(self):
        pass


def main():
    if len(sys.argv) not in (2, 3) or not os.path.isdir(sys.argv[1]):
        sys.exit("Gebruik: python3 tools/export/serve.py MAP [POORT]")
    folder = os.path.abspath(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) == 3 else 8080
    handler = lambda *args: ExportHandler(*args, directory=folder)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"De export staat op http://127.0.0.1:{port}/ (stoppen: Ctrl+C)", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
