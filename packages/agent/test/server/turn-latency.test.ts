/**
 * `GET /v1/sessions/{id}/metrics` over real HTTP with the real PGlite store: what the worker kept
 * of each voice turn's latency comes back with its percentiles, behind the API key.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapturingPublisher } from "../../src/publish/publisher.js";
import { createSessionServer } from "../../src/server/session-server.js";
import { ProfileService } from "../../src/service/index.js";
import { createPgliteStore, type PgliteStore } from "../../src/store/index.js";

const API_KEY = "vo_test_key_0123456789";
let store: PgliteStore;
let service: ProfileService;
let servers: Server[] = [];

async function serve(withLatency: boolean): Promise<string> {
  const server = createSessionServer({
    service,
    store,
    apiKey: API_KEY,
    livekit: undefined,
    agentName: "voice-onboarding",
    ttlSeconds: 600,
    ...(withLatency && { turnLatency: store }),
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = async (url: string, key = API_KEY) => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  store = await createPgliteStore();
  service = new ProfileService({ store, publisher: new CapturingPublisher() });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  servers = [];
  await store.close();
});

describe("GET /v1/sessions/{id}/metrics", () => {
  it("answers every kept turn in order with p50/p95 per measure, and 404 for an unknown session", async () => {
    const base = await serve(true);
    const { sessionId } = await service.createSession({ recruiter: { firstName: "Maya" } }).then((p) => p);
    expect((await get(`${base}/v1/sessions/${sessionId}/metrics`)).body).toMatchObject({
      sessionId,
      turns: [],
      summary: { endToEndMs: null },
    });
    const ends = [900, 1100, 1000, 3000];
    for (const [index, endToEndMs] of ends.entries()) {
      await store.recordTurnLatency(sessionId, {
        speechId: `speech_${index}`,
        endToEndMs,
        llmTtftMs: 50 + index,
      });
    }
    const { status, body } = await get(`${base}/v1/sessions/${sessionId}/metrics`);
    expect(status).toBe(200);
    expect((body.turns as { speechId: string }[]).map((turn) => turn.speechId)).toEqual([
      "speech_0",
      "speech_1",
      "speech_2",
      "speech_3",
    ]);
    expect(body.summary).toEqual({
      endOfUtteranceDelayMs: null,
      llmTtftMs: { count: 4, p50: 51, p95: 53 },
      ttsTtfbMs: null,
      endToEndMs: { count: 4, p50: 1000, p95: 3000 },
    });
    expect((await get(`${base}/v1/sessions/nobody/metrics`)).status).toBe(404);
    expect((await get(`${base}/v1/sessions/${sessionId}/metrics`, "wrong-key-0123456789")).status).toBe(401);
  });

  it("says plainly when the service runs without a store that keeps latency", async () => {
    const base = await serve(false);
    const { sessionId } = await service.createSession({ recruiter: { firstName: "Maya" } });
    const { status, body } = await get(`${base}/v1/sessions/${sessionId}/metrics`);
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: { code: "unavailable" } });
  });
});
