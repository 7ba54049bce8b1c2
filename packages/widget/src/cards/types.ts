import type { EditCommand } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";

type DistributiveOmit<T, Key extends PropertyKey> = T extends unknown ? Omit<T, Key> : never;

/** An edit command without its envelope: `{ type, data }`; the transport adds `v`, `sessionId`, `commandId`. */
export type EditDraft = DistributiveOmit<EditCommand, "v" | "sessionId" | "commandId">;
export type EditDraftOf<Type extends EditDraft["type"]> = Extract<EditDraft, { type: Type }>;

/** What an item shows: just changed (`new`/`updated`), awaiting the agent, rolled back, or nothing. */
export type ItemState = "new" | "updated" | "pending" | "rejected" | "idle";

export interface CardCommonProps {
  /** Ids changed by the last message (trait/stage/nuance ids, requirement field names, "company"): briefly highlighted. */
  highlighted?: readonly string[];
  /** Items with an edit awaiting the agent's confirmation. */
  pendingIds?: readonly string[];
  /** The last rolled-back edit: its reason is shown next to that item. */
  rejected?: { id: string; reason: string } | null;
  /** When set, inline edit/delete/confirm controls are shown; omit for a read-only card. */
  onEdit?: (edit: EditDraft) => void;
  /** Strings over the surrounding `MessagesProvider`'s language (English outside one). */
  labels?: Partial<CardMessages>;
  className?: string;
}
