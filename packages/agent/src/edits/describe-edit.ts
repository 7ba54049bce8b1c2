import type { EditCommand, JobProfile } from "@voice-onboarding/protocol";

const named = (items: readonly { id: string; name: string }[], id: string) =>
  items.find((item) => item.id === id)?.name ?? id;

/** One sentence for the model's chat context: what the recruiter changed by hand on a card. */
export function describeEdit(command: EditCommand, before: JobProfile): string {
  const prefix = "The recruiter edited the profile on screen:";
  switch (command.type) {
    case "requirements.update": {
      const fields = Object.entries(command.data.requirements).map(([key, value]) =>
        value === null ? `cleared ${key}` : `${key} = ${JSON.stringify(value)}`,
      );
      return `${prefix} requirements ${fields.join(", ")}.`;
    }
    case "trait.update": {
      const { traitId, ...changes } = command.data;
      return `${prefix} trait "${named(before.traits, traitId)}" now ${JSON.stringify(changes)}.`;
    }
    case "trait.delete":
      return `${prefix} deleted trait "${named(before.traits, command.data.traitId)}".`;
    case "stage.update": {
      const { stageId, ...changes } = command.data;
      return `${prefix} interview stage "${named(before.stages, stageId)}" now ${JSON.stringify(changes)}.`;
    }
    case "stage.delete":
      return `${prefix} deleted interview stage "${named(before.stages, command.data.stageId)}".`;
    case "stages.reorder":
      return `${prefix} reordered the interview stages to ${command.data.stageIds.map((id) => `"${named(before.stages, id)}"`).join(", ")}.`;
    case "nuance.delete":
      return `${prefix} removed the note "${before.nuances.find((n) => n.id === command.data.nuanceId)?.insight ?? command.data.nuanceId}".`;
    case "field.confirm":
      return `${prefix} confirmed ${command.data.field}.`;
  }
}
