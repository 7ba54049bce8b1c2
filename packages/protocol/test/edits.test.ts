import { describe, expect, it } from "vitest";
import {
  decodeEditCommand,
  decodeEditResult,
  type EditCommand,
  encodeEditCommand,
  encodeEditResult,
  MAX_EDIT_COMMAND_BYTES,
  PROTOCOL_VERSION,
} from "../src/index.js";

const envelope = { v: PROTOCOL_VERSION, sessionId: "s1", commandId: "c1" } as const;
const commands: EditCommand[] = [
  {
    ...envelope,
    type: "requirements.update",
    data: { requirements: { jobTitle: "Staff Engineer", equityRange: null } },
  },
  {
    ...envelope,
    type: "trait.update",
    data: { traitId: "t1", name: "Distributed Systems", priority: "nice_to_have" },
  },
  { ...envelope, type: "trait.delete", data: { traitId: "t1" } },
  {
    ...envelope,
    type: "stage.update",
    data: { stageId: "st1", durationMinutes: null, description: "Pairing on a real bug" },
  },
  { ...envelope, type: "stage.delete", data: { stageId: "st1" } },
  { ...envelope, type: "stages.reorder", data: { stageIds: ["b", "a"] } },
  { ...envelope, type: "nuance.delete", data: { nuanceId: "n1" } },
  {
    ...envelope,
    type: "company.update",
    data: { company: { name: "Acme", tagline: null, investors: ["a16z"] } },
  },
  {
    ...envelope,
    type: "trait.add",
    data: { trait: { id: "t9", name: "Ownership", description: "d", priority: "must_have", signals: ["x"] } },
  },
  {
    ...envelope,
    type: "stage.add",
    data: { stage: { id: "st9", name: "Onsite", description: "d", order: 2, actions: [] } },
  },
  {
    ...envelope,
    type: "nuance.add",
    data: { nuance: { id: "n9", category: "red_flag", insight: "No job hoppers" } },
  },
  { ...envelope, type: "nuance.update", data: { nuanceId: "n1", insight: "Fixed", verbatimQuote: null } },
  { ...envelope, type: "field.confirm", data: { field: "compensation" } },
];

describe("edit command codec", () => {
  it.each(commands)("round-trips $type", (command) => {
    expect(decodeEditCommand(encodeEditCommand(command))).toEqual({ ok: true, message: command });
  });

  it("names the first problem", () => {
    const bad = { ...envelope, type: "trait.update", data: { traitId: "t1", priority: "critical" } };
    expect(decodeEditCommand(JSON.stringify(bad))).toMatchObject({
      ok: false,
      error: {
        kind: "invalid_message",
        path: ["data", "priority"],
        message: expect.stringContaining("must_have"),
      },
    });
    expect(decodeEditCommand(JSON.stringify({ ...envelope, type: "trait.rename", data: {} }))).toMatchObject({
      ok: false,
      error: { path: ["type"] },
    });
  });

  it("never clears a company's name: a company card always has one", () => {
    const cleared = { ...envelope, type: "company.update", data: { company: { name: null } } };
    expect(decodeEditCommand(JSON.stringify(cleared))).toMatchObject({
      ok: false,
      error: { kind: "invalid_message", path: ["data", "company", "name"] },
    });
  });

  it("refuses a command larger than LiveKit's RPC payload limit before parsing it", () => {
    const padded = JSON.stringify({
      ...envelope,
      type: "requirements.update",
      data: { requirements: { jobTitle: "x" }, padding: " ".repeat(MAX_EDIT_COMMAND_BYTES) },
    });
    expect(decodeEditCommand(padded)).toMatchObject({
      ok: false,
      error: { kind: "too_large", limit: MAX_EDIT_COMMAND_BYTES, size: padded.length },
    });
    // Multi-byte text counts in bytes, as it travels.
    const wide = `"${"é".repeat(MAX_EDIT_COMMAND_BYTES / 2)}"`;
    expect(decodeEditCommand(wide)).toMatchObject({ ok: false, error: { kind: "too_large" } });
  });

  it("round-trips results", () => {
    const ok = { ok: true as const, commandId: "c1", seq: 12 };
    const rejected = {
      ok: false as const,
      commandId: "c1",
      error: { code: "not_found" as const, message: "no trait t9" },
    };
    expect(decodeEditResult(encodeEditResult(ok))).toEqual({ ok: true, message: ok });
    expect(decodeEditResult(encodeEditResult(rejected))).toEqual({ ok: true, message: rejected });
  });
});
