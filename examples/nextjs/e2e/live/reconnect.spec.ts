/**
 * The recruiter's network drops mid-intake and comes back, on the real stack. The browser context
 * goes offline (no new connection can be made) and the page's open LiveKit connections, the
 * signalling WebSocket and the WebRTC peer connections, are closed, so nothing reaches the page;
 * meanwhile the intake goes on from a second tab of the same session. Back online, livekit-client
 * reconnects on its own, the widget asks the agent for a snapshot, and its cards converge on the
 * changes it missed. (Transcript lines said during the outage are not replayed: only the profile is.)
 */
import { expect, type Page, test } from "@playwright/test";
import { hydrated, liveIntake, openSignedIn, playTurn } from "./stack";

declare global {
  interface Window {
    /** Closes the page's LiveKit WebSockets and every peer connection; returns how many. */
    dropLiveKit?: () => number;
  }
}

/** Keeps the page's LiveKit connections so the test can cut them, as a lost network does. */
async function cuttable(page: Page) {
  await page.addInitScript(() => {
    const open: (WebSocket | RTCPeerConnection)[] = [];
    const NativeSocket = window.WebSocket;
    window.WebSocket = class extends NativeSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        // LiveKit's signalling only (its path is /rtc): the dev server's own socket stays.
        if (this.url.includes("/rtc")) open.push(this);
      }
    };
    const NativePeer = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends NativePeer {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        open.push(this);
      }
    };
    window.dropLiveKit = () => {
      const cut = open.splice(0);
      for (const connection of cut) connection.close();
      return cut.length;
    };
  });
}

test("the recruiter's network drops mid-intake and returns: the widget reconnects and converges on what it missed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await cuttable(page);
  await openSignedIn(page);
  const one = liveIntake(page);
  await one.start.click();
  await expect(one.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(one, 0);
  const requirementsOne = one.root.locator(".vo-card--requirements");
  await expect(requirementsOne).not.toContainText("San Francisco");

  await context.setOffline(true);
  expect(await page.evaluate(() => window.dropLiveKit?.() ?? 0)).toBeGreaterThanOrEqual(2);
  await expect(one.root.getByText("Reconnecting…")).toBeVisible();

  // The intake goes on from another tab of the same session (same sign-in, same session cookie).
  const other = await browser.newContext({ storageState: await context.storageState() });
  const second = await other.newPage();
  await second.goto("/");
  await hydrated(second);
  const two = liveIntake(second);
  await two.start.click();
  await expect(two.root.locator(".vo-card--company")).toContainText("Ledgerline");
  await playTurn(two, 1);
  await expect(two.root.locator(".vo-card--requirements")).toContainText("San Francisco");
  // The dropped page has not seen it: the change went by while it was away.
  await expect(requirementsOne).not.toContainText("San Francisco");

  await context.setOffline(false);
  await expect(requirementsOne).toContainText("San Francisco", { timeout: 60_000 });
  await expect(one.root.getByText("Reconnecting…")).toHaveCount(0);
  // Converged: every card reads as in the tab that never left, and the rings agree.
  for (const card of ["company", "requirements", "traits", "stages", "nuances"]) {
    await expect(one.root.locator(`.vo-card--${card}`)).toHaveText(
      (await two.root.locator(`.vo-card--${card}`).textContent()) ?? "",
    );
  }
  await expect(one.ring).toHaveAttribute(
    "aria-valuenow",
    (await two.ring.getAttribute("aria-valuenow")) ?? "",
  );

  // And the conversation goes on from the page that came back; the other tab sees it too. (The
  // first packet after a full reconnect can vanish in livekit-client: the typed line is an RPC
  // the widget sends again when no answer comes, so this turn still lands.)
  await playTurn(one, 2);
  await expect(two.ring).toHaveAttribute(
    "aria-valuenow",
    (await one.ring.getAttribute("aria-valuenow")) ?? "",
  );
  await other.close();
  await context.close();
});
