import { cookies } from "next/headers";
import { OnboardingDemo } from "../components/onboarding-demo";
import { currentUser } from "../lib/host-auth";
import { resolveMode } from "../lib/mode";
import { parseSpeed, parseWidgetCount } from "../lib/page-options";
import { fullIntake } from "../lib/recording";

// The mode depends on the session service at request time.
export const dynamic = "force-dynamic";

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Page({ searchParams }: PageProps) {
  const params = await searchParams;
  const mode = await resolveMode();
  const live = mode.kind === "live";
  // Live intakes are for signed-in users only (the token route refuses anyone else).
  const user = live ? currentUser(await cookies()) : null;
  return (
    <main className="page">
      <header className="page__header">
        <p className="page__eyebrow">Acme ATS · New requisition</p>
        <h1 className="page__title">Tell us about the role</h1>
        <p className="page__intro">
          Talk it through with the intake assistant; the cards fill in as you speak, and you can correct any
          of them by hand.
        </p>
      </header>
      {live ? (
        <p className="mode-badge" data-mode="live" data-testid="mode-badge">
          Live — the intake agent joins when you start
        </p>
      ) : (
        <div className="mode-banner" data-mode="replay" data-testid="mode-badge" role="note">
          <strong>Replay — recorded intake, no live agent</strong>
          <span className="mode-banner__reason">
            {sentence(mode.reason)}. Press “Start conversation” to play it; your edits change this replay
            only.
          </span>
        </div>
      )}
      {live && user === null ? (
        <form className="sign-in" method="post" action="/api/demo-sign-in" data-testid="sign-in">
          <p>Sign in to the ATS to start a live intake (the demo signs you in as Maya Chen).</p>
          <button type="submit">Sign in</button>
        </form>
      ) : (
        <OnboardingDemo
          live={live}
          replay={live ? null : fullIntake}
          speed={parseSpeed(params.speed)}
          widgets={parseWidgetCount(params.widgets)}
          hostRoom={params.room === "host"}
          textOnly={params.input === "text"}
        />
      )}
    </main>
  );
}
