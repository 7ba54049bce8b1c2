import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleProfile } from "./fixtures.js";
import { ProfileCards } from "./profile-cards.js";

afterEach(cleanup);

describe("ProfileCards", () => {
  it("lays out all six cards, each a labelled region", () => {
    render(<ProfileCards profile={sampleProfile} />);
    expect(screen.getAllByRole("region").map((section) => section.className)).toEqual([
      "vo-card vo-card--completion",
      "vo-card vo-card--company",
      "vo-card vo-card--requirements",
      "vo-card vo-card--traits",
      "vo-card vo-card--stages",
      "vo-card vo-card--nuances",
    ]);
  });

  it("passes highlights and edits through to the cards", () => {
    const onEdit = vi.fn();
    const { container } = render(
      <ProfileCards
        profile={sampleProfile}
        highlighted={["t-oss"]}
        onEdit={onEdit}
        labels={{ save: "Apply" }}
      />,
    );
    expect(container.querySelector('[data-id="t-oss"]')?.getAttribute("data-state")).toBe("updated");
    fireEvent.click(screen.getByRole("button", { name: "Edit Job title" }));
    fireEvent.change(screen.getByLabelText("Job title"), { target: { value: "Staff Engineer" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(onEdit.mock.calls).toEqual([
      [{ type: "requirements.update", data: { requirements: { jobTitle: "Staff Engineer" } } }],
    ]);
  });
});
