import type { Decorator, Preview } from "@storybook/react-vite";
import { LANGUAGES, loadCatalogue } from "../packages/widget/src/i18n/catalogues.js";
import { MessagesProvider } from "../packages/widget/src/i18n/use-messages.js";
import "../packages/widget/src/styles/index.css";
import { cssVariablesOf, storyTheme } from "../packages/widget/src/stories/theme.js";
import "./preview.css";

/** Story parameters this decorator reads. */
export interface FrameParameters {
  /** Fixed width in px, e.g. 320 for a phone; the story fills the canvas otherwise. */
  storyWidth?: number;
  /** The story renders its own `.vo-root` (the whole widget), so only the backdrop is added. */
  ownRoot?: boolean;
}

/** The toolbar's language for every story: the cards and `<VoiceOnboarding/>` take it from the provider. */
const withLocale: Decorator = (Story, { globals }) => (
  <MessagesProvider locale={typeof globals.locale === "string" ? globals.locale : "en"}>
    <Story />
  </MessagesProvider>
);

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = {
  en: "English",
  es: "Español",
  de: "Deutsch",
};

/** A colourful backdrop to show the glass, and the `.vo-root` a host would put around cards. */
const withFrame: Decorator = (Story, { globals, args, parameters }) => {
  const theme = storyTheme(globals.theme);
  const { storyWidth, ownRoot }: FrameParameters = parameters;
  return (
    <div className="vo-story-backdrop" data-theme={theme}>
      <div className="vo-story-frame" style={storyWidth ? { width: storyWidth } : undefined}>
        {ownRoot ? (
          <Story />
        ) : (
          <div className="vo-root" data-theme={theme} style={cssVariablesOf(args)}>
            <Story />
          </div>
        )}
      </div>
    </div>
  );
};

const themeVariable = (description: string, control: "color" | "text") => ({
  description,
  control,
  table: { category: "Theme (CSS variables)" },
});

const preview: Preview = {
  tags: ["autodocs"],
  // The last decorator wraps the others: the language reaches the frame and the story.
  decorators: [withFrame, withLocale],
  parameters: {
    layout: "fullscreen",
    controls: { expanded: true, sort: "requiredFirst" },
  },
  globalTypes: {
    theme: {
      description: "Widget theme (data-theme on .vo-root)",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "Language of the widget's strings (the locale prop)",
      toolbar: {
        title: "Language",
        icon: "globe",
        items: LANGUAGES.map((value) => ({ value, title: LANGUAGE_NAMES[value], right: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light", locale: "en" },
  // The toolbar's language is in before the story renders (the widget loads it itself otherwise).
  loaders: [async ({ globals }) => ({ messages: await loadCatalogue(String(globals.locale ?? "en")) })],
  argTypes: {
    "--vo-accent": themeVariable("Buttons, links, focus and the progress ring.", "color"),
    "--vo-surface": themeVariable("Card background; keep it translucent for the glass effect.", "color"),
    "--vo-text": themeVariable("Body text.", "color"),
    "--vo-radius": themeVariable("Card corner radius, e.g. 24px.", "text"),
    "--vo-blur": themeVariable("Backdrop blur behind cards, e.g. 4px.", "text"),
  },
};

export default preview;
