/**
 * The replay's model is a local stand-in speaking the OpenAI chat-completions wire format:
 * no model provider is reachable here and scripted conversations must be reproducible. These
 * tests prove the format is the real one by letting the real `@livekit/agents-plugin-openai`
 * LLM (and the official `openai` client inside it) consume the stream.
 */
import { initializeLogger, llm } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseScript } from "../../src/replay/script.js";
import { type StandInModel, startStandInModel } from "../../src/replay/stand-in-server.js";

beforeAll(() => initializeLogger({ pretty: false, level: "silent" }));

const script = parseScript({
  session: { recruiter: { firstName: "Maya" } },
  turns: [
    {
      user: "Hybrid in San Francisco, three days a week.",
      assistant: {
        toolCalls: [
          {
            name: "set_location",
            arguments: { city: "San Francisco", onsite_days: 3, note: "a long value ".repeat(5) },
          },
          { name: "set_title", arguments: { title: "Backend Engineer" } },
        ],
        say: "Got it, hybrid in San Francisco three days a week.",
      },
    },
  ],
});

const tools = {
  set_location: llm.tool({
    description: "Set the location.",
    parameters: z.object({ city: z.string(), onsite_days: z.number(), note: z.string() }),
    execute: async () => "ok",
  }),
  set_title: llm.tool({
    description: "Set the title.",
    parameters: z.object({ title: z.string() }),
    execute: async () => "ok",
  }),
};

let model: StandInModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function start(firstTokenDelayMs?: number): Promise<{ stand: StandInModel; plugin: openai.LLM }> {
  model = await startStandInModel(script.turns, { firstTokenDelayMs });
  return {
    stand: model,
    plugin: new openai.LLM({ baseURL: model.baseURL, apiKey: "stand-in", model: model.model }),
  };
}

describe("stand-in model", () => {
  it("holds its first chunk for the fixed first-token delay and records when each request came and was answered", async () => {
    const { stand, plugin } = await start(150);
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "user", content: script.turns[0]?.user ?? "" });
    const asked = Date.now();
    const response = await plugin.chat({ chatCtx, toolCtx: tools }).collect();

    expect(response.toolCalls).toHaveLength(2);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(149); // a timer may fire a millisecond early
    const [timing] = stand.timings;
    expect(timing?.kind).toBe("tool_calls");
    expect((timing?.firstChunkAt ?? 0) - (timing?.receivedAt ?? 0)).toBeGreaterThanOrEqual(149);
    expect(timing?.receivedAt).toBeGreaterThanOrEqual(asked);
  });

  it("streams several tool calls with fragmented arguments that the openai plugin reassembles", async () => {
    const { stand, plugin } = await start();
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "system", content: "You are the intake agent." });
    chatCtx.addMessage({ role: "user", content: script.turns[0]?.user ?? "" });

    const response = await plugin.chat({ chatCtx, toolCtx: tools }).collect();

    expect(response.text).toBe("");
    expect(response.toolCalls.map((call) => [call.callId, call.name, JSON.parse(call.args)])).toEqual([
      [
        "call_t0_0",
        "set_location",
        { city: "San Francisco", onsite_days: 3, note: "a long value ".repeat(5) },
      ],
      ["call_t0_1", "set_title", { title: "Backend Engineer" }],
    ]);
    expect(response.usage?.completionTokens).toBeGreaterThan(0);
    const [request] = stand.requests;
    expect(request?.stream).toBe(true);
    expect(request?.tools?.map((tool) => tool.function.name).sort()).toEqual(["set_location", "set_title"]);
    expect(request?.messages.map((message) => message.role)).toEqual(["system", "user"]);
  });

  it("answers with the spoken text once the tool results are in the history", async () => {
    const { plugin } = await start();
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "user", content: script.turns[0]?.user ?? "" });
    const first = await plugin.chat({ chatCtx, toolCtx: tools }).collect();
    for (const call of first.toolCalls) {
      chatCtx.insert([
        call,
        llm.FunctionCallOutput.create({ callId: call.callId, name: call.name, output: "ok", isError: false }),
      ]);
    }

    const second = await plugin.chat({ chatCtx, toolCtx: tools }).collect();

    expect(second.toolCalls).toEqual([]);
    expect(second.text).toBe("Got it, hybrid in San Francisco three days a week.");
  });

  it("answers GET /models, which the plugin's prewarm calls", async () => {
    const { stand } = await start();
    const response = await fetch(`${stand.baseURL}/models`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: "list", data: [{ id: stand.model }] });
  });

  it("fails the request with a 400, as a provider would, when the conversation leaves the script", async () => {
    const { plugin } = await start();
    const errors: string[] = [];
    plugin.on("error", (event) => errors.push(event.error.message));
    const chatCtx = llm.ChatContext.empty();
    chatCtx.addMessage({ role: "user", content: "Something the script never said." });

    const stream = plugin.chat({
      chatCtx,
      toolCtx: tools,
      connOptions: { maxRetry: 0, retryIntervalMs: 0, timeoutMs: 5000 },
    });
    const response = await stream.collect();

    expect(response.text).toBe("");
    expect(errors).toEqual([expect.stringMatching(/400 turn 0: expected user text "Hybrid/)]);
  });
});
