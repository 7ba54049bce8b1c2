// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sampleProfile } from "../cards/fixtures.js";
import { ProfileCards } from "../cards/profile-cards.js";
import { TraitsCard } from "../cards/traits-card.js";
import { MotionProvider } from "./motion-provider.js";

describe("cards without a browser", () => {
  it("render on the server: no window or document at import or render time", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(<ProfileCards profile={sampleProfile} onEdit={() => {}} />);
    expect(html.match(/class="vo-card vo-card--/g)).toHaveLength(6);
    expect(html).toContain('data-id="t-ts"');
  });

  it("renders a card the same inside an outer MotionProvider as alone", () => {
    const alone = renderToString(<TraitsCard traits={sampleProfile.traits} />);
    const nested = renderToString(
      <MotionProvider>
        <TraitsCard traits={sampleProfile.traits} />
      </MotionProvider>,
    );
    expect(nested).toBe(alone);
  });
});
