export type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Every missing or invalid variable at once, each with what to do about it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid configuration (see .env.example):\n${problems.map(({ variable, problem }) => `  ${variable}: ${problem}`).join("\n")}`,
    );
  }
}

/** Reads variables, collecting problems instead of stopping at the first one. */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  optional(variable: string): string | undefined {
    const value = this.env[variable]?.trim();
    return value === "" ? undefined : value;
  }

  required(variable: string, hint: string): string {
    const value = this.optional(variable);
    if (value === undefined) this.#report(variable, `required: ${hint}`);
    return value ?? "";
  }

  url(variable: string, protocols: readonly string[], fallback?: string): string {
    const value = this.optional(variable) ?? fallback;
    if (value === undefined) {
      this.#report(variable, `required: a ${protocols.join(" or ")} URL`);
      return "";
    }
    if (!URL.canParse(value) || !protocols.includes(new URL(value).protocol.slice(0, -1))) {
      this.#report(variable, `must be a ${protocols.join(" or ")} URL, got "${value}"`);
    }
    return value;
  }

  integer(variable: string, fallback: number, min: number, max: number): number {
    return this.number(variable, fallback, min, max, true);
  }

  number(variable: string, fallback: number, min: number, max: number, integer = false): number {
    const raw = this.optional(variable);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isNaN(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      const kind = integer ? "an integer" : "a number";
      this.#report(variable, `must be ${kind} from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  }

  oneOf<const Choice extends string>(variable: string, choices: readonly Choice[], fallback: Choice): Choice {
    const value = this.optional(variable) ?? fallback;
    if (!(choices as readonly string[]).includes(value)) {
      this.#report(variable, `must be one of ${choices.join(", ")}, got "${value}"`);
    }
    return value as Choice;
  }

  /** One variable may serve two uses (OpenAI's key and URL for speech-to-text and text-to-speech): named once. */
  #report(variable: string, problem: string): void {
    if (!this.problems.some((known) => known.variable === variable))
      this.problems.push({ variable, problem });
  }

  /** Throws one ConfigError naming every problem, or returns the built config. */
  done<Config>(config: Config): Config {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return config;
  }
}
