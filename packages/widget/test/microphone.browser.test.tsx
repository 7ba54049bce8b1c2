import { cleanup, render, screen } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
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

  it("under StrictMode asks once, connects once, and unmounting ends the session", async () => {
    const consoleError = vi.spyOn(console, "error");
    const { transport, controlled } = createControlledTransport({ withMicrophone: true });
    const disconnect = vi.spyOn(transport, "disconnect");
    const { unmount } = render(
      <StrictMode>
        <VoiceOnboarding transport={transport} />
      </StrictMode>,
    );
    expect(disconnect).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Start conversation" }));
    await expect.poll(() => controlled.connects).toBe(1);
    await expect.poll(() => controlled.microphone).toEqual([true]);
    unmount();
    await expect.poll(() => disconnect.mock.calls.length).toBe(1);
    expect(controlled.sink).toBeNull();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
