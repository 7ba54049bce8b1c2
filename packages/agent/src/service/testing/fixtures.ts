import { CapturingPublisher } from "../../publish/publisher.js";
import type { ProfileStore } from "../../store/profile-store.js";
import { ProfileService, type ServiceLogger } from "../profile-service.js";
import type { CreateSessionInput } from "../session-input.js";
import { MemoryProfileStore } from "./memory-store.js";

/** Swap in the real pglite adapter here (or per test) once it lands. */
export type CreateStore = () => ProfileStore | Promise<ProfileStore>;
export const createMemoryStore: CreateStore = () => new MemoryProfileStore();

export interface TestHarness {
  store: ProfileStore;
  publisher: CapturingPublisher;
  service: ProfileService;
  warnings: string[];
  sessionId: string;
}

export const SAMPLE_SESSION: CreateSessionInput = {
  sessionId: "session-1",
  recruiter: { firstName: "Dana", lastName: "Reyes" },
  company: {
    name: "Acme Robotics",
    tagline: "Robots that fold laundry",
    fundingStage: "series_a",
    competitors: ["FoldCo", "Laundroid"],
    techStackHints: ["Rust", "ROS", "Kubernetes"],
  },
  requirements: { jobTitle: "Senior Backend Engineer" },
};

export async function createHarness(
  options: { createStore?: CreateStore; session?: CreateSessionInput; publisher?: CapturingPublisher } = {},
): Promise<TestHarness> {
  const store = await (options.createStore ?? createMemoryStore)();
  const publisher = options.publisher ?? new CapturingPublisher();
  const warnings: string[] = [];
  const logger: ServiceLogger = { warn: (message) => warnings.push(message) };
  const start = Date.parse("2025-01-01T00:00:00Z");
  let ticks = 0;
  let ids = 0;
  const service = new ProfileService({
    store,
    publisher,
    logger,
    now: () => new Date(start + 1000 * ++ticks),
    newId: () => `id-${++ids}`,
  });
  const profile = await service.createSession(options.session ?? SAMPLE_SESSION);
  return { store, publisher, service, warnings, sessionId: profile.sessionId };
}
