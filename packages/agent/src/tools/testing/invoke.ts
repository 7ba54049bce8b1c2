import { llm } from "@livekit/agents";
import { expect } from "vitest";
import type { CreateSessionInput } from "../../service/session-input.js";
import { type CreateStore, createHarness, type TestHarness } from "../../service/testing/fixtures.js";
import { createIntakeTools, type IntakeToolName, type IntakeTools } from "../intake-tools.js";

export interface ToolHarness extends TestHarness {
  tools: IntakeTools;
  /** Calls a tool's `execute` the way agents-js does: raw (possibly null) args and `createToolOptions`. */
  call(name: IntakeToolName, args?: Record<string, unknown>): Promise<string>;
  /** Expects the call to fail with a `ToolError` matching `message`, and nothing to be written. */
  refuses(name: IntakeToolName, args: Record<string, unknown>, message: RegExp): Promise<void>;
}

let calls = 0;

export async function createToolHarness(
  options: { createStore?: CreateStore; session?: CreateSessionInput } = {},
): Promise<ToolHarness> {
  const harness = await createHarness(options);
  const tools = createIntakeTools({ service: harness.service, sessionId: harness.sessionId });
  const call = async (name: IntakeToolName, args: Record<string, unknown> = {}) => {
    const tool = tools[name];
    // Raw model output is untyped; the tool validates it itself.
    const result = await tool.execute(args as never, llm.createToolOptions(`call-${++calls}`));
    return String(result);
  };
  const refuses = async (name: IntakeToolName, args: Record<string, unknown>, message: RegExp) => {
    const before = await harness.service.load(harness.sessionId);
    const published = harness.publisher.messages.length;
    const error = await call(name, args).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(llm.ToolError);
    expect((error as Error).message).toMatch(message);
    expect(await harness.service.load(harness.sessionId)).toEqual(before);
    expect(harness.publisher.messages).toHaveLength(published);
  };
  return { ...harness, tools, call, refuses };
}
