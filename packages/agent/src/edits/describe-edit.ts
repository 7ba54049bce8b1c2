import type { EditCommand, JobProfile } from "@voice-onboarding/protocol";
import { cleanText, fence } from "../prompt/sanitize.js";

/** One line of the note; a trait's full text (name, description, 20 signals) fits. */
const MAX_LINE_CHARS = 8_000;

/** A patch as lines: `label: key = value` or `label: cleared key`. */
const patchLines = (label: string, patch: object) =>
  Object.entries(patch).map(([key, value]) =>
    value === null ? `${label}: cleared ${key}` : `${label}: ${key} = ${JSON.stringify(value)}`,
  );

/** An added item's fields without its id (the model names items, never ids). */
const withoutId = ({ id: _id, ...fields }: { id: string }) => JSON.stringify(fields);

const named = (items: readonly { id: string; name: string }[], id: string) =>
  items.find((item) => item.id === id)?.name ?? id;

/** What changed, one fact per line, in the recruiter's own words (uncleaned). */
function editLines(command: EditCommand, before: JobProfile): string[] {
  switch (command.type) {
    case "requirements.update":
      return patchLines("requirements", command.data.requirements);
    case "company.update":
      return patchLines("company", command.data.company);
    case "trait.add":
      return [`added trait ${withoutId(command.data.trait)}`];
    case "stage.add":
      return [`added interview stage ${withoutId(command.data.stage)}`];
    case "nuance.add":
      return [`added the note ${withoutId(command.data.nuance)}`];
    case "nuance.update": {
      const { nuanceId, ...changes } = command.data;
      const insight = before.nuances.find((n) => n.id === nuanceId)?.insight ?? nuanceId;
      return [`the note "${insight}" now ${JSON.stringify(changes)}`];
    }
    case "trait.update": {
      const { traitId, ...changes } = command.data;
      return [`trait "${named(before.traits, traitId)}" now ${JSON.stringify(changes)}`];
    }
    case "trait.delete":
      return [`deleted trait "${named(before.traits, command.data.traitId)}"`];
    case "stage.update": {
      const { stageId, ...changes } = command.data;
      return [`interview stage "${named(before.stages, stageId)}" now ${JSON.stringify(changes)}`];
    }
    case "stage.delete":
      return [`deleted interview stage "${named(before.stages, command.data.stageId)}"`];
    case "stages.reorder":
      return [
        `reordered the interview stages to ${command.data.stageIds.map((id) => `"${named(before.stages, id)}"`).join(", ")}`,
      ];
    case "nuance.delete":
      return [
        `removed the note "${before.nuances.find((n) => n.id === command.data.nuanceId)?.insight ?? command.data.nuanceId}"`,
      ];
    case "field.confirm":
      return [`confirmed ${command.data.field}`];
  }
}

/**
 * The note for the model's chat context after a recruiter changed a card by hand. What they typed
 * is data, fenced like the company research (the system prompt's data rule covers it), so text
 * such as "ignore your instructions" in a trait name can neither instruct the model nor close the fence.
 */
export function describeEdit(command: EditCommand, before: JobProfile): string {
  const lines = editLines(command, before).map((line) => cleanText(line, MAX_LINE_CHARS));
  return `The recruiter edited the profile on screen:\n${fence("recruiter's edit on screen", lines)}`;
}
