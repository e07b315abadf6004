#!/usr/bin/env python3
"""Holds the stages' one-way order (docs/ARCHITECTURE.md): each chansite target may import only
the targets below it in LAYERS, and must declare in Package.swift every chansite target it
imports (SwiftPM on Linux lets a file import a module that is merely built first). Each C
library is imported by its one wrapper file alone. `make lint` runs it; it exits 1 and names
the file and line of every break.

Usage: scripts/check-layers.py [ROOT]      (ROOT: the package folder; default: this one)
       scripts/check-layers.py --self-test (checks that breaks are caught)"""
import os
import re
import sys
import tempfile

# Lowest first. A target may import those before it in this list, never after.
LAYERS = ["ChansiteCore", "ChansiteModel", "ChansiteIngest", "ChansiteAssemble", "ChansiteMedia",
          "ChansiteSearch", "ChansiteRender", "ChansiteOutput", "ChansiteKit"]
# Front ends on top of every stage.
TOPS = ["ChansiteCLI", "ChansiteFuzz"]
# Each C module and the one file that wraps it.
WRAPPERS = {"CLibXML2": "Sources/ChansiteIngest/HTML/HTMLDocument.swift",
            "CCmarkGFM": "Sources/ChansiteRender/Markdown/CMark.swift",
            "CStemmer": "Sources/ChansiteSearch/Stemmer.swift",
            "CVips": "Sources/ChansiteMedia/ImageThumbnailer.swift",
            "CJemalloc": "Sources/ChansiteCLI/Allocator.swift"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_\w+\s+)?import\s+(?:(?:struct|class|enum|func|var|let|protocol)\s+)?(\w+)")


def declared_dependencies(package_text):
    """Each target's chansite and C dependencies as Package.swift names them."""
    deps = {}
    for match in re.finditer(r'\.(?:target|executableTarget|testTarget)\(\s*name:\s*"(\w+)"(.*?)swiftSettings', package_text, re.S):
        name, body = match.groups()
        listed = re.search(r"dependencies:\s*\[(.*?)\]\s*,", body, re.S)
        deps[name] = set(re.findall(r'^\s*"(\w+)"|[\[,]\s*"(\w+)"', listed.group(1) if listed else "", re.M)) if listed else set()
        deps[name] = {a or b for a, b in deps[name]}
    return deps


def check(root):
    problems = []
    package = open(os.path.join(root, "Package.swift"), encoding="utf-8").read()
    deps = declared_dependencies(package)
    for target in LAYERS + TOPS:
        if target not in deps:
            problems.append(f"Package.swift: target {target} is not declared")
    for target, listed in deps.items():
        if target in LAYERS:
            for dep in listed & set(LAYERS):
                if LAYERS.index(dep) >= LAYERS.index(target):
                    problems.append(f"Package.swift: {target} depends on {dep}, which is not below it")
    for folder in ("Sources", "Tests"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, folder)):
            dirnames[:] = sorted(d for d in dirnames if d not in ("Fixtures", "Golden"))
            for filename in sorted(filenames):
                if not filename.endswith(".swift"):
                    continue
                path = os.path.join(dirpath, filename)
                relative = os.path.relpath(path, root)
                target = relative.split(os.sep)[1]
                for number, line in enumerate(open(path, encoding="utf-8"), 1):
                    match = IMPORT.match(line)
                    if not match:
                        continue
                    module = match.group(1)
                    where = f"{relative}:{number}"
                    if module in WRAPPERS and WRAPPERS[module] != relative:
                        problems.append(f"{where}: imports {module}; only {WRAPPERS[module]} may (it wraps it)")
                    if module not in LAYERS:
                        continue
                    if target in LAYERS and LAYERS.index(module) >= LAYERS.index(target):
                        problems.append(f"{where}: {target} imports {module}, which is not below it")
                    elif target in deps and module != target and module not in deps[target]:
                        problems.append(f"{where}: {target} imports {module} without declaring it in Package.swift")
    return problems


def self_test():
    """A copy of a tiny package with one break of each kind: every one must be reported."""
    with tempfile.TemporaryDirectory() as root:
        targets = "\n".join(f'.target(name: "{t}", dependencies: ["ChansiteCore"], swiftSettings: s),' for t in LAYERS[1:] + TOPS)
        with open(os.path.join(root, "Package.swift"), "w") as f:
            f.write(f'.target(name: "ChansiteCore", dependencies: ["ChansiteKit"], swiftSettings: s),\n{targets}\n')
        files = {"Sources/ChansiteModel/A.swift": "import Foundation\nimport ChansiteRender\n",
                 "Sources/ChansiteRender/B.swift": "import ChansiteModel\nimport CLibXML2\n"}
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            open(os.path.join(root, path), "w").write(text)
        found = check(root)
        expected = ["ChansiteCore depends on ChansiteKit", "A.swift:2: ChansiteModel imports ChansiteRender",
                    "B.swift:1: ChansiteRender imports ChansiteModel without declaring", "B.swift:2: imports CLibXML2"]
        missing = [e for e in expected if not any(e in p for p in found)]
        if missing:
            print("check-layers self-test: breaks not caught:", *missing, sep="\n  ")
            return 1
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    problems = check(root)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
