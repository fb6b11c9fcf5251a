#!/usr/bin/env bash
# Start-up benchmark (run by hand, not part of ctest): whole processes of `plenary --quit-after-first-frame`
# on the FOSDEM 2025 schedule, already imported into a scratch --data-dir. The flag ends the process right after
# the first frame is on screen (no teardown), so a process's run time is its start-up time.
#   tests/bench/startup.sh [BUILD_DIR] [RUNS]
# Platforms: offscreen, and a real X11 window on a private Xvfb when Xvfb is installed (the way a window is mapped
# on a desktop; the app picks Qt Quick's software renderer there since Xvfb has no GPU, and "xcb-gl" forces
# OpenGL on llvmpipe for comparison). Cold runs drop the page cache first (needs root; skipped otherwise); warm
# runs follow a warm-up run. Prints, per mode, the median wall time of the whole process, its user+system CPU
# time, the app's own "first frame after N ms" (counted from main()) and the peak RSS (from /usr/bin/time -v).
# Set PLENARY_TRACE_STARTUP=1 to get the app's per-step breakdown of one run on stderr.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-9}
app=$build/bin/plenary
schedule=$root/tests/data/real/fosdem-2025-schedule.xml
[ -x "$app" ] || { echo "startup.sh: $app not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "startup.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

scratch=$(mktemp -d)
xvfb_pid=
trap 'rm -rf "$scratch"; [ -z "$xvfb_pid" ] || kill "$xvfb_pid"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
data=$scratch/data

# Import once; later starts open the cached conference (the most recently opened one) from SQLite.
QT_QPA_PLATFORM=offscreen "$app" --data-dir "$data" --import "$schedule" --quit-after-first-frame >/dev/null

can_drop=0
if [ "$(id -u)" -eq 0 ] && [ -w /proc/sys/vm/drop_caches ]; then can_drop=1; fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_mode() {
    local mode=$1 label=$2 i wall frame rss
    : >"$scratch/wall" ; : >"$scratch/frame" ; : >"$scratch/rss" ; : >"$scratch/cpu"
    "$app" --data-dir "$data" --quit-after-first-frame >/dev/null # warm-up (also for cold: loads nothing useful)
    for ((i = 0; i < runs; i++)); do
        if [ "$mode" = cold ]; then
            [ "$can_drop" -eq 1 ] || { echo "$label cold: skipped (needs root to drop caches)"; return; }
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
    printf '%-15s  runs %d  process median %5s ms  cpu median %5s ms  first frame median %5s ms  peak RSS median %6s MB (max %s MB)\n' \
        "$label $mode" "$runs" "$(median <"$scratch/wall")" "$(median <"$scratch/cpu")" "$(median <"$scratch/frame")" "$(median <"$scratch/rss")" \
        "$(sort -n "$scratch/rss" | tail -1)"
}

echo "plenary start-up, FOSDEM 2025 cached ($(nproc) cores)"
platform() { # LABEL, then the environment for it
    local label=$1
    shift
    (
        export "$@"
        run_mode cold "$label"
        run_mode warm "$label"
    )
}
platform offscreen QT_QPA_PLATFORM=offscreen
if command -v Xvfb >/dev/null; then
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 0.5
    platform xcb QT_QPA_PLATFORM=xcb DISPLAY="$display"
    platform xcb-gl QT_QPA_PLATFORM=xcb DISPLAY="$display" QSG_RHI_BACKEND=opengl
else
    echo "xcb: skipped (Xvfb is not installed)"
fi
