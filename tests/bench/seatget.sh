#!/usr/bin/env bash
# Seat-availability GET benchmark (run by hand, not part of ctest): `plenary-feed serve` on the sample conference
# against nginx serving the very same bytes as a static file, side by side with wrk in the same run.
#   tests/bench/seatget.sh [BUILD_DIR] [ROUNDS] [DURATION]
# Environment: WRK_THREADS (1), WRK_CONNECTIONS (32), NGINX_AUTO=0 skips the `worker_processes auto` comparison.
# Installs the Debian packages wrk, nginx-light and curl when missing (through sudo when not root).
# Rounds alternate between the servers so that load from other processes hits both alike. Prints the median
# requests per second of each server for a plain GET (200 with the body) and a conditional GET
# (If-None-Match with the server's own ETag, 304), the ratio plenary-feed / nginx, and PASS/FAIL against 0.5.
# On a busy machine wrk and the server share the cores, which squeezes req/s ratios towards 1; the CPU time
# each server used per request (its processes' user + system time over the run) does not depend on that, and is
# printed too, with the ratio of requests per CPU-second.
# Exit status: 0 when both ratios against the single-worker nginx reach 0.5, 1 when one does not, 2 on errors.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-5}
duration=${3:-8s}
threads=${WRK_THREADS:-1}
connections=${WRK_CONNECTIONS:-32}
nginx_auto=${NGINX_AUTO:-1}
feed=$build/bin/plenary-feed
sample=$root/data/sample
target=0.5

fail() { echo "seatget.sh: $*" >&2; exit 2; }
[ -x "$feed" ] || fail "$feed not built (cmake --build $build --target plenary-feed)"

install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}
install_missing wrk nginx-light curl python3
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || fail "nginx not found after installing nginx-light"

scratch=$(mktemp -d)
chmod 755 "$scratch" # nginx workers started by root run as www-data and must read the served file
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

# Waits until a server prints its port (plenary-feed) or answers on it (nginx).
wait_for() {
    local what=$1 pid=$2 check=$3 _
    for _ in $(seq 1 200); do
        eval "$check" && return 0
        kill -0 "$pid" 2>/dev/null || fail "$what exited early (see $scratch)"
        sleep 0.05
    done
    fail "$what did not start"
}

# --- plenary-feed on the sample conference, port 0 -------------------------------------------------------------
feed_args=(serve --conference "$sample/conference.json" --db "$scratch/ledger.sqlite"
    --badges "$sample/badges.json" --seats "$sample/seats.json" --listen 127.0.0.1:0)
# The per-address rate limit would answer most of wrk's requests with 429; pass its off switch where it exists.
if "$feed" --help 2>&1 | grep -q -- '--rate-limit-per-address'; then
    feed_args+=(--rate-limit-per-address 0)
fi
"$feed" "${feed_args[@]}" >"$scratch/feed.out" 2>"$scratch/feed.log" &
feed_pid=$!
pids+=("$feed_pid")
wait_for plenary-feed "$feed_pid" "grep -q '^listening on ' '$scratch/feed.out'"
feed_port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$scratch/feed.out" | head -n 1)
feed_url=http://127.0.0.1:$feed_port/api/seats

# --- the seat document once, as nginx will serve it ---------------------------------------------------------------
mkdir -p "$scratch/www/api"
curl -sS --fail -D "$scratch/feed.headers" -o "$scratch/www/api/seats" "$feed_url" || fail "GET $feed_url failed"
body_bytes=$(stat -c %s "$scratch/www/api/seats")
sessions=$(grep -o '"capacity"' "$scratch/www/api/seats" | wc -l)
header_value() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | head -n 1; }
feed_etag=$(header_value "$scratch/feed.headers" ETag)
[ -n "$feed_etag" ] || fail "plenary-feed sent no ETag"

# --- nginx serving that file on another loopback port ---------------------------------------------------------------
# One worker process by default: plenary-feed answers on a single thread (one Qt event loop), so one nginx
# worker is the like-for-like comparison, and wrk needs the other core of a 2-core machine. `auto` (one worker
# per core) is measured as well, for scale.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
started_port=
start_nginx() {
    local name=$1 workers=$2 port conf pid
    port=$(free_port)
    conf=$scratch/nginx-$name.conf
    mkdir -p "$scratch/nginx-$name"
    cat >"$conf" <<EOF
worker_processes $workers;
daemon off;
pid $scratch/nginx-$name/nginx.pid;
error_log $scratch/nginx-$name/error.log warn;
events { worker_connections 1024; }
http {
    # A log line per request, buffered like plenary-feed's (written out at least every 50 ms).
    access_log $scratch/nginx-$name/access.log combined buffer=64k flush=50ms;
    client_body_temp_path $scratch/nginx-$name;
    proxy_temp_path $scratch/nginx-$name;
    fastcgi_temp_path $scratch/nginx-$name;
    uwsgi_temp_path $scratch/nginx-$name;
    scgi_temp_path $scratch/nginx-$name;
    types { }
    default_type application/json;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port;
        root $scratch/www;
        location / { add_header Cache-Control no-cache; }
    }
}
EOF
    "$nginx" -c "$conf" -e "$scratch/nginx-$name/error.log" >"$scratch/nginx-$name/stderr" 2>&1 &
    pid=$!
    pids+=("$pid")
    wait_for "nginx ($name)" "$pid" "curl -s -o /dev/null 'http://127.0.0.1:$port/api/seats'"
    started_port=$port
    started_pid=$pid
}
start_nginx one 1
nginx1_port=$started_port
servers=(feed nginx1)
declare -A url etag label mainpid
url[feed]=$feed_url
mainpid[feed]=$feed_pid
mainpid[nginx1]=$started_pid
url[nginx1]=http://127.0.0.1:$nginx1_port/api/seats
label[feed]="plenary-feed"
label[nginx1]="nginx, 1 worker"
if [ "$nginx_auto" = 1 ]; then
    start_nginx auto auto
    nginxauto_port=$started_port
    servers+=(nginxauto)
    url[nginxauto]=http://127.0.0.1:$nginxauto_port/api/seats
    mainpid[nginxauto]=$started_pid
    label[nginxauto]="nginx, worker_processes auto"
