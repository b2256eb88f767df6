#!/usr/bin/env bash
# Measures how long `briefings serve` takes from saving an edit to serving the new page.
#
#   bash tests/Briefings.Tests/Serving/measure-latency.sh [INPUT_DIR] [EDITS]
#
# INPUT_DIR defaults to input/ (the real archive); for the large case make a corpus first:
#   dotnet run -c Release --project tests/Briefings.Corpus -- --briefings 10000 --out /tmp/corpus10k
#   bash tests/Briefings.Tests/Serving/measure-latency.sh /tmp/corpus10k 10
# The archive is copied to a temp folder (with theme/ beside it) and never touched. Each edit changes the title
# of one briefing; two times run from the write of the file: until the briefing's own page is served with the
# new title ("page"), and until the page of its first actor, which lists it, is too ("listing"; serve writes the
# edited page first, then the pages that show it). Two warm-up edits are not counted.
# Set ARTIFACTS to build somewhere else than /tmp/briefings-latency-art (several people building at once).
set -euo pipefail
cd "$(dirname "$0")/../../.."
input="${1:-input}"
edits="${2:-10}"
art="${ARTIFACTS:-/tmp/briefings-latency-art}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release --artifacts-path "$art" src/Briefings.Cli -v q -nologo >/dev/null
bin="$art/bin/Briefings.Cli/release/briefings"
cp -r "$input" "$work/input"
cp -r theme "$work/theme"

# serve takes a port from 1 to 65535 (0 is refused): a free one, unless PORT says which.
port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
"$bin" serve --input "$work/input" --port "$port" --verbose >"$work/log" 2>&1 &
server=$!
until grep -q '^serving ' "$work/log"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/log"; exit 1; }
  sleep 0.2
done
url="$(grep -m1 -o 'http://[^ ]*' "$work/log")"
sed -n '/^built /p' "$work/log"

# The newest briefing: an entity's page lists only its latest briefings (the rest are on its briefings pages).
file="$(find "$work/input/briefings" -name '*.md' | sort | tail -n 1)"
id="$(basename "$file" .md)"
actor="$(awk '/^actors:/{getline; sub(/^ *- */, ""); print; exit}' "$file")"
kind="$(for k in people institutions; do if [ -f "$work/input/$k/$actor.md" ]; then echo "$k"; fi; done)"
page="${url}briefings/$id/"
listing="${url}$kind/$actor/"
echo "edit: title of $id; wait for $page and $listing"

now() { date +%s%N; }
pages=(); listings=()
for i in $(seq -2 "$edits"); do
  title="Latency probe $i $RANDOM"
  t0=$(now)
  sed -i "0,/^title: .*/s//title: \"$title\"/" "$file"
  until curl -s -o "$work/got" "$page" && grep -q "$title" "$work/got"; do sleep 0.002; done
  t1=$(now)
  until curl -s -o "$work/got" "$listing" && grep -q "$title" "$work/got"; do sleep 0.002; done
  t2=$(now)
  if [ "$i" -gt 0 ]; then
    pages+=($(( (t1 - t0) / 1000000 ))); listings+=($(( (t2 - t0) / 1000000 )))
    echo "edit $i: page ${pages[-1]} ms, listing ${listings[-1]} ms"
  fi
  sleep "${PAUSE:-1}"
done
summary() { local s=($(printf '%s\n' "$@" | sort -n)); echo "median ${s[$(( ${#s[@]} / 2 ))]} ms, max ${s[-1]} ms"; }
echo "page:    $(summary "${pages[@]}") over ${#pages[@]} edits (includes the 100 ms quiet period)"
echo "listing: $(summary "${listings[@]}")"
echo "server's own account of the last edit (--verbose):"
tac "$work/log" | awk '/^rebuilt/{print; exit} {print}' | tac | sed 's/^/  /'
