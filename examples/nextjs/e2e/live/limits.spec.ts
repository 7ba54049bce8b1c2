/**
 * The agent's limits as the recruiter meets them in the widget, on the real stack: typed lines sent
 * faster than the allowance (5 in a row) do not all reach the model, and the agent says so in the
 * transcript instead of answering each.
 */
import { expect, test } from "@playwright/test";
import { liveIntake, modelRequests, openSignedIn } from "./stack";

test("typed lines past the rate limit are refused with a notice the widget shows", async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  const requestsBefore = (await modelRequests()).length;
  for (let line = 1; line <= 12; line++) {
    await widget.input.fill(`quick line ${line}`);
    await widget.send.click();
  }
  await expect(
    widget.agentLines.filter({ hasText: "You're sending messages faster than I can answer" }),
  ).not.toHaveCount(0);
  // A refused line never enters the conversation, so it is in no request's history either.
  const sent = (await modelRequests())
    .slice(requestsBefore)
    .map((request) => JSON.stringify(request.messages));
  const reached = Array.from({ length: 12 }, (_, index) => `quick line ${index + 1}"`).filter((line) =>
    sent.some((body) => body.includes(line)),
  );
  expect(reached.length).toBeLessThan(12);
});
