/**
 * The session & token service over real HTTP on loopback, with the real PGlite store and real
 * LiveKit tokens (checked with livekit-server-sdk's TokenVerifier). No LiveKit server is needed:
 * issuing a token is offline.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobProfile } from "@voice-onboarding/protocol";
import { TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { type AgentDispatcher, createAgentDispatcher } from "../../src/server/agent-dispatch.js";
import { MAX_BODY_BYTES } from "../../src/server/http-io.js";
import { createSessionServer } from "../../src/server/session-server.js";
import { ProfileService } from "../../src/service/index.js";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";
import { fakeLiveKit } from "./fake-livekit.js";

const API_KEY = "vo_test_key_0123456789";
const livekit = {
  url: "wss://example.livekit.cloud",
  apiKey: "APItest",
  apiSecret: "secret-that-is-at-least-32-characters-long",
};

let store: PgliteStore;
let server: Server;
let base: string;

beforeAll(async () => {
  store = await createPgliteStore();
  const service = new ProfileService({ store, publisher: new CapturingPublisher() });
  server = createSessionServer({
    service,
    store,
    apiKey: API_KEY,
    livekit,
    agentName: "voice-onboarding",
    ttlSeconds: 600,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

/** The fields these tests read from any response body. */
interface ResponseBody {
  status?: string;
  sessionId: string;
  type?: string;
  seq?: number;
  data: { profile: JobProfile };
  error: { code: string; message: string };
  serverUrl: string;
  participantToken: string;
  roomName: string;
  participantIdentity: string;
  snapshot?: { type: string; seq: number; data: unknown };
}

interface CallOptions {
  method?: string;
  body?: unknown;
  raw?: string;
  key?: string | null;
  contentType?: string;
}

async function call(
  path: string,
  { method = "GET", body, raw, key = API_KEY, contentType = "application/json" }: CallOptions = {},
) {
  const headers: Record<string, string> = { "content-type": contentType };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as ResponseBody,
  };
}

const newSession = {
  recruiter: { firstName: "Maya", lastName: "Chen" },
  company: { name: "Acme", tagline: "Payments for the long tail", fundingStage: "series_a" },
  profile: {
    requirements: { jobTitle: "Backend Engineer", compensation: { min: 150000, max: 180000 } },
    traits: [{ name: "Distributed Systems", description: "Has run services at scale." }],
    stages: [
      { name: "Phone Screen", description: "Motivation and basics" },
      { name: "Onsite", description: "System design" },
    ],
  },
};

