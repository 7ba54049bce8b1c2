import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { longTextProfile, manyTraits } from "../stories/profiles.js";
import { sampleTraits } from "./fixtures.js";
import { TraitsCard } from "./traits-card.js";

const meta = {
  title: "Cards/TraitsCard",
  component: TraitsCard,
  args: { traits: sampleTraits, onEdit: fn() },
} satisfies Meta<typeof TraitsCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {};
export const Empty: Story = { args: { traits: [] } };
export const ReadOnly: Story = { args: { onEdit: undefined } };
export const JustUpdated: Story = { args: { highlighted: ["traits", "t-oss"] } };
export const EditPending: Story = { args: { pendingIds: ["t-ts"] } };
export const EditRolledBack: Story = {
  args: { rejected: { id: "t-oss", reason: "The hiring manager made this a must-have; ask them first." } },
};
export const LongText: Story = { args: { traits: longTextProfile.traits } };
export const FiftyTraits: Story = { args: { traits: manyTraits } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = { parameters: { storyWidth: 320 }, args: { traits: longTextProfile.traits } };
