import type { JobProfile } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MountOptions } from "../../src/element/mount.js";
import { TURN } from "../fixtures.js";

// The widget under the element is tested on its own; here only what the element turns its
// callbacks into: DOM events that bubble out of the element and across a shadow root.
const mounted: MountOptions[] = [];
vi.mock("../../src/element/mount.js", () => ({
  mount: (_target: HTMLElement, options: MountOptions) => {
    mounted.push(options);
    return { update: (next: MountOptions) => mounted.push(next), unmount: () => {} };
  },
}));
const { defineVoiceOnboardingElement } = await import("../../src/element/define.js");

afterEach(() => {
  document.body.innerHTML = "";
  mounted.length = 0;
});

describe("<voice-onboarding> events", () => {
  it("turns the widget's callbacks into composed, bubbling events, metrics included", () => {
    defineVoiceOnboardingElement();
    const host = document.createElement("div");
    const shadow = host.attachShadow({ mode: "open" });
    document.body.append(host);
    const element = document.createElement("voice-onboarding");
    shadow.append(element);
    const seen: [string, unknown][] = [];
    for (const type of ["metrics", "change", "connection", "error"])
      document.addEventListener(`voice-onboarding:${type}`, (event) =>
        seen.push([event.type, (event as CustomEvent).detail]),
      );

    const options = mounted.at(-1) as MountOptions;
    options.onMetrics?.(TURN);
    options.onProfileChange?.({ sessionId: "s" } as JobProfile);
    options.onConnectionChange?.("failed", "token endpoint answered 500");
    options.onError?.({ kind: "invalid_message", message: "bad" });
    expect(seen).toEqual([
      ["voice-onboarding:metrics", TURN],
      ["voice-onboarding:change", { sessionId: "s" }],
      ["voice-onboarding:connection", { status: "failed", reason: "token endpoint answered 500" }],
      ["voice-onboarding:error", { kind: "invalid_message", message: "bad" }],
    ]);
  });

  it("hands the widget one metrics callback for its life, so an update does not re-listen to the room", () => {
    defineVoiceOnboardingElement();
    const element = document.createElement("voice-onboarding");
    document.body.append(element);
    element.setAttribute("theme", "dark");
    element.setAttribute("locale", "de");
    expect(mounted).toHaveLength(3);
    expect(new Set(mounted.map((options) => options.onMetrics)).size).toBe(1);
  });
});
