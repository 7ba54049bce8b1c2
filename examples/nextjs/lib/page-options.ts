/** `?speed=` plays the replay faster (tests use it); clamped so a typo cannot freeze or flood the page. */
export function parseSpeed(value: string | string[] | undefined): number {
  const speed = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(speed) && speed > 0 ? Math.min(Math.max(speed, 0.25), 1000) : 1;
}

/** `?widgets=2` puts two independent widgets on the page. */
export function parseWidgetCount(value: string | string[] | undefined): number {
  const count = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(count) && count >= 1 ? Math.min(count, 4) : 1;
}
