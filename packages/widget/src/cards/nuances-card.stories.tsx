import type { Meta, StoryObj } from "@storybook/react-vite";
import type { NUANCE_CATEGORIES } from "@voice-onboarding/protocol";
import { fn } from "storybook/test";
import { longTextProfile, nuancePerCategory } from "../stories/profiles.js";
import { sampleNuances } from "./fixtures.js";
import { NuancesCard } from "./nuances-card.js";

const meta = {
  title: "Cards/NuancesCard",
  component: NuancesCard,
  args: { nuances: sampleNuances, onEdit: fn() },
} satisfies Meta<typeof NuancesCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {};
export const Empty: Story = { args: { nuances: [] } };
export const EveryCategory: Story = { args: { nuances: nuancePerCategory } };
export const JustCaptured: Story = { args: { highlighted: ["nuances", "n-q3"] } };
export const DeletePending: Story = { args: { pendingIds: ["n-hop"] } };
export const DeleteRolledBack: Story = {
  args: { rejected: { id: "n-hop", reason: "The agent still needs this to screen candidates." } },
};
export const LongText: Story = { args: { nuances: longTextProfile.nuances } };
export const Dark: Story = { globals: { theme: "dark" }, args: { nuances: nuancePerCategory } };
export const Narrow: Story = { parameters: { storyWidth: 320 }, args: { nuances: longTextProfile.nuances } };

/** One story per category, so each can be reviewed (and tested) on its own. */
const only = (category: (typeof NUANCE_CATEGORIES)[number]): Story => ({
  args: { nuances: nuancePerCategory.filter((nuance) => nuance.category === category) },
});
export const CultureFit = only("culture_fit");
export const HiddenPreference = only("hidden_pref");
export const RedFlag = only("red_flag");
export const SellingPoint = only("selling_point");
export const TeamDynamic = only("team_dynamic");
export const GrowthPath = only("growth_path");
export const Urgency = only("urgency");
export const Other = only("other");
