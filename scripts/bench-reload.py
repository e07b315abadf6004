#!/usr/bin/env python3
"""Edit-to-reload latency of `chansite serve`: a synthetic corpus of POSTS posts is served,
a page's live-reload event stream is opened, one word of one post is changed, and the time
until the `reload` event arrives is measured (RUNS times; the median is printed).
Usage: scripts/bench-reload.py [POSTS] [RUNS]   (defaults: 10000 posts, 3 runs)
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

posts = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build/release/chansite")
bench = os.environ.get("BENCH_DIR", "/tmp/chansite-bench")
corpus = os.path.join(bench, f"corpus-{posts}")
if not os.path.isdir(os.path.join(corpus, "export")):
    subprocess.run([sys.executable, os.path.join(root, "scripts/gen-corpus.py"), str(posts), corpus, "--forms", "dumps,export,hugo"],
                   check=True, stdout=subprocess.DEVNULL)
work = tempfile.mkdtemp()
content = os.path.join(work, "content")
shutil.copytree(os.path.join(corpus, "dumps"), content)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([binary, "serve", "--content", content, "--output", os.path.join(work, "site"), "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    start = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
            break
        except OSError:
            time.sleep(0.2)
    print(f"{posts} posts: first build and serve ready in {time.monotonic() - start:.1f} s")
    dump = sorted(os.path.join(content, f) for f in os.listdir(content))[0]
    latencies = []
    for run in range(runs):
        reloaded = threading.Event()

        def listen():
            stream = urllib.request.urlopen(f"http://127.0.0.1:{port}/__chansite/events", timeout=600)
            for line in stream:
                if line.startswith(b"event: reload"):
                    reloaded.set()
                    return

        threading.Thread(target=listen, daemon=True).start()
        time.sleep(1.0)  # the stream is open before the edit
        text = open(dump, encoding="utf-8").read()
        word = f"edit{run}"
        edited = text.replace(" ", f" {word} ", 1)
        t0 = time.monotonic()
        with open(dump, "w", encoding="utf-8") as f:
            f.write(edited)
        if not reloaded.wait(600):
            sys.exit("no reload event within 600 s")
        latencies.append(time.monotonic() - t0)
        print(f"run {run + 1}: edit to reload event {latencies[-1]:.2f} s")
    print(f"median edit-to-reload: {statistics.median(latencies):.2f} s")
finally:
    server.terminate()
    server.wait(10)
    shutil.rmtree(work, ignore_errors=True)
