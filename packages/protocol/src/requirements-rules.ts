import type { Requirements } from "./schemas/requirements.js";

/**
 * Drops what a change of workplace type or equity implies away, so every path (tools, hand
 * edits, the widget's optimistic view) lands on valid requirements: remote has no city and no
 * onsite days, only hybrid has onsite days, no equity has no equity range.
 */
export function normalizeRequirements(requirements: Requirements): Requirements {
  const next = { ...requirements };
  if (next.workplaceType === "remote") delete next.locationCity;
  if (next.workplaceType !== undefined && next.workplaceType !== "hybrid") delete next.onsiteDaysPerWeek;
  if (next.equityOffered === false) delete next.equityRange;
  return next;
}
