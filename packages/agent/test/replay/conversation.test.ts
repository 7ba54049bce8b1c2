/**
 * The model here is a local stand-in speaking the OpenAI chat-completions wire format (no
 * provider is reachable and the conversation must be reproducible). Everything else is real:
 * `voice.AgentSession`, `voice.Agent`, the openai plugin, agents-js tool execution. The tools
 * are throwaway ones so these tests pin the session loop itself.
 */
import { llm, voice } from "@livekit/agents";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { playTurns } from "../../src/replay/conversation.js";
import { parseScript, type ReplayScript } from "../../src/replay/script.js";
import { type StandInSession, startStandInSession } from "../../src/replay/stand-in-session.js";

let running: StandInSession | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function script(turns: unknown[]): ReplayScript {
  return parseScript({ session: { recruiter: { firstName: "Maya" } }, turns });
}

/** Each call waits until `size` calls are in flight at once, or gives up: only parallel execution meets. */
function rendezvous(size: number) {
  let arrived = 0;
  let release: () => void = () => {};
  const everyone = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async (): Promise<string> => {
    arrived += 1;
    if (arrived === size) release();
    const met = await Promise.race([
      everyone.then(() => true),
      new Promise((r) => setTimeout(r, 2000, false)),
    ]);
    return met ? "met the others" : "ran alone";
  };
}

describe("playTurns on a real AgentSession", () => {
  it("runs the tool calls of one model response in parallel and then speaks", async () => {
    const meet = rendezvous(3);
    const tools = Object.fromEntries(
      ["one", "two", "three"].map((name) => [
        name,
        llm.tool({ description: `Tool ${name}.`, parameters: z.object({ n: z.number() }), execute: meet }),
      ]),
    );
    const turns = script([
      {
        user: "Do three things.",
        assistant: {
          toolCalls: [
            { name: "one", arguments: { n: 1 } },
            { name: "two", arguments: { n: 2 } },
            { name: "three", arguments: { n: 3 } },
          ],
          say: "All three done.",
        },
      },
    ]).turns;
    running = await startStandInSession({
      turns,
      agent: new voice.Agent({ instructions: "Be brief.", tools }),
    });

    const result = await playTurns(running.session, turns);

    expect(result.toolResults).toEqual([
      { turn: 0, name: "one", arguments: { n: 1 }, output: JSON.stringify("met the others"), isError: false },
      { turn: 0, name: "two", arguments: { n: 2 }, output: JSON.stringify("met the others"), isError: false },
      {
        turn: 0,
        name: "three",
        arguments: { n: 3 },
        output: JSON.stringify("met the others"),
        isError: false,
      },
    ]);
    expect(result.transcript).toEqual([
      { turn: 0, role: "user", text: "Do three things." },
      { turn: 0, role: "assistant", text: "All three done." },
    ]);
  });

  it("reports a ToolError as an error result and keeps going, with instructions updated between turns", async () => {
    const seen: number[] = [];
    const tools = {
      set_days: llm.tool({
        description: "Set onsite days.",
        parameters: z.object({ days: z.number() }),
        execute: async ({ days }) => {
          if (days > 7) throw new llm.ToolError(`days must be 0-7, got ${days}`);
          seen.push(days);
          return `days set to ${days}`;
        },
      }),
    };
    const turns = script([
      {
        user: "Nine days a week.",
        assistant: {
          toolCalls: [{ name: "set_days", arguments: { days: 9 } }],
          say: "That is more than a week.",
        },
      },
      {
        user: "Sorry, three.",
        assistant: { toolCalls: [{ name: "set_days", arguments: { days: 3 } }], say: "Three it is." },
      },
    ]).turns;
    running = await startStandInSession({
      turns,
      agent: new voice.Agent({ instructions: "version 0", tools }),
    });
    const { agent } = running;

    const result = await playTurns(running.session, turns, (turn) => {
      if (turn === 1) void agent.updateInstructions("version 1");
    });

    expect(result.toolResults).toEqual([
      { turn: 0, name: "set_days", arguments: { days: 9 }, output: "days must be 0-7, got 9", isError: true },
      {
        turn: 1,
        name: "set_days",
        arguments: { days: 3 },
        output: JSON.stringify("days set to 3"),
        isError: false,
      },
    ]);
    expect(seen).toEqual([3]);
    const systemPrompts = running.model.requests.map((request) => request.messages[0]?.content);
    expect(systemPrompts).toEqual(["version 0", "version 0", "version 1", "version 1"]);
  });

  it("fails the replay with the provider's message when the model endpoint refuses a turn", async () => {
    const scripted = script([{ user: "Hello.", assistant: { say: "Hi!" } }]).turns;
    const played = script([{ user: "Something else.", assistant: { say: "Hi!" } }]).turns;
    running = await startStandInSession({
      turns: scripted,
      agent: new voice.Agent({ instructions: "Be brief.", tools: {} }),
    });

    await expect(playTurns(running.session, played)).rejects.toThrow(
      /^turn 0: .*expected user text "Hello\.", got "Something else\."/,
    );
  });
});