fi

# Every server must answer the same bytes, and 304 to its own ETag.
for s in "${servers[@]}"; do
    curl -sS --fail -D "$scratch/$s.h" -o "$scratch/$s.body" "${url[$s]}" || fail "GET ${url[$s]} failed"
    etag[$s]=$(header_value "$scratch/$s.h" ETag)
    [ -n "${etag[$s]}" ] || fail "${label[$s]} sent no ETag"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${etag[$s]}" "${url[$s]}")
    [ "$status" = 304 ] || fail "${label[$s]} answered $status, not 304, to If-None-Match"
done
for s in "${servers[@]}"; do
    [ "$s" = feed ] && continue
    cmp -s "$scratch/www/api/seats" "$scratch/$s.body" || fail "${label[$s]} does not serve the same bytes"
done
feed_len=$(stat -c %s "$scratch/feed.body")
[ "$feed_len" = "$body_bytes" ] || fail "the seat document changed size during the run ($body_bytes, $feed_len)"

# CPU clock ticks (user + system) used so far by a process and its children (nginx's workers).
clock_ticks=$(getconf CLK_TCK)
cpu_ticks() {
    local p total=0
    for p in $1 $(pgrep -P "$1" || true); do
        total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
    done
    echo "$total"
}

# One wrk run; prints requests per second and CPU microseconds per request of the server, or fails when any
# answer was not the expected status.
run_wrk() {
    local s=$1 variant=$2 out rps bad before after requests
    out=$scratch/wrk.out
    before=$(cpu_ticks "${mainpid[$s]}")
    if [ "$variant" = conditional ]; then
        wrk -t"$threads" -c"$connections" -d"$duration" -H "If-None-Match: ${etag[$s]}" "${url[$s]}" >"$out"
    else
        wrk -t"$threads" -c"$connections" -d"$duration" "${url[$s]}" >"$out"
    fi
    bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' "$out")
    [ -z "$bad" ] || fail "${label[$s]} ($variant): $bad answers were not 2xx/3xx: $(cat "$out")"
    if grep -q 'Socket errors' "$out"; then
        echo "   (${label[$s]}, $variant: $(grep 'Socket errors' "$out" | sed 's/^ *//'))" >&2
    fi
    after=$(cpu_ticks "${mainpid[$s]}")
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$out")
    requests=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$out")
    [ -n "$rps" ] && [ -n "$requests" ] || fail "no Requests/sec from wrk: $(cat "$out")"
    echo "$rps $(awk -v t=$((after - before)) -v hz="$clock_ticks" -v n="$requests" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }')"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

variants=(plain conditional)
echo "seat-availability GET: $body_bytes-byte document, $sessions sessions; wrk -t$threads -c$connections -d$duration," \
    "$rounds rounds each, alternating ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for v in "${variants[@]}"; do
    for s in "${servers[@]}"; do : >"$scratch/rps.$s.$v"; : >"$scratch/cpu.$s.$v"; done
done
for ((r = 1; r <= rounds; r++)); do
    line="round $r:"
    for v in "${variants[@]}"; do
        for s in "${servers[@]}"; do
            read -r rps cpu < <(run_wrk "$s" "$v")
            [ -n "$cpu" ] || fail "wrk run failed"
            echo "$rps" >>"$scratch/rps.$s.$v"
            echo "$cpu" >>"$scratch/cpu.$s.$v"
            line+=" $s/$v $(printf '%.0f' "$rps")"
        done
    done
    echo "$line"
done
kill -0 "$feed_pid" 2>/dev/null || fail "plenary-feed died during the run (see its log)"
logged=$(grep -c ' GET /api/seats ' "$scratch/feed.log" || true)
echo "plenary-feed logged $logged request lines"

status=0
for v in "${variants[@]}"; do
    feed_median=$(median <"$scratch/rps.feed.$v")
    for s in "${servers[@]}"; do
        m=$(median <"$scratch/rps.$s.$v")
        printf '%-12s %-30s median %9.0f req/s  (min %.0f, max %.0f)  %6.1f us CPU per request\n' "$v" \
            "${label[$s]}" "$m" "$(sort -g "$scratch/rps.$s.$v" | head -1)" "$(sort -g "$scratch/rps.$s.$v" | tail -1)" \
            "$(median <"$scratch/cpu.$s.$v")"
    done
    for s in "${servers[@]}"; do
        [ "$s" = feed ] && continue
        m=$(median <"$scratch/rps.$s.$v")
        ratio=$(awk -v a="$feed_median" -v b="$m" 'BEGIN { printf "%.2f", a / b }')
        verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r >= t) ? "PASS" : "FAIL" }')
        cpu_ratio=$(awk -v a="$(median <"$scratch/cpu.$s.$v")" -v b="$(median <"$scratch/cpu.feed.$v")" \
            'BEGIN { printf "%.2f", a / b }')
        printf '%-12s ratio plenary-feed / %-30s %s  %s (target >= %s); per CPU-second %s\n' "$v" "${label[$s]}" \
            "$ratio" "$verdict" "$target" "$cpu_ratio"
        if [ "$s" = nginx1 ] && [ "$verdict" = FAIL ]; then status=1; fi
    done
done
exit "$status"
