import { useCallback, useEffect, useRef } from "react";

type Direction = "up" | "down";

/**
 * Reordering moves DOM nodes, and a browser drops focus from a node that moves. After a move
 * (now or once the agent confirms it), focus goes back to the moved stage's move button.
 */
export function useFocusAfterMove(order: string) {
  const listRef = useRef<HTMLOListElement>(null);
  const moved = useRef<{ id: string; direction: Direction } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order changes, reads refs only
  useEffect(() => {
    const list = listRef.current;
    const target = moved.current;
    if (!list || !target) return;
    const active = list.ownerDocument.activeElement;
    if (active && list.contains(active)) return;
    moved.current = null;
    // Focus went elsewhere on purpose; leave it there.
    if (active && active !== list.ownerDocument.body) return;
    const item = [...list.children].find(
      (child) => child instanceof HTMLElement && child.dataset.id === target.id,
    );
    const buttons = [...(item?.querySelectorAll<HTMLButtonElement>('button[name^="move-"]') ?? [])];
    const enabled = buttons.filter((button) => !button.disabled);
    (enabled.find((button) => button.name === `move-${target.direction}`) ?? enabled[0])?.focus();
  }, [order]);

  const rememberMove = useCallback((id: string, direction: Direction) => {
    moved.current = { id, direction };
  }, []);
  return { listRef, rememberMove };
}
