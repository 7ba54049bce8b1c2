import type { JobProfile } from "@voice-onboarding/protocol";
import { memo, type ReactNode } from "react";
import { MotionProvider } from "../motion/motion-provider.js";
import { CompanyCard } from "./company-card.js";
import { CompletionCard } from "./completion-card.js";
import { NuancesCard } from "./nuances-card.js";
import { RequirementsCard } from "./requirements/requirements-card.js";
import { StagesCard } from "./stages-card.js";
import { TraitsCard } from "./traits-card.js";
import type { CardCommonProps } from "./types.js";

export interface ProfileCardsProps extends CardCommonProps {
  profile: JobProfile;
}

/** The responsive grid around the six cards: one column on phones, two or three as the container widens. */
export function CardGrid({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <MotionProvider>
      <div className={["vo-profile-cards", className].filter(Boolean).join(" ")}>{children}</div>
    </MotionProvider>
  );
}

/** All six cards from one profile; each card is memoized, so unchanged parts of the profile skip rendering. */
export const ProfileCards = memo(function ProfileCards({ profile, className, ...common }: ProfileCardsProps) {
  return (
    <CardGrid className={className}>
      <CompletionCard profile={profile} {...common} />
      <CompanyCard company={profile.company} {...common} />
      <RequirementsCard
        requirements={profile.requirements}
        confirmedFields={profile.confirmedFields}
        {...common}
      />
      <TraitsCard traits={profile.traits} {...common} />
      <StagesCard stages={profile.stages} {...common} />
      <NuancesCard nuances={profile.nuances} {...common} />
    </CardGrid>
  );
});
