import replay from "../../recordings/full-intake.recording.json" with { type: "json" };

type RecordedMessage = (typeof replay.messages)[number];

const COLLECTION_OF: Record<string, "traits" | "stages" | "nuances"> = {
  "trait.created": "traits",
  "stage.created": "stages",
  "nuance.captured": "nuances",
};

function createdItem(message: RecordedMessage): { id: string; name: string } | null {
  const data = message.data as {
    trait?: { id: string; name: string };
    stage?: { id: string; name: string };
    nuance?: { id: string; insight: string };
  };
  const item = data.trait ?? data.stage;
  if (item) return { id: item.id, name: item.name };
  if (data.nuance) return { id: data.nuance.id, name: data.nuance.insight };
  return null;
}

export const messageCount = replay.messages.length;

/** What the replay plays: every message, the agent's opening and each line of the conversation. */
export const entryCount = replay.messages.length + 1 + replay.transcript.length;

export const openingLine = replay.opening;
export const lastLine = replay.transcript.at(-1)?.text ?? "";

/** Ids of traits, stages and nuances in the order the agent created them. */
export const itemIdsInOrder = replay.messages.flatMap((message) =>
  message.type in COLLECTION_OF ? [createdItem(message)?.id ?? ""] : [],
);

/** The list cards in the order they first received an item. */
export const listCardsInOrder = [
  ...new Set(
    replay.messages.flatMap((message) =>
      message.type in COLLECTION_OF ? [COLLECTION_OF[message.type]] : [],
    ),
  ),
];

/** What the live region must say at the message's index, for the messages whose wording is fixed here. */
export const expectedAnnouncements = new Map(
  replay.messages.flatMap((message, index): [number, string][] => {
    const item = createdItem(message);
    if (message.type === "profile.snapshot") return [[index, "Profile loaded"]];
    if (message.type === "trait.created" && item) return [[index, `Added trait: ${item.name}`]];
    if (message.type === "stage.created" && item) return [[index, `Added interview stage: ${item.name}`]];
    return [];
  }),
);

export const traitNames = replay.profile.traits.map((trait) => trait.name);
export const firstTraitName = traitNames[0] ?? "";
/** Index of the message that creates the first trait: a reload past it must not replay it. */
export const firstTraitMessage = replay.messages.findIndex((message) => message.type === "trait.created");
