import { Component, type RefObject } from "react";
import { canAnimate } from "./motion-li.js";
import { listItemMotion } from "./presets.js";

interface SlideOnReorderProps {
  /** The list whose children (found by `data-id`) slide. */
  listRef: RefObject<HTMLElement | null>;
  /** The items' ids in order; a change starts the slide. */
  order: string;
}

type Offsets = Map<string, number>;

const SLIDE_MS = listItemMotion.transition.duration * 1000 * 1.5;

/**
 * Slides list items from where they were to where a new order put them (FLIP, with the Web
 * Animations API). framer-motion's `layout` does the same but needs its domMax features, about
 * 13 kB gzip more, and measures every motion element of the page on each update.
 * A class for `getSnapshotBeforeUpdate`, the one moment to read the old layout right before React
 * moves the nodes; it reads only when the order changed, so other updates never force a layout.
 * Offsets ignore transforms, so a running animation does not skew them. Renders nothing.
 */
export class SlideOnReorder extends Component<SlideOnReorderProps> {
  override getSnapshotBeforeUpdate(previous: SlideOnReorderProps): Offsets | null {
    const list = this.props.listRef.current;
    if (previous.order === this.props.order || !list || !canAnimate(list)) return null;
    return offsetsOf(list);
  }

  override componentDidUpdate(_props: SlideOnReorderProps, _state: unknown, before: Offsets | null) {
    const list = this.props.listRef.current;
    if (!before || !list) return;
    for (const child of list.children) {
      if (!(child instanceof HTMLElement) || child.dataset.id === undefined) continue;
      const was = before.get(child.dataset.id);
      const shift = was === undefined ? 0 : was - child.offsetTop;
      if (Math.abs(shift) < 1) continue;
      child.animate([{ transform: `translateY(${shift}px)` }, { transform: "none" }], {
        duration: SLIDE_MS,
        easing: "ease-out",
      });
    }
  }

  override render() {
    return null;
  }
}

function offsetsOf(list: HTMLElement): Offsets {
  const offsets: Offsets = new Map();
  for (const child of list.children) {
    if (child instanceof HTMLElement && child.dataset.id !== undefined)
      offsets.set(child.dataset.id, child.offsetTop);
  }
  return offsets;
}
