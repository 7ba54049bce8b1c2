import { type APIRequestContext, expect, test } from "@playwright/test";

interface TokenClaims {
  sub: string;
  video: { room: string; roomJoin: boolean; canPublishData: boolean };
  roomConfig?: { agents?: { agentName: string; metadata: string }[] };
}

function claimsOf(token: string): TokenClaims {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
}

async function fetchToken(request: APIRequestContext, widget: string) {
  const response = await request.post(`/api/onboarding?widget=${widget}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as Record<string, string>;
  return { body, claims: claimsOf(body.participantToken ?? "") };
}

test("with LiveKit configured the page runs live and the widget asks our backend for a room token", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByTestId("mode-badge")).toHaveText("Live — the intake agent joins when you start");

  const tokenResponse = page.waitForResponse((response) => response.url().includes("/api/onboarding"));
  await page.getByRole("button", { name: "Start conversation" }).click();
  const response = await tokenResponse;
  expect(response.status()).toBe(200);
  // The browser gets the room URL and its own token, nothing of the service's credentials.
  const body = (await response.json()) as Record<string, string>;
  expect(Object.keys(body).toSorted()).toEqual(["participantToken", "serverUrl"]);
  expect(body.serverUrl).toBe("ws://127.0.0.1:9");
  // No LiveKit server listens there: the widget tried and says so.
  await expect(page.getByText(/Connecting…|Connection failed/)).toBeVisible();
});

test("each widget keeps its own session across token requests", async ({ page }) => {
  await page.goto("/");
  const first = await fetchToken(page.request, "1");
  const again = await fetchToken(page.request, "1");
  const other = await fetchToken(page.request, "2");

  expect(first.claims.video.room).toMatch(/^voice-onboarding-/);
  expect(first.claims.sub).toMatch(/^recruiter-/);
  expect(first.claims.video.canPublishData).toBe(true);
  expect(first.claims.roomConfig?.agents?.[0]?.agentName).toBeTruthy();
  // A reload asks again and joins the same session's room; another widget has its own.
  expect(again.claims.video.room).toBe(first.claims.video.room);
  expect(other.claims.video.room).not.toBe(first.claims.video.room);
});
