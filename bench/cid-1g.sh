#!/usr/bin/env bash
# Throughput of `carmint cid` on a large file (default 1 GiB of random bytes), outside `mvn verify`.
#
#   bench/cid-1g.sh [GIB] [extra carmint cid options...]
#
# Creates /tmp/carmint-bench-<GIB>g.bin once, runs `./carmint cid` three times (after one warm-up run that also
# builds the CLI if needed) and prints wall time, throughput and max RSS of each run, then the median. Uses
# /usr/bin/time when present. Numbers depend on the machine and its load; compare runs on the same machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gib="${1:-1}"
shift || true
file="/tmp/carmint-bench-${gib}g.bin"
bytes=$((gib * 1024 * 1024 * 1024))

if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" -ne "$bytes" ]; then
  echo "creating $file ($bytes random bytes)..." >&2
  head -c "$bytes" /dev/urandom > "$file"
fi

"$here/carmint" --version >/dev/null   # build the CLI if needed
"$here/carmint" cid "$file" "$@" >/dev/null  # warm the page cache

walls=()
for run in 1 2 3; do
  if [ -x /usr/bin/time ]; then
    out="$( { /usr/bin/time -f '%e %M' "$here/carmint" cid "$file" "$@" >/tmp/carmint-bench-cid.txt; } 2>&1 | tail -1)"
    wall="${out% *}"
    rss="${out#* }"
  else
    start=$(date +%s.%N)
    "$here/carmint" cid "$file" "$@" >/tmp/carmint-bench-cid.txt
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    rss="?"
  fi
  walls+=("$wall")
  mbs=$(echo "scale=1; $bytes / 1000000 / $wall" | bc)
  echo "run $run: $(cat /tmp/carmint-bench-cid.txt)  ${wall}s  ${mbs} MB/s  max RSS ${rss} KB"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
echo "median: ${median}s = $(echo "scale=1; $bytes / 1000000 / $median" | bc) MB/s for $gib GiB ($(nproc) cores)"
