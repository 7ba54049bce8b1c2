import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { RoomServiceClient } from "livekit-server-sdk";

/** What scripts/live.ts wrote about the running stack (playwright.config.ts starts it). */
export interface LiveStackState {
  appUrl: string;
  serviceUrl: string;
  livekit: { url: string; httpUrl: string; apiKey: string; apiSecret: string };
  agentName: string;
  workerPid: number;
  modelUrl: string;
  /** The speech stand-ins' control routes (`/stand-in/script`, `faults`, `latency`, `state`). */
  speechControlUrl: string;
  databaseUrl: string;
}

export function liveStack(): LiveStackState {
  return JSON.parse(readFileSync(resolve("test-results/live-stack.json"), "utf8")) as LiveStackState;
}

export function roomService(state = liveStack()): RoomServiceClient {
  return new RoomServiceClient(state.livekit.httpUrl, state.livekit.apiKey, state.livekit.apiSecret);
}

interface ScriptTurn {
  user: string;
  assistant: { say?: string; toolCalls: unknown[] };
}

/** The conversation the scripted model plays (the same file scripts/live.ts gives it). */
export const scriptTurns: ScriptTurn[] = (
  JSON.parse(readFileSync(resolve("../recordings/full-intake.script.json"), "utf8")) as {
    turns: ScriptTurn[];
  }
).turns;

/** Every chat-completions request the scripted model received, newest last. */
export async function modelRequests(state = liveStack()): Promise<{ messages: unknown[] }[]> {
  const response = await fetch(`${new URL(state.modelUrl).origin}/stand-in/requests`);
  return (await response.json()) as { messages: unknown[] }[];
}

/** The LiveKit room of the session a widget of the page uses (the example app keeps it in a cookie). */
export async function roomOfPage(page: Page, slot = "1"): Promise<string> {
  const session = async () =>
    (await page.context().cookies()).find((entry) => entry.name === `vo-session-${slot}`)?.value;
  await expect.poll(session, { message: `the session cookie of widget ${slot}` }).toBeTruthy();
  return `voice-onboarding-${await session()}`;
}

/** Identities in a room now, agents included. */
export async function participantsOf(roomName: string) {
  return (await roomService().listParticipants(roomName)).map((participant) => ({
    identity: participant.identity,
    tracks: participant.tracks.map((track) => track.source),
  }));
}

/**
 * Opens the page signed in, the way the example app documents it: live intakes are for signed-in
 * users, so the page first shows the demo's sign-in form (your ATS has its own login).
 */
export async function openSignedIn(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await page.getByTestId("sign-in").getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("intake-1")).toBeVisible();
  if (path !== "/") await page.goto(path);
  await hydrated(page);
}

/**
 * Until React has hydrated the widget: the server-rendered Start button is visible (and clickable)
 * earlier, and on a busy machine a click before hydration is lost. React marks the DOM nodes it owns.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const start = document.querySelector("[data-testid='intake-1'] .vo-controls button");
    return start !== null && Object.keys(start).some((key) => key.startsWith("__reactProps"));
  });
}

/** One live widget's parts, by role and accessible name. */
export function liveIntake(page: Page, slot = "1") {
  const root: Locator = page.getByTestId(`intake-${slot}`);
  return {
    root,
    start: root.getByRole("button", { name: "Start conversation" }),
    stop: root.getByRole("button", { name: "End conversation" }),
    input: root.getByRole("textbox", { name: "Type a message" }),
    send: root.getByRole("button", { name: "Send" }),
    ring: root.getByRole("progressbar", { name: "Completion" }),
    agentLines: root.locator(".vo-transcript__entry[data-speaker='agent'] .vo-transcript__text"),
    completions: root.getByTestId("host-completions"),
    latency: root.getByTestId("host-latency"),
    close: root.getByRole("button", { name: "Close intake" }),
  };
}

export type LiveIntake = ReturnType<typeof liveIntake>;

/** Types the recruiter's line of a script turn and waits until the agent has answered it. */
export async function playTurn(widget: LiveIntake, index: number): Promise<void> {
  const turn = scriptTurns[index];
  if (!turn) throw new Error(`the script has no turn ${index}`);
  await widget.input.fill(turn.user);
  await widget.send.click();
  const reply = turn.assistant.say;
  if (reply) await expect(widget.agentLines.filter({ hasText: reply.slice(0, 40) })).not.toHaveCount(0);
}
