import { nameKey } from "./names.js";
import { type JobProfile, normalizeRequirements, type Requirements } from "./schemas/index.js";

export interface ProfileRepair {
  profile: JobProfile;
  /** What was changed, in words (empty when the profile already met today's rules). */
  repairs: string[];
}

/**
 * Brings a profile stored under older, looser rules in line with today's: requirements
 * normalised (a remote role's city and onsite days dropped, an equity range without equity
 * dropped), a minimum above its maximum swapped, trait and stage names made unique ("Go (2)"),
 * stages renumbered 1..n in their order. Nothing else is touched; what cannot be repaired here
 * (a field too long, an unknown enum) is left for the schema to report.
 */
export function repairProfile(profile: JobProfile): ProfileRepair {
  const repairs: string[] = [];
  const requirements = repairRequirements(profile.requirements, repairs);
  const traits = uniqueNames(profile.traits, "trait", repairs);
  const ordered = [...profile.stages].sort((a, b) => a.order - b.order);
  if (ordered.some((stage, index) => stage.order !== index + 1)) repairs.push("stages renumbered 1..n");
  const stages = uniqueNames(ordered, "stage", repairs).map((stage, index) =>
    stage.order === index + 1 ? stage : { ...stage, order: index + 1 },
  );
  if (repairs.length === 0) return { profile, repairs };
  return { profile: { ...profile, requirements, traits, stages }, repairs };
}

function repairRequirements(requirements: Requirements, repairs: string[]): Requirements {
  const next = normalizeRequirements(requirements);
  for (const field of ["locationCity", "onsiteDaysPerWeek", "equityRange"] as const) {
    if (requirements[field] !== undefined && next[field] === undefined)
      repairs.push(`requirements.${field} dropped`);
  }
  const { experienceMinYears: min, experienceMaxYears: max } = next;
  if (min !== undefined && max !== undefined && min > max) {
    next.experienceMinYears = max;
    next.experienceMaxYears = min;
    repairs.push("experience minimum and maximum swapped");
  }
  const pay = next.compensation;
  if (pay?.min !== undefined && pay.max !== undefined && pay.min > pay.max) {
    next.compensation = { ...pay, min: pay.max, max: pay.min };
    repairs.push("compensation minimum and maximum swapped");
  }
  return repairs.length === 0 ? requirements : next;
}

/** Later items whose name another already has get " (2)", " (3)", …: no item is dropped. */
function uniqueNames<Item extends { name: string }>(
  items: readonly Item[],
  kind: string,
  repairs: string[],
): Item[] {
  const taken = new Set<string>();
  return items.map((item) => {
    let name = item.name;
    for (let n = 2; taken.has(nameKey(name)); n += 1) name = `${item.name.trim()} (${n})`;
    taken.add(nameKey(name));
    if (name === item.name) return item;
    repairs.push(`${kind} "${item.name}" renamed "${name}"`);
    return { ...item, name };
  });
}
