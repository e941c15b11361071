#!/usr/bin/env bash
# Publishes the native (NativeAOT) notelsp for linux-x64 into OUT (default: .artifacts/native/linux-x64).
# Needs clang and zlib1g-dev (Debian); "clang" or, failing that, "clang-14" is used as the native linker.
# The build treats trim and AOT warnings as errors, so a clean run proves the server is AOT-safe.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/native/linux-x64}
linker=()
if ! command -v clang >/dev/null 2>&1; then
  for candidate in clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$candidate" >/dev/null 2>&1; then linker=(-p:CppCompilerAndLinker="$candidate"); break; fi
  done
fi
dotnet publish server/Cnaemo.NoteLsp.Server.csproj -c Release -r linux-x64 -nologo \
  -p:PublishAot=true -warnaserror "${linker[@]}" -o "$out"
ls -l "$out/notelsp"
