/**
 * How every browser test and benchmark launches Chromium: Debian's package (nothing downloads a
 * browser), headless-friendly, and no background traffic to hosts this machine cannot reach.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
