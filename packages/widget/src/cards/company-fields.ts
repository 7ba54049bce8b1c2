import type { CompanyIntel } from "@voice-onboarding/protocol";
import type { CardMessages } from "../i18n/card-messages.js";

type TextLabel = {
  [Key in keyof CardMessages]: CardMessages[Key] extends string ? Key : never;
}[keyof CardMessages];

type KeyOfType<Value> = {
  [Key in keyof CompanyIntel]-?: CompanyIntel[Key] extends Value ? Key : never;
}[keyof CompanyIntel];
export type CompanyTextKey = Exclude<KeyOfType<string | undefined>, "fundingStage">;
export type CompanyListKey = KeyOfType<string[] | undefined>;

/** The company card's text fields with the protocol's length limits (schemas/company.ts). */
export const COMPANY_TEXTS: readonly { key: CompanyTextKey; label: TextLabel; max: number; long?: true }[] = [
  { key: "name", label: "companyName", max: 200 },
  { key: "tagline", label: "companyTagline", max: 300, long: true },
  { key: "totalRaised", label: "companyTotalRaised", max: 100 },
  { key: "teamSize", label: "companyTeamSize", max: 50 },
  { key: "headquarters", label: "companyHeadquarters", max: 200 },
  { key: "productDescription", label: "companyProduct", max: 1000, long: true },
  { key: "problemSolved", label: "companyProblem", max: 1000, long: true },
];

/** Short names read best as chips; sentences (news, facts) as a bullet list. `max`: items allowed. */
export const COMPANY_LISTS: readonly {
  key: CompanyListKey;
  label: TextLabel;
  look: "chips" | "bullets";
  max: number;
}[] = [
  { key: "investors", label: "companyInvestors", look: "chips", max: 30 },
  { key: "officeLocations", label: "companyOffices", look: "chips", max: 30 },
  { key: "techStackHints", label: "companyTechStack", look: "chips", max: 50 },
  { key: "competitors", label: "companyCompetitors", look: "chips", max: 30 },
  { key: "cultureKeywords", label: "companyCulture", look: "chips", max: 30 },
  { key: "sellingPoints", label: "companySellingPoints", look: "bullets", max: 20 },
  { key: "recentNews", label: "companyNews", look: "bullets", max: 20 },
  { key: "interestingFacts", label: "companyFacts", look: "bullets", max: 20 },
];
