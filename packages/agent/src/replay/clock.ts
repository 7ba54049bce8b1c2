/**
 * Simulated conversation time for replay messages. Turns play in milliseconds, but a recording
 * is watched at speaking pace: each turn moves the clock by an estimate of how long it takes to
 * say, and each message is a beat after the previous one.
 */
export class ScriptedClock {
  #time: number;

  constructor(
    start: Date,
    private readonly beatMs = 400,
  ) {
    this.#time = start.getTime();
  }

  /** The time of the next event; each call moves one beat on. */
  readonly now = (): Date => {
    const at = new Date(this.#time);
    this.#time += this.beatMs;
    return at;
  };

  /** Moves on by the time it takes to say `text` (about 150 words a minute). */
  speak(text: string): void {
    const words = text.split(/\s+/).filter(Boolean).length;
    this.#time += words * 400;
  }
}
