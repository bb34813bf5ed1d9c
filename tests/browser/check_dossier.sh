#!/usr/bin/env bash
# Opens the HTML dossier in headless Chromium: its DOM must hold the expected sections and
# entity names, and a screenshot of it must not be blank.
#   tests/browser/check_dossier.sh path/to/cartelgraph
set -euo pipefail
cartelgraph=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cartelgraph" report -o "$work/dossier.html"

chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
                --disable-background-networking --disable-component-update --disable-sync
                --user-data-dir="$work/profile")
timeout 120 chromium "${chromium_flags[@]}" --dump-dom "file://$work/dossier.html" > "$work/dom.html" 2>/dev/null
timeout 120 chromium "${chromium_flags[@]}" --window-size=1280,2000 \
  --screenshot="$work/shot.png" "file://$work/dossier.html" >/dev/null 2>&1

status=0
expect() {
  if ! grep -qF -- "$1" "$work/dom.html"; then echo "missing from the DOM: $1"; status=1; fi
}
for section in overview storylines factions rankings entities sources; do expect "id=\"$section\""; done
expect 'id="entity-nemesio-oseguera-cervantes"'
expect 'Rosalinda González Valencia'
expect 'Juan Manuel Abouzaid'
expect 'Los Salazar'
expect '<svg'
expect 'xlink:href="#entity-'

/usr/bin/python3 - "$work/shot.png" <<'PY' || status=1
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
colours = image.getcolors(maxcolors=1 << 20) or []
if image.size[0] < 100 or len(colours) < 20:
    print(f"screenshot looks blank: {image.size}, {len(colours)} colours")
    sys.exit(1)
print(f"screenshot {image.size[0]}x{image.size[1]}, {len(colours)} colours")
PY
[ "$status" -eq 0 ] && echo "dossier ok in $(chromium --version)"
exit "$status"
