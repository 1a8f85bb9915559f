#!/usr/bin/env bash
# Regenerates the README's screenshots from the tool's own output: builds the
# sample briefing, then renders chosen PDF pages to PNG with poppler's pdftoppm.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node dist/cli/main.js build content/iskp-moscow-plot.md --out "$out" >/dev/null
pdf="$out/iskp-moscow-plot/iskp-moscow-plot.pdf"
for page in 1 2 3 7 9 10; do
  pdftoppm -png -r 72 -f "$page" -l "$page" -singlefile "$pdf" "docs/images/sample-slide-$page"
done
echo "wrote docs/images/sample-slide-{1,2,3,7,9,10}.png"
