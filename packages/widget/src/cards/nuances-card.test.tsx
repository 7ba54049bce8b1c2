import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nuancePerCategory } from "../stories/profiles.js";
import { sampleNuances } from "./fixtures.js";
import { NuancesCard } from "./nuances-card.js";

afterEach(cleanup);

describe("NuancesCard", () => {
  it("groups nuances by category in protocol order with readable names", () => {
    const { container } = render(<NuancesCard nuances={[...sampleNuances].reverse()} />);
    const groups = [...container.querySelectorAll<HTMLElement>("[data-group]")];
    expect(groups.map((group) => group.dataset.group)).toEqual(["culture_fit", "red_flag", "urgency"]);
    expect(screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)).toEqual([
      "Culture fit",
      "Red flags",
      "Urgency",
    ]);
    const culture = groups[0];
    expect(
      culture &&
        within(culture)
          .getAllByRole("listitem")
          .map((item) => item.dataset.id),
    ).toEqual(["n-docs", "n-async"]);
  });

  it("marks every category with its own shape beside its name, not by colour alone", () => {
    const { container } = render(<NuancesCard nuances={nuancePerCategory} />);
    const headings = [...container.querySelectorAll<HTMLElement>(".vo-group__title")];
    expect(headings).toHaveLength(8);
    const shapes = headings.map((heading) => {
      const marker = heading.querySelector("svg.vo-nuance-marker");
      expect(marker?.getAttribute("aria-hidden")).toBe("true");
      expect(marker?.getAttribute("data-category")).toBe(
        heading.closest<HTMLElement>("[data-group]")?.dataset.group,
      );
      expect(heading.textContent).not.toBe("");
      return marker?.querySelector("path")?.getAttribute("d");
    });
    expect(new Set(shapes).size).toBe(8);
  });

  it("shows verbatim quotes as quotes", () => {
    const { container } = render(<NuancesCard nuances={sampleNuances} />);
    const quote = container.querySelector('[data-id="n-async"] blockquote');
    expect(quote?.textContent).toBe("“We hate meetings.”");
    expect(container.querySelectorAll("blockquote")).toHaveLength(1);
  });

  it("says what the agent listens for when empty", () => {
    render(<NuancesCard nuances={[]} />);
    expect(screen.getByRole("region", { name: "Nuances" }).dataset.state).toBe("empty");
    expect(screen.getByText(/agent listens for culture/)).toBeTruthy();
  });

  it("marks highlighted and rejected nuances", () => {
    const { container } = render(
      <NuancesCard
        nuances={sampleNuances}
        highlighted={["n-q3"]}
        rejected={{ id: "n-hop", reason: "Busy" }}
      />,
    );
    expect(container.querySelector('[data-id="n-q3"]')?.getAttribute("data-state")).toBe("updated");
    expect(container.querySelector('[data-id="n-hop"]')?.getAttribute("data-state")).toBe("rejected");
    expect(screen.getByRole("alert").textContent).toBe("Not saved: Busy");
  });

  it("is read-only without onEdit and deletes with it", () => {
    const { rerender } = render(<NuancesCard nuances={sampleNuances} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    const onEdit = vi.fn();
    rerender(<NuancesCard nuances={sampleNuances} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole("button", { name: "Delete Needs someone before the Q3 launch." }));
    expect(onEdit.mock.calls).toEqual([[{ type: "nuance.delete", data: { nuanceId: "n-q3" } }]]);
  });
});
