import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompanyCard } from "./company-card.js";
import { sampleProfile } from "./fixtures.js";

afterEach(cleanup);

describe("CompanyCard", () => {
  it("renders the company research", () => {
    render(<CompanyCard company={sampleProfile.company} />);
    const section = screen.getByRole("region", { name: "Acme Robotics" });
    expect(section.className).toBe("vo-card vo-card--company");
    expect(section.dataset.state).toBe("idle");
    expect(screen.getByText("Robots that fold laundry")).toBeTruthy();
    expect(screen.getByText("Series A · $20M")).toBeTruthy();
    const investors = section.querySelector<HTMLElement>('[data-group="investors"]');
    expect(
      investors &&
        within(investors)
          .getAllByRole("listitem")
          .map((chip) => chip.textContent),
    ).toEqual(["Sequoia", "Y Combinator"]);
    expect(section.querySelector('[data-group="recentNews"]')).toBeNull();
  });

  it("says what the agent will ask for when there is no research", () => {
    render(<CompanyCard />);
    const section = screen.getByRole("region", { name: "Company" });
    expect(section.dataset.state).toBe("empty");
    expect(screen.getByText(/agent will ask what the company does/)).toBeTruthy();
  });

  it("highlights when the company was updated, and takes host labels and classes", () => {
    render(
      <CompanyCard
        company={{ name: "Acme" }}
        highlighted={["company"]}
        labels={{ companyEmpty: "unused" }}
        className="host-card"
      />,
    );
    const section = screen.getByRole("region", { name: "Acme" });
    expect(section.dataset.state).toBe("updated");
    expect(section.className).toBe("vo-card vo-card--company host-card");
  });
});
