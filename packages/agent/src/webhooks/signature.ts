import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Standard Webhooks (https://www.standardwebhooks.com, spec 1.0): a message is signed with
// HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the base64 bytes after
// the secret's `whsec_` prefix; `webhook-signature` lists space-separated `v1,<base64>` entries.
// No imports but node:crypto: receivers load this file alone (`@voice-onboarding/agent/webhooks`).

export const SECRET_PREFIX = "whsec_";
/** Receivers refuse messages whose timestamp is further than this from their clock (replays). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** A new secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

function secretBytes(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new WebhookVerificationError(`a webhook secret starts with ${SECRET_PREFIX}`);
  }
  const bytes = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  if (bytes.length < 24 || bytes.length > 64) {
    throw new WebhookVerificationError("a webhook secret carries 24 to 64 base64-encoded bytes after whsec_");
  }
  return bytes;
}

function signatureOf(key: Buffer, id: string, timestamp: string, body: string): Buffer {
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`, "utf8").digest();
}

/** The headers to send with `body` (the exact bytes posted). */
export function signWebhook(secret: string, id: string, body: string, at: Date = new Date()): WebhookHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = signatureOf(secretBytes(secret), id, timestamp, body).toString("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}

export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
}

export interface VerifyOptions {
  toleranceSeconds?: number;
  now?: () => Date;
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers | WebhookHeaders;

function header(headers: HeaderBag, name: string): string {
  const value =
    headers instanceof Headers
      ? headers.get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  const single = Array.isArray(value) ? value[0] : value;
  if (!single) throw new WebhookVerificationError(`missing ${name} header`);
  return single;
}

/**
 * Checks a received webhook and returns its parsed JSON body; throws WebhookVerificationError
 * when it is not signed with `secret`, or its timestamp is outside the tolerance. Pass the raw
 * body exactly as received (not re-serialised JSON) and the request's headers (Node's
 * `request.headers` or a fetch `Headers`). Deduplicate on `webhook-id`: delivery is at least once.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderBag,
  body: string | Buffer,
  options: VerifyOptions = {},
): unknown {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WebhookVerificationError("webhook-timestamp is not a Unix time");
  const now = (options.now?.() ?? new Date()).getTime() / 1000;
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - seconds) > tolerance) {
    throw new WebhookVerificationError(`webhook-timestamp is more than ${tolerance} s away from this clock`);
  }
  const text = typeof body === "string" ? body : body.toString("utf8");
  const expected = signatureOf(secretBytes(secret), id, timestamp, text);
  const matches = signatures.split(" ").some((entry) => {
    const [version, encoded] = entry.split(",", 2);
    if (version !== "v1" || encoded === undefined) return false;
    const candidate = Buffer.from(encoded, "base64");
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matches)
    throw new WebhookVerificationError("no webhook-signature matches: wrong secret or altered body");
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookVerificationError("the signed body is not JSON");
  }
}
