#!/usr/bin/env bash
# Whole-process comparison of carmint with ipfs-car (installed from npm) on the same inputs, runs alternated.
#
#   bench/compare.sh [RUNS]            RUNS defaults to 5; prints medians, ratios and max RSS
#   bench/compare.sh --memory          peak RSS of 'carmint pack' on a 10 GiB file and a 100,000-file folder
#
# Environment: BENCH_DIR   inputs, outputs and the npm install (default /tmp/carmint-bench; needs ~3 GiB free,
#                          ~25 GiB with --memory); inputs are made once (bench/MakeInputs.java) and reused
#              IPFS_CAR_VERSION (default 3.1.0)
# Needs: java 17+, mvn (to build carmint through ./carmint), node + npm, openssl, GNU time (/usr/bin/time).
# Every run of each case comes after one warm-up run of every case (page cache, CDS archive, npm cache), and the
# cases alternate within each round, so a busy machine slows all of them alike. Output CARs go to BENCH_DIR/out.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-/tmp/carmint-bench}"
ipfs_car_version="${IPFS_CAR_VERSION:-3.1.0}"
mode=compare
runs=5
case "${1:-}" in
  --memory) mode=memory ;;
  "") ;;
  *[!0-9]* | 0) echo "usage: bench/compare.sh [RUNS | --memory]" >&2; exit 2 ;;
  *) runs="$1" ;;
esac

for tool in java mvn node npm openssl; do
  command -v "$tool" >/dev/null || { echo "compare.sh: '$tool' not found on PATH" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "compare.sh: GNU time (/usr/bin/time) not found; apt-get install time" >&2; exit 2; }
mkdir -p "$work/out" "$work/results"
cd "$work"

carmint="$repo/carmint"
"$carmint" --version >/dev/null # builds the CLI (and its class-data archive) if needed

# --- inputs (deterministic, made once) ------------------------------------------------------------------------
if [ "$mode" = memory ]; then
  java "$repo/bench/MakeInputs.java" "$work" big10g.bin files100k
else
  java "$repo/bench/MakeInputs.java" "$work" big.bin small10k hamt2000 tiny.txt
fi

# --- measurement ------------------------------------------------------------------------------------------------
# measure NAME CMD... : runs CMD once, appends "seconds maxrss_kb" to results/NAME
measure() {
  local name="$1"; shift
  if ! /usr/bin/time -f "%e %M" -o results/.last "$@" >/dev/null 2>results/.stderr; then
    echo "compare.sh: FAILED: $name: $*" >&2; cat results/.stderr >&2; exit 1
  fi
  tail -1 results/.last >> "results/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$2" '{print $c}' "results/$1"; }
med() { col "$1" 1 | median; }
rss_mb() { col "$1" 2 | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}'; }

machine() {
  echo "# machine: $(nproc) cores ($(awk -F: '/model name/{gsub(/^ /,"",$2); print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "# load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $(java -version 2>&1 | head -1)   node: $(node --version)   openssl: $(openssl version | cut -d' ' -f1-2)"
  echo "# carmint: $("$carmint" --version)   ipfs-car: $ipfs_car_version$([ "$mode" = memory ] || echo "   runs: $runs")"
}

