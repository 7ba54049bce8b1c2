import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CompanyCard } from "./company-card.js";
import { UNDO_MS } from "./edit/undo.js";
import { sampleNuances, sampleProfile, sampleStages, sampleTraits } from "./fixtures.js";
import { NuancesCard } from "./nuances-card.js";
import { StagesCard } from "./stages-card.js";
import { TraitsCard } from "./traits-card.js";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });
const save = () => fireEvent.click(screen.getByRole("button", { name: "Save" }));

describe("adding a trait or a stage", () => {
  it("adds a trait with signals, one a line, under a fresh id; focus returns to Add", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    const add = screen.getByRole("button", { name: "Add trait" });
    fireEvent.click(add);
    expect(screen.getByRole("form", { name: "Add trait" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name" }));
    type("Name", "  Mentoring ");
    type("Description", "Grows juniors.");
    type("Signals", "Ran a guild\n\n  Wrote onboarding docs ");
    fireEvent.change(screen.getByRole("combobox", { name: "Priority" }), {
      target: { value: "nice_to_have" },
    });
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "trait.add",
      data: {
        trait: {
          id: expect.stringMatching(/^trait-/),
          name: "Mentoring",
          description: "Grows juniors.",
          priority: "nice_to_have",
          signals: ["Ran a guild", "Wrote onboarding docs"],
        },
      },
    });
    expect(screen.queryByRole("form")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add trait" }));
  });

  it("refuses an empty name and too many signals inline, sending nothing", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={[]} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Add trait" }));
    type("Description", "d");
    save();
    expect(screen.getByRole("alert").textContent).toBe("Name is required.");
    expect(screen.getByRole("textbox", { name: "Name" }).getAttribute("aria-invalid")).toBe("true");
    type("Name", "Rust");
    type("Signals", Array.from({ length: 21 }, (_, i) => `signal ${i}`).join("\n"));
    save();
    expect(screen.getByRole("alert").textContent).toBe("Signals can list at most 20 items.");
    expect(onEdit).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Name" }), { key: "Escape" });
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("edits a trait's signals: only the signals are sent", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit TypeScript depth" }));
    const signals = screen.getByRole("textbox", { name: "Signals" }) as HTMLTextAreaElement;
    expect(signals.value).toBe("Owns a public TS library\nTalks about variance unprompted");
    expect(signals.getAttribute("aria-describedby")).toBeTruthy();
    type("Signals", "Owns a public TS library\nReviews type-level PRs");
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "trait.update",
      data: { traitId: "t-ts", signals: ["Owns a public TS library", "Reviews type-level PRs"] },
    });
  });

  it("adds a stage at the end of the process", () => {
    const onEdit = vi.fn();
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Add stage" }));
    type("Name", "Reference calls");
    type("Description", "Two references.");
    type("Duration in minutes", "30");
    type("Actions", "Call two references\n\n Summarise for the panel ");
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "stage.add",
      data: {
        stage: {
          id: expect.stringMatching(/^stage-/),
          name: "Reference calls",
          description: "Two references.",
          order: 4,
          durationMinutes: 30,
          actions: ["Call two references", "Summarise for the panel"],
        },
      },
    });
  });

  it("edits a stage's actions, one a line: only the actions are sent; too many are refused", () => {
    const onEdit = vi.fn();
    const stage = sampleStages.find((candidate) => candidate.actions.length > 0);
    if (!stage) throw new Error("fixture has a stage with actions");
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: `Edit ${stage.name}` }));
    expect((screen.getByRole("textbox", { name: "Actions" }) as HTMLTextAreaElement).value).toBe(
      stage.actions.join("\n"),
    );
    type("Actions", Array.from({ length: 21 }, (_, i) => `step ${i}`).join("\n"));
    save();
    expect(screen.getByRole("alert").textContent).toContain("Actions");
    expect(onEdit).not.toHaveBeenCalled();
    type("Actions", `${stage.actions.join("\n")}\nShare the rubric`);
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "stage.update",
      data: { stageId: stage.id, actions: [...stage.actions, "Share the rubric"] },
    });
  });
});

