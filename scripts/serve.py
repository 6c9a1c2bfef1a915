#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1 with the right MIME type for .wasm (some Pythons lack it).

A file with a precompressed sibling made by scripts/build-web.sh (`X.br`, `X.gz`) is sent
compressed when the request's Accept-Encoding allows it: the sibling's bytes with
`Content-Encoding: br` (or gzip), the original file's Content-Type (application/wasm for the
.wasm) and `Vary: Accept-Encoding`; otherwise the file itself. docs/page.md "Static hosting" lists
the same rules for any web server.

Usage: serve.py [PORT] [DIR]. Loopback only: ZabScope needs no network.
"""
import functools
import http.server
import os
import sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'none'")

# Preferred first: brotli is ≈ 20 % smaller than gzip on the wasm.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header):
    """The content codings a request's Accept-Encoding allows (q=0 excludes one)."""
    out = set()
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        name = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if name and q > 0:
            out.add(name)
    return out


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        # The page's own files only: the same policy as index.html's meta tag (which static
        # hosts that set no headers rely on). No frame-ancestors: courses embed the page.
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def send_head(self):
        self.vary = False
        path = self.translate_path(self.path)
        if os.path.isfile(path):
            allowed = accepted(self.headers.get("Accept-Encoding"))
            has_variant = False
            for coding, suffix in ENCODINGS:
                if not os.path.isfile(path + suffix):
                    continue
                has_variant = True
                if coding in allowed or "*" in allowed:
                    return self.send_encoded(path, path + suffix, coding)
            if has_variant:
                self.vary = True
        return super().send_head()

    def send_encoded(self, path, encoded, coding):
        try:
            f = open(encoded, "rb")
        except OSError:
            return super().send_head()
        size = os.fstat(f.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return f

    def send_header(self, keyword, value):
        super().send_header(keyword, value)
        # An uncompressed answer for a file that has compressed variants varies too.
        if keyword.lower() == "content-type" and getattr(self, "vary", False):
            self.vary = False
            super().send_header("Vary", "Accept-Encoding")

    def log_message(self, fmt, *args):  # quiet: one line per request is noise in a classroom
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    root = sys.argv[2] if len(sys.argv) > 2 else "dist"
    handler = functools.partial(Handler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"ZabScope is served at http://127.0.0.1:{port}/  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