if [ "$mode" = memory ]; then
  rm -f results/*
  machine
  measure mem-pack-10g "$carmint" pack big10g.bin --no-wrap -o out/carmint.car
  measure mem-pack-100k "$carmint" pack files100k -o out/carmint.car
  rm -f out/carmint.car
  printf '\n%-34s %10s %12s\n' "case" "seconds" "max RSS MB"
  printf '%-34s %10s %12s\n' "carmint pack, 10 GiB file" "$(med mem-pack-10g)" "$(rss_mb mem-pack-10g)"
  printf '%-34s %10s %12s\n' "carmint pack, 100,000 files" "$(med mem-pack-100k)" "$(rss_mb mem-pack-100k)"
  exit 0
fi

if [ ! -x "$work/npm/node_modules/.bin/ipfs-car" ]; then
  echo "# installing ipfs-car@$ipfs_car_version into $work/npm" >&2
  mkdir -p "$work/npm"
  (cd "$work/npm" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --loglevel=error "ipfs-car@$ipfs_car_version" >/dev/null)
fi
ipfs_car="$work/npm/node_modules/.bin/ipfs-car"

cases=(openssl-sha256-1g carmint-cid-1g carmint-pack-1g ipfs-car-pack-1g carmint-pack-small ipfs-car-pack-small
  carmint-pack-hamt ipfs-car-pack-hamt carmint-pack-tiny ipfs-car-pack-tiny)
run_case() {
  # Both tools write to a path that does not exist yet: replacing a 1 GiB CAR (page-cache freeing, ext4's flush on
  # rename-over) would time the file system, not the packing.
  rm -f "out/${1%%-pack-*}-${1##*-pack-}.car"
  case "$1" in
    openssl-sha256-1g) measure "$1" openssl dgst -sha256 big.bin ;;
    carmint-cid-1g) measure "$1" "$carmint" cid big.bin --no-wrap ;;
    carmint-pack-1g) measure "$1" "$carmint" pack big.bin --no-wrap -o out/carmint-1g.car ;;
    ipfs-car-pack-1g) measure "$1" "$ipfs_car" pack big.bin --no-wrap --output out/ipfs-car-1g.car ;;
    carmint-pack-small) measure "$1" "$carmint" pack small10k -o out/carmint-small.car ;;
    ipfs-car-pack-small) measure "$1" "$ipfs_car" pack small10k --output out/ipfs-car-small.car ;;
    carmint-pack-hamt) measure "$1" "$carmint" pack hamt2000 -o out/carmint-hamt.car ;;
    ipfs-car-pack-hamt) measure "$1" "$ipfs_car" pack hamt2000 --output out/ipfs-car-hamt.car ;;
    carmint-pack-tiny) measure "$1" "$carmint" pack tiny.txt --no-wrap -o out/carmint-tiny.car ;;
    ipfs-car-pack-tiny) measure "$1" "$ipfs_car" pack tiny.txt --no-wrap --output out/ipfs-car-tiny.car ;;
  esac
}

echo "# warm-up round" >&2
for c in "${cases[@]}"; do run_case "$c"; done
rm -f results/*
machine
for r in $(seq 1 "$runs"); do
  echo "# round $r/$runs" >&2
  for c in "${cases[@]}"; do run_case "$c"; done
done

# Same DAG, same bytes? The comparison is only fair if both tools wrote the same CAR.
same() { if cmp -s "out/carmint-$1.car" "out/ipfs-car-$1.car"; then echo yes; else echo "NO"; fi; }

printf '\n%-24s %10s %12s\n' "case" "median s" "max RSS MB"
for c in "${cases[@]}"; do printf '%-24s %10s %12s\n' "$c" "$(med "$c")" "$(rss_mb "$c")"; done
ratio() { awk -v a="$(med "$1")" -v b="$(med "$2")" 'BEGIN{printf "%.2f", a/b}'; }
echo
echo "carmint cid 1 GiB / openssl dgst -sha256 (target <= 1.0):   $(ratio carmint-cid-1g openssl-sha256-1g)"
echo "carmint pack 1 GiB / openssl dgst -sha256:                  $(ratio carmint-pack-1g openssl-sha256-1g)"
echo "ipfs-car / carmint, pack 1 GiB (target >= 5):               $(ratio ipfs-car-pack-1g carmint-pack-1g)"
echo "ipfs-car / carmint, 10,000 small files (target >= 10):      $(ratio ipfs-car-pack-small carmint-pack-small)"
echo "ipfs-car / carmint, 2,000-entry HAMT directory:             $(ratio ipfs-car-pack-hamt carmint-pack-hamt)"
echo "ipfs-car / carmint, tiny file (target >= 1):                $(ratio ipfs-car-pack-tiny carmint-pack-tiny)"
awk -v c="$(med carmint-pack-1g)" -v i="$(med ipfs-car-pack-1g)" -v o="$(med openssl-sha256-1g)" 'BEGIN{
  printf "throughput, 1 GiB: carmint pack %.0f MB/s, ipfs-car pack %.0f MB/s, openssl sha256 %.0f MB/s\n",
    1073.741824/c, 1073.741824/i, 1073.741824/o}'
awk -v c="$(med carmint-pack-small)" -v i="$(med ipfs-car-pack-small)" 'BEGIN{
  printf "files/s, 10,000 small files: carmint %.0f, ipfs-car %.0f\n", 10000/c, 10000/i}'
echo "identical CARs: 1 GiB $(same 1g), small files $(same small), HAMT $(same hamt), tiny $(same tiny)"
