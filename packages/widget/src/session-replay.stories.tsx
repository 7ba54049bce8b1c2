import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import fullIntake from "../../../examples/recordings/full-intake.recording.json";
import { type ReplayProps, ReplayWidget, type WidgetProps } from "./stories/session-widgets.js";
import { cssVariablesOf, storyTheme } from "./stories/theme.js";

/** The agent's replay of `examples/recordings/full-intake.script.json`, played through the real store. */
const meta = {
  title: "Widget/Session replay",
  component: ReplayWidget,
  parameters: { ownRoot: true, controls: { exclude: ["replay"] } },
  args: { replay: fullIntake, speed: 1, from: "start" },
  argTypes: {
    speed: { control: { type: "range", min: 0.5, max: 8, step: 0.5 } },
    from: { control: "inline-radio", options: ["start", "end"] },
  },
  render: (args, { globals }) => (
    <ReplayWidget
      {...args}
      theme={args.theme ?? storyTheme(globals.theme)}
      cssVariables={cssVariablesOf(args)}
    />
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "Start conversation" }));
  },
} satisfies Meta<WidgetProps & ReplayProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Press Start (the story does) and watch the cards fill in as in a live call. */
export const SessionReplay: Story = {};

/** The whole call delivered at once: the finished profile, as the store built it message by message. */
export const Finished: Story = {
  args: { from: "end" },
  play: async (context) => {
    await meta.play(context);
    // The whole call plays in one task and renders once; the wait covers a CI machine under load.
    await expect(
      await context.canvas.findByText("Onboarding complete.", {}, { timeout: 18_000 }),
    ).toBeVisible();
  },
};
export const FinishedDark: Story = { ...Finished, globals: { theme: "dark" } };
export const FinishedNarrow: Story = { ...Finished, parameters: { storyWidth: 320 } };
