/** Runs tasks one at a time per key, in arrival order; a failed task does not block the next. */
export class SessionQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Resolves once every task queued so far has finished, whether it succeeded or not. */
  async settled(): Promise<void> {
    await Promise.all(this.#tails.values());
  }
}
