import {
  type ApplyResult,
  applyMessage,
  type EditCommand,
  type EditResult,
  type JobProfile,
  PROTOCOL_VERSION,
  type ProtocolMessage,
} from "@voice-onboarding/protocol";
import type { Room } from "livekit-client";
import { createStore, type StoreApi } from "zustand/vanilla";
import { newId } from "../cards/edit/new-id.js";
import { en } from "../i18n/en.js";
import type { Messages } from "../i18n/messages.js";
import { type CardHighlights, cardOfMessage, NO_HIGHLIGHTS } from "./card-of.js";
import { changedIds, describeChange } from "./describe-change.js";
import { applyEditOptimistically, touchedIds } from "./optimistic.js";
import type {
  AgentStatus,
  AgentWait,
  ConnectionInfo,
  EditDraft,
  MicrophoneStatus,
  OnboardingState,
  PendingEdit,
  TranscriptEntry,
} from "./types.js";

export interface OnboardingActions {
  /** Folds one agent message in; the transport asks for a snapshot when this says gap or rejected. */
  receive(message: ProtocolMessage): ApplyResult["status"];
  /** Shows a recruiter edit at once and returns the command to send; throws before a profile exists. */
  beginEdit(draft: EditDraft): EditCommand;
  settleEdit(result: EditResult): void;
  setConnection(connection: ConnectionInfo): void;
  setAgentState(agentState: AgentStatus): void;
  setAgentWait(agentWait: AgentWait | null): void;
  setMicrophone(microphone: MicrophoneStatus): void;
  setMuted(muted: boolean): void;
  setRoom(room: Room | null): void;
  upsertTranscript(entry: TranscriptEntry): void;
  announce(text: string): void;
  /** The language announcements and the widget's own errors are worded in from now on. */
  setMessages(messages: Messages): void;
}

export type OnboardingStore = StoreApi<OnboardingState & OnboardingActions>;

const MAX_TRANSCRIPT_ENTRIES = 200;

export interface OnboardingStoreOptions {
  /** The strings announcements and the widget's own errors use; English by default. */
  messages?: Messages;
}

function initialState(messages: Messages): OnboardingState {
  return {
    messages,
    profile: null,
    confirmedProfile: null,
    connection: { status: "idle", error: null },
    agentState: "disconnected",
    agentWait: null,
    microphone: "unknown",
    muted: false,
    transcript: [],
    pendingEdits: {},
    lastChange: null,
    highlights: NO_HIGHLIGHTS,
    lastRejected: null,
    announcement: null,
    room: null,
    needsSnapshot: false,
  };
}

function shownProfile(confirmed: JobProfile | null, pending: Record<string, PendingEdit>): JobProfile | null {
  if (confirmed === null) return null;
  return Object.values(pending).reduce(
    (profile, edit) => applyEditOptimistically(profile, edit.command),
    confirmed,
  );
}

/** Whether two JSON values are equal, whatever the order of their keys (a stored profile's may differ). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * A snapshot at exactly the version the widget holds is the stored state at that version: from an
 * agent that replaced one whose job died (it sends one to every recruiter at start), or one the
 * widget asked for. The reducer calls it stale; the widget takes it when it differs from what it
 * holds, so it always converges to what is stored. null: not such a snapshot.
 */
function sameVersionSnapshot(
  held: JobProfile | null,
  message: ProtocolMessage,
): "identical" | "different" | null {
  if (message.type !== "profile.snapshot" || held === null) return null;
  const { profile } = message.data;
  if (message.seq !== held.version || profile.version !== message.seq) return null;
  if (profile.sessionId !== held.sessionId || message.sessionId !== held.sessionId) return null;
  return sameJson(profile, held) ? "identical" : "different";
}

/** Drops confirmed edits whose agent message has arrived: the profile now carries them. */
function unsettled(pending: Record<string, PendingEdit>, version: number): Record<string, PendingEdit> {
  return Object.fromEntries(
    Object.entries(pending).filter(([, edit]) => edit.confirmedSeq === null || edit.confirmedSeq > version),
  );
}

/** A snapshot may change every card, so it clears every highlight. */
function highlightsAfter(
  highlights: CardHighlights,
  message: ProtocolMessage,
  ids: string[],
): CardHighlights {
  const card = cardOfMessage(message.type, ids);
  return card === null ? NO_HIGHLIGHTS : { ...highlights, [card]: ids };
}

