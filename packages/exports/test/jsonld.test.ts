import { describe, expect, it } from "vitest";
import { ExportError, toJobPostingJsonLd } from "../src/index.js";
import { emptyProfile, fullProfile, remoteProfile } from "./fixtures.js";
import { schemaOrgViolations } from "./schemaorg-validator.js";

const options = { datePosted: "2026-11-30", companyUrl: "https://acme.example", country: "DE" };

describe("schema.org JobPosting", () => {
  it("follows the schema.org vocabulary's domain and range rules, onsite and remote", () => {
    expect(
      schemaOrgViolations(toJobPostingJsonLd(fullProfile, { ...options, validThrough: "2027-01-31" })),
    ).toEqual([]);
    expect(
      schemaOrgViolations(toJobPostingJsonLd(remoteProfile, { applicantCountries: ["Germany", "France"] })),
    ).toEqual([]);
  });

  it("the vocabulary check catches a property on the wrong type and a value of the wrong type", () => {
    const posting = toJobPostingJsonLd(fullProfile, options);
    const misplaced = {
      ...posting,
      baseSalary: { "@type": "MonetaryAmount", currency: "EUR", unitText: "YEAR" },
    };
    expect(schemaOrgViolations(misplaced)).toEqual([
      "$.baseSalary.unitText: unitText is not a property of MonetaryAmount (domain: PropertyValue, TypeAndQuantityNode, UnitPriceSpecification, QuantitativeValue)",
    ]);
    expect(schemaOrgViolations({ ...posting, hiringOrganization: "Acme", datePosted: "yesterday" })).toEqual([
      '$.datePosted: "yesterday" does not fit the range of datePosted (DateTime, Date)',
      '$.hiringOrganization: "Acme" does not fit the range of hiringOrganization (Organization, Person)',
    ]);
  });

  it("has what Google Jobs reads: salary range with unitText, location, experience in months, skills", () => {
    const posting = toJobPostingJsonLd(fullProfile, options);
    expect(posting).toMatchObject({
      "@context": "https://schema.org",
      title: "Senior Backend Engineer",
      datePosted: "2026-11-30",
      employmentType: "FULL_TIME",
      hiringOrganization: { "@type": "Organization", name: "Acme Robotics", sameAs: "https://acme.example" },
      jobLocation: {
        "@type": "Place",
        address: { "@type": "PostalAddress", addressLocality: "Berlin", addressCountry: "DE" },
      },
      baseSalary: {
        "@type": "MonetaryAmount",
        currency: "EUR",
        value: { "@type": "QuantitativeValue", minValue: 90000, maxValue: 120000, unitText: "YEAR" },
      },
      experienceRequirements: { "@type": "OccupationalExperienceRequirements", monthsOfExperience: 60 },
      skills: ["Distributed systems", "Rust"],
    });
    expect(posting).not.toHaveProperty("jobLocationType");
    expect(posting.description).toContain(
      "<li>Distributed systems: Has run queues &lt;at scale&gt; &amp; owned incidents</li>",
    );
  });

  it("marks a remote job TELECOMMUTE with the countries applicants may live in, and hourly pay as HOUR", () => {
    const hourly = {
      ...remoteProfile,
      requirements: {
        ...remoteProfile.requirements,
        compensation: { min: 60, currency: "USD", interval: "hour" as const },
      },
    };
    const posting = toJobPostingJsonLd(hourly, {
      applicantCountries: ["United States"],
      employmentType: "contract",
    });
    expect(posting.jobLocationType).toBe("TELECOMMUTE");
    expect(posting.applicantLocationRequirements).toEqual([{ "@type": "Country", name: "United States" }]);
    expect(posting).not.toHaveProperty("jobLocation");
    expect(posting.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "USD",
      value: { "@type": "QuantitativeValue", minValue: 60, unitText: "HOUR" },
    });
    expect(posting.employmentType).toBe("CONTRACTOR");
  });

  it("names everything a bare profile lacks, in one error", () => {
    const error = (() => {
      try {
        toJobPostingJsonLd(emptyProfile);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).missing.map((item) => item.path)).toEqual([
      "requirements.jobTitle",
      "company.name",
      "requirements.locationCity",
    ]);
    expect(() => toJobPostingJsonLd(remoteProfile)).toThrow(/options\.applicantCountries/);
  });
});
