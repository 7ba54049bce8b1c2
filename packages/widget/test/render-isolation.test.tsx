import { act, cleanup, render } from "@testing-library/react";
import type { ProtocolMessage } from "@voice-onboarding/protocol";
import { Profiler, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  StoreCompanyCard,
  StoreCompletionCard,
  StoreNuancesCard,
  StoreRequirementsCard,
  StoreStagesCard,
  StoreTraitsCard,
} from "../src/cards/connected/store-cards.js";
import { OnboardingProvider } from "../src/hooks/onboarding-provider.js";
import { createOnboardingStore, type OnboardingStore } from "../src/store/create-store.js";
import { baseProfile, message, snapshot, stage, trait } from "./fixtures.js";

/** Renders of each trait item's body, by trait id. */
const traitRenders = vi.hoisted(() => new Map<string, number>());

// Counts the real item's renders behind the same `memo` it ships with: fails if TraitItem is not
// memoized (no `.type`) or if the card hands it props that change when its trait did not.
vi.mock("../src/cards/trait-item.js", async (importOriginal) => {
  const { memo } = await import("react");
  const { TraitItem } = await importOriginal<typeof import("../src/cards/trait-item.js")>();
  const render = TraitItem.type;
  return {
    TraitItem: memo(function CountedTraitItem(props: Parameters<typeof render>[0]) {
      traitRenders.set(props.trait.id, (traitRenders.get(props.trait.id) ?? 0) + 1);
      return render(props);
    }),
  };
});

const CARDS = {
  completion: StoreCompletionCard,
  company: StoreCompanyCard,
  requirements: StoreRequirementsCard,
  traits: StoreTraitsCard,
  stages: StoreStagesCard,
  nuances: StoreNuancesCard,
};
type Card = keyof typeof CARDS;

function mountCards(store: OnboardingStore) {
  const commits: Card[] = [];
  const wrap = (card: Card, children: ReactNode) => (
    <Profiler id={card} key={card} onRender={() => commits.push(card)}>
      {children}
    </Profiler>
  );
  render(
    <OnboardingProvider store={store}>
      {(Object.keys(CARDS) as Card[]).map((card) => {
        const Component = CARDS[card];
        return wrap(card, <Component />);
      })}
    </OnboardingProvider>,
  );
  /** The cards that committed while `deliver` ran. */
  return (deliver: () => void): Card[] => {
    commits.length = 0;
    act(deliver);
    return [...new Set(commits)].sort();
  };
}

function loadedStore(): OnboardingStore {
  const store = createOnboardingStore();
  store.getState().receive(
    snapshot(
      baseProfile({
        company: { name: "Acme" },
        traits: [trait("t1", "Go"), trait("t2", "Rust")],
        stages: [stage("s1", "Screen", 1), stage("s2", "Onsite", 2)],
      }),
    ),
  );
  return store;
}

afterEach(cleanup);
beforeEach(() => traitRenders.clear());

type Draft = Parameters<ReturnType<OnboardingStore["getState"]>["beginEdit"]>[0];

describe("the widget's store-driven cards", () => {
  it("re-render only the card a message is about", () => {
    const store = loadedStore();
    const during = mountCards(store);
    const receive = (next: ProtocolMessage) => during(() => void store.getState().receive(next));
    expect(receive(message("trait.updated", 2, { trait: trait("t1", "Golang") }))).toEqual(["traits"]);
    expect(receive(message("stage.updated", 3, { stage: stage("s2", "Onsite loop", 2) }))).toEqual([
      "stages",
    ]);
    const nuance = { id: "n1", category: "culture_fit", insight: "Small team" } as const;
    expect(receive(message("nuance.captured", 4, { nuance }))).toEqual(["nuances"]);
    expect(receive(message("company.updated", 5, { company: { name: "Acme Inc" } }))).toEqual(["company"]);
    const requirements = { jobTitle: "Lead Engineer" };
    expect(receive(message("requirements.updated", 6, { requirements }))).toEqual(["requirements"]);
    // The trait highlight stays until the next trait message: clearing it would re-render the card.
    expect(receive(message("stage.deleted", 7, { stageId: "s2" }))).toEqual(["stages"]);
  });

  it("re-render only the changed trait item, and no item for another card's message", () => {
    const store = loadedStore();
    const during = mountCards(store);
    traitRenders.clear();
    during(
      () => void store.getState().receive(message("trait.updated", 2, { trait: trait("t2", "Rust 2024") })),
    );
    expect(Object.fromEntries(traitRenders)).toEqual({ t2: 1 });
    traitRenders.clear();
    const phoneScreen = stage("s1", "Phone screen", 1);
    during(() => void store.getState().receive(message("stage.updated", 3, { stage: phoneScreen })));
    expect(traitRenders.size).toBe(0);
  });

  it("re-render the card whose edit is pending or rolled back, not the others", () => {
    const store = loadedStore();
    const during = mountCards(store);
    const draft: Draft = { type: "stage.update", data: { stageId: "s1", name: "Call" } };
    const commandIds: string[] = [];
    expect(during(() => void commandIds.push(store.getState().beginEdit(draft).commandId))).toEqual([
      "stages",
    ]);
    const commandId = commandIds[0] ?? "";
    const refused = { ok: false, commandId, error: { code: "conflict", message: "No" } } as const;
    expect(during(() => store.getState().settleEdit(refused))).toEqual(["stages"]);
  });
});
