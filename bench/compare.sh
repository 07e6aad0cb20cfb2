#!/usr/bin/env bash
# Whole-process comparison of carmint against ipfs-car (npm) on the same inputs, runs alternated.
#
#   bench/compare.sh [RUNS]          RUNS defaults to 5; prints medians and ratios
#
# Environment: BENCH_DIR (inputs and outputs; default /tmp/carmint-bench; needs ~3.5 GiB free),
#              IPFS_CAR_VERSION (default 3.1.0).
# Needs: java, mvn, node/npm, openssl, GNU time (/usr/bin/time). Builds carmint through ./carmint.
set -euo pipefail
runs="${1:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-/tmp/carmint-bench}"
ipfs_car_version="${IPFS_CAR_VERSION:-3.1.0}"
mkdir -p "$work"
cd "$work"

echo "# machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "# cpu: $(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | sed 's/^ //')"
echo "# java: $(java -version 2>&1 | head -1)"
echo "# node: $(node --version)"

# --- tools -------------------------------------------------------------------------------------------------
"$repo/carmint" --version >/dev/null   # builds the CLI if needed
if [ ! -x "$work/npm/node_modules/.bin/ipfs-car" ]; then
  echo "# installing ipfs-car@$ipfs_car_version into $work/npm" >&2
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund "ipfs-car@$ipfs_car_version" >/dev/null)
fi
ipfs_car="$work/npm/node_modules/.bin/ipfs-car"
echo "# carmint: $("$repo/carmint" --version)   ipfs-car: $ipfs_car_version"

# --- inputs (deterministic) ---------------------------------------------------------------------------------
keystream() { # SIZE SEED -> stdout: AES-128-CTR keystream as in ../shared/vectors/README.md
  local key
  key=$(printf '%s' "$2" | openssl dgst -sha256 -r | cut -c1-32)
  head -c "$1" /dev/zero | openssl enc -aes-128-ctr -K "$key" -iv 00000000000000000000000000000000 -nosalt
}
if [ ! -f big.bin ] || [ "$(stat -c %s big.bin)" != 1073741824 ]; then
  echo "# creating big.bin (1 GiB)" >&2
  keystream 1073741824 bench-1g > big.bin
fi
if [ ! -d small10k ] || [ "$(find small10k -type f | wc -l)" != 10000 ]; then
  echo "# creating small10k (10,000 files of 1-8 KiB)" >&2
  rm -rf small10k && mkdir -p small10k
  keystream 90000000 bench-small > small.pool
  off=0
  for i in $(seq 0 9999); do
    size=$(( 1024 + (i * 7919) % 7169 ))
    d="small10k/d$(( i / 500 ))"
    mkdir -p "$d"
    dd if=small.pool of="$d/f$i.bin" iflag=skip_bytes,count_bytes skip="$off" count="$size" status=none
    off=$((off + size))
  done
  rm -f small.pool
fi
if [ ! -d hamt2000 ] || [ "$(find hamt2000 -type f | wc -l)" != 2000 ]; then
  echo "# creating hamt2000 (2,000 entries in one directory)" >&2
  rm -rf hamt2000 && mkdir -p hamt2000
  for i in $(seq 0 1999); do printf 'entry %d\n' "$i" > "hamt2000/file-$i.txt"; done
fi
printf 'hello world\n' > tiny.txt

# --- measurement --------------------------------------------------------------------------------------------
# run NAME CMD... : appends "seconds maxrss_kb" to $work/results/NAME
mkdir -p results && rm -f results/*
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "results/.last" "$@" >/dev/null 2>results/.stderr || {
    echo "FAILED: $name: $*" >&2; cat results/.stderr >&2; exit 1; }
  cat results/.last >> "results/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$2" '{print $c}' "results/$1"; }

for r in $(seq 1 "$runs"); do
  echo "# run $r/$runs" >&2
  run openssl-sha256      openssl dgst -sha256 big.bin
  run carmint-cid-1g      "$repo/carmint" cid big.bin
  run carmint-pack-1g     "$repo/carmint" pack big.bin -o out-carmint.car
  run ipfs-car-pack-1g    "$ipfs_car" pack big.bin --no-wrap --output out-ipfs-car.car
  run carmint-pack-small  "$repo/carmint" pack small10k -o out-carmint.car
  run ipfs-car-pack-small "$ipfs_car" pack small10k --output out-ipfs-car.car
  run carmint-pack-hamt   "$repo/carmint" pack hamt2000 -o out-carmint.car
  run ipfs-car-pack-hamt  "$ipfs_car" pack hamt2000 --output out-ipfs-car.car
  run carmint-pack-tiny   "$repo/carmint" pack tiny.txt -o out-carmint.car
  run ipfs-car-pack-tiny  "$ipfs_car" pack tiny.txt --no-wrap --output out-ipfs-car.car
done

# same CIDs? (sanity: the comparison is only fair if both computed the same DAG)
c1=$("$repo/carmint" pack big.bin -o out-carmint.car); i1=$("$ipfs_car" pack big.bin --no-wrap --output out-ipfs-car.car)
c2=$("$repo/carmint" pack small10k -o out-carmint.car); i2=$("$ipfs_car" pack small10k --output out-ipfs-car.car)
c3=$("$repo/carmint" pack hamt2000 -o out-carmint.car); i3=$("$ipfs_car" pack hamt2000 --output out-ipfs-car.car)
rm -f out-carmint.car out-ipfs-car.car

printf '\n%-22s %10s %12s\n' "case" "median s" "max RSS MB"
for n in openssl-sha256 carmint-cid-1g carmint-pack-1g ipfs-car-pack-1g carmint-pack-small ipfs-car-pack-small \
         carmint-pack-hamt ipfs-car-pack-hamt carmint-pack-tiny ipfs-car-pack-tiny; do
  printf '%-22s %10s %12s\n' "$n" "$(col "$n" 1 | median)" "$(col "$n" 2 | median | awk '{printf "%.0f", $1/1024}')"
done
ratio() { awk -v a="$(col "$1" 1 | median)" -v b="$(col "$2" 1 | median)" 'BEGIN{printf "%.2f", a/b}'; }
echo
echo "carmint cid 1 GiB / openssl sha256 (target <= 1.0):        $(ratio carmint-cid-1g openssl-sha256)"
echo "ipfs-car pack 1 GiB / carmint pack (target >= 5):          $(ratio ipfs-car-pack-1g carmint-pack-1g)"
echo "ipfs-car / carmint, 10,000 small files (target >= 10):     $(ratio ipfs-car-pack-small carmint-pack-small)"
echo "ipfs-car / carmint, 2,000-entry HAMT directory:            $(ratio ipfs-car-pack-hamt carmint-pack-hamt)"
echo "ipfs-car / carmint, tiny file (target >= 1):               $(ratio ipfs-car-pack-tiny carmint-pack-tiny)"
awk -v s="$(col carmint-pack-1g 1 | median)" 'BEGIN{printf "carmint pack 1 GiB throughput: %.0f MB/s\n", 1073.741824/s}'
echo
echo "same root CID: 1 GiB $([ "$c1" = "$i1" ] && echo yes || echo "NO ($c1 vs $i1)"); small10k $([ "$c2" = "$i2" ] && echo yes || echo "NO ($c2 vs $i2)"); hamt2000 $([ "$c3" = "$i3" ] && echo yes || echo "NO ($c3 vs $i3)")"
