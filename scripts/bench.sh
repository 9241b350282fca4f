#!/bin/sh
# bench.sh: end-to-end timing of crosscheck as a process on the seeds and on generated stories
# of 100, 1,000 and 10,000 articles, with the peak memory of each run and a read-and-tokenize
# floor over the same files. Corpora are generated into a temporary directory and removed.
#
#   sh scripts/bench.sh                 # all sizes
#   BENCH_SIZES="100 1000" sh scripts/bench.sh
#   BATCH_STORIES=50 BATCH_ARTICLES=10 sh scripts/bench.sh   # a smaller batch row
#
# Figures come from GNU time (/usr/bin/time -v), the best of BENCH_RUNS (3) runs for corpora of
# fewer than 5,000 articles and of one run above; on a machine shared with other work they are
# approximate. Targets: seeds < 100 ms; 1,000 articles < 3 s and < 1 GB; 10,000 < 60 s and
# < 4 GB; 1,000 articles within 10x the floor; 200 stories x 10 articles in batch mode < 5 s on
# both cores. Accuracy (crosscheck eval on the generated case.yaml files) is printed per corpus.
set -eu

GO=${GO:-go}
SIZES=${BENCH_SIZES:-100 1000 10000}
TIME=/usr/bin/time
if ! "$TIME" -v true >/dev/null 2>&1; then
	echo "bench.sh: GNU time is missing: apt-get install -y time" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
$GO build -o "$tmp/crosscheck" ./cmd/crosscheck
$GO build -o "$tmp/benchcorpus" ./internal/benchcorpus

# best NAME N CMD...: measure, N times, keeping the run of least wall time (a shared machine
# slows some runs; the fastest is the one least disturbed). Sets wall, rss and cpu.
best() {
	bname=$1 runs=$2
	shift 2
	bw= br= bc=
	k=0
	while [ "$k" -lt "$runs" ]; do
		measure "$bname" "$@"
		if [ -z "$bw" ] || awk -v a="$wall" -v b="$bw" 'BEGIN {exit !(a < b)}'; then
			bw=$wall br=$rss bc=$cpu
		fi
		k=$((k + 1))
	done
	wall=$bw rss=$br cpu=$bc
}

# runsFor N: how many times a corpus of N articles is run (best of 3 below 5,000 articles).
runsFor() {
	if [ "$1" -lt 5000 ]; then echo "${BENCH_RUNS:-3}"; else echo 1; fi
}

# measure NAME CMD...: runs CMD under GNU time, sets wall (s) and rss (MB).
measure() {
	name=$1
	shift
	if ! "$TIME" -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
		# crosscheck exits 1 when it flags something; only 2 is an error
		if ! grep -q 'Exit status: 1$' "$tmp/$name.time"; then
			echo "bench.sh: $name failed:" >&2
			cat "$tmp/$name.err" >&2
			exit 1
		fi
	fi
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/$name.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/$name.time")
	cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$tmp/$name.time")
}

