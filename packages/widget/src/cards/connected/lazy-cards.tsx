import { lazy, Suspense } from "react";
import { useOnboardingProfile } from "../../hooks/use-onboarding-profile.js";
import { CARD_NAMES, type CardName } from "../../store/card-of.js";

/*
 * The cards (and the motion code they animate with) are most of the widget's weight but have
 * nothing to show before the agent's first snapshot, so they load in their own chunk while the
 * session starts. The exported plain-props cards stay synchronous for hosts that render them.
 */
const StoreCardGrid = lazy(() => import("./store-cards.js"));

/** Six empty cards in the grid's own layout: the real cards replace them without a jump. */
function CardGridSkeleton({ cards }: { cards: readonly CardName[] }) {
  return (
    <div className="vo-profile-cards" aria-busy="true">
      {/* No vo-card--<name> classes: a host's (or a test's) selectors for a card must not match these. */}
      {cards.map((name) => (
        <div key={name} className="vo-card vo-card--loading" />
      ))}
    </div>
  );
}

/** The widget's card grid, once a profile has arrived. */
export function StoreProfileCards({ cards = CARD_NAMES }: { cards?: readonly CardName[] }) {
  const loaded = useOnboardingProfile((profile) => profile !== null);
  if (!loaded) return null;
  return (
    <Suspense fallback={<CardGridSkeleton cards={cards} />}>
      <StoreCardGrid cards={cards} />
    </Suspense>
  );
}
