import type { ProtocolMessage } from "@voice-onboarding/protocol";

/** Delivers committed messages to the recruiter's browser. */
export interface Publisher {
  publish(message: ProtocolMessage): Promise<void>;
}

/** Keeps every published message in order: for tests and the replay command. */
export class CapturingPublisher implements Publisher {
  readonly messages: ProtocolMessage[] = [];

  async publish(message: ProtocolMessage): Promise<void> {
    this.messages.push(message);
  }
}
