import { llm } from "@livekit/agents";
import { type ProtocolMessage, Trait, TraitPriority } from "@voice-onboarding/protocol";
import { z } from "zod";
import type { ChangeDraft } from "../service/index.js";
import { described, given, optional, parseArgs } from "./args.js";
import { findNamed, mergeTexts, notFound, nothingToUpdate } from "./names.js";
import { runChange, stillNeeded, type ToolDeps } from "./run.js";

const { name, description, signals } = Trait.shape;

const createTraitParameters = z.object({
  name: described(name, "Conceptual trait name, e.g. 'Distributed Systems', not a single technology"),
  description: described(description, "1-2 sentences on what this trait means for this role"),
  priority: optional(TraitPriority, "must_have (default) or nice_to_have"),
  signals: optional(signals, "What to look for in candidates"),
});

const updateTraitParameters = z.object({
  trait_name: described(name, "Name of the trait to update"),
  new_description: optional(description, "Replacement description"),
  new_priority: optional(TraitPriority, "must_have or nice_to_have"),
  add_signals: optional(signals, "Signals to add to the existing ones"),
});

const deleteTraitParameters = z.object({
  trait_name: described(name, "Name of the trait to delete"),
});

function savedTrait(message: ProtocolMessage | null): Trait {
  if (message?.type === "trait.created" || message?.type === "trait.updated") return message.data.trait;
  throw new Error(`expected a trait message, got ${message?.type}`);
}

export function traitTools(deps: ToolDeps) {
  return {
    create_trait: llm.tool({
      description:
        "Create a candidate trait. Traits are conceptual (like 'Backend Architecture'), not single technologies (like 'Python'). Every trait needs a description. An existing trait with the same name is updated instead.",
      parameters: createTraitParameters,
      execute: async (raw) => {
        const args = parseArgs(createTraitParameters, raw);
        const change = await runChange(deps, (profile, { newId }): ChangeDraft => {
          const existing = findNamed(profile.traits, args.name);
          const fields = { description: args.description, priority: args.priority ?? "must_have" };
          if (existing) {
            const trait = {
              ...existing,
              ...fields,
              priority: args.priority ?? existing.priority,
              signals: mergeTexts(existing.signals, args.signals ?? []),
            };
            return { type: "trait.updated", data: { trait } };
          }
          const trait = {
            id: newId(),
            name: args.name,
            ...fields,
            signals: mergeTexts([], args.signals ?? []),
          };
          return { type: "trait.created", data: { trait } };
        });
        const trait = savedTrait(change.message);
        const verb = change.message?.type === "trait.created" ? "Created" : "Updated existing";
        return `${verb} trait ${trait.name} (${trait.priority}). ${stillNeeded(change.profile)}`;
      },
    }),

    update_trait: llm.tool({
      description: "Update an existing trait: its description, priority, or add signals.",
      parameters: updateTraitParameters,
      execute: async (raw) => {
        const args = parseArgs(updateTraitParameters, raw);
        const change = await runChange(deps, (profile) => {
          if (!given(args.new_description) && !given(args.new_priority) && !args.add_signals?.length) {
            return nothingToUpdate(["new_description", "new_priority", "add_signals"]);
          }
          const existing = findNamed(profile.traits, args.trait_name);
          if (!existing) return notFound("trait", args.trait_name, profile.traits);
          const trait = {
            ...existing,
            description: args.new_description ?? existing.description,
            priority: args.new_priority ?? existing.priority,
            signals: mergeTexts(existing.signals, args.add_signals ?? []),
          };
          return { type: "trait.updated", data: { trait } };
        });
        const trait = savedTrait(change.message);
        return `Updated trait ${trait.name} (${trait.priority}, ${trait.signals.length} signals).`;
      },
    }),

    delete_trait: llm.tool({
      description: "Delete a trait that is no longer relevant.",
      parameters: deleteTraitParameters,
      execute: async (raw) => {
        const args = parseArgs(deleteTraitParameters, raw);
        const change = await runChange(deps, (profile) => {
          const existing = findNamed(profile.traits, args.trait_name);
          if (!existing) return notFound("trait", args.trait_name, profile.traits);
          return { type: "trait.deleted", data: { traitId: existing.id } };
        });
        const deleted = findNamed(change.previous.traits, args.trait_name)?.name;
        return `Deleted trait ${deleted}. ${change.profile.traits.length} traits remain. ${stillNeeded(change.profile)}`;
      },
    }),
  };
}
