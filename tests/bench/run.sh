#!/usr/bin/env bash
# Benchmark: Briefings against Hugo on the same synthetic archive.
#
#   tests/bench/run.sh [N ...]            default sizes: 1000 10000 100000
#
# Environment:
#   SIZES="1000 10000"   sizes to run when none are given as arguments
#   MAX_N=10000          skip every size above this (e.g. to leave out 100000)
#   RUNS=3               timed runs per tool and size (the median is reported)
#   WORK=/tmp/briefings-bench   where corpora, builds and results go
#   SEED=1               corpus seed
#   TOOLS="briefings hugo"      which builders to time
#   SEARCH=both          'both' times `briefings build` (with its search index) against Hugo followed by Pagefind
#                        (what a Hugo user runs to get search) and `build --no-search` against Hugo alone;
#                        'on' or 'off' times one pair
#   PAGEFIND=...         the Pagefind run after Hugo (default: the one theme/node_modules holds, 1.6.0)
#   HUGO_FORCE=1         run Hugo even when it looks like it would not fit in the available memory
#
# For each size the corpus is generated once (and reused on the next run if the generator, N and
# seed are unchanged), then the builders run alternately, each under /usr/bin/time -v (wall and CPU time),
# while the RSS of its whole process tree (the build and what it starts: Pagefind) is sampled every 0.1 s.
# `briefings build` is also timed once more into its own output with nothing changed (the index is kept).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/briefings-bench}"
SEED="${SEED:-1}"
TOOLS="${TOOLS:-briefings hugo}"
if [[ $# -gt 0 ]]; then SIZES="$*"; else SIZES="${SIZES:-1000 10000 100000}"; fi
MAX_N="${MAX_N:-}"

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: error: $*"; exit 1; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number (got '$RUNS')"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "SEED must be a whole number (got '$SEED')"
for n in $SIZES; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "sizes must be positive whole numbers (got '$n')"; done
[[ -z "$MAX_N" || "$MAX_N" =~ ^[0-9]+$ ]] || die "MAX_N must be a whole number (got '$MAX_N')"
want() { [[ " $TOOLS " == *" $1 "* ]]; }

# ------------------------------------------------------------------ tools
command -v dotnet >/dev/null || die "dotnet not found on PATH"
if want hugo && ! command -v hugo >/dev/null; then
    die "hugo not found: install it with 'apt-get install -y hugo' (or set TOOLS=briefings)"
fi
if [[ ! -x /usr/bin/time ]]; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
        say "bench: /usr/bin/time missing, installing the 'time' package"
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; } \
            || die "could not install 'time'"
    else
        die "/usr/bin/time missing: install the 'time' package"
    fi
fi

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
LOGS="$WORK/logs"
mkdir -p "$LOGS"

say "bench: building the corpus generator"
# Own artifacts folder, so these builds never race with builds in the checkout's bin/ and obj/.
ARTIFACTS="$WORK/artifacts"
dotnet build -c Release --artifacts-path "$ARTIFACTS" "$ROOT/tests/Briefings.Corpus" -nologo -v q >"$LOGS/corpus-build.log" 2>&1 \
    || { tail -n 30 "$LOGS/corpus-build.log" >&2; die "the corpus generator does not build (log: $LOGS/corpus-build.log)"; }
GEN_HASH="$(cat "$ROOT"/tests/Briefings.Corpus/*.cs "$ROOT"/tests/Briefings.Corpus/*.csproj | sha256sum | cut -c1-16)"

CLI_DLL=""
if want briefings; then
    say "bench: publishing src/Briefings.Cli (Release)"
    rm -rf "$WORK/cli"
    if dotnet publish "$ROOT/src/Briefings.Cli" -c Release --artifacts-path "$ARTIFACTS" -o "$WORK/cli" -nologo -v q \
        >"$LOGS/cli-publish.log" 2>&1 \
        && [[ -f "$WORK/cli/briefings.dll" ]]; then
        CLI_DLL="$WORK/cli/briefings.dll"
    else
        tail -n 20 "$LOGS/cli-publish.log" >&2
        say "bench: warning: src/Briefings.Cli does not publish; timing Hugo only (log: $LOGS/cli-publish.log)"
    fi
fi
VERBOSE_FLAG=""
if [[ -n "$CLI_DLL" ]] && dotnet "$CLI_DLL" build --help 2>&1 | grep -q -- '--verbose'; then
    VERBOSE_FLAG="--verbose"
fi

# ------------------------------------------------------------------ helpers
# timed LABEL LOG -- CMD...: runs CMD under /usr/bin/time -v; sets T_WALL (s), T_CPU (user+sys s, children
# included), T_RC, and from sampling: T_TREE (MiB, peak of the summed RSS of the whole process tree) and T_OWN
# (MiB, peak RSS of the command's own process; /usr/bin/time's "maximum resident set size" is that of the largest
# single process, so for a build it would be Pagefind's).
PAGE_KIB=$(( $(getconf PAGESIZE) / 1024 ))
sample_tree() {
    local root=$1 out=$2 tree=0 own=0 total p f rss own_pid="" stack kids
    while [[ -e /proc/$root ]]; do
        total=0; stack=("$root")
        while [[ ${#stack[@]} -gt 0 ]]; do
            p=${stack[-1]}; unset 'stack[-1]'
            rss=0; read -r _ rss _ 2>/dev/null </proc/"$p"/statm || true
            total=$(( total + rss ))
            [[ "$p" == "$own_pid" && $rss -gt $own ]] && own=$rss
            for f in /proc/"$p"/task/*/children; do
                kids=(); read -r -a kids 2>/dev/null <"$f" || true
                [[ "$p" == "$root" && -z "$own_pid" && ${#kids[@]} -gt 0 ]] && own_pid=${kids[0]}
                stack+=("${kids[@]}")
            done
        done
        [[ $total -gt $tree ]] && tree=$total
        sleep 0.1
    done
    echo "$(( tree * PAGE_KIB / 1024 )) $(( own * PAGE_KIB / 1024 ))" >"$out"
}
timed() {
    local log="$2"; shift 3
    local tf="$log.time" pid sampler
    set +e
    /usr/bin/time -v -o "$tf" "$@" >"$log" 2>&1 &
    pid=$!
    sample_tree "$pid" "$log.mem" &
    sampler=$!
    wait "$pid"
    T_RC=$?
    wait "$sampler"
    set -e
    T_WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$tf")"
    T_CPU="$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$tf")"
    read -r T_TREE T_OWN <"$log.mem" || { T_TREE=0; T_OWN=0; }
    [[ -n "$T_WALL" ]] || T_WALL="nan"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit } if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maxof() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
pages() { find "$1" -name index.html 2>/dev/null | wc -l | tr -d ' '; }
htmls() { find "$1" -name '*.html' 2>/dev/null | wc -l | tr -d ' '; }

loadavg() { cut -d' ' -f1 /proc/loadavg; }
LOAD_START="$(loadavg)"
if awk -v l="$LOAD_START" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
    say "bench: warning: load average $LOAD_START on $(nproc) cores: other work is running, timings will be noisy"
fi

SEARCH_MODE="${SEARCH:-both}"
[[ "$SEARCH_MODE" =~ ^(both|on|off)$ ]] || die "SEARCH must be both, on or off (got '$SEARCH_MODE')"
# The Pagefind a Hugo user would run after Hugo: the same program and version the build runs.
PAGEFIND="${PAGEFIND:-$(ls "$ROOT"/theme/node_modules/@pagefind/*/bin/pagefind_extended 2>/dev/null | head -n 1 || true)}"
if want hugo && [[ "$SEARCH_MODE" != off && -z "$PAGEFIND" ]]; then
    say "bench: warning: no Pagefind in theme/node_modules (a first \`briefings build\` installs it) and PAGEFIND unset: Hugo+Pagefind not timed"
fi
label() {
    case "$1" in
        briefings) echo "briefings build" ;;
        briefings-again) echo "briefings build, again, nothing changed" ;;
        briefings-no-search) echo "briefings build --no-search" ;;
        hugo+pagefind) echo "hugo, then pagefind --site" ;;
        hugo) echo "hugo" ;;
        *) echo "$1" ;;
    esac
}

