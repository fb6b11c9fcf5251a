#!/usr/bin/env bash
# Start-up benchmark (run by hand, not part of ctest): whole processes of `plenary --quit-after-first-frame`
# on the FOSDEM 2025 schedule, already imported into a scratch --data-dir. The flag ends the process right after
# the first frame is on screen (no teardown), so a process's run time is its start-up time.
#   tests/bench/startup.sh [BUILD_DIR] [RUNS] [BASELINE_BUILD_DIR | no-prefetch]
# `plenary` is the launcher (app/launcher): it prefetches the files the last start recorded, then becomes the app;
# "no-prefetch" as the baseline runs the same build with PLENARY_PREFETCH=off as the other app.
# With a baseline build (another checkout's build/, e.g. a `git worktree` of the commit to compare with), the two
# apps run in turn, one run of each after the other: this VM's speed drifts by 10-15 % from minute to minute, so
# only interleaved runs compare two builds fairly. Each app gets its own data directory (schemas may differ).
# Platforms: offscreen, and a real X11 window on a private Xvfb when Xvfb is installed (the way a window is mapped
# on a desktop; the app picks Qt Quick's software renderer there since Xvfb has no GPU, and "xcb-gl" forces
# OpenGL on llvmpipe for comparison). Cold runs drop the page cache first (needs root; skipped otherwise); warm
# runs follow a warm-up run. Prints, per mode and app, the median wall time of the whole process, its user+system
# CPU time, the app's own "first frame after N ms" (counted from main()) and the peak RSS (/usr/bin/time -v).
# Set PLENARY_TRACE_STARTUP=1 to get the app's per-step breakdown of one run on stderr.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-9}
baseline=${3:-}
schedule=$root/tests/data/real/fosdem-2025-schedule.xml
apps=("$build/bin/plenary")
labels=(this)
prefetch=(on)
if [ "$baseline" = no-prefetch ]; then
    apps+=("$build/bin/plenary")
    labels+=(no-prefetch)
    prefetch+=(off)
elif [ -n "$baseline" ]; then
    apps+=("$baseline/bin/plenary")
    labels+=(baseline)
    prefetch+=(on)
fi
for app in "${apps[@]}"; do
    [ -x "$app" ] || { echo "startup.sh: $app not built" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "startup.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

scratch=$(mktemp -d)
unset DBUS_SESSION_BUS_ADDRESS # the session bus is chosen per platform below
xvfb_pid=
bus_pid=
trap 'rm -rf "$scratch"; [ -z "$xvfb_pid" ] || kill "$xvfb_pid"; [ -z "$bus_pid" ] || kill "$bus_pid"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_RUNTIME_DIR=$scratch/run
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"

# Starts app J: its own data and cache directories (the cache keeps the launcher's list of start-up files).
start_app() {
    local j=$1
    shift
    if [ "${prefetch[$j]}" = off ]; then
        XDG_CACHE_HOME=$scratch/cache-$j PLENARY_PREFETCH=off "$@"
    else
        XDG_CACHE_HOME=$scratch/cache-$j "$@"
    fi
}

# Import once per app; later starts open the cached conference (the most recently opened one) from SQLite. This
# first start also records the start-up files (and the warm-up run below would, were the record stale).
for i in "${!apps[@]}"; do
    QT_QPA_PLATFORM=offscreen start_app "$i" "${apps[$i]}" --data-dir "$scratch/data-$i" --import "$schedule" \
        --quit-after-first-frame >/dev/null 2>&1
done

can_drop=0
if [ "$(id -u)" -eq 0 ] && [ -w /proc/sys/vm/drop_caches ]; then can_drop=1; fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_mode() {
    local mode=$1 label=$2 i j wall frame rss out
    if [ "$mode" = cold ] && [ "$can_drop" -eq 0 ]; then
        echo "$label cold: skipped (needs root to drop caches)"
        return
    fi
    for j in "${!apps[@]}"; do
        out=$scratch/out-$j
        : >"$out.wall"; : >"$out.frame"; : >"$out.rss"; : >"$out.cpu"
        start_app "$j" "${apps[$j]}" --data-dir "$scratch/data-$j" --quit-after-first-frame >/dev/null 2>&1 # warm-up
    done
    for ((i = 0; i < runs; i++)); do
        for j in "${!apps[@]}"; do
            out=$scratch/out-$j
            if [ "$mode" = cold ]; then
                sync
                echo 3 >/proc/sys/vm/drop_caches
            fi
            t0=$(date +%s%N)
            start_app "$j" /usr/bin/time -v -o "$scratch/time" "${apps[$j]}" --data-dir "$scratch/data-$j" \
                --quit-after-first-frame >"$scratch/stdout" 2>/dev/null
            wall=$((($(date +%s%N) - t0) / 1000000))
            rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$scratch/time")
            awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%d\n", (u + s) * 1000 }' \
                "$scratch/time" >>"$out.cpu"
            frame=$(sed -n 's/^first frame after \([0-9]*\) ms$/\1/p' "$scratch/stdout")
            echo "$wall" >>"$out.wall"; echo "${frame:-0}" >>"$out.frame"; echo "$rss" >>"$out.rss"
        done
    done
    for j in "${!apps[@]}"; do
        out=$scratch/out-$j
        printf '%-15s %-8s runs %d  process median %5s ms  cpu median %5s ms  first frame median %5s ms  peak RSS median %6s MB (max %s MB)\n' \
            "$label $mode" "${labels[$j]}" "$runs" "$(median <"$out.wall")" "$(median <"$out.cpu")" \
            "$(median <"$out.frame")" "$(median <"$out.rss")" "$(sort -n "$out.rss" | tail -1)"
    done
}

echo "plenary start-up, FOSDEM 2025 cached ($(nproc) cores)"
platform() { # LABEL, then the environment for it
    local label=$1 j
    shift
    # A user's list is recorded by their own last start, on their display: the first (warm-up) run records it.
    for j in "${!apps[@]}"; do rm -f "$scratch/cache-$j/plenary/startup-files"; done
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
    # Without a session bus (as in CI), Qt's accessibility bridge has libdbus try `dbus-launch --autolaunch` on
    # X11 (~6 ms): "xcb" is measured that way, "xcb+bus" with a private session bus, as on a desktop.
    platform xcb QT_QPA_PLATFORM=xcb DISPLAY="$display"
    if command -v dbus-daemon >/dev/null; then
        bus=$(dbus-daemon --session --fork --print-address=1 --print-pid=1)
        bus_pid=$(echo "$bus" | sed -n 2p)
        platform xcb+bus QT_QPA_PLATFORM=xcb DISPLAY="$display" DBUS_SESSION_BUS_ADDRESS="$(echo "$bus" | head -n 1)"
    fi
    platform xcb-gl QT_QPA_PLATFORM=xcb DISPLAY="$display" QSG_RHI_BACKEND=opengl
else
    echo "xcb: skipped (Xvfb is not installed)"
fi
