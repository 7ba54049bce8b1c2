import { complete } from "./chat-client.js";
import type { Persona } from "./persona.js";
import type { Recruiter } from "./recruiter.js";
import type { ModelEndpoint } from "./run-session.js";

const END = "[END]";

function brief(persona: Persona): string {
  const { truth, session } = persona;
  return [
    `You are ${session.recruiter.firstName}, a recruiter talking to an AI intake assistant about a role you are hiring for. Stay in character; never say you are an AI.`,
    `How you talk: ${persona.style}`,
    ...(persona.behaviour.length > 0
      ? [`What you do in this conversation: ${persona.behaviour.join(" ")}`]
      : []),
    "The facts of the role, which only you know (JSON, for you; never read it out as JSON):",
    JSON.stringify(truth),
    "Rules: answer only what the assistant asks, in your own words, one short turn at a time (you may add one related detail). Never invent facts beyond these; a fact missing from them you do not know or will not share. When the assistant summarises, confirm it if it is right or correct what is wrong.",
    `When the assistant says the profile is complete, or you end the conversation as described above, put ${END} at the end of your last line.`,
  ].join("\n\n");
}

/**
 * A model role-plays the persona from its hidden facts, one line per turn (runs with keys). The
 * agent's lines are the role-player's "user" messages, its own lines its "assistant" messages.
 */
export function rolePlayRecruiter(persona: Persona, endpoint: ModelEndpoint): Recruiter {
  const system = brief(persona);
  let ended = false;
  return {
    async next({ transcript }) {
      if (ended) return null;
      const history = transcript.map((entry) => ({
        role: entry.role === "assistant" ? ("user" as const) : ("assistant" as const),
        content: entry.text,
      }));
      const reply = await complete(endpoint, [{ role: "system", content: system }, ...history], {
        temperature: 0.7,
      });
      ended = reply.includes(END);
      const line = reply.replaceAll(END, "").trim();
      return line === "" ? null : line;
    },
  };
}