# ------------------------------------------------------------------ runs
TABLE=()
CHECKS=()
NOTES=()
STAGES=()
for n in $SIZES; do
    if [[ -n "$MAX_N" && "$n" -gt "$MAX_N" ]]; then
        say "bench: skipping N=$n (above MAX_N=$MAX_N)"
        NOTES+=("N=$n skipped (MAX_N=$MAX_N)")
        continue
    fi
    dir="$WORK/n$n"
    stamp="gen=$GEN_HASH n=$n seed=$SEED"
    if [[ -f "$dir/.stamp" && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
        say "bench: N=$n: reusing the corpus in $dir"
    else
        say "bench: N=$n: generating the corpus into $dir"
        rm -rf "$dir"
        mkdir -p "$dir"
        dotnet run -c Release --no-build --artifacts-path "$ARTIFACTS" --project "$ROOT/tests/Briefings.Corpus" -- \
            --briefings "$n" --seed "$SEED" --out "$dir/input" --hugo "$dir/hugo" 2>&1 | sed 's/^/    /' >&2 \
            || die "corpus generation failed for N=$n"
        printf '%s' "$stamp" >"$dir/.stamp"
    fi
    # briefings uses theme/ beside its input folder if there is one, else the theme it ships with.
    if [[ -n "$CLI_DLL" && ! -d "$WORK/cli/theme/templates" && ! -e "$dir/theme" ]]; then
        ln -s "$ROOT/theme" "$dir/theme"
    fi

    unset WALL CPU TREE OWN FAIL
    declare -A WALL=() CPU=() TREE=() OWN=() FAIL=()
    variants=()
    if [[ -n "$CLI_DLL" ]]; then
        [[ "$SEARCH_MODE" != off ]] && variants+=(briefings briefings-again)
        [[ "$SEARCH_MODE" != on ]] && variants+=(briefings-no-search)
    fi
    if want hugo; then
        [[ "$SEARCH_MODE" != off && -n "$PAGEFIND" ]] && variants+=(hugo+pagefind)
        [[ "$SEARCH_MODE" != on ]] && variants+=(hugo)
        # Hugo 0.111 peaked at 17.9 GiB for 100,000 briefings: about 185 MiB per 1,000.
        need=$(( n * 185 / 1000 + 512 ))
        avail=$(( $(awk '/MemAvailable/ { print $2 }' /proc/meminfo) / 1024 ))
        if [[ $need -gt $avail && -z "${HUGO_FORCE:-}" ]]; then
            say "bench: skipping hugo at N=$n: it needs about $need MiB, $avail MiB available (HUGO_FORCE=1 runs it anyway)"
            FAIL[hugo]="skipped: needs ~$need MiB"; FAIL[hugo+pagefind]="${FAIL[hugo]}"
        fi
    fi
    for ((r = 1; r <= RUNS; r++)); do
        for v in "${variants[@]}"; do
            [[ -z "${FAIL[$v]:-}" ]] || continue
            # briefings-again builds into the output the run before it made: nothing changed, the index is kept.
            [[ $v == briefings-again && -n "${FAIL[briefings]:-}" ]] && continue
            case "$v" in
                briefings) rm -rf "$dir/out-briefings"; cmd=(dotnet "$CLI_DLL" build --input "$dir/input" --output "$dir/out-briefings") ;;
                briefings-again) cmd=(dotnet "$CLI_DLL" build --input "$dir/input" --output "$dir/out-briefings") ;;
                briefings-no-search) rm -rf "$dir/out-no-search"; cmd=(dotnet "$CLI_DLL" build --input "$dir/input" --output "$dir/out-no-search" --no-search) ;;
                hugo) rm -rf "$dir/out-hugo"; cmd=(hugo --quiet -s "$dir/hugo" -d "$dir/out-hugo") ;;
                hugo+pagefind) rm -rf "$dir/out-hugo-pagefind"
                    cmd=(sh -c 'hugo --quiet -s "$1" -d "$2" && "$3" --site "$2"' sh "$dir/hugo" "$dir/out-hugo-pagefind" "$PAGEFIND") ;;
            esac
            [[ $r -eq 1 && -n "$VERBOSE_FLAG" && $v == briefings* ]] && cmd+=("$VERBOSE_FLAG")
            say "bench: N=$n run $r/$RUNS: $v"
            log="$LOGS/n$n-$v-$r.log"
            timed "$v" "$log" -- "${cmd[@]}"
            if [[ $T_RC -ne 0 ]]; then
                say "bench: $v failed (exit $T_RC) for N=$n; last lines of $log:"
                tail -n 15 "$log" >&2
                FAIL[$v]="exit $T_RC"
                continue
            fi
            WALL[$v]+=" $T_WALL"; CPU[$v]+=" $T_CPU"; TREE[$v]+=" $T_TREE"; OWN[$v]+=" $T_OWN"
            if [[ $r -eq 1 && -n "$VERBOSE_FLAG" && $v == briefings* ]]; then
                STAGES+=("N=$n ($v, run 1: ${cmd[*]:2}):" "$(sed 's/^/    /' "$log")")
            fi
        done
    done

    # One row per variant: its median wall time against the counterpart that makes the same kind of site.
    declare -A BASE=([briefings]=hugo+pagefind [briefings-again]=hugo+pagefind [briefings-no-search]=hugo [hugo+pagefind]=hugo+pagefind [hugo]=hugo)
    declare -A OUT=([briefings]=out-briefings [briefings-again]=out-briefings [briefings-no-search]=out-no-search [hugo+pagefind]=out-hugo-pagefind [hugo]=out-hugo)
    for v in "${variants[@]}"; do
        if [[ -n "${FAIL[$v]:-}" ]]; then
            TABLE+=("| $n | $(label "$v") | ${FAIL[$v]/#exit/failed: exit} | - | - | - | - | - |")
            continue
        fi
        m="$(median <<<"${WALL[$v]}")"
        base="${BASE[$v]}"; bm="-"
        [[ -n "${WALL[$base]:-}" && -z "${FAIL[$base]:-}" ]] && bm="$(median <<<"${WALL[$base]}")"
        own="$(maxof <<<"${OWN[$v]}")"; [[ $v == hugo+pagefind ]] && own="-"
        TABLE+=("| $n | $(label "$v") | $m | $(ratio "$m" "$bm") ($(label "$base")) | $(median <<<"${CPU[$v]}") | $(pages "$dir/${OUT[$v]}") ($(htmls "$dir/${OUT[$v]}") html) | $(maxof <<<"${TREE[$v]}") | $own |")
    done
    bm="-"
    if [[ -n "${WALL[briefings]:-}" ]]; then bm="$(median <<<"${WALL[briefings]}")"
    elif [[ -n "${WALL[briefings-no-search]:-}" ]]; then bm="$(median <<<"${WALL[briefings-no-search]}")"; fi

    # briefings check: same number of runs, median, compared with the build.
    if [[ -n "$CLI_DLL" ]]; then
        c_wall=""; c_rss=""; c_fail=""
        for ((r = 1; r <= RUNS; r++)); do
            say "bench: N=$n run $r/$RUNS: briefings check"
            timed check "$LOGS/n$n-check-$r.log" -- dotnet "$CLI_DLL" check --input "$dir/input"
            if [[ $T_RC -ne 0 ]]; then
                say "bench: briefings check exited $T_RC for N=$n; last lines of $LOGS/n$n-check-$r.log:"
                tail -n 15 "$LOGS/n$n-check-$r.log" >&2
                c_fail="exit $T_RC"
                break
            fi
            c_wall+=" $T_WALL"; c_rss+=" $T_OWN"
        done
        if [[ -n "$c_fail" ]]; then
            CHECKS+=("| $n | failed ($c_fail) | - | - |")
        else
            cm="$(median <<<"$c_wall")"
            CHECKS+=("| $n | $cm | $(ratio "$cm" "$bm") | $(maxof <<<"$c_rss") |")
        fi
    fi
