import type { ProtocolMessage } from "@voice-onboarding/protocol";
import { completion } from "@voice-onboarding/protocol";

/** One terminal line per committed change: what the widget's cards would show changing. */
export function describeCardChange(message: ProtocolMessage): string {
  switch (message.type) {
    case "profile.snapshot":
      return `[profile] ${completion(message.data.profile)}% complete`;
    case "company.updated":
      return `[company] ${message.data.company.name} updated`;
    case "requirements.updated": {
      const entries = Object.entries(message.data.requirements).map(
        ([key, value]) => `${key}=${JSON.stringify(value)}`,
      );
      return `[requirements] ${entries.join(" ")}`;
    }
    case "trait.created":
    case "trait.updated": {
      const { trait } = message.data;
      return `[trait ${message.type === "trait.created" ? "+" : "~"}] ${trait.name} (${trait.priority}): ${trait.description}`;
    }
    case "trait.deleted":
      return `[trait -] ${message.data.traitId}`;
    case "stage.created":
    case "stage.updated": {
      const { stage } = message.data;
      return `[stage ${message.type === "stage.created" ? "+" : "~"}] ${stage.order}. ${stage.name}: ${stage.description}`;
    }
    case "stage.deleted":
      return `[stage -] ${message.data.stageId}`;
    case "stages.reordered":
      return `[stages] reordered (${message.data.stageIds.length})`;
    case "nuance.captured":
      return `[nuance ${message.data.nuance.category}] ${message.data.nuance.insight}`;
    case "nuance.updated":
      return `[nuance ~ ${message.data.nuance.category}] ${message.data.nuance.insight}`;
    case "nuance.deleted":
      return `[nuance -] ${message.data.nuanceId}`;
    case "field.confirmed":
      return `[confirmed] ${message.data.field}`;
    case "onboarding.completed":
      return "[complete] onboarding completed";
  }
}
