import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { Requirements } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleProfile } from "../fixtures.js";
import { RequirementsCard } from "./requirements-card.js";

afterEach(cleanup);

const requirements = sampleProfile.requirements;
const rowOf = (container: HTMLElement, id: string) => {
  const row = container.querySelector<HTMLElement>(`[data-id="${id}"]`);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

function renderEditable(overrides: Partial<Requirements> = {}) {
  const onEdit = vi.fn();
  const view = render(
    <RequirementsCard
      requirements={{ ...requirements, ...overrides }}
      confirmedFields={["job_title"]}
      onEdit={onEdit}
    />,
  );
  return { onEdit, ...view };
}

describe("RequirementsCard", () => {
  it("shows each requirement in words, with its status", () => {
    const { container } = render(
      <RequirementsCard requirements={requirements} confirmedFields={["job_title"]} />,
    );
    expect(screen.getByRole("region", { name: "Requirements" }).className).toBe(
      "vo-card vo-card--requirements",
    );
    expect(rowOf(container, "job_title").dataset.status).toBe("confirmed");
    expect(
      within(rowOf(container, "location")).getByText("Hybrid · Berlin · 2 days onsite a week"),
    ).toBeTruthy();
    expect(within(rowOf(container, "experience")).getByText("5+ years")).toBeTruthy();
    expect(within(rowOf(container, "compensation")).getByText("€90,000 – €120,000 per year")).toBeTruthy();
    expect(rowOf(container, "compensation").dataset.status).toBe("filled");
    expect(rowOf(container, "visa").dataset.status).toBe("missing");
    expect(within(rowOf(container, "visa")).getByText("Not set")).toBeTruthy();
  });

  it("says what the agent will ask for when empty and read-only", () => {
    render(<RequirementsCard requirements={{}} confirmedFields={[]} />);
    expect(screen.getByRole("region").dataset.state).toBe("empty");
    expect(screen.getByText(/agent will ask for the job title, location/)).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("maps highlighted, pending and rejected requirement keys onto their rows", () => {
    const { container } = render(
      <RequirementsCard
        requirements={requirements}
        confirmedFields={[]}
        highlighted={["locationCity"]}
        pendingIds={["compensation"]}
        rejected={{ id: "experienceMinYears", reason: "Agent is offline." }}
      />,
    );
    expect(rowOf(container, "location").dataset.state).toBe("updated");
    expect(rowOf(container, "compensation").dataset.state).toBe("pending");
    expect(within(rowOf(container, "compensation")).getByText("Waiting for the agent…")).toBeTruthy();
    expect(rowOf(container, "experience").dataset.state).toBe("rejected");
    expect(within(rowOf(container, "experience")).getByRole("alert").textContent).toContain(
      "Agent is offline.",
    );
    expect(rowOf(container, "job_title").dataset.state).toBe("idle");
  });

  it("is read-only without onEdit", () => {
    render(<RequirementsCard requirements={requirements} confirmedFields={[]} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("offers confirm only for filled, unconfirmed fields and sends field.confirm", () => {
    const { onEdit } = renderEditable();
    const confirmButtons = screen.getAllByRole("button", { name: /^Confirm / });
    expect(confirmButtons.map((button) => button.getAttribute("aria-label"))).toEqual([
      "Confirm Location",
      "Confirm Experience",
      "Confirm Compensation",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Confirm Compensation" }));
    expect(onEdit.mock.calls).toEqual([[{ type: "field.confirm", data: { field: "compensation" } }]]);
  });

  it("edits compensation with currency and pay interval", () => {
    const { onEdit } = renderEditable();
    fireEvent.click(screen.getByRole("button", { name: "Edit Compensation" }));
    fireEvent.change(screen.getByLabelText("Minimum pay"), { target: { value: "60" } });
    fireEvent.change(screen.getByLabelText("Maximum pay"), { target: { value: "85.5" } });
    fireEvent.change(screen.getByLabelText("Currency"), { target: { value: "gbp" } });
    fireEvent.change(screen.getByLabelText("Pay interval"), { target: { value: "hour" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onEdit.mock.calls).toEqual([
      [
        {
          type: "requirements.update",
          data: { requirements: { compensation: { min: 60, max: 85.5, currency: "GBP", interval: "hour" } } },
        },
      ],
    ]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Compensation" }));
  });

  it("refuses min above max inline and sends nothing", () => {
    const { onEdit } = renderEditable();
    fireEvent.click(screen.getByRole("button", { name: "Edit Compensation" }));
    fireEvent.change(screen.getByLabelText("Minimum pay"), { target: { value: "200000" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe("Minimum pay must not exceed maximum pay.");
    expect(screen.getByLabelText("Minimum pay").getAttribute("aria-invalid")).toBe("true");
    expect(onEdit).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    fireEvent.click(screen.getByRole("button", { name: "Edit Experience" }));
    fireEvent.change(screen.getByLabelText("Maximum years"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe("Minimum years must not exceed maximum years.");
    expect(onEdit).not.toHaveBeenCalled();
  });

  it("sends only the changed keys, null for cleared ones, and nothing when unchanged", () => {
    const { onEdit } = renderEditable();
    fireEvent.click(screen.getByRole("button", { name: "Edit Location" }));
    fireEvent.change(screen.getByLabelText("Workplace"), { target: { value: "remote" } });
    fireEvent.change(screen.getByLabelText("City"), { target: { value: "" } });
    fireEvent.submit(screen.getByRole("form"));
    fireEvent.click(screen.getByRole("button", { name: "Edit Job title" }));
    fireEvent.submit(screen.getByRole("form"));
    fireEvent.click(screen.getByRole("button", { name: "Edit Visa sponsorship" }));
    fireEvent.change(screen.getByLabelText("Visa sponsorship"), { target: { value: "yes" } });
    fireEvent.submit(screen.getByRole("form"));
    expect(onEdit.mock.calls).toEqual([
      [
        {
          type: "requirements.update",
          data: { requirements: { workplaceType: "remote", locationCity: null } },
        },
      ],
      [{ type: "requirements.update", data: { requirements: { visaSponsorship: true } } }],
    ]);
  });

  it("lists every row when editable but empty, so the recruiter can fill them", () => {
    const { container } = render(
      <RequirementsCard requirements={{}} confirmedFields={[]} onEdit={vi.fn()} />,
    );
    expect([...container.querySelectorAll<HTMLElement>("[data-id]")].map((row) => row.dataset.id)).toEqual([
      "job_title",
      "location",
      "experience",
      "compensation",
      "visa",
      "equity",
    ]);
    expect(screen.queryAllByRole("button", { name: /^Confirm / })).toHaveLength(0);
  });
});
