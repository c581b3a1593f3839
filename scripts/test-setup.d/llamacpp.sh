#!/usr/bin/env bash
# Fetches the llama.cpp runtime for the in-process tier's tests: the prebuilt CPU libraries that the
# npm package @node-llama-cpp/linux-x64 ships (libllama, libggml*, one libggml-cpu-*.so per CPU
# family). The binding in src/Timmy.Core/Router/Providers/LlamaCpp is written against this exact
# version; change both together. Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="3.22.1"
package="@node-llama-cpp/linux-x64"
target=".tools/llama"
libs="$target/node_modules/$package/bins/linux-x64"
stamp="$target/version"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "llamacpp: the pinned runtime is for Linux x64; the in-process tier's native tests will report it missing"
  exit 0
fi

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] && ls "$libs"/libllama*.so >/dev/null 2>&1; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "llamacpp: npm is not installed, so the llama.cpp runtime cannot be fetched; its tests will say so"
  exit 0
fi

echo "Installing the llama.cpp runtime ($package@$version) into $target..."
mkdir -p "$target"
npm install --prefix "$target" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  "$package@$version" >/dev/null
ls "$libs"/libllama*.so >/dev/null
echo "$version" > "$stamp"
