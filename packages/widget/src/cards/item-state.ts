import { useRef } from "react";
import type { CardCommonProps, ItemState } from "./types.js";

type StateProps = Pick<CardCommonProps, "highlighted" | "pendingIds" | "rejected">;

interface Memory {
  highlightKey: string;
  known: Set<string>;
  fresh: ReadonlySet<string>;
}

const EMPTY: readonly string[] = [];

/**
 * The `data-state` of each item. A highlighted id counts as `new` when it was not on screen before
 * the highlight arrived, else `updated`; this is decided once per highlight, so unrelated re-renders
 * (opening an editor) do not restart the CSS highlight animation.
 */
export function useItemStates(ids: readonly string[], props: StateProps): (id: string) => ItemState {
  const highlighted = props.highlighted ?? EMPTY;
  const memory = useRef<Memory | null>(null);
  const highlightKey = highlighted.join("\u0000");
  if (memory.current === null) {
    memory.current = { highlightKey, known: new Set(ids), fresh: new Set() };
  } else if (memory.current.highlightKey !== highlightKey) {
    const { known } = memory.current;
    memory.current = { highlightKey, known, fresh: new Set(highlighted.filter((id) => !known.has(id))) };
  }
  for (const id of ids) memory.current.known.add(id);

  const { fresh } = memory.current;
  const pending = new Set(props.pendingIds ?? EMPTY);
  const changed = new Set(highlighted);
  const rejectedId = props.rejected?.id;
  return (id) => {
    if (id === rejectedId) return "rejected";
    if (pending.has(id)) return "pending";
    if (fresh.has(id)) return "new";
    if (changed.has(id)) return "updated";
    return "idle";
  };
}
