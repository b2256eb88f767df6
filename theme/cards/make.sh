#!/bin/sh
# Draws the link-preview cards (theme/assets/cards/<kind>.png, 1200 x 630, what og:image names) with headless
# Chromium from card.html. Run it after changing the design; the PNGs are committed, so a build only copies them
# and its output stays byte-identical. The words on each card are those of Rendering/PreviewCards.cs, whose alt
# texts describe them: change both together.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../assets/cards"
chromium=${CHROME_PATH:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
# kind|label on the card
for card in "site|A sourced public archive" "briefing|Briefing" "country|Country" "institution|Institution" \
            "person|Person" "agreement|Agreement" "timeline|Timeline of events" "source|Source"; do
  kind=${card%%|*}
  label=${card#*|}
  sed "s/{{label}}/$label/" "$here/card.html" > "$work/$kind.html"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,630 --screenshot="$work/$kind.png" "file://$work/$kind.html" >/dev/null 2>&1
  cp "$work/$kind.png" "$out/$kind.png"
done
