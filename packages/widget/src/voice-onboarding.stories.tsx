import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn } from "storybook/test";
import { loadCatalogue } from "./i18n/catalogues.js";
import { denyMicrophone } from "./stories/deny-microphone.js";
import type { FixedSession } from "./stories/fixed-transport.js";
import {
  completeProfile,
  emptyProfile,
  longTextProfile,
  manyTraits,
  partialProfile,
  sampleTranscript,
} from "./stories/profiles.js";
import { FixedSessionWidget, type WidgetProps } from "./stories/session-widgets.js";
import { cssVariablesOf, storyTheme } from "./stories/theme.js";
import { VoiceOnboarding } from "./voice-onboarding.js";

type Args = WidgetProps & { session: FixedSession };

const meta = {
  title: "Widget/VoiceOnboarding",
  component: VoiceOnboarding,
  parameters: { ownRoot: true },
  args: {
    session: { profile: partialProfile, transcript: sampleTranscript },
    onProfileChange: fn(),
    onComplete: fn(),
    onConnectionChange: fn(),
    onError: fn(),
  },
  render: (args, { globals }) => (
    <FixedSessionWidget
      {...args}
      theme={args.theme ?? storyTheme(globals.theme)}
      cssVariables={{ ...cssVariablesOf(args), ...args.cssVariables }}
    />
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;
type Play = NonNullable<Story["play"]>;

/** Presses Start in the toolbar's language. */
const start: Play = async ({ canvas, userEvent, globals }) => {
  const { start: name } = await loadCatalogue(typeof globals.locale === "string" ? globals.locale : "en");
  await userEvent.click(await canvas.findByRole("button", { name }));
};

/** Presses Start, then checks the words the recruiter should see. */
const startAndSee =
  (...words: string[]): Play =>
  async (context) => {
    await start(context);
    // The cards are a lazy chunk, which Storybook's dev server builds on first use: slow under CI load.
    for (const text of words)
      await expect(await context.canvas.findByText(text, {}, { timeout: 10_000 })).toBeVisible();
  };

const session = (overrides: FixedSession) => ({ args: { session: { ...meta.args.session, ...overrides } } });

export const Idle: Story = {};
export const Connecting: Story = {
  ...session({ connection: "connecting", agent: "connecting", profile: undefined, transcript: [] }),
  play: startAndSee("Connecting…", "Agent joining…"),
};
export const Listening: Story = { play: startAndSee("Connected", "Listening") };
export const Thinking: Story = { ...session({ agent: "thinking" }), play: startAndSee("Thinking") };
export const Speaking: Story = { ...session({ agent: "speaking" }), play: startAndSee("Speaking") };
export const Reconnecting: Story = {
  ...session({ connection: "reconnecting" }),
  play: startAndSee("Reconnecting…"),
};
export const Disconnected: Story = {
  ...session({ connection: "disconnected", agent: "disconnected" }),
  play: startAndSee("Disconnected", "Agent offline"),
};
export const FailedWithRetry: Story = {
  ...session({ failWith: "The token service answered 503: try again in a minute." }),
  play: async (context) => {
    await startAndSee("Connection failed", "The token service answered 503: try again in a minute.")(context);
    await expect(context.canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
  },
};
export const MicrophoneDenied: Story = {
  ...session({ microphone: true }),
  beforeEach: denyMicrophone,
  play: async (context) => {
    await startAndSee("Microphone blocked")(context);
    await expect(context.canvas.getByRole("button", { name: "Continue with text only" })).toBeVisible();
  },
};

export const EmptyProfile: Story = { ...session({ profile: emptyProfile, transcript: [] }), play: start };
export const PartlyFilled: Story = { play: start };
export const Complete: Story = {
  ...session({ profile: completeProfile }),
  play: startAndSee("Onboarding complete."),
};
export const CompleteDark: Story = { ...Complete, globals: { theme: "dark" } };
export const CompleteNarrow: Story = { ...Complete, parameters: { storyWidth: 320 } };
/** The screenshot baseline in a language other than English: longer German words in the same layout. */
export const CompleteGerman: Story = {
  ...session({ profile: completeProfile }),
  globals: { locale: "de" },
  play: startAndSee("Onboarding abgeschlossen.", "Eigenschaften", "Anforderungen"),
};
export const LongText: Story = { ...session({ profile: longTextProfile }), play: start };
export const FiftyTraits: Story = {
  ...session({ profile: { ...completeProfile, traits: manyTraits } }),
  play: startAndSee("Trait 50"),
};
export const CustomAccent: Story = {
  args: { cssVariables: { "--vo-accent": "#9c1c6b", "--vo-radius": "4px", "--vo-blur": "2px" } },
  play: start,
};

const renameTrait: Play = async (context) => {
  const { canvas, userEvent } = context;
  await start(context);
  await userEvent.click(await canvas.findByRole("button", { name: "Edit TypeScript depth" }));
  const name = canvas.getByRole("textbox", { name: "Name" });
  await userEvent.clear(name);
  await userEvent.type(name, "TypeScript mastery");
  await userEvent.click(canvas.getByRole("button", { name: "Save" }));
};

export const EditPending: Story = {
  ...session({ edits: "never" }),
  play: async (context) => {
    await renameTrait(context);
    await expect(await context.canvas.findByText("Waiting for the agent…")).toBeVisible();
    await expect(context.canvas.getByText("TypeScript mastery")).toBeVisible();
  },
};
export const EditRolledBack: Story = {
  ...session({ edits: { reject: "The hiring manager chose this name; ask them before renaming it." } }),
  play: async (context) => {
    await renameTrait(context);
    await expect(
      await context.canvas.findByText(/ask them before renaming it/, { selector: ".vo-item__status" }),
    ).toBeVisible();
    await expect(context.canvas.getByText("TypeScript depth")).toBeVisible();
  },
};
