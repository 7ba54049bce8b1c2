import { completion, type JobProfile, missingFields, type Requirements } from "@voice-onboarding/protocol";
import type { ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import { useOnboardingProfile } from "../../hooks/use-onboarding-profile.js";
import type { CardName } from "../../store/card-of.js";
import { CompanyCard } from "../company-card.js";
import { CompletionView } from "../completion-card.js";
import { NuancesCard } from "../nuances-card.js";
import { CardGrid } from "../profile-cards.js";
import { RequirementsCard } from "../requirements/requirements-card.js";
import { StagesCard } from "../stages-card.js";
import { TraitsCard } from "../traits-card.js";
import { useCardCommon } from "./card-slices.js";

/*
 * The six cards as the widget renders them: each reads its own slice of the store, so a message
 * re-renders the card it is about and leaves the others alone. Hosts with a profile in hand use the
 * plain-props cards (`ProfileCards`) instead.
 */

const NO_ITEMS: readonly never[] = [];
const NO_FIELDS: JobProfile["confirmedFields"] = [];
const NO_REQUIREMENTS: Requirements = {};

export function StoreCompletionCard() {
  const { highlighted } = useCardCommon("completion");
  const percent = useOnboardingProfile((profile) => (profile ? completion(profile) : 0));
  const missing = useOnboardingProfile(
    useShallow((profile) => (profile ? missingFields(profile) : NO_ITEMS)),
  );
  const done = useOnboardingProfile((profile) => profile?.status === "completed");
  return <CompletionView percent={percent} missing={missing} done={done} highlighted={highlighted} />;
}

export function StoreCompanyCard() {
  const common = useCardCommon("company");
  const company = useOnboardingProfile((profile) => profile?.company);
  return <CompanyCard company={company} {...common} />;
}

export function StoreRequirementsCard() {
  const common = useCardCommon("requirements");
  const requirements = useOnboardingProfile((profile) => profile?.requirements ?? NO_REQUIREMENTS);
  const confirmedFields = useOnboardingProfile((profile) => profile?.confirmedFields ?? NO_FIELDS);
  return <RequirementsCard requirements={requirements} confirmedFields={confirmedFields} {...common} />;
}

export function StoreTraitsCard() {
  const common = useCardCommon("traits");
  const traits = useOnboardingProfile((profile) => profile?.traits ?? NO_ITEMS);
  return <TraitsCard traits={traits} {...common} />;
}

export function StoreStagesCard() {
  const common = useCardCommon("stages");
  const stages = useOnboardingProfile((profile) => profile?.stages ?? NO_ITEMS);
  return <StagesCard stages={stages} {...common} />;
}

export function StoreNuancesCard() {
  const common = useCardCommon("nuances");
  const nuances = useOnboardingProfile((profile) => profile?.nuances ?? NO_ITEMS);
  return <NuancesCard nuances={nuances} {...common} />;
}

const STORE_CARDS: Record<CardName, () => ReactNode> = {
  completion: StoreCompletionCard,
  company: StoreCompanyCard,
  requirements: StoreRequirementsCard,
  traits: StoreTraitsCard,
  stages: StoreStagesCard,
  nuances: StoreNuancesCard,
};

/** The widget's card grid (the cards named, in that order); what `lazy-cards.tsx` loads on demand. */
export default function StoreCardGrid({ cards }: { cards: readonly CardName[] }) {
  return (
    <CardGrid>
      {cards.map((name) => {
        const StoreCard = STORE_CARDS[name];
        return <StoreCard key={name} />;
      })}
    </CardGrid>
  );
}
