#!/bin/sh
# Draws the link-preview cards (theme/assets/cards/<kind>.png, 1200 x 630, what og:image names) with headless
# Chromium from card.html. Run it after changing the design; the PNGs are committed, so a build only copies them
# and its output stays byte-identical. The words on each card are the site's title (`title:` of the site.yml given as
# the first argument, input/site.yml by default: run this again when the title changes) and those of
# Rendering/PreviewCards.cs, whose alt texts describe them: change both together.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../assets/cards"
chromium=${CHROME_PATH:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
site_yml=${1:-"$here/../../input/site.yml"}
title=$(sed -n 's/^title:[[:space:]]*//p' "$site_yml" | head -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/" -e 's/[&/\\]/\\&/g')
[ -n "$title" ] || { echo "make.sh: no title in $site_yml" >&2; exit 2; }
# kind|label on the card
for card in "site|A sourced public archive" "briefing|Briefing" "country|Country" "institution|Institution" \
            "person|Person" "agreement|Agreement" "timeline|Timeline of events" "source|Source"; do
  kind=${card%%|*}
  label=${card#*|}
  sed -e "s/{{label}}/$label/" -e "s/{{title}}/$title/" "$here/card.html" > "$work/$kind.html"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,630 --screenshot="$work/$kind.png" "file://$work/$kind.html" >/dev/null 2>&1
  cp "$work/$kind.png" "$out/$kind.png"
done
