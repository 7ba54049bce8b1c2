import type { CompanyIntel } from "@voice-onboarding/protocol";
import { memo } from "react";
import { fundingStageName } from "../format/categories.js";
import type { CardLabels } from "../labels.js";
import { Card } from "./card.js";
import { Heading } from "./heading.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface CompanyCardProps extends CardCommonProps {
  company?: CompanyIntel;
}

type ListKey =
  | "investors"
  | "officeLocations"
  | "techStackHints"
  | "competitors"
  | "cultureKeywords"
  | "sellingPoints"
  | "recentNews"
  | "interestingFacts";
type TextLabel = {
  [Key in keyof CardLabels]: CardLabels[Key] extends string ? Key : never;
}[keyof CardLabels];

/** Short names read best as chips; sentences (news, facts) as a bullet list. */
const LISTS: readonly { key: ListKey; label: TextLabel; look: "chips" | "bullets" }[] = [
  { key: "investors", label: "companyInvestors", look: "chips" },
  { key: "officeLocations", label: "companyOffices", look: "chips" },
  { key: "techStackHints", label: "companyTechStack", look: "chips" },
  { key: "competitors", label: "companyCompetitors", look: "chips" },
  { key: "cultureKeywords", label: "companyCulture", look: "chips" },
  { key: "sellingPoints", label: "companySellingPoints", look: "bullets" },
  { key: "recentNews", label: "companyNews", look: "bullets" },
  { key: "interestingFacts", label: "companyFacts", look: "bullets" },
];

function Fact({ term, value }: { term: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <div className="vo-facts__row">
      <dt className="vo-facts__term">{term}</dt>
      <dd className="vo-facts__value">{value}</dd>
    </div>
  );
}

/** Company research the agent starts from. Read-only: it comes from the web, not from the recruiter. */
export const CompanyCard = memo(function CompanyCard({ company, ...common }: CompanyCardProps) {
  const labels = useCardLabels(common.labels);
  const funding = [
    company?.fundingStage && fundingStageName(company.fundingStage, labels),
    company?.totalRaised,
  ]
    .filter(Boolean)
    .join(" · ");
  const state = !company ? "empty" : common.highlighted?.includes("company") ? "updated" : "idle";
  return (
    <Card
      name="company"
      title={company?.name ?? labels.companyTitle}
      state={state}
      emptyText={labels.companyEmpty}
      className={common.className}
    >
      {company?.tagline && <p className="vo-card__lead">{company.tagline}</p>}
      <dl className="vo-facts">
        <Fact term={labels.companyFunding} value={funding} />
        <Fact term={labels.companyTeamSize} value={company?.teamSize} />
        <Fact term={labels.companyHeadquarters} value={company?.headquarters} />
        <Fact term={labels.companyProduct} value={company?.productDescription} />
        <Fact term={labels.companyProblem} value={company?.problemSolved} />
      </dl>
      {LISTS.map(({ key, label, look }) => {
        const items = company?.[key];
        if (!items?.length) return null;
        return (
          <div className="vo-group" data-group={key} key={key}>
            <Heading depth={1} className="vo-group__title">
              {labels[label]}
            </Heading>
            <ul className={look === "chips" ? "vo-chips" : "vo-bullets"}>
              {items.map((item) => (
                <li className={look === "chips" ? "vo-chip" : undefined} key={item}>
                  {item}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </Card>
  );
});
