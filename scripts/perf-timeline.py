#!/usr/bin/env python3
"""Where a build's CPU went over time: `perf script` output (from `perf record -g`) bucketed by
time, each sample named by the outermost chansite step on its stack, and each bucket printed
with the cores busy (samples ÷ the bucket's length at perf's default 4 kHz) and its top steps.
A bucket at one core while the other idles is serial work: what session 30 moved onto both.

Usage: perf record -g -o perf.data chansite build --quiet
       perf script -i perf.data | scripts/perf-timeline.py [SECONDS_PER_BUCKET]
"""
import collections
import re
import sys

# (name, a substring of a mangled Swift symbol): the first that matches a stack names it.
STEPS = [
    ("hash-content", "ContentFilesV4read"), ("export-read", "ExportSettings"), ("dump-parse", "parseDumps"),
    ("parse-store", "ParseCodec"), ("assemble", "SiteAssembler"), ("privacy", "PrivacyPass"),
    ("media", "MediaPublisher"), ("url-history", "URLHistory"), ("moved", "MovedPages"),
    ("manifest", "BuildManifest"), ("manifest-read", "ManifestReader"), ("posts-json", "ChannelPostsJSON"),
    ("feeds", "Feeds"), ("sitemap", "SitemapRenderer"), ("index-tokenize", "Tokenizer"),
    ("index-postings", "postings"), ("index-docs", "writeDocs"), ("index", "SearchIndexBuilder"),
    ("vocabulary", "IndexVocabulary"), ("post-views", "PostViews"), ("page-views", "PageView"),
    ("render", "PageRendererV6render"), ("cache-file", "CacheFile"), ("disk-memo", "DiskMemo"),
    ("sink", "StagingSink"), ("spare", "SpareSite"), ("writer", "OutputWriter"), ("pipeline", "Pipeline"),
]
SAMPLE_RATE = 4000.0  # perf record's default frequency, samples a second a core


def main():
    step = float(sys.argv[1]) if len(sys.argv) > 1 else 0.25
    buckets = collections.defaultdict(collections.Counter)
    first = None
    time = None
    stack = []

    def flush():
        if time is None or not stack:
            return
        name = next((label for label, pattern in STEPS if any(pattern in frame for frame in stack)), "other")
        buckets[int((time - first) / step)][name] += 1

    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            flush()
            stack = []
        elif line[0] in " \t":
            parts = line.split(None, 1)
            if len(parts) == 2:
                stack.append(parts[1])
        else:
            found = re.search(r" (\d+\.\d+):", line)
            if found:
                time = float(found.group(1))
                first = time if first is None else first
            stack = []
    flush()
    for bucket in sorted(buckets):
        counts = buckets[bucket]
        total = sum(counts.values())
        top = " ".join(f"{name}:{100 * n // total}%" for name, n in counts.most_common(4))
        print(f"{bucket * step:6.2f} s  cores {total / (step * SAMPLE_RATE):4.2f}  {top}")


if __name__ == "__main__":
    main()
