// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

describe("server rendering", () => {
  it("imports without a window and renders the idle widget", async () => {
    expect(typeof window).toBe("undefined");
    const { VoiceOnboarding, createReplayTransport } = await import("../src/index.js");
    const html = renderToString(
      <VoiceOnboarding transport={createReplayTransport({ recording: [] })} theme="light" />,
    );
    expect(html).toContain('class="vo-root"');
    expect(html).toContain('data-theme="light"');
    expect(html).toContain("Start conversation");
    expect(html).toContain('aria-live="polite"');
  });
});
