import { cleanup, render, screen, within } from "@testing-library/react";
import { completion, missingFields } from "@voice-onboarding/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { CompletionCard } from "./completion-card.js";
import { sampleProfile } from "./fixtures.js";

afterEach(cleanup);

describe("CompletionCard", () => {
  it("shows the protocol's completion and missing fields in plain words", () => {
    render(<CompletionCard profile={sampleProfile} />);
    const ring = screen.getByRole("progressbar", { name: "Completion" });
    // The sample lacks visa and equity: 6 of 8 required fields.
    expect(completion(sampleProfile)).toBe(75);
    expect(ring.getAttribute("aria-valuenow")).toBe("75");
    expect(ring.getAttribute("aria-valuetext")).toBe("75% complete");
    const missing = screen.getByRole("list");
    expect(
      within(missing)
        .getAllByRole("listitem")
        .map((item) => item.dataset.id),
    ).toEqual(missingFields(sampleProfile));
    expect(
      within(missing)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["whether visas are sponsored", "whether equity is offered"]);
  });

  it("draws the ring arc in proportion to completion", () => {
    const { container } = render(
      <CompletionCard profile={{ ...sampleProfile, requirements: {}, traits: [], stages: [] }} />,
    );
    const arc = container.querySelector(".vo-ring__value");
    const circumference = Number(arc?.getAttribute("stroke-dasharray"));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
    expect(Number(arc?.getAttribute("stroke-dashoffset"))).toBeCloseTo(circumference);
    expect(screen.getAllByRole("listitem")).toHaveLength(8);
  });

  it("says when nothing is missing and when onboarding is complete", () => {
    const full = {
      ...sampleProfile,
      requirements: { ...sampleProfile.requirements, visaSponsorship: false, equityOffered: true },
    };
    const { rerender } = render(<CompletionCard profile={full} />);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    expect(screen.getByText("Everything required is captured.")).toBeTruthy();
    rerender(<CompletionCard profile={{ ...full, status: "completed" }} />);
    expect(screen.getByRole("region", { name: "Completion" }).dataset.state).toBe("complete");
    expect(screen.getByText("Onboarding complete.")).toBeTruthy();
  });
});
