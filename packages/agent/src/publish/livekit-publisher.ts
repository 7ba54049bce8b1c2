import { DATA_TOPIC, encodeMessage, type ProtocolMessage } from "@voice-onboarding/protocol";
import type { Publisher } from "./publisher.js";

/** The part of rtc-node's LocalParticipant the publisher uses. */
export interface TextSender {
  sendText(text: string, options: { topic: string; destinationIdentities: string[] }): Promise<unknown>;
}

/** Who receives profile messages: the recruiter's identity, or undefined while nobody is there. */
export type RecipientLookup = () => string | undefined;

/**
 * Sends each message as a text stream on the protocol topic to the recruiter only. Text streams
 * are chunked, so a 200-trait snapshot is no problem (a data packet stops at 15 KiB).
 */
export class LiveKitPublisher implements Publisher {
  constructor(
    private readonly participant: TextSender,
    private readonly recipient: RecipientLookup,
  ) {}

  async publish(message: ProtocolMessage): Promise<void> {
    await this.sendTo(this.recipient(), message);
  }

  /** Nobody to send to is not an error: a recruiter who joins later starts from a snapshot. */
  async sendTo(identity: string | undefined, message: ProtocolMessage): Promise<void> {
    if (identity === undefined) return;
    await this.participant.sendText(encodeMessage(message), {
      topic: DATA_TOPIC,
      destinationIdentities: [identity],
    });
  }
}
