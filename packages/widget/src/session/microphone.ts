export type MicrophoneAnswer = "granted" | "denied" | "unavailable";

/** Asks for the microphone once, then releases it: LiveKit opens its own track when publishing. */
export async function requestMicrophone(): Promise<MicrophoneAnswer> {
  const mediaDevices = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
  if (!mediaDevices?.getUserMedia) return "unavailable";
  try {
    const stream = await mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
    return "granted";
  } catch (cause) {
    // DOMException is not an Error subclass everywhere.
    const name = typeof cause === "object" && cause !== null && "name" in cause ? String(cause.name) : "";
    return name === "NotFoundError" || name === "OverconstrainedError" ? "unavailable" : "denied";
  }
}
