#!/usr/bin/env bash
# Start-up benchmark (run by hand, not part of ctest): whole processes of `plenary --quit-after-first-frame`
# on the FOSDEM 2025 schedule, already imported into a scratch --data-dir.
#   tests/bench/startup.sh [BUILD_DIR] [RUNS]
# Cold runs drop the page cache first (needs root; skipped otherwise); warm runs follow a warm-up run with the
# page cache as it is. Prints, per mode, the median wall time of the whole process, its user+system CPU time
# (the figure to trust on a shared machine), the app's own "first frame after N ms" and the peak RSS (all from
# /usr/bin/time -v). Set PLENARY_TRACE_STARTUP=1 to get the app's per-step breakdown of one run on stderr.
# QT_QPA_PLATFORM defaults to offscreen; run under `xvfb-run -a env QT_QPA_PLATFORM=xcb` for the real window.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-9}
app=$build/bin/plenary
schedule=$root/tests/data/real/fosdem-2025-schedule.xml
[ -x "$app" ] || { echo "startup.sh: $app not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "startup.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
data=$scratch/data

# Import once; later starts open the cached conference (the most recently opened one) from SQLite.
"$app" --data-dir "$data" --import "$schedule" --quit-after-first-frame >/dev/null

can_drop=0
if [ "$(id -u)" -eq 0 ] && [ -w /proc/sys/vm/drop_caches ]; then can_drop=1; fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_mode() {
    local mode=$1 i wall frame rss
    : >"$scratch/wall" ; : >"$scratch/frame" ; : >"$scratch/rss" ; : >"$scratch/cpu"
    "$app" --data-dir "$data" --quit-after-first-frame >/dev/null # warm-up (also for cold: loads nothing useful)
    for ((i = 0; i < runs; i++)); do
        if [ "$mode" = cold ]; then
            [ "$can_drop" -eq 1 ] || { echo "cold: skipped (needs root to drop caches)"; return; }
            sync
            echo 3 >/proc/sys/vm/drop_caches
        fi
        t0=$(date +%s%N)
        /usr/bin/time -v -o "$scratch/time" "$app" --data-dir "$data" --quit-after-first-frame >"$scratch/out"
        wall=$((($(date +%s%N) - t0) / 1000000))
        rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$scratch/time")
        awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%d\n", (u + s) * 1000 }' \
            "$scratch/time" >>"$scratch/cpu"
        frame=$(sed -n 's/^first frame after \([0-9]*\) ms$/\1/p' "$scratch/out")
        echo "$wall" >>"$scratch/wall"; echo "${frame:-0}" >>"$scratch/frame"; echo "$rss" >>"$scratch/rss"
    done
    printf '%-5s  runs %d  process median %5s ms  cpu median %5s ms  first frame median %5s ms  peak RSS median %6s MB (max %s MB)\n' \
        "$mode" "$runs" "$(median <"$scratch/wall")" "$(median <"$scratch/cpu")" "$(median <"$scratch/frame")" "$(median <"$scratch/rss")" \
        "$(sort -n "$scratch/rss" | tail -1)"
}

echo "plenary start-up, FOSDEM 2025 cached ($(nproc) cores, QT_QPA_PLATFORM=$QT_QPA_PLATFORM)"
run_mode cold
run_mode warm
