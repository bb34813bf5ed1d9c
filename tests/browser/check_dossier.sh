#!/usr/bin/env bash
# Opens the HTML dossier in headless Chromium in a 1280 px wide window: its DOM must hold the
# expected sections, findings, entity names and sources (by title and outlet, never by file
# name), no diagram may be wider than its column nor its text smaller than 9 CSS px (measured by
# the page's own geometry: a script added to a copy of the dossier writes each SVG text's rendered
# size and each diagram's width into the DOM, which --dump-dom returns), and a screenshot of it
# must not be blank.
#   tests/browser/check_dossier.sh path/to/cartelgraph
set -euo pipefail
cartelgraph=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cartelgraph" report -o "$work/dossier.html"

# The measuring script: every <text> of every inline SVG, its font size in user units times the
# scale from user units to CSS px (getScreenCTM), and its bounding box (getBoundingClientRect).
cat > "$work/measure.js" <<'JS'
(() => {
  const sizes = [];
  for (const text of document.querySelectorAll('svg text')) {
    if (!text.textContent.trim()) continue;
    const matrix = text.getScreenCTM();
    const scale = Math.hypot(matrix.a, matrix.b);
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    const box = text.getBoundingClientRect();
    sizes.push({size, height: box.height, text: text.textContent.trim().slice(0, 40)});
  }
  sizes.sort((x, y) => x.size - y.size);
  // Every diagram within its column: the <svg>'s box no wider than its figure's content box, and
  // no figure scrolls sideways.
  const overflowing = [];
  for (const svg of document.querySelectorAll('figure svg')) {
    const figure = svg.closest('figure');
    const style = getComputedStyle(figure);
    const column = figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = svg.getBoundingClientRect().width;
    if (width > column + 0.5 || figure.scrollWidth > figure.clientWidth)
      overflowing.push({width, column, caption: (figure.querySelector('figcaption') || {}).textContent});
  }
  const result = document.createElement('pre');
  result.id = 'legibility';
  result.textContent = JSON.stringify({
    viewport: window.innerWidth,
    content: document.documentElement.clientWidth,
    svgs: document.querySelectorAll('svg').length,
    figures: document.querySelectorAll('figure svg').length,
    column: (() => { const f = document.querySelector('figure'); return f ? f.clientWidth : 0; })(),
    overflowing,
    texts: sizes.length,
    smallest: sizes.slice(0, 5),
  });
  document.body.appendChild(result);
})();
JS
{ sed 's#</body></html>##' "$work/dossier.html"; printf '<script>%s</script></body></html>\n' "$(cat "$work/measure.js")"; } \
  > "$work/measured.html"

chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
                --disable-background-networking --disable-component-update --disable-sync
                --user-data-dir="$work/profile" --window-size=1280,2000)
timeout 120 chromium "${chromium_flags[@]}" --dump-dom "file://$work/measured.html" > "$work/dom.html" 2>/dev/null
timeout 120 chromium "${chromium_flags[@]}" --screenshot="$work/shot.png" "file://$work/dossier.html" >/dev/null 2>&1

status=0
expect() {
  if ! grep -qF -- "$1" "$work/dom.html"; then echo "missing from the DOM: $1"; status=1; fi
}
refuse() {
  if grep -qF -- "$1" "$work/dom.html"; then echo "in the DOM but must not be: $1"; status=1; fi
}
for section in findings overview storylines factions rankings entities sources; do expect "id=\"$section\""; done
expect 'id="entity-nemesio-oseguera-cervantes"'
expect '>El Mencho<'
expect 'Rosalinda González Valencia'
expect 'Juan Manuel Abouzaid'
expect 'Los Salazar'
expect '<svg'
expect 'xlink:href="#entity-'
expect '<strong>Sides:</strong>'
expect '<strong>Brokers:</strong>'
expect 'dated months</strong>'
# Sources by title and outlet, never by the file name of their text.
expect '<cite>The Urgent Need to Bolster U.S.–Mexico Security Cooperation</cite>, Wilson Center’s Mexico Institute'
refuse '002_c853606fdaa6b61b.txt'
refuse '.txt<'

/usr/bin/python3 - "$work/dom.html" <<'PY' || status=1
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
found = re.search(r'<pre id="legibility">(.*?)</pre>', dom, re.S)
if not found:
    sys.exit("the measuring script wrote no result")
result = json.loads(html.unescape(found.group(1)))
smallest = result["smallest"][0] if result["smallest"] else None
print(f"viewport {result['viewport']} px ({result['content']} px inside the scroll bar), {result['svgs']} diagrams, {result['texts']} texts; "
      f"smallest {smallest['size']:.2f} px ({smallest['text']!r})" if smallest else "no text")
if result["viewport"] != 1280:
    sys.exit(f"the page was laid out {result['viewport']} px wide, not 1280")
if result["texts"] < 50:
    sys.exit("too few diagram texts measured")
print(f"{result['figures']} diagrams in figures {result['column']} px wide; {len(result['overflowing'])} wider than their column")
small = [s for s in result["smallest"] if s["size"] < 9]
if small:
    sys.exit(f"diagram text smaller than 9 CSS px: {small}")
if result["figures"] < 10:
    sys.exit("too few diagrams measured")
if result["overflowing"]:
    sys.exit(f"diagrams wider than their column: {result['overflowing']}")
PY

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
