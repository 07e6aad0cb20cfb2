#!/usr/bin/env bash
# Time and peak memory of `carmint fetch` of a large file (default 1 GiB of random bytes) through the trustless
# gateway of `carmint serve`, outside `mvn verify`.
#
#   bench/fetch-1g.sh [GIB]
#   bench/fetch-1g.sh [GIB] --raw N[,N...]     block by block, with --raw-concurrency N for each N given
#
# Creates /tmp/carmint-bench-<GIB>g.bin once (shared with cid-1g.sh), starts `carmint serve --data` on a free port
# with its data in a temporary directory, uploads the file with `upload --no-wrap --verify`, then runs three times
# each: `fetch -o` (the content, compared byte for byte with the input), `fetch` (verify only) and `fetch --car`,
# printing wall time and max RSS (GNU time). The service runs on the same machine, so its work shows in the wall
# times (not in the RSS, which is the fetching process's). Needs about 3 x GIB of free space in /tmp.
# With --raw, fetch asks bench/RefuseCarProxy.java (a proxy in front of the service answering 406 to CAR requests,
# so fetch falls back to one ?format=raw request per block) and runs `fetch -o` three times per concurrency, the
# concurrencies alternating within each round; the proxy's copying shows in the wall times too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gib="${1:-1}"
raw=
if [ "${2:-}" = "--raw" ]; then
  raw="${3:?fetch-1g.sh: --raw needs concurrencies, e.g. --raw 1,8}"
fi
file="/tmp/carmint-bench-${gib}g.bin"
bytes=$((gib * 1024 * 1024 * 1024))
[ -x /usr/bin/time ] || { echo "fetch-1g.sh: GNU time (/usr/bin/time) not found; apt-get install time" >&2; exit 2; }

if [ ! -f "$file" ] || [ "$(stat -L -c %s "$file")" -ne "$bytes" ]; then
  echo "creating $file ($bytes random bytes)..." >&2
  head -c "$bytes" /dev/urandom > "$file"
fi
"$here/carmint" --version >/dev/null   # build the CLI if needed

work="$(mktemp -d /tmp/carmint-fetch-bench.XXXXXX)"
serve_pid=
proxy_pid=
cleanup() {
  for pid in $proxy_pid $serve_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
mkfifo "$work/endpoint"
"$here/carmint" serve --port 0 --data "$work/data" --token bench >"$work/endpoint" 2>"$work/serve.err" &
serve_pid=$!
read -r endpoint <"$work/endpoint"
echo "# carmint serve at $endpoint; load average $(cut -d' ' -f1-3 /proc/loadavg)"

root="$(NFT_STORAGE_ENDPOINT="$endpoint" NFT_STORAGE_TOKEN=bench "$here/carmint" upload "$file" --no-wrap --verify)"
echo "# uploaded and verified: $root"

run() {
  local name="$1"; shift
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$here/carmint" fetch "$root" --gateway "$endpoint" "$@" >/dev/null
  read -r wall rss <"$work/time"
  printf '%-22s %8s s %8s MB\n' "$name" "$wall" "$((rss / 1024))"
}

if [ -n "$raw" ]; then
  mkfifo "$work/proxy"
  java "$here/bench/RefuseCarProxy.java" "$endpoint" >"$work/proxy" 2>"$work/proxy.err" &
  proxy_pid=$!
  read -r endpoint <"$work/proxy"
  echo "# refusing CARs at $endpoint: block by block"
  for round in 1 2 3; do
    for n in ${raw//,/ }; do
      run "fetch -o raw x$n" -o "$work/out" --raw-concurrency "$n"
      cmp "$work/out" "$file"
    done
  done
  exit 0
fi
for round in 1 2 3; do
  run "fetch -o" -o "$work/out"
  cmp "$work/out" "$file"
  run "fetch (verify only)"
  run "fetch --car" --car "$work/out"
done
