#!/usr/bin/env python3
"""Edit-to-reload latency of `chansite serve`: a synthetic corpus of POSTS posts is served,
two live-reload event streams are opened (one on a post's page, one naming no page), a word is
added to that post in its dump, and the time from the file's save (its close) until each
stream's `reload` event arrives is measured (RUNS times; the medians are printed): the open page is rendered first, the rest
reload when the whole rebuild is served.
FROM=export serves the same posts as Telegram Desktop exports (JSON) and edits one's result.json.
Usage: [FROM=dumps|export] [SERVE_LOG=FILE] [CHANSITE_BINARY=PATH] scripts/bench-reload.py [POSTS] [RUNS]   (defaults: 10000 posts, 3 runs)
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
import json
import urllib.parse
import urllib.request

posts = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# CHANSITE_BINARY=PATH times another build of chansite (an earlier revision) the same way.
binary = os.environ.get("CHANSITE_BINARY", os.path.join(root, ".build/release/chansite"))
bench = os.environ.get("BENCH_DIR", "/tmp/chansite-bench")
corpus = os.path.join(bench, f"corpus-{posts}")
if not os.path.isdir(os.path.join(corpus, "export")):
    subprocess.run([sys.executable, os.path.join(root, "scripts/gen-corpus.py"), str(posts), corpus, "--forms", "dumps,export,hugo"],
                   check=True, stdout=subprocess.DEVNULL)
work = tempfile.mkdtemp()
content = os.path.join(work, "content")
shutil.copytree(os.path.join(corpus, "export" if os.environ.get("FROM") == "export" else "dumps"), content)
# An archive's files are older than two seconds when it is served: a file changed in the two
# seconds before serve reads it is hashed again at the first rebuild (`FileSystem.stamp`: its
# stamp cannot tell a later write in the same tick of the clock), which no user's export is.
time.sleep(2.1)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
# SERVE_LOG=FILE keeps the server's output (with CHANSITE_TIMINGS=1, each rebuild's stage clocks).
log = open(os.environ["SERVE_LOG"], "w") if os.environ.get("SERVE_LOG") else subprocess.DEVNULL
server = subprocess.Popen([binary, "serve", "--content", content, "--output", os.path.join(work, "site"), "--port", str(port)],
                          stdout=log, stderr=log)
try:
    start = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
            break
        except OSError:
            time.sleep(0.2)
    print(f"{posts} posts: first build and serve ready in {time.monotonic() - start:.1f} s")
    # A post of the first dump with a long line after its first (its page keeps its name when
    # the line is edited): the line is found in the channel's posts.json and in the dump.
    # The first input file: a dump, or an export's result.json (a line of text is a substring of
    # its JSON string, in `text` and in `text_entities` alike, and stays valid JSON when edited).
    dump = sorted(os.path.join(folder, f) for folder, _, files in os.walk(content) for f in files if f.endswith((".txt", ".json")))[0]
    dump_text = open(dump, encoding="utf-8").read()
    page, line = None, None
    channels = os.path.join(work, "site", "channels")
    for slug in sorted(os.listdir(channels)):
        data = json.load(open(os.path.join(channels, slug, "posts.json"), encoding="utf-8"))
        for post in data["posts"]:
            lines = [l for l in post["text"].split("\n")[1:] if len(l) > 60 and dump_text.count(l) >= 1]
            if lines:
                page, line = "/" + post["url"], lines[0]
                break
        if page:
            break
    if not page:
        sys.exit("no post of the first dump found in the site")

    def listen(path, reloaded, times):
        stream = urllib.request.urlopen(f"http://127.0.0.1:{port}/__chansite/events{path}", timeout=600)
        for raw in stream:
            if raw.startswith(b"event: reload"):
                times.append(time.monotonic())
                reloaded.set()
                return

    manifest = os.path.join(work, ".site.chansite", "manifest.json")
    on_page_latencies, latencies, writes = [], [], []
    for run in range(runs):
        # One stream on the edited post's page (rendered first), one naming no page (it
        # reloads when the whole rebuild is served, as every page did before).
        on_page, anywhere = threading.Event(), threading.Event()
        on_page_times, anywhere_times = [], []
        threading.Thread(target=listen, args=("?page=" + urllib.parse.quote(page), on_page, on_page_times), daemon=True).start()
        threading.Thread(target=listen, args=("", anywhere, anywhere_times), daemon=True).start()
        time.sleep(1.0)  # the streams are open before the edit
        text = open(dump, encoding="utf-8").read()
        edited = text.replace(line, line + f" edit{run}").encode("utf-8")
        line = line + f" edit{run}"
        stamp = os.stat(manifest).st_mtime_ns
        # The edit is made when the file is saved (closed): chansite's clock starts there. The
        # write itself (77 MB for an export at 100k posts) is the writer's, printed beside.
        started = time.monotonic()
        with open(dump, "wb") as f:
            f.write(edited)
        t0 = time.monotonic()
        writes.append(t0 - started)
        if not on_page.wait(600) or not anywhere.wait(600):
            sys.exit("no reload event within 600 s")
        on_page_latencies.append(on_page_times[0] - t0)
        latencies.append(anywhere_times[0] - t0)
        print(f"run {run + 1}: saved to the open page's reload {on_page_latencies[-1]:.2f} s, to every page's {latencies[-1]:.2f} s "
              f"(the file written in {writes[-1]:.2f} s before)")
        # The rebuild goes on after its reloads (the search index, the unchanged files linked into
        # place) and a rebuild started meanwhile would wait for it: the next edit waits for its
        # manifest, written last.
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and os.stat(manifest).st_mtime_ns == stamp:
            time.sleep(0.1)
        time.sleep(0.5)
    print(f"median save-to-reload: the open page {statistics.median(on_page_latencies):.2f} s, every page {statistics.median(latencies):.2f} s "
          f"(writing the file: {statistics.median(writes):.2f} s)")
finally:
    server.terminate()
    server.wait(10)
    shutil.rmtree(work, ignore_errors=True)
