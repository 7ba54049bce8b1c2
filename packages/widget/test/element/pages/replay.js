// Shared by the pages: the recorded intake, messages only, 20 ms apart (the original pacing is minutes).
export async function fastReplay() {
  const replay = await (await fetch("/full-intake.json")).json();
  const start = Date.parse(replay.messages[0].at);
  return {
    messages: replay.messages.map((message, index) => ({
      ...message,
      at: new Date(start + index * 20).toISOString(),
    })),
  };
}

/** Every event of the element, in order, for the test to read. */
export function recordEvents(target) {
  const events = [];
  for (const type of ["change", "complete", "connection", "error"]) {
    target.addEventListener(`voice-onboarding:${type}`, (event) => {
      events.push({ type, target: event.target.id, detail: event.detail, composed: event.composed });
    });
  }
  return events;
}
