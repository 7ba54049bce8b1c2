import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleStages } from "./fixtures.js";
import { StagesCard } from "./stages-card.js";

afterEach(cleanup);

const shuffled = [sampleStages[2], sampleStages[0], sampleStages[1]].filter((stage) => stage !== undefined);

describe("StagesCard", () => {
  it("renders the stages as an ordered timeline sorted by order", () => {
    render(<StagesCard stages={shuffled} />);
    const section = screen.getByRole("region", { name: "Interview stages" });
    expect(section.className).toBe("vo-card vo-card--stages");
    const items = within(section)
      .getAllByRole("listitem")
      .filter((item) => item.dataset.id);
    expect(items.map((item) => item.dataset.id)).toEqual(["s-screen", "s-tech", "s-founder"]);
    expect(screen.getByRole("heading", { name: "Stage 2: Technical deep dive" })).toBeTruthy();
    expect(screen.getByText("30 min · Recruiter")).toBeTruthy();
  });

  it("says what the agent will ask for when empty", () => {
    render(<StagesCard stages={[]} />);
    expect(screen.getByRole("region").dataset.state).toBe("empty");
    expect(screen.getByText(/agent will ask how candidates move from first call to offer/)).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows pending and rejected stages with the reason", () => {
    const { container } = render(
      <StagesCard
        stages={sampleStages}
        pendingIds={["s-tech"]}
        rejected={{ id: "s-founder", reason: "Stage no longer exists." }}
      />,
    );
    expect(container.querySelector('[data-id="s-tech"]')?.getAttribute("data-state")).toBe("pending");
    const founder = container.querySelector<HTMLElement>('[data-id="s-founder"]');
    expect(founder?.dataset.state).toBe("rejected");
    expect(founder && within(founder).getByRole("alert").textContent).toContain("Stage no longer exists.");
  });

  it("is read-only without onEdit", () => {
    render(<StagesCard stages={sampleStages} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("moves a stage up or down and sends the full new order", () => {
    const onEdit = vi.fn();
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Move Founder chat up" }));
    fireEvent.click(screen.getByRole("button", { name: "Move Recruiter screen down" }));
    expect(onEdit.mock.calls).toEqual([
      [{ type: "stages.reorder", data: { stageIds: ["s-screen", "s-founder", "s-tech"] } }],
      [{ type: "stages.reorder", data: { stageIds: ["s-tech", "s-screen", "s-founder"] } }],
    ]);
  });

  it("puts focus back on the moved stage when the new order arrives", () => {
    const onEdit = vi.fn();
    const [screening, tech, founder] = sampleStages;
    if (!screening || !tech || !founder) throw new Error("fixture");
    const { rerender } = render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    const down = screen.getByRole("button", { name: "Move Technical deep dive down" });
    down.focus();
    fireEvent.click(down);
    // A browser drops focus from a node that React moves; simulate that, then apply the new order.
    down.blur();
    rerender(
      <StagesCard stages={[screening, { ...founder, order: 2 }, { ...tech, order: 3 }]} onEdit={onEdit} />,
    );
    // Now last: its down button is disabled, so focus lands on its up button.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move Technical deep dive up" }));
  });

  it("cannot move the first stage up or the last one down", () => {
    render(<StagesCard stages={sampleStages} onEdit={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Move Recruiter screen up" }).hasAttribute("disabled")).toBe(
      true,
    );
    expect(screen.getByRole("button", { name: "Move Founder chat down" }).hasAttribute("disabled")).toBe(
      true,
    );
  });

  it("edits a stage, clearing the duration, and deletes one", () => {
    const onEdit = vi.fn();
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit Recruiter screen" }));
    fireEvent.change(screen.getByLabelText("Duration in minutes"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "Motivation only." } });
    fireEvent.keyDown(screen.getByLabelText("Description"), { key: "Enter" });
    fireEvent.click(screen.getByRole("button", { name: "Delete Founder chat" }));
    expect(onEdit.mock.calls).toEqual([
      [
        {
          type: "stage.update",
          data: { stageId: "s-screen", description: "Motivation only.", durationMinutes: null },
        },
      ],
      [{ type: "stage.delete", data: { stageId: "s-founder" } }],
    ]);
  });

  it("refuses a duration out of range inline", () => {
    const onEdit = vi.fn();
    render(<StagesCard stages={sampleStages} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Edit Technical deep dive" }));
    fireEvent.change(screen.getByLabelText("Duration in minutes"), { target: { value: "900" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Duration in minutes must be a whole number from 1 to 600.",
    );
    expect(onEdit).not.toHaveBeenCalled();
  });
});
