import { completion, type JobProfile, missingFields, type RequiredField } from "@voice-onboarding/protocol";
import { memo } from "react";
import { requiredFieldName } from "../format/categories.js";
import { formatPercent } from "../format/intl.js";
import { Card } from "./card.js";
import { Heading } from "./heading.js";
import type { CardCommonProps } from "./types.js";
import { useCardLabels } from "./use-labels.js";

export interface CompletionCardProps extends CardCommonProps {
  profile: Pick<JobProfile, "requirements" | "traits" | "stages" | "confirmedFields" | "status">;
}

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Progress from the protocol's `completion()` and `missingFields()`: the numbers the agent works from. */
export const CompletionCard = memo(function CompletionCard({ profile, ...common }: CompletionCardProps) {
  return (
    <CompletionView
      percent={completion(profile)}
      missing={missingFields(profile)}
      done={profile.status === "completed"}
      highlighted={common.highlighted}
      labels={common.labels}
      className={common.className}
    />
  );
});

interface CompletionViewProps extends Pick<CardCommonProps, "highlighted" | "labels" | "className"> {
  percent: number;
  missing: readonly RequiredField[];
  done: boolean;
}

/**
 * What the completion card shows, from numbers rather than the profile: most messages change the
 * profile but not these, and then the card does not re-render.
 */
export const CompletionView = memo(function CompletionView({
  percent,
  missing,
  done,
  ...common
}: CompletionViewProps) {
  const labels = useCardLabels(common.labels);
  const state = done ? "complete" : common.highlighted?.includes("completion") ? "updated" : "idle";
  return (
    <Card name="completion" title={labels.completionTitle} state={state} className={common.className}>
      <div className="vo-completion">
        <div
          className="vo-ring"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={labels.completionValue(percent)}
          aria-label={labels.completionTitle}
        >
          <svg className="vo-ring__svg" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <circle className="vo-ring__track" cx="50" cy="50" r={RADIUS} />
            <circle
              className="vo-ring__value"
              cx="50"
              cy="50"
              r={RADIUS}
              strokeDasharray={CIRCUMFERENCE}
              strokeDashoffset={CIRCUMFERENCE * (1 - percent / 100)}
            />
          </svg>
          <span className="vo-ring__label" aria-hidden="true">
            {formatPercent(percent, labels.locale)}
          </span>
        </div>
        <div className="vo-completion__text">
          {done && <p className="vo-completion__done">{labels.completionDone}</p>}
          {missing.length === 0 ? (
            !done && <p className="vo-completion__all">{labels.completionNothingMissing}</p>
          ) : (
            <>
              <Heading depth={1} className="vo-group__title">
                {labels.completionMissing}
              </Heading>
              <ul className="vo-bullets vo-completion__missing">
                {missing.map((field) => (
                  <li key={field} data-id={field}>
                    {requiredFieldName(field, labels)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </Card>
  );
});
