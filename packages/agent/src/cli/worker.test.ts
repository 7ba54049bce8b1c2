import { describe, expect, it } from "vitest";
import { withLoopMonitorDefault } from "./worker.js";

describe("withLoopMonitorDefault", () => {
  it("sets agents-js's loop-block warning to 250 ms when unset or empty, and keeps an operator's value", () => {
    expect(withLoopMonitorDefault({}).LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS).toBe("250");
    expect(
      withLoopMonitorDefault({ LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS: "" }).LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS,
    ).toBe("250");
    expect(
      withLoopMonitorDefault({ LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS: "100" }).LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS,
    ).toBe("100");
  });
});
