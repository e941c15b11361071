#!/usr/bin/env bash
# Publishes the profiling console (bench/Cnaemo.NoteLsp.Profile) with NativeAOT into OUT (default:
# .artifacts/profile), then keeps only the symbol table of its debug file, which valgrind 3.19 can read (it cannot
# read the DWARF 5 that the publish writes). Count a warm 150 KB lint with:
#   DOTNET_GCgen0size=20000000 valgrind --tool=callgrind --toggle-collect='*Measured*' OUT/profile 150 3
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/profile}
linker=()
if ! command -v clang >/dev/null 2>&1; then
  for candidate in clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$candidate" >/dev/null 2>&1; then linker=(-p:CppCompilerAndLinker="$candidate"); break; fi
  done
fi
dotnet publish bench/Cnaemo.NoteLsp.Profile/Cnaemo.NoteLsp.Profile.csproj -c Release -r linux-x64 -nologo -v q \
  -p:PublishAot=true "${linker[@]}" -o "$out"
if [ -f "$out/profile.dbg" ]; then
  objcopy --decompress-debug-sections "$out/profile.dbg" "$out/profile.sym"
  sections=$(objdump -h "$out/profile.sym" | awk '$2 ~ /^\.debug_/ {printf " -R %s", $2}')
  # shellcheck disable=SC2086
  objcopy $sections "$out/profile.sym"
  rm -f "$out/profile.dbg"
  objcopy --remove-section=.gnu_debuglink "$out/profile" 2>/dev/null || true
  objcopy --add-gnu-debuglink="$out/profile.sym" "$out/profile"
fi
ls -l "$out/profile"
