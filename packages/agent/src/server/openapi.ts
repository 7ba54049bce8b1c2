import { toJsonSchema } from "@voice-onboarding/protocol";
import type * as z from "zod/mini";
import { API_ROUTES, type RouteSpec } from "./api-routes.js";

const VERSION = "1.0.0";

const jsonSchema = (schema: z.ZodMiniType, io: "input" | "output") => {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, { io, unrepresentable: "any" });
  return rest;
};

/** Path and query parameters, each with its own schema (OpenAPI wants them one by one). */
function parametersOf(spec: RouteSpec) {
  const pathParameters = Object.entries(spec.params ?? {}).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    schema: jsonSchema(schema, "input"),
  }));
  const query = spec.query ? jsonSchema(spec.query, "input") : undefined;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const queryParameters = Object.entries(
    (query?.properties ?? {}) as Record<string, Record<string, unknown>>,
  ).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema }));
  return [...pathParameters, ...queryParameters];
}

function responsesOf(spec: RouteSpec) {
  return Object.fromEntries(
    Object.entries(spec.responses).map(([status, response]) => {
      const media = { ...(response.json && { "application/json": response.json }), ...response.media };
      const content = Object.fromEntries(
        Object.entries(media).map(([type, schema]) => [type, { schema: jsonSchema(schema, "output") }]),
      );
      return [status, { description: response.description, content }];
    }),
  );
}

/** The OpenAPI 3.1 document of the session service, from the route table the server dispatches with. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, spec] of Object.entries(API_ROUTES as Record<string, RouteSpec>)) {
    const parameters = parametersOf(spec);
    const operation = {
      operationId,
      summary: spec.summary,
      security: spec.auth ? [{ apiKey: [] }] : [],
      ...(parameters.length > 0 && { parameters }),
      ...(spec.body && {
        // A body the schema accepts empty ({}) may be left out.
        requestBody: {
          required: !spec.body.safeParse({}).success,
          content: { "application/json": { schema: jsonSchema(spec.body, "input") } },
        },
      }),
      responses: responsesOf(spec),
    };
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Voice Onboarding session service",
      version: VERSION,
      description:
        "Creates onboarding sessions for an ATS backend, hands the recruiter's browser a LiveKit token, and exports the finished profile.",
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "VOICE_ONBOARDING_API_KEY" },
      },
    },
    paths,
  };
}
