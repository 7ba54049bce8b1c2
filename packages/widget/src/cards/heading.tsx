import { type ComponentProps, createContext, useContext } from "react";

/** The level of the widget's top headings (card titles); `<VoiceOnboarding headingLevel>` sets it. */
export const HeadingLevelContext = createContext(2);

type HeadingProps = ComponentProps<"h2"> & {
  /** 0: a card's title; 1: a group inside a card; 2: an item inside a group. */
  depth?: 0 | 1 | 2;
};

/** A heading placed in the host page's outline: `headingLevel` plus its depth, at most h6. */
export function Heading({ depth = 0, ...props }: HeadingProps) {
  const level = Math.min(6, useContext(HeadingLevelContext) + depth);
  const Tag = `h${level}` as "h2";
  return <Tag {...props} />;
}
