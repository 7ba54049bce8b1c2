import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPersonaDir, loadPersonas, PersonaLoadError } from "./load-personas.js";
import { PersonaError, parsePersona } from "./persona.js";

const shipped = await loadPersonas(defaultPersonaDir());
const byId = (id: string) => {
  const persona = shipped.find((p) => p.id === id);
  if (persona === undefined) throw new Error(`no persona ${id}`);
  return persona;
};

describe("shipped personas", () => {
  it("are at least ten, valid, and cover what real intakes throw at the agent", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(10);
    const pay = shipped.map((p) => p.truth.requirements.compensation);
    expect(pay.some((c) => c?.interval === "hour")).toBe(true);
    expect(pay.some((c) => c !== undefined && c.currency !== "USD")).toBe(true);
    expect(byId("no-salary").truth.requirements.compensation).toBeUndefined();
    expect(byId("correcting-data").turns.some((turn) => turn.reveals.said !== undefined)).toBe(true);
    expect(byId("hand-editor").edits).toHaveLength(1);
    expect(byId("ends-early").expectCompletion).toBe(false);
    expect(byId("executive-search").truth.traits.length).toBeGreaterThan(12);
    expect(byId("terse-backend").turns.some((turn) => /one-fifty to one-eighty/i.test(turn.say))).toBe(true);
    const titles = shipped.map((p) => p.truth.requirements.jobTitle ?? "").join(" | ");
    for (const role of [/account executive/i, /nurse/i, /warehouse/i, /chief financial officer/i]) {
      expect(titles).toMatch(role);
    }
  });
});

describe("parsePersona", () => {
  const valid = () => JSON.parse(JSON.stringify(byId("terse-backend")));

  it("names the path of a schema problem", () => {
    const persona = valid();
    persona.truth.requirements.compensation.currency = "dollars";
    expect(() => parsePersona(persona)).toThrow(
      new PersonaError(
        "truth.requirements.compensation.currency",
        "expected an ISO 4217 code such as USD, EUR or GBP",
      ),
    );
  });

  it("refuses lines that reveal facts the ground truth does not have", () => {
    const unknownTrait = valid();
    unknownTrait.turns[3].reveals.traits = ["Kubernetes"];
    expect(() => parsePersona(unknownTrait)).toThrow(
      /turns\[3\]\.reveals\.traits\[0\]: no trait "Kubernetes"/,
    );
    const unsetField = valid();
    unsetField.turns[0].reveals.requirements = ["equityRange"];
    expect(() => parsePersona(unsetField)).toThrow(/"equityRange" is not in truth\.requirements/);
    const lateEdit = valid();
    lateEdit.edits = [{ beforeTurn: 9, requirements: {} }];
    expect(() => parsePersona(lateEdit)).toThrow(/edits\[0\]\.beforeTurn: the persona has 6 turns/);
  });

  it("loads a folder, naming the file of a bad persona and refusing duplicate ids", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vo-personas-"));
    const text = await readFile(join(defaultPersonaDir(), "terse-backend.json"), "utf8");
    await writeFile(join(dir, "a.json"), text);
    await expect(loadPersonas(dir)).resolves.toHaveLength(1);
    await writeFile(join(dir, "b.json"), text);
    await expect(loadPersonas(dir)).rejects.toThrow(/b\.json: id "terse-backend" is used twice/);
    await writeFile(join(dir, "b.json"), "{ not json");
    await expect(loadPersonas(dir)).rejects.toThrow(PersonaLoadError);
    await expect(loadPersonas(join(dir, "missing"))).rejects.toThrow(/no such folder/);
  });
});
