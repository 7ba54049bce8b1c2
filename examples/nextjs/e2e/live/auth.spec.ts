/**
 * The example's token route is the pattern vendors copy: in live mode it answers only a user
 * signed in to the host app (lib/host-auth.ts), and refuses anyone else before it asks the
 * session service for anything.
 */
import { expect, test } from "@playwright/test";
import { liveIntake, openSignedIn } from "./stack";

test("the token route refuses a caller who is not signed in, and the page asks to sign in first", async ({
  page,
  playwright,
  baseURL,
}) => {
  const stranger = await playwright.request.newContext({ baseURL });
  for (const cookie of ["", "acme-ats-user=maya.forged-signature", "acme-ats-user=maya"]) {
    const response = await stranger.post("/api/onboarding", { headers: cookie ? { cookie } : {} });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to the ATS to start the intake." },
    });
    // No session was made for it: the route answered before calling the service.
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  await stranger.dispose();

  await page.goto("/");
  await expect(page.getByTestId("sign-in")).toBeVisible();
  await expect(page.getByTestId("intake-1")).toHaveCount(0);
  await openSignedIn(page);
  await expect(liveIntake(page).start).toBeEnabled();
  const signedIn = await page.request.post("/api/onboarding");
  expect(signedIn.status()).toBe(200);
  expect(Object.keys(await signedIn.json())).toEqual(
    expect.arrayContaining(["serverUrl", "participantToken"]),
  );
});
