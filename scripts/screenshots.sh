#!/usr/bin/env bash
# Regenerates the README's pictures from the tool's own output: builds the
# sample briefing with each built-in template, then renders chosen PDF pages to
# PNG with poppler's pdftoppm. Run after `npm install` (needs dist/ and poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sample=content/iskp-moscow-plot.md
slug=iskp-moscow-plot
shot() { # pdf page png-name
  pdftoppm -png -r 72 -f "$2" -l "$2" -singlefile "$1" "docs/images/$3"
}
for template in $(ls templates); do
  [ -f "templates/$template/template.json" ] || continue
  node dist/bin/main.js build "$sample" --template "$template" --out "$out/$template" --handout --contact-sheet >/dev/null
  pdf="$out/$template/$slug/$slug.pdf"
  shot "$pdf" 1 "template-$template-title"
  shot "$pdf" 7 "template-$template"
  if [ "$template" = default ]; then
    for page in 1 2 3 7 9; do shot "$pdf" "$page" "sample-slide-$page"; done
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$template/$slug/$slug-handout.pdf" docs/images/handout-page-1
    pdftoppm -png -scale-to-x 900 -scale-to-y -1 -singlefile "$out/$template/$slug/$slug-contact.pdf" docs/images/contact-sheet
    # Optional: a third smaller, the same pixels.
    if command -v optipng >/dev/null; then optipng -quiet -o5 docs/images/contact-sheet.png; fi
  fi
done
# Right-to-left, CJK and emoji: the examples in examples/international.
node dist/bin/main.js build examples/international --out "$out/international" >/dev/null
shot "$out/international/iskp-moscow-plot-ar/iskp-moscow-plot-ar.pdf" 1 international-arabic-title
shot "$out/international/iskp-moscow-plot-ar/iskp-moscow-plot-ar.pdf" 2 international-arabic-summary
shot "$out/international/multilingual-sources/multilingual-sources.pdf" 2 international-mixed-summary
# A French briefing: its labels and headings in French (examples/fr-briefing).
node dist/bin/main.js build examples/fr-briefing --out "$out/fr" >/dev/null
shot "$out/fr/briefing-fr/briefing-fr.pdf" 2 french-summary
# A draft of the seed article: its summary slide (the bottom line, then the shortened bullets).
node dist/bin/main.js draft test/fixtures/articles/seed-article.txt -o "$out/draft/content/seed.md" >/dev/null 2>&1
node dist/bin/main.js build "$out/draft/content/seed.md" --out "$out/draft/output" >/dev/null 2>&1
pdftoppm -png -r 60 -f 2 -l 2 -singlefile "$out/draft/output/seed/seed.pdf" docs/images/draft-summary
if command -v optipng >/dev/null; then optipng -quiet -o5 docs/images/draft-summary.png; fi
# --png and --thumbnails: slide 2 as --png writes it (halved), and the index page with the thumbnails.
node dist/bin/main.js build "$sample" examples/international/iskp-moscow-plot-ar.md --out "$out/png" --png --thumbnails >/dev/null
node scripts/png-pictures.mjs "$out/png" "$slug"
echo "wrote $(ls docs/images | wc -l) pictures in docs/images/"
