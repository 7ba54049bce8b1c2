#!/usr/bin/env bash
# Makes `livekit-server` (the real LiveKit SFU the live tests run against) available on PATH:
# keeps one that is already there at the pinned version, else builds it from the Go module proxy.
# Tags after v1.13.5 may carry `replace` directives, which `go install pkg@version` refuses.
# A cold build takes several minutes and a few hundred MB of modules; Go's caches make later runs fast.
set -euo pipefail
VERSION=1.13.5
BIN_DIR=${LIVEKIT_SERVER_INSTALL_DIR:-/usr/local/bin}

current=$(livekit-server --version 2>/dev/null | awk '{print $NF}' || true)
if [ "$current" = "$VERSION" ]; then
  exit 0
fi
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null 2>&1; then
  echo "livekit-server $VERSION is needed and Go is not installed: install Go >= 1.26, or put any livekit-server >= 1.13 on PATH (https://docs.livekit.io/home/self-hosting/local/)" >&2
  exit 1
fi
echo "building livekit-server $VERSION with go install (first time: several minutes)"
GOTOOLCHAIN=local go install "github.com/livekit/livekit-server/cmd/server@v$VERSION"
built="$(go env GOPATH)/bin/server"
# The test harness also finds it in Go's bin folder, so an unwritable BIN_DIR is not fatal.
if mkdir -p "$BIN_DIR" 2>/dev/null && ln -sf "$built" "$BIN_DIR/livekit-server" 2>/dev/null; then
  livekit-server --version
else
  echo "built $built (could not link it into $BIN_DIR; tests find it there)"
fi
