import { NextResponse } from "next/server";
import { DEMO_USER, DEMO_USER_COOKIE, demoSessionValue } from "../../../lib/host-auth";

/**
 * The demo's stand-in for your ATS's login: signs the demo recruiter in and returns to the page.
 * Not part of the pattern to copy (your users are already signed in to your ATS).
 */
export async function POST() {
  // A relative Location: back to the page on whatever host the browser used.
  const response = new NextResponse(null, { status: 303, headers: { location: "/" } });
  response.cookies.set(DEMO_USER_COOKIE, demoSessionValue(DEMO_USER), {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: 8 * 3600,
  });
  return response;
}
