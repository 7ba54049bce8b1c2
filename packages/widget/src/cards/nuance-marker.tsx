import type { NuanceCategory } from "@voice-onboarding/protocol";

/**
 * One shape per category, so the groups differ without relying on their colour (which the
 * stylesheet adds per data-category); the heading beside it carries the name.
 */
const SHAPES: Record<NuanceCategory, string> = {
  culture_fit: "M8 3a5 5 0 1 0 0 10A5 5 0 0 0 8 3z",
  hidden_pref: "M8 2l6 6-6 6-6-6z",
  red_flag: "M3 2h2v12H3zM5 3h8l-2 3 2 3H5z",
  selling_point: "M8 1.5l1.9 4 4.4.5-3.3 3 .9 4.3L8 11.1l-3.9 2.2.9-4.3-3.3-3 4.4-.5z",
  team_dynamic: "M5 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM11 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z",
  growth_path: "M8 2l6 11H2z",
  urgency: "M9.5 1L3 9h4.5l-1 6L13 7H8.5z",
  other: "M3 3h10v10H3z",
};

export function NuanceMarker({ category }: { category: NuanceCategory }) {
  return (
    <svg
      className="vo-nuance-marker"
      data-category={category}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SHAPES[category]} />
    </svg>
  );
}
