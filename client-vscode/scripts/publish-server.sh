#!/usr/bin/env bash
# Publishes the notelsp server for linux-x64 and puts the one executable the extension needs in dist/server/linux-x64/.
# NativeAOT first (a small native binary that starts at once, without .NET on the user's machine); when that toolchain
# is missing or fails, a self-contained single file, which needs no .NET either but is larger and starts slower.
# Usage: bash client-vscode/scripts/publish-server.sh   (from anywhere; prints which kind it built)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

staging="$root/.artifacts/server-publish"
target="$root/dist/server/linux-x64"
# Like make: a server newer than every source it is built from is reused, so that packaging right after an install
# (or twice in a row) does not publish again. NOTELSP_REPUBLISH=1 forces a new publish.
if [ -x "$target/notelsp" ] && [ -f "$target/KIND" ] && [ "${NOTELSP_REPUBLISH:-}" != "1" ] \
    && [ -z "$(find server rules Directory.Build.props Directory.Packages.props global.json package.json \
                 -path '*/bin' -prune -o -path '*/obj' -prune -o -type f -newer "$target/notelsp" -print -quit)" ]; then
  echo "publish-server: $(cat "$target/KIND") server in $target/notelsp is up to date ($(du -h "$target/notelsp" | cut -f1))"
  exit 0
fi
rm -rf "$staging" "$target"
mkdir -p "$staging" "$target"

kind=""
if dotnet publish server -c Release -r linux-x64 -p:PublishAot=true -o "$staging/aot" -nologo -v q \
    >"$staging/aot.log" 2>&1 && [ -x "$staging/aot/notelsp" ]; then
  kind="nativeaot"
  cp "$staging/aot/notelsp" "$target/notelsp"
else
  echo "publish-server: NativeAOT failed (see $staging/aot.log), falling back to a self-contained single file" >&2
  tail -n 20 "$staging/aot.log" >&2 || true
  dotnet publish server -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
    -p:IncludeNativeLibrariesForSelfExtract=true -o "$staging/single" -nologo -v q
  kind="single-file"
  cp "$staging/single/notelsp" "$target/notelsp"
fi
chmod 755 "$target/notelsp"
echo "$kind" > "$target/KIND"
echo "publish-server: $kind server in $target/notelsp ($(du -h "$target/notelsp" | cut -f1))"
