#!/usr/bin/env bash
# A build stopped at any moment leaves the earlier output exactly as it was, and nothing behind.
#
#   tests/safety/kill-build.sh
#
# Builds a synthetic archive once (N briefings, with the search index) into a first good output and hashes every
# file of it. Then, KILLS times, starts `briefings build` into the same output and stops it at a moment spread
# over a build's length (kill -9, and SIGTERM every third time), and checks:
#   - the output is byte-identical to the first (every file hashed, pagefind/ included);
#   - the next, complete build leaves no staging folder beside the output and no Pagefind running,
#     and writes the same bytes again.
# Exits non-zero at the first broken promise.
#
# Environment:
#   N=10000              briefings in the corpus
#   KILLS=10             how many builds are stopped
#   WORK=/dev/shm/briefings-safety   corpus, program and outputs (in memory: the disk is not what is tested)
#   SEED=1               corpus seed
#   EDIT=1               before each stopped build, add a line to one briefing (put back once it is stopped), so the
#                        stopped build must make a bundle of the search index again rather than keep it, and the
#                        kills land while Pagefind runs; EDIT=0 stops builds of an unchanged input
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${N:-10000}"
KILLS="${KILLS:-10}"
SEED="${SEED:-1}"
EDIT="${EDIT:-1}"
WORK="${WORK:-/dev/shm/briefings-safety}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

say() { printf '%s\n' "$*"; }
die() { say "kill-build: FAILED: $*"; exit 1; }

say "kill-build: publishing src/Briefings.Cli (Release) into $WORK/bin"
dotnet publish "$ROOT/src/Briefings.Cli" -c Release --artifacts-path "$WORK/artifacts" -o "$WORK/bin" -nologo -v q >"$WORK/publish.log" 2>&1 \
    || { tail -n 20 "$WORK/publish.log"; die "src/Briefings.Cli does not publish"; }
BIN="$WORK/bin/briefings"
CORPUS="$WORK/corpus-$N-$SEED"
if [[ ! -f "$CORPUS/site.yml" ]]; then
    say "kill-build: writing a corpus of $N briefings into $CORPUS"
    dotnet run -c Release --artifacts-path "$WORK/artifacts" --project "$ROOT/tests/Briefings.Corpus" -- --briefings "$N" --seed "$SEED" --out "$CORPUS" >"$WORK/corpus.log" 2>&1 \
        || { tail -n 20 "$WORK/corpus.log"; die "the corpus generator failed"; }
fi
OUT="$WORK/site"
rm -rf "$OUT" "$WORK"/.site-staging-*

hashes() { (cd "$OUT" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }
count() { (cd "$OUT" && find . -type f | wc -l); }
staging() { find "$WORK" -maxdepth 1 -name '.site-staging-*' | wc -l; }
# Pagefind started by this program (its path is under the published theme), not another one on the machine.
pagefinds() { pgrep -f "$WORK/bin/theme/node_modules" | wc -l || true; }
build() { "$BIN" build --input "$CORPUS" --output "$OUT" "$@"; }
# The briefing edited before stopped build $1 (a different one each time), edited and put back.
victim() { find "$CORPUS/briefings" -name '*.md' | sort | sed -n "$(( $1 * 997 % $(find "$CORPUS/briefings" -name '*.md' | wc -l) + 1 ))p"; }
edit() { [[ "$EDIT" == 1 ]] || return 0; cp "$1" "$WORK/edited.bak"; printf '\nA line added before a build that is stopped.\n' >>"$1"; }
restore() { [[ "$EDIT" == 1 ]] || return 0; mv "$WORK/edited.bak" "$1"; }

say "kill-build: first build"
start=$(date +%s.%N)
build >"$WORK/first.log" 2>&1 || { cat "$WORK/first.log"; die "the first build failed"; }
first=$(hashes)
files=$(count)
grep -E '^(search|built)' "$WORK/first.log" | sed 's/^/  /'
start=$(date +%s.%N)
build >"$WORK/second.log" 2>&1 || { cat "$WORK/second.log"; die "the second build failed"; }
length=$(echo "$(date +%s.%N) - $start" | bc)
[[ "$(hashes)" == "$first" ]] || die "two complete builds of the same input differ"
say "kill-build: $files files, digest of all of them $first; a build takes ${length}s; a second build wrote the same bytes"
if [[ "$EDIT" == 1 ]]; then
    # A stopped build will have one briefing edited: time such a build (it makes a bundle of the index again), then
    # put the briefing back and check that the next build makes the first bytes again.
    v=$(victim 0); edit "$v"
    start=$(date +%s.%N)
    build >"$WORK/edited.log" 2>&1 || { cat "$WORK/edited.log"; die "the build of an edited briefing failed"; }
    length=$(echo "$(date +%s.%N) - $start" | bc)
    grep -E '^search' "$WORK/edited.log" | sed 's/^/  /'
    restore "$v"
    build >"$WORK/restored.log" 2>&1 || { cat "$WORK/restored.log"; die "the build after putting the briefing back failed"; }
    [[ "$(hashes)" == "$first" ]] || die "the build after putting the edited briefing back wrote other bytes"
    say "kill-build: a build with one briefing edited takes ${length}s; with it put back, the next build wrote the first bytes again"
fi

printf '%-4s %-8s %8s  %-10s %-9s %-18s %-22s\n' "#" "signal" "after" "output" "exit" "left at once" "left after next build"
for i in $(seq 1 "$KILLS"); do
    signal=KILL
    (( i % 3 == 0 )) && signal=TERM
    at=$(echo "scale=2; $length * $i / ($KILLS + 1)" | bc)
    # The program itself in the background, not a function (whose $! would be a subshell: the signal must reach briefings).
    v=$(victim "$i"); edit "$v"
    "$BIN" build --input "$CORPUS" --output "$OUT" >"$WORK/killed-$i.log" 2>&1 &
    pid=$!
    sleep "$at"
    kill -s "$signal" "$pid" 2>/dev/null || true
    code=0; wait "$pid" || code=$?
    restore "$v"
    sleep 0.5
    now="staging $(staging), pagefind $(pagefinds)"
    same=identical; [[ "$(hashes)" == "$first" ]] || same=CHANGED
    build >"$WORK/next-$i.log" 2>&1 || { cat "$WORK/next-$i.log"; die "the build after kill $i failed"; }
    after="staging $(staging), pagefind $(pagefinds)"
    printf '%-4s %-8s %7ss  %-10s %-9s %-18s %-22s\n' "$i" "$signal" "$at" "$same" "$code" "$now" "$after"
    grep -q '^built ' "$WORK/killed-$i.log" && say "     (build $i had finished before the signal)"
    [[ "$same" == identical ]] || die "the output changed when build $i was stopped after ${at}s"
    [[ "$after" == "staging 0, pagefind 0" ]] || die "the build after kill $i left $after"
    [[ "$(hashes)" == "$first" ]] || die "the build after kill $i wrote other bytes"
done
say "kill-build: all $KILLS stopped builds left the output byte-identical ($files files); no staging folder or Pagefind was left"
