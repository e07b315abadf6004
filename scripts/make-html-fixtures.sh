#!/usr/bin/env bash
# Writes the HTML form of the test exports (Tests/ChansiteKitTests/Fixtures/html-exports/) from
# their JSON form with scripts/export-html.py, as the client writes it: three messages a page (so
# replies and albums cross pages), UTC+03:00 dates (none for the old export), the older div
# reactions in one, the unclosed button table of client versions 4.15–5.8 in another, and a
# full-account export with its chats under chats/chat_NN/. Media folders are copied beside the
# pages. Run it after changing a JSON fixture or the generator, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
src=Tests/ChansiteKitTests/Fixtures/exports
out=Tests/ChansiteKitTests/Fixtures/html-exports
gen=scripts/export-html.py
# Only the folders made here are replaced: saved-pages/ (web-preview pages) is kept by hand.
for made in entities media album replies service rtl overlap-2023 overlap-2024 traversal kinds old-version rtl-old-reactions \
  buttons group account discussion; do rm -rf "${out:?}/$made"; done
mkdir -p "$out"
copy_media() {  # copy_media FROM TO: the export's folders (photos, files, …), not result.json
  for entry in "$1"/*; do [ -d "$entry" ] && cp -r "$entry" "$2/"; done; true
}
for name in entities media album replies service rtl overlap-2023 overlap-2024 traversal kinds; do
  python3 "$gen" "$src/$name/result.json" "$out/$name" --per-file 3 --offset +03:00
  copy_media "$src/$name" "$out/$name"
done
python3 "$gen" "$src/old-version/result.json" "$out/old-version" --per-file 3 --offset none
python3 "$gen" "$src/rtl/result.json" "$out/rtl-old-reactions" --offset +03:00 --old-reactions
python3 "$gen" Tests/ChansiteKitTests/Fixtures/html-sources/buttons.json "$out/buttons" --offset +02:00 --unclosed-buttons
python3 "$gen" Tests/ChansiteKitTests/Fixtures/html-sources/group.json "$out/group" --offset +02:00
# A full-account export: each chat in its own folder, the account's own pages beside them.
python3 - "$src/account/result.json" "$out/account" <<'PY'
import json, os, subprocess, sys, tempfile
account, out = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
os.makedirs(os.path.join(out, "lists"), exist_ok=True)
page = '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap"><div class="page_body list_page">%s</div></div></body></html>\n'
open(os.path.join(out, "export_results.html"), "w").write(page % "Exported data")
open(os.path.join(out, "lists", "chats.html"), "w").write(page % "Chats")
import re
for n, chat in enumerate(account["chats"]["list"] + account["left_chats"]["list"], 1):
    # In HTML each chat's pages name its files from its own folder.
    for message in chat["messages"]:
        for key in ("photo", "file", "thumbnail"):
            if isinstance(message.get(key), str):
                message[key] = re.sub(r"^chats/chat_\d+/", "", message[key])
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(chat, f, ensure_ascii=False)
    subprocess.run([sys.executable, "scripts/export-html.py", f.name, os.path.join(out, "chats", "chat_%02d" % n), "--offset", "+03:00"], check=True)
    os.unlink(f.name)
PY
# A channel and its discussion group, each exported on its own (HTML exports one chat a folder).
python3 - "$src/discussion/result.json" "$out/discussion" <<'PY'
import json, os, subprocess, sys, tempfile
for n, chat in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))["chats"]["list"]):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(chat, f, ensure_ascii=False)
    subprocess.run([sys.executable, "scripts/export-html.py", f.name, os.path.join(sys.argv[2], ["channel", "group"][n]), "--offset", "+03:00"], check=True)
    os.unlink(f.name)
PY
cp -r "$src/account/chats/chat_01/photos" "$out/account/chats/chat_02/" 2>/dev/null || true
echo "wrote $(find "$out" -name '*.html' | wc -l) pages under $out"