let commandCounter = 0;
function newCommandId(): string {
  commandCounter += 1;
  return newId(`edit-${commandCounter}`);
}

/** One store per mounted widget: two widgets on a page never share state. */
export function createOnboardingStore({ messages = en }: OnboardingStoreOptions = {}): OnboardingStore {
  return createStore<OnboardingState & OnboardingActions>()((set, get) => {
    let announcementId = 0;
    const announcement = (text: string) => {
      announcementId += 1;
      return { id: announcementId, text };
    };

    return {
      ...initialState(messages),

      receive(message) {
        const state = get();
        const same = sameVersionSnapshot(state.confirmedProfile, message);
        if (same === "identical") {
          // It confirms what is shown: a widget waiting for a snapshot has it (held messages may follow).
          if (!state.needsSnapshot) return "stale";
          set({ needsSnapshot: false });
          return "applied";
        }
        const result: ApplyResult =
          same === "different" && message.type === "profile.snapshot"
            ? { status: "applied", profile: message.data.profile }
            : applyMessage(state.confirmedProfile, message);
        if (result.status === "stale") return result.status;
        if (result.status !== "applied") {
          set({ needsSnapshot: true });
          return result.status;
        }
        const pendingEdits = unsettled(state.pendingEdits, result.profile.version);
        const ids = changedIds(message, state.confirmedProfile);
        set({
          confirmedProfile: result.profile,
          profile: shownProfile(result.profile, pendingEdits),
          pendingEdits,
          needsSnapshot: false,
          lastChange: { type: message.type, ids, at: Date.now() },
          highlights: highlightsAfter(state.highlights, message, ids),
          announcement: announcement(describeChange(message, state.confirmedProfile, state.messages)),
        });
        return result.status;
      },

      beginEdit(draft) {
        const { confirmedProfile, pendingEdits } = get();
        if (confirmedProfile === null) throw new Error("cannot edit before the profile has loaded");
        const command = {
          ...draft,
          v: PROTOCOL_VERSION,
          sessionId: confirmedProfile.sessionId,
          commandId: newCommandId(),
        } as EditCommand;
        const next = {
          ...pendingEdits,
          [command.commandId]: { command, itemIds: touchedIds(draft), confirmedSeq: null },
        };
        set({ pendingEdits: next, profile: shownProfile(confirmedProfile, next), lastRejected: null });
        return command;
      },

      settleEdit(result) {
        const { confirmedProfile, pendingEdits, messages } = get();
        const edit = pendingEdits[result.commandId];
        if (edit === undefined) return;
        if (result.ok) {
          const confirmed = { ...edit, confirmedSeq: result.seq };
          const next = unsettled(
            { ...pendingEdits, [result.commandId]: confirmed },
            confirmedProfile?.version ?? -1,
          );
          set({ pendingEdits: next, profile: shownProfile(confirmedProfile, next) });
          return;
        }
        const rest = { ...pendingEdits };
        delete rest[result.commandId];
        set({
          pendingEdits: rest,
          profile: shownProfile(confirmedProfile, rest),
          lastRejected: {
            commandId: result.commandId,
            type: edit.command.type,
            itemIds: edit.itemIds,
            reason: result.error.message,
            at: Date.now(),
          },
          announcement: announcement(messages.editNotSaved(result.error.message)),
        });
      },

      setConnection: (connection) => set({ connection }),
      setAgentState: (agentState) => set({ agentState }),
      setAgentWait: (agentWait) => set({ agentWait }),
      setMicrophone: (microphone) => set({ microphone }),
      setMuted: (muted) => set({ muted }),
      setRoom: (room) => set({ room }),
      announce: (text) => set({ announcement: announcement(text) }),
      setMessages: (next) => set({ messages: next }),

      upsertTranscript(entry) {
        const { transcript } = get();
        const index = transcript.findIndex((existing) => existing.id === entry.id);
        const next =
          index === -1
            ? [...transcript, entry].slice(-MAX_TRANSCRIPT_ENTRIES)
            : transcript.map((existing, at) => (at === index ? { ...entry, at: existing.at } : existing));
        set({ transcript: next });
      },
    };
  });
}
