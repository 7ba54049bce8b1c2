import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { sampleStages } from "./fixtures.js";
import { StagesCard } from "./stages-card.js";

const meta = {
  title: "Cards/StagesCard",
  component: StagesCard,
  args: { stages: sampleStages, onEdit: fn() },
} satisfies Meta<typeof StagesCard>;

export default meta;
type Story = StoryObj<typeof meta>;

const manyStages = Array.from({ length: 12 }, (_, index) => ({
  id: `s-${index + 1}`,
  name: `Round ${index + 1}: ${index % 2 === 0 ? "System design with two senior engineers" : "Culture chat"}`,
  description: "Whiteboard-free: the candidate brings a past design doc and walks through it.",
  order: index + 1,
  durationMinutes: 45 + index * 5,
  interviewerRole: index % 2 === 0 ? "Staff engineer" : "Head of People",
  actions: index % 3 === 0 ? ["Book a room", "Send the take-home brief a week before"] : [],
}));

export const Filled: Story = {};
export const Empty: Story = { args: { stages: [] } };
export const ReadOnly: Story = { args: { onEdit: undefined } };
export const JustUpdated: Story = { args: { highlighted: ["stages", "s-tech"] } };
export const EditPending: Story = { args: { pendingIds: ["s-tech"] } };
export const EditRolledBack: Story = {
  args: {
    rejected: { id: "s-founder", reason: "The founder chat cannot be removed: it is a company policy." },
  },
};
export const ManyStages: Story = { args: { stages: manyStages } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = { parameters: { storyWidth: 320 }, args: { stages: manyStages.slice(0, 4) } };
