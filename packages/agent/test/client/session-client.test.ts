/**
 * The typed client against the real session service in process: the same createSessionServer,
 * ProfileService and embedded PGlite store `serve` wires up, over HTTP on loopback.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionClient } from "../../src/client/index.js";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";
import { BOOTSTRAP_KEY, startService } from "../server/service-harness.js";

const API_KEY = BOOTSTRAP_KEY;
let store: PgliteStore;
let service: Awaited<ReturnType<typeof startService>>;
let baseUrl: string;

beforeAll(async () => {
  store = await createPgliteStore();
  service = await startService(store);
  baseUrl = `${service.base}/`;
});

afterAll(async () => {
  await service.close();
  await store.close();
});

const intake = {
  recruiter: { firstName: "Maya", lastName: "Chen" },
  company: { name: "Acme <Pay>", tagline: "Payments for the long tail" },
  profile: {
    requirements: {
      jobTitle: "Backend Engineer",
      workplaceType: "onsite" as const,
      locationCity: "Lisbon",
      compensation: { min: 70000, max: 90000, currency: "EUR" },
    },
    traits: [{ name: "Distributed systems", description: "Ran services at scale." }],
    stages: [{ name: "Phone screen", description: "Motivation", durationMinutes: 30 }],
  },
};

describe("createSessionClient", () => {
  const client = () => createSessionClient({ baseUrl, apiKey: API_KEY });

  it("creates a session, reads its snapshot and gets a token, each as a typed value", async () => {
    const created = await client().createSession(intake);
    if (!created.ok) throw new Error(`createSession failed: ${JSON.stringify(created.error)}`);
    expect(created.status).toBe(201);
    const snapshot = await client().getSession(created.value.sessionId);
    if (!snapshot.ok) throw new Error(`getSession failed: ${JSON.stringify(snapshot.error)}`);
    expect(snapshot.value.type).toBe("profile.snapshot");
    expect(snapshot.value.data.profile.requirements.compensation).toEqual({
      min: 70000,
      max: 90000,
      currency: "EUR",
      interval: "year",
    });
    const token = await client().issueToken(created.value.sessionId);
    expect(token).toMatchObject({
      ok: true,
      status: 201,
      value: {
        roomName: `voice-onboarding-${created.value.sessionId}`,
        serverUrl: "wss://example.livekit.cloud",
      },
    });
  });

  it("returns the service's refusals as values with their code", async () => {
    expect(await client().getSession("no-such-session")).toEqual({
      ok: false,
      error: {
        kind: "http",
        status: 404,
        code: "not_found",
        message: expect.stringContaining("no-such-session"),
      },
    });
    const wrongKey = await createSessionClient({ baseUrl, apiKey: "wrong" }).createSession(intake);
    expect(wrongKey).toMatchObject({ ok: false, error: { kind: "http", status: 401, code: "unauthorized" } });
    const invalid = await client().createSession({ ...intake, recruiter: { firstName: "" } });
    expect(invalid).toMatchObject({
      ok: false,
      error: {
        kind: "http",
        status: 400,
        code: "invalid_request",
        message: expect.stringMatching(/^recruiter\.firstName/),
      },
    });
  });

  it("tells no answer and an unreadable answer apart", async () => {
    const closed = createServerOnFreePortThenClose();
    const unreachable = await createSessionClient({ baseUrl: await closed, apiKey: API_KEY }).health();
    expect(unreachable).toMatchObject({ ok: false, error: { kind: "network" } });
    const proxyPage = async () =>
      new Response("<html>Bad gateway</html>", { status: 200, headers: { "content-type": "text/html" } });
    const garbled = await createSessionClient({ baseUrl, apiKey: API_KEY, fetch: proxyPage }).health();
    expect(garbled).toMatchObject({ ok: false, error: { kind: "invalid_response", status: 200 } });
    const wrongShape = async () => Response.json({ sessionId: 42 }, { status: 201 });
    const mismatch = await createSessionClient({ baseUrl, apiKey: API_KEY, fetch: wrongShape }).createSession(
      intake,
    );
    expect(mismatch).toMatchObject({ ok: false, error: { kind: "invalid_response", status: 201 } });
  });

  it("exports a session in every format, with the vendor's ids from the query", async () => {
    const created = await client().createSession(intake);
    if (!created.ok) throw new Error("createSession failed");
    const { sessionId } = created.value;
    const markdown = await client().exportSession(sessionId, { format: "markdown" });
    expect(markdown.ok && markdown.value).toContain("# Backend Engineer\n\n## About Acme \\<Pay\\>");
    const html = await fetch(`${baseUrl}v1/sessions/${sessionId}/export?format=html`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain("<h2>About Acme &lt;Pay&gt;</h2>");
    const jsonLd = await client().exportSession(sessionId, {
      format: "jsonld",
      datePosted: "2026-11-30",
      country: "PT",
    });
    expect(jsonLd).toMatchObject({
      ok: true,
      value: {
        "@type": "JobPosting",
        jobLocation: { address: { addressLocality: "Lisbon", addressCountry: "PT" } },
      },
    });
    const greenhouse = await client().exportSession(sessionId, {
      format: "greenhouse",
      templateJobId: "4321",
      officeIds: "7, 8",
    });
    expect(greenhouse.ok && greenhouse.value.createJob).toMatchObject({
      template_job_id: 4321,
      office_ids: [7, 8],
    });
    const lever = await client().exportSession(sessionId, { format: "lever" });
    expect(lever.ok && lever.value.salaryRange).toEqual({
      currency: "EUR",
      interval: "per-year-salary",
      min: 70000,
      max: 90000,
    });
  });

  it("answers 422 with what an export lacks, and 400 for a query it does not take", async () => {
    const created = await client().createSession(intake);
    if (!created.ok) throw new Error("createSession failed");
    const ashby = await client().exportSession(created.value.sessionId, {
      format: "ashby",
      teamId: "team-1",
    });
    expect(ashby).toMatchObject({
      ok: false,
      error: {
        kind: "http",
        status: 422,
        code: "export_incomplete",
        missing: [{ path: "options.locationId", hint: expect.stringContaining("Ashby location id") }],
      },
    });
    const unknownFormat = await fetch(`${baseUrl}v1/sessions/${created.value.sessionId}/export?format=pdf`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(unknownFormat.status).toBe(400);
    expect(((await unknownFormat.json()) as { error: { message: string } }).error.message).toMatch(
      /^query format: expected one of/,
    );
  });

  it("serves the committed OpenAPI document without a key", async () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/openapi.json", import.meta.url), "utf8"));
    const served = await createSessionClient({ baseUrl, apiKey: "" }).openApi();
    expect(served).toEqual({ ok: true, status: 200, value: committed });
  });
});

/** A loopback URL where nothing listens any more. */
async function createServerOnFreePortThenClose(): Promise<string> {
  const { createServer } = await import("node:http");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