done

# ------------------------------------------------------------------ report
{
    echo "### Benchmark: Briefings vs Hugo"
    echo
    echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM;" \
        "dotnet $(dotnet --version);" \
        "$(if want hugo; then hugo version | awk '{ print "hugo " $2 }'; else echo "hugo not run"; fi);" \
        "$RUNS runs each, median wall time; seed $SEED; load average $LOAD_START at start, $(loadavg) at end."
    echo
    echo "| N | build | median wall s | ratio to | median CPU s (user+sys) | pages: index.html (all .html) | peak RSS MiB, process tree | peak RSS MiB, own process |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    if [[ ${#TABLE[@]} -gt 0 ]]; then printf '%s\n' "${TABLE[@]}"; fi
    echo
    echo "Peak RSS is sampled every 0.1 s: the process tree's is the sum over the build and every process it started"
    echo "(Pagefind), the own process's that of \`dotnet briefings.dll\` (or \`hugo\`) alone."
    if [[ ${#CHECKS[@]} -gt 0 ]]; then
        echo
        echo "| N | briefings check: median wall s | check/build | peak RSS MiB |"
        echo "| ---: | ---: | ---: | ---: |"
        printf '%s\n' "${CHECKS[@]}"
    fi
    if [[ -z "$CLI_DLL" ]] && want briefings; then
        echo
        echo "Briefings not timed: src/Briefings.Cli did not publish (see $LOGS/cli-publish.log)."
    fi
    if [[ ${#NOTES[@]} -gt 0 ]]; then
        echo
        printf '%s\n' "${NOTES[@]}"
    fi
    if [[ ${#STAGES[@]} -gt 0 ]]; then
        echo
        echo "Stage breakdown:"
        echo
        echo '```'
        printf '%s\n' "${STAGES[@]}"
        echo '```'
    elif [[ -n "$CLI_DLL" ]]; then
        echo
        echo "(No stage breakdown: 'briefings build' has no --verbose option yet.)"
    fi
} | tee "$WORK/results.md"
say "bench: results also in $WORK/results.md, logs in $LOGS"
