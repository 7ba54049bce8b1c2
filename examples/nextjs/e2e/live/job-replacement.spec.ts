/**
 * The agent's job process dies mid-intake (SIGKILL). Self-hosted LiveKit does not re-dispatch, so
 * the widget, left without its agent, asks the host's token endpoint again, and the session service
 * dispatches a new agent into the room; that job loads the stored profile and resumes.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { liveIntake, openSignedIn, participantsOf, playTurn, roomOfPage } from "./stack";

/** The job process serving an agent: every log line of a job process names its pid and job id. */
function jobProcessOf(agentIdentity: string): number {
  const jobId = agentIdentity.replace(/^agent-/, "");
  const log = readFileSync(resolve("test-results/live-stack-logs/worker.log"), "utf8");
  const line = log
    .split("\n")
    .find((entry) => entry.includes(`"jobID":"${jobId}"`) && entry.includes('"pid":'));
  const pid = Number(/"pid":(\d+)/.exec(line ?? "")?.[1]);
  if (!pid) throw new Error(`no log line of job ${jobId} names its process`);
  if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("job_proc_lazy_main")) {
    throw new Error(`process ${pid} is not an agents-js job process`);
  }
  return pid;
}

test("the agent's job process is killed mid-intake: a new agent serves the session and resumes", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openSignedIn(page);
  const widget = liveIntake(page);
  await widget.start.click();
  await expect(widget.agentLines.first()).toContainText("Hey Maya!");
  await playTurn(widget, 0);
  await playTurn(widget, 1);
  const roomName = await roomOfPage(page);
  const agents = async () =>
    (await participantsOf(roomName)).filter((participant) => participant.identity.startsWith("agent-"));
  const [killed] = await agents();
  if (!killed) throw new Error("the agent is not in the room");

  process.kill(jobProcessOf(killed.identity), "SIGKILL");
  // LiveKit notices the dead agent when its connection times out; the widget then waits, asks
  // again, and the service dispatches a new job into the room.
  await expect(widget.root.getByText("Waiting for the agent…")).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => (await agents()).map((agent) => agent.identity), { timeout: 90_000 })
    .toEqual([expect.not.stringMatching(killed.identity)]);
  await expect(widget.agentLines.filter({ hasText: "Welcome back, Maya!" })).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(widget.agentLines.filter({ hasText: "Hey Maya!" })).toHaveCount(1);
  // The cards still hold what was stored, and the intake goes on from there.
  await expect(widget.root.locator(".vo-card--company")).toContainText("about 45");
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("San Francisco");
  await playTurn(widget, 2);
  await expect(widget.root.locator(".vo-card--requirements")).toContainText("6");
});
