"use client";

import { type ConnectionDetails, VoiceOnboarding } from "@voice-onboarding/widget";
import { useCallback } from "react";

/** Asks our own backend (app/api/onboarding) for a room token; the service's API key never reaches here. */
async function fetchConnection(slot: string): Promise<ConnectionDetails> {
  const response = await fetch(`/api/onboarding?widget=${slot}`, { method: "POST" });
  const body: unknown = await response.json().catch(() => null);
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    const error = record.error as { message?: unknown } | undefined;
    throw new Error(
      typeof error?.message === "string" ? error.message : `token request failed (HTTP ${response.status})`,
    );
  }
  const { serverUrl, participantToken } = record;
  if (typeof serverUrl !== "string" || typeof participantToken !== "string") {
    throw new Error("token endpoint answered without serverUrl and participantToken");
  }
  return { serverUrl, participantToken };
}

export function LiveWidget({ slot }: { slot: string }) {
  const tokenFetcher = useCallback(() => fetchConnection(slot), [slot]);
  return <VoiceOnboarding tokenFetcher={tokenFetcher} />;
}