describe("session service", () => {
  it("answers /healthz without a key", async () => {
    expect(await call("/healthz", { key: null })).toMatchObject({ status: 200, json: { status: "ok" } });
  });

  it("creates a session and returns its snapshot", async () => {
    const created = await call("/v1/sessions", { method: "POST", body: newSession });
    expect(created.status).toBe(201);
    expect(created.json.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const snapshot = await call(`/v1/sessions/${created.json.sessionId}`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.json).toMatchObject({
      type: "profile.snapshot",
      seq: 0,
      sessionId: created.json.sessionId,
    });
    const profile = snapshot.json.data.profile;
    expect(profile.requirements.compensation).toEqual({
      min: 150000,
      max: 180000,
      currency: "USD",
      interval: "year",
    });
    expect(profile.traits[0]).toMatchObject({
      name: "Distributed Systems",
      priority: "must_have",
      signals: [],
    });
    expect(profile.stages.map((stage) => `${stage.order}:${stage.name}`)).toEqual([
      "1:Phone Screen",
      "2:Onsite",
    ]);
  });

  it("issues a recruiter token bound to the session's room with the agent dispatched", async () => {
    const { json: created } = await call("/v1/sessions", { method: "POST", body: newSession });
    const issuedAt = Math.floor(Date.now() / 1000);
    const { status, json } = await call(`/v1/sessions/${created.sessionId}/token`, { method: "POST" });
    expect(status).toBe(201);
    expect(Object.keys(json).sort()).toEqual([
      "participantIdentity",
      "participantToken",
      "roomName",
      "serverUrl",
      "snapshot",
    ]);
    expect(json.serverUrl).toBe(livekit.url);
    // The profile as GET /v1/sessions/{id} gives it, for the widget to paint before the agent joins.
    const { json: stored } = await call(`/v1/sessions/${created.sessionId}`);
    expect(json.snapshot).toMatchObject({ type: "profile.snapshot", seq: stored.seq, data: stored.data });
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(json.participantToken);
    expect(claims.sub).toBe(json.participantIdentity);
    expect(json.participantIdentity).toMatch(/^recruiter-[0-9a-f]{12}$/);
    expect(claims.video).toEqual({
      room: json.roomName,
      roomJoin: true,
      canPublish: true,
      canPublishSources: ["microphone"],
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
    });
    expect(json.roomName).toBe(`voice-onboarding-${created.sessionId}`);
    expect((claims.exp ?? 0) - issuedAt).toBeGreaterThan(590);
    expect((claims.exp ?? 0) - issuedAt).toBeLessThanOrEqual(601);
    const dispatch = claims.roomConfig?.agents?.[0];
    expect(dispatch?.agentName).toBe("voice-onboarding");
    expect(JSON.parse(dispatch?.metadata ?? "{}")).toEqual({ sessionId: created.sessionId });
    const second = await call(`/v1/sessions/${created.sessionId}/token`, { method: "POST" });
    expect(second.json.participantIdentity).not.toBe(json.participantIdentity);
  });

  it("never takes room, identity or grants from the request", async () => {
    const { json: created } = await call("/v1/sessions", { method: "POST", body: newSession });
    const smuggled = await call(`/v1/sessions/${created.sessionId}/token`, {
      method: "POST",
      body: { room_name: "someone-elses-room", participant_identity: "admin" },
    });
    expect(smuggled.status).toBe(400);
    expect(smuggled.json.error.code).toBe("invalid_request");
    const withId = await call("/v1/sessions", {
      method: "POST",
      body: { ...newSession, sessionId: "chosen" },
    });
    expect(withId.status).toBe(400);
  });

  it.each([
    ["no key", { key: null }],
    ["a wrong key", { key: "vo_test_key_0123456780" }],
    ["a key of another length", { key: "short" }],
  ])("refuses %s with 401", async (_label, options) => {
    const response = await call("/v1/sessions", { method: "POST", body: newSession, ...options });
    expect(response.status).toBe(401);
    expect(response.json.error).toMatchObject({
      code: "unauthorized",
      message: expect.stringContaining("VOICE_ONBOARDING_API_KEY"),
    });
  });

  it("answers 404 for an unknown session or endpoint", async () => {
    expect((await call("/v1/sessions/00000000-0000-4000-8000-000000000000")).json.error.code).toBe(
      "not_found",
    );
    expect(
      (await call("/v1/sessions/00000000-0000-4000-8000-000000000000/token", { method: "POST" })).status,
    ).toBe(404);
    expect((await call("/v2/anything")).status).toBe(404);
  });

  it("answers 400 with the first problem's path", async () => {
    const malformed = await call("/v1/sessions", { method: "POST", raw: "{ not json" });
    expect(malformed).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
    const invalid = await call("/v1/sessions", {
      method: "POST",
      body: { ...newSession, profile: { requirements: { workplaceType: "moon" } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.message).toMatch(
      /^profile\.requirements\.workplaceType: expected one of: "onsite", "hybrid", "remote"/,
    );
    const missing = await call("/v1/sessions", { method: "POST", body: { company: { name: "Acme" } } });
    expect(missing.json.error.message).toMatch(/^recruiter: /);
    const badRange = await call("/v1/sessions", {
      method: "POST",
      body: { ...newSession, profile: { requirements: { experienceMinYears: 9, experienceMaxYears: 3 } } },
    });
    expect(badRange.json.error.message).toContain("experienceMinYears");
  });

  it("answers 413 for a body over the limit and 415 for a non-JSON body", async () => {
    const huge = await call("/v1/sessions", {
      method: "POST",
      raw: JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    const form = await call("/v1/sessions", {
      method: "POST",
      raw: "a=b",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
  });

  it("answers 405 with Allow for a wrong method", async () => {
    const response = await call("/v1/sessions", { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, GET");
    expect(response.json.error.code).toBe("method_not_allowed");
  });

  it("answers 503 livekit_not_configured for tokens when the service runs without LiveKit", async () => {
    const service = new ProfileService({ store, publisher: new CapturingPublisher() });
    const tokenless = createSessionServer({
      service,
      store,
      apiKey: API_KEY,
      livekit: undefined,
      agentName: "a",
      ttlSeconds: 60,
    });
    await new Promise<void>((resolve) => tokenless.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(tokenless.address() as AddressInfo).port}`;
    const headers = { "content-type": "application/json", authorization: `Bearer ${API_KEY}` };
    const created = await fetch(`${url}/v1/sessions`, {
      method: "POST",
      headers,
      body: JSON.stringify(newSession),
    });
    const { sessionId } = (await created.json()) as { sessionId: string };
    const token = await fetch(`${url}/v1/sessions/${sessionId}/token`, { method: "POST", headers });
    expect(token.status).toBe(503);
    expect(((await token.json()) as ResponseBody).error.code).toBe("livekit_not_configured");
    await new Promise((resolve) => tokenless.close(resolve));
  });

  it("answers 503, not a hang, when the database is down", async () => {
    const downStore = await createPgliteStore();
    const service = new ProfileService({ store: downStore, publisher: new CapturingPublisher() });
    const down = createSessionServer({
      service,
      store: downStore,
      apiKey: API_KEY,
      livekit,
      agentName: "a",
      ttlSeconds: 60,
    });
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    await downStore.close();
    const response = await fetch(`http://127.0.0.1:${(down.address() as AddressInfo).port}/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}` },
      body: JSON.stringify(newSession),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    await new Promise((resolve) => down.close(resolve));
  });

  describe("a token for a room that already exists makes sure it has the agent", () => {
    async function serverWith(agentDispatcher: AgentDispatcher, agentCheckTimeoutMs?: number) {
      const service = new ProfileService({ store, publisher: new CapturingPublisher() });
      const withDispatch = createSessionServer({
        service,
        store,
        apiKey: API_KEY,
        livekit,
        agentName: "voice-onboarding",
        ttlSeconds: 600,
        agentDispatcher,
        agentCheckTimeoutMs,
      });
      await new Promise<void>((resolve) => withDispatch.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(withDispatch.address() as AddressInfo).port}`;
      const headers = { "content-type": "application/json", authorization: `Bearer ${API_KEY}` };
      const created = await fetch(`${url}/v1/sessions`, {
        method: "POST",
        headers,
        body: JSON.stringify(newSession),
      });
      const { sessionId } = (await created.json()) as { sessionId: string };
      return {
        sessionId,
        token: () => fetch(`${url}/v1/sessions/${sessionId}/token`, { method: "POST", headers }),
        close: () => new Promise((resolve) => withDispatch.close(resolve)),
      };
    }

    it("dispatches the agent, with the session id, into an existing room that has none", async () => {
      const livekitApi = fakeLiveKit({ now: Date.now() });
      const server = await serverWith(
        createAgentDispatcher({ api: livekitApi.api, agentName: "voice-onboarding" }),
      );
      // First token: no room yet, the token's roomConfig brings the agent.
      expect((await server.token()).status).toBe(201);
      expect(livekitApi.calls).toEqual(["roomExists"]);
      // The room exists and its agent is gone (the job died).
      livekitApi.createRoom(`voice-onboarding-${server.sessionId}`, [
        { identity: "recruiter-1", kind: 0, attributes: {} },
      ]);
      const response = await server.token();
      expect(response.status).toBe(201);
      expect(livekitApi.calls.at(-1)).toBe(
        `createDispatch AD_1 voice-onboarding {"sessionId":"${server.sessionId}"}`,
      );
      await server.close();
    });

    it("still answers the token when the LiveKit API fails or hangs", async () => {
      const failing = fakeLiveKit({ now: Date.now() });
      failing.fail(new Error("connect ECONNREFUSED"));
      const warnings: string[] = [];
      const broken = await serverWith(
        createAgentDispatcher({
          api: failing.api,
          agentName: "voice-onboarding",
          logger: { info: () => {}, warn: (line: string) => warnings.push(line) },
        }),
      );
      const response = await broken.token();
      expect(response.status).toBe(201);
      expect(((await response.json()) as ResponseBody).participantToken).toBeTruthy();
      expect(warnings).toHaveLength(1);
      await broken.close();

      const hanging = await serverWith({ ensureAgent: () => new Promise(() => {}) }, 200);
      const started = Date.now();
      expect((await hanging.token()).status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2000);
      await hanging.close();
    });
  });
});
