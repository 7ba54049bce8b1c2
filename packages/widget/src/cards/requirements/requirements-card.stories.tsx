import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { completeProfile, longTextProfile, partialProfile } from "../../stories/profiles.js";
import { RequirementsCard } from "./requirements-card.js";

const meta = {
  title: "Cards/RequirementsCard",
  component: RequirementsCard,
  args: {
    requirements: completeProfile.requirements,
    confirmedFields: completeProfile.confirmedFields,
    onEdit: fn(),
  },
} satisfies Meta<typeof RequirementsCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Complete: Story = {};
export const Empty: Story = { args: { requirements: {}, confirmedFields: [] } };
export const EmptyReadOnly: Story = { args: { requirements: {}, confirmedFields: [], onEdit: undefined } };
export const PartlyFilled: Story = {
  args: { requirements: partialProfile.requirements, confirmedFields: [] },
};
export const JustUpdated: Story = { args: { highlighted: ["requirements", "compensation"] } };
export const EditPending: Story = { args: { pendingIds: ["compensation"] } };
export const EditRolledBack: Story = {
  args: { rejected: { id: "compensation", reason: "Above the approved band; the agent kept 90–120k." } },
};
export const LongText: Story = { args: { requirements: longTextProfile.requirements } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = {
  parameters: { storyWidth: 320 },
  args: { requirements: longTextProfile.requirements },
};
