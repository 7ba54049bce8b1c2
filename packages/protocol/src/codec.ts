import type * as z from "zod/mini";
import { MAX_MESSAGE_BYTES, PROTOCOL_MAJOR, PROTOCOL_VERSION } from "./constants.js";
import { formatIssue } from "./issues.js";

export type DecodeError =
  | { kind: "too_large"; message: string; size: number; limit: number }
  | { kind: "invalid_json"; message: string }
  | { kind: "unsupported_version"; message: string; received: string; supported: string; newer: boolean }
  | { kind: "invalid_message"; message: string; path: PropertyKey[] }
  /**
   * A message type this reader does not know, from a newer minor version of its major: not an
   * error, the README promises any minor. Ignore it (count it, report it as a warning).
   */
  | { kind: "unknown_type"; message: string; type: string; received: string };

export type DecodeResult<T> = { ok: true; message: T } | { ok: false; error: DecodeError };

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function byteLength(raw: string, limit: number): number {
  // A UTF-8 code unit is 1–3 bytes; only count exactly near the limit.
  return raw.length * 3 <= limit ? raw.length : utf8.encode(raw).length;
}

function checkVersion(value: unknown): DecodeError | undefined {
  if (typeof value !== "object" || value === null || !("v" in value) || typeof value.v !== "string") return;
  const major = Number(value.v.split(".")[0]);
  if (!Number.isInteger(major) || major === PROTOCOL_MAJOR) return;
  const newer = major > PROTOCOL_MAJOR;
  return {
    kind: "unsupported_version",
    message: `protocol ${value.v} is ${newer ? "newer" : "older"} than this reader's ${PROTOCOL_VERSION}${newer ? "; upgrade @voice-onboarding/protocol" : ""}`,
    received: value.v,
    supported: PROTOCOL_VERSION,
    newer,
  };
}

/** A `type` from a newer minor of this major that `knownTypes` lacks; undefined otherwise. */
function unknownNewerType(value: unknown, knownTypes: readonly string[]): DecodeError | undefined {
  if (typeof value !== "object" || value === null) return;
  const { v, type } = value as { v?: unknown; type?: unknown };
  if (typeof v !== "string" || typeof type !== "string" || knownTypes.includes(type)) return;
  const [major, minor] = v.split(".").map(Number);
  const [, ownMinor = 0] = PROTOCOL_VERSION.split(".").map(Number);
  if (major !== PROTOCOL_MAJOR || !Number.isInteger(minor) || (minor as number) <= ownMinor) return;
  return {
    kind: "unknown_type",
    message: `message type "${type.slice(0, 80)}" of protocol ${v} is unknown to this reader (${PROTOCOL_VERSION}); ignored`,
    type: type.slice(0, 80),
    received: v,
  };
}

export interface DecoderOptions {
  /** The `type`s this reader knows: another type from a newer minor is `unknown_type`, not invalid. */
  knownTypes?: readonly string[];
  /** The largest message accepted, in UTF-8 bytes (default MAX_MESSAGE_BYTES). */
  limit?: number;
}

/** Builds a decoder that never throws: size, JSON, version, then schema, reporting the first problem. */
export function createDecoder<Schema extends z.ZodMiniType>(schema: Schema, options: DecoderOptions = {}) {
  const { limit = MAX_MESSAGE_BYTES } = options;
  return (raw: string | Uint8Array): DecodeResult<z.infer<Schema>> => {
    const size = typeof raw === "string" ? byteLength(raw, limit) : raw.byteLength;
    if (size > limit) {
      const message = `message of ${size} bytes exceeds the ${limit}-byte limit`;
      return { ok: false, error: { kind: "too_large", message, size, limit } };
    }
    let value: unknown;
    try {
      value = JSON.parse(typeof raw === "string" ? raw : strictUtf8.decode(raw));
    } catch (cause) {
      return {
        ok: false,
        error: { kind: "invalid_json", message: `not valid UTF-8 JSON: ${String(cause)}` },
      };
    }
    const versionError = checkVersion(value);
    if (versionError) return { ok: false, error: versionError };
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, message: parsed.data };
    const unknownType = options.knownTypes && unknownNewerType(value, options.knownTypes);
    if (unknownType) return { ok: false, error: unknownType };
    return { ok: false, error: { kind: "invalid_message", ...formatIssue(parsed.error.issues[0]) } };
  };
}

/** Builds an encoder that validates first: sending an invalid message is a bug, so it throws. */
export function createEncoder<Schema extends z.ZodMiniType>(schema: Schema, what: string) {
  return (message: z.input<Schema>): string => {
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      throw new TypeError(
        `refusing to encode an invalid ${what}: ${formatIssue(parsed.error.issues[0]).message}`,
      );
    }
    return JSON.stringify(parsed.data);
  };
}
