#!/usr/bin/env bash
# Install Debian's Chromium and its driver for the browser tests (tests/web/),
# unless they are already present. Idempotent; run as root (CI and dev machines are).
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
echo "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
