import { describe, expect, it } from "vitest";
import { matchRoute } from "../../src/server/route-match.js";

describe("matchRoute", () => {
  it("finds an endpoint by method and path template, with its decoded parameters", () => {
    expect(matchRoute("GET", "/v1/sessions/abc_1-2/export")).toMatchObject({
      kind: "found",
      operationId: "exportSession",
      params: { sessionId: "abc_1-2" },
    });
    expect(matchRoute("POST", "/v1/sessions")).toMatchObject({ kind: "found", operationId: "createSession" });
  });

  it("tells a wrong method (with what is allowed and whether it needs a key) from no endpoint", () => {
    expect(matchRoute("PUT", "/v1/sessions")).toEqual({
      kind: "method_not_allowed",
      allow: ["POST", "GET"],
      auth: true,
    });
    expect(matchRoute("POST", "/healthz")).toEqual({
      kind: "method_not_allowed",
      allow: ["GET"],
      auth: false,
    });
    expect(matchRoute("GET", "/v2/sessions")).toEqual({ kind: "not_found" });
  });

  it("treats a path parameter its schema refuses, or a malformed escape, as no endpoint", () => {
    expect(matchRoute("GET", `/v1/sessions/${"x".repeat(65)}`)).toEqual({ kind: "not_found" });
    expect(matchRoute("GET", "/v1/sessions/a%20b")).toEqual({ kind: "not_found" });
    expect(matchRoute("GET", "/v1/sessions/%zz")).toEqual({ kind: "not_found" });
  });
});
