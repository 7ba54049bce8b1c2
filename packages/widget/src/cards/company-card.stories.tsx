import type { Meta, StoryObj } from "@storybook/react-vite";
import { longTextProfile } from "../stories/profiles.js";
import { CompanyCard } from "./company-card.js";
import { sampleProfile } from "./fixtures.js";

const meta = {
  title: "Cards/CompanyCard",
  component: CompanyCard,
  args: { company: sampleProfile.company },
} satisfies Meta<typeof CompanyCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Researched: Story = {};
export const Empty: Story = { args: { company: undefined } };
export const NameOnly: Story = { args: { company: { name: "Acme Robotics" } } };
export const Everything: Story = {
  args: {
    company: {
      ...sampleProfile.company,
      name: "Acme Robotics",
      productDescription: "A robot arm that folds a basket of laundry in four minutes.",
      problemSolved: "Nobody likes folding laundry.",
      officeLocations: ["Berlin", "Lisbon"],
      competitors: ["FoldiMate", "Laundroid"],
      cultureKeywords: ["Async", "Written culture", "Hardware + software"],
      sellingPoints: ["Ship to real homes within a month", "Four-day week in August"],
      recentNews: ["Raised a $20M Series A led by Sequoia (2025)"],
      interestingFacts: ["The first prototype was built from IKEA parts."],
    },
  },
};
export const JustResearched: Story = { args: { highlighted: ["company"] } };
export const LongText: Story = { args: { company: longTextProfile.company } };
export const Dark: Story = { globals: { theme: "dark" } };
export const Narrow: Story = { parameters: { storyWidth: 320 }, args: { company: longTextProfile.company } };
