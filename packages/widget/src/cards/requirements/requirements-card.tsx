import { isFieldFilled, type JobProfile, type Requirements } from "@voice-onboarding/protocol";
import { memo } from "react";
import { Card } from "../card.js";
import { useItemStates } from "../item-state.js";
import type { CardCommonProps } from "../types.js";
import { useCardLabels } from "../use-labels.js";
import { type FieldStatus, RequirementRow } from "./requirement-row.js";
import { REQUIREMENT_ROWS, type RequirementRow as Row, rowIdOf } from "./rows.js";

export interface RequirementsCardProps extends CardCommonProps {
  requirements: Requirements;
  confirmedFields: JobProfile["confirmedFields"];
}

/** Title, location, experience, pay, visa and equity; each can be edited and confirmed inline. */
export const RequirementsCard = memo(function RequirementsCard({
  requirements,
  confirmedFields,
  ...common
}: RequirementsCardProps) {
  const labels = useCardLabels(common.labels);
  const rejected = common.rejected && { ...common.rejected, id: rowIdOf(common.rejected.id) };
  const stateOf = useItemStates(REQUIREMENT_ROWS, {
    highlighted: common.highlighted?.map(rowIdOf),
    pendingIds: common.pendingIds?.map(rowIdOf),
    rejected,
  });
  const profile = { requirements, traits: [], stages: [] };
  const statusOf = (row: Row): FieldStatus => {
    if (!isFieldFilled(profile, row)) return "missing";
    return confirmedFields.includes(row) ? "confirmed" : "filled";
  };
  const anyKnown = Object.values(requirements).some((value) => value !== undefined);
  const cardState = !anyKnown ? "empty" : common.highlighted?.includes("requirements") ? "updated" : "idle";
  // An empty card still lists the rows when editable, so the recruiter can fill them by hand.
  const showRows = anyKnown || common.onEdit !== undefined;
  return (
    <Card
      name="requirements"
      title={labels.requirementsTitle}
      state={cardState}
      emptyText={labels.requirementsEmpty}
      className={common.className}
    >
      {showRows && (
        <ul className="vo-list">
          {REQUIREMENT_ROWS.map((row) => (
            <RequirementRow
              key={row}
              row={row}
              requirements={requirements}
              status={statusOf(row)}
              state={stateOf(row)}
              labels={labels}
              onEdit={common.onEdit}
              rejected={rejected?.id === row ? rejected : null}
            />
          ))}
        </ul>
      )}
    </Card>
  );
});
