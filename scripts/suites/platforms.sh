#!/usr/bin/env bash
# The platform packages besides Windows (issue #15): linux-x64, darwin-arm64, darwin-x64 and linux-arm64 are built by
# scripts/package-platforms, exactly as a release would build them, and each is checked to carry its own system's
# server only, in the right executable format and for the right processor (ELF x64, Mach-O arm64, Mach-O x64,
# ELF arm64), with no debug file. CI cannot run the macOS and arm64 servers; the Windows package has its own suite
# (windows.sh), which also runs its server under Wine, and the VS Code suite installs the Linux package into
# code-server (its native server, built here, is found up to date there).
# Usage: bash scripts/suites/platforms.sh RESULTFILE
set -uo pipefail
results=${1:?usage: platforms.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
targets=(linux-x64 darwin-arm64 darwin-x64 linux-arm64)
mkdir -p "$root/.artifacts"
log="$root/.artifacts/package-other-platforms.log"

echo "platforms: building ${targets[*]}" >&2
if ! bash scripts/package-platforms "${targets[@]}" > "$log" 2>&1; then
  tail -20 "$log" >&2
  echo "not ok - platforms: scripts/package-platforms ${targets[*]} failed (see .artifacts/package-other-platforms.log)" >> "$results"
  exit 1
fi
grep '^package-platforms: dist/' "$log" >&2
packages=()
for target in "${targets[@]}"; do packages+=("$root/dist/notelsp-$target.vsix"); done
python3 scripts/check-vsix-executables.py "$results" "${packages[@]}" > /dev/null
