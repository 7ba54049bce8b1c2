import * as z from "zod/mini";
import type { TranscriptEntry } from "../replay/conversation.js";
import { complete } from "./chat-client.js";
import type { ItemMatcher, Matches } from "./match-items.js";
import type { ModelEndpoint } from "./run-session.js";

const MatchReply = z.object({ matches: z.array(z.tuple([z.int(), z.int()])) });
const RepeatReply = z.object({ repeated: z.array(z.object({ question: z.string() })) });

/** The judge answered something that is not the JSON asked for. */
export class JudgeError extends Error {
  override readonly name = "JudgeError";
}

function parseReply<T>(schema: z.ZodMiniType<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, ""));
  } catch {
    throw new JudgeError(`the judge did not answer JSON: ${text.slice(0, 200)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new JudgeError(`the judge's JSON has the wrong shape: ${text.slice(0, 200)}`);
  return parsed.data;
}

const numbered = (items: string[]) => items.map((item, index) => `${index}. ${item}`).join("\n");

/** Matches items by meaning ("Postgres tuning" is "Database Performance"), one-to-one. */
export function judgeMatcher(endpoint: ModelEndpoint): ItemMatcher {
  return async (kind, truth, captured) => {
    if (truth.length === 0 || captured.length === 0) return [];
    const reply = await complete(
      endpoint,
      [
        {
          role: "system",
          content: `You grade a hiring-intake assistant. Match the ${kind} it captured to the ground-truth ${kind} when they mean the same thing (wording may differ; a broader or narrower item that is clearly the same idea matches). Each item matches at most once. Answer JSON only: {"matches": [[truthIndex, capturedIndex], ...]}.`,
        },
        { role: "user", content: `Ground truth:\n${numbered(truth)}\n\nCaptured:\n${numbered(captured)}` },
      ],
      { json: true },
    );
    const seenTruth = new Set<number>();
    const seenCaptured = new Set<number>();
    const matches: Matches = [];
    for (const [t, c] of parseReply(MatchReply, reply).matches) {
      if (t < 0 || t >= truth.length || c < 0 || c >= captured.length) continue;
      if (seenTruth.has(t) || seenCaptured.has(c)) continue;
      seenTruth.add(t);
      seenCaptured.add(c);
      matches.push([t, c]);
    }
    return matches;
  };
}

/** Questions the assistant asked for something the recruiter had already answered (not confirmations). */
export async function judgeRepeatedQuestions(
  endpoint: ModelEndpoint,
  transcript: readonly TranscriptEntry[],
): Promise<number> {
  const lines = transcript.map(
    (entry) => `${entry.role === "user" ? "RECRUITER" : "ASSISTANT"}: ${entry.text}`,
  );
  const reply = await complete(
    endpoint,
    [
      {
        role: "system",
        content:
          'You grade a hiring-intake assistant. List every question the ASSISTANT asked for information the RECRUITER had already given earlier in the conversation. Confirming or summarising what was said ("so 150 to 180, right?") is not a repeat; asking for it again as if unknown is. Answer JSON only: {"repeated": [{"question": "..."}]}.',
      },
      { role: "user", content: lines.join("\n") },
    ],
    { json: true },
  );
  return parseReply(RepeatReply, reply).repeated.length;
}
