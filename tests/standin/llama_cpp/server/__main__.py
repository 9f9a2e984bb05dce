"""Answers ``/v1/models`` like llama.cpp's server, then dies with SIGSEGV on the first completion.

That is what a llama.cpp compiled with AMX tile instructions does in a VM that hides the tile state.
Each start appends a line to ``$STANDIN_STARTS`` so a test can count restarts.
"""

import argparse
import json
import os
import signal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"object": "list", "data": [{"id": "stand-in", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        os.kill(os.getpid(), signal.SIGSEGV)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    options, _ = parser.parse_known_args()
    counter = os.environ.get("STANDIN_STARTS")
    if counter:
        with open(counter, "a") as handle:
            handle.write("start\n")
    ThreadingHTTPServer((options.host, options.port), Handler).serve_forever()


main()
