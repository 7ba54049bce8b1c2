import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhook, WebhookVerificationError } from "./signature.js";

// Interoperability is checked against `standardwebhooks`, the spec's own TypeScript library, in
// both directions: what vendors verify with it we must sign, and our verifier must accept it.

const body = JSON.stringify({ type: "session.completed", timestamp: "2026-11-30T12:00:00Z", data: { n: 1 } });

describe("Standard Webhooks signatures", () => {
  it("signs messages the spec's library verifies, and verifies messages it signs", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signWebhook(secret, "msg_1", body);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));

    const at = new Date();
    const theirs = {
      "webhook-id": "msg_2",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign("msg_2", at, body),
    };
    expect(verifyWebhook(secret, theirs, Buffer.from(body))).toEqual(JSON.parse(body));
    expect(verifyWebhook(secret, new Headers(theirs), body)).toEqual(JSON.parse(body));
  });

  it("accepts any matching entry of a multi-signature header (secret rotation)", () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const signedOld = signWebhook(oldSecret, "msg_3", body);
    const signedNew = signWebhook(newSecret, "msg_3", body);
    const both = {
      ...signedNew,
      "webhook-signature": `${signedOld["webhook-signature"]} ${signedNew["webhook-signature"]}`,
    };
    expect(verifyWebhook(newSecret, both, body)).toEqual(JSON.parse(body));
  });

  it("refuses an altered body, another id, a wrong secret, an old timestamp and missing headers", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook(secret, "msg_4", body);
    const refuses = (run: () => unknown, reason: RegExp) => {
      expect(run).toThrow(WebhookVerificationError);
      expect(run).toThrow(reason);
    };
    refuses(() => verifyWebhook(secret, headers, body.replace("1", "2")), /no webhook-signature matches/);
    refuses(
      () => verifyWebhook(secret, { ...headers, "webhook-id": "msg_5" }, body),
      /no webhook-signature matches/,
    );
    refuses(() => verifyWebhook(generateWebhookSecret(), headers, body), /no webhook-signature matches/);
    const tenMinutesAgo = signWebhook(secret, "msg_4", body, new Date(Date.now() - 600_000));
    refuses(() => verifyWebhook(secret, tenMinutesAgo, body), /more than 300 s/);
    expect(verifyWebhook(secret, tenMinutesAgo, body, { toleranceSeconds: 900 })).toEqual(JSON.parse(body));
    refuses(() => verifyWebhook(secret, { "webhook-id": "msg_4" }, body), /missing webhook-timestamp/);
    refuses(() => verifyWebhook("not-a-secret", headers, body), /whsec_/);
    refuses(() => verifyWebhook(secret, { ...headers, "webhook-timestamp": "soon" }, body), /Unix time/);
  });
});
