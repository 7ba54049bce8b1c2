import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import "../src/styles/index.css";
import { createControlledTransport } from "./controlled-transport.js";

afterEach(cleanup);

describe("microphone permission in Chromium", () => {
  it("asks only on Start, gets the fake microphone, connects and offers mute", async () => {
    const { transport, controlled } = createControlledTransport({ withMicrophone: true });
    render(<VoiceOnboarding transport={transport} />);
    expect(controlled.connects).toBe(0);
    await userEvent.click(screen.getByRole("button", { name: "Start conversation" }));
    await expect.poll(() => controlled.connects).toBe(1);
    expect(controlled.microphone).toEqual([true]);
    const mute = await screen.findByRole("button", { name: "Mute microphone" });
    await userEvent.click(mute);
    await expect.poll(() => controlled.microphone).toEqual([true, false]);
    expect(screen.getByRole("button", { name: "Unmute microphone" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });
});
