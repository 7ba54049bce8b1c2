import type { Meta, StoryObj } from "@storybook/react-vite";
import { completeProfile, emptyProfile, partialProfile } from "../stories/profiles.js";
import { CompletionCard } from "./completion-card.js";
import { sampleProfile } from "./fixtures.js";

const meta = {
  title: "Cards/CompletionCard",
  component: CompletionCard,
  args: { profile: partialProfile },
} satisfies Meta<typeof CompletionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { profile: emptyProfile } };
export const PartlyFilled: Story = {};
export const NothingMissing: Story = { args: { profile: { ...completeProfile, status: "in_progress" } } };
export const Completed: Story = { args: { profile: completeProfile } };
export const JustUpdated: Story = { args: { profile: sampleProfile, highlighted: ["completion"] } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = { parameters: { storyWidth: 320 } };
