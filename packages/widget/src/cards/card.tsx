import { type ReactNode, useId } from "react";
import { MotionProvider } from "../motion/motion-provider.js";
import { Heading } from "./heading.js";

/** `complete` only on the completion card once onboarding is completed. */
export type CardState = "empty" | "idle" | "updated" | "complete";

interface CardProps {
  name: string;
  title: string;
  state: CardState;
  /** Shown while the card is empty: what the agent will ask for. */
  emptyText?: string;
  className?: string;
  /** Right of the heading, e.g. a count. */
  aside?: ReactNode;
  children?: ReactNode;
}

/** The glass `<section>` every card renders, labelled by its heading. */
export function Card({ name, title, state, emptyText, className, aside, children }: CardProps) {
  const headingId = useId();
  const classes = ["vo-card", `vo-card--${name}`, className].filter(Boolean).join(" ");
  return (
    <MotionProvider>
      <section className={classes} aria-labelledby={headingId} data-state={state}>
        <header className="vo-card__header">
          <Heading className="vo-card__title" id={headingId} tabIndex={-1}>
            {title}
          </Heading>
          {aside}
        </header>
        {state === "empty" && emptyText && <p className="vo-card__empty">{emptyText}</p>}
        {children}
      </section>
    </MotionProvider>
  );
}

/** `empty` without items, `updated` while one of the card's own keys ("traits", ...) is highlighted. */
export function cardState(
  itemCount: number,
  keys: readonly string[],
  highlighted?: readonly string[],
): CardState {
  if (itemCount === 0) return "empty";
  return keys.some((key) => highlighted?.includes(key)) ? "updated" : "idle";
}
