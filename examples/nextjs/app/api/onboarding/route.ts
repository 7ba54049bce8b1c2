import { type NextRequest, NextResponse } from "next/server";
import { currentUser } from "../../../lib/host-auth";
import { connectRecruiter, describeServiceError, readSessionClient } from "../../../lib/session-service";

/** A page may hold several widgets; each keeps its own session across reloads. */
function widgetSlot(request: NextRequest): string {
  const slot = request.nextUrl.searchParams.get("widget") ?? "1";
  return /^[1-9]$/.test(slot) ? slot : "1";
}

function errorResponse(status: number, code: string, message: string) {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

/**
 * The vendor's token endpoint for `<VoiceOnboarding tokenFetcher/>`: checks who is signed in to the
 * ATS, reuses the recruiter's session (cookie) or creates one, then asks the session service for a
 * LiveKit token. The service's API key stays on this server; the browser only ever sees the room URL
 * and its own token. Without a signed-in user it answers 401 and creates nothing: anyone who could
 * reach this route could otherwise start intakes (and run up model costs) on the vendor's account.
 */
export async function POST(request: NextRequest) {
  // 1. Your authentication (lib/host-auth.ts): who is this, and may they run this intake?
  const user = currentUser(request.cookies);
  if (user === null) {
    return errorResponse(401, "unauthenticated", "Sign in to the ATS to start the intake.");
  }
  // 2. Only then the session service, with the API key that never leaves this server.
  const client = readSessionClient();
  if (client === null) {
    return errorResponse(
      503,
      "not_configured",
      "set VOICE_ONBOARDING_SERVICE_URL and VOICE_ONBOARDING_API_KEY on the server",
    );
  }
  const cookieName = `vo-session-${widgetSlot(request)}`;
  const connected = await connectRecruiter(client, request.cookies.get(cookieName)?.value);
  if (!connected.ok) {
    const { status, code, message } = describeServiceError(connected.error);
    // 503 stays 503 (not configured, database down); anything else is the upstream's fault.
    return errorResponse(status === 503 ? 503 : 502, code, message);
  }
  const { sessionId, serverUrl, participantToken, snapshot } = connected.value;
  // The snapshot lets the widget paint the cards while the agent is still joining.
  const response = NextResponse.json(
    { serverUrl, participantToken, snapshot },
    { headers: { "cache-control": "no-store" } },
  );
  response.cookies.set(cookieName, sessionId, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: 8 * 3600,
  });
  return response;
}
