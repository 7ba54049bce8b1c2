import type { Requirements } from "@voice-onboarding/protocol";
import type { ScriptToolCall } from "../replay/script.js";
import {
  type ChatRequest,
  type Reply,
  type RequestMessage,
  textOf,
  toolStepDone,
  userMessageIndexes,
} from "../replay/stand-in-reply.js";
import type { Persona, Reveal } from "./persona.js";
import { nextQuestion } from "./questions.js";

/** Deliberate mistakes, so a test can check the scores fall by the expected amounts. */
export interface ScriptedModelFlaws {
  /** Hears "one-fifty" as fifteen: salary min and max a tenth of what was said. */
  mishearSalary?: boolean;
  /** Never calls capture_nuance. */
  skipNuances?: boolean;
  /** Never records the ground truth's last trait. */
  dropLastTrait?: boolean;
}

/**
 * The keyless stand-in for the model under test: on each persona line it records exactly what the
 * line reveals (tool calls built from the ground truth), then asks about the first gap the system
 * prompt it was sent still lists. It reads its instructions like a model does, so a stale prompt
 * makes it ask again for what it was just told.
 */
export function scriptedModel(persona: Persona, flaws: ScriptedModelFlaws = {}) {
  return (request: ChatRequest): Reply => {
    const { messages } = request;
    const users = userMessageIndexes(messages);
    const lastUser = users.at(-1);
    if (lastUser === undefined) return { kind: "error", message: "the request has no user message" };
    const turn = users.length - 1;
    const line = persona.turns[turn];
    const heard = textOf(messages[lastUser] as RequestMessage).trim();
    if (line === undefined || heard !== line.say) {
      return { kind: "error", message: `turn ${turn}: not a line of persona ${persona.id}: ${heard}` };
    }
    const prompt = instructionsOf(messages);
    if (!toolStepDone(messages, lastUser)) {
      const calls = toolCalls(persona, line.reveals, flaws, prompt);
      if (calls.length > 0) return { kind: "tool_calls", turn, calls };
    }
    return { kind: "say", turn, text: `Got it. ${nextQuestion(prompt)}` };
  };
}

/** The system prompt as sent: agents-js puts the agent's instructions first. */
function instructionsOf(messages: readonly RequestMessage[]): string {
  const first = messages.find((message) => message.role === "system" || message.role === "developer");
  return first === undefined ? "" : textOf(first);
}

function toolCalls(persona: Persona, reveals: Reveal, flaws: ScriptedModelFlaws, prompt: string) {
  const { truth } = persona;
  const calls: ScriptToolCall[] = [];
  const said: Requirements = { ...reveals.said };
  for (const key of reveals.requirements) Object.assign(said, { [key]: truth.requirements[key] });
  if (flaws.mishearSalary && said.compensation) {
    const { min, max } = said.compensation;
    said.compensation = {
      ...said.compensation,
      ...(min !== undefined && { min: min / 10 }),
      ...(max !== undefined && { max: max / 10 }),
    };
  }
  if (Object.keys(said).length > 0)
    calls.push({ name: "update_requirements", arguments: toolArguments(said) });
  const lastTrait = truth.traits.at(-1)?.name;
  for (const trait of truth.traits) {
    if (!reveals.traits.includes(trait.name) || (flaws.dropLastTrait && trait.name === lastTrait)) continue;
    calls.push({ name: "create_trait", arguments: { ...trait } });
  }
  for (const stage of truth.stages) {
    if (!reveals.stages.includes(stage.name)) continue;
    const { name, description, durationMinutes, interviewerRole, actions } = stage;
    calls.push({
      name: "create_interview_stage",
      arguments: {
        name,
        description,
        duration_minutes: durationMinutes,
        interviewer_role: interviewerRole,
        actions,
      },
    });
  }
  if (!flaws.skipNuances) {
    for (const index of reveals.nuances) {
      const nuance = truth.nuances[index];
      if (nuance === undefined) continue;
      calls.push({
        name: "capture_nuance",
        arguments: {
          category: nuance.category,
          insight: nuance.insight,
          verbatim_quote: nuance.verbatimQuote,
        },
      });
    }
  }
  // Completes only once its instructions say nothing is missing, as the prompt tells a model to.
  if (reveals.confirms && !/^Required fields missing:/m.test(prompt)) {
    calls.push({ name: "complete_onboarding", arguments: {} });
  }
  return calls;
}

/** Requirements as `update_requirements` arguments (the tool's snake_case names). */
export function toolArguments(r: Requirements): Record<string, unknown> {
  const args: Record<string, unknown> = {
    job_title: r.jobTitle,
    location_type: r.workplaceType,
    location_city: r.locationCity,
    onsite_days: r.onsiteDaysPerWeek,
    visa_sponsorship: r.visaSponsorship,
    experience_min: r.experienceMinYears,
    experience_max: r.experienceMaxYears,
    salary_min: r.compensation?.min,
    salary_max: r.compensation?.max,
    salary_currency: r.compensation?.currency,
    pay_interval: r.compensation?.interval,
    equity_offered: r.equityOffered,
    equity_range: r.equityRange,
  };
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}
