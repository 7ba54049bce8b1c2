import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { initializeLogger, loggerOptions, voice } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { completion, missingFields } from "@voice-onboarding/protocol";
import { loadChatConfig } from "../config/index.js";
import { ProfileService } from "../service/index.js";
import { createStoreFromEnv } from "../store/from-env.js";
import { createIntakeAgent } from "../worker/intake-agent.js";
import { describeCardChange } from "./card-changes.js";
import { CHAT_USAGE, UsageError } from "./usage.js";

export interface ChatIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

const defaultIO: ChatIO = { input: process.stdin, output: process.stdout, env: process.env };

/**
 * `chat`: a terminal conversation with the real agent — the model from the environment, the real
 * tools and store, no LiveKit and no speech — printing each card change as it is committed.
 */
export async function chatCommand(args: string[], io: ChatIO = defaultIO): Promise<void> {
  const options = parseChatArgs(args);
  const config = loadChatConfig(io.env);
  const say = (line: string) => {
    io.output.write(`${line}\n`);
  };
  const store = await createStoreFromEnv(io.env);
  const service = new ProfileService({
    store,
    publisher: { publish: async (message) => say(`  ${describeCardChange(message)}`) },
  });
  // agents-js logs to stdout, which is the conversation here.
  if (loggerOptions() === undefined) initializeLogger({ pretty: false, level: "silent" });
  const session = new voice.AgentSession({
    llm: new openai.LLM(config.llm),
    vad: null,
    maxToolSteps: config.maxToolSteps,
  });
  try {
    const sessionId =
      options.session ??
      (
        await service.createSession({
          recruiter: { firstName: options.recruiter },
          company: options.company === undefined ? undefined : { name: options.company },
        })
      ).sessionId;
    const intake = await createIntakeAgent(service, sessionId);
    await session.start({ agent: intake.agent });
    say(`session ${sessionId} — type your answers; an empty line or Ctrl-D ends the chat`);
    await session.say(intake.greeting).waitForPlayout();
    say(`agent: ${intake.greeting}`);
    const lines = createInterface({ input: io.input, terminal: false });
    for await (const line of lines) {
      if (line.trim() === "") break;
      const run = session.run({ userInput: line });
      await run.wait();
      for (const event of run.events) {
        if (event.type === "message" && event.item.role === "assistant" && event.item.textContent) {
          say(`agent: ${event.item.textContent}`);
        }
      }
    }
    const profile = await service.load(sessionId);
    const missing = missingFields(profile);
    say(
      `${completion(profile)}% complete${missing.length > 0 ? `; still missing: ${missing.join(", ")}` : ""}`,
    );
    intake.dispose();
  } finally {
    await session.close();
    await service.settled();
    await store.close();
  }
}

function parseChatArgs(args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: { session: { type: "string" }, recruiter: { type: "string" }, company: { type: "string" } },
    });
    return { session: values.session, recruiter: values.recruiter ?? "there", company: values.company };
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; usage: ${CHAT_USAGE}`);
  }
}
