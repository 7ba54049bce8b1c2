import { afterEach, describe, expect, it, vi } from "vitest";
import { warmHttpClient } from "./http-warmup.js";

const listening = () => process.getActiveResourcesInfo().filter((kind) => kind === "TCPServerWrap").length;
/** A closed server's handle is released a little after `close` calls back. */
const closedAgain = (before: number) => vi.waitFor(() => expect(listening()).toBe(before), { timeout: 1000 });

afterEach(() => vi.unstubAllGlobals());

describe("warmHttpClient", () => {
  it("makes one real round trip through fetch on loopback and leaves nothing listening", async () => {
    const before = listening();
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    expect(await warmHttpClient()).toBe(true);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.mock.calls[0]?.[0])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await closedAgain(before);
    fetchSpy.mockRestore();
  });

  it("resolves false, and still closes its server, when the request fails", async () => {
    const before = listening();
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("fetch failed")));
    expect(await warmHttpClient()).toBe(false);
    await closedAgain(before);
  });
});
