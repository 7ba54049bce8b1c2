import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "@voice-onboarding/widget/styles.css";
import "./globals.css";

export const metadata: Metadata = {
  title: "Voice Onboarding · example ATS",
  description: "A Next.js host app embedding the <VoiceOnboarding/> intake widget.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
