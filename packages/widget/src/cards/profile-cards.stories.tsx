import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import {
  completeProfile,
  emptyProfile,
  longTextProfile,
  manyTraits,
  partialProfile,
} from "../stories/profiles.js";
import { ProfileCards } from "./profile-cards.js";

const meta = {
  title: "Cards/ProfileCards",
  component: ProfileCards,
  args: { profile: completeProfile, onEdit: fn() },
} satisfies Meta<typeof ProfileCards>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Complete: Story = {};
export const Empty: Story = { args: { profile: emptyProfile } };
export const PartlyFilled: Story = { args: { profile: partialProfile } };
export const LongText: Story = { args: { profile: longTextProfile } };
export const FiftyTraits: Story = { args: { profile: { ...completeProfile, traits: manyTraits } } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = { parameters: { storyWidth: 320 }, args: { profile: longTextProfile } };