printf '%-10s %9s %8s %10s %9s %10s %9s %8s\n' corpus articles MB wall_s cpu_s articles/s rss_MB floor_s
row() {
	label=$1 dir=$2 n=$3
	mb=$(find "$dir" -type f ! -name '*.yaml' -exec cat {} + | wc -c | awk '{printf "%.1f", $1 / 1e6}')
	best "floor-$label" "$(runsFor "$n")" "$tmp/benchcorpus" -floor "$dir"
	floor=$wall
	best "run-$label" "$(runsFor "$n")" "$tmp/crosscheck" -out "$tmp/out-$label" -fail-on none "$dir"
	rate=$(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%.0f", (w > 0 ? n / w : 0)}')
	printf '%-10s %9s %8s %10s %9s %10s %9s %8s\n' "$label" "$n" "$mb" "$wall" "$cpu" "$rate" "$rss" "$floor"
	echo "$label $n $wall $rss $floor" >>"$tmp/results"
}

row seeds seeds "$(ls seeds/*.txt | wc -l)"
for n in $SIZES; do
	"$tmp/benchcorpus" -seed 1 -stories 1 -articles "$n" -out "$tmp/corpus-$n" >/dev/null
	row "1x$n" "$(ls -d "$tmp/corpus-$n"/*/)" "$n"
done

# Batch mode: BATCH_STORIES stories of BATCH_ARTICLES articles, one -stories run.
BATCH_STORIES=${BATCH_STORIES:-200}
BATCH_ARTICLES=${BATCH_ARTICLES:-10}
"$tmp/benchcorpus" -seed 1 -stories "$BATCH_STORIES" -articles "$BATCH_ARTICLES" -out "$tmp/batch" >/dev/null
best batch "$(runsFor "$((BATCH_STORIES * BATCH_ARTICLES))")" "$tmp/crosscheck" -stories "$tmp/batch" -out "$tmp/out-batch" -fail-on none
cores=$(awk -v c="$cpu" -v w="$wall" 'BEGIN {printf "%.2f", (w > 0 ? c / w : 0)}')
printf '%-10s %9s %8s %10s %9s %10s %9s %8s\n' "${BATCH_STORIES}x$BATCH_ARTICLES" "$((BATCH_STORIES * BATCH_ARTICLES))" \
	"$(find "$tmp/batch" -type f ! -name '*.yaml' -exec cat {} + | wc -c | awk '{printf "%.1f", $1 / 1e6}')" \
	"$wall" "$cpu" "$(awk -v n="$((BATCH_STORIES * BATCH_ARTICLES))" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')" "$rss" -
echo "batch ${BATCH_STORIES}x$BATCH_ARTICLES $wall $rss $cores" >>"$tmp/results"

# Accuracy on the planted conflicts, agreements and traps of each generated corpus.
echo
echo "accuracy on the generated corpora (crosscheck eval on their case.yaml):"
for n in $SIZES; do
	printf '  1x%-8s %s\n' "$n" "$("$tmp/crosscheck" eval "$tmp/corpus-$n"/*/case.yaml 2>&1 | tail -1)"
done
printf '  %-10s %s\n' "${BATCH_STORIES}x$BATCH_ARTICLES" "$("$tmp/crosscheck" eval "$tmp/batch"/*/case.yaml 2>&1 | tail -1)"
echo

# The targets, each checked against its row.
awk '
function verdict(ok) { return ok ? "ok" : "OVER TARGET" }
$1 == "seeds"   { printf "seeds end to end %.3f s (target < 0.1 s): %s\n", $3, verdict($3 < 0.1) }
$1 == "1x1000"  { printf "1,000 articles %.2f s, %d MB (targets < 3 s, < 1024 MB): %s\n", $3, $4, verdict($3 < 3 && $4 < 1024)
                  printf "1,000 articles at %.1fx the read-and-tokenize floor (target < 10x): %s\n", $3 / $5, verdict($3 < 10 * $5) }
$1 == "1x10000" { printf "10,000 articles %.1f s, %d MB (targets < 60 s, < 4096 MB): %s\n", $3, $4, verdict($3 < 60 && $4 < 4096) }
$1 == "batch"   { printf "batch %s %.2f s on %.2f cores (target < 5 s for 200x10, both cores): %s\n", $2, $3, $5, verdict($3 < 5 && $5 > 1.5) }
$1 ~ /^1x/      { n[++k] = $2; w[k] = $3; m[k] = $4 }
END {
	for (i = 2; i <= k; i++)
		printf "%d -> %d articles (x%.0f): time x%.1f, memory x%.1f\n", n[i-1], n[i], n[i] / n[i-1], w[i] / w[i-1], m[i] / m[i-1]
}' "$tmp/results"
echo "(figures from /usr/bin/time -v on a shared machine: approximate)"
