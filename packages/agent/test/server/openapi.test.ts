import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../../src/server/api-routes.js";
import { buildOpenApiDocument } from "../../src/server/openapi.js";

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};

describe("OpenAPI document", () => {
  it("is committed up to date (run `pnpm --filter @voice-onboarding/agent openapi` after an API change)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it("is valid OpenAPI 3.1 by the specification's own JSON Schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe("3.1");
    const broken = await new Validator().validate({ openapi: "3.1.0", info: { title: "x" }, paths: {} });
    expect(broken.valid).toBe(false);
  });

  it("describes every route of the table once, with its path parameters and a response schema", () => {
    const document = buildOpenApiDocument();
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
        path,
        method,
        operation,
      })),
    );
    expect(operations.map((entry) => entry.operation.operationId).sort()).toEqual(
      Object.keys(API_ROUTES).sort(),
    );
    for (const { path, operation } of operations) {
      const declared = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === "path")
        .map((p) => p.name);
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
      expect(Object.keys(operation.responses).length, path).toBeGreaterThan(0);
    }
    const exportOperation = (document.paths["/v1/sessions/{sessionId}/export"] as Record<string, Operation>)
      .get;
    expect(exportOperation?.parameters?.find((parameter) => parameter.name === "format")).toMatchObject({
      in: "query",
      required: true,
      schema: { enum: ["jsonld", "lever", "greenhouse", "ashby", "markdown", "html"] },
    });
  });
});

describe("@voice-onboarding/agent/client", () => {
  it("bundles for any fetch runtime: no Node built-ins, LiveKit, database or agent code", async () => {
    const result = await build({
      entryPoints: [new URL("../../src/client/index.ts", import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: "neutral",
      format: "esm",
      mainFields: ["module", "main"],
      alias: {
        "@voice-onboarding/protocol": new URL("../../../protocol/src/index.ts", import.meta.url).pathname,
        "@voice-onboarding/exports": new URL("../../../exports/src/index.ts", import.meta.url).pathname,
      },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("zod"))).toBe(true);
    expect(
      inputs.filter((input) =>
        /node:|livekit|pglite|supabase|[/\\]pg[/\\]|agent[/\\]src[/\\](service|store|worker)/.test(input),
      ),
    ).toEqual([]);
  });
});
