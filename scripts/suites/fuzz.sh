#!/usr/bin/env bash
# Fuzzes the language server over stdio for a fixed budget (FUZZ_SECONDS, 60 by default) with a printed seed
# (FUZZ_SEED to replay one): mutated headers, bodies, protocol fields and sequences, a probe after each frame, and the
# frames of tests/fuzz/corpus/ replayed first. Passes with 0 deaths, 0 hangs and no document word in the logs.
# Frames that failed are kept in .artifacts/fuzz-failures/ to be added to the corpus.
# Usage: bash scripts/suites/fuzz.sh RESULTFILE
set -uo pipefail
results=${1:?usage: fuzz.sh RESULTFILE}
cd "$(dirname "$0")/../.."
dll="server/bin/Release/net10.0/notelsp.dll"
seed_args=()
[ -n "${FUZZ_SEED:-}" ] && seed_args=(--seed "$FUZZ_SEED")
out=$(mktemp)
if python3 tests/fuzz/lsp_fuzz.py --server "dotnet $dll" --seconds "${FUZZ_SECONDS:-60}" "${seed_args[@]}" \
     --failures .artifacts/fuzz-failures | tee "$out"; then
  echo "ok - fuzz: $(grep -o 'seed [0-9]*' "$out" | head -1), $(tail -1 "$out" | sed 's/^fuzz: //; s/ |.*//')" >> "$results"
  rm -f "$out"
else
  echo "not ok - fuzz: $(grep -o 'seed [0-9]*' "$out" | head -1), $(tail -1 "$out" | sed 's/^fuzz: //; s/ |.*//')" >> "$results"
  rm -f "$out"
  exit 1
fi
