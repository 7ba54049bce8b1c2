import { EMPLOYMENT_TYPES, EXPORT_FORMATS } from "@voice-onboarding/exports";
import { Id, ProfileSnapshotMessage } from "@voice-onboarding/protocol";
import * as z from "zod/mini";

/** Every `error.code` the service answers; one list for the server, the OpenAPI document and the client. */
export const ERROR_CODES = [
  "unauthorized",
  "not_found",
  "method_not_allowed",
  "invalid_json",
  "invalid_request",
  "payload_too_large",
  "unsupported_media_type",
  "export_incomplete",
  "unavailable",
  "rate_limited",
  "cors_not_supported",
  "livekit_not_configured",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** With `export_incomplete`: each field or option the export needs. */
    missing: z.optional(z.array(z.object({ path: z.string(), hint: z.string() }))),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const SessionIdParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const HealthBody = z.object({ status: z.literal("ok") });
export const CreatedSessionBody = z.object({ sessionId: Id });

/** LiveKit's token-endpoint response shape. */
export const ParticipantCredentials = z.object({
  serverUrl: z.string(),
  participantToken: z.string(),
  roomName: z.string(),
  participantIdentity: z.string(),
});
export type ParticipantCredentials = z.infer<typeof ParticipantCredentials>;

/**
 * `POST /v1/sessions/{id}/token`: the credentials and the profile as it is now, so the widget
 * paints the cards before the agent has joined (pass `snapshot` on to `tokenFetcher`'s answer).
 */
export const RecruiterConnection = z.extend(ParticipantCredentials, { snapshot: ProfileSnapshotMessage });
export type RecruiterConnection = z.infer<typeof RecruiterConnection>;

const digits = z.string().check(z.regex(/^\d{1,15}$/, "expected a number"));
const integer = z.pipe(digits, z.transform(Number));
const commaList = z.pipe(
  z.string().check(z.minLength(1)),
  z.transform((list) => list.split(",").map((item) => item.trim())),
);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, "expected an ISO 8601 date"));
const text = z.string().check(z.minLength(1), z.maxLength(200));

/** `GET /v1/sessions/{id}/export`: the format, and the ids and facts only the vendor knows. */
export const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  employmentType: z.optional(z.enum(EMPLOYMENT_TYPES)),
  datePosted: z.optional(isoDate),
  validThrough: z.optional(isoDate),
  companyUrl: z.optional(z.url()),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code"))),
  /** Comma-separated country names a remote hire may live in (JSON-LD). */
  applicantCountries: z.optional(commaList),
  templateJobId: z.optional(integer),
  numberOfOpenings: z.optional(integer),
  departmentId: z.optional(integer),
  /** Comma-separated Greenhouse office ids. */
  officeIds: z.optional(z.pipe(commaList, z.array(z.pipe(digits, z.transform(Number))))),
  requisitionId: z.optional(text),
  salaryFieldKey: z.optional(text),
  teamId: z.optional(text),
  locationId: z.optional(text),
  defaultInterviewPlanId: z.optional(text),
  jobTemplateId: z.optional(text),
  owner: z.optional(text),
  hiringManager: z.optional(text),
  team: z.optional(text),
  department: z.optional(text),
});
export type ExportQuery = z.input<typeof ExportQuery>;

const LatencyPercentiles = z.nullable(z.object({ count: z.number(), p50: z.number(), p95: z.number() }));
const milliseconds = z.optional(z.number());

/** `GET /v1/sessions/{id}/metrics`: each voice turn's latency, with p50/p95 over the session. */
export const SessionTurnLatencyBody = z.object({
  sessionId: z.string(),
  turns: z.array(
    z.object({
      speechId: z.string(),
      endOfUtteranceDelayMs: milliseconds,
      llmTtftMs: milliseconds,
      ttsTtfbMs: milliseconds,
      endToEndMs: milliseconds,
      at: z.string(),
    }),
  ),
  summary: z.object({
    endOfUtteranceDelayMs: LatencyPercentiles,
    llmTtftMs: LatencyPercentiles,
    ttsTtfbMs: LatencyPercentiles,
    endToEndMs: LatencyPercentiles,
  }),
});
