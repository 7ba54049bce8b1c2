import type { EditResult } from "@voice-onboarding/protocol";
import type { Transport, TransportSink } from "../src/transport/types.js";

/**
 * A transport the test drives by hand, standing in for a LiveKit room (no server runs here):
 * it exposes the sink so the test can set connection and agent states directly.
 */
export function createControlledTransport(options: { failConnect?: string; withMicrophone?: boolean } = {}) {
  const controlled = {
    sink: null as TransportSink | null,
    connects: 0,
    sentTexts: [] as string[],
    microphone: [] as boolean[],
    answerEdit: (commandId: string): EditResult => ({ ok: true, commandId, seq: 99 }),
    failConnect: options.failConnect,
  };
  const transport: Transport = {
    async connect(sink) {
      controlled.connects += 1;
      if (controlled.failConnect) throw new Error(controlled.failConnect);
      controlled.sink = sink;
      sink.connection("connected");
    },
    async requestSnapshot() {},
    async sendEdit(command) {
      return controlled.answerEdit(command.commandId);
    },
    async sendText(text) {
      controlled.sentTexts.push(text);
    },
    disconnect() {
      controlled.sink?.connection("disconnected");
      controlled.sink = null;
    },
    ...(options.withMicrophone && {
      async setMicrophoneEnabled(enabled: boolean) {
        controlled.microphone.push(enabled);
      },
    }),
  };
  return { transport, controlled };
}
