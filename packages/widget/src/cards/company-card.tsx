import type { CompanyIntel } from "@voice-onboarding/protocol";
import { memo } from "react";
import { fundingStageName } from "../format/categories.js";
import { Card } from "./card.js";
import { CompanyEditor } from "./company-editor.js";
import { COMPANY_LISTS } from "./company-fields.js";
import { IconButton } from "./edit/item-controls.js";
import { useEditToggle } from "./edit/use-edit-toggle.js";
import { Heading } from "./heading.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface CompanyCardProps extends CardCommonProps {
  company?: CompanyIntel;
}

function Fact({ term, value }: { term: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <div className="vo-facts__row">
      <dt className="vo-facts__term">{term}</dt>
      <dd className="vo-facts__value">{value}</dd>
    </div>
  );
}

/** Company research the agent starts from (from the web); the recruiter can correct it by hand. */
export const CompanyCard = memo(function CompanyCard({ company, ...common }: CompanyCardProps) {
  const labels = useCardLabels(common.labels);
  const { editing, open, close, editButtonRef } = useEditToggle();
  const { onEdit } = common;
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
      aside={
        onEdit &&
        !editing && (
          <IconButton icon="edit" label={labels.editCompany} onClick={open} buttonRef={editButtonRef} />
        )
      }
    >
      {editing && onEdit ? (
        <CompanyEditor
          company={company}
          labels={labels}
          onCancel={close}
          onSave={(patch) => {
            onEdit({ type: "company.update", data: { company: patch } });
            close();
          }}
        />
      ) : (
        <CompanyFacts company={company} labels={labels} funding={funding} />
      )}
    </Card>
  );
});

function CompanyFacts({
  company,
  labels,
  funding,
}: {
  company: CompanyIntel | undefined;
  labels: ReturnType<typeof useCardLabels>;
  funding: string;
}) {
  return (
    <>
      {company?.tagline && <p className="vo-card__lead">{company.tagline}</p>}
      <dl className="vo-facts">
        <Fact term={labels.companyFunding} value={funding} />
        <Fact term={labels.companyTeamSize} value={company?.teamSize} />
        <Fact term={labels.companyHeadquarters} value={company?.headquarters} />
        <Fact term={labels.companyProduct} value={company?.productDescription} />
        <Fact term={labels.companyProblem} value={company?.problemSolved} />
      </dl>
      {COMPANY_LISTS.map(({ key, label, look }) => {
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
    </>
  );
}
