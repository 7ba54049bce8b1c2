import type { TranscriptEntry } from "../replay/conversation.js";
import type { Persona } from "./persona.js";

export interface RecruiterContext {
  /** 0-based index of the line to say. */
  turn: number;
  /** The conversation so far; the agent's opening line is turn -1. */
  transcript: readonly TranscriptEntry[];
}

/** The simulated recruiter: the next line, or null when they end the conversation. */
export interface Recruiter {
  next(context: RecruiterContext): Promise<string | null>;
}

/** Says the persona's scripted lines in order (keyless runs). */
export function scriptedRecruiter(persona: Persona): Recruiter {
  return { next: async ({ turn }) => persona.turns[turn]?.say ?? null };
}
