import { DATA_TOPIC, encodeMessage, type ProtocolMessage } from "@voice-onboarding/protocol";
import type { Publisher } from "./publisher.js";

/** The part of rtc-node's LocalParticipant the publisher uses. */
export interface TextSender {
  sendText(text: string, options: { topic: string; destinationIdentities: string[] }): Promise<unknown>;
}

/** Who receives profile messages: every recruiter participant in the room right now. */
export type RecipientLookup = () => readonly string[];

/**
 * Sends each message as a text stream on the protocol topic to the recruiters only (every tab of
 * the session). Text streams are chunked, so a 200-trait snapshot is no problem (a data packet
 * stops at 15 KiB).
 */
export class LiveKitPublisher implements Publisher {
  constructor(
    private readonly participant: TextSender,
    private readonly recipients: RecipientLookup,
  ) {}

  async publish(message: ProtocolMessage): Promise<void> {
    await this.sendTo(this.recipients(), message);
  }

  /** Nobody to send to is not an error: a recruiter who joins later starts from a snapshot. */
  async sendTo(identities: readonly string[], message: ProtocolMessage): Promise<void> {
    if (identities.length === 0) return;
    await this.participant.sendText(encodeMessage(message), {
      topic: DATA_TOPIC,
      destinationIdentities: [...identities],
    });
  }
}
