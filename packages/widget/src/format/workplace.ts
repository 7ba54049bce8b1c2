import type { Requirements } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";

type WorkplaceLabels = Pick<CardMessages, "workplaceTypes" | "onsiteDaysValue">;
type Location = Pick<Requirements, "workplaceType" | "locationCity" | "onsiteDaysPerWeek">;

/** "Hybrid · Berlin · 3 days onsite a week"; undefined when nothing about the location is known. */
export function formatWorkplace(location: Location, labels: WorkplaceLabels): string | undefined {
  const { workplaceType, locationCity, onsiteDaysPerWeek } = location;
  const parts = [
    workplaceType && labels.workplaceTypes[workplaceType],
    locationCity,
    // Onsite days only mean something for a hybrid role.
    workplaceType === "hybrid" && onsiteDaysPerWeek !== undefined
      ? labels.onsiteDaysValue(onsiteDaysPerWeek)
      : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(" · ") : undefined;
}
