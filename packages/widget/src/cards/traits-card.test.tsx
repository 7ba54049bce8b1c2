import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { Trait } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleTraits } from "./fixtures.js";
import { TraitsCard } from "./traits-card.js";

const itemOf = (container: HTMLElement, id: string) => {
  const item = container.querySelector<HTMLElement>(`[data-id="${id}"]`);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

afterEach(cleanup);

describe("TraitsCard", () => {
  it("groups must-haves before nice-to-haves and shows signals as chips", () => {
    const { container } = render(<TraitsCard traits={sampleTraits} />);
    const section = screen.getByRole("region", { name: "Traits" });
    expect(section.className).toBe("vo-card vo-card--traits");
    const groups = [...container.querySelectorAll<HTMLElement>("[data-group]")];
    expect(groups.map((group) => group.dataset.group)).toEqual(["must_have", "nice_to_have"]);
    const ids = (group: HTMLElement) =>
      [...group.querySelectorAll<HTMLElement>("[data-id]")].map((li) => li.dataset.id);
    expect(groups[0] && ids(groups[0])).toEqual(["t-ts", "t-ownership"]);
    expect(groups[1] && ids(groups[1])).toEqual(["t-oss"]);
    const signals = within(itemOf(container, "t-ts")).getByRole("list", { name: "Signals" });
    expect(
      within(signals)
        .getAllByRole("listitem")
        .map((chip) => chip.textContent),
    ).toEqual(["Owns a public TS library", "Talks about variance unprompted"]);
  });

  it("says what the agent will ask for when empty", () => {
    render(<TraitsCard traits={[]} />);
    expect(screen.getByRole("region", { name: "Traits" }).dataset.state).toBe("empty");
    expect(screen.getByText(/agent will ask what the ideal candidate must have/)).toBeTruthy();
  });

  it("marks highlighted, pending and rejected items, with the rejection reason visible", () => {
    const { container } = render(
      <TraitsCard
        traits={sampleTraits}
        highlighted={["t-ts"]}
        pendingIds={["t-oss"]}
        rejected={{ id: "t-ownership", reason: "The agent could not find that trait." }}
      />,
    );
    expect(itemOf(container, "t-ts").dataset.state).toBe("updated");
    expect(itemOf(container, "t-oss").dataset.state).toBe("pending");
    const rejected = itemOf(container, "t-ownership");
    expect(rejected.dataset.state).toBe("rejected");
    expect(within(rejected).getByRole("alert").textContent).toContain("The agent could not find that trait.");
  });

  it("calls a trait that appears with a highlight new, and keeps it new across re-renders", () => {
    const first = sampleTraits.slice(0, 1);
    const { container, rerender } = render(<TraitsCard traits={first} />);
    rerender(<TraitsCard traits={sampleTraits} highlighted={["t-oss"]} />);
    expect(itemOf(container, "t-oss").dataset.state).toBe("new");
    rerender(<TraitsCard traits={sampleTraits} highlighted={["t-oss"]} />);
    expect(itemOf(container, "t-oss").dataset.state).toBe("new");
    rerender(<TraitsCard traits={sampleTraits} highlighted={["t-ts"]} />);
    expect(itemOf(container, "t-oss").dataset.state).toBe("idle");
    expect(itemOf(container, "t-ts").dataset.state).toBe("updated");
  });

  it("is read-only without onEdit", () => {
    render(<TraitsCard traits={sampleTraits} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("renames a trait with only the changed field, and returns focus to the edit button", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit TypeScript depth" }));
    const name = screen.getByLabelText("Name");
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: "  Deep TypeScript  " } });
    fireEvent.submit(screen.getByRole("form", { name: "Editing TypeScript depth" }));
    expect(onEdit.mock.calls).toEqual([
      [{ type: "trait.update", data: { traitId: "t-ts", name: "Deep TypeScript" } }],
    ]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit TypeScript depth" }));
  });

  it("changes priority", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit Open-source work" }));
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "must_have" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onEdit.mock.calls).toEqual([
      [{ type: "trait.update", data: { traitId: "t-oss", priority: "must_have" } }],
    ]);
  });

  it("refuses an empty name inline and cancels with Escape without sending", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit Ownership" }));
    const name = screen.getByLabelText("Name");
    fireEvent.change(name, { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe("Name is required.");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    fireEvent.keyDown(name, { key: "Escape" });
    expect(screen.queryByRole("form")).toBeNull();
    expect(onEdit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Ownership" }));
  });

  it("deletes a trait", () => {
    const onEdit = vi.fn();
    render(<TraitsCard traits={sampleTraits} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete Open-source work" }));
    expect(onEdit.mock.calls).toEqual([[{ type: "trait.delete", data: { traitId: "t-oss" } }]]);
  });

  it("moves focus to the next trait after a delete, or to the card's title when none is left beside it", () => {
    render(<TraitsCard traits={sampleTraits} onEdit={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete TypeScript depth" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Ownership" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete Open-source work" }));
    expect(document.activeElement?.classList.contains("vo-card__title")).toBe(true);
  });

  it("stays usable with 50 traits", () => {
    const many: Trait[] = Array.from({ length: 50 }, (_, index) => ({
      id: `t-${index}`,
      name: `Trait ${index}`,
      description: "x".repeat(400),
      priority: index % 3 === 0 ? "nice_to_have" : "must_have",
      signals: ["signal"],
    }));
    const onEdit = vi.fn();
    const { container } = render(<TraitsCard traits={many} onEdit={onEdit} />);
    expect(container.querySelectorAll("[data-id]")).toHaveLength(50);
    expect(screen.getByRole("heading", { name: "Must have 33" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Delete Trait 49" }));
    expect(onEdit).toHaveBeenCalledWith({ type: "trait.delete", data: { traitId: "t-49" } });
  });
});
