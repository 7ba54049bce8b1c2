import { llm } from "@livekit/agents";
import { Nuance, NuanceCategory } from "@voice-onboarding/protocol";
import { z } from "zod";
import { described, given, optional, parseArgs } from "./args.js";
import { runChange, type ToolDeps } from "./run.js";

const captureNuanceParameters = z.object({
  category: described(NuanceCategory, "Kind of insight"),
  insight: described(Nuance.shape.insight, "The insight in plain language"),
  verbatim_quote: optional(
    Nuance.shape.verbatimQuote.def.innerType,
    "The recruiter's exact words, if useful",
  ),
});

export function nuanceTools(deps: ToolDeps) {
  return {
    capture_nuance: llm.tool({
      description:
        "Capture a qualitative insight that fits no structured field: culture fit, hidden preferences, red flags, selling points, team dynamics, growth path, urgency.",
      parameters: captureNuanceParameters,
      execute: async (raw) => {
        const args = parseArgs(captureNuanceParameters, raw);
        const change = await runChange(deps, (_, { newId }) => {
          const quote = given(args.verbatim_quote) ? { verbatimQuote: args.verbatim_quote } : {};
          const nuance = { id: newId(), category: args.category, insight: args.insight, ...quote };
          return { type: "nuance.captured", data: { nuance } };
        });
        return `Captured ${args.category} insight (${change.profile.nuances.length} insights so far).`;
      },
    }),
  };
}
