import type { JobProfile, PayInterval } from "@voice-onboarding/protocol";
import { buildJobDescription, renderHtmlSections } from "./description.js";
import { missingIf, missingJobTitle, requireInputs } from "./errors.js";
import { type EmploymentType, payRange } from "./facts.js";

// Shapes as Google Jobs reads them:
// https://developers.google.com/search/docs/appearance/structured-data/job-posting
// Terms and their domains/ranges: https://schema.org/JobPosting (checked in test/jsonld.test.ts).

export interface JobPostingOptions {
  /** ISO 8601 date the job was posted; default today. */
  datePosted?: string;
  /** ISO 8601 date after which the posting is void (Google recommends it). */
  validThrough?: string;
  employmentType?: EmploymentType;
  /** The hiring company's site, as `hiringOrganization.sameAs`. */
  companyUrl?: string;
  /** ISO 3166-1 alpha-2 country of the office, as `addressCountry`. */
  country?: string;
  /** Where a remote hire may live (country names), as `applicantLocationRequirements`; required for remote jobs. */
  applicantCountries?: string[];
}

type Node = { "@type": string } & Record<string, unknown>;
export type JobPostingJsonLd = Node & { "@context": "https://schema.org" };

const UNIT_TEXT: Record<PayInterval, string> = { hour: "HOUR", month: "MONTH", year: "YEAR" };
const GOOGLE_EMPLOYMENT_TYPE: Record<EmploymentType, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  contract: "CONTRACTOR",
  temporary: "TEMPORARY",
  intern: "INTERN",
};

/** A schema.org `JobPosting` as JSON-LD, ready for a `<script type="application/ld+json">`. */
export function toJobPostingJsonLd(profile: JobProfile, options: JobPostingOptions = {}): JobPostingJsonLd {
  const { requirements, company } = profile;
  const remote = requirements.workplaceType === "remote";
  requireInputs("schema.org JobPosting", [
    missingJobTitle(profile),
    missingIf(
      !company?.name,
      "company.name",
      "the hiring organization; send company intel when creating the session",
    ),
    missingIf(
      !remote && !requirements.locationCity,
      "requirements.locationCity",
      "the office city of an onsite or hybrid job",
    ),
    missingIf(
      remote && !options.applicantCountries?.length,
      "options.applicantCountries",
      "the countries a remote hire may live in; Google requires them for TELECOMMUTE jobs",
    ),
  ]);
  const description = buildJobDescription(profile);
  const posting: JobPostingJsonLd = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: description.title,
    description: renderHtmlSections(description.sections),
    datePosted: options.datePosted ?? new Date().toISOString().slice(0, 10),
    hiringOrganization: {
      "@type": "Organization",
      name: company?.name,
      ...(options.companyUrl && { sameAs: options.companyUrl }),
    },
    identifier: { "@type": "PropertyValue", name: company?.name, value: profile.sessionId },
    employmentType: GOOGLE_EMPLOYMENT_TYPE[options.employmentType ?? "full_time"],
  };
  if (options.validThrough) posting.validThrough = options.validThrough;
  if (requirements.locationCity && !remote) {
    posting.jobLocation = {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: requirements.locationCity,
        ...(options.country && { addressCountry: options.country }),
      },
    };
  }
  if (remote) {
    posting.jobLocationType = "TELECOMMUTE";
    posting.applicantLocationRequirements = (options.applicantCountries ?? []).map((name) => ({
      "@type": "Country",
      name,
    }));
  }
  const pay = payRange(profile);
  if (pay) {
    posting.baseSalary = {
      "@type": "MonetaryAmount",
      currency: pay.currency,
      value: {
        "@type": "QuantitativeValue",
        ...(pay.min !== undefined && { minValue: pay.min }),
        ...(pay.max !== undefined && { maxValue: pay.max }),
        unitText: UNIT_TEXT[pay.interval],
      },
    };
  }
  if (requirements.experienceMinYears !== undefined) {
    posting.experienceRequirements = {
      "@type": "OccupationalExperienceRequirements",
      monthsOfExperience: requirements.experienceMinYears * 12,
    };
  }
  if (profile.traits.length > 0) posting.skills = profile.traits.map((trait) => trait.name);
  return posting;
}