describe("editing the company card and a note", () => {
  it("sends only what changed; an emptied field is cleared with null", () => {
    const onEdit = vi.fn();
    render(<CompanyCard company={sampleProfile.company} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit company" }));
    type("Tagline", "Laundry, folded");
    type("Headquarters", "");
    type("Competitors", "FoldiMate\nLaundroid\nFoldCo");
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "company.update",
      data: {
        company: {
          tagline: "Laundry, folded",
          headquarters: null,
          competitors: ["FoldiMate", "Laundroid", "FoldCo"],
        },
      },
    });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit company" }));
  });

  it("starts an empty card only with a name", () => {
    const onEdit = vi.fn();
    render(<CompanyCard company={undefined} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit company" }));
    type("Tagline", "Rockets");
    save();
    expect(screen.getByRole("alert").textContent).toBe("Company name is required.");
    type("Company name", "Initech");
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "company.update",
      data: { company: { name: "Initech", tagline: "Rockets" } },
    });
  });

  it("corrects a note's text and clears its quote", () => {
    const onEdit = vi.fn();
    const [note] = sampleNuances;
    if (!note) throw new Error("fixture has notes");
    render(<NuancesCard nuances={sampleNuances} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: `Edit ${note.insight}` }));
    type("Note", "Async first, meetings rare.");
    type("In the recruiter's words", "");
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "nuance.update",
      data: {
        nuanceId: note.id,
        insight: "Async first, meetings rare.",
        verbatimQuote: null,
      },
    });
  });

  it("adds a note of the recruiter's own, with a category, under a fresh id; nothing when unchanged", () => {
    const onEdit = vi.fn();
    render(<NuancesCard nuances={sampleNuances} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(screen.getByRole("form", { name: "Add note" })).toBeTruthy();
    save();
    expect(screen.getByRole("alert").textContent).toBe("Note is required.");
    type("Note", " Wants someone who has been on call for money movement. ");
    fireEvent.change(screen.getByRole("combobox", { name: "Category" }), { target: { value: "red_flag" } });
    save();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith({
      type: "nuance.add",
      data: {
        nuance: {
          id: expect.stringMatching(/^nuance-/),
          category: "red_flag",
          insight: "Wants someone who has been on call for money movement.",
        },
      },
    });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add note" }));

    // Opening a note's editor and saving it unchanged sends nothing.
    const [note] = sampleNuances;
    if (!note) throw new Error("fixture has notes");
    fireEvent.click(screen.getByRole("button", { name: `Edit ${note.insight}` }));
    save();
    expect(onEdit).toHaveBeenCalledTimes(1);
  });
});

describe("undo a delete", () => {
  it("offers Undo for a few seconds in a live region; Undo sends the trait back", () => {
    vi.useFakeTimers();
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    const status = screen.getByRole("status");
    fireEvent.click(screen.getByRole("button", { name: "Delete Ownership" }));
    expect(onEdit).toHaveBeenLastCalledWith({ type: "trait.delete", data: { traitId: "t-ownership" } });
    expect(status.textContent).toContain("Deleted Ownership.");
    fireEvent.click(within(status).getByRole("button", { name: "Undo deleting Ownership" }));
    expect(onEdit).toHaveBeenLastCalledWith({
      type: "trait.add",
      data: { trait: sampleTraits.find((trait) => trait.id === "t-ownership") },
    });
    expect(status.textContent).toBe("");
  });

  it("puts a stage back in its place, and the offer ends after UNDO_MS unless focused", () => {
    vi.useFakeTimers();
    const onEdit = vi.fn();
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    const status = screen.getByRole("status");
    fireEvent.click(screen.getByRole("button", { name: "Delete Recruiter screen" }));
    const undo = within(status).getByRole("button", { name: "Undo deleting Recruiter screen" });
    fireEvent.focus(undo);
    act(() => vi.advanceTimersByTime(UNDO_MS * 2));
    fireEvent.click(undo);
    expect(onEdit).toHaveBeenLastCalledWith({ type: "stage.add", data: { stage: sampleStages[0] } });
    fireEvent.click(screen.getByRole("button", { name: "Delete Founder chat" }));
    expect(status.textContent).toContain("Deleted Founder chat.");
    act(() => vi.advanceTimersByTime(UNDO_MS));
    expect(status.textContent).toBe("");
  });

  it("restores a deleted note with its content", () => {
    const onEdit = vi.fn();
    const note = sampleNuances[1];
    if (!note) throw new Error("fixture has notes");
    render(<NuancesCard nuances={sampleNuances} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: `Delete ${note.insight}` }));
    fireEvent.click(screen.getByRole("button", { name: /^Undo deleting/ }));
    expect(onEdit).toHaveBeenLastCalledWith({ type: "nuance.add", data: { nuance: note } });
  });

  it("shows no undo region on a read-only card", () => {
    render(<TraitsCard traits={sampleTraits} />);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add trait" })).toBeNull();
  });
});
