#!/usr/bin/env bash
# Sums up one logged run of Scripts/fuzz/run.sh (its stderr, e.g. `... 2> fuzz.log`), which may hold several
# libFuzzer segments when load-induced timeouts restarted it:
#   Scripts/fuzz/summarize.sh fuzz.log
# Prints executions (all segments), crashes/ooms, slow inputs, load-induced timeouts and the peak RSS.
set -euo pipefail
log="${1:?usage: Scripts/fuzz/summarize.sh LOG}"
awk '
    /^stat::number_of_executed_units:/ { runs += $2 }
    /^stat::peak_rss_mb:/ { if ($2 > rss) rss = $2 }
    /ERROR: libFuzzer: deadly signal|ERROR: AddressSanitizer|ERROR: libFuzzer: out-of-memory/ { crashes++ }
    /was load-induced/ { load++ }
    /is slow even alone/ { slow++ }
    /^fuzz: .* for [0-9]+s/ { segments++ }
    END { printf "executions %d, segments %d, crashes/ooms %d, slow inputs %d, load-induced timeouts %d, peak RSS %d MB\n",
                 runs, segments, crashes, slow + 0, load + 0, rss }' "$log"
